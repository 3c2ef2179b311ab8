/*
 * org_absence.c - sick leave (sykefravær) of a period: the share of the
 * agreed working days lost to the employees' own illness, in total and
 * split into self-certified (egenmelding) and doctor-certified
 * (sykmelding) leave. Read by view/ for the status overview.
 *
 * The formula is NAV's and SSB's (SSB, "Sykefravær, om statistikken:
 * definisjoner", ssb.no/arbeid-og-lonn/statistikker/sykefratot; NAV,
 * "Om statistikken sykefravær, 4. Begreper"):
 *
 *   sykefraværsprosent = tapte dagsverk × 100 / avtalte dagsverk
 *
 *   avtalte dagsverk (agreed) = Σ over posts: working days in the
 *       period × the post's FTE (stillingsandel, 0-1)
 *   tapte dagsverk (lost)     = Σ over absence days that are working
 *       days: the FTE × the absence percent (sykmeldingsgrad, 0-1)
 *
 * where a working day is Monday to Friday and not a public holiday
 * (1 and 17 May, Maundy Thursday, ...: ov_is_public_holiday), as NAV
 * and SSB count them, whatever the employee's own rota. An employee with
 * two posts counts in both, as SSB counts each arbeidsforhold. Both
 * sums are kept in millionths of a full-time day (FTE in basis points ×
 * percent), so they are exact integers; the percentage is given in
 * tenths (permille). Spells of one employee should not overlap: days
 * two spells share would be counted twice.
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "org.h"

/* A working day in NAV's and SSB's sense. */
static int working_day(ov_day day)
{
	return ov_date_weekday(day) < 5 && !ov_is_public_holiday(day);
}

/* Working days of [from, to] counted up to each day: cum[i] is the
 * number in [from, from + i), so [a, b] holds cum[b-from+1] -
 * cum[a-from]. */
typedef struct {
	ov_day from, to;
	int *cum;
} calendar;

static int calendar_make(calendar *c, ov_day from, ov_day to)
{
	size_t n = (size_t)(to - from) + 2;
	c->from = from;
	c->to = to;
	c->cum = malloc(n * sizeof *c->cum);
	if (!c->cum)
		return -1;
	c->cum[0] = 0;
	for (size_t i = 1; i < n; i++)
		c->cum[i] = c->cum[i - 1] +
			    working_day(from + (ov_day)(i - 1));
	return 0;
}

/* Working days of [a, b] cut to the calendar's period; 0 if empty. */
static int64_t calendar_days(const calendar *c, ov_day a, ov_day b)
{
	if (a < c->from)
		a = c->from;
	if (b > c->to)
		b = c->to;
	if (a > b)
		return 0;
	return c->cum[b - c->from + 1] - c->cum[a - c->from];
}

/* An ISO date column, or fallback when it is empty or not a date (a
 * post with no start or end). */
static ov_day col_day(db_stmt *st, int i, ov_day fallback)
{
	ov_day day;
	return ov_date_parse(db_col_text(st, i), &day) == 0 ? day : fallback;
}

/* The posts held in the scope ($1 municipality or 0, $2 sector code or
 * '') on a day of the period [$3, $4]. Dates are ISO text, which
 * compares as the dates do. */
#define POST_SCOPE                                                            \
	"JOIN unit u ON u.id = p.unit_id "                                    \
	"JOIN sector s ON s.id = u.sector_id "                                \
	"WHERE p.employee_id IS NOT NULL "                                    \
	"AND ($1 = 0 OR u.municipality_id = $1) "                             \
	"AND (s.code = $2 OR $2 = '') "                                       \
	"AND (p.starts_on IS NULL OR p.starts_on <= $4) "                     \
	"AND (p.ends_on IS NULL OR p.ends_on >= $3) "

static const char *const agreed_sql =
	"SELECT p.fte_bp, coalesce(p.starts_on, ''), coalesce(p.ends_on, '') "
	"FROM position p " POST_SCOPE "ORDER BY p.id";

/* Each spell with a day in the period, once for every post in scope its
 * employee holds then. */
static const char *const lost_sql =
	"SELECT a.id, a.employee_id, a.kind, a.percent, a.starts_on, "
	"a.ends_on, p.fte_bp, coalesce(p.starts_on, ''), "
	"coalesce(p.ends_on, '') "
	"FROM absence a JOIN position p ON p.employee_id = a.employee_id "
	POST_SCOPE "AND a.starts_on <= $4 AND a.ends_on >= $3 "
	"ORDER BY a.employee_id, a.id, p.id";

static void bind_scope(db_stmt *st, int64_t municipality_id,
		       const char *sector_code, const char *from,
		       const char *to)
{
	db_bind_int(st, 1, municipality_id);
	db_bind_text(st, 2, sector_code ? sector_code : "");
	db_bind_text(st, 3, from);
	db_bind_text(st, 4, to);
}

static ov_status sum_agreed(db *d, const calendar *c, int64_t muni,
			    const char *sector, const char *from,
			    const char *to, org_sick_leave *out, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d, agreed_sql, &st, err);
	if (rc != OV_OK)
		return rc;
	bind_scope(st, muni, sector, from, to);
	int r;
	while ((r = db_step(st, err)) == 1) {
		int64_t fte = db_col_int(st, 0);
		int64_t days = calendar_days(c, col_day(st, 1, c->from),
					     col_day(st, 2, c->to));
		out->agreed_e6 += days * fte * 100;
	}
	db_finalize(st);
	return r < 0 ? OV_E_DB : OV_OK;
}

static ov_status sum_lost(db *d, const calendar *c, int64_t muni,
			  const char *sector, const char *from,
			  const char *to, org_sick_leave *out, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d, lost_sql, &st, err);
	if (rc != OV_OK)
		return rc;
	bind_scope(st, muni, sector, from, to);
	int64_t last_absence = 0, last_absent = 0;
	int r;
	while ((r = db_step(st, err)) == 1) {
		int64_t id = db_col_int(st, 0), emp = db_col_int(st, 1);
		int self = !strcmp(db_col_text(st, 2), "self_certified");
		int64_t percent = db_col_int(st, 3);
		ov_day a = col_day(st, 4, c->to + 1), b = col_day(st, 5, 0);
		ov_day pa = col_day(st, 7, c->from), pb = col_day(st, 8, c->to);
		/* the spell's days in the period while the post was held */
		if (pa > a)
			a = pa;
		if (pb < b)
			b = pb;
		if (a < c->from)
			a = c->from;
		if (b > c->to)
			b = c->to;
		if (a > b)
			continue;
		if (id != last_absence)
			out->absences++;
		if (emp != last_absent)
			out->employees_absent++;
		last_absence = id;
		last_absent = emp;
		int64_t lost = calendar_days(c, a, b) * db_col_int(st, 6) *
			       percent;
		out->lost_e6 += lost;
		if (self)
			out->lost_self_certified_e6 += lost;
		else
			out->lost_doctor_certified_e6 += lost;
	}
	db_finalize(st);
	return r < 0 ? OV_E_DB : OV_OK;
}

/* part / whole in tenths of a per cent, rounded half up; 0 when whole
 * is 0. */
static int permille(int64_t part, int64_t whole)
{
	return whole > 0 ? (int)((part * 2000 / whole + 1) / 2) : 0;
}

ov_status org_sick_leave_sector_get(db *d, int64_t municipality_id,
				    const char *sector_code, ov_day from,
				    ov_day to, org_sick_leave *out,
				    ov_err *err)
{
	memset(out, 0, sizeof *out);
	out->municipality_id = municipality_id;
	out->from = from;
	out->to = to;
	char f[16], t[16];
	ov_date_format(from, f, sizeof f);
	ov_date_format(to, t, sizeof t);
	if (to < from)
		return OV_FAIL(err, OV_E_USAGE, NULL,
			       _("the period ends (%s) before it starts (%s)"),
			       t, f);
	calendar c;
	if (calendar_make(&c, from, to) < 0)
		return OV_FAIL(err, OV_E_NOMEM, NULL, _("out of memory"));
	ov_status rc = sum_agreed(d, &c, municipality_id, sector_code, f, t,
				  out, err);
	if (rc == OV_OK)
		rc = sum_lost(d, &c, municipality_id, sector_code, f, t, out,
			      err);
	free(c.cum);
	if (rc != OV_OK) {
		memset(out, 0, sizeof *out);
		return rc;
	}
	out->permille = permille(out->lost_e6, out->agreed_e6);
	out->self_certified_permille =
		permille(out->lost_self_certified_e6, out->agreed_e6);
	out->doctor_certified_permille =
		permille(out->lost_doctor_certified_e6, out->agreed_e6);
	return OV_OK;
}

ov_status org_sick_leave_get(db *d, int64_t municipality_id, ov_day from,
			     ov_day to, org_sick_leave *out, ov_err *err)
{
	return org_sick_leave_sector_get(d, municipality_id, NULL, from, to,
					 out, err);
}
