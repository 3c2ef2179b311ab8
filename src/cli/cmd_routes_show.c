/*
 * cmd_routes_show.c - `ovttas routes show --municipality M --date D
 * [--shift day|evening] [--caregiver E]`: each caregiver's list in order
 * (time, recipient, settlement, task, language) and the day's totals;
 * also the printer `routes plan` and `routes replan` use.
 */
#include <math.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "cmd_routes_int.h"
#include "view/view.h"

int routes_day_opts(cli_ctx *ctx, const char *date_s, const char *shift_s,
		    ov_day *day, care_shift *shift)
{
	if (!date_s)
		return cli_usage_error(ctx, "--date",
				       _("name the day with --date YYYY-MM-DD"));
	if (ov_date_parse(date_s, day))
		return cli_usage_error(ctx, "--date",
				       _("'%s' is not a date; write "
					 "YYYY-MM-DD, e.g. 2026-01-05"),
				       date_s);
	int s = shift_s ? care_shift_parse(shift_s) : CARE_SHIFT_DAY;
	if (s < 0)
		return cli_usage_error(ctx, "--shift",
				       _("--shift takes day or evening"));
	*shift = (care_shift)s;
	return -1;
}

const char *routes_reason_text(const char *reason, char *buf, size_t n)
{
	char who[64];
	long long m = 0;
	if (sscanf(reason, "late:%63[^:]:%lld", who, &m) == 2)
		snprintf(buf, n, _("%s starts %lld minutes late"), who, m);
	else if (!strncmp(reason, "sick:", 5))
		snprintf(buf, n, _("%s is off sick"), reason + 5);
	else if (!strncmp(reason, "cancel:", 7))
		snprintf(buf, n, _("%s cancelled"), reason + 7);
	else if (!strncmp(reason, "add:", 4))
		snprintf(buf, n, _("%s added"), reason + 4);
	else
		snprintf(buf, n, "%s", reason);
	return buf;
}

const char *routes_windows_text(const care_visit_due *v, char *buf, size_t n)
{
	char a[8], b[8];
	size_t k = (size_t)snprintf(buf, n, "%s-%s",
				    routes_clock(v->window_start, a, sizeof a),
				    routes_clock(v->window_end, b, sizeof b));
	for (int w = 0; w < v->n_more && k < n; w++)
		k += (size_t)snprintf(buf + k, n - k, ", %s-%s",
				      routes_clock(v->more_start[w], a, sizeof a),
				      routes_clock(v->more_end[w], b, sizeof b));
	return buf;
}

const char *routes_clock(double minute, char *buf, size_t n)
{
	return view_clock(minute, buf, n);
}

/* A stored task code in the reader's language. */
const char *routes_task_name(const char *code)
{
	return view_task_name(code);
}

const char *routes_competence_name(const char *c)
{
	if (!strcmp(c, "nurse"))
		return _("nurse");
	if (!strcmp(c, "health_worker"))
		return _("health worker");
	if (!strcmp(c, "any"))
		return _("anyone");
	return _("assistant");
}

const char *routes_why_text(const char *why)
{
	return view_unserved_reason(why);
}

/* "1 h 05 min" */
const char *routes_duration(double minutes, char *buf, size_t n)
{
	long m = lround(minutes);
	if (m >= 60)
		snprintf(buf, n, _("%ld h %02ld min"), m / 60, m % 60);
	else
		snprintf(buf, n, _("%ld min"), m);
	return buf;
}

static int print_json(cli_ctx *ctx, const org_municipality *m,
		      const care_route *r, const char *only)
{
	return cli_print_json(ctx, view_route_day_json(m, r, only, 0));
}

/* The caregiver's break as a row of the list: at the office. */
static void break_row(cli_table *t, const care_caregiver *c)
{
	char a[8];
	cli_table_cell(t, "%s", routes_clock(c->break_start, a, sizeof a));
	cli_table_cell(t, "%s", "");
	cli_table_cell(t, "%s", _("Break"));
	cli_table_cell(t, "%s", _("the office"));
	cli_table_cell(t, "%s", "");
	cli_table_cell(t, "%d", c->break_min);
	cli_table_cell(t, "%s", "");
	cli_table_cell(t, "%.0f", c->break_drive);
}

static void print_list(cli_ctx *ctx, const care_route *r, int k)
{
	const care_caregiver *c = &r->caregivers[k];
	char a[8], b[8], d1[32], d2[32];
	int n = 0;
	double drive = r->caregivers[k].back_drive + c->break_drive, care = 0;
	for (int i = 0; i < r->n_stops; i++)
		if (r->stops[i].row == k) {
			n++;
			drive += r->stops[i].drive;
			care += r->stops[i].visit.duration_min;
		}
	fprintf(ctx->out, _("%s %s (%s), %s%s%s, %s %s-%s: %d visits, %s of "
			    "care, %s driving\n"),
		c->given_name, c->family_name, c->employee_no,
		routes_competence_name(c->competence),
		c->sami_speaker ? _(", speaks Sámi") : "",
		c->from_home ? _(", from home") : "", c->shift_code,
		routes_clock(c->start_min, a, sizeof a),
		routes_clock(c->end_min, b, sizeof b), n,
		routes_duration(care, d1, sizeof d1), routes_duration(drive, d2, sizeof d2));
	if (c->break_min && c->break_start < 0)
		fprintf(ctx->out, _("  no room for the %d-minute break: the "
				    "list is too full\n"),
			c->break_min);
	if (!n && c->break_start < 0)
		return;
	const char *head[] = {_("Time"), _("Recipient"), _("Name"),
			      _("Settlement"), _("Task"), _("Min"),
			      _("Language"), _("Drive")};
	cli_table *t = cli_table_new(8, head);
	cli_table_right(t, 5);
	cli_table_right(t, 7);
	int seq = 0;
	for (int i = 0; i < r->n_stops; i++) {
		const care_stop *s = &r->stops[i];
		if (s->row != k)
			continue;
		if (seq++ == c->break_after && c->break_start >= 0)
			break_row(t, c);
		const care_visit_due *v = &s->visit;
		cli_table_cell(t, "%s", routes_clock(s->start, a, sizeof a));
		cli_table_cell(t, "%s", v->code);
		cli_table_cell(t, "%s", v->name);
		cli_table_cell(t, "%s", v->settlement);
		cli_table_cell(t, "%s%s", routes_task_name(v->task),
			       !v->two_caregivers ? ""
			       : v->part	   ? _(" (second caregiver)")
						   : _(" (two caregivers)"));
		cli_table_cell(t, "%d", v->duration_min);
		cli_table_cell(t, "%s",
			       !strcmp(v->language, "se")
				       ? (c->sami_speaker ? _("Sámi")
							  : _("Sámi (not met)"))
				       : _("Norwegian"));
		cli_table_cell(t, "%.0f", s->drive);
	}
	if (seq == c->break_after && c->break_start >= 0)
		break_row(t, c); /* after the last visit */
	cli_table_print(t, ctx->out);
	cli_table_free(t);
}

static void print_unserved(cli_ctx *ctx, const care_route *r, int n)
{
	char win[96];
	fprintf(ctx->out, _("Not served (%d):\n"), n);
	const char *head[] = {_("Window"), _("Recipient"), _("Name"),
			      _("Settlement"), _("Task"), _("Needs"),
			      _("Reason")};
	cli_table *t = cli_table_new(7, head);
	for (int i = 0; i < r->n_stops; i++) {
		const care_stop *s = &r->stops[i];
		if (s->row >= 0)
			continue;
		const care_visit_due *v = &s->visit;
		cli_table_cell(t, "%s", routes_windows_text(v, win, sizeof win));
		cli_table_cell(t, "%s", v->code);
		cli_table_cell(t, "%s", v->name);
		cli_table_cell(t, "%s", v->settlement);
		cli_table_cell(t, "%s", routes_task_name(v->task));
		cli_table_cell(t, "%s", routes_competence_name(v->competence));
		cli_table_cell(t, "%s", routes_why_text(s->why));
	}
	cli_table_print(t, ctx->out);
	cli_table_free(t);
}

int routes_print_day(cli_ctx *ctx, const org_municipality *m,
		     const care_route *r, const char *only)
{
	if (ctx->json)
		return print_json(ctx, m, r, only);
	char day[16], d1[32], d2[32];
	fprintf(ctx->out, _("Home-care routes, %s, %s, %s (plan %lld)\n"),
		ov_i18n_pick(m->name_nb, m->name_se),
		ov_date_format(r->day, day, sizeof day),
		care_shift_label(r->shift), (long long)r->id);
	char why[128];
	if (r->replaces)
		fprintf(ctx->out, _("Replaces plan %lld: %s\n"),
			(long long)r->replaces,
			routes_reason_text(r->reason, why, sizeof why));
	view_route_totals t = view_route_totals_of(r);
	int shown = 0;
	for (int k = 0; k < r->n_caregivers; k++) {
		if (only && strcmp(only, r->caregivers[k].employee_no))
			continue;
		fputc('\n', ctx->out);
		print_list(ctx, r, k);
		shown++;
	}
	if (only && !shown) {
		ov_err e;
		OV_FAIL(&e, OV_E_NOTFOUND, "--caregiver",
			_("employee %s is not on these lists"), only);
		return cli_fail(ctx, &e);
	}
	if (!only && t.unserved) {
		fputc('\n', ctx->out);
		print_unserved(ctx, r, t.unserved);
	}
	fprintf(ctx->out,
		_("\nTotal: %d visits on %d lists, %s of care, %s driving; "
		  "%d not served; %d Sámi speakers served in Norwegian\n"),
		t.visits, r->n_caregivers, routes_duration(t.care, d1, sizeof d1),
		routes_duration(t.drive, d2, sizeof d2), t.unserved, t.sami_missed);
	return 0;
}

int cmd_routes_show(cli_ctx *ctx, int argc, char **argv)
{
	const char *muni_s = NULL, *date_s = NULL, *shift_s = NULL,
		   *cg_s = NULL;
	const cli_opt opts[] = {{"municipality", CLI_STRING, &muni_s, NULL},
				{"date", CLI_STRING, &date_s, NULL},
				{"shift", CLI_STRING, &shift_s, NULL},
				{"caregiver", CLI_STRING, &cg_s, NULL},
				{NULL, CLI_FLAG, NULL, NULL}};
	int npos, rc = cli_parse(ctx, argc, argv, opts, NULL, 0, &npos);
	if (rc >= 0)
		return rc;
	ov_day day;
	care_shift shift;
	if (!muni_s)
		return cli_usage_error(ctx, "--municipality",
				       _("name the municipality with "
					 "--municipality"));
	if ((rc = routes_day_opts(ctx, date_s, shift_s, &day, &shift)) >= 0)
		return rc;
	org_municipality m;
	db *d = cli_open_db_for(ctx, muni_s, &m, &rc);
	if (!d)
		return rc;
	care_route *r;
	ov_err e;
	if (care_route_current(d, m.id, day, shift, &r, &e) != OV_OK) {
		db_close(d);
		return cli_fail(ctx, &e);
	}
	rc = routes_print_day(ctx, &m, r, cg_s);
	care_route_free(r);
	db_close(d);
	return rc;
}
