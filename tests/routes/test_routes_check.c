/*
 * test_routes_check.c - the referee: it agrees with the published
 * best-known solutions of C101 and R101 (distance and vehicles, no
 * breach), and a hand-made plan for a four-visit problem that breaks
 * each rule once is caught once, with the route and the customer named.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"

/* Reads a `Route #i: a b c` solution file into a plan (owned). */
static routes_plan *read_sol(const char *name)
{
	char *path = repo_file("tests/routes/data", name);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	routes_plan *r = calloc(1, sizeof *r);
	r->route_start = calloc(128, sizeof(int));
	r->seq = calloc(4096, sizeof(int));
	char line[4096];
	int n = 0;
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, "Route", 5) != 0)
			continue;
		r->route_start[r->n_routes++] = n;
		char *c = strchr(line, ':') + 1, *end;
		for (long v; (v = strtol(c, &end, 10)), end != c; c = end)
			r->seq[n++] = (int)v;
	}
	r->route_start[r->n_routes] = n;
	fclose(f);
	free(path);
	return r;
}

static void check_published(const char *vrp, const char *sol, int vehicles,
			    double distance)
{
	char *path = repo_file("tests/routes/data", vrp);
	routes_problem *p;
	ov_err e;
	assert_int_equal(routes_read(path, &p, &e), OV_OK);
	routes_plan *r = read_sol(sol);
	routes_report rep;
	assert_int_equal(routes_check(p, r, &rep, &e), OV_OK);
	assert_int_equal(rep.n_violations, 0);
	assert_int_equal(rep.unserved, 0);
	assert_int_equal(rep.vehicles, vehicles);
	if (fabs(rep.distance - distance) > 0.05)
		fail_msg("%s: distance %.3f, published %.1f", sol, rep.distance,
			 distance);
	routes_plan_free(r);
	routes_problem_free(p);
	free(path);
}

static void test_published_solutions(void **state)
{
	(void)state;
	check_published("C101.vrp", "C101.sol", 10, 827.3);
	check_published("R101.vrp", "R101.sol", 20, 1637.7);
}

/* A plan from a text such as "1 2|4" (routes split at '|'). */
static routes_plan *plan(const char *text)
{
	routes_plan *r = calloc(1, sizeof *r);
	r->route_start = calloc(16, sizeof(int));
	r->seq = calloc(64, sizeof(int));
	int n = 0;
	r->route_start[r->n_routes++] = 0;
	for (const char *c = text; *c;) {
		char *end;
		if (*c == '|') {
			r->route_start[r->n_routes++] = n;
			c++;
		} else if (*c == ' ') {
			c++;
		} else {
			r->seq[n++] = (int)strtol(c, &end, 10);
			c = end;
		}
	}
	r->route_start[r->n_routes] = n;
	return r;
}

/* Checks text on the line problem: the number of violations, and the
 * first one's kind, route and node when there is one. */
static void expect(const char *text, int count, routes_violation_kind kind,
		   int route, int node, int unserved)
{
	routes_problem *p = fixture_line(2, 10);
	routes_plan *r = plan(text);
	routes_report rep;
	ov_err e;
	assert_int_equal(routes_check(p, r, &rep, &e), OV_OK);
	if (rep.n_violations != count || rep.unserved != unserved)
		fail_msg("\"%s\": %d violations, %d unserved", text,
			 rep.n_violations, rep.unserved);
	if (count > 0) {
		const routes_violation *v = &rep.violations[0];
		if (v->kind != kind || v->route != route || v->node != node)
			fail_msg("\"%s\": %s route %d node %d", text,
				 routes_violation_name(v->kind), v->route,
				 v->node);
	}
	routes_plan_free(r);
	routes_problem_free(p);
}

static void test_lawful_plan(void **state)
{
	(void)state;
	routes_problem *p = fixture_line(2, 10);
	routes_plan *r = plan("1 2|3 4");
	routes_report rep;
	ov_err e;
	assert_int_equal(routes_check(p, r, &rep, &e), OV_OK);
	/* 1 2: 10 + 10 + 20 back = 40. 3 4: 30 + 50 + 40 = 120; 4 starts
	 * at 30 + 5 + 50 = 85, inside its 100. */
	assert_int_equal(rep.n_violations, 0);
	assert_int_equal(rep.unserved, 0);
	assert_int_equal(rep.vehicles, 2);
	assert_true(fabs(rep.distance - 160.0) < 1e-9);
	assert_true(fabs(routes_route_distance(p, r, 1) - 120.0) < 1e-9);
	routes_plan_free(r);
	routes_problem_free(p);
}

static void test_each_rule_once(void **state)
{
	(void)state;
	/* 2 first (start 20, done 25), then 1 at 35: past its 20. */
	expect("2 1|3 4", 1, ROUTES_V_LATE, 0, 1, 0);
	/* Three visits of demand 4 on a vehicle of 10. */
	expect("1 2 3|4", 1, ROUTES_V_OVERLOAD, 0, 0, 0);
	expect("1 2 9|3 4", 1, ROUTES_V_UNKNOWN, 0, 9, 0);
	expect("1|2|3|4", 1, ROUTES_V_FLEET, -1, 0, 0);
	/* 1 again on route 2, in time there (10), so only the repeat;
	 * 3 is left out. */
	expect("1 2|1 4", 1, ROUTES_V_TWICE, 1, 1, 1);
	/* Unserved visits are counted, not breaches. */
	expect("1 2|3", 0, ROUTES_V_LATE, 0, 0, 1);
	expect("", 0, ROUTES_V_LATE, 0, 0, 4);
	/* Empty routes use no vehicle. */
	expect("1 2||3 4", 0, ROUTES_V_LATE, 0, 0, 0);
}

/* Back at the depot after its horizon closes. */
static void test_late_return(void **state)
{
	(void)state;
	routes_problem *p = fixture_line(2, 10);
	p->nodes[0].due = 120;
	routes_plan *r = plan("1 2|3 4");
	routes_report rep;
	ov_err e;
	assert_int_equal(routes_check(p, r, &rep, &e), OV_OK);
	/* Route 2 is back at 85 + 5 + 40 = 130; route 1 at 50. */
	assert_int_equal(rep.n_violations, 1);
	assert_int_equal(rep.violations[0].kind, ROUTES_V_RETURN);
	assert_int_equal(rep.violations[0].route, 1);
	assert_true(rep.violations[0].value == 130.0);
	assert_true(rep.violations[0].limit == 120.0);
	routes_plan_free(r);
	routes_problem_free(p);
}

/* The plan text with route i driven by vehicle veh[i]. */
static routes_plan *plan_on(const char *text, const int *veh)
{
	routes_plan *r = plan(text);
	r->vehicle = malloc((size_t)r->n_routes * sizeof(int));
	memcpy(r->vehicle, veh, (size_t)r->n_routes * sizeof(int));
	return r;
}

static routes_report check_on(routes_problem *p, const char *text,
			      const int *veh)
{
	routes_plan *r = plan_on(text, veh);
	routes_report rep;
	ov_err e;
	assert_int_equal(routes_check(p, r, &rep, &e), OV_OK);
	routes_plan_free(r);
	return rep;
}

/* Caregivers: the visit's skill, the caregiver's shift, one caregiver
 * on two routes, and the soft costs of Sámi and continuity. */
static void test_caregivers(void **state)
{
	(void)state;
	routes_problem *p = fixture_line(2, 10);
	fixture_caregivers(p, 2);
	p->vehicles[0].skills = ROUTES_SKILL_NURSE;
	p->nodes[1].skills = ROUTES_SKILL_NURSE;
	routes_report rep = check_on(p, "1 2|3 4", (const int[]){0, 1});
	assert_int_equal(rep.n_violations, 0);
	rep = check_on(p, "1 2|3 4", (const int[]){1, 0});
	assert_int_equal(rep.n_violations, 1);
	assert_int_equal(rep.violations[0].kind, ROUTES_V_SKILL);
	assert_int_equal(rep.violations[0].route, 0);
	assert_int_equal(rep.violations[0].node, 1);
	rep = check_on(p, "1 2|3 4", (const int[]){0, 0});
	assert_int_equal(rep.n_violations, 1);
	assert_int_equal(rep.violations[0].kind, ROUTES_V_FLEET);
	rep = check_on(p, "1 2|3 4", (const int[]){0, 2});
	assert_int_equal(rep.violations[0].kind, ROUTES_V_FLEET);
	/* c2's shift ends at 100; 3 4 is back at 130. c2 starting at 40
	 * reaches 3 at 70, past its 60, and so 4 at 125, past its 100. */
	p->vehicles[1].end = 100;
	rep = check_on(p, "1 2|3 4", (const int[]){0, 1});
	assert_int_equal(rep.n_violations, 1);
	assert_int_equal(rep.violations[0].kind, ROUTES_V_RETURN);
	assert_true(rep.violations[0].limit == 100.0);
	p->vehicles[1].end = 200;
	p->vehicles[1].start = 40;
	rep = check_on(p, "1 2|3 4", (const int[]){0, 1});
	assert_int_equal(rep.n_violations, 2);
	assert_int_equal(rep.violations[0].kind, ROUTES_V_LATE);
	assert_int_equal(rep.violations[0].node, 3);
	assert_int_equal(rep.violations[1].kind, ROUTES_V_LATE);
	assert_int_equal(rep.violations[1].node, 4);
	p->vehicles[1].start = 0;
	/* 3 wants Sámi (c2 speaks none), 4 keeps c1 but gets c2. */
	p->nodes[3].sami = 1;
	p->nodes[3].sami_weight = 30;
	p->nodes[4].preferred = 0;
	p->nodes[4].keep_weight = 20;
	rep = check_on(p, "1 2|3 4", (const int[]){0, 1});
	assert_int_equal(rep.n_violations, 0);
	assert_int_equal(rep.sami_missed, 1);
	assert_int_equal(rep.keep_missed, 1);
	assert_true(rep.soft_cost == 50.0);
	p->vehicles[1].sami = 1;
	rep = check_on(p, "1 2|3 4", (const int[]){0, 1});
	assert_int_equal(rep.sami_missed, 0);
	assert_true(rep.soft_cost == 20.0);
	routes_problem_free(p);
}

/* Why a visit may be unserved, from the problem alone. */
static void test_unserved_reason(void **state)
{
	(void)state;
	routes_problem *p = fixture_line(2, 10);
	fixture_caregivers(p, 2);
	p->nodes[1].skills = ROUTES_SKILL_NURSE;
	assert_int_equal(routes_unserved_reason(p, 1), ROUTES_WHY_SKILL);
	/* the only nurse starts at 100; visit 1 closes at 20 */
	p->vehicles[0].skills = ROUTES_SKILL_NURSE;
	p->vehicles[0].start = 100;
	assert_int_equal(routes_unserved_reason(p, 1), ROUTES_WHY_WINDOW);
	/* reachable: then only the lists' room can be why */
	p->vehicles[0].start = 0;
	assert_int_equal(routes_unserved_reason(p, 1), ROUTES_WHY_TIME);
	/* back by the shift's end counts too: 4 is 40 away, 5 long */
	p->vehicles[0].end = p->vehicles[1].end = 84;
	assert_int_equal(routes_unserved_reason(p, 4), ROUTES_WHY_WINDOW);
	p->vehicles[1].end = 85;
	assert_int_equal(routes_unserved_reason(p, 4), ROUTES_WHY_TIME);
	routes_problem_free(p);
}

/* Two caregivers together: both halves, two routes, one start. */
static void test_two_caregivers(void **state)
{
	(void)state;
	routes_problem *p = fixture_twins();
	/* c1 reaches 3 at 41.6; c2, at 4 from 30 and free from 40, waits
	 * for c1 and both start at 41.6: lawful */
	routes_report rep = check_on(p, "1 3|4 2", (const int[]){0, 1});
	assert_int_equal(rep.n_violations, 0);
	/* c2 starts at 90: at 4 at 120, past 80, so they cannot meet */
	p->vehicles[1].start = 90;
	rep = check_on(p, "1 3|4 2", (const int[]){0, 1});
	assert_int_equal(rep.n_violations, 2);
	assert_int_equal(rep.violations[0].kind, ROUTES_V_LATE);
	assert_int_equal(rep.violations[1].kind, ROUTES_V_SYNC);
	assert_int_equal(rep.violations[1].node, 3);
	p->vehicles[1].start = 0;
	/* both on one route */
	rep = check_on(p, "1 3 4|2", (const int[]){0, 1});
	assert_int_equal(rep.violations[rep.n_listed - 1].kind, ROUTES_V_SYNC);
	/* one half alone */
	rep = check_on(p, "1 3|2", (const int[]){0, 1});
	assert_int_equal(rep.n_violations, 1);
	assert_int_equal(rep.violations[0].kind, ROUTES_V_SYNC);
	assert_int_equal(rep.unserved, 1);
	/* both start at 40 when c1 goes to them first: lawful */
	rep = check_on(p, "3 1|4 2", (const int[]){0, 1});
	assert_int_equal(rep.n_violations, 1); /* but then 1 is late */
	assert_int_equal(rep.violations[0].kind, ROUTES_V_LATE);
	rep = check_on(p, "3 2|4 1", (const int[]){0, 1});
	assert_int_equal(rep.violations[0].kind, ROUTES_V_LATE);
	rep = check_on(p, "1|3 2|4", (const int[]){0, 1, 1});
	assert_int_equal(rep.violations[0].kind, ROUTES_V_FLEET);
	routes_problem_free(p);
	/* a half that names a node that does not name it back */
	p = fixture_twins();
	p->nodes[4].twin = 0;
	ov_err e;
	assert_int_equal(routes_problem_validate(p, &e), OV_E_INPUT);
	assert_string_equal(e.field, "3");
	routes_problem_free(p);
}

/* A node that belongs to one caregiver (a break) on another's route. */
static void test_owner(void **state)
{
	(void)state;
	routes_problem *p = fixture_line(2, 10);
	fixture_caregivers(p, 2);
	p->nodes[2].owner = 2; /* c2's */
	routes_report rep = check_on(p, "1 2|3 4", (const int[]){0, 1});
	assert_int_equal(rep.n_violations, 1);
	assert_int_equal(rep.violations[0].kind, ROUTES_V_OWNER);
	assert_int_equal(rep.violations[0].node, 2);
	rep = check_on(p, "1 2|3 4", (const int[]){1, 0});
	assert_int_equal(rep.n_violations, 0);
	p->nodes[2].owner = 3; /* no such caregiver */
	ov_err e;
	assert_int_equal(routes_problem_validate(p, &e), OV_E_INPUT);
	routes_problem_free(p);
}

/* A visit with two windows starts in the first one still open. */
static void test_windows(void **state)
{
	(void)state;
	routes_problem *p = fixture_line(2, 10);
	/* 3 at (30,0): [0,20] or [100,120] */
	p->nodes[3].due = 20;
	p->nodes[3].n_more = 1;
	p->nodes[3].more_ready[0] = 100;
	p->nodes[3].more_due[0] = 120;
	/* 3 first: at 30 its first window has closed, so it waits for
	 * 100, and 4 (due 100) is reached at 155: late */
	routes_report rep = check_on(p, "1 2|3 4", (const int[]){0, 1});
	assert_int_equal(rep.n_violations, 1);
	assert_int_equal(rep.violations[0].kind, ROUTES_V_LATE);
	assert_int_equal(rep.violations[0].node, 4);
	/* past both windows: late against the last */
	p->vehicles = NULL;
	p->nodes[0].ready = 130;
	rep = check_on(p, "3", (const int[]){0});
	assert_int_equal(rep.violations[0].node, 3);
	assert_true(rep.violations[0].limit == 120);
	p->nodes[0].ready = 0;
	/* 4 first: at 40, then 3 at 40+5+50 = 95, waits for 100 */
	rep = check_on(p, "1 2|4 3", (const int[]){0, 1});
	assert_int_equal(rep.n_violations, 0);
	double start[5];
	ov_err e;
	routes_plan *r = plan_on("1 2|4 3", (const int[]){0, 1});
	assert_int_equal(routes_plan_starts(p, r, start, &e), OV_OK);
	assert_true(fabs(start[3] - 100) < 1e-9);
	routes_plan_free(r);
	/* windows out of order are refused */
	p->nodes[3].more_ready[0] = 10;
	assert_int_equal(routes_problem_validate(p, &e), OV_E_INPUT);
	routes_problem_free(p);
}

/* A caregiver who starts and ends at home: the legs from and to node 0
 * are from and to home. */
static void test_own_start(void **state)
{
	(void)state;
	routes_problem *p = fixture_line(2, 10);
	fixture_caregivers(p, 2);
	/* c2 lives at (30,0), by visit 3 */
	p->vehicles[1].own_start = p->vehicles[1].own_end = 1;
	p->vehicles[1].start_x = p->vehicles[1].end_x = 30;
	ov_err e;
	assert_int_equal(routes_problem_matrix(p, &e), OV_OK);
	assert_true(routes_leg(p, 1, 0, 3) == 0);
	assert_true(routes_leg(p, 1, 4, 0) == 50);
	assert_true(routes_leg(p, 0, 0, 3) == 30); /* c1 from the depot */
	routes_report rep = check_on(p, "1 2|3 4", (const int[]){0, 1});
	assert_int_equal(rep.n_violations, 0);
	/* 0-10-20-0 and home-3-4-home: 40 + 0 + 50 + 50 */
	assert_true(fabs(rep.distance - 140) < 1e-9);
	routes_problem_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_published_solutions),
		cmocka_unit_test(test_lawful_plan),
		cmocka_unit_test(test_each_rule_once),
		cmocka_unit_test(test_late_return),
		cmocka_unit_test(test_caregivers),
		cmocka_unit_test(test_unserved_reason),
		cmocka_unit_test(test_two_caregivers),
		cmocka_unit_test(test_owner),
		cmocka_unit_test(test_windows),
		cmocka_unit_test(test_own_start),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
