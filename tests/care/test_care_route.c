/*
 * test_care_route.c - the day's home-care problem built from the demo
 * database (visits due, caregivers from the stored rota, skills, Sámi,
 * continuity), and the stored lists: every stop re-checked from the
 * stored rows alone (window, skill, shift, times in order), a plan that
 * breaks a rule refused with nothing written, and the errors a user
 * meets (no rota, nothing planned).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "care/care_route.h"
#include "db/db.h"
#include "support/support.h"

#define MUNI "5612" /* Kautokeino */
#define UNIT "4010" /* its Hjemmesykepleien */
#define MONDAY "2027-01-04"

typedef struct {
	copy_db c;
	db *d;
	int64_t mid;
	ov_day tuesday;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	f->c = demo_copy();
	run_result r = run_cli("--db", f->c.path, "rota", "plan", "--unit",
			       UNIT, "--from", MONDAY, "--weeks", "1",
			       "--seconds", "1", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	ov_err e;
	assert_int_equal(db_open(f->c.path, DB_WRITE, &f->d, &e), OV_OK);
	f->mid = sql_int(f->d, "SELECT id FROM municipality WHERE code = "
			       "'" MUNI "'");
	assert_int_equal(ov_date_parse("2027-01-05", &f->tuesday), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	db_close(f->d);
	copy_free(&f->c);
	free(f);
	return 0;
}

static care_day *build(fixture *f, ov_day day, care_shift shift)
{
	care_day *cd = NULL;
	ov_err e;
	if (care_day_build(f->d, f->mid, day, shift, 0, &cd, &e) != OV_OK)
		fail_msg("%s: %s", e.field, e.msg);
	return cd;
}

/* The problem holds exactly the visits due that weekday in the shift,
 * and the caregivers on a shift of its kind, with what they need and
 * have. */
static void test_build(void **state)
{
	fixture *f = *state;
	care_day *cd = build(f, f->tuesday, CARE_SHIFT_DAY);
	/* Tuesday is position 1 of the weekday pattern; the evening shift
	 * starts at 15:00; a visit for two caregivers is there twice */
	int64_t due = sql_int(
		f->d, "SELECT count(*) + sum(v.two_caregivers) FROM "
		      "visit_request v JOIN "
		      "care_recipient r ON r.id = v.recipient_id JOIN "
		      "municipality m ON m.id = r.municipality_id WHERE "
		      "m.code = '" MUNI "' AND substr(v.weekdays, 2, 1) = '1' "
		      "AND v.window_start < 900");
	int breaks = 0;
	for (int i = 0; i < cd->n_visits; i++)
		if (cd->visits[i].break_of) {
			breaks++;
			assert_int_equal(
				cd->problem->nodes[i + 1].owner,
				cd->visits[i].break_of);
		}
	assert_int_equal(breaks, cd->n_caregivers); /* 8-hour shifts */
	assert_int_equal(cd->n_visits, due + breaks);
	assert_true(cd->n_caregivers >= 3);
	const routes_problem *p = cd->problem;
	assert_int_equal(p->n_visits, cd->n_visits);
	assert_int_equal(p->n_vehicles, cd->n_caregivers);
	for (int k = 0; k < cd->n_caregivers; k++) {
		const care_caregiver *c = &cd->caregivers[k];
		assert_int_equal(c->start_min, 450); /* D 07:30 */
		assert_int_equal(p->vehicles[k].sami, c->sami_speaker);
		assert_int_equal(!!(p->vehicles[k].skills & ROUTES_SKILL_NURSE),
				 !strcmp(c->competence, "nurse"));
	}
	int sami = 0;
	for (int i = 0; i < cd->n_visits; i++) {
		const care_visit_due *v = &cd->visits[i];
		const routes_visit *x = &p->nodes[i + 1];
		assert_true(v->window_start < 900);
		assert_true(x->ready == v->window_start &&
			    x->due == v->window_end &&
			    x->service == v->duration_min);
		assert_int_equal(x->skills == ROUTES_SKILL_NURSE,
				 !v->part && !strcmp(v->competence, "nurse"));
		assert_int_equal(x->sami,
				 !v->part && !strcmp(v->language, "se"));
		/* the two parts of a visit for two are twins */
		if (v->part)
			assert_int_equal(p->nodes[i].twin, i + 1);
		else if (v->two_caregivers)
			assert_int_equal(x->twin, i + 2);
		sami += x->sami;
		/* nothing planned before: no continuity yet */
		assert_true(x->keep_weight == 0);
	}
	assert_true(sami > 0);
	/* travel: the office to a settlement 60 km away takes about an
	 * hour at 60 km/h times the road factor; symmetric */
	for (int i = 1; i <= p->n_visits; i++)
		assert_true(p->travel[i] ==
			    p->travel[(size_t)i * (size_t)(p->n_visits + 1)]);
	care_day_free(cd);
}

/* A day no stored rota covers, and a day nothing is planned for. */
static void test_errors(void **state)
{
	fixture *f = *state;
	care_day *cd = NULL;
	care_route *r = NULL;
	ov_err e;
	assert_int_equal(care_day_build(f->d, f->mid, f->tuesday + 30,
					CARE_SHIFT_DAY, 0, &cd, &e),
			 OV_E_NOTFOUND);
	assert_string_equal(e.field, "rota");
	assert_true(contains(e.msg, "rota plan"));
	assert_null(cd);
	assert_int_equal(care_route_current(f->d, f->mid, f->tuesday + 30,
					    CARE_SHIFT_DAY, &r, &e),
			 OV_E_NOTFOUND);
	assert_string_equal(e.field, "date");
	assert_null(r);
}

/* Fails unless every stored stop keeps its window, skill, shift and
 * the order of time, read back from the rows alone. */
static void check_stored(const care_route *r, int n_due)
{
	int seen = 0;
	for (int i = 0; i < r->n_stops; i++) {
		const care_stop *s = &r->stops[i];
		const care_visit_due *v = &s->visit;
		seen += s->row >= 0 ? 1 : 1 + v->two_caregivers;
		if (s->row < 0) {
			assert_true(!strcmp(s->why, "skill") ||
				    !strcmp(s->why, "window") ||
				    !strcmp(s->why, "time"));
			continue;
		}
		const care_caregiver *c = &r->caregivers[s->row];
		int in = s->start >= v->window_start - 1e-6 &&
			 s->start <= v->window_end + 1e-6;
		for (int w = 0; w < v->n_more; w++)
			in |= s->start >= v->more_start[w] - 1e-6 &&
			      s->start <= v->more_end[w] + 1e-6;
		assert_true(in);
		assert_true(s->start >= s->arrive - 1e-6);
		assert_true(s->arrive >= c->start_min + s->drive - 1e-6);
		assert_true(s->start + v->duration_min <= c->end_min + 1e-6);
		/* the task needs the skill; the second of two helps */
		if (!v->part && !strcmp(v->competence, "nurse"))
			assert_string_equal(c->competence, "nurse");
		if (!v->part && !strcmp(v->competence, "health_worker"))
			assert_true(!strcmp(c->competence, "nurse") ||
				    !strcmp(c->competence, "health_worker"));
		if (i > 0 && r->stops[i - 1].row == s->row) {
			const care_stop *b = &r->stops[i - 1];
			assert_true(s->arrive + 1e-6 >=
				    b->start + b->visit.duration_min + s->drive);
		}
		/* two caregivers: the other part starts with it, elsewhere */
		for (int j = 0; v->two_caregivers && j < r->n_stops; j++) {
			const care_stop *o = &r->stops[j];
			if (j == i ||
			    o->visit.visit_request_id != v->visit_request_id)
				continue;
			assert_int_not_equal(o->visit.part, v->part);
			assert_int_not_equal(o->row, s->row);
			assert_true(fabs(o->start - s->start) < 1e-6);
		}
		int last = i + 1 == r->n_stops || r->stops[i + 1].row != s->row;
		if (last)
			assert_true(s->start + v->duration_min +
					    r->caregivers[s->row].back_drive <=
				    c->end_min + 1e-6);
	}
	/* breaks (aml. § 10-9): 30 minutes on an 8-hour shift, in the
	 * middle third, between two visits and not over either */
	int breaks = 0;
	for (int k = 0; k < r->n_caregivers; k++) {
		const care_caregiver *c = &r->caregivers[k];
		int len = c->end_min - c->start_min;
		assert_int_equal(c->break_min, len >= 480 ? 30 : 20);
		if (c->break_start < 0)
			continue;
		breaks++;
		assert_true(c->break_start >= c->start_min + len / 3 - 1e-6);
		assert_true(c->break_start <= c->start_min + 2 * len / 3 + 1e-6);
		int seq = 0;
		for (int i = 0; i < r->n_stops; i++) {
			const care_stop *s = &r->stops[i];
			if (s->row != k)
				continue;
			if (seq < c->break_after)
				assert_true(s->start + s->visit.duration_min +
						    c->break_drive <=
					    c->break_start + 1e-6);
			else
				assert_true(s->arrive + 1e-6 >=
					    c->break_start + c->break_min +
						    s->drive);
			seq++;
		}
	}
	assert_true(breaks > 0);
	assert_int_equal(seen, n_due);
}

static care_route *plan_and_store(fixture *f, ov_day day, int64_t *id)
{
	care_day *cd = build(f, day, CARE_SHIFT_DAY);
	routes_solve_opts so = {.seconds = 30, .seed = 7,
				.max_iterations = 20000};
	routes_plan *plan;
	routes_solve_info info;
	ov_err e;
	assert_int_equal(routes_solve(cd->problem, &so, &plan, &info, &e),
			 OV_OK);
	assert_int_equal(
	    care_route_store(f->d, NULL, cd, plan, &info, 7, 0, "", id, &e),
	    OV_OK);
	care_route *r;
	assert_int_equal(care_route_current(f->d, f->mid, day, CARE_SHIFT_DAY,
					    &r, &e),
			 OV_OK);
	assert_int_equal(r->id, *id);
	int breaks = 0;
	for (int i = 0; i < cd->n_visits; i++)
		breaks += cd->visits[i].break_of != 0;
	check_stored(r, cd->n_visits - breaks);
	routes_plan_free(plan);
	care_day_free(cd);
	return r;
}

/* Stored and read back; the next day prefers yesterday's caregivers. */
static void test_store_and_continuity(void **state)
{
	fixture *f = *state;
	int64_t id1, id2;
	care_route *r = plan_and_store(f, f->tuesday, &id1);
	assert_true(r->n_caregivers >= 3);
	assert_int_equal(r->shift, CARE_SHIFT_DAY);
	care_route_free(r);

	care_day *cd = build(f, f->tuesday + 1, CARE_SHIFT_DAY);
	int kept = 0;
	for (int i = 1; i <= cd->n_visits; i++) {
		const routes_visit *x = &cd->problem->nodes[i];
		if (x->keep_weight <= 0)
			continue;
		kept++;
		/* the preferred caregiver served it on Tuesday */
		char sql[256];
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM route_stop WHERE plan_id = %lld "
			 "AND visit_request_id = %lld AND employee_id = %lld",
			 (long long)id1,
			 (long long)cd->visits[i - 1].visit_request_id,
			 (long long)cd->caregivers[x->preferred].employee_id);
		assert_int_equal(sql_int(f->d, sql), 1);
	}
	assert_true(kept > 0);
	care_day_free(cd);
	r = plan_and_store(f, f->tuesday + 1, &id2);
	assert_true(id2 > id1);
	care_route_free(r);
}

/* A visit that may start in a second window: read with its windows,
 * served in one of them. */
static void test_more_windows(void **state)
{
	fixture *f = *state;
	ov_err e;
	/* a Thursday meal: only 07:30 sharp, or else 13:00-14:00 */
	int64_t id = sql_int(
		f->d, "SELECT min(v.id) FROM visit_request v JOIN "
		      "care_recipient r ON r.id = v.recipient_id JOIN "
		      "municipality m ON m.id = r.municipality_id WHERE "
		      "m.code = '" MUNI "' AND v.task = 'meals' AND "
		      "substr(v.weekdays, 4, 1) = '1'");
	char sql[256];
	snprintf(sql, sizeof sql,
		 "UPDATE visit_request SET window_start = 450, window_end = "
		 "450 WHERE id = %lld; INSERT INTO visit_request_window "
		 "VALUES (%lld, 780, 840)",
		 (long long)id, (long long)id);
	assert_int_equal(db_exec(f->d, sql, &e), OV_OK);
	care_day *cd = build(f, f->tuesday + 2, CARE_SHIFT_DAY);
	int node = 0;
	for (int i = 0; i < cd->n_visits; i++)
		if (cd->visits[i].visit_request_id == id)
			node = i + 1;
	assert_true(node > 0);
	assert_int_equal(cd->problem->nodes[node].n_more, 1);
	assert_true(cd->problem->nodes[node].more_ready[0] == 780);
	care_day_free(cd);
	int64_t pid;
	care_route *r = plan_and_store(f, f->tuesday + 2, &pid);
	int served = 0;
	for (int i = 0; i < r->n_stops; i++)
		if (r->stops[i].visit.visit_request_id == id &&
		    r->stops[i].row >= 0) {
			served = 1;
			assert_int_equal(r->stops[i].visit.n_more, 1);
		}
	assert_true(served);
	care_route_free(r);
}

/* A list that gives a nurse's visit to someone else is refused and
 * nothing is written. */
static void test_refuses_broken_plan(void **state)
{
	fixture *f = *state;
	care_day *cd = build(f, f->tuesday, CARE_SHIFT_DAY);
	int nurse_visit = 0, other = -1;
	for (int i = 1; i <= cd->n_visits && !nurse_visit; i++)
		if (cd->problem->nodes[i].skills == ROUTES_SKILL_NURSE)
			nurse_visit = i;
	for (int k = 0; k < cd->n_caregivers && other < 0; k++)
		if (strcmp(cd->caregivers[k].competence, "nurse"))
			other = k;
	assert_true(nurse_visit > 0 && other >= 0);
	routes_plan *p = calloc(1, sizeof *p);
	p->n_routes = 1;
	p->route_start = malloc(2 * sizeof(int));
	p->seq = malloc(sizeof(int));
	p->vehicle = malloc(sizeof(int));
	p->route_start[0] = 0;
	p->route_start[1] = 1;
	p->seq[0] = nurse_visit;
	p->vehicle[0] = other;
	int64_t before = sql_int(f->d, "SELECT count(*) FROM route_plan");
	ov_err e;
	assert_int_equal(
	    care_route_store(f->d, NULL, cd, p, NULL, 1, 0, "", NULL, &e),
	    OV_E_INPUT);
	assert_true(contains(e.msg, "skill"));
	assert_int_equal(sql_int(f->d, "SELECT count(*) FROM route_plan"),
			 before);
	routes_plan_free(p);
	care_day_free(cd);
}

/* A caregiver who lives in Váljohka starts and ends the day there: the
 * first drive is from home, not from the office. */
static void test_from_home(void **state)
{
	fixture *f = *state;
	ov_day friday = f->tuesday + 3;
	care_day *cd = build(f, friday, CARE_SHIFT_DAY);
	int64_t eid = cd->caregivers[0].employee_id;
	care_day_free(cd);
	char sql[160];
	snprintf(sql, sizeof sql,
		 "INSERT INTO caregiver_home VALUES (%lld, 69.6950, 25.9643)",
		 (long long)eid);
	ov_err e;
	assert_int_equal(db_exec(f->d, sql, &e), OV_OK);
	cd = build(f, friday, CARE_SHIFT_DAY);
	assert_int_equal(cd->caregivers[0].from_home, 1);
	const routes_problem *p = cd->problem;
	assert_true(p->vehicles[0].own_start && p->vehicles[0].own_end);
	/* from Váljohka the office in Guovdageaidnu is hours away */
	assert_true(routes_leg(p, 0, 0, 1) > routes_leg(p, 1, 0, 1) + 60);
	care_day_free(cd);
	int64_t pid;
	care_route *r = plan_and_store(f, friday, &pid);
	assert_int_equal(r->caregivers[0].from_home, 1);
	for (int k = 1; k < r->n_caregivers; k++)
		assert_int_equal(r->caregivers[k].from_home, 0);
	care_route_free(r);
}

/* The recipient's primærkontakt is preferred when at work; a contact of
 * worse rank only when the better one is not. */
static void test_contacts(void **state)
{
	fixture *f = *state;
	ov_day monday = f->tuesday - 1;
	care_day *cd = build(f, monday, CARE_SHIFT_DAY);
	int i = 0;
	while (i < cd->n_visits && (cd->visits[i].break_of ||
				    strcmp(cd->visits[i].competence, "any")))
		i++;
	assert_true(i < cd->n_visits && cd->n_caregivers >= 2);
	int64_t rid = cd->visits[i].recipient_id;
	int64_t e0 = cd->caregivers[0].employee_id;
	int64_t e1 = cd->caregivers[1].employee_id;
	care_day_free(cd);
	char sql[200];
	snprintf(sql, sizeof sql,
		 "INSERT INTO recipient_contact VALUES (%lld, %lld, 2), "
		 "(%lld, %lld, 1)",
		 (long long)rid, (long long)e0, (long long)rid,
		 (long long)e1);
	ov_err e;
	assert_int_equal(db_exec(f->d, sql, &e), OV_OK);
	cd = build(f, monday, CARE_SHIFT_DAY);
	assert_int_equal(cd->problem->nodes[i + 1].preferred, 1);
	assert_true(cd->problem->nodes[i + 1].keep_weight ==
		    CARE_CONTACT_WEIGHT);
	care_day_free(cd);
	/* the primærkontakt off sick: the second contact */
	care_change chg = {.sick_employee_id = e1};
	assert_int_equal(care_day_build(f->d, f->mid, monday, CARE_SHIFT_DAY,
					&chg, &cd, &e),
			 OV_OK);
	int k0 = -1;
	for (int k = 0; k < cd->n_caregivers; k++)
		if (cd->caregivers[k].employee_id == e0)
			k0 = k;
	assert_int_equal(cd->problem->nodes[i + 1].preferred, k0);
	care_day_free(cd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_store_and_continuity),
		cmocka_unit_test(test_refuses_broken_plan),
		cmocka_unit_test(test_more_windows),
		cmocka_unit_test(test_from_home),
		cmocka_unit_test(test_contacts),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
