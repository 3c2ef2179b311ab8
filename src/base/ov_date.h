/*
 * ov_date.h - civil dates as day numbers, ISO-8601 parsing and printing,
 * and the Norwegian calendar (public holidays) that rota rules need.
 */
#ifndef OV_DATE_H
#define OV_DATE_H

#include <stddef.h>

/* Days since 1970-01-01 (negative before). Proleptic Gregorian. */
typedef long ov_day;

/* Day number of a valid y-m-d; the caller has checked the ranges. */
ov_day ov_date_from_ymd(int y, int m, int d);

/* Splits a day number into year, month (1-12) and day (1-31). */
void ov_date_to_ymd(ov_day day, int *y, int *m, int *d);

/* 0 = Monday ... 6 = Sunday (Norwegian week). */
int ov_date_weekday(ov_day day);

/* Days in month m (1-12) of year y. */
int ov_days_in_month(int y, int m);

/*
 * Parses "YYYY-MM-DD" (exactly). Returns 0 and sets *out, or -1 if s is
 * not a real date (2026-02-30 is rejected).
 */
int ov_date_parse(const char *s, ov_day *out);

/* Parses "YYYY-MM" (year 1900-2199). Returns 0, or -1 if malformed. */
int ov_month_parse(const char *s, int *year, int *month);

/* Writes "YYYY-MM-DD" into buf (at least 11 bytes). Returns buf. */
char *ov_date_format(ov_day day, char *buf, size_t n);

/*
 * Today's date in Norway's time zone, or OVTTAS_TODAY (YYYY-MM-DD) when
 * that is set and valid, so reports "as of" a date can be reproduced.
 */
ov_day ov_today(void);

/* Easter Sunday of year y (anonymous Gregorian algorithm). */
ov_day ov_easter_sunday(int y);

/*
 * Nonzero if the day is a Norwegian public holiday (helligdag or
 * 1 and 17 May): the days that count as Sunday in the rota rules.
 */
int ov_is_public_holiday(ov_day day);

#endif
