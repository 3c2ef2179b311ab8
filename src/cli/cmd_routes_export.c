/*
 * cmd_routes_export.c - `ovttas routes export --municipality M --date D
 * [--shift day|evening] --format html|geojson|csv --out PATH [--force]`:
 * writes the current stored home-care lists of a day and shift as a
 * print-ready HTML page (one sheet per caregiver, to tick by hand), as
 * GeoJSON (each caregiver's route and every stop, for a map) or as CSV
 * (one row per stop, for a spreadsheet). The file is built in memory,
 * written beside its target and renamed into place, so a failed export
 * leaves no half-written file and an existing one is only replaced with
 * --force.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/ov_file.h"
#include "base/ov_i18n.h"
#include "base/ov_str.h"
#include "cmd_routes_int.h"

/* --- the text being built: an ov_buf that remembers a failed append --- */

typedef struct {
	ov_buf b;
	int bad; /* an append ran out of memory */
} out_buf;

static void put(out_buf *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(out_buf *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (!o->bad && ov_buf_vprintf(&o->b, fmt, ap))
		o->bad = 1;
	va_end(ap);
}

static void puts_raw(out_buf *o, const char *s)
{
	if (!o->bad && ov_buf_adds(&o->b, s))
		o->bad = 1;
}

static ov_status nomem(ov_err *err)
{
	return OV_FAIL(err, OV_E_NOMEM, NULL, "%s", _("out of memory"));
}

/* --- shared wording (routes_competence_name, routes_why_text and
 * routes_duration are cmd_routes_show.c's) --- */

/* The language a stop is served in, as `routes show` prints it. */
static const char *language_text(const care_route *r, const care_stop *s)
{
	if (strcmp(s->visit.language, "se"))
		return _("Norwegian");
	if (s->row < 0)
		return _("Sámi");
	return r->caregivers[s->row].sami_speaker ? _("Sámi")
						  : _("Sámi (not met)");
}

/* " (two caregivers)" on the first half of a visit for two, " (second
 * caregiver)" on the second, else "". */
static const char *two_text(const care_visit_due *v)
{
	if (!v->two_caregivers)
		return "";
	return v->part ? _(" (second caregiver)") : _(" (two caregivers)");
}

/* "Given Family" of a caregiver. */
static const char *caregiver_name(const care_caregiver *c, char *buf,
				  size_t n)
{
	snprintf(buf, n, "%s %s", c->given_name, c->family_name);
	ov_utf8_trim_partial(buf);
	return buf;
}

/* A translated line ending in "\n" (a msgid shared with the text
 * output) without it, for a heading. */
static char *chomp(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
	return s;
}

/* Visits (stops) on caregiver k's list and the minutes of driving, to
 * the break at the office and home included. */
static int list_totals(const care_route *r, int k, double *drive,
		       double *care)
{
	int n = 0;
	*drive = r->caregivers[k].back_drive + r->caregivers[k].break_drive;
	*care = 0;
	for (int i = 0; i < r->n_stops; i++)
		if (r->stops[i].row == k) {
			n++;
			*drive += r->stops[i].drive;
			*care += r->stops[i].visit.duration_min;
		}
	return n;
}

/* --- HTML --- */

/* s with & < > " ' escaped, so no text from the database can make
 * markup. */
static void html_text(out_buf *o, const char *s)
{
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '&':
			puts_raw(o, "&amp;");
			break;
		case '<':
			puts_raw(o, "&lt;");
			break;
		case '>':
			puts_raw(o, "&gt;");
			break;
		case '"':
			puts_raw(o, "&quot;");
			break;
		case '\'':
			puts_raw(o, "&#39;");
			break;
		default:
			if (!o->bad && ov_buf_add(&o->b, p, 1))
				o->bad = 1;
		}
	}
}

/* One cell: <td class="cls">text</td> (cls may be NULL). */
static void html_cell(out_buf *o, const char *tag, const char *cls,
		      const char *s)
{
	if (cls)
		put(o, "<%s class=\"%s\">", tag, cls);
	else
		put(o, "<%s>", tag);
	html_text(o, s);
	put(o, "</%s>", tag);
}

static void html_head_row(out_buf *o, const char *const *head, int n)
{
	puts_raw(o, "<thead><tr>");
	for (int i = 0; i < n; i++)
		html_cell(o, "th", NULL, head[i]);
	puts_raw(o, "</tr></thead>\n");
}

/* The caregiver's break as a row of the list, where it falls: at the
 * office (as `routes show` prints it). */
static void html_break_row(out_buf *o, const care_caregiver *c)
{
	char a[8], min[16];
	snprintf(min, sizeof min, "%d", c->break_min);
	puts_raw(o, "<tr class=\"break\">");
	html_cell(o, "td", NULL, routes_clock(c->break_start, a, sizeof a));
	html_cell(o, "td", NULL, "");
	html_cell(o, "td", NULL, _("Break"));
	html_cell(o, "td", NULL, _("the office"));
	html_cell(o, "td", NULL, "");
	html_cell(o, "td", "num", min);
	html_cell(o, "td", NULL, "");
	html_cell(o, "td", NULL, "");
	html_cell(o, "td", "sign", "");
	puts_raw(o, "</tr>\n");
}

/* No scripts, no fonts or images from elsewhere: the page prints the
 * same on any machine, offline. On paper each caregiver's list starts a
 * new sheet and repeats the day, since the sheets are handed out. */
static const char html_style[] =
	"body{font-family:sans-serif;font-size:11pt;margin:1.5em;"
	"color:#000;background:#fff}\n"
	"h1{font-size:16pt}h2{font-size:13pt;margin:0.2em 0 0.5em}\n"
	"section{margin-top:2em}\n"
	"p.day{display:none;margin:0;font-size:9pt}\n"
	"table{border-collapse:collapse;width:100%}\n"
	"th,td{border:1px solid #444;padding:0.25em 0.4em;text-align:left;"
	"vertical-align:top}\n"
	"th{background:#e8e8e8}\n"
	"td.num{text-align:right}\n"
	"td.sign{width:10em}\n"
	"tr.break td{font-style:italic}\n"
	"@media print{\n"
	"body{margin:0;font-size:10pt}\n"
	"header{display:none}\n"
	"p.day{display:block}\n"
	"section{margin-top:0;break-before:page;page-break-before:always}\n"
	"section:first-of-type{break-before:auto;"
	"page-break-before:auto}\n"
	"thead{display:table-header-group}\n"
	"tr{break-inside:avoid;page-break-inside:avoid}\n"
	"th{background:none}\n"
	"}\n";

static void html_list(out_buf *o, const care_route *r, int k,
		      const char *title)
{
	const care_caregiver *c = &r->caregivers[k];
	char a[8], b[8], d1[32], d2[32], line[512];
	double drive, care;
	int n = list_totals(r, k, &drive, &care);
	snprintf(line, sizeof line,
		 _("%s %s (%s), %s%s, %s %s-%s: %d visits, %s of care, %s "
		   "driving\n"),
		 c->given_name, c->family_name, c->employee_no,
		 routes_competence_name(c->competence),
		 c->sami_speaker ? _(", speaks Sámi") : "", c->shift_code,
		 routes_clock(c->start_min, a, sizeof a),
		 routes_clock(c->end_min, b, sizeof b), n,
		 routes_duration(care, d1, sizeof d1),
		 routes_duration(drive, d2, sizeof d2));
	ov_utf8_trim_partial(line);
	puts_raw(o, "<section class=\"list\">\n");
	html_cell(o, "p", "day", title);
	puts_raw(o, "\n");
	html_cell(o, "h2", NULL, chomp(line));
	puts_raw(o, "\n");
	if (c->break_min && c->break_start < 0) {
		snprintf(line, sizeof line,
			 _("  no room for the %d-minute break: the list is too "
			   "full\n"),
			 c->break_min);
		const char *t = chomp(line);
		html_cell(o, "p", "nobreak", t + strspn(t, " "));
		puts_raw(o, "\n");
	}
	if (!n) {
		puts_raw(o, "</section>\n");
		return;
	}
	const char *head[] = {_("Time"),     _("Recipient"), _("Name"),
			      _("Settlement"), _("Task"),    _("Min"),
			      _("Language"), _("Window"),
			      _("Notes / signature")};
	puts_raw(o, "<table>\n");
	html_head_row(o, head, 9);
	puts_raw(o, "<tbody>\n");
	int seq = 0;
	for (int i = 0; i < r->n_stops; i++) {
		const care_stop *s = &r->stops[i];
		if (s->row != k)
			continue;
		if (seq++ == c->break_after && c->break_start >= 0)
			html_break_row(o, c);
		const care_visit_due *v = &s->visit;
		char task[128], win[16], min[16];
		snprintf(task, sizeof task, "%s%s", routes_task_name(v->task),
			 two_text(v));
		snprintf(win, sizeof win, "%s-%s",
			 routes_clock(v->window_start, a, sizeof a),
			 routes_clock(v->window_end, b, sizeof b));
		snprintf(min, sizeof min, "%d", v->duration_min);
		puts_raw(o, "<tr>");
		html_cell(o, "td", NULL, routes_clock(s->start, a, sizeof a));
		html_cell(o, "td", NULL, v->code);
		html_cell(o, "td", "name", v->name);
		html_cell(o, "td", NULL, v->settlement);
		html_cell(o, "td", NULL, task);
		html_cell(o, "td", "num", min);
		html_cell(o, "td", NULL, language_text(r, s));
		html_cell(o, "td", NULL, win);
		html_cell(o, "td", "sign", "");
		puts_raw(o, "</tr>\n");
	}
	if (seq == c->break_after && c->break_start >= 0)
		html_break_row(o, c); /* after the last visit */
	puts_raw(o, "</tbody>\n</table>\n</section>\n");
}

static void html_unserved(out_buf *o, const care_route *r, int n,
			  const char *title)
{
	char a[8], b[8], line[128];
	snprintf(line, sizeof line, _("Not served (%d):\n"), n);
	puts_raw(o, "<section class=\"unserved\">\n");
	html_cell(o, "p", "day", title);
	puts_raw(o, "\n");
	html_cell(o, "h2", NULL, chomp(line));
	puts_raw(o, "\n<table>\n");
	const char *head[] = {_("Window"),     _("Recipient"), _("Name"),
			      _("Settlement"), _("Task"),      _("Needs"),
			      _("Reason")};
	html_head_row(o, head, 7);
	puts_raw(o, "<tbody>\n");
	for (int i = 0; i < r->n_stops; i++) {
		const care_stop *s = &r->stops[i];
		if (s->row >= 0)
			continue;
		const care_visit_due *v = &s->visit;
		char win[16], task[128];
		snprintf(win, sizeof win, "%s-%s",
			 routes_clock(v->window_start, a, sizeof a),
			 routes_clock(v->window_end, b, sizeof b));
		snprintf(task, sizeof task, "%s%s", routes_task_name(v->task),
			 v->two_caregivers ? _(" (two caregivers)") : "");
		puts_raw(o, "<tr>");
		html_cell(o, "td", NULL, win);
		html_cell(o, "td", NULL, v->code);
		html_cell(o, "td", "name", v->name);
		html_cell(o, "td", NULL, v->settlement);
		html_cell(o, "td", NULL, task);
		html_cell(o, "td", NULL, routes_competence_name(v->competence));
		html_cell(o, "td", NULL, routes_why_text(s->why));
		puts_raw(o, "</tr>\n");
	}
	puts_raw(o, "</tbody>\n</table>\n</section>\n");
}

static void build_html(out_buf *o, const org_municipality *m,
		       const care_route *r)
{
	char day[16], title[512];
	snprintf(title, sizeof title,
		 _("Home-care routes, %s, %s, %s (plan %lld)\n"),
		 ov_i18n_pick(m->name_nb, m->name_se),
		 ov_date_format(r->day, day, sizeof day),
		 care_shift_label(r->shift), (long long)r->id);
	ov_utf8_trim_partial(title);
	chomp(title);
	puts_raw(o, "<!DOCTYPE html>\n<html lang=\"");
	html_text(o, ov_i18n_lang());
	puts_raw(o, "\">\n<head>\n<meta charset=\"utf-8\">\n");
	html_cell(o, "title", NULL, title);
	puts_raw(o, "\n<style>\n");
	puts_raw(o, html_style);
	puts_raw(o, "</style>\n</head>\n<body>\n<header>");
	html_cell(o, "h1", NULL, title);
	puts_raw(o, "</header>\n");
	int unserved = 0;
	for (int i = 0; i < r->n_stops; i++)
		unserved += r->stops[i].row < 0;
	for (int k = 0; k < r->n_caregivers; k++)
		html_list(o, r, k, title);
	if (unserved)
		html_unserved(o, r, unserved, title);
	puts_raw(o, "</body>\n</html>\n");
}

/* --- GeoJSON --- */

/* A position as RFC 7946 wants it: [longitude, latitude] in WGS84
 * (which is what care_recipient and municipality store). */
static json_t *position(double lat, double lon)
{
	return json_pack("[f,f]", lon, lat);
}

/* The office the lists start and end at, and where breaks are taken:
 * the planner's depot is the municipality's coordinates (care_day.c),
 * 0, 0 when they are not set. */
static int office_known(const org_municipality *m)
{
	return m->lat != 0 || m->lon != 0;
}

/* A Feature of geometry (json_null(): none) and properties; takes
 * both, NULL when either could not be made. */
static json_t *feature(json_t *geometry, json_t *properties)
{
	if (!geometry || !properties) {
		json_decref(geometry);
		json_decref(properties);
		return NULL;
	}
	return json_pack("{s:s,s:o,s:o}", "type", "Feature", "geometry",
			 geometry, "properties", properties);
}

/* Caregiver k's route: from the office through its stops in order,
 * back to the office for the break where it falls, and home to the
 * office; without the office's coordinates, from the first stop to the
 * last. A LineString needs two positions (RFC 7946, 3.1.4): a list with
 * fewer has no geometry (null); its stop is a Point of its own. */
static json_t *route_feature(const org_municipality *m, const care_route *r,
			     int k)
{
	const care_caregiver *c = &r->caregivers[k];
	char a[8], b[8], name[160];
	double drive, care;
	int n = list_totals(r, k, &drive, &care);
	int office = office_known(m) && n > 0;
	int on_break = c->break_min && c->break_start >= 0;
	json_t *geom = NULL;
	if (n + 2 * office >= 2) {
		json_t *line = json_array();
		int bad = !line;
		if (office)
			bad = json_array_append_new(line,
						    position(m->lat, m->lon));
		for (int i = 0, seq = 0; !bad && i < r->n_stops; i++) {
			const care_visit_due *v = &r->stops[i].visit;
			if (r->stops[i].row != k)
				continue;
			if (office && on_break && seq > 0 &&
			    seq == c->break_after)
				bad = json_array_append_new(
					line, position(m->lat, m->lon));
			seq++;
			if (!bad)
				bad = json_array_append_new(
					line, position(v->lat, v->lon));
		}
		if (office && !bad)
			bad = json_array_append_new(line,
						    position(m->lat, m->lon));
		if (bad) {
			json_decref(line);
			return NULL;
		}
		/* json_pack takes line, also when it fails */
		geom = json_pack("{s:s,s:o}", "type", "LineString",
				 "coordinates", line);
		if (!geom)
			return NULL;
	}
	char bs[8];
	json_t *p = json_pack(
		"{s:s,s:s,s:s,s:s,s:s,s:s,s:b,s:i,s:f,s:f,s:i,s:o}", "kind",
		"route", "employee_no", c->employee_no, "name",
		caregiver_name(c, name, sizeof name), "competence",
		c->competence, "shift_start",
		routes_clock(c->start_min, a, sizeof a), "shift_end",
		routes_clock(c->end_min, b, sizeof b), "sami_speaker",
		c->sami_speaker, "visits", n, "drive_min", drive, "care_min",
		care, "break_min", c->break_min, "break_start",
		on_break ? json_string(routes_clock(c->break_start, bs,
						    sizeof bs))
			 : json_null());
	return feature(geom ? geom : json_null(), p);
}

/* A stop on a list (seq from 1), or an unserved visit (no seq). Names of
 * recipients are left out on purpose: a map file travels further than
 * a printed list, and the pseudonymous code identifies the visit. */
static json_t *stop_feature(const care_route *r, const care_stop *s,
			    int seq)
{
	const care_visit_due *v = &s->visit;
	char a[8], b[8];
	json_t *p = json_pack(
		"{s:s,s:s,s:s,s:s,s:s,s:i,s:i,s:b,s:s,s:s}", "kind",
		s->row >= 0 ? "stop" : "unserved", "recipient", v->code,
		"settlement", v->settlement, "task", v->task, "language",
		v->language, "duration_min", v->duration_min, "part", v->part,
		"two_caregivers", v->two_caregivers, "window_start",
		routes_clock(v->window_start, a, sizeof a), "window_end",
		routes_clock(v->window_end, b, sizeof b));
	if (!p)
		return NULL;
	int bad;
	if (s->row >= 0)
		bad = json_object_set_new(
			      p, "employee_no",
			      json_string(r->caregivers[s->row].employee_no)) |
		      json_object_set_new(p, "seq", json_integer(seq)) |
		      json_object_set_new(
			      p, "start",
			      json_string(routes_clock(s->start, a, sizeof a))) |
		      json_object_set_new(p, "drive_min", json_real(s->drive));
	else
		bad = json_object_set_new(p, "reason", json_string(s->why));
	if (bad) {
		json_decref(p);
		return NULL;
	}
	return feature(json_pack("{s:s,s:o}", "type", "Point", "coordinates",
				 position(v->lat, v->lon)),
		       p);
}

static json_t *build_geojson(const org_municipality *m, const care_route *r)
{
	char day[16];
	json_t *fs = json_array();
	int bad = !fs;
	for (int k = 0; !bad && k < r->n_caregivers; k++)
		bad = json_array_append_new(fs, route_feature(m, r, k));
	if (!bad && office_known(m))
		bad = json_array_append_new(
			fs, feature(json_pack("{s:s,s:o}", "type", "Point",
					      "coordinates",
					      position(m->lat, m->lon)),
				    json_pack("{s:s}", "kind", "office")));
	for (int i = 0, seq = 0, row = -2; !bad && i < r->n_stops; i++) {
		const care_stop *s = &r->stops[i];
		/* stops come by caregiver row and order: count within it */
		seq = s->row == row ? seq + 1 : 1;
		row = s->row;
		bad = json_array_append_new(
			fs, stop_feature(r, s, s->row >= 0 ? seq : 0));
	}
	if (bad) {
		json_decref(fs);
		return NULL;
	}
	/* The day's identity as foreign members (RFC 7946, 6.1). */
	return json_pack("{s:s,s:s,s:s,s:s,s:I,s:o}", "type",
			 "FeatureCollection", "municipality", m->code, "date",
			 ov_date_format(r->day, day, sizeof day), "shift",
			 care_shift_name(r->shift), "plan", (json_int_t)r->id,
			 "features", fs);
}

/* --- CSV --- */

/*
 * One field per RFC 4180: quoted when it holds a comma, a quote or a
 * line break, with quotes inside doubled; records end in CRLF. Written
 * by hand: libcsv is not installed (nor among the libraries the build
 * links), and writing needs no more than this; the rota's CSV export
 * does the same.
 */
static void csv_field(out_buf *o, const char *s, int last)
{
	if (!o->bad && ov_buf_csv_field(&o->b, s, last))
		o->bad = 1;
}

/* Fixed English column names: the file is for programs as much as for
 * people, so they are not translated. Values are the stored codes
 * (task, language, reason), as `routes show --json` gives them. */
static const char *const csv_head[] = {
	"date",		"shift",      "employee_no", "caregiver",
	"seq",		"start",      "recipient",   "name",
	"settlement",	"task",	      "duration_min", "language",
	"window_start", "window_end", "drive_min",   "status",
	"reason"};
#define CSV_COLS (int)(sizeof csv_head / sizeof *csv_head)

static void build_csv(out_buf *o, const care_route *r)
{
	char day[16];
	ov_date_format(r->day, day, sizeof day);
	for (int i = 0; i < CSV_COLS; i++)
		csv_field(o, csv_head[i], i == CSV_COLS - 1);
	for (int i = 0, seq = 0, row = -2; i < r->n_stops; i++) {
		const care_stop *s = &r->stops[i];
		const care_visit_due *v = &s->visit;
		const care_caregiver *c = s->row >= 0 ? &r->caregivers[s->row]
						      : NULL;
		char name[160] = "", seq_s[16] = "", start[8] = "";
		char dur[16], ws[8], we[8], drive[32] = "";
		seq = s->row == row ? seq + 1 : 1;
		row = s->row;
		if (c) {
			caregiver_name(c, name, sizeof name);
			snprintf(seq_s, sizeof seq_s, "%d", seq);
			routes_clock(s->start, start, sizeof start);
			snprintf(drive, sizeof drive, "%.1f", s->drive);
		}
		snprintf(dur, sizeof dur, "%d", v->duration_min);
		const char *f[] = {day,
				   care_shift_name(r->shift),
				   c ? c->employee_no : "",
				   name,
				   seq_s,
				   start,
				   v->code,
				   v->name,
				   v->settlement,
				   v->task,
				   dur,
				   v->language,
				   routes_clock(v->window_start, ws, sizeof ws),
				   routes_clock(v->window_end, we, sizeof we),
				   drive,
				   c ? "served" : "unserved",
				   c ? "" : s->why};
		for (int k = 0; k < CSV_COLS; k++)
			csv_field(o, f[k], k == CSV_COLS - 1);
	}
}

/* The file's text in format; *text is owned (free). */
static ov_status build(const char *format, const org_municipality *m,
		       const care_route *r, char **text, size_t *len,
		       ov_err *err)
{
	*text = NULL;
	if (!strcmp(format, "geojson")) {
		json_t *j = build_geojson(m, r);
		char *s = j ? json_dumps(j, JSON_INDENT(1) |
						    JSON_REAL_PRECISION(10))
			    : NULL;
		json_decref(j);
		/* jansson fails on memory, or on text that is not UTF-8,
		 * which the database does not hold */
		if (!s)
			return nomem(err);
		size_t n = strlen(s);
		char *t = malloc(n + 2);
		if (!t) {
			free(s);
			return nomem(err);
		}
		memcpy(t, s, n);
		t[n] = '\n';
		t[n + 1] = '\0';
		free(s);
		*text = t;
		*len = n + 1;
		return OV_OK;
	}
	out_buf o = {OV_BUF_INIT, 0};
	if (!strcmp(format, "html"))
		build_html(&o, m, r);
	else
		build_csv(&o, r);
	if (o.bad) {
		ov_buf_free(&o.b);
		return nomem(err);
	}
	*len = o.b.len;
	*text = o.b.data ? o.b.data : calloc(1, 1);
	return *text ? OV_OK : nomem(err);
}

int cmd_routes_export(cli_ctx *ctx, int argc, char **argv)
{
	const char *muni_s = NULL, *date_s = NULL, *shift_s = NULL,
		   *format = NULL, *out = NULL;
	int force = 0;
	const cli_opt opts[] = {{"municipality", CLI_STRING, &muni_s, NULL},
				{"date", CLI_STRING, &date_s, NULL},
				{"shift", CLI_STRING, &shift_s, NULL},
				{"format", CLI_STRING, &format, NULL},
				{"out", CLI_STRING, &out, NULL},
				{"force", CLI_FLAG, NULL, &force},
				{NULL, CLI_FLAG, NULL, NULL}};
	int npos, rc = cli_parse(ctx, argc, argv, opts, NULL, 0, &npos);
	if (rc >= 0)
		return rc;
	if (!muni_s)
		return cli_usage_error(ctx, "--municipality",
				       _("name the municipality with "
					 "--municipality"));
	ov_day day;
	care_shift shift;
	if ((rc = routes_day_opts(ctx, date_s, shift_s, &day, &shift)) >= 0)
		return rc;
	if (!format)
		return cli_usage_error(ctx, "--format",
				       _("choose --format html, geojson or "
					 "csv"));
	if (strcmp(format, "html") && strcmp(format, "geojson") &&
	    strcmp(format, "csv"))
		return cli_usage_error(ctx, "--format",
				       _("unknown format '%s'; choose html, "
					 "geojson or csv"),
				       format);
	if (!out || !*out)
		return cli_usage_error(ctx, "--out",
				       _("name the file to write with --out "
					 "PATH"));

	org_municipality m;
	db *d = cli_open_db_for(ctx, muni_s, &m, &rc);
	if (!d)
		return rc;
	care_route *r;
	ov_err e;
	ov_status st = care_route_current(d, m.id, day, shift, &r, &e);
	db_close(d);
	if (st != OV_OK)
		return cli_fail(ctx, &e);
	char *text;
	size_t len = 0;
	st = build(format, &m, r, &text, &len, &e);
	if (st == OV_OK)
		st = ov_file_write(out, text, len, force, "--out", &e);
	free(text);
	if (st != OV_OK) {
		care_route_free(r);
		return cli_fail(ctx, &e);
	}
	int served = 0, unserved = 0;
	for (int i = 0; i < r->n_stops; i++) {
		served += r->stops[i].row >= 0;
		unserved += r->stops[i].row < 0;
	}
	char day_s[16];
	ov_date_format(r->day, day_s, sizeof day_s);
	if (ctx->json) {
		rc = cli_print_json(
			ctx, json_pack("{s:s,s:s,s:s,s:I,s:s,s:s,s:i,s:i}",
				       "municipality", m.code, "date", day_s,
				       "shift", care_shift_name(r->shift),
				       "plan", (json_int_t)r->id, "format",
				       format, "file", out, "stops", served,
				       "unserved", unserved));
	} else {
		fprintf(ctx->out,
			_("Home-care lists of %s, %s, %s (plan %lld) written "
			  "to %s\n"),
			ov_i18n_pick(m.name_nb, m.name_se), day_s,
			care_shift_label(r->shift), (long long)r->id, out);
		rc = 0;
	}
	care_route_free(r);
	return rc;
}
