/*
 * test_rota_dp_exact.c - the per-employee dynamic programme (rs_dp_best
 * in rota_dp.c) against enumeration. Random one-employee problems with up
 * to five shift types, several of which share their succession rules (the
 * DP merges those into one class), every per-employee rule of the
 * benchmark and random requests and cover rows: the DP's schedule must
 * keep every rule by the referee (rota_check) and cost exactly what the
 * cheapest of all (S+1)^D schedules costs, over the whole horizon and
 * over windows with the other days kept. Where the limits are more than
 * the state tracks and are priced in, pricing keeps every rule and nearly
 * always matches thorough pricing that tracks them all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_str.h"
#include "rota/rota_int.h"
#include "support/support.h"

static int rnd(ov_rng *g, int lo, int hi)
{
	return (int)ov_rng_range(g, lo, hi);
}

/* A random one-employee instance in the Curtois & Qu text format; with
 * `tight`, every shift type has a limit of two or three shifts. */
static char *random_text(ov_rng *g, int D, int S, int tight)
{
	ov_buf b = OV_BUF_INIT;
	ov_buf_printf(&b, "SECTION_HORIZON\n%d\n\nSECTION_SHIFTS\n", D);
	static const int lengths[] = {480, 480, 600, 720};
	/* Shift s forbids a random set; half the shifts copy an earlier
	 * shift's set, so classes of equal successions occur. */
	unsigned forbid[8] = {0};
	for (int s = 0; s < S; s++) {
		if (s > 0 && ov_rng_chance(g, 500))
			forbid[s] = forbid[rnd(g, 0, s - 1)];
		else
			forbid[s] = (unsigned)rnd(g, 0, (1 << S) - 1) &
				    (unsigned)rnd(g, 0, (1 << S) - 1);
		/* Tight problems keep the minutes' state small (units of
		 * 240 minutes), so the limits decide what the DP tracks. */
		ov_buf_printf(&b, "s%d,%d,", s,
			      tight ? 480 + 240 * rnd(g, 0, 1)
				    : lengths[rnd(g, 0, 3)]);
		const char *sep = "";
		for (int t = 0; t < S; t++)
			if (forbid[s] & (1u << t)) {
				ov_buf_printf(&b, "%ss%d", sep, t);
				sep = "|";
			}
		ov_buf_printf(&b, "\n");
	}
	ov_buf_printf(&b, "\nSECTION_STAFF\nA,");
	for (int s = 0; s < S; s++)
		ov_buf_printf(&b, "%ss%d=%d", s ? "|" : "", s,
			      tight			? rnd(g, 2, 3)
			      : ov_rng_chance(g, 400) ? rnd(g, 0, 3)
						      : D);
	int max_min = tight ? D * 480 : rnd(g, 2, D) * 480;
	/* A minimum near the maximum prunes most states (most_units). */
	int min_min = ov_rng_chance(g, 500) ? rnd(g, 0, max_min / 2)
		      : ov_rng_chance(g, 500) ? rnd(g, max_min / 2, max_min)
					      : 0;
	int max_c = rnd(g, 2, 5);
	ov_buf_printf(&b, ",%d,%d,%d,%d,%d,%d\n", max_min, min_min, max_c,
		      rnd(g, 1, max_c < 3 ? max_c : 3), rnd(g, 1, 3),
		      rnd(g, 0, 2));
	ov_buf_printf(&b, "\nSECTION_DAYS_OFF\n");
	if (ov_rng_chance(g, 500))
		ov_buf_printf(&b, "A,%d\n", rnd(g, 0, D - 1));
	ov_buf_printf(&b, "\nSECTION_SHIFT_ON_REQUESTS\n");
	for (int i = rnd(g, 0, 3); i > 0; i--)
		ov_buf_printf(&b, "A,%d,s%d,%d\n", rnd(g, 0, D - 1),
			      rnd(g, 0, S - 1), rnd(g, 1, 3));
	ov_buf_printf(&b, "\nSECTION_SHIFT_OFF_REQUESTS\n");
	for (int i = rnd(g, 0, 3); i > 0; i--)
		ov_buf_printf(&b, "A,%d,s%d,%d\n", rnd(g, 0, D - 1),
			      rnd(g, 0, S - 1), rnd(g, 1, 3));
	ov_buf_printf(&b, "\nSECTION_COVER\n");
	for (int d = 0; d < D; d++)
		for (int s = 0; s < S; s++)
			ov_buf_printf(&b, "%d,s%d,%d,%d,%d\n", d, s,
				      rnd(g, 0, 1), rnd(g, 0, 9), rnd(g, 0, 2));
	char *text = ov_strdup(ov_buf_str(&b));
	ov_buf_free(&b);
	assert_non_null(text);
	return text;
}

/* The referee's objective of the roster with x as the one schedule, or
 * -1 when x breaks a hard rule. */
static int64_t judged(const rota_problem *p, rota_roster *r, const int *x)
{
	memcpy(r->assign, x, (size_t)p->n_days * sizeof *x);
	rota_report rep;
	ov_err e;
	assert_int_equal(rota_check(p, r, &rep, &e), OV_OK);
	int64_t v = rep.n_violations ? -1 : rep.objective;
	rota_report_clear(&rep);
	return v;
}

/* Decodes schedule number code into x (base S+1, day 0 lowest). */
static void decode(int code, int D, int S, int *x)
{
	for (int d = 0; d < D; d++, code /= S + 1)
		x[d] = code % (S + 1) - 1;
}

static void check_problem(ov_rng *g, int D, int S, int k)
{
	char *text = random_text(g, D, S, 0);
	rota_problem *p = NULL;
	ov_err e;
	if (rota_parse_cq(text, "random", &p, &e) != OV_OK)
		fail_msg("problem %d: %s\n%s", k, e.msg, text);
	rota_roster *r = rota_roster_new(1, D);
	assert_non_null(r);
	int *x = malloc((size_t)D * sizeof *x);
	int *out = malloc((size_t)D * sizeof *out);
	int *cur = malloc((size_t)D * sizeof *cur);
	assert_non_null(x);
	assert_non_null(out);
	assert_non_null(cur);
	int total = 1;
	for (int d = 0; d < D; d++)
		total *= S + 1;
	int64_t *val = malloc((size_t)total * sizeof *val);
	assert_non_null(val);
	int n_ok = 0;
	for (int c = 0; c < total; c++) {
		decode(c, D, S, x);
		val[c] = judged(p, r, x);
		n_ok += val[c] >= 0;
	}
	rs_state st;
	assert_int_equal(rs_init(&st, p), 0);
	rs_dp *dp = rs_dp_new(&st);
	assert_non_null(dp);
	/* The cover penalties with nobody working: the DP's cost is its
	 * requests plus what its work changes in the cover. */
	for (int d = 0; d < D; d++)
		x[d] = ROTA_OFF;
	memcpy(r->assign, x, (size_t)D * sizeof *x);
	rota_report rep;
	assert_int_equal(rota_check(p, r, &rep, &e), OV_OK);
	int64_t base = rep.cover_under + rep.cover_over;
	rota_report_clear(&rep);

	/* Windows: the whole horizon, then random ones around a random
	 * lawful current schedule. */
	for (int w = 0; w < 4 && n_ok > 0; w++) {
		int wa = 0, wb = D;
		int pick = rnd(g, 0, n_ok - 1), c0 = -1;
		for (int c = 0; c < total; c++)
			if (val[c] >= 0 && pick-- == 0) {
				c0 = c;
				break;
			}
		decode(c0, D, S, cur);
		if (w > 0) {
			wa = rnd(g, 0, D - 2);
			wb = rnd(g, wa + 1, D);
		}
		/* The cheapest lawful schedule agreeing with cur outside
		 * the window. */
		int64_t best = -1;
		int best_c = -1;
		for (int c = 0; c < total; c++) {
			if (val[c] < 0)
				continue;
			decode(c, D, S, x);
			int same = 1;
			for (int d = 0; d < D && same; d++)
				same = (d >= wa && d < wb) || x[d] == cur[d];
			if (same && (best < 0 || val[c] < best)) {
				best = val[c];
				best_c = c;
			}
		}
		/* cur in x, the employee out of the counts. */
		rs_remove(&st, 0);
		rs_add(&st, 0, cur);
		rs_remove(&st, 0);
		int64_t got = rs_dp_best(dp, &st, 0, out, g, 0, wa, wb);
		if (got >= RS_INF)
			fail_msg("problem %d, days %d-%d: no schedule, the "
				 "cheapest costs %lld\n%s",
				 k, wa, wb, (long long)best, text);
		for (int d = 0; d < D; d++)
			if (d < wa || d >= wb)
				assert_int_equal(out[d], cur[d]);
		int64_t v = judged(p, r, out);
		if (v < 0)
			fail_msg("problem %d, days %d-%d: the DP's schedule "
				 "breaks a rule\n%s",
				 k, wa, wb, text);
		/* The DP's own cost is the referee's, less the cover
		 * penalties of nobody working. */
		assert_int_equal(got, v - base);
		if (v != best) {
			char a[64], bb[64], cc[64];
			decode(best_c, D, S, x);
			for (int d = 0; d < D; d++) {
				a[d] = out[d] < 0 ? '.' : (char)('0' + out[d]);
				bb[d] = x[d] < 0 ? '.' : (char)('0' + x[d]);
				cc[d] = cur[d] < 0 ? '.' : (char)('0' + cur[d]);
			}
			a[D] = bb[D] = cc[D] = 0;
			fail_msg("problem %d, days %d-%d: DP %lld (%s), "
				 "cheapest %lld (%s), kept from %s\n%s",
				 k, wa, wb, (long long)v, a, (long long)best,
				 bb, cc, text);
		}
		rs_add(&st, 0, out);
		assert_int_equal(st.bad, 0);
	}
	rs_dp_free(dp);
	rs_free(&st);
	free(val);
	free(x);
	free(out);
	free(cur);
	rota_roster_free(r);
	rota_problem_free(p);
	free(text);
}

static void test_dp_matches_enumeration(void **state)
{
	(void)state;
	ov_rng g;
	ov_rng_seed(&g, 4242);
	for (int k = 0; k < 40; k++) {
		/* 7 days of up to 4 shift types, or 9 days of 2. */
		if (k % 3 == 2)
			check_problem(&g, 9, 2, k);
		else
			check_problem(&g, 7, 3 + k % 2, k);
	}
}

/*
 * Pricing with priced-in limits against pricing that tracks them: one
 * problem of D days whose S shift types all have a limit of two to five
 * shifts, random costs per day and value. The fast DP tracks only the
 * limits its small budget holds and prices the rest in; the thorough one
 * tracks them all and is then exact. Both must keep every rule. Returns
 * whether the fast schedule costs what the exact one does (-1 when the
 * thorough one was not exact either).
 */
static int priced_matches_tracked(ov_rng *g, int D, int S, int k,
				  int *priced)
{
	char *text = random_text(g, D, S, 1);
	rota_problem *p = NULL;
	ov_err e;
	if (rota_parse_cq(text, "random", &p, &e) != OV_OK)
		fail_msg("problem %d: %s\n%s", k, e.msg, text);
	rs_state st;
	assert_int_equal(rs_init(&st, p), 0);
	rs_dp *dp = rs_dp_new(&st);
	size_t nc = (size_t)D * (size_t)(S + 1);
	double *cost = malloc(nc * sizeof *cost);
	int *fast = malloc((size_t)D * sizeof *fast);
	int *full = malloc((size_t)D * sizeof *full);
	assert_non_null(dp);
	assert_non_null(cost);
	assert_non_null(fast);
	assert_non_null(full);
	/* Work pays, so the limits bind. */
	for (size_t i = 0; i < nc; i++)
		cost[i] = i % (size_t)(S + 1) ? rnd(g, -40, -5) : 0;
	double v_fast = 0, v_full = 0;
	int ex_fast = 0, ex_full = 0;
	int r_fast = rs_dp_price(dp, &st, 0, cost, NULL, 0, fast, &v_fast,
				 &ex_fast);
	int r_full = rs_dp_price(dp, &st, 0, cost, NULL, 1, full, &v_full,
				 &ex_full);
	if (r_full == 0)
		assert_int_equal(rs_emp_breaches(&st, 0, full), 0);
	if (r_fast == 0)
		assert_int_equal(rs_emp_breaches(&st, 0, fast), 0);
	if (r_full == 0 && ex_full && r_fast != 0)
		fail_msg("problem %d: no fast schedule, the exact costs %g\n%s",
			 k, v_full, text);
	if (r_fast == 0 && r_full == 0 && ex_full && v_fast < v_full - 1e-9)
		fail_msg("problem %d: fast %g below the exact %g\n%s", k,
			 v_fast, v_full, text);
	int res = r_full == 0 && ex_full ? v_fast <= v_full + 1e-9 : -1;
	*priced += res >= 0 && !ex_fast;
	free(cost);
	free(fast);
	free(full);
	rs_dp_free(dp);
	rs_free(&st);
	rota_problem_free(p);
	free(text);
	return res;
}

/* Priced limits are a heuristic, so not every answer is the cheapest;
 * but it must keep every rule and be the cheapest nearly always: of the
 * 47 problems below whose thorough answer is exact, 16 with limits priced
 * in, prices that only rose until the limit held found the cheapest in
 * 32, bracketed prices in 40 (42 with no cap on their passes). */
static void test_priced_limits(void **state)
{
	(void)state;
	ov_rng g;
	ov_rng_seed(&g, 77);
	int cheapest = 0, n = 0, priced = 0;
	for (int k = 0; k < 60; k++) {
		int r = priced_matches_tracked(&g, 28, 4, k, &priced);
		if (r >= 0) {
			cheapest += r;
			n++;
		}
	}
	print_message("priced limits: the cheapest in %d of %d (%d priced)\n",
		      cheapest, n, priced);
	assert_true(n >= 30 && priced >= 10);
	assert_true(cheapest * 100 >= n * 80);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dp_matches_enumeration),
		cmocka_unit_test(test_priced_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
