/*
 * cmd_rota_plan.c - `ovttas rota plan`: builds a unit's rota problem from
 * the database, solves, checks and stores it, and reports coverage,
 * hours, full-time share and cost; `ovttas rota heltid`: the same
 * problem with more posts made full time in the same FTE budget, one
 * solve per variant, nothing stored. The figures come from staff_report.c.
 */
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "base/ov_date.h"
#include "base/ov_i18n.h"
#include "base/ov_money.h"
#include "base/ov_str.h"
#include "cli.h"
#include "org/org.h"
#include "rota/rota.h"
#include "staffing/staff.h"

/* Short days listed in the text report; the rest are counted. */
#define SHORT_DAYS_SHOWN 20
/* At most this many variants in `rota heltid`. */
#define HELTID_MAX_VARIANTS 8

/* Parses --from: a date that is a Monday. -1 to go on or an exit code. */
static int from_opt(cli_ctx *ctx, const char *text, ov_day *out)
{
	if (ov_date_parse(text, out))
		return cli_usage_error(ctx, "--from",
				       _("'%s' is not a date; write "
					 "YYYY-MM-DD, e.g. 2026-01-05"),
				       text);
	int wd = ov_date_weekday(*out);
	if (wd != 0) {
		char buf[16];
		return cli_usage_error(
			ctx, "--from",
			_("a rota starts on a Monday; %s is a %s (the Monday "
			  "before is %s)"),
			text, ov_i18n_weekday(wd),
			ov_date_format(*out - wd, buf, sizeof buf));
	}
	return -1;
}

/* The options both commands share. */
typedef struct {
	const char *unit, *from, *weeks, *seconds, *seed, *municipality;
	int quiet;
	ov_day from_day;
	long long n_weeks, n_seconds, n_seed;
} rota_args;

/* Checks the shared options; -1 to go on or an exit code. from_needed:
 * --from is required (else the Monday on or after today). */
static int check_args(cli_ctx *ctx, rota_args *a, int from_needed)
{
	int rc;
	if (!a->unit)
		return cli_usage_error(ctx, "--unit",
				       _("name the unit: --unit and its ansvar "
					 "code or name, e.g. --unit 3200"));
	if (a->from) {
		if ((rc = from_opt(ctx, a->from, &a->from_day)) >= 0)
			return rc;
	} else if (from_needed) {
		return cli_usage_error(ctx, "--from",
				       _("name the Monday the rota starts: "
					 "--from YYYY-MM-DD"));
	} else {
		ov_day t = ov_today();
		a->from_day = t + (7 - ov_date_weekday(t)) % 7;
	}
	if ((rc = cli_number_opt(ctx, "--weeks", a->weeks, 1, 52, &a->n_weeks)) >=
		    0 ||
	    (rc = cli_number_opt(ctx, "--seconds", a->seconds, 1, 3600,
			     &a->n_seconds)) >= 0 ||
	    (rc = cli_number_opt(ctx, "--seed", a->seed, 0, 1000000000,
			     &a->n_seed)) >= 0)
		return rc;
	return -1;
}

/* Parses the options plan and heltid share into *a (whose defaults are
 * set) and checks them; -1 to go on or an exit code. */
static int parse_args(cli_ctx *ctx, int argc, char **argv, rota_args *a,
		      int from_needed)
{
	const char *pos[1];
	int npos;
	const cli_opt opts[] = {
		{"unit", CLI_STRING, &a->unit, NULL},
		{"from", CLI_STRING, &a->from, NULL},
		{"weeks", CLI_STRING, &a->weeks, NULL},
		{"seconds", CLI_STRING, &a->seconds, NULL},
		{"seed", CLI_STRING, &a->seed, NULL},
		{"municipality", CLI_STRING, &a->municipality, NULL},
		{"quiet", CLI_FLAG, NULL, &a->quiet},
		{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	return check_args(ctx, a, from_needed);
}

/* Opens the database and finds the unit; NULL with the exit code in
 * *code after reporting. */
static db *open_unit(cli_ctx *ctx, db_mode mode, const rota_args *a,
		     org_unit *u, int *code)
{
	db *d = cli_open_db(ctx, mode, code);
	if (!d)
		return NULL;
	ov_err e;
	org_municipality m = {0};
	if ((a->municipality &&
	     org_municipality_find(d, a->municipality, &m, &e) != OV_OK) ||
	    org_unit_find(d, m.id, a->unit, u, &e) != OV_OK) {
		db_close(d);
		*code = cli_fail(ctx, &e);
		return NULL;
	}
	return d;
}

/* Hours with one decimal and a decimal comma ("212,5", "-3,0"). */
static const char *hours(int minutes, char *buf, size_t n)
{
	int neg = minutes < 0;
	long a = neg ? -(long)minutes : minutes;
	long tenths = (a * 10 + 30) / 60;
	snprintf(buf, n, "%s%ld,%ld", neg && tenths ? "-" : "", tenths / 10,
		 tenths % 10);
	return buf;
}

/* A per-cent from basis points, one decimal ("62,5"). */
static const char *pct_bp(int64_t bp, char *buf, size_t n)
{
	return ov_pct_format((bp + 5) / 10, buf, n);
}

static const char *skill_label(const char *skill)
{
	if (!strcmp(skill, STAFF_SKILL_NURSE))
		return _("nurse");
	if (!strcmp(skill, STAFF_SKILL_HEALTH))
		return _("health worker or nurse");
	if (!strcmp(skill, STAFF_SKILL_SAMI))
		return _("Sámi speaker");
	return _("everyone");
}

static const char *shift_name(const staff_shift_type *s)
{
	return ov_i18n_pick(s->name_nb, s->name_se);
}

static const char *range(int lo, int hi, char *buf, size_t n)
{
	if (lo == hi)
		snprintf(buf, n, "%d", lo);
	else
		snprintf(buf, n, "%d–%d", lo, hi);
	return buf;
}

static void employee_name(const staff_map_employee *e, char *buf, size_t n)
{
	snprintf(buf, n, "%s %s", e->given_name, e->family_name);
}

/* --- rota plan: text --- */

static void print_header(cli_ctx *ctx, const org_unit *u, const staff_map *m,
			 int64_t plan_id, const rota_report *rep,
			 const rota_solve_info *info, long long seed)
{
	FILE *o = ctx->out;
	char a[16], b[16];
	fprintf(o, _("Rota for %s %s\n"), u->ansvar,
		ov_i18n_pick(u->name_nb, u->name_se));
	fprintf(o,
		ngettext("Period: %s – %s (%d week)\n",
			 "Period: %s – %s (%d weeks)\n",
			 (unsigned long)m->weeks),
		ov_date_format(m->from_day, a, sizeof a),
		ov_date_format(m->from_day + m->n_days - 1, b, sizeof b),
		m->weeks);
	fprintf(o, _("Plan %lld stored: objective %lld, solved in %.1f s "
		     "(seed %lld)\n"),
		(long long)plan_id, (long long)rep->objective, info->seconds,
		seed);
	if (rep->n_violations == 0) {
		fprintf(o, _("Rules: every hard rule holds\n"));
		return;
	}
	fprintf(o,
		ngettext("Rules: %d hard rule broken\n",
			 "Rules: %d hard rules broken\n",
			 (unsigned long)rep->n_violations),
		rep->n_violations);
	for (int i = 0; i < rep->n_listed; i++) {
		const rota_violation *x = &rep->violations[i];
		char name[140];
		employee_name(&m->employees[x->employee], name, sizeof name);
		fprintf(o, _("  %s: %s, %s (%d, limit %d)\n"),
			rota_violation_name(x->kind), name,
			ov_date_format(m->from_day + x->day, a, sizeof a),
			x->value, x->limit);
	}
	if (rep->n_violations > rep->n_listed)
		fprintf(o, _("  and %d more\n"),
			rep->n_violations - rep->n_listed);
}

static void print_coverage(cli_ctx *ctx, const staff_map *m,
			   const staff_rota_summary *s)
{
	FILE *o = ctx->out;
	const char *h[] = {_("Shift"),     _("Skill"),     _("Minimum"),
			   _("Preferred"), _("Days met"),  _("Days short"),
			   _("Missing"),   _("Below preferred")};
	fprintf(o, "\n%s\n", _("Coverage of the staffing plan"));
	cli_table *t = cli_table_new(8, h);
	if (!t)
		return;
	for (int c = 2; c < 8; c++)
		cli_table_right(t, c);
	char b[32];
	for (int i = 0; i < s->n_cover; i++) {
		const staff_cover_line *l = &s->cover[i];
		const staff_shift_type *sh = &m->shifts[l->shift];
		cli_table_cell(t, "%s %s", sh->code, shift_name(sh));
		cli_table_cell(t, "%s", skill_label(l->skill));
		cli_table_cell(t, "%s",
			       range(l->min_lo, l->min_hi, b, sizeof b));
		cli_table_cell(t, "%s",
			       range(l->pref_lo, l->pref_hi, b, sizeof b));
		cli_table_cell(t, "%d", l->days_met);
		cli_table_cell(t, "%d", l->days_needed - l->days_met);
		cli_table_cell(t, "%d", l->missing);
		cli_table_cell(t, "%d", l->preferred_missing);
	}
	cli_table_rule(t);
	cli_table_cell(t, "%s", _("Total"));
	for (int c = 1; c < 6; c++)
		cli_table_cell(t, "%s", "");
	cli_table_cell(t, "%d", s->missing);
	cli_table_cell(t, "%d", s->preferred_missing);
	cli_table_print(t, o);
	cli_table_free(t);
	if (s->n_short == 0) {
		fprintf(o, "%s\n", _("Every shift has its minimum staffing on "
				     "every day."));
		return;
	}
	fprintf(o, "\n%s\n", _("Days short of the minimum"));
	const char *h2[] = {_("Date"),  _("Day"),  _("Shift"),
			    _("Skill"), _("Have"), _("Need")};
	t = cli_table_new(6, h2);
	if (!t)
		return;
	cli_table_right(t, 4);
	cli_table_right(t, 5);
	int shown = s->n_short < SHORT_DAYS_SHOWN ? s->n_short
						  : SHORT_DAYS_SHOWN;
	for (int i = 0; i < shown; i++) {
		const staff_short_day *d = &s->shorts[i];
		ov_day day = m->from_day + d->day;
		cli_table_cell(t, "%s", ov_date_format(day, b, sizeof b));
		cli_table_cell(t, "%s", ov_i18n_weekday(ov_date_weekday(day)));
		cli_table_cell(t, "%s", m->shifts[d->shift].code);
		cli_table_cell(t, "%s", skill_label(d->skill));
		cli_table_cell(t, "%d", d->have);
		cli_table_cell(t, "%d", d->need);
	}
	cli_table_print(t, o);
	cli_table_free(t);
	if (s->n_short > shown)
		fprintf(o, _("and %d more\n"), s->n_short - shown);
}

static void print_hours(cli_ctx *ctx, const staff_map *m,
			const staff_rota_summary *s)
{
	FILE *o = ctx->out;
	int nc = 6 + m->n_shifts;
	const char **h = calloc((size_t)nc, sizeof *h);
	if (!h)
		return;
	h[0] = _("Name");
	h[1] = _("FTE %");
	h[2] = _("Contract h");
	h[3] = _("Rota h");
	h[4] = _("Difference");
	for (int sh = 0; sh < m->n_shifts; sh++)
		h[5 + sh] = m->shifts[sh].code;
	h[nc - 1] = _("Weekends");
	fprintf(o, "\n%s\n", _("Hours per employee"));
	cli_table *t = cli_table_new(nc, h);
	free(h);
	if (!t)
		return;
	for (int c = 1; c < nc; c++)
		cli_table_right(t, c);
	char b[32];
	int contract = 0, worked = 0;
	for (int e = 0; e < m->n_employees; e++) {
		const staff_map_employee *me = &m->employees[e];
		const staff_employee_sum *es = &s->employees[e];
		cli_table_cell(t, "%s %s", me->given_name, me->family_name);
		cli_table_cell(t, "%s", pct_bp(me->fte_bp, b, sizeof b));
		cli_table_cell(t, "%s", hours(me->target_minutes, b, sizeof b));
		cli_table_cell(t, "%s", hours(es->minutes, b, sizeof b));
		cli_table_cell(t, "%s%s",
			       es->minutes > me->target_minutes ? "+" : "",
			       hours(es->minutes - me->target_minutes, b,
				     sizeof b));
		for (int sh = 0; sh < m->n_shifts; sh++)
			cli_table_cell(t, "%d",
				       s->shift_counts[e * m->n_shifts + sh]);
		cli_table_cell(t, "%d", es->weekends);
		contract += me->target_minutes;
		worked += es->minutes;
	}
	cli_table_rule(t);
	cli_table_cell(t, "%s", _("Total"));
	cli_table_cell(t, "%s", "");
	cli_table_cell(t, "%s", hours(contract, b, sizeof b));
	cli_table_cell(t, "%s", hours(worked, b, sizeof b));
	cli_table_cell(t, "%s%s", worked > contract ? "+" : "",
		       hours(worked - contract, b, sizeof b));
	for (int sh = 0; sh < m->n_shifts; sh++) {
		int n = 0;
		for (int e = 0; e < m->n_employees; e++)
			n += s->shift_counts[e * m->n_shifts + sh];
		cli_table_cell(t, "%d", n);
	}
	cli_table_cell(t, "%s", "");
	cli_table_print(t, o);
	cli_table_free(t);
}

static void print_fulltime(cli_ctx *ctx, const staff_rota_summary *s)
{
	char a[16], b[16];
	fprintf(ctx->out, "\n");
	fprintf(ctx->out,
		_("Full-time share: %d of %d posts at 100 %% (%s %%); "
		  "average FTE %s %%\n"),
		s->fulltime, s->posts,
		ov_pct_format(s->fulltime_permille, a, sizeof a),
		pct_bp(s->average_fte_bp, b, sizeof b));
}

static void print_cost(cli_ctx *ctx, const staff_rota_summary *s)
{
	FILE *o = ctx->out;
	int ev = 0, ni = 0, we = 0, all = 0;
	for (int e = 0; e < s->n_employees; e++) {
		ev += s->employees[e].evening_minutes;
		ni += s->employees[e].night_minutes;
		we += s->employees[e].weekend_minutes;
		all += s->employees[e].minutes;
	}
	fprintf(o, "\n%s\n", _("Cost of the rota (assumed rates)"));
	const char *h[] = {_("Part"), _("Hours"), _("kr")};
	cli_table *t = cli_table_new(3, h);
	if (!t)
		return;
	cli_table_right(t, 1);
	cli_table_right(t, 2);
	char b[32];
	const struct {
		const char *label;
		int minutes;
		ov_ore amount;
	} rows[] = {
		{_("Wages"), all, s->cost.wages},
		{_("Evening supplement 17–21"), ev, s->cost.evening},
		{_("Night supplement 21–06"), ni, s->cost.night},
		{_("Weekend supplement"), we, s->cost.weekend},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		cli_table_cell(t, "%s", rows[i].label);
		cli_table_cell(t, "%s", hours(rows[i].minutes, b, sizeof b));
		cli_table_cell(t, "%s", ov_money_kr(rows[i].amount, b,
						    sizeof b));
	}
	cli_table_rule(t);
	cli_table_cell(t, "%s", _("Total"));
	cli_table_cell(t, "%s", "");
	cli_table_cell(t, "%s", ov_money_kr(s->cost.total, b, sizeof b));
	cli_table_print(t, o);
	cli_table_free(t);
	char n1[16], n2[16], n3[16], n4[16], n5[16], n6[16];
	fprintf(o,
		_("Assumed 2026 rates per hour: nurse %s kr, health worker "
		  "%s kr, others %s kr; evening %s kr, night %s kr, weekend "
		  "%s kr. Wages only: no holiday pay, pension or public "
		  "holiday supplement.\n"),
		ov_money_kr(STAFF_WAGE_NURSE, n1, sizeof n1),
		ov_money_kr(STAFF_WAGE_HEALTH, n2, sizeof n2),
		ov_money_kr(STAFF_WAGE_UNSKILLED, n3, sizeof n3),
		ov_money_kr(STAFF_SUPP_EVENING, n4, sizeof n4),
		ov_money_kr(STAFF_SUPP_NIGHT, n5, sizeof n5),
		ov_money_kr(STAFF_SUPP_WEEKEND, n6, sizeof n6));
}

/* --- rota plan: JSON --- */

static json_t *violations_json(const staff_map *m, const rota_report *rep)
{
	json_t *a = json_array();
	char buf[16], name[140];
	for (int i = 0; a && i < rep->n_listed; i++) {
		const rota_violation *x = &rep->violations[i];
		const staff_map_employee *me = &m->employees[x->employee];
		employee_name(me, name, sizeof name);
		json_array_append_new(
			a, json_pack("{s:s,s:s,s:s,s:s,s:i,s:i}", "rule",
				     rota_violation_name(x->kind),
				     "employee_no", me->employee_no, "name",
				     name, "date",
				     ov_date_format(m->from_day + x->day, buf,
						    sizeof buf),
				     "value", x->value, "limit", x->limit));
	}
	return a;
}

static json_t *coverage_json(const staff_map *m, const staff_rota_summary *s)
{
	json_t *a = json_array();
	for (int i = 0; a && i < s->n_cover; i++) {
		const staff_cover_line *l = &s->cover[i];
		json_array_append_new(
			a, json_pack("{s:s,s:s,s:i,s:i,s:i,s:i,s:i,s:i,s:i,"
				     "s:i,s:i}",
				     "shift", m->shifts[l->shift].code,
				     "skill", l->skill, "min_lo", l->min_lo,
				     "min_hi", l->min_hi, "preferred_lo",
				     l->pref_lo, "preferred_hi", l->pref_hi,
				     "days_needed", l->days_needed,
				     "days_met", l->days_met, "days_short",
				     l->days_needed - l->days_met, "missing",
				     l->missing, "preferred_missing",
				     l->preferred_missing));
	}
	return a;
}

static json_t *shorts_json(const staff_map *m, const staff_rota_summary *s)
{
	json_t *a = json_array();
	char buf[16];
	for (int i = 0; a && i < s->n_short; i++) {
		const staff_short_day *d = &s->shorts[i];
		json_array_append_new(
			a, json_pack("{s:s,s:s,s:s,s:i,s:i,s:i}", "date",
				     ov_date_format(m->from_day + d->day, buf,
						    sizeof buf),
				     "shift", m->shifts[d->shift].code,
				     "skill", d->skill, "need", d->need,
				     "have", d->have, "missing",
				     d->need - d->have));
	}
	return a;
}

static json_t *employees_json(const staff_map *m,
			      const staff_rota_summary *s)
{
	json_t *a = json_array();
	char name[140];
	for (int e = 0; a && e < m->n_employees; e++) {
		const staff_map_employee *me = &m->employees[e];
		const staff_employee_sum *es = &s->employees[e];
		json_t *counts = json_object();
		for (int sh = 0; counts && sh < m->n_shifts; sh++)
			json_object_set_new(
				counts, m->shifts[sh].code,
				json_integer(
					s->shift_counts[e * m->n_shifts + sh]));
		employee_name(me, name, sizeof name);
		json_array_append_new(
			a, json_pack("{s:s,s:s,s:i,s:s,s:b,s:i,s:i,s:i,s:o,"
				     "s:i,s:i,s:I}",
				     "employee_no", me->employee_no, "name",
				     name, "fte_bp", me->fte_bp, "competence",
				     me->competence, "sami_speaker",
				     me->sami_speaker, "contract_minutes",
				     me->target_minutes, "rota_minutes",
				     es->minutes, "difference_minutes",
				     es->minutes - me->target_minutes,
				     "shifts", counts, "shift_count",
				     es->shifts, "weekends", es->weekends,
				     "cost_ore", (json_int_t)es->cost));
	}
	return a;
}

static json_t *plan_json(const org_unit *u, const staff_map *m,
			 int64_t plan_id, const rota_report *rep,
			 const rota_solve_info *info, long long seed,
			 const staff_rota_summary *s)
{
	char a[16], b[16];
	return json_pack(
		"{s:{s:s,s:s,s:s},s:s,s:s,s:i,s:I,s:b,s:I,s:f,s:I,s:i,s:o,"
		"s:o,s:o,s:o,s:i,s:i,s:i,s:i,s:i,s:i,s:{s:I,s:I,s:I,s:I},s:I}",
		"unit", "ansvar", u->ansvar, "name_nb", u->name_nb, "name_se",
		u->name_se, "from", ov_date_format(m->from_day, a, sizeof a),
		"to", ov_date_format(m->from_day + m->n_days - 1, b, sizeof b),
		"weeks", m->weeks, "plan_id", (json_int_t)plan_id, "feasible",
		rep->n_violations == 0, "objective", (json_int_t)rep->objective,
		"seconds", info->seconds, "seed", (json_int_t)seed,
		"violation_count", rep->n_violations, "violations",
		violations_json(m, rep), "coverage", coverage_json(m, s),
		"short_days", shorts_json(m, s), "employees",
		employees_json(m, s), "missing", s->missing,
		"preferred_missing", s->preferred_missing, "posts", s->posts,
		"fulltime", s->fulltime, "fulltime_share_permille",
		s->fulltime_permille, "average_fte_bp", s->average_fte_bp,
		"cost", "wages_ore", (json_int_t)s->cost.wages, "evening_ore",
		(json_int_t)s->cost.evening, "night_ore",
		(json_int_t)s->cost.night, "weekend_ore",
		(json_int_t)s->cost.weekend, "cost_ore",
		(json_int_t)s->cost.total);
}

/* What a solve of one problem gives: owned roster, report and summary. */
typedef struct {
	rota_roster *roster;
	rota_solve_info info;
	rota_report rep;
	staff_rota_summary sum;
	int checked;
} solved;

static void solved_clear(solved *x)
{
	rota_roster_free(x->roster);
	if (x->checked)
		rota_report_clear(&x->rep);
	staff_rota_summary_clear(&x->sum);
	memset(x, 0, sizeof *x);
}

/* Solves p, checks and summarises the roster. */
static ov_status solve(cli_ctx *ctx, const rota_problem *p, const staff_map *m,
		       const staff_need *needs, size_t n_needs,
		       const rota_args *a, int show_progress, solved *x,
		       ov_err *e)
{
	memset(x, 0, sizeof *x);
	rota_solve_opts so = {.seconds = (double)a->n_seconds,
			      .seed = (uint64_t)a->n_seed,
			      .progress = show_progress ? cli_solve_progress : NULL,
			      .progress_ctx = ctx};
	ov_status st = rota_solve(p, &so, &x->roster, &x->info, e);
	if (st == OV_OK) {
		st = rota_check(p, x->roster, &x->rep, e);
		x->checked = st == OV_OK;
	}
	if (st == OV_OK)
		st = staff_rota_summarize(m, needs, n_needs, x->roster,
					  &x->sum, e);
	return st;
}

int cmd_rota_plan(cli_ctx *ctx, int argc, char **argv)
{
	int code;
	rota_args a = {.n_weeks = 6, .n_seconds = 10, .n_seed = 1};
	int rc = parse_args(ctx, argc, argv, &a, 1);
	if (rc >= 0)
		return rc;
	org_unit u;
	db *d = open_unit(ctx, DB_WRITE, &a, &u, &code);
	if (!d)
		return code;
	ov_err e;
	rota_problem *p = NULL;
	staff_map *m = NULL;
	staff_need *needs = NULL;
	size_t n_needs = 0;
	solved x = {0};
	int64_t plan_id = 0;
	ov_status st = staff_build_problem(d, u.id, a.from_day, (int)a.n_weeks,
					   &p, &m, &e);
	if (st == OV_OK)
		st = staff_needs_list(d, u.id, &needs, &n_needs, &e);
	if (st == OV_OK)
		st = solve(ctx, p, m, needs, n_needs, &a,
			   !a.quiet, &x, &e);
	char actor[80];
	const auth_actor who = auth_actor_cli(actor);
	if (st == OV_OK)
		st = staff_store_rota(d, &who, u.id, a.from_day, (int)a.n_weeks,
				      m, x.roster, &x.info, (uint64_t)a.n_seed,
				      &plan_id, &e);
	db_close(d);
	if (st != OV_OK) {
		rc = cli_fail(ctx, &e);
	} else if (ctx->json) {
		rc = cli_print_json(ctx, plan_json(&u, m, plan_id, &x.rep,
						   &x.info, a.n_seed, &x.sum));
	} else {
		print_header(ctx, &u, m, plan_id, &x.rep, &x.info, a.n_seed);
		print_coverage(ctx, m, &x.sum);
		print_hours(ctx, m, &x.sum);
		print_fulltime(ctx, &x.sum);
		print_cost(ctx, &x.sum);
		rc = 0;
	}
	solved_clear(&x);
	free(needs);
	staff_map_free(m);
	rota_problem_free(p);
	return rc;
}

/* --- rota heltid --- */

/* One variant's figures. */
typedef struct {
	int target;      /* posts asked to be full time */
	int fulltime, posts, vacant;
	int fulltime_permille, average_fte_bp;
	int missing, preferred_missing, violations, feasible;
	int64_t objective;
	ov_ore cost;
} variant;

/* The full-time targets to try: today's count, then evenly up to as
 * many posts as the budget can make full time, at most
 * HELTID_MAX_VARIANTS. Returns how many were written to k. */
static int variant_targets(const staff_map *m, int *k)
{
	int64_t budget = 0;
	int now = 0;
	for (int e = 0; e < m->n_employees; e++) {
		budget += m->employees[e].fte_bp;
		now += m->employees[e].fte_bp >= 10000;
	}
	int most = (int)(budget / 10000);
	if (most > m->n_employees)
		most = m->n_employees;
	if (most < now)
		most = now;
	int span = most - now, n = 0;
	int step = (span + HELTID_MAX_VARIANTS - 2) / (HELTID_MAX_VARIANTS - 1);
	if (step < 1)
		step = 1;
	for (int t = now; t < most && n < HELTID_MAX_VARIANTS - 1; t += step)
		k[n++] = t;
	k[n++] = most;
	return n;
}

static ov_status run_variant(cli_ctx *ctx, const rota_problem *p,
			     const staff_map *m, const staff_need *needs,
			     size_t n_needs, const rota_args *a, int target,
			     int *fte, variant *v, ov_err *e)
{
	memset(v, 0, sizeof *v);
	v->target = target;
	if (staff_fulltime_spread(m, target, fte))
		return OV_FAIL(e, OV_E_INPUT, "--unit",
			       _("%d full-time posts do not fit in the FTE "
				 "budget"),
			       target);
	rota_problem *vp;
	staff_map *vm;
	ov_status st =
		staff_problem_with_fte(p, m, needs, n_needs, fte, &vp, &vm, e);
	if (st != OV_OK)
		return st;
	solved x;
	st = solve(ctx, vp, vm, needs, n_needs, a, 0, &x, e);
	if (st == OV_OK) {
		v->fulltime = x.sum.fulltime;
		v->posts = x.sum.posts;
		v->vacant = m->n_employees - x.sum.posts;
		v->fulltime_permille = x.sum.fulltime_permille;
		v->average_fte_bp = x.sum.average_fte_bp;
		v->missing = x.sum.missing;
		v->preferred_missing = x.sum.preferred_missing;
		v->violations = x.rep.n_violations;
		v->feasible = x.rep.n_violations == 0;
		v->objective = x.rep.objective;
		v->cost = x.sum.cost.total;
	}
	solved_clear(&x);
	staff_map_free(vm);
	rota_problem_free(vp);
	return st;
}

static void print_variants(cli_ctx *ctx, const org_unit *u,
			   const staff_map *m, const variant *v, int n)
{
	FILE *o = ctx->out;
	char a[16], b[16];
	int64_t budget = 0;
	for (int e = 0; e < m->n_employees; e++)
		budget += m->employees[e].fte_bp;
	fprintf(o, _("Full-time variants for %s %s\n"), u->ansvar,
		ov_i18n_pick(u->name_nb, u->name_se));
	fprintf(o,
		ngettext("Period: %s – %s (%d week)\n",
			 "Period: %s – %s (%d weeks)\n",
			 (unsigned long)m->weeks),
		ov_date_format(m->from_day, a, sizeof a),
		ov_date_format(m->from_day + m->n_days - 1, b, sizeof b),
		m->weeks);
	fprintf(o, _("FTE budget: %lld,%02lld FTE in %d rota posts\n"),
		(long long)(budget / 10000), (long long)(budget % 10000 / 100),
		m->n_employees);
	fputc('\n', o);
	const char *h[] = {_("Full time"),   _("Posts"),
			   _("Vacant"),      _("Full-time %"),
			   _("Average FTE %"), _("Missing"),
			   _("Below preferred"), _("Breaches"),
			   _("Cost kr"),     _("Objective")};
	cli_table *t = cli_table_new(10, h);
	if (!t)
		return;
	for (int c = 0; c < 10; c++)
		cli_table_right(t, c);
	char buf[32];
	for (int i = 0; i < n; i++) {
		cli_table_cell(t, "%d", v[i].fulltime);
		cli_table_cell(t, "%d", v[i].posts);
		cli_table_cell(t, "%d", v[i].vacant);
		cli_table_cell(t, "%s", ov_pct_format(v[i].fulltime_permille,
						      buf, sizeof buf));
		cli_table_cell(t, "%s", pct_bp(v[i].average_fte_bp, buf,
					       sizeof buf));
		cli_table_cell(t, "%d", v[i].missing);
		cli_table_cell(t, "%d", v[i].preferred_missing);
		cli_table_cell(t, "%d", v[i].violations);
		cli_table_cell(t, "%s",
			       ov_money_kr(v[i].cost, buf, sizeof buf));
		cli_table_cell(t, "%lld", (long long)v[i].objective);
	}
	cli_table_print(t, o);
	cli_table_free(t);
	fprintf(o,
		_("\nEach variant makes the largest posts full time and "
		  "spreads the rest of the budget over the others in "
		  "proportion; a post that would fall below %d %% is left "
		  "vacant. Missing: staff-shifts below the minimum staffing. "
		  "Nothing is stored.\n"),
		STAFF_MIN_POST_BP / 100);
}

static json_t *variants_json(const variant *v, int n)
{
	json_t *a = json_array();
	for (int i = 0; a && i < n; i++)
		json_array_append_new(
			a, json_pack("{s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,"
				     "s:b,s:I,s:I}",
				     "target_fulltime", v[i].target,
				     "fulltime", v[i].fulltime, "posts",
				     v[i].posts, "vacant", v[i].vacant,
				     "fulltime_share_permille",
				     v[i].fulltime_permille,
				     "average_fte_bp", v[i].average_fte_bp,
				     "missing", v[i].missing,
				     "preferred_missing",
				     v[i].preferred_missing, "violations",
				     v[i].violations, "feasible",
				     v[i].feasible, "cost_ore",
				     (json_int_t)v[i].cost, "objective",
				     (json_int_t)v[i].objective));
	return a;
}

int cmd_rota_heltid(cli_ctx *ctx, int argc, char **argv)
{
	int code;
	rota_args a = {.n_weeks = 6, .n_seconds = 5, .n_seed = 1};
	int rc = parse_args(ctx, argc, argv, &a, 0);
	if (rc >= 0)
		return rc;
	org_unit u;
	db *d = open_unit(ctx, DB_READ, &a, &u, &code);
	if (!d)
		return code;
	ov_err e;
	rota_problem *p = NULL;
	staff_map *m = NULL;
	staff_need *needs = NULL;
	size_t n_needs = 0;
	ov_status st = staff_build_problem(d, u.id, a.from_day, (int)a.n_weeks,
					   &p, &m, &e);
	if (st == OV_OK)
		st = staff_needs_list(d, u.id, &needs, &n_needs, &e);
	db_close(d);
	int targets[HELTID_MAX_VARIANTS];
	variant v[HELTID_MAX_VARIANTS];
	int n = 0, nt = st == OV_OK ? variant_targets(m, targets) : 0;
	int *fte = st == OV_OK ? calloc((size_t)m->n_employees, sizeof *fte)
			       : NULL;
	if (st == OV_OK && !fte)
		st = OV_FAIL(&e, OV_E_NOMEM, NULL, _("out of memory"));
	for (int i = 0; st == OV_OK && i < nt; i++) {
		st = run_variant(ctx, p, m, needs, n_needs, &a, targets[i],
				 fte, &v[n], &e);
		if (st != OV_OK)
			break;
		if (!a.quiet) {
			fprintf(ctx->err,
				_("variant %d of at most %d: %d full-time "
				  "posts, objective %lld\n"),
				n + 1, nt, v[n].fulltime,
				(long long)v[n].objective);
			fflush(ctx->err);
		}
		/* every post full time: more is not possible */
		n++;
		if (v[n - 1].fulltime >= v[n - 1].posts)
			break;
	}
	if (st != OV_OK)
		rc = cli_fail(ctx, &e);
	else if (ctx->json)
		rc = cli_print_json(ctx, variants_json(v, n));
	else {
		print_variants(ctx, &u, m, v, n);
		rc = 0;
	}
	free(fte);
	free(needs);
	staff_map_free(m);
	rota_problem_free(p);
	return rc;
}
