/*
 * test_cmd_routes_export.c - `ovttas routes export` on a copy of the
 * demo database with a stored home-care rota and one planned day, in
 * which one recipient's name holds a comma and the five characters HTML
 * must escape: the HTML page (every stop and caregiver, escaped, the
 * reader's language, print rules, nothing from elsewhere), the GeoJSON
 * (parsed back: a point per stop and per unserved visit, a route per
 * caregiver, every position [lon, lat] in Finnmark), the CSV (a header
 * and a row per stop and unserved visit, the odd name quoted), an
 * existing file kept without --force and replaced with it, and the
 * errors with exit code 1 and nothing written.
 */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db.h"
#include "support/support.h"

#define UNIT "3100" /* Karasjok's Hjemmetjenesten */
#define DAY "2027-01-06"
/* Appended to one recipient's family name before planning. */
#define ODD ", <&> \"Jr\" 's"
#define ODD_HTML ", &lt;&amp;&gt; &quot;Jr&quot; &#39;s"

typedef struct {
	copy_db c;
	json_t *show;   /* `routes show --json` of the planned day */
	char code[16];  /* the recipient with the odd name */
	char name[256]; /* its full name, as the lists give it */
} fixture;

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

static void spit(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Entries in dir, "." and ".." aside (no temporary file left over). */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* `routes export` of the planned day (extra: one more option and its
 * value, or NULLs) into dir/name. */
static run_result export_to(const fixture *f, const char *lang,
			    const char *format, const char *path,
			    const char *extra)
{
	return run_cli("--db", f->c.path, "--lang", lang, "routes", "export",
		       "--municipality", "karasjok", "--date", DAY,
		       "--format", format, "--out", path, extra, NULL);
}

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->c = demo_copy();
	run_result r = run_cli("--db", f->c.path, "rota", "plan", "--unit",
			       UNIT, "--from", "2027-01-04", "--weeks", "1",
			       "--seconds", "1", "--quiet", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	/* a recipient due that day gets a name to escape and quote */
	db *d;
	ov_err e;
	assert_int_equal(db_open(f->c.path, DB_WRITE, &d, &e), OV_OK);
	assert_int_equal(
		db_exec(d,
			"UPDATE care_recipient SET family_name = family_name "
			"|| ', <&> \"Jr\" ''s' WHERE id = (SELECT min(r.id) "
			"FROM care_recipient r JOIN visit_request v ON "
			"v.recipient_id = r.id JOIN municipality m ON m.id = "
			"r.municipality_id WHERE m.code = '5610' AND "
			"substr(v.weekdays, 3, 1) = '1' AND v.window_start < "
			"900)",
			&e),
		OV_OK);
	db_close(d);
	r = run_cli("--db", f->c.path, "routes", "plan", "--municipality",
		    "karasjok", "--date", DAY, "--seconds", "1", "--quiet",
		    NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	r = run_cli("--db", f->c.path, "--json", "routes", "show",
		    "--municipality", "karasjok", "--date", DAY, NULL);
	assert_int_equal(r.code, 0);
	f->show = parse_json(r.out);
	run_free(&r);
	/* find the odd name on the lists or among the unserved */
	size_t i, k;
	json_t *l, *s;
	json_array_foreach(json_object_get(f->show, "caregivers"), i, l)
		json_array_foreach(json_object_get(l, "stops"), k, s)
			if (contains(json_string_value(
					     json_object_get(s, "name")),
				     ODD)) {
				snprintf(f->code, sizeof f->code, "%s",
					 json_string_value(json_object_get(
						 s, "recipient")));
				snprintf(f->name, sizeof f->name, "%s",
					 json_string_value(
						 json_object_get(s, "name")));
			}
	json_array_foreach(json_object_get(f->show, "unserved"), i, s)
		if (contains(json_string_value(json_object_get(s, "name")),
			     ODD)) {
			snprintf(f->code, sizeof f->code, "%s",
				 json_string_value(
					 json_object_get(s, "recipient")));
			snprintf(f->name, sizeof f->name, "%s",
				 json_string_value(json_object_get(s, "name")));
		}
	assert_true(f->code[0]);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	json_decref(f->show);
	copy_free(&f->c);
	free(f);
	return 0;
}

/* Stops on the lists (both halves of a visit for two), and unserved. */
static size_t n_stops(const fixture *f)
{
	size_t n = 0, i;
	json_t *l;
	json_array_foreach(json_object_get(f->show, "caregivers"), i, l)
		n += json_array_size(json_object_get(l, "stops"));
	return n;
}

static size_t n_unserved(const fixture *f)
{
	return json_array_size(json_object_get(f->show, "unserved"));
}

static void test_html(void **state)
{
	fixture *f = *state;
	char *path = path_join(f->c.dir, "lists.html");
	run_result r = export_to(f, "en", "html", path, NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, path));
	run_free(&r);
	char *html = slurp(path);
	assert_non_null(html);
	assert_true(!strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 31));
	assert_true(contains(html, "<meta charset=\"utf-8\">"));
	assert_true(contains(html, "@media print"));
	assert_true(contains(html, "break-before:page"));
	/* self-contained: no scripts, nothing fetched from elsewhere */
	assert_false(contains(html, "<script"));
	assert_false(contains(html, "src="));
	assert_false(contains(html, "href="));
	assert_false(contains(html, "@import"));
	assert_false(contains(html, "url("));
	/* every caregiver (a section each) and every stop's recipient */
	size_t i, k, sections = 0;
	json_t *l, *s;
	for (const char *p = html; (p = strstr(p, "<section class=\"list\">"));
	     p++)
		sections++;
	assert_int_equal(sections, json_array_size(json_object_get(
					   f->show, "caregivers")));
	json_array_foreach(json_object_get(f->show, "caregivers"), i, l) {
		char who[256];
		snprintf(who, sizeof who, "<h2>%s %s (%s)",
			 json_string_value(json_object_get(l, "given_name")),
			 json_string_value(json_object_get(l, "family_name")),
			 json_string_value(json_object_get(l, "employee_no")));
		assert_true(contains(html, who));
		json_array_foreach(json_object_get(l, "stops"), k, s) {
			char cell[64];
			snprintf(cell, sizeof cell, "<td>%s</td>",
				 json_string_value(
					 json_object_get(s, "recipient")));
			assert_true(contains(html, cell));
		}
	}
	if (n_unserved(f))
		assert_true(contains(html, "Not served ("));
	assert_true(contains(html, "Notes / signature"));
	/* the odd name is escaped, never raw markup */
	assert_true(contains(html, ODD_HTML));
	assert_false(contains(html, "<&>"));
	for (const char *p = html; (p = strstr(p, "<td class=\"name\">"));
	     p++) {
		const char *cell = p + strlen("<td class=\"name\">");
		const char *end = strstr(cell, "</td>");
		assert_non_null(end);
		for (const char *q = cell; q < end; q++)
			assert_true(*q != '<' && *q != '>' && *q != '"');
	}
	free(html);

	/* the page's language follows --lang */
	r = export_to(f, "se", "html", path, "--force");
	assert_int_equal(r.code, 0);
	run_free(&r);
	html = slurp(path);
	assert_true(contains(html, "<html lang=\"se\">"));
	free(html);
	unlink(path);
	free(path);
}

/* Fails unless c is a [lon, lat] in Finnmark. */
static void assert_position(json_t *c)
{
	assert_true(json_is_array(c));
	assert_int_equal(json_array_size(c), 2);
	double lon = json_number_value(json_array_get(c, 0));
	double lat = json_number_value(json_array_get(c, 1));
	assert_true(json_is_number(json_array_get(c, 0)));
	assert_true(lon >= 20 && lon <= 30);
	assert_true(lat >= 68 && lat <= 71);
}

static void test_geojson(void **state)
{
	fixture *f = *state;
	char *path = path_join(f->c.dir, "lists.geojson");
	run_result r = export_to(f, "en", "geojson", path, NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	char *text = slurp(path);
	json_t *j = parse_json(text);
	free(text);
	assert_string_equal(json_string_value(json_object_get(j, "type")),
			    "FeatureCollection");
	size_t i, k, stops = 0, first_halves = 0, unserved = 0, routes = 0;
	json_t *ft, *c;
	json_array_foreach(json_object_get(j, "features"), i, ft) {
		assert_string_equal(
			json_string_value(json_object_get(ft, "type")),
			"Feature");
		json_t *g = json_object_get(ft, "geometry");
		json_t *p = json_object_get(ft, "properties");
		assert_true(json_is_object(p));
		if (json_is_null(g))
			continue; /* a list with no stops */
		const char *type = json_string_value(json_object_get(g, "type"));
		json_t *coords = json_object_get(g, "coordinates");
		if (!strcmp(type, "Point")) {
			assert_position(coords);
			if (json_object_get(p, "employee_no")) {
				stops++;
				first_halves += !json_integer_value(
					json_object_get(p, "part"));
				assert_true(json_integer_value(json_object_get(
						    p, "seq")) >= 1);
				assert_non_null(json_object_get(p, "start"));
			}
			if (json_object_get(p, "reason"))
				unserved++;
		} else {
			assert_string_equal(type, "LineString");
			assert_true(json_array_size(coords) >= 2);
			json_array_foreach(coords, k, c)
				assert_position(c);
			assert_non_null(json_object_get(p, "employee_no"));
			assert_non_null(json_object_get(p, "drive_min"));
			routes++;
		}
	}
	/* a point per stop; a visit for two is two stops, one visit */
	assert_int_equal(stops, n_stops(f));
	assert_int_equal(first_halves, json_integer_value(json_object_get(
					       f->show, "visits")));
	assert_int_equal(unserved, n_unserved(f));
	json_t *l;
	size_t busy = 0;
	json_array_foreach(json_object_get(f->show, "caregivers"), i, l)
		busy += json_array_size(json_object_get(l, "stops")) > 0;
	assert_int_equal(routes, busy);
	json_decref(j);
	unlink(path);
	free(path);
}

static void test_csv(void **state)
{
	fixture *f = *state;
	char *path = path_join(f->c.dir, "lists.csv");
	run_result r = export_to(f, "nb", "csv", path, NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	char *csv = slurp(path);
	/* the header is English whatever the language */
	const char *head =
		"date,shift,employee_no,caregiver,seq,start,recipient,name,"
		"settlement,task,duration_min,language,window_start,"
		"window_end,drive_min,status,reason\r\n";
	assert_true(!strncmp(csv, head, strlen(head)));
	size_t lines = 0, served = 0, unserved = 0;
	for (const char *p = csv; (p = strstr(p, "\r\n")); p += 2)
		lines++;
	for (const char *p = csv; (p = strstr(p, ",served,")); p++)
		served++;
	for (const char *p = csv; (p = strstr(p, ",unserved,")); p++)
		unserved++;
	/* one row per stop and per visit not served */
	assert_int_equal(lines, 1 + n_stops(f) + n_unserved(f));
	assert_int_equal(served, n_stops(f));
	assert_int_equal(unserved, n_unserved(f));
	/* the name with a comma and quotes: quoted, quotes doubled */
	char quoted[600], *q = quoted;
	*q++ = '"';
	for (const char *p = f->name; *p; p++) {
		if (*p == '"')
			*q++ = '"';
		*q++ = *p;
	}
	*q++ = '"';
	*q = '\0';
	char cell[640];
	snprintf(cell, sizeof cell, ",%s,%s,", f->code, quoted);
	assert_true(contains(csv, cell));
	free(csv);
	unlink(path);
	free(path);
}

static void test_force(void **state)
{
	fixture *f = *state;
	char *dir = tmp_dir();
	char *path = path_join(dir, "lists.html");
	spit(path, "keep me\n");
	/* an existing file is kept without --force */
	run_result r = run_cli("--db", f->c.path, "--json", "routes",
			       "export", "--municipality", "karasjok",
			       "--date", DAY, "--format", "html", "--out",
			       path, NULL);
	assert_int_equal(r.code, 1);
	assert_error_field(r.err, "--out");
	run_free(&r);
	char *text = slurp(path);
	assert_string_equal(text, "keep me\n");
	free(text);
	assert_int_equal(entries(dir), 1); /* no temporary file left */
	/* and replaced with it */
	r = export_to(f, "en", "html", path, "--force");
	assert_int_equal(r.code, 0);
	run_free(&r);
	text = slurp(path);
	assert_true(!strncmp(text, "<!DOCTYPE html>", 15));
	free(text);
	assert_int_equal(entries(dir), 1);
	/* --json says what was written */
	r = run_cli("--db", f->c.path, "--json", "routes", "export",
		    "--municipality", "karasjok", "--date", DAY, "--format",
		    "csv", "--out", path, "--force", NULL);
	assert_int_equal(r.code, 0);
	json_t *j = parse_json(r.out);
	assert_string_equal(json_string_value(json_object_get(j, "file")),
			    path);
	assert_string_equal(json_string_value(json_object_get(j, "format")),
			    "csv");
	assert_int_equal(json_integer_value(json_object_get(j, "stops")),
			 n_stops(f));
	json_decref(j);
	run_free(&r);
	rm_rf(dir);
	free(path);
	free(dir);
}

/* Each missing or wrong option, and a day with nothing planned, fails
 * with exit 1 naming the option (with --json), writing nothing. */
static void test_errors(void **state)
{
	fixture *f = *state;
	char *dir = tmp_dir();
	char *path = path_join(dir, "x.csv");
	static const struct {
		const char *field;
		const char *args[10];
	} cases[] = {
		{"--municipality",
		 {"--date", DAY, "--format", "csv", "--out", "OUT"}},
		{"--date",
		 {"--municipality", "karasjok", "--format", "csv", "--out",
		  "OUT"}},
		{"--format",
		 {"--municipality", "karasjok", "--date", DAY, "--out",
		  "OUT"}},
		{"--out",
		 {"--municipality", "karasjok", "--date", DAY, "--format",
		  "csv"}},
		{"--format",
		 {"--municipality", "karasjok", "--date", DAY, "--format",
		  "pdf", "--out", "OUT"}},
		{"--shift",
		 {"--municipality", "karasjok", "--date", DAY, "--shift",
		  "night", "--format", "csv", "--out", "OUT"}},
		/* nothing planned that day: care_route_current's error */
		{"date",
		 {"--municipality", "karasjok", "--date", "2027-01-09",
		  "--format", "csv", "--out", "OUT"}},
	};
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		const char *a[10];
		for (int i = 0; i < 10; i++)
			a[i] = cases[c].args[i] && !strcmp(cases[c].args[i],
							   "OUT")
				       ? path
				       : cases[c].args[i];
		run_result r = run_cli("--db", f->c.path, "--json", "routes",
				       "export", a[0], a[1], a[2], a[3], a[4],
				       a[5], a[6], a[7], a[8], a[9], NULL);
		assert_int_equal(r.code, 1);
		assert_error_field(r.err, cases[c].field);
		run_free(&r);
		assert_false(exists(path));
	}
	/* nothing planned: the message says how to make the lists */
	run_result r = run_cli("--db", f->c.path, "--lang", "en", "routes",
			       "export", "--municipality", "karasjok",
			       "--date", "2027-01-09", "--format", "html",
			       "--out", path, NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "routes plan"));
	run_free(&r);
	/* a folder that does not exist: the user's --out, exit 1 */
	char *missing = path_join(dir, "no/such/folder.csv");
	r = run_cli("--db", f->c.path, "--json", "routes", "export",
		    "--municipality", "karasjok", "--date", DAY, "--format",
		    "csv", "--out", missing, NULL);
	assert_int_equal(r.code, 1);
	assert_error_field(r.err, "--out");
	run_free(&r);
	assert_int_equal(entries(dir), 0);
	free(missing);
	rm_rf(dir);
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_geojson),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_force),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
