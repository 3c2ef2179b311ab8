/*
 * test_cmd_rota_export.c - `ovttas rota export`: each format written
 * where --out says, --json naming the files, an existing file kept
 * without --force, and wrong or missing options (unknown plan, bad
 * format, no --out) refused with exit 1, naming the option, writing
 * nothing.
 */
#include <jansson.h>
#include <sys/stat.h>

#include "staffing/staff_fixture.h"

typedef struct {
	char *dir, *db;
	char id[32];
	int employees;
} fx_cli;

/* A copy of the demo with one stored (made-up) rota of Karasjok
 * sykehjem for six weeks from 5 January 2026. */
static fx_cli make(void)
{
	fx_cli f = {0};
	f.dir = tmp_dir();
	f.db = fx_demo_copy(f.dir);
	db *d;
	ov_err e;
	assert_int_equal(db_open(f.db, DB_WRITE, &d, &e), OV_OK);
	int64_t unit = fx_unit(d, "3200");
	ov_day from;
	assert_int_equal(ov_date_parse("2026-01-05", &from), 0);
	rota_problem *p;
	staff_map *m;
	assert_int_equal(staff_build_problem(d, unit, from, 6, &p, &m, &e),
			 OV_OK);
	rota_roster *r = rota_roster_new(p->n_employees, p->n_days);
	for (int i = 0; i < p->n_employees; i++)
		for (int day = 0; day < p->n_days; day++)
			r->assign[i * p->n_days + day] =
				(i + day) % 3 ? (i + day) % p->n_shifts
					      : ROTA_OFF;
	int64_t id;
	assert_int_equal(
	    staff_store_rota(d, NULL, unit, from, 6, m, r, NULL, 1, &id, &e),
	    OV_OK);
	snprintf(f.id, sizeof f.id, "%lld", (long long)id);
	f.employees = m->n_employees;
	rota_roster_free(r);
	staff_map_free(m);
	rota_problem_free(p);
	db_close(d);
	return f;
}

static void done(fx_cli *f)
{
	rm_rf(f->dir);
	free(f->db);
	free(f->dir);
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static void test_formats(void **state)
{
	(void)state;
	fx_cli f = make();
	char *csv = path_join(f.dir, "rota.csv");
	char *xlsx = path_join(f.dir, "rota.xlsx");
	char *cal = path_join(f.dir, "cal");
	run_result r = run_cli("--db", f.db, "--lang", "en", "rota", "export",
			       "--plan", f.id, "--format", "csv", "--out", csv,
			       NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, csv));
	assert_true(exists(csv));
	run_free(&r);

	r = run_cli("--db", f.db, "--json", "rota", "export", "--plan", f.id,
		    "--format", "xlsx", "--out", xlsx, NULL);
	assert_int_equal(r.code, 0);
	json_error_t je;
	json_t *j = json_loads(r.out, 0, &je);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j, "plan")),
			 atoll(f.id));
	assert_string_equal(json_string_value(json_object_get(j, "format")),
			    "xlsx");
	json_t *files = json_object_get(j, "files");
	assert_int_equal(json_array_size(files), 1);
	assert_string_equal(json_string_value(json_array_get(files, 0)), xlsx);
	json_decref(j);
	run_free(&r);
	FILE *in = fopen(xlsx, "rb");
	char magic[4];
	assert_int_equal(fread(magic, 1, 4, in), 4);
	fclose(in);
	assert_memory_equal(magic, "PK\x03\x04", 4);

	r = run_cli("--db", f.db, "--json", "rota", "export", "--plan", f.id,
		    "--format", "ics", "--out", cal, NULL);
	assert_int_equal(r.code, 0);
	j = json_loads(r.out, 0, &je);
	assert_non_null(j);
	files = json_object_get(j, "files");
	assert_int_equal(json_array_size(files), (size_t)f.employees);
	for (size_t i = 0; i < json_array_size(files); i++)
		assert_true(
			exists(json_string_value(json_array_get(files, i))));
	json_decref(j);
	run_free(&r);

	r = run_cli("--db", f.db, "--lang", "en", "rota", "export", "--plan",
		    f.id, "--format", "ics", "--out", cal, "--force", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "calendars written to"));
	run_free(&r);
	free(csv);
	free(xlsx);
	free(cal);
	done(&f);
}

static void test_overwrite_needs_force(void **state)
{
	(void)state;
	fx_cli f = make();
	char *csv = path_join(f.dir, "rota.csv");
	FILE *o = fopen(csv, "w");
	fputs("keep me", o);
	fclose(o);
	run_result r = run_cli("--db", f.db, "rota", "export", "--plan", f.id,
			       "--format", "csv", "--out", csv, NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--out"));
	assert_true(contains(r.err, "--force"));
	run_free(&r);
	o = fopen(csv, "r");
	char buf[16] = "";
	assert_non_null(fgets(buf, sizeof buf, o));
	fclose(o);
	assert_string_equal(buf, "keep me");
	r = run_cli("--db", f.db, "rota", "export", "--plan", f.id, "--format",
		    "csv", "--out", csv, "--force", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	o = fopen(csv, "r");
	assert_non_null(fgets(buf, sizeof buf, o));
	fclose(o);
	assert_string_not_equal(buf, "keep me");
	free(csv);
	done(&f);
}

static void test_bad_options(void **state)
{
	(void)state;
	fx_cli f = make();
	char *out = path_join(f.dir, "x.csv");
	struct {
		const char *plan, *format, *out, *field;
	} cases[] = {
		{"9999", "csv", out, "--plan"},   /* no such plan */
		{"abc", "csv", out, "--plan"},    /* not an id */
		{"0", "csv", out, "--plan"},
		{NULL, "csv", out, "--plan"},     /* missing */
		{f.id, "pdf", out, "--format"},   /* unknown format */
		{f.id, NULL, out, "--format"},
		{f.id, "csv", NULL, "--out"},     /* missing */
		{f.id, "csv", "", "--out"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *argv[16];
		int n = 0;
		argv[n++] = "--json";
		argv[n++] = "--db";
		argv[n++] = f.db;
		argv[n++] = "rota";
		argv[n++] = "export";
		if (cases[i].plan) {
			argv[n++] = "--plan";
			argv[n++] = cases[i].plan;
		}
		if (cases[i].format) {
			argv[n++] = "--format";
			argv[n++] = cases[i].format;
		}
		if (cases[i].out) {
			argv[n++] = "--out";
			argv[n++] = cases[i].out;
		}
		while (n < 16)
			argv[n++] = NULL;
		run_result r = run_cli(argv[0], argv[1], argv[2], argv[3],
				       argv[4], argv[5], argv[6], argv[7],
				       argv[8], argv[9], argv[10], NULL);
		if (r.code != 1 || !contains(r.err, cases[i].field))
			fail_msg("case %zu: exit %d, %s", i, r.code, r.err);
		run_free(&r);
		assert_false(exists(out));
	}
	/* the text form names the option too */
	run_result r = run_cli("--db", f.db, "--lang", "en", "rota", "export",
			       "--plan", "9999", "--format", "ics", "--out",
			       out, NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--plan: no rota with id 9999"));
	assert_false(exists(out));
	run_free(&r);
	free(out);
	done(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_overwrite_needs_force),
		cmocka_unit_test(test_bad_options),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
