/*
 * rota_check.c - the referee: checks a roster against every hard rule of a
 * rota problem and recomputes every penalty, sharing no code with the
 * solver. Called by the CLI, the benchmark, the tests and the solver's
 * callers to judge a roster.
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "rota/rota.h"

#define DAY_MIN 1440
#define WEEK_MIN (7 * DAY_MIN)
/* Stands for minus and plus infinity on the weekly-rest timeline. */
#define FAR ((long long)1 << 40)

/* A limit that is negative (ROTA_UNLIMITED) does not apply. */
static int limited(int limit)
{
	return limit >= 0;
}

static int clamp_int(long long v)
{
	if (v > 0x7fffffffLL)
		return 0x7fffffff;
	if (v < -0x7fffffffLL)
		return -0x7fffffff;
	return (int)v;
}

/*
 * Records one breach: always counted, listed while there is room.
 * Returns OV_E_NOMEM only if the list could not be allocated.
 */
static ov_status add(rota_report *rep, rota_violation_kind kind, int e,
		     int day, long long value, long long limit)
{
	rep->n_violations++;
	rep->by_kind[kind]++;
	if (rep->n_listed >= ROTA_CHECK_MAX_LISTED)
		return OV_OK;
	if (!rep->violations) {
		rep->violations = calloc(ROTA_CHECK_MAX_LISTED,
					 sizeof *rep->violations);
		if (!rep->violations)
			return OV_E_NOMEM;
	}
	rota_violation *v = &rep->violations[rep->n_listed++];
	v->kind = kind;
	v->employee = e;
	v->day = day;
	v->value = clamp_int(value);
	v->limit = clamp_int(limit);
	return OV_OK;
}

#define ADD(...)                                                              \
	do {                                                                  \
		if (add(__VA_ARGS__) != OV_OK)                                \
			return OV_E_NOMEM;                                    \
	} while (0)

/*
 * The weekly-rest rule for one employee. `work` holds the employee's shift
 * per day (ROTA_OFF when off). The off gaps are (-inf, first start), the
 * gaps between consecutive worked intervals and (last end, +inf); each
 * calendar week needs one gap overlapping it by min_weekly_rest minutes.
 * `best` is scratch space of n_weeks entries.
 */
static ov_status check_weekly_rest(const rota_problem *p, int e,
				   const int *work, long long *best,
				   rota_report *rep)
{
	int n_weeks = (p->n_days + 6) / 7;
	long long gap_lo = -FAR; /* the current gap starts here */

	for (int w = 0; w < n_weeks; w++)
		best[w] = 0;
	/* Each day closes the gap before its interval (if any); a final
	 * pass with day == n_days closes the gap to +inf. */
	for (int d = 0; d <= p->n_days; d++) {
		long long lo, hi;
		if (d < p->n_days) {
			if (work[d] == ROTA_OFF)
				continue;
			const rota_shift *sh = &p->shifts[work[d]];
			int start = sh->start >= 0 ? sh->start : 0;
			lo = (long long)d * DAY_MIN + start;
			hi = lo + sh->length;
		} else {
			lo = FAR;
			hi = FAR;
		}
		/* The gap [gap_lo, lo), if not empty, against every week. */
		for (int w = 0; w < n_weeks && lo > gap_lo; w++) {
			long long ws = (long long)w * WEEK_MIN;
			long long we = ws + WEEK_MIN;
			long long a = gap_lo > ws ? gap_lo : ws;
			long long b = lo < we ? lo : we;
			if (b - a > best[w])
				best[w] = b - a;
		}
		if (hi > gap_lo)
			gap_lo = hi;
	}
	for (int w = 0; w < n_weeks; w++)
		if (best[w] < p->law.min_weekly_rest)
			ADD(rep, ROTA_V_WEEKLY_REST, e, 7 * w, best[w],
			    p->law.min_weekly_rest);
	return OV_OK;
}

/* Whether `work` works Sunday day `sun` in the sense of § 10-10: some
 * shift overlaps Saturday 18:00 to Sunday 22:00, minutes counted from
 * Saturday 00:00 (a shift without a clock time counts on its own day). */
static int works_sunday(const rota_problem *p, const int *work, int sun)
{
	int sat = sun - 1;
	if (sat >= 0 && work[sat] != ROTA_OFF) {
		const rota_shift *a = &p->shifts[work[sat]];
		if (a->start >= 0 && a->start + a->length > 18 * 60)
			return 1;
	}
	if (work[sun] != ROTA_OFF) {
		const rota_shift *b = &p->shifts[work[sun]];
		if (b->start < 0 || b->start < 22 * 60)
			return 1;
	}
	return 0;
}

/* The Sunday rule (§ 10-8 (4)) and the night workers' average
 * (§ 10-11 (6)) for employee e. */
static ov_status check_sunday_night(const rota_problem *p, int e,
				    const int *work, rota_report *rep)
{
	const int nd = p->n_days;
	if (p->law.sunday_rule) {
		int n_sun = nd / 7; /* Sundays are days 6, 13, ... */
		int most = (n_sun + 1) / 2, worked = 0, prev = 0, over_at = -1;
		for (int sun = 6; sun < nd; sun += 7) {
			int w = works_sunday(p, work, sun);
			/* day = the first Sunday of the two in a row. */
			if (p->law.sunday_rule == ROTA_SUNDAY_NEXT_OFF && w && prev)
				ADD(rep, ROTA_V_SUNDAY, e, sun - 7, 2, 1);
			worked += w;
			if (worked > most && over_at < 0)
				over_at = sun;
			prev = w;
		}
		/* day = the first Sunday past the half. */
		if (p->law.sunday_rule == ROTA_SUNDAY_AVERAGE && over_at >= 0)
			ADD(rep, ROTA_V_SUNDAY, e, over_at, worked, most);
	}
	if (p->law.night_avg_minutes > 0) {
		long long minutes = 0;
		int shifts = 0, nights = 0;
		for (int d = 0; d < nd; d++)
			if (work[d] != ROTA_OFF) {
				shifts++;
				nights += p->shifts[work[d]].category == ROTA_CAT_NIGHT;
				minutes += p->shifts[work[d]].length;
			}
		long long cap = (long long)p->law.night_avg_minutes *
				(nd - nd / 7);
		/* day = 0: the rule is over the whole period. */
		if (2 * nights > shifts && minutes > cap)
			ADD(rep, ROTA_V_NIGHT_AVERAGE, e, 0, minutes, cap);
	}
	return OV_OK;
}

/*
 * Every hard rule for employee e. `work` is scratch space of n_days
 * entries, `best` of n_weeks entries.
 */
static ov_status check_employee(const rota_problem *p, const rota_roster *r,
				int e, int *work, long long *best,
				rota_report *rep)
{
	const rota_employee *em = &p->employees[e];
	const int nd = p->n_days;
	const int *row = r->assign + (size_t)e * (size_t)nd;

	/* Bad shifts: reported, then the day counts as off. */
	for (int d = 0; d < nd; d++) {
		int s = row[d];
		if (s != ROTA_OFF && (s < 0 || s >= p->n_shifts)) {
			ADD(rep, ROTA_V_BAD_SHIFT, e, d, s, p->n_shifts);
			s = ROTA_OFF;
		}
		work[d] = s;
	}

	/* Fixed days off: value = the shift worked, limit 0. */
	if (em->day_off)
		for (int d = 0; d < nd; d++)
			if (work[d] != ROTA_OFF && em->day_off[d])
				ADD(rep, ROTA_V_DAY_OFF, e, d, work[d], 0);

	/* Successions: day = the first day, value = the next day's shift,
	 * limit = the first day's shift. */
	for (int d = 0; d + 1 < nd; d++) {
		int s = work[d], t = work[d + 1];
		if (s == ROTA_OFF || t == ROTA_OFF)
			continue;
		if (p->shifts[s].forbidden_next &&
		    p->shifts[s].forbidden_next[t])
			ADD(rep, ROTA_V_SUCCESSION, e, d, t, s);
	}

	/* Shift counts: day = the day of the first shift above the limit. */
	if (em->max_shifts)
		for (int s = 0; s < p->n_shifts; s++) {
			int lim = em->max_shifts[s], count = 0, first = -1;
			if (!limited(lim))
				continue;
			for (int d = 0; d < nd; d++)
				if (work[d] == s && ++count == lim + 1)
					first = d;
			if (count > lim)
				ADD(rep, ROTA_V_MAX_SHIFTS, e, first, count, lim);
		}

	/* Minutes over the horizon. MAX: day = where the total first goes
	 * above the limit; MIN: day 0. */
	{
		long long total = 0;
		int over_day = -1;
		for (int d = 0; d < nd; d++) {
			if (work[d] == ROTA_OFF)
				continue;
			total += p->shifts[work[d]].length;
			if (over_day < 0 && limited(em->max_minutes) &&
			    total > em->max_minutes)
				over_day = d;
		}
		if (limited(em->max_minutes) && total > em->max_minutes)
			ADD(rep, ROTA_V_MAX_MINUTES, e, over_day, total,
			    em->max_minutes);
		if (total < em->min_minutes)
			ADD(rep, ROTA_V_MIN_MINUTES, e, 0, total,
			    em->min_minutes);
	}

	/* Maximal runs of working days and of days off: day = the run's
	 * first day, value = its length. Runs touching day 0 or the last day
	 * are never too short; a run from day 0 can be too long. */
	for (int d = 0; d < nd;) {
		int working = work[d] != ROTA_OFF;
		int end = d;
		while (end + 1 < nd && (work[end + 1] != ROTA_OFF) == working)
			end++;
		int len = end - d + 1;
		int inner = d > 0 && end < nd - 1;
		if (working) {
			if (limited(em->max_consecutive) &&
			    len > em->max_consecutive)
				ADD(rep, ROTA_V_MAX_CONSECUTIVE, e, d, len,
				    em->max_consecutive);
			if (inner && len < em->min_consecutive)
				ADD(rep, ROTA_V_MIN_CONSECUTIVE, e, d, len,
				    em->min_consecutive);
		} else if (inner && len < em->min_days_off) {
			ADD(rep, ROTA_V_MIN_DAYS_OFF, e, d, len,
			    em->min_days_off);
		}
		d = end + 1;
	}

	/* Weekends (Sat 7k+5, Sun 7k+6 inside the horizon): day = the first
	 * worked day of the first weekend above the limit. */
	if (limited(em->max_weekends)) {
		int count = 0, first = -1;
		for (int sat = 5; sat < nd; sat += 7) {
			int day = -1;
			if (work[sat] != ROTA_OFF)
				day = sat;
			else if (sat + 1 < nd && work[sat + 1] != ROTA_OFF)
				day = sat + 1;
			if (day >= 0 && ++count == em->max_weekends + 1)
				first = day;
		}
		if (count > em->max_weekends)
			ADD(rep, ROTA_V_MAX_WEEKENDS, e, first, count,
			    em->max_weekends);
	}

	/* Daily rest from the clock times: day = the first day, value = the
	 * rest in minutes. */
	if (p->law.min_daily_rest > 0)
		for (int d = 0; d + 1 < nd; d++) {
			int s = work[d], t = work[d + 1];
			if (s == ROTA_OFF || t == ROTA_OFF)
				continue;
			const rota_shift *a = &p->shifts[s], *b = &p->shifts[t];
			if (a->start < 0 || b->start < 0)
				continue;
			long long rest = (long long)DAY_MIN + b->start -
					 ((long long)a->start + a->length);
			if (rest < p->law.min_daily_rest)
				ADD(rep, ROTA_V_DAILY_REST, e, d, rest,
				    p->law.min_daily_rest);
		}

	if (p->law.min_weekly_rest > 0) {
		ov_status st = check_weekly_rest(p, e, work, best, rep);
		if (st != OV_OK)
			return st;
	}

	/* Longest shift: day = the day, value = its length. */
	if (p->law.max_day_minutes > 0)
		for (int d = 0; d < nd; d++)
			if (work[d] != ROTA_OFF &&
			    p->shifts[work[d]].length > p->law.max_day_minutes)
				ADD(rep, ROTA_V_DAY_MINUTES, e, d,
				    p->shifts[work[d]].length,
				    p->law.max_day_minutes);

	/* Minutes per calendar week: day = the week's Monday. */
	if (p->law.max_week_minutes > 0)
		for (int mon = 0; mon < nd; mon += 7) {
			long long sum = 0;
			for (int d = mon; d < mon + 7 && d < nd; d++)
				if (work[d] != ROTA_OFF)
					sum += p->shifts[work[d]].length;
			if (sum > p->law.max_week_minutes)
				ADD(rep, ROTA_V_WEEK_MINUTES, e, mon, sum,
				    p->law.max_week_minutes);
		}
	return check_sunday_night(p, e, work, rep);
}

/* The shift employee e works on day d, or ROTA_OFF (also for a bad
 * assignment). */
static int shift_at(const rota_problem *p, const rota_roster *r, int e, int d)
{
	int s = r->assign[(size_t)e * (size_t)p->n_days + (size_t)d];
	return s >= 0 && s < p->n_shifts ? s : ROTA_OFF;
}

/* The soft side: requests and cover. */
static void penalties(const rota_problem *p, const rota_roster *r,
		      rota_report *rep)
{
	for (int i = 0; i < p->n_requests; i++) {
		const rota_request *q = &p->requests[i];
		int s = shift_at(p, r, q->employee, q->day);
		int worked = s != ROTA_OFF && s == q->shift;
		if (q->on && !worked)
			rep->request_on += q->weight;
		else if (!q->on && worked)
			rep->request_off += q->weight;
	}
	for (int i = 0; i < p->n_cover; i++) {
		const rota_cover *c = &p->cover[i];
		long long count = 0;
		for (int e = 0; e < p->n_employees; e++)
			if (shift_at(p, r, e, c->day) != ROTA_OFF &&
			    shift_at(p, r, e, c->day) == c->shift &&
			    (c->skills == 0 ||
			     (p->employees[e].skills & c->skills) != 0))
				count++;
		if (count < c->need)
			rep->cover_under +=
				(int64_t)c->under_weight * (c->need - count);
		else if (count > c->need)
			rep->cover_over +=
				(int64_t)c->over_weight * (count - c->need);
	}
	rep->objective = rep->request_on + rep->request_off +
			 rep->cover_under + rep->cover_over;
}

ov_status rota_check(const rota_problem *p, const rota_roster *r,
		     rota_report *rep, ov_err *err)
{
	memset(rep, 0, sizeof *rep);
	if (!p || !r || r->n_employees != p->n_employees ||
	    r->n_days != p->n_days || p->n_days < 0 || p->n_employees < 0 ||
	    (!r->assign && p->n_days > 0 && p->n_employees > 0))
		return OV_FAIL(err, OV_E_INPUT, "roster", "%s",
			       _("the roster's size does not match the problem"));
	/* Indexes the soft side looks up; the rest of the problem is taken
	 * as rota_problem_validate left it. */
	for (int i = 0; i < p->n_requests; i++) {
		const rota_request *q = &p->requests[i];
		if (q->employee < 0 || q->employee >= p->n_employees ||
		    q->day < 0 || q->day >= p->n_days)
			return OV_FAIL(err, OV_E_INPUT, "request", "request[%d]: %s",
				       i + 1, _("out of range"));
	}
	for (int i = 0; i < p->n_cover; i++)
		if (p->cover[i].day < 0 || p->cover[i].day >= p->n_days)
			return OV_FAIL(err, OV_E_INPUT, "cover", "cover[%d]: %s",
				       i + 1, _("out of range"));

	size_t nd = p->n_days > 0 ? (size_t)p->n_days : 1;
	int *work = malloc(nd * sizeof *work);
	long long *best = malloc((nd / 7 + 1) * sizeof *best);
	ov_status st = OV_OK;
	if (!work || !best)
		st = OV_E_NOMEM;
	for (int e = 0; st == OV_OK && e < p->n_employees; e++)
		st = check_employee(p, r, e, work, best, rep);
	free(work);
	free(best);
	if (st != OV_OK) {
		rota_report_clear(rep);
		return OV_FAIL(err, st, NULL, "%s", _("out of memory"));
	}
	penalties(p, r, rep);
	return OV_OK;
}

void rota_report_clear(rota_report *rep)
{
	if (!rep)
		return;
	free(rep->violations);
	memset(rep, 0, sizeof *rep);
}

const char *rota_violation_name(rota_violation_kind k)
{
	static const char *const names[ROTA_V_COUNT] = {
		[ROTA_V_DAY_OFF] = "day_off",
		[ROTA_V_SUCCESSION] = "succession",
		[ROTA_V_MAX_SHIFTS] = "max_shifts",
		[ROTA_V_MAX_MINUTES] = "max_minutes",
		[ROTA_V_MIN_MINUTES] = "min_minutes",
		[ROTA_V_MAX_CONSECUTIVE] = "max_consecutive",
		[ROTA_V_MIN_CONSECUTIVE] = "min_consecutive",
		[ROTA_V_MIN_DAYS_OFF] = "min_days_off",
		[ROTA_V_MAX_WEEKENDS] = "max_weekends",
		[ROTA_V_DAILY_REST] = "daily_rest",
		[ROTA_V_WEEKLY_REST] = "weekly_rest",
		[ROTA_V_DAY_MINUTES] = "day_minutes",
		[ROTA_V_WEEK_MINUTES] = "week_minutes",
		[ROTA_V_SUNDAY] = "sunday",
		[ROTA_V_NIGHT_AVERAGE] = "night_average",
		[ROTA_V_BAD_SHIFT] = "bad_shift",
	};
	if ((int)k < 0 || (int)k >= ROTA_V_COUNT || !names[k])
		return "unknown";
	return names[k];
}
