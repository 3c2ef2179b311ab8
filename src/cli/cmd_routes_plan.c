/*
 * cmd_routes_plan.c - `ovttas routes plan --municipality M --date D
 * [--shift day|evening]`: builds the day's home-care problem from the
 * database, solves it, checks it with the referee, stores the lists and
 * prints them; `ovttas routes replan ... --sick E`: the same without a
 * caregiver who called in sick, every other visit anchored to the list
 * it was on, and a report of what changed hands.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "cmd_routes_int.h"

/* The options both commands take. */
typedef struct {
	const char *muni, *date, *shift, *seconds, *seed, *sick;
	int quiet;
	ov_day day;
	care_shift sh;
	long long secs, seed_n;
} plan_opts;

static int parse(cli_ctx *ctx, int argc, char **argv, plan_opts *o,
		 int replan)
{
	const cli_opt opts[] = {{"municipality", CLI_STRING, &o->muni, NULL},
				{"date", CLI_STRING, &o->date, NULL},
				{"shift", CLI_STRING, &o->shift, NULL},
				{"seconds", CLI_STRING, &o->seconds, NULL},
				{"seed", CLI_STRING, &o->seed, NULL},
				{"quiet", CLI_FLAG, NULL, &o->quiet},
				{replan ? "sick" : NULL, CLI_STRING, &o->sick,
				 NULL},
				{NULL, CLI_FLAG, NULL, NULL}};
	int npos, rc = cli_parse(ctx, argc, argv, opts, NULL, 0, &npos);
	if (rc >= 0)
		return rc;
	if (!o->muni)
		return cli_usage_error(ctx, "--municipality",
				       _("name the municipality with "
					 "--municipality"));
	if (replan && !o->sick)
		return cli_usage_error(ctx, "--sick",
				       _("name the caregiver who is off sick "
					 "with --sick EMPLOYEE"));
	o->secs = replan ? 5 : 10;
	o->seed_n = 1;
	if ((rc = cli_number_opt(ctx, "--seconds", o->seconds, 1, 3600,
				 &o->secs)) >= 0 ||
	    (rc = cli_number_opt(ctx, "--seed", o->seed, 0, 1000000000,
				 &o->seed_n)) >= 0)
		return rc;
	return routes_day_opts(ctx, o->date, o->shift, &o->day, &o->sh);
}

static db *open_for(cli_ctx *ctx, const plan_opts *o, org_municipality *m,
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

/* Solves cd, stores it (replacing plan `replaces` when not 0) and loads
 * the stored lists into *out. */
static ov_status solve_store(cli_ctx *ctx, db *d, const care_day *cd,
			     const plan_opts *o, int64_t replaces,
			     const char *reason, care_route **out,
			     ov_err *e)
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
	rc = care_route_store(d, cd, r, &info, (uint64_t)o->seed_n, replaces,
			      reason, NULL, e);
	routes_plan_free(r);
	if (rc == OV_OK)
		rc = care_route_current(d, cd->municipality_id, cd->day,
					cd->shift, out, e);
	return rc;
}

int cmd_routes_plan(cli_ctx *ctx, int argc, char **argv)
{
	plan_opts o = {0};
	int rc = parse(ctx, argc, argv, &o, 0);
	if (rc >= 0)
		return rc;
	org_municipality m;
	db *d = open_for(ctx, &o, &m, &rc);
	if (!d)
		return rc;
	ov_err e;
	care_day *cd;
	care_route *r = NULL;
	if (care_day_build(d, m.id, o.day, o.sh, 0, &cd, &e) == OV_OK) {
		if (solve_store(ctx, d, cd, &o, 0, "", &r, &e) == OV_OK)
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

/* Anchors every visit of cd to the caregiver that had it in old (when
 * that one is still at work): moving it costs CARE_STAY_WEIGHT. */
static void anchor(care_day *cd, const care_route *old)
{
	for (int i = 0; i < cd->n_visits; i++) {
		int row = care_route_row_of(old, cd->visits[i].visit_request_id,
					    cd->visits[i].part);
		if (row < 0)
			continue;
		int64_t eid = old->caregivers[row].employee_id;
		for (int k = 0; k < cd->n_caregivers; k++)
			if (cd->caregivers[k].employee_id == eid) {
				cd->problem->nodes[i + 1].preferred = k;
				cd->problem->nodes[i + 1].keep_weight =
					CARE_STAY_WEIGHT;
			}
	}
}

static const care_caregiver *by_no(const care_route *r, const char *no)
{
	for (int k = 0; k < r->n_caregivers; k++)
		if (!strcmp(r->caregivers[k].employee_no, no))
			return &r->caregivers[k];
	return NULL;
}

/* Prints (or, with --json, returns) what changed between old and new. */
static int report_changes(cli_ctx *ctx, const org_municipality *m,
			  const care_route *old, const care_route *new,
			  const care_caregiver *sick)
{
	int moved = 0, lost = 0, others = 0;
	json_t *list = json_array();
	if (!ctx->json)
		fprintf(ctx->out,
			_("Re-planned without %s %s (%s): plan %lld replaces "
			  "plan %lld\n"),
			sick->given_name, sick->family_name, sick->employee_no,
			(long long)new->id, (long long)old->id);
	for (int i = 0; i < old->n_stops; i++) {
		const care_stop *s = &old->stops[i];
		if (s->row < 0)
			continue;
		const care_caregiver *was = &old->caregivers[s->row];
		int row = care_route_row_of(new, s->visit.visit_request_id,
					    s->visit.part);
		const care_caregiver *now = row >= 0 ? &new->caregivers[row]
						     : NULL;
		if (now && now->employee_id == was->employee_id)
			continue;
		int of_sick = was->employee_id == sick->employee_id;
		if (!now)
			lost++;
		else if (of_sick)
			moved++;
		else
			others++;
		char a[8];
		json_array_append_new(
			list, json_pack("{s:s,s:s,s:s,s:s,s:s?}", "recipient",
					s->visit.code, "task", s->visit.task,
					"start", routes_clock(s->start, a, sizeof a),
					"from", was->employee_no, "to",
					now ? now->employee_no : NULL));
		if (!ctx->json)
			fprintf(ctx->out, _("  %s  %s %s: %s -> %s\n"),
				routes_clock(s->start, a, sizeof a),
				s->visit.code, routes_task_name(s->visit.task),
				was->employee_no,
				now ? now->employee_no : _("not served"));
	}
	if (ctx->json) {
		char day[16];
		return cli_print_json(
			ctx,
			json_pack("{s:s,s:s,s:s,s:I,s:I,s:s,s:i,s:i,s:i,s:o}",
				  "municipality", m->code, "date",
				  ov_date_format(new->day, day, sizeof day),
				  "shift", care_shift_name(new->shift), "plan",
				  (json_int_t)new->id, "replaces",
				  (json_int_t)old->id, "sick",
				  sick->employee_no, "moved_from_sick", moved,
				  "changed_hands_others", others,
				  "no_longer_served", lost, "changes", list));
	}
	json_decref(list);
	fprintf(ctx->out,
		_("%d of %s's visits went to others, %d are not served; %d "
		  "other visits changed hands\n"),
		moved, sick->employee_no, lost, others);
	fprintf(ctx->out, _("'ovttas routes show' prints the new lists.\n"));
	return 0;
}

int cmd_routes_replan(cli_ctx *ctx, int argc, char **argv)
{
	plan_opts o = {0};
	int rc = parse(ctx, argc, argv, &o, 1);
	if (rc >= 0)
		return rc;
	org_municipality m;
	db *d = open_for(ctx, &o, &m, &rc);
	if (!d)
		return rc;
	ov_err e;
	care_route *old = NULL, *new = NULL;
	care_day *cd = NULL;
	ov_status st = care_route_current(d, m.id, o.day, o.sh, &old, &e);
	const care_caregiver *sick = NULL;
	if (st == OV_OK && !(sick = by_no(old, o.sick)))
		st = OV_FAIL(&e, OV_E_NOTFOUND, "--sick",
			     _("employee %s is not on these lists"), o.sick);
	if (st == OV_OK)
		st = care_day_build(d, m.id, o.day, o.sh, sick->employee_id,
				    &cd, &e);
	if (st == OV_OK) {
		anchor(cd, old);
		char reason[64];
		snprintf(reason, sizeof reason, "sick:%s", sick->employee_no);
		st = solve_store(ctx, d, cd, &o, old->id, reason, &new, &e);
	}
	rc = st == OV_OK ? report_changes(ctx, &m, old, new, sick)
			 : cli_fail(ctx, &e);
	care_day_free(cd);
	care_route_free(old);
	care_route_free(new);
	db_close(d);
	return rc;
}
