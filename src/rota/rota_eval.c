/*
 * rota_eval.c - the solver's bookkeeping: cover counts and penalties kept
 * up to date as employees' schedules are taken out and put back, and the
 * solver's own fast check of one employee's hard rules. The referee is
 * rota_check.c; this file never calls it, so the two can disagree only
 * through a bug that the tests catch.
 */
#include <stdlib.h>
#include <string.h>

#include "rota/rota_int.h"

int rs_init(rs_state *st, const rota_problem *p)
{
	memset(st, 0, sizeof *st);
	st->p = p;
	st->E = p->n_employees;
	st->D = p->n_days;
	st->S = p->n_shifts;
	int E = st->E, D = st->D, S = st->S, C = p->n_cover;
	size_t ed = (size_t)E * (size_t)D;

	st->forbid = calloc((size_t)S * (size_t)S, 1);
	st->usable = calloc((size_t)E * (size_t)S + 1, 1);
	st->row_start = calloc((size_t)D * (size_t)S + 1, sizeof(int));
	st->row_of = malloc(((size_t)C + 1) * sizeof(int));
	st->qual = calloc((size_t)E * (size_t)C + 1, 1);
	st->req = calloc(ed * (size_t)(S + 1) + 1, sizeof(int));
	st->x = malloc((ed + 1) * sizeof(int));
	st->cnt = calloc((size_t)C + 1, sizeof(int));
	st->emp_req = calloc((size_t)E + 1, sizeof(int64_t));
	st->emp_bad = calloc((size_t)E + 1, sizeof(int));
	if (!st->forbid || !st->usable || !st->row_start || !st->row_of ||
	    !st->qual || !st->req || !st->x || !st->cnt || !st->emp_req ||
	    !st->emp_bad) {
		rs_free(st);
		return -1;
	}

	for (int s = 0; s < S; s++) {
		const rota_shift *a = &p->shifts[s];
		for (int t = 0; t < S; t++) {
			const rota_shift *b = &p->shifts[t];
			int no = a->forbidden_next && a->forbidden_next[t];
			if (p->law.min_daily_rest > 0 && a->start >= 0 &&
			    b->start >= 0 &&
			    1440 + b->start - (a->start + a->length) <
				    p->law.min_daily_rest)
				no = 1;
			st->forbid[s * S + t] = (unsigned char)no;
		}
	}
	for (int e = 0; e < E; e++) {
		const rota_employee *em = &p->employees[e];
		for (int s = 0; s < S; s++) {
			int ok = !em->max_shifts || em->max_shifts[s] != 0;
			if (p->law.max_day_minutes > 0 &&
			    p->shifts[s].length > p->law.max_day_minutes)
				ok = 0;
			if (em->max_minutes != ROTA_UNLIMITED &&
			    p->shifts[s].length > em->max_minutes)
				ok = 0;
			st->usable[e * S + s] = (unsigned char)ok;
		}
	}

	/* Cover rows grouped by (day, shift): counting sort. */
	for (int i = 0; i < C; i++)
		st->row_start[p->cover[i].day * S + p->cover[i].shift + 1]++;
	for (int k = 0; k < D * S; k++)
		st->row_start[k + 1] += st->row_start[k];
	int *fill = malloc(((size_t)D * (size_t)S + 1) * sizeof(int));
	if (!fill) {
		rs_free(st);
		return -1;
	}
	memcpy(fill, st->row_start, (size_t)D * (size_t)S * sizeof(int));
	for (int i = 0; i < C; i++)
		st->row_of[fill[p->cover[i].day * S + p->cover[i].shift]++] = i;
	free(fill);
	for (int e = 0; e < E; e++)
		for (int i = 0; i < C; i++)
			st->qual[(size_t)e * C + i] =
				p->cover[i].skills == 0 ||
				(p->employees[e].skills & p->cover[i].skills);

	for (int i = 0; i < p->n_requests; i++) {
		const rota_request *q = &p->requests[i];
		int *cell = &st->req[((size_t)q->employee * D + q->day) * (S + 1)];
		if (q->on) {
			for (int v = -1; v < S; v++)
				if (v != q->shift)
					cell[v + 1] += q->weight;
		} else {
			cell[q->shift + 1] += q->weight;
		}
	}
	for (size_t i = 0; i < ed; i++)
		st->x[i] = ROTA_OFF;
	rs_recompute(st);
	return 0;
}

void rs_free(rs_state *st)
{
	free(st->forbid);
	free(st->usable);
	free(st->row_start);
	free(st->row_of);
	free(st->qual);
	free(st->req);
	free(st->x);
	free(st->cnt);
	free(st->emp_req);
	free(st->emp_bad);
	memset(st, 0, sizeof *st);
}

int64_t rs_req_of(const rs_state *st, int e, const int *sched)
{
	int64_t c = 0;
	const int *cell = &st->req[(size_t)e * st->D * (st->S + 1)];
	for (int d = 0; d < st->D; d++, cell += st->S + 1)
		c += cell[sched[d] + 1];
	return c;
}

/* Adds (sign +1) or removes (-1) e's work on (d, s) from the counts. */
static void count(rs_state *st, int e, int d, int s, int sign)
{
	const rota_cover *rows = st->p->cover;
	int k = d * st->S + s;
	for (int j = st->row_start[k]; j < st->row_start[k + 1]; j++) {
		int i = st->row_of[j];
		if (!st->qual[(size_t)e * st->p->n_cover + i])
			continue;
		st->cover_cost -= rs_row_pen(&rows[i], st->cnt[i]);
		st->cnt[i] += sign;
		st->cover_cost += rs_row_pen(&rows[i], st->cnt[i]);
	}
}

void rs_remove(rs_state *st, int e)
{
	const int *x = &st->x[(size_t)e * st->D];
	for (int d = 0; d < st->D; d++)
		if (x[d] >= 0)
			count(st, e, d, x[d], -1);
	st->req_cost -= st->emp_req[e];
	st->emp_req[e] = 0;
	st->bad -= st->emp_bad[e];
	st->emp_bad[e] = 0;
}

void rs_add(rs_state *st, int e, const int *sched)
{
	int *x = &st->x[(size_t)e * st->D];
	if (x != sched)
		memcpy(x, sched, (size_t)st->D * sizeof *x);
	for (int d = 0; d < st->D; d++)
		if (x[d] >= 0)
			count(st, e, d, x[d], +1);
	st->emp_req[e] = rs_req_of(st, e, x);
	st->req_cost += st->emp_req[e];
	st->emp_bad[e] = rs_emp_breaches(st, e, x);
	st->bad += st->emp_bad[e];
}

int64_t rs_cover_delta(const rs_state *st, int e, int d, int s)
{
	const rota_cover *rows = st->p->cover;
	int64_t delta = 0;
	int k = d * st->S + s;
	for (int j = st->row_start[k]; j < st->row_start[k + 1]; j++) {
		int i = st->row_of[j];
		if (!st->qual[(size_t)e * st->p->n_cover + i])
			continue;
		delta += rs_row_pen(&rows[i], st->cnt[i] + 1) -
			 rs_row_pen(&rows[i], st->cnt[i]);
	}
	return delta;
}

void rs_recompute(rs_state *st)
{
	memset(st->cnt, 0, (size_t)st->p->n_cover * sizeof *st->cnt);
	st->cover_cost = 0;
	for (int i = 0; i < st->p->n_cover; i++)
		st->cover_cost += rs_row_pen(&st->p->cover[i], 0);
	st->req_cost = 0;
	st->bad = 0;
	for (int e = 0; e < st->E; e++) {
		st->emp_req[e] = 0;
		st->emp_bad[e] = 0;
		rs_add(st, e, &st->x[(size_t)e * st->D]);
	}
}

/* Longest stretch of time off inside [w0, w1) for a list of worked
 * intervals; time before the first and after the last shift is off. */
static int longest_rest(const int *beg, const int *end, int n, int w0, int w1)
{
	int best = 0, prev_end = w0 - 100000;
	for (int i = 0; i <= n; i++) {
		int a = prev_end, b = i < n ? beg[i] : w1 + 100000;
		if (a < w0)
			a = w0;
		if (b > w1)
			b = w1;
		if (b - a > best)
			best = b - a;
		if (i < n && end[i] > prev_end)
			prev_end = end[i]; /* shifts may overlap */
	}
	return best;
}

int rs_emp_breaches(const rs_state *st, int e, const int *x)
{
	const rota_problem *p = st->p;
	const rota_employee *em = &p->employees[e];
	int D = st->D, S = st->S, bad = 0;
	int minutes = 0, weekends = 0;
	int per_shift[64];
	int *ps = S <= 64 ? per_shift : calloc((size_t)S, sizeof(int));
	if (!ps)
		return 1;
	memset(ps, 0, (size_t)(S <= 64 ? 64 : 0) * sizeof(int));

	int run_work = 0, run_off = 0, start_work = 0, start_off = 0;
	for (int d = 0; d < D; d++) {
		int v = x[d];
		if (v >= 0) {
			if (!st->usable[e * S + v] || em->day_off[d])
				bad++;
			if (d > 0 && x[d - 1] >= 0 && st->forbid[x[d - 1] * S + v])
				bad++;
			ps[v]++;
			minutes += p->shifts[v].length;
			if (run_off > 0 && run_off < em->min_days_off && start_off > 0)
				bad++;
			if (run_off > 0)
				start_work = d;
			run_off = 0;
			run_work++;
			if (em->max_consecutive != ROTA_UNLIMITED &&
			    run_work == em->max_consecutive + 1)
				bad++;
			if (d % 7 == 5 || (d % 7 == 6 && (d == 0 || x[d - 1] < 0)))
				weekends++;
		} else {
			if (run_work > 0 && run_work < em->min_consecutive &&
			    start_work > 0)
				bad++;
			if (run_work > 0 || d == 0)
				start_off = d;
			run_work = 0;
			run_off++;
		}
	}
	for (int s = 0; s < S; s++)
		if (em->max_shifts && em->max_shifts[s] != ROTA_UNLIMITED &&
		    ps[s] > em->max_shifts[s])
			bad++;
	if (em->max_minutes != ROTA_UNLIMITED && minutes > em->max_minutes)
		bad++;
	if (minutes < em->min_minutes)
		bad++;
	if (em->max_weekends != ROTA_UNLIMITED && weekends > em->max_weekends)
		bad++;
	if (ps != per_shift)
		free(ps);

	/* Calendar-week rules need clock times; shifts without one start at
	 * midnight, as the checker takes them. */
	if (p->law.min_weekly_rest > 0 || p->law.max_week_minutes > 0) {
		for (int w0 = 0; w0 < D; w0 += 7) {
			int beg[9], end[9], n = 0, week_min = 0;
			/* The shift of the day before can reach into the week. */
			for (int d = w0 - 1; d <= w0 + 7 && d < D; d++) {
				if (d < 0 || x[d] < 0)
					continue;
				const rota_shift *sh = &p->shifts[x[d]];
				int b = d * 1440 + (sh->start > 0 ? sh->start : 0);
				beg[n] = b;
				end[n] = b + sh->length;
				n++;
				if (d >= w0 && d < w0 + 7)
					week_min += sh->length;
			}
			if (p->law.max_week_minutes > 0 &&
			    week_min > p->law.max_week_minutes)
				bad++;
			if (p->law.min_weekly_rest > 0 &&
			    longest_rest(beg, end, n, w0 * 1440,
					 (w0 + 7) * 1440) <
				    p->law.min_weekly_rest)
				bad++;
		}
	}

	/* Sunday work (§ 10-10: Saturday 18:00 to Sunday 22:00) under
	 * § 10-8 (4), counted as the checker does but written apart. */
	if (p->law.sunday_rule) {
		int n = 0, last = 0;
		for (int sun = 6; sun < D; sun += 7) {
			const rota_shift *a = x[sun - 1] >= 0 ? &p->shifts[x[sun - 1]]
							     : NULL;
			const rota_shift *b = x[sun] >= 0 ? &p->shifts[x[sun]] : NULL;
			int w = (a && a->start >= 0 && a->start + a->length > 1080) ||
				(b && b->start < 1320);
			if (p->law.sunday_rule == ROTA_SUNDAY_NEXT_OFF)
				bad += w && last;
			n += w;
			last = w;
		}
		if (p->law.sunday_rule == ROTA_SUNDAY_AVERAGE)
			bad += n > (D / 7 + 1) / 2;
	}
	/* § 10-11 (6): the night workers' average. */
	if (p->law.night_avg_minutes > 0) {
		int shifts = 0, nights = 0;
		long long worked = 0;
		for (int d = 0; d < D; d++)
			if (x[d] >= 0) {
				shifts++;
				nights += p->shifts[x[d]].category == ROTA_CAT_NIGHT;
				worked += p->shifts[x[d]].length;
			}
		bad += 2 * nights > shifts &&
		       worked > (long long)p->law.night_avg_minutes * (D - D / 7);
	}
	return bad;
}
