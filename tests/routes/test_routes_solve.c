/*
 * test_routes_solve.c - the routing search, judged by the referee on
 * every plan it returns: lawful, everyone served when that is possible,
 * its own figures equal to the referee's; the 25-customer R101 solved to
 * its known optimum (617.1 under DIMACS rounding); one seed gives one
 * plan in a run limited by iterations; a visit no vehicle can reach in
 * time is left unserved and the rest still served; the fleet limit
 * holds; `routes solve-file` prints the routes in customer numbers and
 * names a bad option or file.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"

/* Solves with an iteration limit, checks the plan with the referee and
 * returns it (owned) with the report in *rep. */
static routes_plan *solve_checked(const routes_problem *p, long iters,
				  uint64_t seed, routes_report *rep,
				  routes_solve_info *info)
{
	routes_solve_opts o = {.seconds = 600, .seed = seed,
			       .max_iterations = iters};
	routes_plan *r = NULL;
	ov_err e;
	if (routes_solve(p, &o, &r, info, &e) != OV_OK)
		fail_msg("solve: %s", e.msg);
	assert_int_equal(routes_check(p, r, rep, &e), OV_OK);
	if (rep->n_violations)
		fail_msg("the plan breaks %d rules, first %s on route %d",
			 rep->n_violations,
			 routes_violation_name(rep->violations[0].kind),
			 rep->violations[0].route);
	assert_int_equal(rep->vehicles, info->vehicles);
	assert_int_equal(rep->unserved, info->unserved);
	if (fabs(rep->distance - info->distance) > 1e-6)
		fail_msg("solver says %.6f, referee %.6f", info->distance,
			 rep->distance);
	return r;
}

static void test_r101_25_optimum(void **state)
{
	(void)state;
	routes_problem *p = fixture_read("R101_25.txt");
	p->rounding = ROUTES_ROUND_DIMACS;
	p->objective = ROUTES_MIN_DISTANCE;
	ov_err e;
	assert_int_equal(routes_problem_matrix(p, &e), OV_OK);
	routes_report rep;
	routes_solve_info info;
	routes_plan *r = solve_checked(p, 20000, 1, &rep, &info);
	assert_int_equal(rep.unserved, 0);
	/* The proven optimum of R101 with 25 customers (Kohl et al.). */
	if (rep.distance > 617.1 + 1e-6)
		fail_msg("distance %.1f, optimum 617.1", rep.distance);
	assert_int_equal(info.iterations, 20000);
	routes_plan_free(r);
	routes_problem_free(p);
}

static void test_c101_lawful_and_everyone_served(void **state)
{
	(void)state;
	routes_problem *p = fixture_read("C101.vrp");
	routes_report rep;
	routes_solve_info info;
	routes_plan *r = solve_checked(p, 3000, 7, &rep, &info);
	assert_int_equal(rep.unserved, 0);
	/* Every customer exactly once (the referee counts repeats as
	 * breaches; here the count). */
	int total = r->route_start[r->n_routes];
	assert_int_equal(total, 100);
	routes_plan_free(r);
	routes_problem_free(p);
}

static void test_same_seed_same_plan(void **state)
{
	(void)state;
	routes_problem *p = fixture_read("R101_25.txt");
	routes_report a, b;
	routes_solve_info ia, ib;
	routes_plan *x = solve_checked(p, 4000, 3, &a, &ia);
	routes_plan *y = solve_checked(p, 4000, 3, &b, &ib);
	assert_int_equal(x->n_routes, y->n_routes);
	int n = x->route_start[x->n_routes];
	assert_int_equal(n, y->route_start[y->n_routes]);
	assert_memory_equal(x->route_start, y->route_start,
			    ((size_t)x->n_routes + 1) * sizeof(int));
	assert_memory_equal(x->seq, y->seq, (size_t)n * sizeof(int));
	routes_plan_free(x);
	routes_plan_free(y);
	routes_problem_free(p);
}

static void test_unreachable_visit_left_out(void **state)
{
	(void)state;
	routes_problem *p = fixture_line(2, 10);
	/* 4 is 40 away but its window closes at 30. */
	p->nodes[4].due = 30;
	routes_report rep;
	routes_solve_info info;
	routes_plan *r = solve_checked(p, 500, 1, &rep, &info);
	assert_int_equal(rep.unserved, 1);
	for (int k = 0; k < r->route_start[r->n_routes]; k++)
		assert_int_not_equal(r->seq[k], 4);
	routes_plan_free(r);
	routes_problem_free(p);
}

static void test_fleet_limit(void **state)
{
	(void)state;
	/* One vehicle that can carry everyone: all four on one route,
	 * 1 2 3 4 in that order (4's window is the only one late enough to
	 * come last). */
	routes_problem *p = fixture_line(1, 16);
	routes_report rep;
	routes_solve_info info;
	routes_plan *r = solve_checked(p, 500, 1, &rep, &info);
	assert_int_equal(rep.vehicles, 1);
	assert_int_equal(rep.unserved, 0);
	assert_int_equal(r->n_routes, 1);
	const int want[4] = {1, 2, 3, 4};
	assert_memory_equal(r->seq, want, sizeof want);
	routes_plan_free(r);
	/* A capacity for two: with one vehicle two visits stay out. */
	p->capacity = 8;
	r = solve_checked(p, 500, 1, &rep, &info);
	assert_int_equal(rep.vehicles, 1);
	assert_int_equal(rep.unserved, 2);
	routes_plan_free(r);
	routes_problem_free(p);
}

/* The caregivers' skills and shifts hold in every plan; Sámi and
 * continuity are honoured when they cost no more than their weight. */
static void test_caregivers(void **state)
{
	(void)state;
	routes_problem *p = fixture_line(2, 16);
	fixture_caregivers(p, 2);
	/* Only c2 is a nurse; 1 and 3 need one. */
	p->vehicles[1].skills = ROUTES_SKILL_NURSE;
	p->nodes[1].skills = ROUTES_SKILL_NURSE;
	p->nodes[3].skills = ROUTES_SKILL_NURSE;
	routes_report rep;
	routes_solve_info info;
	routes_plan *r = solve_checked(p, 2000, 1, &rep, &info);
	assert_int_equal(rep.unserved, 0);
	for (int i = 0; i < r->n_routes; i++)
		for (int k = r->route_start[i]; k < r->route_start[i + 1]; k++)
			if (r->seq[k] == 1 || r->seq[k] == 3)
				assert_int_equal(r->vehicle[i], 1);
	routes_plan_free(r);
	/* c2 starts at 100: too late for 1 (due 20), and only c2 may
	 * serve it, so it stays out; the rest are served. */
	p->vehicles[1].start = 100;
	r = solve_checked(p, 2000, 1, &rep, &info);
	assert_int_equal(rep.unserved, 2);
	routes_plan_free(r);
	p->vehicles[1].start = 0;
	p->nodes[1].skills = p->nodes[3].skills = 0;
	/* Everyone fits on one route (the cheapest); 4 wants Sámi, which
	 * only c1 speaks, and 2 keeps c2: worth splitting the route when
	 * the weights pay for the extra travel. */
	p->vehicles[0].sami = 1;
	p->nodes[4].sami = 1;
	p->nodes[4].sami_weight = 1000;
	p->nodes[2].preferred = 1;
	p->nodes[2].keep_weight = 1000;
	r = solve_checked(p, 2000, 1, &rep, &info);
	assert_int_equal(rep.sami_missed, 0);
	assert_int_equal(rep.keep_missed, 0);
	assert_true(info.soft_cost == 0);
	routes_plan_free(r);
	routes_problem_free(p);
}

/* Two caregivers together: the plan puts the halves on two routes at
 * one start (the referee checks it), or leaves both out. */
static void test_two_caregivers(void **state)
{
	(void)state;
	routes_problem *p = fixture_twins();
	routes_report rep;
	routes_solve_info info;
	for (uint64_t seed = 1; seed <= 5; seed++) {
		routes_plan *r = solve_checked(p, 3000, seed, &rep, &info);
		assert_int_equal(rep.unserved, 0);
		assert_int_equal(rep.vehicles, 2);
		routes_plan_free(r);
	}
	/* with one caregiver the visit cannot be made: both halves out */
	p->n_vehicles = 1;
	routes_plan *r = solve_checked(p, 2000, 1, &rep, &info);
	assert_int_equal(rep.unserved, 2);
	routes_plan_free(r);
	p->n_vehicles = 2;
	routes_problem_free(p);
}

/* Only one visit, for two: taking a route out takes both halves, and
 * the search must not then look for a served visit that is not there
 * (it once hung). */
static void test_only_twins(void **state)
{
	(void)state;
	routes_problem *p = routes_problem_new(2);
	p->capacity = 10;
	p->rounding = ROUTES_ROUND_NONE;
	p->nodes[0] = (routes_visit){.due = 300, .id = strdup("0")};
	for (int i = 1; i <= 2; i++)
		p->nodes[i] = (routes_visit){.x = 10, .due = 100, .service = 20,
					     .twin = 3 - i,
					     .id = strdup(i == 1 ? "1" : "2")};
	fixture_caregivers(p, 2);
	ov_err e;
	assert_int_equal(routes_problem_matrix(p, &e), OV_OK);
	routes_report rep;
	routes_solve_info info;
	routes_plan *r = solve_checked(p, 20000, 1, &rep, &info);
	assert_int_equal(rep.unserved, 0);
	assert_int_equal(info.iterations, 20000);
	routes_plan_free(r);
	routes_problem_free(p);
}

/* Each caregiver's own node (a break) lands on that caregiver's route. */
static void test_owned_nodes(void **state)
{
	(void)state;
	routes_problem *p = fixture_line(2, 16);
	fixture_caregivers(p, 2);
	p->nodes[3].owner = 1; /* c1's */
	p->nodes[4].owner = 2; /* c2's */
	routes_report rep;
	routes_solve_info info;
	routes_plan *r = solve_checked(p, 2000, 3, &rep, &info);
	assert_int_equal(rep.unserved, 0);
	for (int i = 0; i < r->n_routes; i++)
		for (int k = r->route_start[i]; k < r->route_start[i + 1]; k++)
			if (r->seq[k] >= 3)
				assert_int_equal(r->vehicle[i], r->seq[k] - 3);
	routes_plan_free(r);
	routes_problem_free(p);
}

/* A visit whose first window cannot be reached is served in its
 * second; one that fits neither stays out. */
static void test_second_window(void **state)
{
	(void)state;
	routes_problem *p = fixture_line(1, 16);
	p->nodes[1].ready = 0;
	p->nodes[1].due = 1; /* 10 away: too early to reach */
	p->nodes[1].n_more = 1;
	p->nodes[1].more_ready[0] = 150;
	p->nodes[1].more_due[0] = 160;
	routes_report rep;
	routes_solve_info info;
	routes_plan *r = solve_checked(p, 2000, 1, &rep, &info);
	assert_int_equal(rep.unserved, 0);
	double start[5];
	ov_err e;
	assert_int_equal(routes_plan_starts(p, r, start, &e), OV_OK);
	assert_true(start[1] >= 150 && start[1] <= 160);
	routes_plan_free(r);
	p->nodes[1].more_ready[0] = 195; /* back after 200: no */
	p->nodes[1].more_due[0] = 196;
	r = solve_checked(p, 2000, 1, &rep, &info);
	assert_int_equal(rep.unserved, 1);
	routes_plan_free(r);
	routes_problem_free(p);
}

/* The search counts the drive from and to a caregiver's home: with c2
 * living by 3 and 4 and c1 by 1 and 2, each takes the two nearest. */
static void test_homes(void **state)
{
	(void)state;
	routes_problem *p = fixture_line(2, 16);
	fixture_caregivers(p, 2);
	p->vehicles[0].own_start = p->vehicles[0].own_end = 1;
	p->vehicles[0].start_x = p->vehicles[0].end_x = 15;
	p->vehicles[1].own_start = p->vehicles[1].own_end = 1;
	p->vehicles[1].start_x = p->vehicles[1].end_x = 15;
	p->vehicles[1].start_y = p->vehicles[1].end_y = 30;
	ov_err e;
	assert_int_equal(routes_problem_matrix(p, &e), OV_OK);
	routes_report rep;
	routes_solve_info info;
	routes_plan *r = solve_checked(p, 3000, 1, &rep, &info);
	assert_int_equal(rep.unserved, 0);
	for (int i = 0; i < r->n_routes; i++)
		for (int k = r->route_start[i]; k < r->route_start[i + 1]; k++)
			if (r->seq[k] <= 2)
				assert_int_equal(r->vehicle[i], 0);
	routes_plan_free(r);
	routes_problem_free(p);
}

/* Travel times from degrees: one degree of latitude is 111.19 km; at a
 * road factor of 1.3 and 60 km/h that is 144.5 minutes. */
static void test_geo_matrix(void **state)
{
	(void)state;
	routes_problem *p = routes_problem_new(1);
	p->geo = 1;
	p->road_factor = 1.3;
	p->speed_kmh = 60;
	p->nodes[0].x = 25.5;
	p->nodes[0].y = 69.0;
	p->nodes[1].x = 25.5;
	p->nodes[1].y = 70.0;
	ov_err e;
	assert_int_equal(routes_problem_matrix(p, &e), OV_OK);
	if (fabs(p->travel[1] - 111.195 * 1.3) > 0.05)
		fail_msg("%.3f minutes", p->travel[1]);
	assert_true(p->travel[1] == p->travel[2]);
	p->speed_kmh = 0;
	assert_int_equal(routes_problem_matrix(p, &e), OV_E_INPUT);
	routes_problem_free(p);
}

static void test_cli_json(void **state)
{
	(void)state;
	char *path = repo_file("tests/routes/data", "R101_25.txt");
	run_result r = run_cli("routes", "solve-file", path, "--seconds", "1",
			       "--rounding", "dimacs", "--objective",
			       "distance", "--quiet", "--json", NULL);
	assert_int_equal(r.code, 0);
	json_t *j = parse_json(r.out);
	assert_string_equal(json_string_value(json_object_get(j, "instance")),
			    "R101.25");
	assert_true(json_is_true(json_object_get(j, "feasible")));
	assert_true(json_integer_value(json_object_get(j, "vehicles")) >= 1);
	assert_true(json_real_value(json_object_get(j, "distance")) > 0);
	assert_true(json_real_value(json_object_get(j, "seconds")) > 0);
	assert_string_equal(json_string_value(json_object_get(j, "rounding")),
			    "dimacs");
	json_t *routes = json_object_get(j, "routes");
	int seen[26] = {0}, count = 0;
	size_t i, k;
	json_t *route, *c;
	json_array_foreach(routes, i, route) json_array_foreach(route, k, c)
	{
		json_int_t v = json_integer_value(c);
		assert_true(v >= 1 && v <= 25);
		seen[v]++;
		count++;
	}
	assert_int_equal(count, 25);
	for (int v = 1; v <= 25; v++)
		assert_int_equal(seen[v], 1);
	json_decref(j);
	run_free(&r);

	r = run_cli("routes", "solve-file", path, "--rounding", "up", "--json",
		    NULL);
	assert_int_equal(r.code, 1);
	assert_error_field(r.err, "--rounding");
	run_free(&r);
	r = run_cli("routes", "solve-file", path, "--objective", "time",
		    "--json", NULL);
	assert_int_equal(r.code, 1);
	assert_error_field(r.err, "--objective");
	run_free(&r);
	r = run_cli("routes", "solve-file", "--json", NULL);
	assert_int_equal(r.code, 1);
	run_free(&r);
	free(path);

	/* A malformed file: exit 1, the error names the line. */
	char *dir = tmp_dir(), *bad = path_join(dir, "bad.txt");
	FILE *f = fopen(bad, "w");
	assert_non_null(f);
	fputs("X\n\nVEHICLE\nNUMBER CAPACITY\n 2 ten\n", f);
	fclose(f);
	r = run_cli("routes", "solve-file", bad, NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "bad.txt"));
	assert_true(contains(r.err, "5"));
	run_free(&r);
	free(bad);
	rm_rf(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_r101_25_optimum),
		cmocka_unit_test(test_c101_lawful_and_everyone_served),
		cmocka_unit_test(test_same_seed_same_plan),
		cmocka_unit_test(test_unreachable_visit_left_out),
		cmocka_unit_test(test_fleet_limit),
		cmocka_unit_test(test_caregivers),
		cmocka_unit_test(test_two_caregivers),
		cmocka_unit_test(test_owned_nodes),
		cmocka_unit_test(test_only_twins),
		cmocka_unit_test(test_second_window),
		cmocka_unit_test(test_homes),
		cmocka_unit_test(test_geo_matrix),
		cmocka_unit_test(test_cli_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
