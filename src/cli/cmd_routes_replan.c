/*
 * cmd_routes_replan.c - `ovttas routes replan --municipality M --date D
 * [--shift day|evening]` with one change: --sick E (a caregiver off
 * the lists), --late E --minutes M (starts M minutes late), --cancel
 * RECIPIENT[:TASK] (visits not made today), --add RECIPIENT:TASK (a
 * visit made today though its pattern does not say so). Plans the
 * current lists again with every other visit anchored to its caregiver,
 * stores them as the new current lists and prints what changed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "cmd_routes_int.h"

/* Anchors every visit of cd to the caregiver that had it in old (when
 * that one is still at work): moving it costs CARE_STAY_WEIGHT. */
static void anchor(care_day *cd, const care_route *old)
{
	for (int i = 0; i < cd->n_visits; i++) {
		int row = care_route_row_of(old, cd->visits[i].visit_request_id,
					    cd->visits[i].part);
		if (row < 0 || cd->visits[i].break_of)
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

/* Is part `part` of visit id on r's lists at all (served or not)? */
static int listed(const care_route *r, int64_t id, int part)
{
	for (int i = 0; i < r->n_stops; i++)
		if (r->stops[i].visit.visit_request_id == id &&
		    r->stops[i].visit.part == part)
			return 1;
	return 0;
}

typedef struct {
	int moved_from_sick, others, lost, cancelled, added, now_served;
} change_counts;

/* One visit whose caregiver changed, on the text report and in the
 * JSON list. */
static void note(cli_ctx *ctx, json_t *list, const care_stop *s,
		 const char *from, const char *to, int cancelled)
{
	char a[8];
	routes_clock(s->start, a, sizeof a);
	json_array_append_new(
		list, json_pack("{s:s,s:s,s:i,s:s,s:s?,s:s?}", "recipient",
				s->visit.code, "task", s->visit.task, "part",
				s->visit.part, "start", a, "from", from, "to",
				to));
	if (!ctx->json)
		fprintf(ctx->out, _("  %s  %s %s: %s -> %s\n"), a,
			s->visit.code, routes_task_name(s->visit.task),
			from ? from : "-",
			to ? to : cancelled ? _("cancelled") : _("not served"));
}

static change_counts compare(cli_ctx *ctx, const care_route *old,
			     const care_route *new, int64_t sick,
			     json_t *list)
{
	change_counts c = {0};
	/* a visit counts once, by its part 0; both halves are listed */
	for (int i = 0; i < old->n_stops; i++) {
		const care_stop *s = &old->stops[i];
		int once = !s->visit.part;
		if (s->row < 0) { /* unserved before: cancelled now? */
			if (!listed(new, s->visit.visit_request_id, 0)) {
				c.cancelled++;
				note(ctx, list, s, NULL, NULL, 1);
			}
			continue;
		}
		const care_caregiver *was = &old->caregivers[s->row];
		int64_t vid = s->visit.visit_request_id;
		int row = care_route_row_of(new, vid, s->visit.part);
		const care_caregiver *now = row >= 0 ? &new->caregivers[row]
						     : NULL;
		if (now && now->employee_id == was->employee_id)
			continue;
		/* the sick one's stops each count: each was theirs */
		once |= was->employee_id == sick;
		int gone = !listed(new, vid, 0);
		if (gone)
			c.cancelled += once;
		else if (!now)
			c.lost += once;
		else if (was->employee_id == sick)
			c.moved_from_sick += once;
		else
			c.others += once;
		note(ctx, list, s, was->employee_no,
		     now ? now->employee_no : NULL, gone);
	}
	for (int i = 0; i < new->n_stops; i++) {
		const care_stop *s = &new->stops[i];
		if (s->row < 0 ||
		    care_route_row_of(old, s->visit.visit_request_id,
				      s->visit.part) >= 0)
			continue;
		if (listed(old, s->visit.visit_request_id, 0))
			c.now_served += !s->visit.part;
		else
			c.added += !s->visit.part;
		note(ctx, list, s, NULL, new->caregivers[s->row].employee_no,
		     0);
	}
	return c;
}

static int report(cli_ctx *ctx, const org_municipality *m,
		  const care_route *old, const care_route *new,
		  const char *reason, int64_t sick)
{
	char why[128];
	json_t *list = json_array();
	if (!ctx->json)
		fprintf(ctx->out, _("Plan %lld replaces plan %lld (%s)\n"),
			(long long)new->id, (long long)old->id,
			routes_reason_text(reason, why, sizeof why));
	change_counts c = compare(ctx, old, new, sick, list);
	if (ctx->json) {
		char day[16];
		return cli_print_json(
			ctx,
			json_pack("{s:s,s:s,s:s,s:I,s:I,s:s,s:i,s:i,s:i,s:i,"
				  "s:i,s:i,s:o}",
				  "municipality", m->code, "date",
				  ov_date_format(new->day, day, sizeof day),
				  "shift", care_shift_name(new->shift), "plan",
				  (json_int_t)new->id, "replaces",
				  (json_int_t)old->id, "reason", reason,
				  "moved_from_sick", c.moved_from_sick,
				  "changed_hands_others", c.others,
				  "no_longer_served", c.lost, "cancelled",
				  c.cancelled, "added", c.added, "now_served",
				  c.now_served, "changes", list));
	}
	json_decref(list);
	fprintf(ctx->out,
		_("%d visits changed hands (%d from the caregiver off sick), "
		  "%d are no longer served, %d cancelled, %d added, %d served "
		  "that were not\n"),
		c.others + c.moved_from_sick, c.moved_from_sick, c.lost,
		c.cancelled, c.added, c.now_served);
	fprintf(ctx->out, _("'ovttas routes show' prints the new lists.\n"));
	return 0;
}

/* Splits "K-003:insulin" into code and task (NULL when there is none)
 * in buf. */
static void split(const char *text, char *buf, size_t n, const char **code,
		  const char **task)
{
	snprintf(buf, n, "%s", text);
	char *colon = strchr(buf, ':');
	*task = NULL;
	if (colon) {
		*colon = '\0';
		*task = colon + 1;
	}
	*code = buf;
}

int cmd_routes_replan(cli_ctx *ctx, int argc, char **argv)
{
	plan_opts o = {0};
	int rc = routes_plan_parse(ctx, argc, argv, &o, 1);
	if (rc >= 0)
		return rc;
	org_municipality m;
	db *d = routes_open_for(ctx, &o, &m, &rc);
	if (!d)
		return rc;
	ov_err e;
	care_route *old = NULL, *new = NULL;
	care_day *cd = NULL;
	ov_status st = care_route_current(d, m.id, o.day, o.sh, &old, &e);
	care_change chg = {.base = old};
	char reason[96] = "", cancel[64], add[64];
	const char *who = o.sick ? o.sick : o.late;
	const care_caregiver *c = NULL;
	if (st == OV_OK && who && !(c = by_no(old, who)))
		st = OV_FAIL(&e, OV_E_NOTFOUND, o.sick ? "--sick" : "--late",
			     _("employee %s is not on these lists"), who);
	if (o.sick && c) {
		chg.sick_employee_id = c->employee_id;
		snprintf(reason, sizeof reason, "sick:%s", o.sick);
	} else if (o.late && c) {
		chg.late_employee_id = c->employee_id;
		chg.late_min = (int)o.late_n;
		snprintf(reason, sizeof reason, "late:%s:%lld", o.late,
			 o.late_n);
	} else if (o.cancel) {
		split(o.cancel, cancel, sizeof cancel, &chg.cancel_code,
		      &chg.cancel_task);
		snprintf(reason, sizeof reason, "cancel:%s", o.cancel);
	} else if (o.add) {
		split(o.add, add, sizeof add, &chg.add_code, &chg.add_task);
		snprintf(reason, sizeof reason, "add:%s", o.add);
	}
	if (st == OV_OK)
		st = care_day_build(d, m.id, o.day, o.sh, &chg, &cd, &e);
	if (st == OV_OK)
		st = routes_apply_travel(ctx, &o, cd, &e);
	if (st == OV_OK) {
		anchor(cd, old);
		st = routes_solve_store(ctx, d, cd, &o, old->id, reason, &new,
					&e);
	}
	rc = st == OV_OK ? report(ctx, &m, old, new, reason,
				  chg.sick_employee_id)
			 : cli_fail(ctx, &e);
	care_day_free(cd);
	care_route_free(old);
	care_route_free(new);
	db_close(d);
	return rc;
}
