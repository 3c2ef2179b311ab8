/*
 * test_rng.c - ov_rng: the same seed gives the same sequence, ranges are
 * inclusive at both ends (the full 64-bit range too), weighted picks
 * never choose a zero weight, and chance() at its limits.
 */
#include <stdint.h>

#include "base/ov_rng.h"
#include "support/support.h"

static void test_same_seed_same_sequence(void **state)
{
	(void)state;
	ov_rng a, b, c;
	ov_rng_seed(&a, 2019);
	ov_rng_seed(&b, 2019);
	ov_rng_seed(&c, 2020);
	int differ = 0;
	for (int i = 0; i < 1000; i++) {
		uint64_t x = ov_rng_next(&a);
		assert_true(x == ov_rng_next(&b));
		differ += x != ov_rng_next(&c);
	}
	assert_true(differ > 990);
	/* Seed 0 is a valid state, not a stuck generator. */
	ov_rng z;
	ov_rng_seed(&z, 0);
	uint64_t first = ov_rng_next(&z);
	int moved = 0;
	for (int i = 0; i < 10; i++)
		moved += ov_rng_next(&z) != first;
	assert_true(moved >= 9);
}

static void test_range_inclusive(void **state)
{
	(void)state;
	ov_rng r;
	ov_rng_seed(&r, 1);
	int seen[3] = {0};
	for (int i = 0; i < 3000; i++) {
		int64_t v = ov_rng_range(&r, 5, 7);
		assert_in_range(v, 5, 7);
		seen[v - 5]++;
	}
	for (int i = 0; i < 3; i++)
		assert_true(seen[i] > 800);
	for (int i = 0; i < 100; i++)
		assert_int_equal(ov_rng_range(&r, 3, 3), 3);
	int lo = 0, hi = 0;
	for (int i = 0; i < 1000; i++) {
		int64_t v = ov_rng_range(&r, -2, 2);
		assert_true(v >= -2 && v <= 2);
		lo += v == -2;
		hi += v == 2;
	}
	assert_true(lo > 0 && hi > 0);
	for (int i = 0; i < 1000; i++) {
		int64_t v = ov_rng_range(&r, 0, INT64_MAX);
		assert_true(v >= 0);
		v = ov_rng_range(&r, INT64_MIN, INT64_MIN + 1);
		assert_true(v == INT64_MIN || v == INT64_MIN + 1);
	}
}

static void test_unit_interval(void **state)
{
	(void)state;
	ov_rng r;
	ov_rng_seed(&r, 3);
	double sum = 0;
	for (int i = 0; i < 10000; i++) {
		double u = ov_rng_unit(&r);
		assert_true(u >= 0.0 && u < 1.0);
		sum += u;
	}
	assert_true(sum > 4800 && sum < 5200);
}

static void test_weighted_respects_zero(void **state)
{
	(void)state;
	ov_rng r;
	ov_rng_seed(&r, 4);
	const int w[] = {0, 1, 0, 3, 0};
	int seen[5] = {0};
	for (int i = 0; i < 8000; i++) {
		int k = ov_rng_weighted(&r, w, 5);
		assert_in_range(k, 0, 4);
		seen[k]++;
	}
	assert_int_equal(seen[0], 0);
	assert_int_equal(seen[2], 0);
	assert_int_equal(seen[4], 0);
	/* About 1 : 3. */
	assert_in_range(seen[1], 1700, 2300);
	assert_in_range(seen[3], 5700, 6300);
	const int last[] = {0, 0, 7};
	for (int i = 0; i < 100; i++)
		assert_int_equal(ov_rng_weighted(&r, last, 3), 2);
	const int first[] = {9, 0};
	for (int i = 0; i < 100; i++)
		assert_int_equal(ov_rng_weighted(&r, first, 2), 0);
}

static void test_chance_limits(void **state)
{
	(void)state;
	ov_rng r;
	ov_rng_seed(&r, 5);
	int half = 0;
	for (int i = 0; i < 10000; i++) {
		assert_false(ov_rng_chance(&r, 0));
		assert_true(ov_rng_chance(&r, 1000));
		half += ov_rng_chance(&r, 500);
	}
	assert_in_range(half, 4700, 5300);
}

/* Last: hi - lo overflows when the span exceeds INT64_MAX. */
static void test_range_full_and_wide(void **state)
{
	(void)state;
	ov_rng r;
	ov_rng_seed(&r, 6);
	int neg = 0, pos = 0;
	for (int i = 0; i < 1000; i++) {
		int64_t v = ov_rng_range(&r, INT64_MIN, INT64_MAX);
		neg += v < 0;
		pos += v > 0;
	}
	assert_true(neg > 400 && pos > 400);
	for (int i = 0; i < 1000; i++) {
		int64_t v = ov_rng_range(&r, -1, INT64_MAX);
		assert_true(v >= -1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_seed_same_sequence),
		cmocka_unit_test(test_range_inclusive),
		cmocka_unit_test(test_unit_interval),
		cmocka_unit_test(test_weighted_respects_zero),
		cmocka_unit_test(test_chance_limits),
		cmocka_unit_test(test_range_full_and_wide),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
