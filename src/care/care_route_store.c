/*
 * care_route_store.c - stores the lists the route planner made for a
 * day and shift (with every stop's times and every visit left out with
 * its reason), audited in the same transaction.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/ov_i18n.h"
#include "care_int.h"
#include "care_route.h"
#include "org/org.h"

static const char *why_name(routes_unserved_why w)
{
	return w == ROUTES_WHY_SKILL ? "skill"
	       : w == ROUTES_WHY_WINDOW ? "window"
					: "time";
}

static ov_status insert_header(db *d, const care_day *cd,
			       const routes_report *rep,
			       const routes_solve_info *info, uint64_t seed,
			       int64_t replaces, const char *reason,
			       int64_t *id, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(
		d,
		"INSERT INTO route_plan (municipality_id, unit_id, day, "
		"shift, rota_plan_id, replaces, reason, created_at, "
		"travel_min, soft_cost, seconds, seed) VALUES ($1, $2, $3, "
		"$4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
		&st, err);
	if (rc != OV_OK)
		return rc;
	char day[16], now[32];
	time_t t = time(NULL);
	struct tm tm;
	if (!gmtime_r(&t, &tm) ||
	    !strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm))
		CARE_COPY(now, "1970-01-01T00:00:00Z");
	db_bind_int(st, 1, cd->municipality_id);
	db_bind_int(st, 2, cd->unit_id);
	db_bind_text(st, 3, ov_date_format(cd->day, day, sizeof day));
	db_bind_text(st, 4, care_shift_name(cd->shift));
	db_bind_int(st, 5, cd->rota_plan_id);
	if (replaces)
		db_bind_int(st, 6, replaces);
	else
		db_bind_null(st, 6);
	db_bind_text(st, 7, reason ? reason : "");
	db_bind_text(st, 8, now);
	db_bind_double(st, 9, rep->distance);
	db_bind_double(st, 10, rep->soft_cost);
	db_bind_double(st, 11, info ? info->seconds : 0);
	db_bind_int(st, 12, (int64_t)seed);
	int r = db_step(st, err);
	if (r == 1)
		*id = db_col_int(st, 0);
	db_finalize(st);
	return r == 1 ? OV_OK : OV_E_DB;
}

/* What a caregiver's list holds besides its stops: the drive back to
 * the office after the last one, and where the break fell. */
typedef struct {
	double back;
	double break_start; /* -1: not on the list */
	int break_after;
	double break_drive;
} legs;

static void legs_of(const care_day *cd, const routes_plan *r,
		    const double *begin, legs *out)
{
	const routes_problem *p = cd->problem;
	for (int k = 0; k < cd->n_caregivers; k++)
		out[k] = (legs){0, -1, 0, 0};
	for (int i = 0; i < r->n_routes; i++) {
		int a = r->route_start[i], b = r->route_start[i + 1];
		int veh = r->vehicle ? r->vehicle[i] : i;
		if (b > a)
			out[veh].back = routes_leg(p, veh, r->seq[b - 1], 0);
		size_t prev = 0;
		for (int k = a, stops = 0; k < b; k++) {
			int node = r->seq[k];
			if (cd->visits[node - 1].break_of) {
				out[veh].break_start = begin[node];
				out[veh].break_after = stops;
				out[veh].break_drive =
					routes_leg(p, veh, (int)prev, node);
			} else {
				stops++;
			}
			prev = (size_t)node;
		}
	}
}

static ov_status insert_caregivers(db *d, const care_day *cd,
				   const legs *lg, int64_t id, ov_err *err)
{
	db_stmt *st = NULL;
	ov_status rc = db_prepare(
		d,
		"INSERT INTO route_caregiver (plan_id, row_no, employee_id, "
		"shift_code, start_min, end_min, competence, sami_speaker, "
		"back_min, break_min, break_start_min, break_after, "
		"break_drive_min, from_home) VALUES ($1, $2, $3, $4, $5, $6, "
		"$7, $8, $9, $10, $11, $12, $13, $14)",
		&st, err);
	for (int k = 0; rc == OV_OK && k < cd->n_caregivers; k++) {
		const care_caregiver *c = &cd->caregivers[k];
		db_bind_int(st, 1, id);
		db_bind_int(st, 2, k);
		db_bind_int(st, 3, c->employee_id);
		db_bind_text(st, 4, c->shift_code);
		db_bind_int(st, 5, c->start_min);
		db_bind_int(st, 6, c->end_min);
		db_bind_text(st, 7, c->competence);
		db_bind_int(st, 8, c->sami_speaker);
		db_bind_double(st, 9, lg[k].back);
		db_bind_int(st, 10, c->break_min);
		if (lg[k].break_start >= 0)
			db_bind_double(st, 11, lg[k].break_start);
		else
			db_bind_null(st, 11);
		db_bind_int(st, 12, lg[k].break_after);
		db_bind_double(st, 13, lg[k].break_drive);
		db_bind_int(st, 14, c->from_home);
		rc = db_run(st, err);
		db_reset(st);
	}
	db_finalize(st);
	return rc;
}

/* Every stop with the times the route gives it (begin: the referee's
 * starts); then every visit in no route, with the reason. Breaks are
 * the caregivers' rows, not stops. */
static ov_status insert_stops(db *d, const care_day *cd,
			      const routes_plan *r, const double *begin,
			      int64_t id, int *n_stops, int *n_unserved,
			      ov_err *err)
{
	*n_stops = *n_unserved = 0;
	const routes_problem *p = cd->problem;
	size_t n = (size_t)p->n_visits + 1;
	unsigned char *served = calloc(n, 1);
	if (!served)
		return care_nomem(err);
	db_stmt *st = NULL, *un = NULL;
	ov_status rc = db_prepare(
		d,
		"INSERT INTO route_stop (plan_id, employee_id, seq, "
		"visit_request_id, part, arrive_min, start_min, drive_min) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
		&st, err);
	if (rc == OV_OK)
		rc = db_prepare(d,
				"INSERT INTO route_unserved (plan_id, "
				"visit_request_id, reason) VALUES ($1, $2, $3)",
				&un, err);
	for (int i = 0; rc == OV_OK && i < r->n_routes; i++) {
		int veh = r->vehicle ? r->vehicle[i] : i;
		const routes_vehicle *v = &p->vehicles[veh];
		double t = v->start > p->nodes[0].ready ? v->start
							: p->nodes[0].ready;
		size_t prev = 0;
		int seq = 0;
		for (int k = r->route_start[i];
		     rc == OV_OK && k < r->route_start[i + 1]; k++) {
			int node = r->seq[k];
			const routes_visit *x = &p->nodes[node];
			const care_visit_due *cv = &cd->visits[node - 1];
			double drive = routes_leg(p, veh, (int)prev, node);
			double arrive = t + drive;
			double start = begin[node]; /* >= arrive */
			t = start + x->service;
			prev = (size_t)node;
			served[node] = 1;
			if (cv->break_of)
				continue;
			db_bind_int(st, 1, id);
			db_bind_int(st, 2, cd->caregivers[veh].employee_id);
			db_bind_int(st, 3, seq++);
			db_bind_int(st, 4, cv->visit_request_id);
			db_bind_int(st, 5, cv->part);
			db_bind_double(st, 6, arrive);
			db_bind_double(st, 7, start);
			db_bind_double(st, 8, drive);
			rc = db_run(st, err);
			db_reset(st);
			++*n_stops;
		}
	}
	for (int node = 1; rc == OV_OK && node < (int)n; node++) {
		/* a two-caregiver visit is unserved once, as its part 0; a
		 * break with no room shows on its caregiver's row */
		const care_visit_due *cv = &cd->visits[node - 1];
		if (served[node] || cv->part || cv->break_of)
			continue;
		db_bind_int(un, 1, id);
		db_bind_int(un, 2, cv->visit_request_id);
		db_bind_text(un, 3,
			     why_name(routes_unserved_reason(p, node)));
		rc = db_run(un, err);
		db_reset(un);
		++*n_unserved;
	}
	db_finalize(st);
	db_finalize(un);
	free(served);
	return rc;
}

/* The id of the current (newest) lists of cd's day and shift in *id, 0
 * when there are none. */
static ov_status current_id(db *d, const care_day *cd, int64_t *id,
			    ov_err *err)
{
	*id = 0;
	char day[16];
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "SELECT id FROM route_plan WHERE "
				  "municipality_id = $1 AND day = $2 AND "
				  "shift = $3 ORDER BY id DESC LIMIT 1",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, cd->municipality_id);
	db_bind_text(st, 2, ov_date_format(cd->day, day, sizeof day));
	db_bind_text(st, 3, care_shift_name(cd->shift));
	int k = db_step(st, err);
	if (k == 1)
		*id = db_col_int(st, 0);
	db_finalize(st);
	return k < 0 ? OV_E_DB : OV_OK;
}

/* What the audit row of a stored planning shows (see care_route_store). */
typedef struct {
	int64_t prev, id;
	int n_stops, n_unserved;
	double travel_min;
} stored;

static ov_status audit_store(db *d, const auth_actor *who,
			     const care_day *cd, int64_t replaces,
			     const char *reason, const stored *s, ov_err *err)
{
	/* the municipality's number, for a reader of the trail */
	org_municipality *m = NULL;
	size_t n = 0;
	ov_status rc = org_municipality_list(d, &m, &n, err);
	if (rc != OV_OK)
		return rc;
	char code[8] = "";
	for (size_t i = 0; i < n; i++)
		if (m[i].id == cd->municipality_id)
			CARE_COPY(code, m[i].code);
	free(m);
	char day[16], key[24];
	json_t *before = s->prev ? json_pack("{s:I}", "plan_id",
					     (json_int_t)s->prev)
				 : NULL;
	json_t *after = json_pack(
		"{s:s,s:s,s:s,s:I,s:I,s:I,s:s,s:i,s:i,s:i,s:f}",
		"municipality", code, "date",
		ov_date_format(cd->day, day, sizeof day), "shift",
		care_shift_name(cd->shift), "plan_id", (json_int_t)s->id,
		"rota_plan_id", (json_int_t)cd->rota_plan_id, "replaces",
		(json_int_t)replaces, "reason", reason ? reason : "",
		"caregivers", cd->n_caregivers, "stops", s->n_stops,
		"unserved", s->n_unserved, "travel_min",
		(double)(int64_t)(s->travel_min * 10 + 0.5) / 10);
	const size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER |
			     JSON_REAL_PRECISION(10);
	char *b = before ? json_dumps(before, flags) : NULL;
	char *a = after ? json_dumps(after, flags) : NULL;
	json_decref(before);
	json_decref(after);
	snprintf(key, sizeof key, "%lld", (long long)s->id);
	if ((s->prev && !b) || !a)
		rc = care_nomem(err);
	else
		rc = auth_audit(d, who, cd->municipality_id,
				replaces ? "routes.replan" : "routes.plan",
				"route_plan", key, b, a, err);
	free(b);
	free(a);
	return rc;
}

ov_status care_route_store(db *d, const auth_actor *who, const care_day *cd,
			   const routes_plan *r, const routes_solve_info *info,
			   uint64_t seed, int64_t replaces, const char *reason,
			   int64_t *id, ov_err *err)
{
	routes_report rep;
	ov_status rc = routes_check(cd->problem, r, &rep, err);
	if (rc != OV_OK)
		return rc;
	if (rep.n_violations)
		return OV_FAIL(err, OV_E_INPUT, "routes",
			       _("the lists break %d rules (first: %s); "
				 "nothing is stored"),
			       rep.n_violations,
			       routes_violation_name(rep.violations[0].kind));
	size_t n = (size_t)cd->problem->n_visits + 1;
	legs *lg = calloc((size_t)cd->n_caregivers + 1, sizeof *lg);
	double *begin = malloc(n * sizeof *begin);
	if (!lg || !begin) {
		free(lg);
		free(begin);
		return care_nomem(err);
	}
	/* joins the caller's transaction when one is open */
	int own = !db_in_transaction(d);
	rc = routes_plan_starts(cd->problem, r, begin, err);
	if (rc == OV_OK) {
		legs_of(cd, r, begin, lg);
		if (own)
			rc = db_begin(d, err);
	}
	stored s = {.travel_min = rep.distance};
	if (rc == OV_OK) {
		if (who)
			rc = current_id(d, cd, &s.prev, err);
		if (rc == OV_OK)
			rc = insert_header(d, cd, &rep, info, seed, replaces,
					   reason, &s.id, err);
		if (rc == OV_OK)
			rc = insert_caregivers(d, cd, lg, s.id, err);
		if (rc == OV_OK)
			rc = insert_stops(d, cd, r, begin, s.id, &s.n_stops,
					  &s.n_unserved, err);
		if (rc == OV_OK && who)
			rc = audit_store(d, who, cd, replaces, reason, &s,
					 err);
		if (own && rc == OV_OK)
			rc = db_commit(d, err);
		else if (own)
			db_rollback(d);
	}
	free(lg);
	free(begin);
	if (rc == OV_OK && id)
		*id = s.id;
	return rc;
}
