/*
 * test_rota_dp.c - re-rostering one employee over a window of days
 * (rs_dp_best in rota_dp.c): the days outside the window keep their
 * values, the schedule keeps every rule, it costs no more than the old
 * one, and a window over the whole horizon is the whole-horizon answer.
 */
#include <stdlib.h>
#include <string.h>

#include "rota/rota_int.h"
#include "support/support.h"

static rota_problem *load(const char *name)
{
	rota_problem *p = NULL;
	char *path = repo_file("tests/rota/data", name);
	ov_err e;
	if (rota_read_cq(path, &p, &e) != OV_OK)
		fail_msg("%s: %s", path, e.msg);
	free(path);
	return p;
}

/* Gives everyone their best schedule against the others, twice over, so
 * the roster keeps every rule before windows are tried on it. */
static void settle(rs_state *st, rs_dp *dp, int *buf, ov_rng *g)
{
	for (int round = 0; round < 2; round++)
		for (int e = 0; e < st->E; e++) {
			rs_remove(st, e);
			int64_t c = rs_dp_best(dp, st, e, buf, g, 0, 0, st->D);
			assert_true(c < RS_INF);
			rs_add(st, e, buf);
		}
	assert_int_equal(st->bad, 0);
}

static void check_windows(const char *name)
{
	rota_problem *p = load(name);
	rs_state st;
	assert_int_equal(rs_init(&st, p), 0);
	rs_dp *dp = rs_dp_new(&st);
	assert_non_null(dp);
	int D = st.D;
	int *buf = malloc((size_t)D * sizeof *buf);
	int *old = malloc((size_t)D * sizeof *old);
	assert_non_null(buf);
	assert_non_null(old);
	ov_rng g;
	ov_rng_seed(&g, 11);
	settle(&st, dp, buf, &g);

	/* At the start, at the end, inside, and the whole horizon. */
	const int wins[][2] = {{0, 7}, {D - 7, D}, {3, 17}, {D / 2, D / 2 + 1},
			       {0, D}};
	for (int e = 0; e < st.E; e++)
		for (size_t w = 0; w < sizeof wins / sizeof wins[0]; w++) {
			int wa = wins[w][0], wb = wins[w][1];
			memcpy(old, &st.x[(size_t)e * D], (size_t)D * sizeof *old);
			rs_remove(&st, e);
			int64_t was = rs_req_of(&st, e, old);
			for (int d = 0; d < D; d++)
				if (old[d] >= 0)
					was += rs_cover_delta(&st, e, d, old[d]);
			int64_t c = rs_dp_best(dp, &st, e, buf, &g, 0, wa, wb);
			assert_true(c < RS_INF);
			for (int d = 0; d < D; d++)
				if (d < wa || d >= wb)
					assert_int_equal(buf[d], old[d]);
			assert_int_equal(rs_emp_breaches(&st, e, buf), 0);
			if (c > was)
				fail_msg("%s: employee %d, days %d-%d: %lld "
					 "above the old %lld",
					 name, e, wa, wb, (long long)c,
					 (long long)was);
			rs_add(&st, e, buf);
		}
	assert_int_equal(st.bad, 0);
	free(buf);
	free(old);
	rs_dp_free(dp);
	rs_free(&st);
	rota_problem_free(p);
}

static void test_windows_instance1(void **state)
{
	(void)state;
	check_windows("Instance1.txt");
}

static void test_windows_instance3(void **state)
{
	(void)state;
	check_windows("Instance3.txt");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_windows_instance1),
		cmocka_unit_test(test_windows_instance3),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
