/*
 * test_date.c - ov_date: day numbers both ways over many centuries,
 * weekdays, strict ISO parsing, Easter and the Norwegian public holidays
 * that the rota rules count as Sundays.
 */
#include <string.h>

#include "base/ov_date.h"
#include "support/support.h"

static ov_day ymd(int y, int m, int d)
{
	return ov_date_from_ymd(y, m, d);
}

static void test_known_day_numbers(void **state)
{
	(void)state;
	assert_int_equal(ymd(1970, 1, 1), 0);
	assert_int_equal(ymd(1969, 12, 31), -1);
	assert_int_equal(ymd(2000, 3, 1), 11017);
	assert_int_equal(ymd(2024, 2, 29), 19782);
	assert_int_equal(ymd(1900, 1, 1), -25567);
	assert_int_equal(ymd(1600, 1, 1), -135140);
}

/* Every day from 1600 to 2400, negative day numbers included: the two
 * conversions agree, and the calendar advances one day at a time. */
static void test_round_trip_many_years(void **state)
{
	(void)state;
	ov_day from = ymd(1600, 1, 1), to = ymd(2400, 12, 31);
	int py = 1599, pm = 12, pd = 31;
	for (ov_day day = from; day <= to; day++) {
		int y, m, d;
		ov_date_to_ymd(day, &y, &m, &d);
		assert_int_equal(ov_date_from_ymd(y, m, d), day);
		assert_in_range(m, 1, 12);
		assert_in_range(d, 1, ov_days_in_month(y, m));
		if (d == 1) {
			assert_int_equal(pd, ov_days_in_month(py, pm));
			assert_true((m == pm + 1 && y == py) ||
				    (m == 1 && pm == 12 && y == py + 1));
		} else {
			assert_true(y == py && m == pm && d == pd + 1);
		}
		py = y, pm = m, pd = d;
	}
	assert_true(py == 2400 && pm == 12 && pd == 31);
}

static void test_days_in_month_and_leap_years(void **state)
{
	(void)state;
	assert_int_equal(ov_days_in_month(2024, 2), 29);
	assert_int_equal(ov_days_in_month(2026, 2), 28);
	assert_int_equal(ov_days_in_month(2000, 2), 29);
	assert_int_equal(ov_days_in_month(1900, 2), 28);
	assert_int_equal(ov_days_in_month(2100, 2), 28);
	assert_int_equal(ov_days_in_month(2026, 4), 30);
	assert_int_equal(ov_days_in_month(2026, 12), 31);
	/* A leap year has 366 days. */
	assert_int_equal(ymd(2025, 1, 1) - ymd(2024, 1, 1), 366);
	assert_int_equal(ymd(1901, 1, 1) - ymd(1900, 1, 1), 365);
}

static void test_weekdays(void **state)
{
	(void)state;
	assert_int_equal(ov_date_weekday(ymd(1970, 1, 1)), 3); /* Thu */
	assert_int_equal(ov_date_weekday(ymd(1969, 12, 29)), 0); /* Mon */
	assert_int_equal(ov_date_weekday(ymd(1900, 1, 1)), 0);   /* Mon */
	assert_int_equal(ov_date_weekday(ymd(2000, 2, 29)), 1);  /* Tue */
	assert_int_equal(ov_date_weekday(ymd(2024, 5, 17)), 4);  /* Fri */
	assert_int_equal(ov_date_weekday(ymd(2026, 5, 17)), 6);  /* Sun */
	assert_int_equal(ov_date_weekday(ymd(1600, 1, 1)), 5);   /* Sat */
	for (ov_day d = -1000; d < 1000; d++)
		assert_int_equal(ov_date_weekday(d + 1),
				 (ov_date_weekday(d) + 1) % 7);
}

static void test_parse_accepts_real_dates(void **state)
{
	(void)state;
	ov_day d;
	assert_int_equal(ov_date_parse("2026-02-28", &d), 0);
	assert_int_equal(d, ymd(2026, 2, 28));
	assert_int_equal(ov_date_parse("2024-02-29", &d), 0);
	assert_int_equal(d, ymd(2024, 2, 29));
	assert_int_equal(ov_date_parse("1900-01-01", &d), 0);
	assert_int_equal(d, ymd(1900, 1, 1));
	assert_int_equal(ov_date_parse("2199-12-31", &d), 0);
	char buf[16];
	assert_string_equal(ov_date_format(ymd(2026, 5, 17), buf, sizeof buf),
			    "2026-05-17");
	assert_string_equal(ov_date_format(-1, buf, sizeof buf), "1969-12-31");
	assert_int_equal(ov_date_parse(buf, &d), 0);
	assert_int_equal(d, -1);
}

static void test_parse_rejects_the_rest(void **state)
{
	(void)state;
	static const char *bad[] = {
		"2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00",
		"2023-02-29", "2026-04-31", "garbage",    "",
		"2026-1-01",  "2026-01-011", "2026/01/01", " 2026-01-01",
		"2026-01-01 ", "1899-12-31", "2200-01-01", "20260101",
		"2026-0a-01", "+026-01-01",
	};
	ov_day d = 12345;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (ov_date_parse(bad[i], &d) != -1)
			fail_msg("accepted '%s'", bad[i]);
	}
	assert_int_equal(ov_date_parse(NULL, &d), -1);
	assert_int_equal(d, 12345); /* untouched on failure */
}

static void test_month_parse(void **state)
{
	(void)state;
	int y = 0, m = 0;
	assert_int_equal(ov_month_parse("2026-03", &y, &m), 0);
	assert_int_equal(y, 2026);
	assert_int_equal(m, 3);
	assert_int_equal(ov_month_parse("1900-12", &y, &m), 0);
	assert_int_equal(y, 1900);
	assert_int_equal(m, 12);
	static const char *bad[] = {"2026-13", "2026-00", "2026-3",
				    "202603",  "2026-03-01", "abcd-ef",
				    "",        "1899-12", "2200-01", "2026_03"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (ov_month_parse(bad[i], &y, &m) != -1)
			fail_msg("accepted '%s'", bad[i]);
	assert_int_equal(ov_month_parse(NULL, &y, &m), -1);
}

static void test_easter_sunday(void **state)
{
	(void)state;
	static const int known[][3] = {
		{2024, 3, 31}, {2025, 4, 20}, {2026, 4, 5},  {2019, 4, 21},
		{2000, 4, 23}, {2008, 3, 23}, {1818, 3, 22}, {2038, 4, 25},
		{1943, 4, 25}, {2285, 3, 22},
	};
	for (size_t i = 0; i < sizeof known / sizeof *known; i++) {
		ov_day e = ov_easter_sunday(known[i][0]);
		assert_int_equal(e, ymd(known[i][0], known[i][1], known[i][2]));
	}
	for (int y = 1900; y <= 2199; y++) {
		ov_day e = ov_easter_sunday(y);
		assert_int_equal(ov_date_weekday(e), 6);
		assert_in_range(e, ymd(y, 3, 22), ymd(y, 4, 25));
	}
}

static void test_norwegian_holidays(void **state)
{
	(void)state;
	static const int y2026[][2] = {
		{1, 1},   {4, 2},  {4, 3},  {4, 5},  /* Maundy Thu ... Easter */
		{4, 6},   {5, 1},  {5, 14}, {5, 17}, /* Easter Mon, Ascension */
		{5, 24},  {5, 25}, {12, 25}, {12, 26}, /* Whitsun */
	};
	for (size_t i = 0; i < sizeof y2026 / sizeof *y2026; i++)
		if (!ov_is_public_holiday(ymd(2026, y2026[i][0], y2026[i][1])))
			fail_msg("2026-%02d-%02d not a holiday", y2026[i][0],
				 y2026[i][1]);
	/* Holy Saturday, Christmas Eve, New Year's Eve are ordinary days;
	 * so is Midsummer Eve. */
	assert_false(ov_is_public_holiday(ymd(2026, 4, 4)));
	assert_false(ov_is_public_holiday(ymd(2026, 12, 24)));
	assert_false(ov_is_public_holiday(ymd(2026, 12, 31)));
	assert_false(ov_is_public_holiday(ymd(2026, 6, 23)));
	assert_false(ov_is_public_holiday(ymd(2026, 5, 16)));
	/* 2025: Ascension 29 May, Whit Monday 9 June. */
	assert_true(ov_is_public_holiday(ymd(2025, 5, 29)));
	assert_true(ov_is_public_holiday(ymd(2025, 6, 9)));
	assert_false(ov_is_public_holiday(ymd(2025, 6, 10)));

	int n2026 = 0, n2008 = 0;
	for (ov_day d = ymd(2026, 1, 1); d <= ymd(2026, 12, 31); d++)
		n2026 += ov_is_public_holiday(d) != 0;
	/* In 2008 Ascension fell on 1 May: one day fewer. */
	for (ov_day d = ymd(2008, 1, 1); d <= ymd(2008, 12, 31); d++)
		n2008 += ov_is_public_holiday(d) != 0;
	assert_int_equal(n2026, 12);
	assert_int_equal(n2008, 11);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_day_numbers),
		cmocka_unit_test(test_round_trip_many_years),
		cmocka_unit_test(test_days_in_month_and_leap_years),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_parse_accepts_real_dates),
		cmocka_unit_test(test_parse_rejects_the_rest),
		cmocka_unit_test(test_month_parse),
		cmocka_unit_test(test_easter_sunday),
		cmocka_unit_test(test_norwegian_holidays),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
