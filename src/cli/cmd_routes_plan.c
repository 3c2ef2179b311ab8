/*
 * cmd_routes_plan.c - `ovttas routes plan --municipality M --date D
 * [--shift day|evening]`: builds the day's home-care problem from the
 * database, solves it, checks it with the referee, stores the lists and
 * prints them. Also the option parsing, opening and solving that
 * `routes replan` (cmd_routes_replan.c) shares.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "base/ov_i18n.h"
#include "cmd_routes_int.h"

int routes_plan_parse(cli_ctx *ctx, int argc, char **argv, plan_opts *o,
		      int replan)
{
	const cli_opt opts[] = {{"municipality", CLI_STRING, &o->muni, NULL},
				{"date", CLI_STRING, &o->date, NULL},
				{"shift", CLI_STRING, &o->shift, NULL},
				{"seconds", CLI_STRING, &o->seconds, NULL},
				{"seed", CLI_STRING, &o->seed, NULL},
				{"quiet", CLI_FLAG, NULL, &o->quiet},
				{"travel", CLI_STRING, &o->travel, NULL},
				{replan ? "sick" : NULL, CLI_STRING, &o->sick,
				 NULL},
				{"late", CLI_STRING, &o->late, NULL},
				{"minutes", CLI_STRING, &o->minutes, NULL},
				{"cancel", CLI_STRING, &o->cancel, NULL},
				{"add", CLI_STRING, &o->add, NULL},
				{NULL, CLI_FLAG, NULL, NULL}};
	int npos, rc = cli_parse(ctx, argc, argv, opts, NULL, 0, &npos);
	if (rc >= 0)
		return rc;
	if (!o->muni)
		return cli_usage_error(ctx, "--municipality",
				       _("name the municipality with "
					 "--municipality"));
	int changes = !!o->sick + !!o->late + !!o->cancel + !!o->add;
	if (replan && changes != 1)
		return cli_usage_error(ctx, "--sick",
				       _("name one change: --sick EMPLOYEE, "
					 "--late EMPLOYEE --minutes M, --cancel "
					 "RECIPIENT[:TASK] or --add "
					 "RECIPIENT:TASK"));
	o->late_n = 0;
	if (o->late && !o->minutes)
		return cli_usage_error(ctx, "--minutes",
				       _("say how late with --minutes M"));
	if ((rc = cli_number_opt(ctx, "--minutes", o->minutes, 1, 720,
				 &o->late_n)) >= 0)
		return rc;
	o->secs = replan ? 5 : 10;
	o->seed_n = 1;
	if ((rc = cli_number_opt(ctx, "--seconds", o->seconds, 1, 3600,
				 &o->secs)) >= 0 ||
	    (rc = cli_number_opt(ctx, "--seed", o->seed, 0, 1000000000,
				 &o->seed_n)) >= 0)
		return rc;
	return routes_day_opts(ctx, o->date, o->shift, &o->day, &o->sh);
}

db *routes_open_for(cli_ctx *ctx, const plan_opts *o, org_municipality *m,
		     int *code)
{
	db *d = cli_open_db(ctx, DB_WRITE, code);
	if (!d)
		return NULL;
	ov_err e;
	if (org_municipality_find(d, o->muni, m, &e) != OV_OK) {
		db_close(d);
		*code = cli_fail(ctx, &e);
		return NULL;
	}
	return d;
}

ov_status routes_apply_travel(cli_ctx *ctx, const plan_opts *o,
			      care_day *cd, ov_err *e)
{
	if (!o->travel)
		return OV_OK;
	int applied;
	ov_status rc = routes_matrix_read(o->travel, cd->problem, &applied, e);
	if (rc == OV_OK && !o->quiet)
		fprintf(ctx->err, _("%s: %d travel times from the file, the "
				    "rest from the map\n"),
			o->travel, applied);
	return rc;
}

ov_status routes_solve_store(cli_ctx *ctx, db *d, const care_day *cd,
			     const plan_opts *o, int64_t replaces,
			     const char *reason, care_route **out, ov_err *e)
{
	routes_solve_opts so = {.seconds = (double)o->secs,
				.seed = (uint64_t)o->seed_n,
				.progress = o->quiet ? NULL : routes_progress,
				.progress_ctx = ctx};
	routes_plan *r;
	routes_solve_info info;
	ov_status rc = routes_solve(cd->problem, &so, &r, &info, e);
	if (rc != OV_OK)
		return rc;
	char actor[80];
	const auth_actor who = auth_actor_cli(actor);
	rc = care_route_store(d, &who, cd, r, &info, (uint64_t)o->seed_n,
			      replaces, reason, NULL, e);
	routes_plan_free(r);
	if (rc == OV_OK)
		rc = care_route_current(d, cd->municipality_id, cd->day,
					cd->shift, out, e);
	return rc;
}

int cmd_routes_plan(cli_ctx *ctx, int argc, char **argv)
{
	plan_opts o = {0};
	int rc = routes_plan_parse(ctx, argc, argv, &o, 0);
	if (rc >= 0)
		return rc;
	org_municipality m;
	db *d = routes_open_for(ctx, &o, &m, &rc);
	if (!d)
		return rc;
	ov_err e;
	care_day *cd;
	care_route *r = NULL;
	if (care_day_build(d, m.id, o.day, o.sh, NULL, &cd, &e) == OV_OK) {
		if (routes_apply_travel(ctx, &o, cd, &e) == OV_OK &&
		    routes_solve_store(ctx, d, cd, &o, 0, "", &r, &e) == OV_OK)
			rc = routes_print_day(ctx, &m, r, NULL);
		else
			rc = cli_fail(ctx, &e);
		care_day_free(cd);
	} else {
		rc = cli_fail(ctx, &e);
	}
	care_route_free(r);
	db_close(d);
	return rc;
}
