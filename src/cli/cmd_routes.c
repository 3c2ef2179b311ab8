/*
 * cmd_routes.c - `ovttas routes solve-file INSTANCE [--seconds S]
 * [--seed N] [--rounding dimacs|none] [--objective distance|vehicles]`:
 * solves a vehicle-routing benchmark file (VRPLIB or Solomon's text) and
 * prints the vehicles, the distance, the referee's verdict and the
 * routes in Solomon's customer numbers. Progress goes to stderr.
 */
#include <string.h>

#include "base/ov_i18n.h"
#include "cmd_routes_int.h"
#include "routes/routes.h"

void routes_progress(void *vctx, double seconds, int vehicles,
		     double distance, int unserved)
{
	cli_ctx *ctx = vctx;
	if (ctx->json) { /* one JSON object a line */
		fprintf(ctx->err,
			"{\"progress\":{\"seconds\":%.1f,\"vehicles\":%d,"
			"\"distance\":%.1f,\"unserved\":%d}}\n",
			seconds, vehicles, distance, unserved);
		fflush(ctx->err);
		return;
	}
	fprintf(ctx->err, _("%6.1f s  %d vehicles, distance %.1f"), seconds,
		vehicles, distance);
	if (unserved)
		fprintf(ctx->err, _(", %d visits unserved"), unserved);
	fputc('\n', ctx->err);
	fflush(ctx->err);
}

static json_t *routes_json(const routes_plan *r)
{
	json_t *all = json_array();
	for (int i = 0; i < r->n_routes; i++) {
		json_t *one = json_array();
		for (int k = r->route_start[i]; k < r->route_start[i + 1]; k++)
			json_array_append_new(one, json_integer(r->seq[k]));
		json_array_append_new(all, one);
	}
	return all;
}

static json_t *violations_json(const routes_report *rep)
{
	json_t *v = json_array();
	for (int i = 0; i < rep->n_listed; i++) {
		const routes_violation *x = &rep->violations[i];
		json_array_append_new(
			v, json_pack("{s:s,s:i,s:i,s:f,s:f}", "rule",
				     routes_violation_name(x->kind), "route",
				     x->route + 1, "customer", x->node,
				     "value", x->value, "limit", x->limit));
	}
	return v;
}

static void print_text(cli_ctx *ctx, const routes_problem *p,
		       const routes_plan *r, const routes_report *rep,
		       const routes_solve_info *info)
{
	FILE *o = ctx->out;
	fprintf(o, _("Instance %s: %d customers, %d vehicles of capacity %d\n"),
		p->name ? p->name : "-", p->n_visits, p->n_vehicles,
		p->capacity);
	fprintf(o, _("%d vehicles, distance %.1f, in %.1f s (%s)\n"),
		rep->vehicles, rep->distance, info->seconds,
		rep->n_violations    ? _("breaks hard rules")
		: rep->unserved > 0 ? _("some customers unserved")
				     : _("every hard rule holds"));
	if (rep->unserved)
		fprintf(o, _("  customers unserved: %d\n"), rep->unserved);
	for (int i = 0; i < rep->n_listed; i++) {
		const routes_violation *x = &rep->violations[i];
		fprintf(o, _("  breach: %s, route %d, customer %d (%.1f, limit %.1f)\n"),
			routes_violation_name(x->kind), x->route + 1, x->node,
			x->value, x->limit);
	}
	for (int i = 0; i < r->n_routes; i++) {
		fprintf(o, _("Route %d (%.1f):"), i + 1,
			routes_route_distance(p, r, i));
		for (int k = r->route_start[i]; k < r->route_start[i + 1]; k++)
			fprintf(o, " %d", r->seq[k]);
		fputc('\n', o);
	}
}

int cmd_routes_solve_file(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *sec_s = NULL, *seed_s = NULL, *round_s = NULL,
			    *obj_s = NULL;
	int npos, quiet = 0;
	const cli_opt opts[] = {{"seconds", CLI_STRING, &sec_s, NULL},
				{"seed", CLI_STRING, &seed_s, NULL},
				{"rounding", CLI_STRING, &round_s, NULL},
				{"objective", CLI_STRING, &obj_s, NULL},
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
	if (round_s && strcmp(round_s, "dimacs") && strcmp(round_s, "none"))
		return cli_usage_error(ctx, "--rounding",
				       _("--rounding takes dimacs or none"));
	if (obj_s && strcmp(obj_s, "distance") && strcmp(obj_s, "vehicles"))
		return cli_usage_error(ctx, "--objective",
				       _("--objective takes distance or "
					 "vehicles"));

	ov_err e;
	routes_problem *p;
	if (routes_read(pos[0], &p, &e) != OV_OK)
		return cli_fail(ctx, &e);
	if (obj_s)
		p->objective = strcmp(obj_s, "vehicles") ? ROUTES_MIN_DISTANCE
							 : ROUTES_MIN_VEHICLES;
	if (round_s) {
		p->rounding = strcmp(round_s, "none") ? ROUTES_ROUND_DIMACS
						      : ROUTES_ROUND_NONE;
		if (routes_problem_matrix(p, &e) != OV_OK) {
			routes_problem_free(p);
			return cli_fail(ctx, &e);
		}
	}
	routes_solve_opts so = {.seconds = (double)seconds,
				.seed = (uint64_t)seed,
				.progress = quiet ? NULL : routes_progress,
				.progress_ctx = ctx};
	routes_plan *r;
	routes_solve_info info;
	routes_report rep;
	if (routes_solve(p, &so, &r, &info, &e) != OV_OK) {
		routes_problem_free(p);
		return cli_fail(ctx, &e);
	}
	if (routes_check(p, r, &rep, &e) != OV_OK) {
		routes_plan_free(r);
		routes_problem_free(p);
		return cli_fail(ctx, &e);
	}
	if (ctx->json) {
		rc = cli_print_json(
			ctx,
			json_pack("{s:s,s:b,s:i,s:f,s:i,s:f,s:I,s:I,s:s,s:s,s:o,s:o}",
				  "instance", p->name ? p->name : "",
				  "feasible",
				  rep.n_violations == 0 && rep.unserved == 0,
				  "vehicles", rep.vehicles, "distance",
				  rep.distance, "unserved", rep.unserved,
				  "seconds", info.seconds, "seed",
				  (json_int_t)seed, "iterations",
				  (json_int_t)info.iterations, "rounding",
				  p->rounding == ROUTES_ROUND_DIMACS ? "dimacs"
								     : "none",
				  "objective",
				  p->objective == ROUTES_MIN_VEHICLES
					  ? "vehicles"
					  : "distance",
				  "violations", violations_json(&rep),
				  "routes", routes_json(r)));
	} else {
		print_text(ctx, p, r, &rep, &info);
		rc = 0;
	}
	routes_plan_free(r);
	routes_problem_free(p);
	return rc;
}
