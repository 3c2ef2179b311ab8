/*
 * test_routes_read.c - the routing readers: a Solomon instance in VRPLIB
 * and the same instance in Solomon's text layout give the same nodes, CRLF
 * and LF the same problem, each layout its default convention, arcs are
 * truncated to one decimal under DIMACS; every malformed input is an
 * error naming the file, the line and the field.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixtures.h"

/* Writes text to a new file in a scratch directory; returns its path
 * (owned) and the directory in *dir (owned). */
static char *write_tmp(const char *text, char **dir)
{
	*dir = tmp_dir();
	char *path = path_join(*dir, "in.vrp");
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static void test_vrplib_c101(void **state)
{
	(void)state;
	routes_problem *p = fixture_read("C101.vrp");
	assert_string_equal(p->name, "C101");
	assert_int_equal(p->n_visits, 100);
	assert_int_equal(p->n_vehicles, 25);
	assert_int_equal(p->capacity, 200);
	assert_int_equal(p->rounding, ROUTES_ROUND_DIMACS);
	assert_int_equal(p->objective, ROUTES_MIN_DISTANCE);
	/* The depot: (40, 50), horizon 0..1236, no service. */
	assert_true(p->nodes[0].x == 40 && p->nodes[0].y == 50);
	assert_true(p->nodes[0].ready == 0 && p->nodes[0].due == 1236);
	assert_true(p->nodes[0].service == 0);
	/* Customer 1 (node 2 of the file): 45 68, demand 10, 912..967. */
	assert_string_equal(p->nodes[1].id, "1");
	assert_true(p->nodes[1].x == 45 && p->nodes[1].y == 68);
	assert_int_equal(p->nodes[1].demand, 10);
	assert_true(p->nodes[1].ready == 912 && p->nodes[1].due == 967);
	assert_true(p->nodes[1].service == 90);
	/* Depot to customer 1: sqrt(349) = 18.68..., truncated to 18.6. */
	assert_true(fabs(p->travel[1] - 18.6) < 1e-9);
	assert_true(p->travel[1] == p->travel[101]);
	p->rounding = ROUTES_ROUND_NONE;
	ov_err e;
	assert_int_equal(routes_problem_matrix(p, &e), OV_OK);
	assert_true(fabs(p->travel[1] - sqrt(349.0)) < 1e-12);
	routes_problem_free(p);
}

/* A length whose square root is whole must not lose a tenth: (0,0) to
 * (3,4) is 5.0 under DIMACS, (0,0) to (1,1) 1.4. */
static void test_dimacs_whole_lengths(void **state)
{
	(void)state;
	routes_problem *p = routes_problem_new(2);
	assert_non_null(p);
	p->nodes[1].x = 3;
	p->nodes[1].y = 4;
	p->nodes[2].x = 1;
	p->nodes[2].y = 1;
	ov_err e;
	assert_int_equal(routes_problem_matrix(p, &e), OV_OK);
	assert_true(p->travel[1] == 5.0);
	assert_true(fabs(p->travel[2] - 1.4) < 1e-12);
	routes_problem_free(p);
}

static void test_solomon_text_matches_vrplib(void **state)
{
	(void)state;
	routes_problem *a = fixture_read("C101.vrp"), *b = fixture_read("C101.txt");
	assert_string_equal(b->name, "C101");
	assert_int_equal(b->n_visits, a->n_visits);
	assert_int_equal(b->n_vehicles, 25);
	assert_int_equal(b->capacity, 200);
	assert_int_equal(b->rounding, ROUTES_ROUND_NONE);
	assert_int_equal(b->objective, ROUTES_MIN_VEHICLES);
	for (int i = 0; i <= a->n_visits; i++) {
		const routes_visit *x = &a->nodes[i], *y = &b->nodes[i];
		assert_string_equal(x->id, y->id);
		assert_true(x->x == y->x && x->y == y->y);
		assert_int_equal(x->demand, y->demand);
		assert_true(x->ready == y->ready && x->due == y->due);
		assert_true(x->service == y->service);
	}
	routes_problem_free(a);
	routes_problem_free(b);
}

static void test_crlf_same_problem(void **state)
{
	(void)state;
	char *src = repo_file("tests/routes/data", "R101_25.txt");
	FILE *f = fopen(src, "rb");
	assert_non_null(f);
	char *text = calloc(1 << 16, 1), *crlf = calloc(1 << 17, 1);
	assert_true(text && crlf);
	size_t n = fread(text, 1, (1 << 16) - 1, f), k = 0;
	fclose(f);
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\n')
			crlf[k++] = '\r';
		crlf[k++] = text[i];
	}
	char *dir, *path = write_tmp(crlf, &dir);
	routes_problem *a = fixture_read("R101_25.txt"), *b = NULL;
	ov_err e;
	assert_int_equal(routes_read(path, &b, &e), OV_OK);
	assert_int_equal(b->n_visits, 25);
	for (int i = 0; i <= 25; i++)
		assert_true(a->nodes[i].due == b->nodes[i].due &&
			    a->nodes[i].service == b->nodes[i].service);
	routes_problem_free(a);
	routes_problem_free(b);
	free(text);
	free(crlf);
	free(src);
	free(path);
	rm_rf(dir);
	free(dir);
}

/* A small VRPLIB file with `bad` in place of line `at` (1-based). */
static const char *const small[] = {
	"NAME : T",
	"TYPE : CVRPTW",
	"DIMENSION : 3",
	"VEHICLES : 2",
	"CAPACITY : 10",
	"SERVICE_TIME : 5",
	"EDGE_WEIGHT_TYPE : EUC_2D",
	"NODE_COORD_SECTION",
	"1 0 0",
	"2 3 4",
	"3 6 8",
	"DEMAND_SECTION",
	"1 0",
	"2 4",
	"3 5",
	"TIME_WINDOW_SECTION",
	"1 0 100",
	"2 0 50",
	"3 10 60",
	"DEPOT_SECTION",
	"1",
	"-1",
	"EOF",
};
#define N_SMALL ((int)(sizeof small / sizeof *small))

static void expect_error(int at, const char *bad, ov_status code, int line,
			 const char *field)
{
	char text[4096] = "";
	for (int i = 0; i < N_SMALL; i++) {
		if (i + 1 == at) {
			if (bad)
				strcat(text, bad), strcat(text, "\n");
		} else {
			strcat(text, small[i]);
			strcat(text, "\n");
		}
	}
	char *dir, *path = write_tmp(text, &dir);
	routes_problem *p = NULL;
	ov_err e;
	ov_status st = routes_read(path, &p, &e);
	if (st != code)
		fail_msg("line %d \"%s\": status %d (%s), expected %d", at,
			 bad ? bad : "(removed)", st, e.msg, code);
	assert_null(p);
	assert_string_equal(e.file, path);
	if (e.line != line || strcmp(e.field, field) != 0)
		fail_msg("line %d \"%s\": error at line %d field %s (%s), "
			 "expected line %d field %s",
			 at, bad ? bad : "(removed)", e.line, e.field, e.msg,
			 line, field);
	free(path);
	rm_rf(dir);
	free(dir);
}

static void test_small_reads(void **state)
{
	(void)state;
	char text[4096] = "";
	for (int i = 0; i < N_SMALL; i++)
		strcat(text, small[i]), strcat(text, "\n");
	char *dir, *path = write_tmp(text, &dir);
	routes_problem *p = NULL;
	ov_err e;
	assert_int_equal(routes_read(path, &p, &e), OV_OK);
	assert_int_equal(p->n_visits, 2);
	assert_int_equal(p->n_vehicles, 2);
	assert_true(p->nodes[2].ready == 10 && p->nodes[2].due == 60);
	assert_true(p->nodes[2].service == 5 && p->nodes[0].service == 0);
	assert_true(p->travel[0 * 3 + 2] == 10.0);
	routes_problem_free(p);
	free(path);
	rm_rf(dir);
	free(dir);
}

static void test_vrplib_errors(void **state)
{
	(void)state;
	expect_error(10, "2 3 x", OV_E_INPUT, 10, "NODE_COORD_SECTION");
	expect_error(10, "2 3", OV_E_INPUT, 10, "NODE_COORD_SECTION");
	expect_error(11, "2 6 8", OV_E_INPUT, 11, "NODE_COORD_SECTION");
	expect_error(11, "4 6 8", OV_E_INPUT, 11, "NODE_COORD_SECTION");
	expect_error(14, "2 -4", OV_E_INPUT, 14, "DEMAND_SECTION");
	expect_error(14, "2 1.5", OV_E_INPUT, 14, "DEMAND_SECTION");
	expect_error(19, "3 60 10", OV_E_INPUT, 19, "TIME_WINDOW_SECTION");
	expect_error(3, "DIMENSION : three", OV_E_INPUT, 3, "DIMENSION");
	expect_error(3, NULL, OV_E_INPUT, 7, "DIMENSION");
	expect_error(5, NULL, OV_E_INPUT, 7, "CAPACITY");
	expect_error(7, "EDGE_WEIGHT_TYPE : GEO", OV_E_INPUT, 7,
		     "EDGE_WEIGHT_TYPE");
	expect_error(2, "TYPE : CVRP", OV_E_INPUT, 2, "TYPE");
	expect_error(21, "2", OV_E_INPUT, 21, "DEPOT_SECTION");
	/* A node missing from a section is found at the end of the file. */
	expect_error(18, NULL, OV_E_INPUT, 22, "TIME_WINDOW_SECTION");
	expect_error(6, "SERVICE_TIME", OV_E_INPUT, 6, "SERVICE_TIME");
}

static void test_solomon_errors(void **state)
{
	(void)state;
	static const char *const cases[][3] = {
		/* text, field, line */
		{"X\n\nVEHICLE\nNUMBER CAPACITY\n 2 10\n\nCUSTOMER\nhead\n"
		 " 0 0 0 0 0 100 0\n 2 3 4 4 0 50 5\n",
		 "CUST NO.", "10"},
		{"X\n\nVEHICLE\nNUMBER CAPACITY\n 2 10\n\nCUSTOMER\nhead\n"
		 " 0 0 0 0 0 100 0\n 1 3 4 4 0 50\n",
		 "CUSTOMER", "10"},
		{"X\n\nCUSTOMER\n", "VEHICLE", "3"},
		{"X\n\nVEHICLE\nNUMBER CAPACITY\n two 10\n", "NUMBER", "5"},
		{"X\n\nVEHICLE\nNUMBER CAPACITY\n 2 10\n\nCUSTOMER\nhead\n"
		 " 0 0 0 0 0 100 0\n 1 3 4 4 60 50 5\n",
		 "DUE DATE", "10"},
		{"X\n\nVEHICLE\nNUMBER CAPACITY\n 2 10\n\nCUSTOMER\nhead\n",
		 "CUSTOMER", "8"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *dir, *path = write_tmp(cases[i][0], &dir);
		routes_problem *p = NULL;
		ov_err e;
		ov_status st = routes_read(path, &p, &e);
		if (st != OV_E_INPUT || strcmp(e.field, cases[i][1]) != 0 ||
		    e.line != atoi(cases[i][2]))
			fail_msg("case %zu: status %d line %d field %s (%s)", i,
				 st, e.line, e.field, e.msg);
		assert_null(p);
		free(path);
		rm_rf(dir);
		free(dir);
	}
}

static void test_missing_and_empty_files(void **state)
{
	(void)state;
	routes_problem *p = NULL;
	ov_err e;
	assert_int_equal(routes_read("/nonexistent/x.vrp", &p, &e), OV_E_IO);
	assert_string_equal(e.file, "/nonexistent/x.vrp");
	char *dir, *path = write_tmp("\n\n", &dir);
	assert_int_equal(routes_read(path, &p, &e), OV_E_INPUT);
	assert_null(p);
	free(path);
	rm_rf(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vrplib_c101),
		cmocka_unit_test(test_dimacs_whole_lengths),
		cmocka_unit_test(test_solomon_text_matches_vrplib),
		cmocka_unit_test(test_crlf_same_problem),
		cmocka_unit_test(test_small_reads),
		cmocka_unit_test(test_vrplib_errors),
		cmocka_unit_test(test_solomon_errors),
		cmocka_unit_test(test_missing_and_empty_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
