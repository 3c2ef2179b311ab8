/*
 * dp_speed.c - how fast rota_dp.c re-rosters one employee, the step the
 * whole search is made of (80 % of a minute on Instance13). Reads a
 * Curtois & Qu instance and times best-response passes over everyone:
 * whole-horizon passes (the first descent, column generation's pricing)
 * and passes over 14-day windows (the moves). The passes are the same
 * whatever the build, so a checksum of the costs found says that two
 * builds computed the same thing and the times can be compared.
 *
 *   build/dp_speed INSTANCE [PASSES] [REF_CALLS_PER_SECOND]
 *
 * Prints calls per second for both kinds and, given a reference figure
 * (an earlier build's), the ratio to it. Built by `make bench-dp`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rota/rota_int.h"

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* One best-response pass over everyone on days [wa, wb). Returns the
 * DP calls made; adds the costs found to *sum. */
static long pass(rs_state *st, rs_dp *dp, int *buf, ov_rng *rng, int wa,
		 int wb, int64_t *sum)
{
	long calls = 0;
	for (int e = 0; e < st->E; e++) {
		rs_remove(st, e);
		int64_t c = rs_dp_best(dp, st, e, buf, rng, 0, wa, wb);
		calls++;
		if (c < RS_INF) {
			*sum += c;
			rs_add(st, e, buf);
		} else {
			rs_add(st, e, &st->x[(size_t)e * st->D]);
		}
	}
	return calls;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s INSTANCE [PASSES] [REF]\n", argv[0]);
		return 2;
	}
	int passes = argc > 2 ? atoi(argv[2]) : 3;
	double ref = argc > 3 ? atof(argv[3]) : 0;
	rota_problem *p;
	ov_err err;
	if (rota_read_cq(argv[1], &p, &err)) {
		fprintf(stderr, "%s: %s\n", argv[1], err.msg);
		return 1;
	}
	rs_state st;
	rs_dp *dp = NULL;
	int *buf = malloc(((size_t)p->n_days + 1) * sizeof *buf);
	if (!buf || rs_init(&st, p)) {
		fprintf(stderr, "out of memory\n");
		free(buf);
		rota_problem_free(p);
		return 1;
	}
	dp = rs_dp_new(&st);
	if (!dp) {
		fprintf(stderr, "out of memory\n");
		rs_free(&st);
		free(buf);
		rota_problem_free(p);
		return 1;
	}
	ov_rng rng;
	ov_rng_seed(&rng, 1);
	int64_t sum_whole = 0, sum_win = 0;
	long n_whole = 0, n_win = 0;
	double t0 = now_s();
	for (int i = 0; i < passes; i++)
		n_whole += pass(&st, dp, buf, &rng, 0, st.D, &sum_whole);
	double t_whole = now_s() - t0;
	int len = st.D < 14 ? st.D : 14;
	t0 = now_s();
	for (int i = 0; i < passes; i++)
		for (int wa = 0; wa + len <= st.D; wa += len / 2 > 0 ? len / 2 : 1)
			n_win += pass(&st, dp, buf, &rng, wa, wa + len, &sum_win);
	double t_win = now_s() - t0;
	double whole = n_whole / t_whole, win = n_win / t_win;
	printf("%s: %d employees x %d days x %d shift types\n", argv[1], st.E,
	       st.D, st.S);
	printf("whole horizon: %ld calls in %.2f s = %.1f calls/s (checksum %lld)\n",
	       n_whole, t_whole, whole, (long long)sum_whole);
	printf("%d-day windows: %ld calls in %.2f s = %.1f calls/s (checksum %lld)\n",
	       len, n_win, t_win, win, (long long)sum_win);
	if (ref > 0)
		printf("whole horizon against reference %.1f calls/s: ratio %.2f\n",
		       ref, whole / ref);
	printf("roster cost after the passes: %lld\n", (long long)rs_total(&st));
	rs_dp_free(dp);
	rs_free(&st);
	free(buf);
	rota_problem_free(p);
	return 0;
}
