/*
 * test_money.c - ov_money: whole-krone and krone-øre formatting with
 * Norwegian grouping, rounding half away from zero, strict parsing of
 * amounts, and per-mille shares.
 */
#include <stdint.h>
#include <string.h>

#include "base/ov_money.h"
#include "support/support.h"

static const char *kr(ov_ore v)
{
	static char buf[64];
	return ov_money_kr(v, buf, sizeof buf);
}

static const char *kr_ore(ov_ore v)
{
	static char buf[64];
	return ov_money_kr_ore(v, buf, sizeof buf);
}

static void test_kr_formatting(void **state)
{
	(void)state;
	assert_string_equal(kr(0), "0");
	assert_string_equal(kr(OV_KR(7)), "7");
	assert_string_equal(kr(OV_KR(999)), "999");
	assert_string_equal(kr(OV_KR(1000)), "1 000");
	assert_string_equal(kr(OV_KR(1234567)), "1 234 567");
	assert_string_equal(kr(OV_KR(-1234567)), "-1 234 567");
	assert_string_equal(kr(OV_KR(-100)), "-100");
	assert_string_equal(kr(OV_KR(123456)), "123 456");
	assert_string_equal(kr(OV_KR(1000000000)), "1 000 000 000");
}

static void test_kr_rounds_half_away_from_zero(void **state)
{
	(void)state;
	assert_string_equal(kr(150), "2");
	assert_string_equal(kr(149), "1");
	assert_string_equal(kr(50), "1");
	assert_string_equal(kr(49), "0");
	assert_string_equal(kr(-150), "-2");
	assert_string_equal(kr(-149), "-1");
	assert_string_equal(kr(-50), "-1");
	/* Rounds to zero: no "-0". */
	assert_string_equal(kr(-49), "0");
	assert_string_equal(kr(99950), "1 000");
	assert_string_equal(kr(-123456789), "-1 234 568");
	/* The extremes do not overflow. */
	assert_string_equal(kr(INT64_MAX), "92 233 720 368 547 758");
	assert_string_equal(kr(INT64_MIN), "-92 233 720 368 547 758");
}

static void test_kr_ore_formatting(void **state)
{
	(void)state;
	assert_string_equal(kr_ore(0), "0,00");
	assert_string_equal(kr_ore(100), "1,00");
	assert_string_equal(kr_ore(5), "0,05");
	assert_string_equal(kr_ore(-5), "-0,05");
	assert_string_equal(kr_ore(123450), "1 234,50");
	assert_string_equal(kr_ore(-123456), "-1 234,56");
	assert_string_equal(kr_ore(100000000), "1 000 000,00");
}

static void test_parse_accepts(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		ov_ore v;
	} ok[] = {
		{"1234,5", 123450}, {"-12.05", -1205}, {"7", 700},
		{"0", 0},           {"0,01", 1},       {"-0,5", -50},
		{"+3", 300},        {"1234.56", 123456},
		{"9000000000000000", (ov_ore)9000000000000000 * 100},
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		ov_ore v = -1;
		if (ov_money_parse(ok[i].s, &v) != 0)
			fail_msg("rejected '%s'", ok[i].s);
		assert_int_equal(v, ok[i].v);
	}
}

static void test_parse_rejects(void **state)
{
	(void)state;
	static const char *bad[] = {
		"",      "1,234", "1.2.3",  "12,345", "1 234", "12,",
		",5",    "-",     "abc",    "1e3",    "12,3a", " 12",
		"12 ",   "--1",   "1,2,3",  "0x10",
		"99999999999999999999", "92233720368547758080",
		"-100000000000000000000",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ov_ore v = 42;
		if (ov_money_parse(bad[i], &v) != -1)
			fail_msg("accepted '%s'", bad[i]);
		assert_int_equal(v, 42); /* untouched on failure */
	}
	ov_ore v;
	assert_int_equal(ov_money_parse(NULL, &v), -1);
}

static void test_permille(void **state)
{
	(void)state;
	assert_int_equal(ov_permille_of(1034, 1000), 1034);
	assert_int_equal(ov_permille_of(-1034, 1000), -1034);
	assert_int_equal(ov_permille_of(150000, 100000), 1500);
	assert_int_equal(ov_permille_of(1, 3), 333);
	assert_int_equal(ov_permille_of(2, 3), 667);
	assert_int_equal(ov_permille_of(-2, 3), -667);
	/* Exactly half a tenth rounds away from zero. */
	assert_int_equal(ov_permille_of(1, 2000), 1);
	assert_int_equal(ov_permille_of(-1, 2000), -1);
	assert_int_equal(ov_permille_of(1, -2000), -1);
	assert_int_equal(ov_permille_of(1, 2001), 0);
	assert_int_equal(ov_permille_of(0, 5), 0);
	assert_int_equal(ov_permille_of(5, 0), 0);
	assert_int_equal(ov_permille_of(0, 0), 0);
	/* Large budgets: 2 billion kroner against 1.5 billion. */
	assert_int_equal(ov_permille_of(OV_KR(2000000000), OV_KR(1500000000)),
			 1333);
}

static void test_pct_format(void **state)
{
	(void)state;
	char buf[32];
	assert_string_equal(ov_pct_format(1034, buf, sizeof buf), "103,4");
	assert_string_equal(ov_pct_format(0, buf, sizeof buf), "0,0");
	assert_string_equal(ov_pct_format(1000, buf, sizeof buf), "100,0");
	assert_string_equal(ov_pct_format(-5, buf, sizeof buf), "-0,5");
	assert_string_equal(ov_pct_format(-1234, buf, sizeof buf), "-123,4");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kr_formatting),
		cmocka_unit_test(test_kr_rounds_half_away_from_zero),
		cmocka_unit_test(test_kr_ore_formatting),
		cmocka_unit_test(test_parse_accepts),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_permille),
		cmocka_unit_test(test_pct_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
