/*
 * cmd_rota_edit.c - viewing and editing what a unit's rota is made from
 * (staffing/staff_plan.c does the work and the checks):
 *   rota shifts / shift-set   the unit's shift types
 *   rota rhythm / rhythm-set  the døgnrytmeplan: staff needed per hour
 *   rota needs / need-set     the bemanningsplan: staff per weekday,
 *                             shift and skill
 *   rota derive               the bemanningsplan computed from the
 *                             døgnrytmeplan
 * A set that changes several weekdays or hours does so in one
 * transaction: on any error nothing is written. Every row written is
 * audited in that transaction (staff.h), as auth_actor_cli's actor: a
 * set over several weekdays or hours writes one audit row per row.
 */
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "base/ov_i18n.h"
#include "base/ov_str.h"
#include "cli.h"
#include "org/org.h"
#include "staffing/staff.h"

/* The largest head count the options take. */
#define MAX_STAFF 999

/* --- shared --- */

static int need_unit(cli_ctx *ctx, const char *unit)
{
	if (unit)
		return -1;
	return cli_usage_error(ctx, "--unit",
			       _("name the unit: --unit and its ansvar "
				 "code or name, e.g. --unit 3200"));
}

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))

/* The most options a command takes besides --unit and --municipality. */
#define MAX_OWN_OPTS 8

/* The unit a command works on: --unit (its ansvar code or name) and
 * --municipality. */
typedef struct {
	const char *unit, *muni;
} unit_opts;

/* Parses --unit (required), --municipality and the command's own n
 * options. -1 to go on or an exit code. */
static int parse_unit_cmd(cli_ctx *ctx, int argc, char **argv,
			  const cli_opt *own, size_t n, unit_opts *uo)
{
	cli_opt opts[2 + MAX_OWN_OPTS + 1] = {
	    {"unit", CLI_STRING, &uo->unit, NULL},
	    {"municipality", CLI_STRING, &uo->muni, NULL}};
	for (size_t i = 0; i < n && i < MAX_OWN_OPTS; i++)
		opts[2 + i] = own[i];
	const char *pos[1];
	int npos;
	int rc = cli_parse(ctx, argc, argv, opts, pos, 0, &npos);
	return rc >= 0 ? rc : need_unit(ctx, uo->unit);
}

/* What a command does with its unit's open database; it reports its
 * own errors and returns the exit code. */
typedef int (*unit_fn)(cli_ctx *ctx, db *d, const org_unit *u, const void *arg);

/* Opens the database, finds the unit (in --municipality if given, as
 * `rota plan` does), runs fn on it and closes the database. */
static int with_unit(cli_ctx *ctx, db_mode mode, const unit_opts *uo,
		     unit_fn fn, const void *arg)
{
	int code;
	db *d = cli_open_db(ctx, mode, &code);
	if (!d)
		return code;
	ov_err e;
	org_municipality m = {0};
	org_unit u;
	if ((uo->muni && org_municipality_find(d, uo->muni, &m, &e) != OV_OK) ||
	    org_unit_find(d, m.id, uo->unit, &u, &e) != OV_OK)
		code = cli_fail(ctx, &e);
	else
		code = fn(ctx, d, &u, arg);
	db_close(d);
	return code;
}

/* Errors of the staffing module name its own fields; the user knows the
 * options. */
static int fail_opt(cli_ctx *ctx, ov_err *e)
{
	static const char *const map[][2] = {
		{"unit", "--unit"},
		{"code", "--code"},
		{"name_nb", "--name"},
		{"start_min", "--start"},
		{"length_min", "--length"},
		{"category", "--category"},
		{"weekday", "--weekday"},
		{"hour", "--hour"},
		{"nurses", "--nurses"},
		{"health_workers", "--health"},
		{"others", "--others"},
		{"sami_needed", "--sami"},
		{"skill", "--skill"},
		{"shift", "--shift"},
		{"min_count", "--min"},
		{"preferred_count", "--preferred"},
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (!strcmp(e->field, map[i][0])) {
			snprintf(e->field, sizeof e->field, "%s", map[i][1]);
			break;
		}
	return cli_fail(ctx, e);
}

/* Refuses a text that would not fit a field of n bytes (the struct
 * would cut it silently). -1 to go on or the exit code. */
static int fits(cli_ctx *ctx, const char *opt, const char *text, size_t n)
{
	if (!text || strlen(text) < n)
		return -1;
	return cli_usage_error(ctx, opt, _("too long: at most %d bytes"),
			       (int)n - 1);
}

static json_t *unit_json(const org_unit *u)
{
	return json_pack("{s:s,s:s,s:s}", "ansvar", u->ansvar, "name_nb",
			 u->name_nb, "name_se", u->name_se);
}

/* {"unit": the unit, key: the array a} (takes a). */
static json_t *unit_list_json(const org_unit *u, const char *key, json_t *a)
{
	return json_pack("{s:o,s:o}", "unit", unit_json(u), key, a);
}

/* "07:30" from minutes of the day (wrapping past midnight). */
static const char *clock_hm(int minutes, char *buf, size_t n)
{
	int m = ((minutes % 1440) + 1440) % 1440;
	snprintf(buf, n, "%02d:%02d", m / 60, m % 60);
	return buf;
}

/* "8:00", "9:45": a length in hours and minutes. */
static const char *length_hm(int minutes, char *buf, size_t n)
{
	snprintf(buf, n, "%d:%02d", minutes / 60, minutes % 60);
	return buf;
}

/* A whole number in [lo, hi] from s[0..len). */
static int number_token(const char *s, size_t len, int lo, int hi, int *out)
{
	char tok[24];
	long long v;
	if (len == 0 || len >= sizeof tok)
		return -1;
	memcpy(tok, s, len);
	tok[len] = '\0';
	if (!ov_is_digits(tok) || ov_parse_int(tok, lo, hi, &v))
		return -1;
	*out = (int)v;
	return 0;
}

static int hour_token(const char *s, size_t len, int *out)
{
	return number_token(s, len, 0, 23, out);
}

/* A weekday: 0 (Monday) to 6, or its name in the current language or
 * in English, in any case. */
static int weekday_token(const char *s, size_t len, int *out)
{
	if (!number_token(s, len, 0, 6, out))
		return 0;
	char tok[64], a[64], b[64], c[64];
	if (len == 0 || len >= sizeof tok)
		return -1;
	memcpy(tok, s, len);
	tok[len] = '\0';
	ov_utf8_fold(tok, a, sizeof a);
	for (int wd = 0; wd < 7; wd++) {
		ov_utf8_fold(ov_i18n_weekday(wd), b, sizeof b);
		ov_utf8_fold(ov_i18n_weekday_en(wd), c, sizeof c);
		if (!strcmp(a, b) || !strcmp(a, c)) {
			*out = wd;
			return 0;
		}
	}
	return -1;
}

/* An inclusive range of weekdays or hours. */
typedef struct {
	int lo, hi;
} span;

static const span whole_week = {0, 6}, whole_day = {0, 23};

static int in_span(const span *s, int v)
{
	return v >= s->lo && v <= s->hi;
}

/* The weekdays and hours a list shows. */
typedef struct {
	span wd, hr;
} view;

/* "N" or "N-M" (N <= M), each part read by tok. 0 or -1. */
static int parse_span(const char *text,
		      int (*tok)(const char *, size_t, int *), span *out)
{
	const char *dash = strchr(text, '-');
	size_t len = strlen(text);
	if (!dash)
		return tok(text, len, &out->lo) ? -1
						: (out->hi = out->lo, 0);
	if (tok(text, (size_t)(dash - text), &out->lo) ||
	    tok(dash + 1, len - (size_t)(dash - text) - 1, &out->hi) ||
	    out->lo > out->hi)
		return -1;
	return 0;
}

/* A span option read by tok; absent gives *whole, unreadable reports
 * bad (a format taking the text). -1 to go on or an exit code. */
static int span_opt(cli_ctx *ctx, const char *opt, const char *text,
		    int (*tok)(const char *, size_t, int *), const span *whole,
		    const char *bad, span *out)
{
	if (!text) {
		*out = *whole;
		return -1;
	}
	if (parse_span(text, tok, out))
		return cli_usage_error(ctx, opt, bad, text);
	return -1;
}

/* --weekday; absent gives the whole week. -1 to go on or an exit code. */
static int weekday_opt(cli_ctx *ctx, const char *text, span *out)
{
	return span_opt(ctx, "--weekday", text, weekday_token, &whole_week,
			_("'%s' is not a weekday: write 0 (Monday) to 6 "
			  "(Sunday), the day's name, or a range such as 0-4"),
			out);
}

/* --hour; absent gives the whole day. -1 to go on or an exit code. */
static int hour_opt(cli_ctx *ctx, const char *text, span *out)
{
	return span_opt(ctx, "--hour", text, hour_token, &whole_day,
			_("'%s' is not an hour: write 0 to 23, "
			  "or a range such as 7-14"),
			out);
}

/* A set must name its weekdays. -1 to go on or an exit code. */
static int need_weekday(cli_ctx *ctx, const char *text)
{
	if (text)
		return -1;
	return cli_usage_error(ctx, "--weekday",
			       _("name the day with --weekday: 0 "
				 "(Monday) to 6 (Sunday), or a range "
				 "such as 0-4"));
}

/* A head-count option into *out (untouched when text is NULL). */
static int count_opt(cli_ctx *ctx, const char *name, const char *text,
		     int *out)
{
	long long v;
	int rc = cli_number_opt(ctx, name, text, 0, MAX_STAFF, &v);
	if (rc >= 0)
		return rc;
	if (text)
		*out = (int)v;
	return -1;
}

/* Ends the transaction of a set: commits if st is OV_OK, else (or if the
 * commit fails) rolls back and reports e. -1 to go on or an exit code. */
static int commit_or_fail(cli_ctx *ctx, db *d, ov_status st, ov_err *e)
{
	if (st == OV_OK)
		st = db_commit(d, e);
	if (st == OV_OK)
		return -1;
	db_rollback(d);
	return fail_opt(ctx, e);
}

/* The day column of a list by weekday: the day's name on its first row,
 * a rule between days. *day is the weekday of the row before (-1: none). */
static void day_cell(cli_table *t, int *day, int weekday)
{
	if (*day != weekday && *day >= 0)
		cli_table_rule(t);
	cli_table_cell(t, "%s",
		       *day != weekday ? ov_i18n_weekday(weekday) : "");
	*day = weekday;
}

/* --- rota shifts --- */

static json_t *shift_json(const staff_shift_type *s)
{
	char a[8], b[8];
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:i,s:s,s:i,s:s}", "code",
			 s->code, "name", ov_i18n_pick(s->name_nb, s->name_se),
			 "name_nb", s->name_nb, "name_se", s->name_se, "start",
			 clock_hm(s->start_min, a, sizeof a), "start_min",
			 s->start_min, "end",
			 clock_hm(s->start_min + s->length_min, b, sizeof b),
			 "length_min", s->length_min, "category", s->category);
}

static json_t *shifts_json(const org_unit *u, const staff_shift_type *s,
			   size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		json_array_append_new(a, shift_json(&s[i]));
	return unit_list_json(u, "shift_types", a);
}

static void print_shifts(cli_ctx *ctx, const org_unit *u,
			 const staff_shift_type *s, size_t n)
{
	FILE *o = ctx->out;
	const char *uname = ov_i18n_pick(u->name_nb, u->name_se);
	if (n == 0) {
		fprintf(o, _("Unit %s %s has no shift types.\n"), u->ansvar,
			uname);
		return;
	}
	fprintf(o, _("Shift types of %s %s\n"), u->ansvar, uname);
	const char *h[] = {_("Code"), _("Name"),   _("Start"),
			   _("End"),  _("Length"), _("Category")};
	cli_table *t = cli_table_new(6, h);
	if (!t)
		return;
	cli_table_right(t, 4);
	char a[8], b[8], c[16];
	for (size_t i = 0; i < n; i++) {
		cli_table_cell(t, "%s", s[i].code);
		cli_table_cell(t, "%s",
			       ov_i18n_pick(s[i].name_nb, s[i].name_se));
		cli_table_cell(t, "%s", clock_hm(s[i].start_min, a, sizeof a));
		cli_table_cell(t, "%s",
			       clock_hm(s[i].start_min + s[i].length_min, b,
				     sizeof b));
		cli_table_cell(t, "%s", length_hm(s[i].length_min, c,
						  sizeof c));
		cli_table_cell(t, "%s", s[i].category);
	}
	cli_table_print(t, o);
	cli_table_free(t);
}

/* Lists and prints the unit's shift types (text or JSON); a unit_fn,
 * arg unused. */
static int show_shifts(cli_ctx *ctx, db *d, const org_unit *u, const void *arg)
{
	(void)arg;
	staff_shift_type *s;
	size_t n;
	ov_err e;
	if (staff_shift_types_list(d, u->id, &s, &n, &e) != OV_OK)
		return fail_opt(ctx, &e);
	int rc = 0;
	if (ctx->json)
		rc = cli_print_json(ctx, shifts_json(u, s, n));
	else
		print_shifts(ctx, u, s, n);
	free(s);
	return rc;
}

int cmd_rota_shifts(cli_ctx *ctx, int argc, char **argv)
{
	unit_opts uo = {0};
	int rc = parse_unit_cmd(ctx, argc, argv, NULL, 0, &uo);
	if (rc >= 0)
		return rc;
	return with_unit(ctx, DB_READ, &uo, show_shifts, NULL);
}

/* --- rota shift-set --- */

/* "07:30" or "7:30"; hour 24 only as "24:00" and only if allow_24. */
static int parse_clock(const char *s, int allow_24, int *out)
{
	const char *c = strchr(s, ':');
	int h, m;
	if (!c || number_token(s, (size_t)(c - s), 0, allow_24 ? 24 : 23,
			       &h) ||
	    (size_t)(c - s) > 2 || strlen(c + 1) != 2 ||
	    number_token(c + 1, 2, 0, 59, &m) || (h == 24 && m))
		return -1;
	*out = h * 60 + m;
	return 0;
}

/* A time-of-day option into *out (untouched when text is NULL). -1 to go
 * on or an exit code. */
static int clock_opt(cli_ctx *ctx, const char *opt, const char *text,
		     int allow_24, int *out)
{
	if (!text || !parse_clock(text, allow_24, out))
		return -1;
	return cli_usage_error(ctx, opt,
			       _("'%s' is not a time of day; write "
				 "HH:MM, e.g. 07:30"),
			       text);
}

/* Minutes ("480") or hours and minutes ("8:00"), 1 to 1440. */
static int parse_length(const char *s, int *out)
{
	int v, h, m;
	if (!number_token(s, strlen(s), 1, 1440, &v)) {
		*out = v;
		return 0;
	}
	const char *c = strchr(s, ':');
	if (!c || number_token(s, (size_t)(c - s), 0, 24, &h) ||
	    strlen(c + 1) != 2 || number_token(c + 1, 2, 0, 59, &m))
		return -1;
	v = h * 60 + m;
	if (v < 1 || v > 1440)
		return -1;
	*out = v;
	return 0;
}

/* The options of `rota shift-set` (each NULL when not given) and the
 * times read from them. */
typedef struct {
	const char *code, *name, *name_se, *start_s, *end_s, *length_s,
	    *category;
	int start, end, length;
} shift_edit;

/* Adds or changes the shift type a->code of u; a unit_fn. */
static int save_shift(cli_ctx *ctx, db *d, const org_unit *u, const void *arg)
{
	const shift_edit *a = arg;
	ov_err e;
	staff_shift_type s, *all;
	size_t n;
	if (staff_shift_types_list(d, u->id, &all, &n, &e) != OV_OK)
		return fail_opt(ctx, &e);
	/* An existing shift keeps what the options do not change. */
	size_t i = 0;
	while (i < n && strcmp(all[i].code, a->code))
		i++;
	int exists = i < n;
	if (exists)
		s = all[i];
	else
		memset(&s, 0, sizeof s);
	free(all);
	const char *missing = NULL;
	if (!exists) {
		if (!a->name)
			missing = "--name";
		else if (!a->start_s)
			missing = "--start";
		else if (!a->end_s && !a->length_s)
			missing = "--length";
		else if (!a->category)
			missing = "--category";
	}
	if (missing)
		return cli_usage_error(ctx, missing,
				       _("unit %s has no shift type %s yet; a "
					 "new one needs --name, --start, "
					 "--length (or --end) and --category"),
				       u->ansvar, a->code);
	snprintf(s.code, sizeof s.code, "%s", a->code);
	/* A new Bokmål name makes the old Sámi one wrong: without
	 * --name-se it is cleared (Bokmål is shown until it is given). */
	if (a->name)
		snprintf(s.name_nb, sizeof s.name_nb, "%s", a->name);
	if (a->name || a->name_se)
		snprintf(s.name_se, sizeof s.name_se, "%s",
			 a->name_se ? a->name_se : "");
	if (a->category)
		snprintf(s.category, sizeof s.category, "%s", a->category);
	if (a->start_s)
		s.start_min = a->start;
	if (a->length_s)
		s.length_min = a->length;
	else if (a->end_s) {
		/* the same clock time as the start is a whole day */
		int len = ((a->end - s.start_min) % 1440 + 1440) % 1440;
		s.length_min = len ? len : 1440;
	}
	char actor[80];
	const auth_actor who = auth_actor_cli(actor);
	if (staff_shift_type_set(d, &who, u->id, &s, NULL, &e) != OV_OK)
		return fail_opt(ctx, &e);
	if (!ctx->json)
		fprintf(ctx->out,
			exists ? _("Shift type %s of %s changed.\n")
			       : _("Shift type %s added to %s.\n"),
			s.code, u->ansvar);
	return show_shifts(ctx, d, u, NULL);
}

int cmd_rota_shift_set(cli_ctx *ctx, int argc, char **argv)
{
	unit_opts uo = {0};
	shift_edit a = {0};
	const cli_opt own[] = {{"code", CLI_STRING, &a.code, NULL},
			       {"name", CLI_STRING, &a.name, NULL},
			       {"name-se", CLI_STRING, &a.name_se, NULL},
			       {"start", CLI_STRING, &a.start_s, NULL},
			       {"end", CLI_STRING, &a.end_s, NULL},
			       {"length", CLI_STRING, &a.length_s, NULL},
			       {"category", CLI_STRING, &a.category, NULL}};
	int rc = parse_unit_cmd(ctx, argc, argv, own, COUNT_OF(own), &uo);
	if (rc >= 0)
		return rc;
	staff_shift_type probe;
	if (!a.code || !*a.code)
		return cli_usage_error(ctx, "--code",
				       _("name the shift type with --code, "
					 "e.g. --code D"));
	if ((rc = fits(ctx, "--code", a.code, sizeof probe.code)) >= 0 ||
	    (rc = fits(ctx, "--name", a.name, sizeof probe.name_nb)) >= 0 ||
	    (rc = fits(ctx, "--name-se", a.name_se, sizeof probe.name_se)) >= 0)
		return rc;
	if (a.category && strlen(a.category) >= sizeof probe.category)
		return cli_usage_error(ctx, "--category",
				       _("'%s' is not a shift category (day, "
					 "evening, night, long, other)"),
				       a.category);
	if ((rc = clock_opt(ctx, "--start", a.start_s, 0, &a.start)) >= 0 ||
	    (rc = clock_opt(ctx, "--end", a.end_s, 1, &a.end)) >= 0)
		return rc;
	if (a.length_s && parse_length(a.length_s, &a.length))
		return cli_usage_error(ctx, "--length",
				       _("'%s' is not a shift length: write "
					 "minutes from 1 to 1440, or hours "
					 "and minutes such as 7:30"),
				       a.length_s);
	if (a.end_s && a.length_s)
		return cli_usage_error(ctx, "--end",
				       _("give --length or --end, not both"));
	return with_unit(ctx, DB_WRITE, &uo, save_shift, &a);
}

/* --- rota rhythm --- */

static int rhythm_staff(const staff_rhythm_hour *h)
{
	return h->nurses + h->health_workers + h->others;
}

static json_t *rhythm_json(const org_unit *u, const staff_rhythm_hour *h,
			   size_t n, const view *v)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++) {
		if (!in_span(&v->wd, h[i].weekday) ||
		    !in_span(&v->hr, h[i].hour))
			continue;
		json_array_append_new(
			a, json_pack("{s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:s,s:s,"
				     "s:s}",
				     "weekday", h[i].weekday, "hour",
				     h[i].hour, "staff", rhythm_staff(&h[i]),
				     "nurses", h[i].nurses, "health_workers",
				     h[i].health_workers, "others",
				     h[i].others, "sami_needed",
				     h[i].sami_needed, "task",
				     ov_i18n_pick(h[i].task_nb, h[i].task_se),
				     "task_nb", h[i].task_nb, "task_se",
				     h[i].task_se));
	}
	return unit_list_json(u, "hours", a);
}

/* Two hours that read the same in the current language (they are shown
 * as one row). */
static int same_need(const staff_rhythm_hour *a, const staff_rhythm_hour *b)
{
	return a->nurses == b->nurses &&
	       a->health_workers == b->health_workers &&
	       a->others == b->others && a->sami_needed == b->sami_needed &&
	       !strcmp(ov_i18n_pick(a->task_nb, a->task_se),
		       ov_i18n_pick(b->task_nb, b->task_se));
}

/* The hours in the view, one table: consecutive hours of a day that
 * need the same are one row. */
static void print_rhythm(cli_ctx *ctx, const org_unit *u,
			 const staff_rhythm_hour *h, size_t n, const view *v)
{
	FILE *o = ctx->out;
	const char *uname = ov_i18n_pick(u->name_nb, u->name_se);
	const span *wd = &v->wd, *hr = &v->hr;
	size_t shown = 0;
	for (size_t i = 0; i < n; i++)
		shown += in_span(wd, h[i].weekday) && in_span(hr, h[i].hour);
	if (shown == 0) {
		fprintf(o, _("Unit %s %s needs nobody in these hours of its "
			     "døgnrytmeplan.\n"),
			u->ansvar, uname);
		return;
	}
	fprintf(o, _("Døgnrytmeplan of %s %s: staff needed per hour\n"),
		u->ansvar, uname);
	const char *hd[] = {_("Day"),    _("Hours"),          _("Staff"),
			    _("Nurses"), _("Health workers"), _("Others"),
			    _("Sámi"),   _("Task")};
	cli_table *t = cli_table_new(8, hd);
	if (!t)
		return;
	for (int c = 2; c <= 6; c++)
		cli_table_right(t, c);
	int day = -1;
	for (size_t i = 0; i < n;) {
		if (!in_span(wd, h[i].weekday) || !in_span(hr, h[i].hour)) {
			i++;
			continue;
		}
		size_t j = i;
		while (j + 1 < n && h[j + 1].weekday == h[i].weekday &&
		       h[j + 1].hour == h[j].hour + 1 &&
		       in_span(hr, h[j + 1].hour) && same_need(&h[i], &h[j + 1]))
			j++;
		day_cell(t, &day, h[i].weekday);
		cli_table_cell(t, "%02d:00–%02d:00", h[i].hour, h[j].hour + 1);
		cli_table_cell(t, "%d", rhythm_staff(&h[i]));
		cli_table_cell(t, "%d", h[i].nurses);
		cli_table_cell(t, "%d", h[i].health_workers);
		cli_table_cell(t, "%d", h[i].others);
		cli_table_cell(t, "%d", h[i].sami_needed);
		cli_table_cell(t, "%s",
			       ov_i18n_pick(h[i].task_nb, h[i].task_se));
		i = j + 1;
	}
	cli_table_print(t, o);
	cli_table_free(t);
	fprintf(o, "%s\n",
		_("Staff = nurses + health workers (not counting nurses) + "
		  "others; Sámi: how many of them must speak Northern Sámi. "
		  "Hours not listed need nobody."));
}

/* Lists the døgnrytmeplan in the view arg (text or JSON); a unit_fn. */
static int show_rhythm(cli_ctx *ctx, db *d, const org_unit *u, const void *arg)
{
	const view *v = arg;
	staff_rhythm_hour *h;
	size_t n;
	ov_err e;
	if (staff_rhythm_list(d, u->id, &h, &n, &e) != OV_OK)
		return fail_opt(ctx, &e);
	int rc = 0;
	if (ctx->json)
		rc = cli_print_json(ctx, rhythm_json(u, h, n, v));
	else
		print_rhythm(ctx, u, h, n, v);
	free(h);
	return rc;
}

int cmd_rota_rhythm(cli_ctx *ctx, int argc, char **argv)
{
	unit_opts uo = {0};
	const char *wd_s = NULL, *hour_s = NULL;
	const cli_opt own[] = {{"weekday", CLI_STRING, &wd_s, NULL},
			       {"hour", CLI_STRING, &hour_s, NULL}};
	int rc = parse_unit_cmd(ctx, argc, argv, own, COUNT_OF(own), &uo);
	view v;
	if (rc >= 0 || (rc = weekday_opt(ctx, wd_s, &v.wd)) >= 0 ||
	    (rc = hour_opt(ctx, hour_s, &v.hr)) >= 0)
		return rc;
	return with_unit(ctx, DB_READ, &uo, show_rhythm, &v);
}

/* --- rota rhythm-set --- */

/* The options of `rota rhythm-set` (each NULL when not given) and what
 * was read from them. */
typedef struct {
	const char *wd_s, *hour_s, *nurses_s, *health_s, *others_s, *sami_s,
	    *task, *task_se;
	view v;
	int nurses, health, others, sami;
} rhythm_edit;

/* What the hour w, hour needs after the edit a: as stored in old (or
 * nobody), with the parts the options give changed. */
static staff_rhythm_hour edited_hour(const rhythm_edit *a,
				     const staff_rhythm_hour *old, size_t n_old,
				     int w, int hour)
{
	staff_rhythm_hour h = {.weekday = w, .hour = hour};
	for (size_t i = 0; i < n_old; i++)
		if (old[i].weekday == w && old[i].hour == hour)
			h = old[i];
	if (a->nurses_s)
		h.nurses = a->nurses;
	if (a->health_s)
		h.health_workers = a->health;
	if (a->others_s)
		h.others = a->others;
	if (a->sami_s)
		h.sami_needed = a->sami;
	/* as for shift names: a new Bokmål task clears the Sámi one
	 * unless --task-se gives it */
	if (a->task)
		snprintf(h.task_nb, sizeof h.task_nb, "%s", a->task);
	if (a->task || a->task_se)
		snprintf(h.task_se, sizeof h.task_se, "%s",
			 a->task_se ? a->task_se : "");
	return h;
}

/* Saves the hours of the edit arg in one transaction; a unit_fn. */
static int save_rhythm(cli_ctx *ctx, db *d, const org_unit *u, const void *arg)
{
	const rhythm_edit *a = arg;
	ov_err e;
	staff_rhythm_hour *old = NULL;
	size_t n_old = 0;
	int count = 0;
	char actor[80];
	const auth_actor who = auth_actor_cli(actor);
	ov_status st = staff_rhythm_list(d, u->id, &old, &n_old, &e);
	if (st == OV_OK)
		st = db_begin(d, &e);
	for (int w = a->v.wd.lo; st == OV_OK && w <= a->v.wd.hi; w++)
		for (int hour = a->v.hr.lo; st == OV_OK && hour <= a->v.hr.hi;
		     hour++) {
			staff_rhythm_hour h =
			    edited_hour(a, old, n_old, w, hour);
			st = staff_rhythm_set(d, &who, u->id, &h, &e);
			count++;
		}
	free(old);
	int rc = commit_or_fail(ctx, d, st, &e);
	if (rc >= 0)
		return rc;
	if (!ctx->json) {
		fprintf(ctx->out,
			ngettext("%d hour of the døgnrytmeplan of %s saved.\n",
				 "%d hours of the døgnrytmeplan of %s saved.\n",
				 (unsigned long)count),
			count, u->ansvar);
	}
	rc = show_rhythm(ctx, d, u, &a->v);
	if (rc == 0 && !ctx->json)
		fprintf(ctx->out,
			_("The bemanningsplan is unchanged: 'ovttas rota "
			  "derive --unit %s' derives it anew.\n"),
			u->ansvar);
	return rc;
}

int cmd_rota_rhythm_set(cli_ctx *ctx, int argc, char **argv)
{
	unit_opts uo = {0};
	rhythm_edit a = {0};
	const cli_opt own[] = {{"weekday", CLI_STRING, &a.wd_s, NULL},
			       {"hour", CLI_STRING, &a.hour_s, NULL},
			       {"nurses", CLI_STRING, &a.nurses_s, NULL},
			       {"health", CLI_STRING, &a.health_s, NULL},
			       {"others", CLI_STRING, &a.others_s, NULL},
			       {"sami", CLI_STRING, &a.sami_s, NULL},
			       {"task", CLI_STRING, &a.task, NULL},
			       {"task-se", CLI_STRING, &a.task_se, NULL}};
	int rc = parse_unit_cmd(ctx, argc, argv, own, COUNT_OF(own), &uo);
	if (rc >= 0 || (rc = need_weekday(ctx, a.wd_s)) >= 0)
		return rc;
	if (!a.hour_s)
		return cli_usage_error(ctx, "--hour",
				       _("name the hour with --hour: 0 to 23, "
					 "or a range such as 7-14"));
	staff_rhythm_hour probe;
	if ((rc = weekday_opt(ctx, a.wd_s, &a.v.wd)) >= 0 ||
	    (rc = hour_opt(ctx, a.hour_s, &a.v.hr)) >= 0 ||
	    (rc = count_opt(ctx, "--nurses", a.nurses_s, &a.nurses)) >= 0 ||
	    (rc = count_opt(ctx, "--health", a.health_s, &a.health)) >= 0 ||
	    (rc = count_opt(ctx, "--others", a.others_s, &a.others)) >= 0 ||
	    (rc = count_opt(ctx, "--sami", a.sami_s, &a.sami)) >= 0 ||
	    (rc = fits(ctx, "--task", a.task, sizeof probe.task_nb)) >= 0 ||
	    (rc = fits(ctx, "--task-se", a.task_se, sizeof probe.task_se)) >= 0)
		return rc;
	if (!a.nurses_s && !a.health_s && !a.others_s && !a.sami_s && !a.task &&
	    !a.task_se)
		return cli_usage_error(ctx, NULL,
				       _("say what to set: --nurses, --health, "
					 "--others, --sami, --task or "
					 "--task-se"));
	return with_unit(ctx, DB_WRITE, &uo, save_rhythm, &a);
}

/* --- rota needs --- */

/* The bemanningsplan's skills in the order of the table's columns:
 * the code (--skill, JSON) and the column's header (translated when
 * printed; the legend under the table ties each to its code). */
static const struct {
	const char *code, *header;
} need_skills[] = {
	{STAFF_SKILL_ANY, N_("Staff")},
	/* TRANSLATORS: column of 'rota needs': health workers and nurses
	   together (--skill health). */
	{STAFF_SKILL_HEALTH, N_("Health staff")},
	{STAFF_SKILL_NURSE, N_("Nurses")},
	{STAFF_SKILL_SAMI, N_("Sámi")},
};
#define N_NEED_SKILLS ((int)COUNT_OF(need_skills))

static json_t *needs_json(const org_unit *u, const staff_need *x, size_t n,
			  const span *wd)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++) {
		if (!in_span(wd, x[i].weekday))
			continue;
		json_array_append_new(
			a, json_pack("{s:i,s:s,s:s,s:i,s:i}", "weekday",
				     x[i].weekday, "shift", x[i].shift_code,
				     "skill", x[i].skill, "min_count",
				     x[i].min_count, "preferred_count",
				     x[i].preferred_count));
	}
	return unit_list_json(u, "needs", a);
}

static const char *shift_label(const staff_shift_type *s, size_t n,
			       int64_t id, const char *code, char *buf,
			       size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (s[i].id == id) {
			snprintf(buf, len, "%s %s", s[i].code,
				 ov_i18n_pick(s[i].name_nb, s[i].name_se));
			return buf;
		}
	snprintf(buf, len, "%s", code);
	return buf;
}

/* One row per weekday and shift, one column per skill (min–preferred). */
static void print_needs(cli_ctx *ctx, const org_unit *u,
			const staff_shift_type *s, size_t n_s,
			const staff_need *x, size_t n, const span *wd)
{
	FILE *o = ctx->out;
	const char *uname = ov_i18n_pick(u->name_nb, u->name_se);
	size_t shown = 0;
	for (size_t i = 0; i < n; i++)
		shown += in_span(wd, x[i].weekday);
	if (shown == 0) {
		fprintf(o, _("Unit %s %s has no bemanningsplan for these "
			     "days.\n"),
			u->ansvar, uname);
		return;
	}
	fprintf(o, _("Bemanningsplan of %s %s: staff per shift, minimum–"
		     "preferred\n"),
		u->ansvar, uname);
	const char *hd[2 + N_NEED_SKILLS] = {_("Day"), _("Shift")};
	for (int k = 0; k < N_NEED_SKILLS; k++)
		hd[2 + k] = _(need_skills[k].header);
	cli_table *t = cli_table_new(2 + N_NEED_SKILLS, hd);
	if (!t)
		return;
	for (int c = 2; c < 2 + N_NEED_SKILLS; c++)
		cli_table_right(t, c);
	int day = -1;
	char buf[96];
	for (size_t i = 0; i < n;) {
		if (!in_span(wd, x[i].weekday)) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && x[j].weekday == x[i].weekday &&
		       x[j].shift_type_id == x[i].shift_type_id)
			j++;
		day_cell(t, &day, x[i].weekday);
		cli_table_cell(t, "%s",
			       shift_label(s, n_s, x[i].shift_type_id,
					   x[i].shift_code, buf, sizeof buf));
		for (int k = 0; k < N_NEED_SKILLS; k++) {
			const staff_need *hit = NULL;
			for (size_t m = i; m < j; m++)
				if (!strcmp(x[m].skill, need_skills[k].code))
					hit = &x[m];
			if (!hit)
				cli_table_cell(t, "%s", "");
			else if (hit->min_count == hit->preferred_count)
				cli_table_cell(t, "%d", hit->min_count);
			else
				cli_table_cell(t, "%d–%d", hit->min_count,
					       hit->preferred_count);
		}
		i = j;
	}
	cli_table_print(t, o);
	cli_table_free(t);
	/* TRANSLATORS: the legend under 'rota needs': the column headers
	   as translated (Staff, Health staff, Nurses, Sámi) with the
	   --skill codes, which stay untranslated. */
	fprintf(o, "%s\n",
		_("Staff: everyone on the shift (--skill any); Health staff: "
		  "health workers and nurses (--skill health); Nurses "
		  "(--skill nurse); Sámi: Northern Sámi speakers (--skill "
		  "sami). 2–3 means at least 2, preferably 3."));
}

/* Lists the bemanningsplan on the weekdays of the view arg (text or
 * JSON); a unit_fn. */
static int show_needs(cli_ctx *ctx, db *d, const org_unit *u, const void *arg)
{
	const span *wd = &((const view *)arg)->wd;
	staff_shift_type *s = NULL;
	staff_need *x = NULL;
	size_t n_s = 0, n = 0;
	ov_err e;
	ov_status st = staff_shift_types_list(d, u->id, &s, &n_s, &e);
	if (st == OV_OK)
		st = staff_needs_list(d, u->id, &x, &n, &e);
	int rc = 0;
	if (st != OV_OK)
		rc = fail_opt(ctx, &e);
	else if (ctx->json)
		rc = cli_print_json(ctx, needs_json(u, x, n, wd));
	else
		print_needs(ctx, u, s, n_s, x, n, wd);
	free(s);
	free(x);
	return rc;
}

int cmd_rota_needs(cli_ctx *ctx, int argc, char **argv)
{
	unit_opts uo = {0};
	const char *wd_s = NULL;
	const cli_opt own[] = {{"weekday", CLI_STRING, &wd_s, NULL}};
	int rc = parse_unit_cmd(ctx, argc, argv, own, COUNT_OF(own), &uo);
	view v = {.hr = whole_day};
	if (rc >= 0 || (rc = weekday_opt(ctx, wd_s, &v.wd)) >= 0)
		return rc;
	return with_unit(ctx, DB_READ, &uo, show_needs, &v);
}

/* --- rota need-set --- */

/* The options of `rota need-set` (each NULL when not given) and what was
 * read from them. */
typedef struct {
	const char *wd_s, *shift, *skill, *min_s, *pref_s;
	view v;
	int min, pref;
} need_edit;

/* Saves the rows of the edit arg in one transaction; a unit_fn. */
static int save_needs(cli_ctx *ctx, db *d, const org_unit *u, const void *arg)
{
	const need_edit *a = arg;
	ov_err e;
	/* Rows written or removed: a weekday whose row to remove was not
	 * there counts none. */
	int count = 0;
	char actor[80];
	const auth_actor who = auth_actor_cli(actor);
	ov_status st = db_begin(d, &e);
	for (int w = a->v.wd.lo; st == OV_OK && w <= a->v.wd.hi; w++) {
		int changed;
		st = staff_need_set(d, &who, u->id, w, a->shift, a->skill,
				    a->min, a->pref, &changed, &e);
		count += changed;
	}
	int rc = commit_or_fail(ctx, d, st, &e);
	if (rc >= 0)
		return rc;
	if (!ctx->json) {
		if (a->min == 0 && a->pref == 0 && count == 0)
			fprintf(ctx->out,
				_("The bemanningsplan of %s has no such row; "
				  "nothing was removed.\n"),
				u->ansvar);
		else if (a->min == 0 && a->pref == 0)
			fprintf(ctx->out,
				ngettext("%d row removed from the "
					 "bemanningsplan of %s.\n",
					 "%d rows removed from the "
					 "bemanningsplan of %s.\n",
					 (unsigned long)count),
				count, u->ansvar);
		else
			fprintf(ctx->out,
				ngettext("%d row of the bemanningsplan of %s "
					 "saved.\n",
					 "%d rows of the bemanningsplan of %s "
					 "saved.\n",
					 (unsigned long)count),
				count, u->ansvar);
	}
	return show_needs(ctx, d, u, &a->v);
}

int cmd_rota_need_set(cli_ctx *ctx, int argc, char **argv)
{
	unit_opts uo = {0};
	need_edit a = {.v.hr = whole_day};
	const cli_opt own[] = {{"weekday", CLI_STRING, &a.wd_s, NULL},
			       {"shift", CLI_STRING, &a.shift, NULL},
			       {"skill", CLI_STRING, &a.skill, NULL},
			       {"min", CLI_STRING, &a.min_s, NULL},
			       {"preferred", CLI_STRING, &a.pref_s, NULL}};
	int rc = parse_unit_cmd(ctx, argc, argv, own, COUNT_OF(own), &uo);
	if (rc >= 0 || (rc = need_weekday(ctx, a.wd_s)) >= 0)
		return rc;
	if (!a.shift)
		return cli_usage_error(ctx, "--shift",
				       _("name the shift with --shift and its "
					 "code, e.g. --shift D (see 'ovttas "
					 "rota shifts')"));
	if (!a.skill)
		return cli_usage_error(ctx, "--skill",
				       _("choose --skill any, health, nurse or "
					 "sami"));
	if (!a.min_s)
		return cli_usage_error(ctx, "--min",
				       _("give the minimum with --min N (0 "
					 "with no --preferred removes the "
					 "row)"));
	if ((rc = weekday_opt(ctx, a.wd_s, &a.v.wd)) >= 0 ||
	    (rc = count_opt(ctx, "--min", a.min_s, &a.min)) >= 0 ||
	    (rc = count_opt(ctx, "--preferred", a.pref_s, &a.pref)) >= 0)
		return rc;
	if (!a.pref_s)
		a.pref = a.min;
	return with_unit(ctx, DB_WRITE, &uo, save_needs, &a);
}

/* --- rota derive --- */

/* Derives the bemanningsplan from the døgnrytmeplan; a unit_fn, arg
 * unused. */
static int derive_needs(cli_ctx *ctx, db *d, const org_unit *u, const void *arg)
{
	(void)arg;
	ov_err e;
	char actor[80];
	const auth_actor who = auth_actor_cli(actor);
	if (staff_derive_plan(d, &who, u->id, &e) != OV_OK) {
		/* An hour no shift covers is the unit's data, which derive
		 * takes only by --unit; the message names the weekday and
		 * hour to fix (rota rhythm-set or shift-set), the field the
		 * option, as every error here does. */
		if (!strcmp(e.field, "rhythm_hour"))
			snprintf(e.field, sizeof e.field, "--unit");
		return fail_opt(ctx, &e);
	}
	if (!ctx->json)
		fprintf(ctx->out,
			_("Bemanningsplan of %s derived from its "
			  "døgnrytmeplan (the rows of langvakter are kept).\n"),
			u->ansvar);
	const view all = {whole_week, whole_day};
	return show_needs(ctx, d, u, &all);
}

int cmd_rota_derive(cli_ctx *ctx, int argc, char **argv)
{
	unit_opts uo = {0};
	int rc = parse_unit_cmd(ctx, argc, argv, NULL, 0, &uo);
	if (rc >= 0)
		return rc;
	return with_unit(ctx, DB_WRITE, &uo, derive_needs, NULL);
}
