/*
 * cmd_rota.c - `ovttas rota solve-file INSTANCE [--seconds S] [--seed N]`:
 * solves a rota problem in the Curtois & Qu benchmark format and prints
 * the objective by rule, the referee's verdict and the roster (one row
 * per employee, one column per day). Progress goes to stderr.
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "base/ov_str.h"
#include "cli.h"
#include "rota/rota.h"

static json_t *roster_json(const rota_problem *p, const rota_roster *r)
{
	json_t *obj = json_object();
	for (int e = 0; e < p->n_employees; e++) {
		json_t *days = json_array();
		for (int d = 0; d < p->n_days; d++) {
			int v = r->assign[e * p->n_days + d];
			json_array_append_new(
				days, json_string(v >= 0 ? p->shifts[v].id : ""));
		}
		json_object_set_new(obj, p->employees[e].id, days);
	}
	return obj;
}

static json_t *report_json(const rota_problem *p, const rota_report *rep)
{
	json_t *v = json_array();
	for (int i = 0; i < rep->n_listed; i++) {
		const rota_violation *x = &rep->violations[i];
		json_array_append_new(
			v, json_pack("{s:s,s:s,s:i,s:i,s:i}", "rule",
				     rota_violation_name(x->kind), "employee",
				     p->employees[x->employee].id, "day",
				     x->day, "value", x->value, "limit",
				     x->limit));
	}
	return json_pack("{s:I,s:I,s:I,s:I,s:i,s:o}", "request_on",
			 (json_int_t)rep->request_on, "request_off",
			 (json_int_t)rep->request_off, "cover_under",
			 (json_int_t)rep->cover_under, "cover_over",
			 (json_int_t)rep->cover_over, "violation_count",
			 rep->n_violations, "violations", v);
}

static void print_text(cli_ctx *ctx, const rota_problem *p,
		       const rota_roster *r, const rota_report *rep,
		       const rota_solve_info *info)
{
	FILE *o = ctx->out;
	fprintf(o, _("Instance %s: %d days, %d shift types, %d employees\n"),
		p->name ? p->name : "-", p->n_days, p->n_shifts,
		p->n_employees);
	fprintf(o, _("Objective %lld in %.1f s (%s)\n"),
		(long long)rep->objective, info->seconds,
		rep->n_violations ? _("breaks hard rules")
				  : _("every hard rule holds"));
	fprintf(o, _("  unmet shift-on requests   %lld\n"),
		(long long)rep->request_on);
	fprintf(o, _("  unmet shift-off requests  %lld\n"),
		(long long)rep->request_off);
	fprintf(o, _("  staff missing             %lld\n"),
		(long long)rep->cover_under);
	fprintf(o, _("  staff above need          %lld\n"),
		(long long)rep->cover_over);
	for (int i = 0; i < rep->n_listed; i++) {
		const rota_violation *x = &rep->violations[i];
		fprintf(o, _("  breach: %s, employee %s, day %d (%d, limit %d)\n"),
			rota_violation_name(x->kind),
			p->employees[x->employee].id, x->day, x->value,
			x->limit);
	}
	fputc('\n', o);
	int w = 1;
	for (int s = 0; s < p->n_shifts; s++) {
		int l = (int)ov_utf8_width(p->shifts[s].id);
		w = l > w ? l : w;
	}
	for (int e = 0; e < p->n_employees; e++) {
		fprintf(o, "%-6s", p->employees[e].id);
		for (int d = 0; d < p->n_days; d++) {
			int v = r->assign[e * p->n_days + d];
			if (d % 7 == 0)
				fputs(" |", o);
			fprintf(o, " %*s", w, v >= 0 ? p->shifts[v].id : ".");
		}
		fputc('\n', o);
	}
}

int cmd_rota_solve_file(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *sec_s = NULL, *seed_s = NULL;
	int npos, quiet = 0;
	const cli_opt opts[] = {{"seconds", CLI_STRING, &sec_s, NULL},
				{"seed", CLI_STRING, &seed_s, NULL},
				{"quiet", CLI_FLAG, NULL, &quiet},
				{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 1, &npos);
	if (rc >= 0)
		return rc;
	if (npos < 1)
		return cli_usage_error(ctx, "INSTANCE",
				       _("name the instance file to solve"));
	long long seconds = 10, seed = 1;
	if ((rc = cli_number_opt(ctx, "--seconds", sec_s, 1, 86400, &seconds)) >= 0 ||
	    (rc = cli_number_opt(ctx, "--seed", seed_s, 0, 1000000000, &seed)) >= 0)
		return rc;

	ov_err e;
	rota_problem *p;
	if (rota_read_cq(pos[0], &p, &e) != OV_OK)
		return cli_fail(ctx, &e);
	rota_solve_opts so = {.seconds = (double)seconds,
			      .seed = (uint64_t)seed,
			      .progress = quiet ? NULL : cli_solve_progress,
			      .progress_ctx = ctx};
	rota_roster *r;
	rota_solve_info info;
	if (rota_solve(p, &so, &r, &info, &e) != OV_OK) {
		rota_problem_free(p);
		return cli_fail(ctx, &e);
	}
	rota_report rep;
	if (rota_check(p, r, &rep, &e) != OV_OK) {
		rota_roster_free(r);
		rota_problem_free(p);
		return cli_fail(ctx, &e);
	}
	if (ctx->json) {
		rc = cli_print_json(
			ctx,
			json_pack("{s:s,s:b,s:I,s:o,s:f,s:I,s:I,s:o,s:o}",
				  "instance", p->name ? p->name : "",
				  "feasible", rep.n_violations == 0,
				  "objective", (json_int_t)rep.objective,
				  "lower_bound",
				  info.bound_valid
					  ? json_integer(info.lower_bound)
					  : json_null(),
				  "seconds", info.seconds, "seed",
				  (json_int_t)seed, "iterations",
				  (json_int_t)info.iterations, "penalties",
				  report_json(p, &rep), "roster",
				  roster_json(p, r)));
	} else {
		print_text(ctx, p, r, &rep, &info);
		rc = 0;
	}
	rota_report_clear(&rep);
	rota_roster_free(r);
	rota_problem_free(p);
	return rc;
}
