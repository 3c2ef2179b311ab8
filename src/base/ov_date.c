/*
 * ov_date.c - day-number arithmetic (Howard Hinnant's civil algorithms)
 * and Norwegian public holidays. Hand-written because libc's mktime
 * depends on the time zone and has no holiday calendar.
 */
#include "ov_date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

ov_day ov_date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void ov_date_to_ymd(ov_day z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long dd = doy - (153 * mp + 2) / 5 + 1;
	long mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

int ov_date_weekday(ov_day day)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	long w = (day + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

int ov_days_in_month(int y, int m)
{
	static const int len[] = {31, 28, 31, 30, 31, 30,
				  31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return len[m - 1];
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int ov_month_parse(const char *s, int *year, int *month)
{
	if (!s || strlen(s) != 7 || s[4] != '-')
		return -1;
	int y = digits(s, 4), m = digits(s + 5, 2);
	if (y < 1900 || y > 2199 || m < 1 || m > 12)
		return -1;
	*year = y;
	*month = m;
	return 0;
}

int ov_date_parse(const char *s, ov_day *out)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 ||
	    d > ov_days_in_month(y, m))
		return -1;
	*out = ov_date_from_ymd(y, m, d);
	return 0;
}

char *ov_date_format(ov_day day, char *buf, size_t n)
{
	int y, m, d;
	ov_date_to_ymd(day, &y, &m, &d);
	snprintf(buf, n, "%04d-%02d-%02d", y, m, d);
	return buf;
}

ov_day ov_today(void)
{
	ov_day day;
	const char *env = getenv("OVTTAS_TODAY");
	if (env && ov_date_parse(env, &day) == 0)
		return day;
	/* Norway is UTC+1 or +2; an hour's error at midnight is fine for
	 * a date shown on reports, and avoids depending on TZ data. */
	time_t now = time(NULL) + 3600;
	return (ov_day)(now / 86400);
}

ov_day ov_easter_sunday(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;
	return ov_date_from_ymd(y, month, day);
}

int ov_is_public_holiday(ov_day day)
{
	int y, m, d;
	ov_date_to_ymd(day, &y, &m, &d);
	if ((m == 1 && d == 1) || (m == 5 && (d == 1 || d == 17)) ||
	    (m == 12 && (d == 25 || d == 26)))
		return 1;
	/* Skjærtorsdag, langfredag, påskedag, 2. påskedag, Kristi
	 * himmelfartsdag, pinsedag, 2. pinsedag. */
	static const int from_easter[] = {-3, -2, 0, 1, 39, 49, 50};
	ov_day easter = ov_easter_sunday(y);
	for (size_t i = 0; i < sizeof from_easter / sizeof *from_easter; i++)
		if (day == easter + from_easter[i])
			return 1;
	return 0;
}
