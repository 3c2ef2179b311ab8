/*
 * test_routes_matrix.c - travel times from a router's CSV: the pairs it
 * gives replace those of the map, on every node with the ids; the rest
 * stay; bad lines are named with their line and field and leave the
 * problem as it was.
 */
#include <math.h>
#include <stdio.h>

#include "fixtures.h"

static char *write_csv(const char *dir, const char *text)
{
	char *path = path_join(dir, "travel.csv");
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static double at(const routes_problem *p, int a, int b)
{
	return p->travel[(size_t)a * (size_t)(p->n_visits + 1) + (size_t)b];
}

static void test_pairs_replace_the_map(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	routes_problem *p = fixture_line(2, 10);
	free(p->nodes[4].id);
	p->nodes[4].id = strdup("1"); /* 1 and 4: one recipient's two visits */
	double d23 = at(p, 2, 3);
	char *path = write_csv(dir, "from,to,minutes\r\n0,1,99\r\n1,2,7.5\n"
				    "\nX,1,3\n");
	int applied;
	ov_err e;
	assert_int_equal(routes_matrix_read(path, p, &applied, &e), OV_OK);
	assert_int_equal(applied, 4);
	assert_true(at(p, 0, 1) == 99 && at(p, 0, 4) == 99);
	assert_true(at(p, 1, 2) == 7.5 && at(p, 4, 2) == 7.5);
	assert_true(at(p, 2, 3) == d23); /* not in the file */
	assert_true(at(p, 1, 0) == 10);  /* one way only */
	free(path);
	routes_problem_free(p);
	rm_rf(dir);
	free(dir);
}

static void test_bad_lines(void **state)
{
	(void)state;
	static const struct {
		const char *text, *field;
		int line;
	} bad[] = {
		{"0,1,5\n1,2\n", "", 2},
		{"0,1,-3\n", "minutes", 1},
		{"0,1,abc\n", "minutes", 1},
		{"\"0\",\"1\",5\n", "", 1},
		{"0,1,5,6\n", "", 1},
	};
	char *dir = tmp_dir();
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		routes_problem *p = fixture_line(2, 10);
		double before = at(p, 0, 1);
		char *path = write_csv(dir, bad[i].text);
		int applied;
		ov_err e;
		assert_int_equal(routes_matrix_read(path, p, &applied, &e),
				 OV_E_INPUT);
		assert_int_equal(e.line, bad[i].line);
		assert_string_equal(e.field, bad[i].field);
		assert_string_equal(e.file, path);
		assert_true(at(p, 0, 1) == before); /* unchanged */
		free(path);
		routes_problem_free(p);
	}
	routes_problem *p = fixture_line(2, 10);
	int applied;
	ov_err e;
	assert_int_equal(routes_matrix_read("/nonexistent/t.csv", p, &applied,
					    &e),
			 OV_E_INPUT);
	routes_problem_free(p);
	rm_rf(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pairs_replace_the_map),
		cmocka_unit_test(test_bad_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
