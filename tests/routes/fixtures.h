/*
 * fixtures.h - problems the routing tests share: a file of
 * tests/routes/data, and a four-visit problem small enough to work out
 * by hand. Header-only (static inline): each test program includes it.
 */
#ifndef ROUTES_FIXTURES_H
#define ROUTES_FIXTURES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "routes/routes.h"
#include "support/support.h"

/* A file of tests/routes/data, read (fails the test if it cannot be). */
static inline routes_problem *fixture_read(const char *name)
{
	char *path = repo_file("tests/routes/data", name);
	routes_problem *p = NULL;
	ov_err e;
	if (routes_read(path, &p, &e) != OV_OK)
		fail_msg("%s: %s", path, e.msg);
	free(path);
	assert_non_null(p);
	return p;
}

/*
 * Depot at (0,0), horizon 0..200; visits 1 at (10,0), 2 at (20,0), 3 at
 * (30,0), 4 at (0,40), each demand 4 and service 5, windows [0,20],
 * [0,40], [0,60], [0,100]; unrounded distances.
 */
static inline routes_problem *fixture_line(int vehicles, int capacity)
{
	routes_problem *p = routes_problem_new(4);
	assert_non_null(p);
	p->n_vehicles = vehicles;
	p->capacity = capacity;
	p->rounding = ROUTES_ROUND_NONE;
	p->nodes[0] = (routes_visit){.ready = 0, .due = 200};
	const double xy[4][2] = {{10, 0}, {20, 0}, {30, 0}, {0, 40}};
	const double due[4] = {20, 40, 60, 100};
	for (int i = 1; i <= 4; i++)
		p->nodes[i] = (routes_visit){.x = xy[i - 1][0],
					     .y = xy[i - 1][1],
					     .demand = 4,
					     .due = due[i - 1],
					     .service = 5};
	for (int i = 0; i <= 4; i++) {
		char id[16];
		snprintf(id, sizeof id, "%d", i);
		p->nodes[i].id = strdup(id);
	}
	ov_err e;
	assert_int_equal(routes_problem_matrix(p, &e), OV_OK);
	return p;
}

/* Gives p caregivers instead of alike vehicles: n of them, ids c1..cn,
 * working 0..200 with no skill and no Sámi (the test sets those). */
static inline void fixture_caregivers(routes_problem *p, int n)
{
	p->vehicles = calloc((size_t)n, sizeof *p->vehicles);
	assert_non_null(p->vehicles);
	p->n_vehicles = n;
	for (int i = 0; i < n; i++) {
		char id[16];
		snprintf(id, sizeof id, "c%d", i + 1);
		p->vehicles[i] = (routes_vehicle){.id = strdup(id), .end = 200};
	}
}

/*
 * Two caregivers c1, c2 working 0..300 from a depot at (0,0); visit 1
 * at (10,0) in [0,15], 2 at (0,40) in [0,200], and 3 and 4 the two
 * halves of one visit at (0,30) in [40,80], each 5 (1, 2) or 20 long;
 * unrounded distances.
 */
static inline routes_problem *fixture_twins(void)
{
	routes_problem *p = routes_problem_new(4);
	assert_non_null(p);
	p->capacity = 10;
	p->rounding = ROUTES_ROUND_NONE;
	p->nodes[0] = (routes_visit){.due = 300};
	p->nodes[1] = (routes_visit){.x = 10, .due = 15, .service = 5};
	p->nodes[2] = (routes_visit){.y = 40, .due = 200, .service = 5};
	for (int i = 3; i <= 4; i++)
		p->nodes[i] = (routes_visit){.y = 30, .ready = 40, .due = 80,
					     .service = 20, .twin = 7 - i};
	for (int i = 0; i <= 4; i++) {
		char id[16];
		snprintf(id, sizeof id, "%d", i);
		p->nodes[i].id = strdup(id);
	}
	fixture_caregivers(p, 2);
	for (int k = 0; k < 2; k++)
		p->vehicles[k].end = 300;
	ov_err e;
	assert_int_equal(routes_problem_matrix(p, &e), OV_OK);
	return p;
}

#endif
