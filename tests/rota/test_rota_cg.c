/*
 * test_rota_cg.c - column generation (rota_cg.c) surviving GLPK errors:
 * GLPK would abort the program on one; the guard makes the call fail
 * instead, prints nothing, and a master made afterwards solves as
 * before. A master alive during the error knows its lp is gone.
 */
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rota/rota_cg.h"
#include "support/support.h"

/* A benchmark instance with its solver state (rota_int.h). */
typedef struct {
	rota_problem *p;
	rs_state st;
	rs_dp *dp;
	int *out;
} inst;

static inst load(const char *name)
{
	inst in;
	memset(&in, 0, sizeof in);
	char *path = repo_file("tests/rota/data", name);
	ov_err e;
	if (rota_read_cq(path, &in.p, &e) != OV_OK)
		fail_msg("%s: %s", path, e.msg);
	free(path);
	assert_int_equal(rs_init(&in.st, in.p), 0);
	in.dp = rs_dp_new(&in.st);
	assert_non_null(in.dp);
	in.out = malloc(((size_t)in.st.E * in.st.D + 1) * sizeof(int));
	assert_non_null(in.out);
	return in;
}

static void unload(inst *in)
{
	free(in->out);
	rs_dp_free(in->dp);
	rs_free(&in->st);
	rota_problem_free(in->p);
}

/* Column generation to the end on in; returns the bound (proven). */
static double solve(inst *in)
{
	rs_cg *cg = rs_cg_new(&in->st, in->dp);
	assert_non_null(cg);
	int rounds, valid;
	assert_int_equal(rs_cg_run(cg, 60, &rounds), 0);
	assert_true(rounds > 0);
	double b = rs_cg_bound(cg, &valid);
	assert_true(valid);
	assert_int_equal(rs_cg_dive(cg, 60, in->out), 0);
	for (int i = 0; i < in->st.E * in->st.D; i++)
		assert_true(in->out[i] >= ROTA_OFF && in->out[i] < in->st.S);
	rs_cg_free(cg);
	return b;
}

/* rs_cg_test_glpk_error with stdout caught in a file; checks that the
 * error was caught and GLPK printed nothing. */
static void glpk_error_silently(void)
{
	char path[] = "/tmp/ovttas-cg-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	fflush(stdout);
	int saved = dup(1);
	assert_true(saved >= 0);
	assert_int_equal(dup2(fd, 1), 1);
	int rc = rs_cg_test_glpk_error();
	fflush(stdout);
	assert_int_equal(dup2(saved, 1), 1);
	close(saved);
	off_t size = lseek(fd, 0, SEEK_END);
	close(fd);
	unlink(path);
	assert_int_equal(rc, -1);
	assert_int_equal(size, 0);
}

static void test_error_is_survived(void **state)
{
	(void)state;
	inst in = load("Instance1.txt");
	double before = solve(&in);
	/* the process lives on, more than once */
	glpk_error_silently();
	glpk_error_silently();
	/* and GLPK works again, to the same bound */
	double after = solve(&in);
	assert_true(fabs(before - after) < 1e-6);
	unload(&in);
}

static void test_master_alive_during_error(void **state)
{
	(void)state;
	inst in = load("Instance1.txt");
	rs_cg *cg = rs_cg_new(&in.st, in.dp);
	assert_non_null(cg);
	int rounds, valid;
	assert_int_equal(rs_cg_run(cg, 60, &rounds), 0);
	double b = rs_cg_bound(cg, &valid);
	/* the error takes cg's lp with GLPK's environment: cg fails
	 * rather than touching freed memory, and frees cleanly */
	glpk_error_silently();
	assert_int_equal(rs_cg_run(cg, 60, &rounds), -1);
	assert_int_equal(rounds, 0);
	assert_int_equal(rs_cg_dive(cg, 60, in.out), -1);
	assert_true(rs_cg_bound(cg, &valid) == b);
	rs_cg_free(cg);
	/* a new master is fine */
	assert_true(fabs(solve(&in) - b) < 1e-6);
	unload(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_error_is_survived),
		cmocka_unit_test(test_master_alive_during_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
