/*
 * rota_solve.c - the search. Every employee is first given the best
 * schedule against the others (rota_dp.c) until no one can improve alone;
 * column generation then bounds the optimum, and rounding and diving turn
 * the relaxation into rosters (rota_cg.c), when it fits the time. Until
 * the time is up, three kinds of work then share it by what each has
 * lately gained per second: exact re-rostering of a group of employees
 * over a window of days, the sizes adapting (column generation and
 * branch-and-cut over their schedules only, the rest of the roster
 * fixed); relaxation and rounding over everyone on a window; and batches
 * of cheap moves - a large-neighbourhood search that takes a few
 * employees out and re-rosters them one after another over a window, and
 * block swaps that trade stretches of days between two employees, under
 * late acceptance (Burke & Bykov), which lets the search cross plateaus
 * and small hills without a temperature to tune. Half the group moves are
 * aimed at a cover row that is short of staff. Called through rota_solve
 * by the CLI, the web server and the staffing module.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/ov_i18n.h"
#include "rota/rota_cg.h"
#include "rota/rota_int.h"
#include <math.h>

#define LAHC_LEN 64

typedef struct {
	rs_state st;
	rs_dp *dp;
	ov_rng rng;
	const rota_solve_opts *opts;
	struct timespec t0;
	int *buf;      /* D: a candidate schedule */
	int *save;     /* E * D: schedules taken out by a move */
	int *pick;     /* E: employees chosen by a move */
	int *part;     /* E * D: their new schedules (move_exact) */
	int *best_x;   /* E * D: best roster so far */
	int64_t best;  /* its cost, with best_bad hard breaches */
	int best_bad;
	int64_t hist[LAHC_LEN];
	long iter;
	double last_report;
	int wa, wb;         /* days a re-rostering may change */
	double x_len, x_k;  /* move_exact's window and group size (upper) */
	double pass_seconds; /* one best-response pass over everyone */
	int round_at;        /* move_round's next window start */
	/* The master over the whole roster, or NULL: branch and price's
	 * tree (while bp_on) and shaken dives (while dive_on). */
	rs_cg *master;
	int bp_on, dive_on;
	double dive_seconds; /* the first dive's */
	int dive_fails;      /* shaken dives in a row that gave no roster */
	int bp_proved;       /* branch and price proved the best optimal */
	double bp_slice;     /* seconds of its next turn */
} search;

/* move_exact starts with groups of up to 20 employees over up to 10 days,
 * and shrinks them when one move takes longer than this (seconds). */
#define EXACT_SLOW 0.5
/* The branch-and-cut's time limit in a move (seconds). */
#define EXACT_MIP 0.4
/* Its work limits in a run limited by iterations: LP solves of column
 * generation, and branch-and-bound nodes. */
#define EXACT_ROUNDS 60
#define EXACT_NODES 200
/* Longest window a re-rostering changes (pick_window). */
#define WINDOW_DAYS 35
/* Column generation is tried when this many passes fit its time share. */
#define CG_PASSES 80
/* Shaken dives are a kind of work where the first took under this part
 * of the limit; each may take this many times as long as the first (a
 * dive hurries past half its time: with twice, 18 gave 4,564 where it
 * gave 4,465 with no limit), and DIVE_FAILS in a row that give no
 * roster end them. */
#define DIVE_MOST 0.2
#define DIVE_SLOWER 4.0
#define DIVE_FAILS 3
/* move_round's window, its column generation's time limit (seconds) and,
 * in a run limited by iterations, its LP solves. */
#define ROUND_DAYS 14
#define ROUND_CG 3.0
#define ROUND_ROUNDS 15
/* Kinds of work that share the search's time (rota_solve), and the
 * seconds of its own work over which each one's gain per second is
 * averaged (a half-life). */
#define N_OPS 4
#define RATE_MEMORY 10.0
/* Branch and price's share of the search's time when it runs, the
 * seconds of one turn of it, the gap between the best roster and the
 * bound (a fraction of the bound) under which it runs, and the most of
 * the time limit it may take in all. Its trees either close within
 * seconds (Instance1 from a gap of 8.8 %, 5, 6, 10) or grow past what a
 * minute can solve (7, 8: a thousand nodes and more, the bound hardly
 * moving), so it gets a sixth of the time at most. */
#define BP_SHARE 0.3
#define BP_SLICE 1.0
#define BP_GAP 0.1
#define BP_MOST (1.0 / 6)

static double elapsed(const search *s)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - s->t0.tv_sec) +
	       (double)(t.tv_nsec - s->t0.tv_nsec) / 1e9;
}

/* (bad, cost) compared lexicographically: fewer breaches first. */
static int better(int bad_a, int64_t a, int bad_b, int64_t b)
{
	return bad_a != bad_b ? bad_a < bad_b : a < b;
}

/* The least whole cost a relaxation's optimum b allows: costs are whole,
 * and the tolerance grows with b as the simplex's own error does. */
static int64_t bound_of(double b)
{
	return (int64_t)ceil(b - 1e-6 - 1e-9 * fabs(b));
}

static void keep_if_best(search *s)
{
	rs_state *st = &s->st;
	if (!better(st->bad, rs_total(st), s->best_bad, s->best))
		return;
	s->best = rs_total(st);
	s->best_bad = st->bad;
	memcpy(s->best_x, st->x, (size_t)st->E * st->D * sizeof *st->x);
}

static void report(search *s, int force)
{
	if (!s->opts->progress)
		return;
	double now = elapsed(s);
	if (!force && now - s->last_report < 1.0)
		return;
	s->last_report = now;
	s->opts->progress(s->opts->progress_ctx, now, s->best,
			  s->best_bad == 0);
}

/* Column generation's tick: a progress line now and then. */
static void cg_tick(void *ctx)
{
	report(ctx, 0);
}

/* Takes the n employees in pick out, saving their schedules. */
static void take_out(search *s, int n)
{
	rs_state *st = &s->st;
	for (int i = 0; i < n; i++) {
		int e = s->pick[i];
		memcpy(&s->save[(size_t)i * st->D], &st->x[(size_t)e * st->D],
		       (size_t)st->D * sizeof(int));
		rs_remove(st, e);
	}
}

/* Puts the saved schedules of the n picked employees back. */
static void put_back(search *s, int n)
{
	rs_state *st = &s->st;
	for (int i = 0; i < n; i++)
		rs_remove(st, s->pick[i]);
	for (int i = 0; i < n; i++)
		rs_add(st, s->pick[i], &s->save[(size_t)i * st->D]);
}

/*
 * Re-rosters the picked employees one after another (each against all
 * others as they stand). Returns 0, or -1 if some employee had no schedule
 * keeping its rules (that one keeps its old schedule).
 */
static int rebuild(search *s, int n, int noise)
{
	rs_state *st = &s->st;
	int ok = 0;
	for (int i = 0; i < n; i++) {
		int e = s->pick[i];
		/* Past the time limit the rest keep their old schedules. */
		int64_t c = elapsed(s) < s->opts->seconds
				    ? rs_dp_best(s->dp, st, e, s->buf, &s->rng,
						 noise, s->wa, s->wb)
				    : RS_INF;
		if (c >= RS_INF) {
			rs_add(st, e, &s->save[(size_t)i * st->D]);
			ok = -1;
		} else {
			rs_add(st, e, s->buf);
		}
	}
	return ok;
}

/* Late acceptance: take the new state if it is no worse than now or than
 * the state LAHC_LEN steps ago. */
static int accept(search *s, int bad_old, int64_t old)
{
	rs_state *st = &s->st;
	int64_t now = rs_total(st);
	int slot = (int)(s->iter % LAHC_LEN);
	int ok;
	if (st->bad != bad_old)
		ok = st->bad < bad_old;
	else
		ok = now <= old || now <= s->hist[slot];
	int64_t cur = ok ? now : old;
	if (cur < s->hist[slot] || st->bad == 0)
		s->hist[slot] = cur;
	s->iter++;
	return ok;
}

/*
 * After a move that is not late acceptance's own (move_exact, move_round)
 * lowered the cost, no remembered cost may stay above the new one: late
 * acceptance would otherwise take any state up to the cost of the
 * roster before those moves. On Instance13 the exact moves took the cost
 * from 8,166 to 4,005 in 16 s; then one batch of cheap moves climbed back
 * to 7,856 against the old history, and the rest of the minute went on
 * mending that.
 */
static void history_cap(search *s)
{
	int64_t now = rs_total(&s->st);
	for (int i = 0; i < LAHC_LEN; i++)
		if (s->hist[i] > now)
			s->hist[i] = now;
}

static void shuffle(search *s, int *a, int n)
{
	for (int i = n - 1; i > 0; i--) {
		int j = (int)ov_rng_range(&s->rng, 0, i);
		int t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}

/* Best response for everyone until no one improves alone. */
static void descend(search *s, double limit)
{
	rs_state *st = &s->st;
	int improved = 1, first = 1;
	s->wa = 0;
	s->wb = st->D;
	while (improved && elapsed(s) < limit) {
		double t_start = elapsed(s);
		improved = 0;
		for (int i = 0; i < st->E; i++)
			s->pick[i] = i;
		shuffle(s, s->pick, st->E);
		int *order = malloc((size_t)st->E * sizeof *order);
		if (!order)
			return;
		memcpy(order, s->pick, (size_t)st->E * sizeof *order);
		int done = 0;
		/* The first pass goes on past the limit while the roster
		 * breaks a rule (an employee not yet given a schedule is
		 * below the minimum minutes): on the largest instances one
		 * pass takes more than the limit, and the search after it
		 * mends breaches over short windows only. */
		for (int i = 0; i < st->E &&
				(elapsed(s) < limit ||
				 (first && st->bad && elapsed(s) < s->opts->seconds));
		     i++, done++) {
			int bad_old = st->bad;
			int64_t old = rs_total(st);
			s->pick[0] = order[i];
			take_out(s, 1);
			rebuild(s, 1, 0);
			if (better(st->bad, rs_total(st), bad_old, old))
				improved = 1;
			else if (better(bad_old, old, st->bad, rs_total(st)))
				put_back(s, 1);
		}
		free(order);
		first = 0;
		/* A pass cut short by the limit is scaled up to a whole one. */
		if (s->pass_seconds == 0 && done > 0)
			s->pass_seconds = (elapsed(s) - t_start) * st->E / done;
		keep_if_best(s);
		report(s, 0);
	}
}

/*
 * Picks the days a re-rostering may change: a window of 7 to 14 days, or
 * of 14 to 35 days half the time on horizons past five weeks. Windows
 * keep each employee's DP small (few minutes and weekends can be added
 * inside one), so many more moves run than when whole horizons are
 * re-rostered; the first descent has done those already.
 */
static void pick_window(search *s)
{
	int D = s->st.D, len = D;
	if (D > WINDOW_DAYS && ov_rng_chance(&s->rng, 500))
		len = (int)ov_rng_range(&s->rng, 14, WINDOW_DAYS);
	else if (D > 14)
		len = (int)ov_rng_range(&s->rng, 7, 14);
	s->wa = (int)ov_rng_range(&s->rng, 0, D - len);
	s->wb = s->wa + len;
}

/*
 * Picks k employees into s->pick (k <= E): half the time ones who work a
 * random day of the window, so the re-rostered ones can trade work among
 * themselves; the rest at random. Returns how many were picked.
 */
/* e is among the first n picked. */
static int picked(const search *s, int n, int e)
{
	for (int i = 0; i < n; i++)
		if (s->pick[i] == e)
			return 1;
	return 0;
}

/* pick_employees after the first n already picked (n <= k). */
static int pick_more(search *s, int n, int k)
{
	rs_state *st = &s->st;
	if (ov_rng_chance(&s->rng, 500)) {
		int d = (int)ov_rng_range(&s->rng, s->wa, s->wb - 1);
		int start = (int)ov_rng_range(&s->rng, 0, st->E - 1);
		for (int i = 0; i < st->E && n < k; i++) {
			int e = (start + i) % st->E;
			if ((st->x[(size_t)e * st->D + d] >= 0 ||
			     ov_rng_chance(&s->rng, 300)) &&
			    !picked(s, n, e))
				s->pick[n++] = e;
		}
	}
	while (n < k) {
		int e = (int)ov_rng_range(&s->rng, 0, st->E - 1);
		if (!picked(s, n, e))
			s->pick[n++] = e;
	}
	shuffle(s, s->pick, n);
	return n;
}

static int pick_employees(search *s, int k)
{
	return pick_more(s, 0, k);
}

/* Picks everyone, in order; returns E. */
static int pick_everyone(search *s)
{
	for (int i = 0; i < s->st.E; i++)
		s->pick[i] = i;
	return s->st.E;
}

/* What cover row i's missing staff cost now (0 when none is missing). */
static int64_t short_cost(const rs_state *st, int i)
{
	const rota_cover *c = &st->p->cover[i];
	return st->cnt[i] < c->need
		       ? (int64_t)c->under_weight * (c->need - st->cnt[i])
		       : 0;
}

/*
 * Picks a cover row that is short of staff, at random in proportion to
 * what it costs; -1 when none is. Where most of the cost is missing staff
 * (Instance13: 3,200 of 3,900 after a minute), moves aimed at a short row
 * find gains that moves at random places rarely hit.
 */
static int pick_short_row(search *s)
{
	rs_state *st = &s->st;
	const rota_problem *p = st->p;
	int64_t total = 0;
	for (int i = 0; i < p->n_cover; i++)
		total += short_cost(st, i);
	if (total <= 0)
		return -1;
	int64_t at = ov_rng_range(&s->rng, 0, total - 1);
	for (int i = 0; i < p->n_cover; i++) {
		at -= short_cost(st, i);
		if (at < 0)
			return i;
	}
	return -1;
}

/*
 * Aims a move at short cover row i: a window of len days around its day,
 * and up to k employees, half of them ones who count for the row but do
 * not work its shift that day (any of whom could fill the gap if the
 * others take over some of their work), the rest as pick_employees
 * does. Returns how many were picked (k <= E).
 */
static int pick_for_row(search *s, int i, int len, int k)
{
	rs_state *st = &s->st;
	const rota_cover *c = &st->p->cover[i];
	int D = st->D;
	len = len > D ? D : len < 1 ? 1 : len;
	int wa = c->day - (int)ov_rng_range(&s->rng, 0, len - 1);
	wa = wa < 0 ? 0 : wa + len > D ? D - len : wa;
	s->wa = wa;
	s->wb = wa + len;
	int n = 0, want = (k + 1) / 2;
	int start = (int)ov_rng_range(&s->rng, 0, st->E - 1);
	for (int j = 0; j < st->E && n < want; j++) {
		int e = (start + j) % st->E;
		if (st->qual[(size_t)e * st->p->n_cover + i] &&
		    st->usable[e * st->S + c->shift] &&
		    st->x[(size_t)e * D + c->day] != c->shift &&
		    !st->p->employees[e].day_off[c->day])
			s->pick[n++] = e;
	}
	return pick_more(s, n, k);
}

/* Ruin and recreate: k employees at once. */
static void move_ruin(search *s)
{
	rs_state *st = &s->st;
	int kmax = st->E < 8 ? st->E : 8;
	int k = (int)ov_rng_range(&s->rng, 2 < kmax ? 2 : kmax, kmax);
	int row = ov_rng_chance(&s->rng, 500) ? pick_short_row(s) : -1, n;
	if (row >= 0) {
		n = pick_for_row(s, row, (int)ov_rng_range(&s->rng, 3, 14), k);
	} else {
		pick_window(s);
		n = pick_employees(s, k);
	}
	int bad_old = st->bad;
	int64_t old = rs_total(st);
	take_out(s, n);
	int noise = ov_rng_chance(&s->rng, 300) ? 2 : 0;
	rebuild(s, n, noise);
	if (!accept(s, bad_old, old))
		put_back(s, n);
	else
		keep_if_best(s);
}

/*
 * The exact re-rostering of the n employees in s->pick over days
 * [s->wa, s->wb): column generation for at most cg_s seconds, then
 * branch-and-cut for at most mip_s. A run limited by iterations limits
 * their work instead (LP solves, branch-and-bound nodes), so that one
 * seed gives one roster. Never makes the roster worse. Returns 1 when
 * the relaxation proved the group cannot do better, else 0.
 */
static int exact_on(search *s, int n, double cg_s, double mip_s)
{
	rs_state *st = &s->st;
	double left = s->opts->seconds - elapsed(s);
	if (left <= 0 || st->bad)
		return 0;
	rs_cg *cg = rs_cg_new_part(st, s->dp, s->pick, n, s->wa, s->wb);
	if (!cg)
		return 0;
	/* The members' part of the cost: everything but the others'
	 * requests, as the master counts it. */
	int64_t part = rs_total(st) - st->req_cost;
	for (int i = 0; i < n; i++)
		part += st->emp_req[s->pick[i]];
	int rounds, valid, by_clock = s->opts->max_iterations <= 0;
	int proved = 0;
	if (rs_cg_run(cg, by_clock && left > cg_s ? cg_s : left,
		      by_clock ? 0 : EXACT_ROUNDS, &rounds) == 0) {
		double b = rs_cg_bound(cg, &valid);
		proved = valid && bound_of(b) >= part;
		left = s->opts->seconds - elapsed(s);
		if (!proved && left > 0 &&
		    rs_cg_mip(cg, by_clock && left > mip_s ? mip_s : left,
			      by_clock ? 0 : EXACT_NODES, s->part) == 0) {
			int64_t old = rs_total(st);
			take_out(s, n);
			for (int i = 0; i < n; i++)
				rs_add(st, s->pick[i], &s->part[(size_t)i * st->D]);
			if (st->bad || rs_total(st) > old)
				put_back(s, n);
			else
				keep_if_best(s);
		}
	}
	rs_cg_free(cg);
	return proved;
}

/*
 * Exact re-rostering of a group over a window: column generation over
 * their schedules, then GLPK's branch-and-cut over the schedules it
 * generated (price and branch, rota_cg.c). Unlike move_ruin, which
 * re-rosters employees one after another, it finds how the group best
 * shares the work. Skipped when the relaxation proves that no roster of
 * theirs beats the current one. Never makes the roster worse.
 *
 * The group and window sizes adapt: a proof that the group cannot do
 * better grows both by a twentieth (up to everyone and the whole
 * horizon), a move slower than EXACT_SLOW seconds shrinks them. Small
 * instances so end up re-rostering everyone over weeks, large ones
 * groups of tens over days.
 */
static void move_exact(search *s)
{
	rs_state *st = &s->st;
	int len = (int)ov_rng_range(&s->rng, (int)(s->x_len * 0.6), (int)s->x_len);
	int k = (int)ov_rng_range(&s->rng, (int)(s->x_k * 0.6), (int)s->x_k);
	len = len < 1 ? 1 : len > st->D ? st->D : len;
	k = k < 1 ? 1 : k > st->E ? st->E : k;
	int row = ov_rng_chance(&s->rng, 500) ? pick_short_row(s) : -1, n;
	if (row >= 0) {
		n = pick_for_row(s, row, len, k);
	} else {
		s->wa = (int)ov_rng_range(&s->rng, 0, st->D - len);
		s->wb = s->wa + len;
		n = pick_employees(s, k);
	}
	double t0 = elapsed(s);
	/* Column generation gets at most 2 s and the branch-and-cut 0.4 s:
	 * on Instance13 branch-and-cut that ran into a 1 s limit gained 37
	 * per second, the moves that finished sooner 270 and more. */
	int proved = exact_on(s, n, 2.0, EXACT_MIP);
	int by_clock = s->opts->max_iterations <= 0;
	double grow = 1.0;
	if (proved)
		grow = 1.05;
	else if (by_clock && elapsed(s) - t0 > EXACT_SLOW)
		grow = 0.95;
	s->x_len = s->x_len * grow;
	s->x_k = s->x_k * grow;
	/* Without the clock to shrink them, groups stay small enough for
	 * the work limits above. */
	int most_len = by_clock ? st->D : 14, most_k = by_clock ? st->E : 20;
	most_len = most_len > st->D ? st->D : most_len;
	most_k = most_k > st->E ? st->E : most_k;
	s->x_len = s->x_len < 2 ? 2 : s->x_len > most_len ? most_len : s->x_len;
	s->x_k = s->x_k < 2 ? 2 : s->x_k > most_k ? most_k : s->x_k;
}

/*
 * Gives the n employees in s->pick the rounded schedules in s->part, then
 * best responses over [s->wa, s->wb) mend what those clash over, until a
 * pass gains nothing. Kept when no worse than before, else undone.
 */
static void mend_rounded(search *s, int n)
{
	rs_state *st = &s->st;
	int bad_old = st->bad;
	int64_t old = rs_total(st);
	take_out(s, n);
	for (int i = 0; i < n; i++)
		rs_add(st, s->pick[i], &s->part[(size_t)i * st->D]);
	int64_t prev = RS_INF;
	for (int pass = 0; pass < 10 && rs_total(st) < prev &&
			   elapsed(s) < s->opts->seconds;
	     pass++) {
		prev = rs_total(st);
		for (int i = 0; i < n; i++) {
			int e = s->pick[i];
			memcpy(s->buf, &st->x[(size_t)e * st->D],
			       (size_t)st->D * sizeof(int));
			rs_remove(st, e);
			int64_t c = rs_dp_best(s->dp, st, e, s->part, &s->rng, 0,
					       s->wa, s->wb);
			rs_add(st, e, c < RS_INF ? s->part : s->buf);
		}
	}
	if (better(bad_old, old, st->bad, rs_total(st)))
		put_back(s, n);
	else
		keep_if_best(s);
}

/*
 * Relaxation and rounding over everyone on a window of ROUND_DAYS days,
 * the windows taking turns across the horizon: column generation for
 * everyone at once (at most ROUND_CG seconds, or ROUND_ROUNDS LP solves
 * in a run limited by iterations), then each employee takes the schedule
 * the relaxation weighs most, and best responses over the window mend
 * what those clash over, until a pass gains nothing. Kept when no worse.
 * Where a roster was built one employee at a time, this shares the
 * window's work out anew in one step: on Instance13 one such move takes
 * a roster from 8,166 to 5,702, where branch-and-cut over so many
 * employees finds nothing better in its time.
 */
static void move_round(search *s)
{
	rs_state *st = &s->st;
	/* Half the windows twice as long: on 19 (12 weeks) two weeks did
	 * better, on 20 (26 weeks) four. */
	int rd = ov_rng_chance(&s->rng, 500) ? ROUND_DAYS : 2 * ROUND_DAYS;
	int len = rd < st->D ? rd : st->D;
	if (s->round_at + len > st->D)
		s->round_at = 0;
	s->wa = s->round_at;
	s->wb = s->wa + len;
	s->round_at += len / 2 > 0 ? len / 2 : 1;
	double left = s->opts->seconds - elapsed(s);
	if (left <= 0 || st->bad)
		return;
	int n = pick_everyone(s);
	rs_cg *cg = rs_cg_new_part(st, s->dp, s->pick, n, s->wa, s->wb);
	if (!cg)
		return;
	int rounds, by_clock = s->opts->max_iterations <= 0;
	if (rs_cg_run(cg, by_clock && left > ROUND_CG ? ROUND_CG : left,
		      by_clock ? 0 : ROUND_ROUNDS, &rounds) == 0 &&
	    rs_cg_round(cg, s->opts->seconds - elapsed(s), s->part) == 0)
		mend_rounded(s, n);
	rs_cg_free(cg);
}

/* Swaps days [a, a+len) between two employees when both stay lawful. */
static void move_swap(search *s)
{
	rs_state *st = &s->st;
	if (st->E < 2)
		return;
	int D = st->D;
	int e1 = (int)ov_rng_range(&s->rng, 0, st->E - 1);
	int e2 = (int)ov_rng_range(&s->rng, 0, st->E - 2);
	if (e2 >= e1)
		e2++;
	int len = (int)ov_rng_range(&s->rng, 1, D < 7 ? D : 7);
	int a = (int)ov_rng_range(&s->rng, 0, D - len);
	int *x1 = &st->x[(size_t)e1 * D], *x2 = &st->x[(size_t)e2 * D];
	int same = 1;
	for (int d = a; d < a + len; d++)
		same &= x1[d] == x2[d];
	if (same)
		return;
	s->pick[0] = e1;
	s->pick[1] = e2;
	int bad_old = st->bad;
	int64_t old = rs_total(st);
	take_out(s, 2);
	int *n1 = s->buf;
	memcpy(n1, &s->save[0], (size_t)D * sizeof(int));
	memcpy(n1 + a, &s->save[(size_t)D + a], (size_t)len * sizeof(int));
	int b1 = rs_emp_breaches(st, e1, n1);
	rs_add(st, e1, n1);
	memcpy(n1, &s->save[(size_t)D], (size_t)D * sizeof(int));
	memcpy(n1 + a, &s->save[a], (size_t)len * sizeof(int));
	int b2 = rs_emp_breaches(st, e2, n1);
	rs_add(st, e2, n1);
	if ((b1 || b2) && bad_old == 0) {
		put_back(s, 2);
		return;
	}
	if (!accept(s, bad_old, old))
		put_back(s, 2);
	else
		keep_if_best(s);
}

/*
 * A turn of branch and price over the whole roster (rota_cg.c), with the
 * best roster so far as the one to beat; its tree carries over from turn
 * to turn. A better roster it finds becomes the current one. When the
 * tree is exhausted the best roster is optimal (proved when every node
 * was priced exactly), and the master goes.
 */
static void move_branch(search *s)
{
	rs_state *st = &s->st;
	double left = s->opts->seconds - elapsed(s);
	if (left <= 0 || s->best_bad)
		return;
	int64_t ub = s->best;
	int found, done, proved;
	long nodes = rs_cg_nodes(s->master);
	int rc = rs_cg_branch(s->master, left < s->bp_slice ? left : s->bp_slice,
			      &ub, s->part, &found, &done, &proved);
	/* A roster found before a failure is still good. */
	if (found) {
		memcpy(st->x, s->part, (size_t)st->E * st->D * sizeof *st->x);
		rs_recompute(st);
		keep_if_best(s);
	}
	/* A node that needs longer than a turn gets longer turns. */
	if (rc == 0 && !done && rs_cg_nodes(s->master) == nodes)
		s->bp_slice = s->bp_slice * 2 < BP_SLICE * 8 ? s->bp_slice * 2
							     : BP_SLICE * 8;
	else
		s->bp_slice = BP_SLICE;
	if (rc != 0 || done) {
		s->bp_proved = rc == 0 && proved;
		s->bp_on = 0;
		/* A failure may be GLPK's error, which takes the master. */
		s->dive_on &= rc == 0;
	}
}

/*
 * A dive from the whole roster's master, its weights shaken (rs_cg_dive),
 * best responses mending what it gives. Kept when no worse. Where one
 * dive takes seconds, dives again from one master end far apart: eight
 * on Instance18 between 4,473 and 4,774 (optimum 4,459), where the rest
 * of the search took the first dive's 4,569 to 4,564 in 50 s.
 */
static void move_dive(search *s)
{
	double left = s->opts->seconds - elapsed(s);
	if (left <= 0)
		return;
	/* One slow dive should not starve the other kinds of work. */
	double most = DIVE_SLOWER * s->dive_seconds;
	s->wa = 0;
	s->wb = s->st.D;
	if (rs_cg_dive(s->master, left < most ? left : most, &s->rng,
		       s->part) == 0) {
		mend_rounded(s, pick_everyone(s));
		s->dive_fails = 0;
	} else if (++s->dive_fails >= DIVE_FAILS) {
		s->dive_on = 0; /* no roster, or GLPK's error took the master */
	}
}

static void search_free(search *s)
{
	rs_cg_free(s->master);
	rs_dp_free(s->dp);
	rs_free(&s->st);
	free(s->buf);
	free(s->save);
	free(s->pick);
	free(s->part);
	free(s->best_x);
}

ov_status rota_solve(const rota_problem *p, const rota_solve_opts *opts,
		     rota_roster **out, rota_solve_info *info, ov_err *err)
{
	search s;
	memset(&s, 0, sizeof s);
	*out = NULL;
	if (info)
		memset(info, 0, sizeof *info);
	ov_status st = rota_problem_validate(p, err);
	if (st)
		return st;
	if (!(opts->seconds > 0)) /* also NaN */
		return OV_FAIL(err, OV_E_USAGE, "seconds", "%s",
			       _("the time limit must be above zero"));
	clock_gettime(CLOCK_MONOTONIC, &s.t0);
	s.opts = opts;
	ov_rng_seed(&s.rng, opts->seed);
	size_t ed = (size_t)p->n_employees * (size_t)p->n_days;
	if (rs_init(&s.st, p) ||
	    !(s.dp = rs_dp_new(&s.st)) ||
	    !(s.buf = malloc(((size_t)p->n_days + 1) * sizeof(int))) ||
	    !(s.save = malloc((ed + 1) * sizeof(int))) ||
	    !(s.pick = malloc(((size_t)p->n_employees + 1) * sizeof(int))) ||
	    !(s.best_x = malloc((ed + 1) * sizeof(int))) ||
	    !(s.part = malloc((ed + 1) * sizeof(int)))) {
		search_free(&s);
		return OV_FAIL(err, OV_E_NOMEM, "", "%s", _("out of memory"));
	}
	s.best = rs_total(&s.st);
	s.best_bad = s.st.bad;
	s.x_len = 10;
	s.x_k = 20;
	s.bp_slice = BP_SLICE;
	memcpy(s.best_x, s.st.x, ed * sizeof(int));

	int64_t lb = 0;
	int lb_valid = 0;
	if (p->n_employees > 0) {
		descend(&s, opts->seconds * 0.15);
		/* Column generation gives a bound and often a better roster.
		 * It needs tens of pricing rounds, each about one pass; when
		 * those would not fit, the time goes to the search instead.
		 * A run limited by iterations skips that timing, so one seed
		 * gives one roster however busy the machine. */
		double left0 = opts->seconds - elapsed(&s);
		rs_cg *cg = opts->max_iterations > 0 ||
					    s.pass_seconds * CG_PASSES < 0.4 * left0
				    ? rs_cg_new(&s.st, s.dp)
				    : NULL;
		if (cg) {
			rs_cg_set_tick(cg, cg_tick, &s);
			int rounds;
			double left = opts->seconds - elapsed(&s);
			if (rs_cg_run(cg, left * 0.4, 0, &rounds) == 0) {
				double b = rs_cg_bound(cg, &lb_valid);
				lb = bound_of(b);
				s.wa = 0;
				s.wb = s.st.D;
				if (!(lb_valid && s.best <= lb) &&
				    rs_cg_round(cg, opts->seconds - elapsed(&s),
						s.part) == 0)
					mend_rounded(&s, pick_everyone(&s));
				/* A dive cut short by its time rounds what it
				 * has: best responses mend that too. Where
				 * one takes under DIVE_MOST of the limit,
				 * shaken dives join the kinds of work. */
				double t0 = elapsed(&s);
				left = opts->seconds - t0;
				if (!(lb_valid && s.best <= lb) &&
				    rs_cg_dive(cg, left * 0.5, NULL, s.part) == 0) {
					s.dive_seconds = elapsed(&s) - t0;
					mend_rounded(&s, pick_everyone(&s));
					s.dive_on = opts->max_iterations <= 0 &&
						    elapsed(&s) - t0 <
							    DIVE_MOST * opts->seconds;
				}
			}
			/* Where column generation converged with a bound
			 * short of the best roster, branch and price takes a
			 * share of the search's time to close the gap. */
			s.bp_on = opts->max_iterations <= 0 && lb_valid &&
				  s.best > lb && !s.best_bad;
			if (s.bp_on || s.dive_on)
				s.master = cg;
			else
				rs_cg_free(cg);
			report(&s, 0);
		}
		for (int i = 0; i < LAHC_LEN; i++)
			s.hist[i] = rs_total(&s.st);
		long it = 0;
		/* Three or four kinds of work share the time: batches of
		 * cheap moves (re-rostering one after another, block swaps),
		 * exact re-rostering of a group (move_exact), relaxation and
		 * rounding over everyone on a window (move_round) and, where
		 * dives are quick, shaken dives (move_dive). Each gets a
		 * share of the time in proportion to what it has lately
		 * gained per second, never under a tenth; the one furthest
		 * below its share goes next. A run limited by iterations
		 * takes the first three in a fixed turn instead, so that one
		 * seed gives one roster. */
		double gain[N_OPS] = {0}, rate_t[N_OPS] = {0}, used[N_OPS] = {0};
		double share[N_OPS] = {0.4, 0.3, 0.3, 0};
		if (s.dive_on) {
			share[0] = share[3] = 0.3;
			share[1] = share[2] = 0.2;
		}
		long turn = 0;
		double bp_used = 0, bp_total = 0;
		while ((opts->max_iterations <= 0 || it < opts->max_iterations) &&
		       elapsed(&s) < opts->seconds && !s.bp_proved &&
		       !(lb_valid && s.best_bad == 0 && s.best <= lb)) {
			/* Branch and price, where the gap is small enough to
			 * close, takes its share; while it is not, it builds
			 * up no claim on the time. */
			double others = used[0] + used[1] + used[2] + used[3];
			if (bp_total >= BP_MOST * opts->seconds)
				s.bp_on = 0;
			if (s.master && !s.bp_on && !s.dive_on) {
				rs_cg_free(s.master); /* its memory back */
				s.master = NULL;
			}
			int bp_now = s.bp_on && !s.st.bad && !s.best_bad &&
				     (double)(s.best - lb) <= BP_GAP * fabs((double)lb) + 1;
			if (s.bp_on && !bp_now)
				bp_used = BP_SHARE / (1 - BP_SHARE) * others;
			if (bp_now && bp_used <= BP_SHARE * (bp_used + others)) {
				double t0 = elapsed(&s);
				move_branch(&s);
				bp_used += elapsed(&s) - t0;
				bp_total += elapsed(&s) - t0;
				report(&s, 0);
				continue;
			}
			/* The exact moves need a lawful roster to start. */
			int op = 0;
			if (s.st.bad) {
				/* cheap moves only */
			} else if (opts->max_iterations > 0) {
				op = turn % 8 == 7 ? 2 : turn % 4 == 3 ? 1 : 0;
			} else {
				double all = 0, most = -1;
				for (int o = 0; o < N_OPS; o++)
					all += used[o];
				for (int o = 0; o < N_OPS; o++)
					if ((o < 3 || s.dive_on) &&
					    share[o] * all - used[o] > most) {
						most = share[o] * all - used[o];
						op = o;
					}
			}
			turn++;
			double t0 = elapsed(&s);
			int64_t b0 = s.best;
			int bad0 = s.best_bad;
			if (op == 1) {
				move_exact(&s);
				history_cap(&s);
				it++;
			} else if (op == 2) {
				move_round(&s);
				history_cap(&s);
				it++;
			} else if (op == 3) {
				move_dive(&s);
				history_cap(&s);
				it++;
			} else {
				for (int j = 0; j < 64 && (opts->max_iterations <= 0 ||
							    it < opts->max_iterations);
				     j++, it++) {
					/* Block swaps are cheap: many per
					 * re-rostering. */
					if (ov_rng_chance(&s.rng, 300))
						move_ruin(&s);
					else
						move_swap(&s);
				}
			}
			report(&s, 0);
			double dt = elapsed(&s) - t0;
			used[op] += dt;
			/* Each kind's rate is an average over about its last
			 * RATE_MEMORY seconds of work, however long one of its
			 * steps takes: decayed per run, a kind of 3 s steps
			 * (move_round on Instance13) remembered one early big
			 * gain for a minute and kept half the time: in four
			 * runs each, 13 gave 2,938 on average so and 2,622
			 * with no rounding moves at all; with a 10 s memory,
			 * 2,488 and 2,459 in two. A 3 s memory starved the
			 * rounding on 20 (5,250 against 5,067). Mending a
			 * breach may raise the cost: not a loss. */
			double keep = pow(0.5, dt / RATE_MEMORY);
			gain[op] = gain[op] * keep +
				   (s.best_bad < bad0 ? 0 : (double)(b0 - s.best));
			rate_t[op] = rate_t[op] * keep + dt;
			double r[N_OPS], sum = 0;
			for (int o = 0; o < N_OPS; o++) {
				r[o] = rate_t[o] > 0 && (o < 3 || s.dive_on)
					       ? gain[o] / rate_t[o]
					       : 0;
				sum += r[o];
			}
			/* Until each has run, the first shares stand. */
			if (sum > 0 && rate_t[1] > 0 && rate_t[2] > 0 &&
			    (!s.dive_on || rate_t[3] > 0)) {
				double tot = 0;
				for (int o = 0; o < N_OPS; o++) {
					share[o] = r[o] / sum;
					share[o] = share[o] < 0.1 ? 0.1 : share[o];
					share[o] = o < 3 || s.dive_on ? share[o] : 0;
					tot += share[o];
				}
				for (int o = 0; o < N_OPS; o++)
					share[o] /= tot;
			}
		}
		if (info)
			info->iterations = it;
		if (s.bp_proved) {
			lb = s.best;
			lb_valid = 1;
		}
	}
	report(&s, 1);

	rota_roster *r = rota_roster_new(p->n_employees, p->n_days);
	if (!r) {
		search_free(&s);
		return OV_FAIL(err, OV_E_NOMEM, "", "%s", _("out of memory"));
	}
	memcpy(r->assign, s.best_x, ed * sizeof(int));
	search_free(&s);

	/* The referee's word, not the solver's own, goes back. */
	rota_report rep;
	st = rota_check(p, r, &rep, err);
	if (st) {
		rota_roster_free(r);
		return st;
	}
	if (info) {
		info->feasible = rep.n_violations == 0;
		info->objective = rep.objective;
		info->seconds = elapsed(&s);
		info->lower_bound = lb;
		info->bound_valid = lb_valid;
	}
	rota_report_clear(&rep);
	*out = r;
	return OV_OK;
}
