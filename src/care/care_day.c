/*
 * care_day.c - the routing problem of one day and shift of a
 * municipality's home care, from the database: visits due, caregivers
 * on the rota, the office as the depot, travel from coordinates, and
 * yesterday's caregiver as each visit's preferred one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "care.h"
#include "care_int.h"
#include "care_route.h"
#include "org/org.h"
#include "staffing/staff.h"

const char *care_shift_name(care_shift s)
{
	return s == CARE_SHIFT_EVENING ? "evening" : "day";
}

const char *care_shift_label(care_shift s)
{
	return s == CARE_SHIFT_EVENING ? _("evening shift") : _("day shift");
}

int care_shift_parse(const char *s)
{
	if (!strcmp(s, "day"))
		return CARE_SHIFT_DAY;
	if (!strcmp(s, "evening"))
		return CARE_SHIFT_EVENING;
	return -1;
}

void care_day_free(care_day *cd)
{
	if (!cd)
		return;
	free(cd->caregivers);
	free(cd->visits);
	routes_problem_free(cd->problem);
	free(cd);
}

/* The municipality's mobile home-care unit (KOSTRA 258). */
static ov_status home_unit(db *d, int64_t mid, int64_t *unit_id, ov_err *err)
{
	org_unit *u = NULL;
	size_t n = 0;
	ov_status rc = org_units_list(d, mid, &u, &n, err);
	*unit_id = 0;
	for (size_t i = 0; rc == OV_OK && i < n && !*unit_id; i++)
		if (!strcmp(u[i].funksjon, "258"))
			*unit_id = u[i].id;
	free(u);
	if (rc == OV_OK && !*unit_id)
		rc = OV_FAIL(err, OV_E_NOTFOUND, "unit",
			     _("the municipality has no mobile home-care unit "
			       "(KOSTRA function 258)"));
	return rc;
}

static ov_status office(db *d, int64_t mid, double *lat, double *lon,
			ov_err *err)
{
	org_municipality m;
	ov_status rc = org_municipality_get(d, mid, &m, err);
	if (rc == OV_OK) {
		*lat = m.lat;
		*lon = m.lon;
	}
	return rc;
}

/* The minute the unit's evening shift starts: visits opening from then
 * on are the evening's. 1440 when the unit has no evening shift. */
static ov_status evening_start(db *d, int64_t unit_id, int *minute,
			       ov_err *err)
{
	staff_shift_type *sh = NULL;
	size_t n = 0;
	ov_status rc = staff_shift_types_list(d, unit_id, &sh, &n, err);
	*minute = 24 * 60;
	for (size_t i = 0; rc == OV_OK && i < n; i++)
		if (!strcmp(sh[i].category, "evening") &&
		    sh[i].start_min < *minute)
			*minute = sh[i].start_min;
	free(sh);
	return rc;
}

static int on_shift(const staff_shift_type *s, care_shift shift)
{
	if (shift == CARE_SHIFT_EVENING)
		return !strcmp(s->category, "evening");
	return !strcmp(s->category, "day") || !strcmp(s->category, "long");
}

static ov_status caregivers(db *d, care_day *cd, const care_change *chg,
			    ov_err *err)
{
	int sick_seen = 0, late_seen = 0;
	staff_duty *duty = NULL;
	int n = 0;
	ov_status rc = staff_on_duty(d, cd->unit_id, cd->day, &duty, &n,
				     &cd->rota_plan_id, err);
	if (rc != OV_OK)
		return rc;
	cd->caregivers = calloc((size_t)n + 1, sizeof *cd->caregivers);
	if (!cd->caregivers) {
		free(duty);
		return care_nomem(err);
	}
	for (int i = 0; i < n; i++) {
		const staff_duty *w = &duty[i];
		if (!on_shift(&w->shift, cd->shift))
			continue;
		/* re-planning: the lists as they stand, with earlier
		 * changes (someone sent home, a late start) kept */
		const care_caregiver *was = NULL;
		for (int k = 0; chg->base && k < chg->base->n_caregivers; k++)
			if (chg->base->caregivers[k].employee_id ==
			    w->employee.employee_id)
				was = &chg->base->caregivers[k];
		if (chg->base && !was)
			continue;
		if (w->employee.employee_id == chg->sick_employee_id) {
			sick_seen = 1;
			continue;
		}
		care_caregiver *c = &cd->caregivers[cd->n_caregivers++];
		c->employee_id = w->employee.employee_id;
		CARE_COPY(c->employee_no, w->employee.employee_no);
		CARE_COPY(c->given_name, w->employee.given_name);
		CARE_COPY(c->family_name, w->employee.family_name);
		CARE_COPY(c->competence, w->employee.competence);
		c->sami_speaker = w->employee.sami_speaker;
		CARE_COPY(c->shift_code, w->shift.code);
		c->start_min = w->shift.start_min;
		c->end_min = w->shift.start_min + w->shift.length_min;
		int len = w->shift.length_min;
		c->break_min = len >= 8 * 60	      ? CARE_BREAK_LONG
			       : 2 * len > 11 * 60 ? CARE_BREAK_SHORT
						    : 0;
		c->break_from = c->start_min + len / 3;
		c->break_to = c->start_min + 2 * len / 3;
		c->break_start = -1;
		if (was)
			c->start_min = was->start_min;
		if (c->employee_id == chg->late_employee_id) {
			late_seen = 1;
			c->start_min += chg->late_min;
		}
	}
	free(duty);
	if ((chg->sick_employee_id && !sick_seen) ||
	    (chg->late_employee_id && !late_seen))
		return OV_FAIL(err, OV_E_NOTFOUND,
			       chg->sick_employee_id ? "--sick" : "--late",
			       "%s", _("that employee is not on the shift"));
	for (int k = 0; k < cd->n_caregivers; k++)
		if (cd->caregivers[k].start_min + 30 >
		    cd->caregivers[k].end_min)
			return OV_FAIL(err, OV_E_INPUT, "--minutes",
				       _("%s would start after the shift is "
					 "over"),
				       cd->caregivers[k].employee_no);
	if (!cd->n_caregivers) {
		char buf[16];
		return OV_FAIL(err, OV_E_INPUT, "caregivers",
			       _("the rota puts nobody on the %s on %s"),
			       care_shift_label(cd->shift),
			       ov_date_format(cd->day, buf, sizeof buf));
	}
	return OV_OK;
}

/* Visit v of recipient r matches code[:task]. */
static int matches(const care_recipient *r, const care_visit *v,
		   const char *code, const char *task)
{
	return code && !strcmp(r->code, code) &&
	       (!task || !strcmp(v->task, task));
}

/* Is visit request id on the lists of base (served or not)? */
static int on_base(const care_route *base, int64_t id)
{
	for (int i = 0; i < base->n_stops; i++)
		if (base->stops[i].visit.visit_request_id == id)
			return 1;
	return 0;
}

/* Caregivers who start and end at home (caregiver_home). */
static ov_status homes(db *d, care_day *cd, ov_err *err)
{
	db_stmt *st = NULL;
	ov_status rc = db_prepare(d,
				  "SELECT lat, lon FROM caregiver_home WHERE "
				  "employee_id = $1",
				  &st, err);
	for (int k = 0; rc == OV_OK && k < cd->n_caregivers; k++) {
		care_caregiver *c = &cd->caregivers[k];
		db_bind_int(st, 1, c->employee_id);
		int r = db_step(st, err);
		if (r == 1) {
			c->from_home = 1;
			c->home_lat = db_col_double(st, 0);
			c->home_lon = db_col_double(st, 1);
		} else if (r < 0) {
			rc = OV_E_DB;
		}
		db_reset(st);
	}
	db_finalize(st);
	return rc;
}

static ov_status visits(db *d, care_day *cd, const care_change *chg,
			ov_err *err)
{
	int cancelled = 0, added = 0, add_due = 0;
	int evening;
	ov_status rc = evening_start(d, cd->unit_id, &evening, err);
	care_list *l = NULL;
	if (rc == OV_OK)
		rc = care_list_get(d, cd->municipality_id, &l, err);
	if (rc != OV_OK)
		return rc;
	/* room for every visit twice (two caregivers) and the breaks */
	cd->visits = calloc(2 * l->nvisits + (size_t)cd->n_caregivers + 1,
			    sizeof *cd->visits);
	if (!cd->visits) {
		care_list_free(l);
		return care_nomem(err);
	}
	int wd = ov_date_weekday(cd->day);
	for (size_t i = 0; i < l->n; i++) {
		const care_recipient *r = &l->recipients[i];
		for (size_t k = 0; k < r->nvisits; k++) {
			const care_visit *v = &r->visits[k];
			int late = v->window_start >= evening;
			if (late != (cd->shift == CARE_SHIFT_EVENING))
				continue;
			int due = v->weekdays[wd] == '1' &&
				  (!chg->base || on_base(chg->base, v->id));
			if (matches(r, v, chg->add_code, chg->add_task)) {
				add_due += due;
				added += !due;
				due = 1;
			}
			if (due &&
			    matches(r, v, chg->cancel_code, chg->cancel_task)) {
				cancelled++;
				due = 0;
			}
			if (!due)
				continue;
			care_visit_due *x = &cd->visits[cd->n_visits++];
			x->visit_request_id = v->id;
			x->recipient_id = r->id;
			CARE_COPY(x->code, r->code);
			snprintf(x->name, sizeof x->name, "%s %s",
				 r->given_name, r->family_name);
			CARE_COPY(x->settlement, r->settlement);
			CARE_COPY(x->language, r->language);
			CARE_COPY(x->task, v->task);
			CARE_COPY(x->competence, v->competence);
			x->two_caregivers = v->two_caregivers;
			x->window_start = v->window_start;
			x->window_end = v->window_end;
			x->duration_min = v->duration_min;
			x->n_more = v->n_more;
			for (int w = 0; w < v->n_more; w++) {
				x->more_start[w] = v->more_start[w];
				x->more_end[w] = v->more_end[w];
			}
			x->lat = r->lat;
			x->lon = r->lon;
			if (v->two_caregivers) {
				cd->visits[cd->n_visits] = *x;
				cd->visits[cd->n_visits++].part = 1;
			}
		}
	}
	care_list_free(l);
	if (chg->cancel_code && !cancelled)
		return OV_FAIL(err, OV_E_NOTFOUND, "--cancel",
			       _("%s has no such visit on the day's lists"),
			       chg->cancel_code);
	if (chg->add_code && !added && !add_due)
		return OV_FAIL(err, OV_E_NOTFOUND, "--add",
			       _("%s has no such visit in this shift"),
			       chg->add_code);
	if (chg->add_code && !added)
		return OV_FAIL(err, OV_E_INPUT, "--add",
			       _("%s has that visit on the day's lists "
				 "already"),
			       chg->add_code);
	return OV_OK;
}

/* Each caregiver's break, at the office (lat, lon), after the visits. */
static void breaks(care_day *cd, double lat, double lon)
{
	for (int k = 0; k < cd->n_caregivers; k++) {
		const care_caregiver *c = &cd->caregivers[k];
		if (!c->break_min)
			continue;
		care_visit_due *x = &cd->visits[cd->n_visits++];
		memset(x, 0, sizeof *x);
		x->break_of = k + 1;
		CARE_COPY(x->task, "break");
		CARE_COPY(x->competence, "any");
		CARE_COPY(x->language, "nb");
		x->window_start = c->break_from;
		x->window_end = c->break_to;
		x->duration_min = c->break_min;
		x->lat = lat;
		x->lon = lon;
	}
}

static unsigned skills_of(const char *competence)
{
	if (!strcmp(competence, "nurse"))
		return ROUTES_SKILL_NURSE | ROUTES_SKILL_HEALTH_WORKER;
	if (!strcmp(competence, "health_worker"))
		return ROUTES_SKILL_HEALTH_WORKER;
	return 0;
}

/* What a visit needs: a nurse, a health worker (or a nurse: they
 * have both skills), or anyone. */
static unsigned needs_of(const char *competence)
{
	if (!strcmp(competence, "nurse"))
		return ROUTES_SKILL_NURSE;
	if (!strcmp(competence, "health_worker"))
		return ROUTES_SKILL_HEALTH_WORKER;
	return 0;
}

/* Each visit prefers the caregiver who served it on the newest earlier
 * planning of the shift, when that one is at work today. */
static ov_status continuity(db *d, care_day *cd, ov_err *err)
{
	char day[16];
	db_stmt *st;
	ov_status rc = db_prepare(
		d,
		"SELECT s.visit_request_id, s.employee_id FROM route_stop s "
		"WHERE s.part = 0 AND s.plan_id = (SELECT p.id FROM "
		"route_plan p WHERE "
		"p.municipality_id = $1 AND p.shift = $2 AND p.day < $3 "
		"ORDER BY p.day DESC, p.id DESC LIMIT 1)",
		&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, cd->municipality_id);
	db_bind_text(st, 2, care_shift_name(cd->shift));
	db_bind_text(st, 3, ov_date_format(cd->day, day, sizeof day));
	int r;
	while ((r = db_step(st, err)) == 1) {
		int64_t vid = db_col_int(st, 0), eid = db_col_int(st, 1);
		int node = 0, veh = -1;
		for (int i = 0; i < cd->n_visits && !node; i++)
			if (cd->visits[i].visit_request_id == vid)
				node = i + 1;
		for (int k = 0; k < cd->n_caregivers && veh < 0; k++)
			if (cd->caregivers[k].employee_id == eid)
				veh = k;
		if (node && veh >= 0) {
			cd->problem->nodes[node].preferred = veh;
			cd->problem->nodes[node].keep_weight = CARE_KEEP_WEIGHT;
		}
	}
	db_finalize(st);
	return r < 0 ? OV_E_DB : OV_OK;
}

static ov_status problem(care_day *cd, double lat, double lon, ov_err *err)
{
	routes_problem *p = routes_problem_new(cd->n_visits);
	if (!p)
		return care_nomem(err);
	cd->problem = p;
	char name[64], day[16];
	snprintf(name, sizeof name, "%s-%s",
		 ov_date_format(cd->day, day, sizeof day),
		 care_shift_name(cd->shift));
	p->name = strdup(name);
	p->vehicles = calloc((size_t)cd->n_caregivers, sizeof *p->vehicles);
	if (!p->name || !p->vehicles)
		return care_nomem(err);
	p->n_vehicles = cd->n_caregivers;
	p->capacity = cd->n_visits + 1; /* time is the limit, not load */
	p->rounding = ROUTES_ROUND_NONE;
	p->objective = ROUTES_MIN_DISTANCE;
	p->geo = 1;
	p->road_factor = CARE_ROAD_FACTOR;
	p->speed_kmh = CARE_SPEED_KMH;
	p->nodes[0] = (routes_visit){.x = lon, .y = lat, .due = 24 * 60};
	for (int k = 0; k < cd->n_caregivers; k++) {
		const care_caregiver *c = &cd->caregivers[k];
		p->vehicles[k] = (routes_vehicle){
			.start = c->start_min,
			.end = c->end_min,
			.skills = skills_of(c->competence),
			.sami = c->sami_speaker,
			.own_start = c->from_home,
			.own_end = c->from_home,
			.start_x = c->home_lon,
			.start_y = c->home_lat,
			.end_x = c->home_lon,
			.end_y = c->home_lat};
		if (!(p->vehicles[k].id = strdup(c->employee_no)))
			return care_nomem(err);
	}
	/* the evening shift may run past midnight */
	for (int k = 0; k < cd->n_caregivers; k++)
		if (p->vehicles[k].end > p->nodes[0].due)
			p->nodes[0].due = p->vehicles[k].end;
	for (int i = 0; i < cd->n_visits; i++) {
		const care_visit_due *v = &cd->visits[i];
		routes_visit *x = &p->nodes[i + 1];
		*x = (routes_visit){.x = v->lon,
				    .y = v->lat,
				    .ready = v->window_start,
				    .due = v->window_end,
				    .service = v->duration_min,
				    .skills = needs_of(v->competence),
				    .sami = !strcmp(v->language, "se"),
				    .sami_weight = CARE_SAMI_WEIGHT};
		/* the second of two caregivers helps (lifting): anyone
		 * may, and the Sámi and the continuity go with the first */
		if (v->part) {
			x->skills = 0;
			x->sami = 0;
			x->twin = i; /* the part 0 just before it */
			p->nodes[i].twin = i + 1;
		}
		x->n_more = v->n_more;
		for (int w = 0; w < v->n_more; w++) {
			x->more_ready[w] = v->more_start[w];
			x->more_due[w] = v->more_end[w];
		}
		if (v->break_of) {
			x->sami = 0;
			x->owner = v->break_of;
		}
		if (!(x->id = strdup(v->break_of ? "office" : v->code)))
			return care_nomem(err);
	}
	if (!(p->nodes[0].id = strdup("office")))
		return care_nomem(err);
	ov_status rc = routes_problem_matrix(p, err);
	return rc == OV_OK ? routes_problem_validate(p, err) : rc;
}

/* A recipient's contacts (recipient_contact) come before continuity:
 * each visit prefers the best-ranked contact at work on the shift. */
static ov_status contacts(db *d, care_day *cd, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(
		d,
		"SELECT c.recipient_id, c.employee_id FROM recipient_contact c "
		"JOIN care_recipient r ON r.id = c.recipient_id WHERE "
		"r.municipality_id = $1 ORDER BY c.recipient_id, c.rank DESC",
		&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, cd->municipality_id);
	int r;
	/* worst rank first, so the best one at work is the last written */
	while ((r = db_step(st, err)) == 1) {
		int64_t rid = db_col_int(st, 0), eid = db_col_int(st, 1);
		int veh = -1;
		for (int k = 0; k < cd->n_caregivers && veh < 0; k++)
			if (cd->caregivers[k].employee_id == eid)
				veh = k;
		for (int i = 0; veh >= 0 && i < cd->n_visits; i++) {
			const care_visit_due *v = &cd->visits[i];
			routes_visit *x = &cd->problem->nodes[i + 1];
			if (v->recipient_id != rid || v->part || v->break_of ||
			    (x->skills & ~cd->problem->vehicles[veh].skills))
				continue;
			x->preferred = veh;
			x->keep_weight = CARE_CONTACT_WEIGHT;
		}
	}
	db_finalize(st);
	return r < 0 ? OV_E_DB : OV_OK;
}

ov_status care_day_build(db *d, int64_t municipality_id, ov_day day,
			 care_shift shift, const care_change *chg,
			 care_day **out, ov_err *err)
{
	static const care_change none;
	if (!chg)
		chg = &none;
	*out = NULL;
	care_day *cd = calloc(1, sizeof *cd);
	if (!cd)
		return care_nomem(err);
	cd->municipality_id = municipality_id;
	cd->day = day;
	cd->shift = shift;
	double lat = 0, lon = 0;
	ov_status rc = home_unit(d, municipality_id, &cd->unit_id, err);
	if (rc == OV_OK)
		rc = office(d, municipality_id, &lat, &lon, err);
	if (rc == OV_OK)
		rc = caregivers(d, cd, chg, err);
	if (rc == OV_OK)
		rc = homes(d, cd, err);
	if (rc == OV_OK)
		rc = visits(d, cd, chg, err);
	if (rc == OV_OK) {
		breaks(cd, lat, lon);
		rc = problem(cd, lat, lon, err);
	}
	if (rc == OV_OK)
		rc = continuity(d, cd, err);
	if (rc == OV_OK)
		rc = contacts(d, cd, err);
	if (rc != OV_OK) {
		care_day_free(cd);
		return rc;
	}
	*out = cd;
	return OV_OK;
}
