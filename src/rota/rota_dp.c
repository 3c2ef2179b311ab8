/*
 * rota_dp.c - re-rosters one employee exactly: with everyone else fixed,
 * the cost of e working shift s on day d is a number (its requests plus
 * what it does to the cover), so e's best schedule is a shortest path
 * through days whose state carries what e's rules need: today's shift or
 * day off, the length of the current run, minutes worked and weekends
 * worked. The per-type shift limits (and minutes or weekends, when the
 * state would be too large) are priced in with Lagrange multipliers: a
 * shift type's price rises until its limit holds, and where it then holds
 * with fewer shifts than allowed, the price is bracketed and halved; the
 * cheapest schedule that keeps every rule is kept. Prices that only rose
 * left Instance19's best responses 35,360 above the exact ones over 40
 * employees; bracketed, 2 (Instance15: 914 and 1; whole-horizon calls
 * 1.2-1.7 times slower on 13, 15, 19, bench/rostering/dp_speed.c). A
 * window of days can be re-rostered with the days outside it kept: they
 * still count towards every limit, and
 * since only the states a path reaches are visited, a short window costs
 * little however long the horizon. Called by the search in rota_solve.c.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rota/rota_int.h"

/* Most (days x states) cells one DP may use: 128 MB of predecessors. Only
 * the reachable part of each day is visited, so in a short window a large
 * space costs memory more than time; over a whole horizon it costs both. */
#define DP_BUDGET ((size_t)32 << 20)
#define DP_ROUNDS 12
/* Priced passes that may follow the first schedule keeping every limit,
 * bracketing the prices that were too high (dp_run). */
#define REFINE_ROUNDS 4

struct rs_dp {
	int D, S;
	size_t cap_cells, cap_states;
	double *cur, *nxt;
	int32_t *pred;
	double *c;      /* D * (S + 1): cost of value v on day d, v+1 */
	int64_t *ci;    /* the same in integers, without noise or prices */
	int *units;     /* S: minutes in units of the employee's gcd */
	double *lam;    /* S: price per shift of a limited type */
	/* Per resource index: bit 0 set when a weekend more fits, bit 1 + j
	 * when one more shift of tracked type j does (decode_resources). */
	unsigned char *room;
	size_t cap_room;
	uint8_t *pval;  /* days x states: the value (v + 1) that reached it */
	/* Per weekend: worked already on a kept day (make_shape), so work
	 * on its free day adds no weekend. */
	unsigned char *wk_done;
	int *range;     /* 4 * NK: reachable index ranges (dp_pass) */
	int cap_range;
	/* (D + 1) x (RO + RC): most minute units the days from d on can add
	 * after a given run (most_units). */
	int *most;
	size_t cap_most;
	/* Days outside [wa, wb) keep the values in fixed (re-rostering a
	 * window of the horizon); wa = 0, wb = D re-rosters it whole. */
	int wa, wb;
	const int *fixed;
	/* Pricing under branching: force[d] is the value day d must take,
	 * or -2 for free; NULL when nothing is forced. */
	const int *force;
	/* Track shift counts up to TRACK_THOROUGH instead of TRACK_BUDGET. */
	int thorough;
};

rs_dp *rs_dp_new(const rs_state *st)
{
	rs_dp *dp = calloc(1, sizeof *dp);
	if (!dp)
		return NULL;
	dp->D = st->D;
	dp->S = st->S;
	size_t dv = (size_t)st->D * (size_t)(st->S + 1);
	dp->c = malloc(dv * sizeof *dp->c);
	dp->ci = malloc(dv * sizeof *dp->ci);
	dp->units = malloc((size_t)st->S * sizeof *dp->units);
	dp->lam = malloc((size_t)st->S * sizeof *dp->lam);
	dp->wk_done = calloc((size_t)st->D / 7 + 2, 1);
	if (!dp->c || !dp->ci || !dp->units || !dp->lam || !dp->wk_done) {
		rs_dp_free(dp);
		return NULL;
	}
	return dp;
}

void rs_dp_free(rs_dp *dp)
{
	if (!dp)
		return;
	free(dp->cur);
	free(dp->nxt);
	free(dp->pred);
	free(dp->c);
	free(dp->ci);
	free(dp->units);
	free(dp->lam);
	free(dp->room);
	free(dp->pval);
	free(dp->range);
	free(dp->most);
	free(dp->wk_done);
	free(dp);
}

static int gcd(int a, int b)
{
	while (b) {
		int t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* Per-type limits tracked exactly in the state, at most this many. */
#define MAX_TRACKED 4
/* Tracking a type's count stops when (days x states) would pass this;
 * thorough pricing (rs_dp_price) tracks up to the DP's whole budget. */
#define TRACK_BUDGET ((size_t)4 << 20)
#define TRACK_THOROUGH DP_BUDGET

/*
 * The shape of one employee's state space: a run state k (today off with
 * an off run of length 1..RO, or working a shift of class c in a run of
 * 1..RC) times a resource index r that packs minutes worked, weekends
 * worked and the counts of the tracked shift types. A class holds the
 * usable shifts that forbid the same shifts the next day: the run state
 * needs no more than that to know what may follow, and merging them makes
 * the state space several times smaller where many shift types share a
 * few succession rules (Instance13's 18 types fall into 7 classes). The
 * shift itself is kept per state (pval) for the way back.
 */
typedef struct {
	int RO, RC;     /* caps of off and work run lengths */
	int NC;         /* shift classes */
	int cls[64];    /* shift -> class, or -1 when not usable */
	int rep[64];    /* class -> a shift of it */
	int NK;         /* RO + NC * RC run states */
	int M, Mmax;    /* minutes states (M = 1: not tracked); cap in units */
	int msat;       /* 1: minutes saturate at Mmax (no maximum) */
	int unit;       /* minutes per unit */
	int min_units;  /* minimum at the end, in units */
	int W;          /* weekend states (1: not tracked) */
	int nt;         /* tracked shift types */
	int tt[MAX_TRACKED], tmax[MAX_TRACKED];
	int R;          /* resource states */
	int sM, sW, sT[MAX_TRACKED]; /* strides */
	size_t NS;      /* NK * R */
	int track_min, track_wk; /* whether minutes / weekends are exact */
	int track_of[64]; /* shift -> index in tt, or -1 */
	/* Limits the free days could break (the rest need neither state
	 * nor prices): per shift type, and the weekends. */
	unsigned char binding[64];
	int wk_binding;
	int impossible; /* the kept days alone break a limit */
} shape;

/* The value day d must take in this pass, or -2 when it is free. */
static int kept_value(const rs_dp *dp, int d)
{
	return d < dp->wa || d >= dp->wb ? dp->fixed[d]
	       : dp->force		 ? dp->force[d]
					 : -2;
}

/* Sets the strides and sizes; a state space past 2^30 gets NS = SIZE_MAX
 * so the caller falls back to a smaller shape. */
static void set_strides(shape *sh)
{
	size_t st = 1, big = (size_t)1 << 30;
	for (int j = sh->nt - 1; j >= 0; j--) {
		sh->sT[j] = (int)st;
		st *= (size_t)sh->tmax[j] + 1;
	}
	sh->sW = (int)st;
	st *= (size_t)sh->W;
	sh->sM = (int)st;
	st *= (size_t)sh->M;
	if (st > big || (size_t)sh->NK * st > big) {
		sh->R = 0;
		sh->NS = SIZE_MAX / 2;
		return;
	}
	sh->R = (int)st;
	sh->NS = (size_t)sh->NK * st;
}

/*
 * What the kept days (outside the window, or forced) have used of each
 * per-type and weekend limit: the state counts only what the free days
 * add, against the room the kept days leave. A limit with room for every
 * free day needs no state and no price at all; in a window of 10 days
 * that is most of them (Instance19's 12 nights in 12 weeks, its 6
 * weekends in 12).
 */
static void kept_use(rs_dp *dp, const rs_state *st, int e, shape *sh,
		     int *room, int *wk_room)
{
	const rota_employee *em = &st->p->employees[e];
	const int D = st->D, S = st->S;
	int free_n[64] = {0};
	for (int s = 0; s < S && s < 64; s++)
		room[s] = em->max_shifts ? em->max_shifts[s] : ROTA_UNLIMITED;
	for (int d = 0; d < D; d++) {
		int kv = kept_value(dp, d);
		if (kv >= 0 && kv < 64 && room[kv] != ROTA_UNLIMITED)
			room[kv]--;
		for (int s = 0; kv == -2 && !em->day_off[d] && s < S && s < 64; s++)
			free_n[s] += st->usable[e * S + s];
	}
	int done = 0, open = 0;
	for (int w = 0; 7 * w + 5 < D; w++) {
		int worked = 0, can = 0;
		for (int d = 7 * w + 5; d < 7 * w + 7 && d < D; d++) {
			int kv = kept_value(dp, d);
			worked |= kv >= 0;
			can |= kv == -2 && !em->day_off[d];
		}
		dp->wk_done[w] = (unsigned char)worked;
		done += worked;
		open += !worked && can;
	}
	*wk_room = em->max_weekends == ROTA_UNLIMITED ? ROTA_UNLIMITED
						      : em->max_weekends - done;
	sh->wk_binding = *wk_room != ROTA_UNLIMITED && *wk_room < open;
	sh->impossible = *wk_room != ROTA_UNLIMITED && *wk_room < 0;
	for (int s = 0; s < S && s < 64; s++) {
		sh->binding[s] = room[s] != ROTA_UNLIMITED && room[s] < free_n[s];
		sh->impossible |= room[s] != ROTA_UNLIMITED && room[s] < 0;
	}
}

static void make_shape(rs_dp *dp, const rs_state *st, int e, shape *sh,
		       int allow_min, int allow_wk)
{
	const rota_employee *em = &st->p->employees[e];
	int S = st->S;
	memset(sh, 0, sizeof *sh);
	int room[64], wk_room;
	kept_use(dp, st, e, sh, room, &wk_room);
	/* No run is longer than the horizon: clamp so limits far above it
	 * cannot blow up the state space. */
	int D = st->D;
	sh->RO = em->min_days_off > 1 ? em->min_days_off : 1;
	if (sh->RO > D + 1)
		sh->RO = D + 1;
	if (em->max_consecutive != ROTA_UNLIMITED)
		sh->RC = em->max_consecutive;
	else
		sh->RC = em->min_consecutive > 1 ? em->min_consecutive : 1;
	if (sh->RC > D + 1)
		sh->RC = D + 1;
	sh->NC = 0;
	for (int s = 0; s < S && s < 64; s++) {
		sh->cls[s] = -1;
		if (!st->usable[e * S + s])
			continue;
		for (int c = 0; c < sh->NC && sh->cls[s] < 0; c++) {
			int r = sh->rep[c], same = 1;
			for (int t = 0; t < S && same; t++)
				same = !st->usable[e * S + t] ||
				       st->forbid[r * S + t] == st->forbid[s * S + t];
			if (same)
				sh->cls[s] = c;
		}
		if (sh->cls[s] < 0) {
			sh->rep[sh->NC] = s;
			sh->cls[s] = sh->NC++;
		}
	}
	sh->NK = sh->RO + sh->NC * sh->RC;

	sh->M = 1;
	sh->unit = 1;
	int g = 0, shortest = 0;
	for (int s = 0; s < S; s++)
		if (st->usable[e * S + s]) {
			g = gcd(g, st->p->shifts[s].length);
			if (!shortest || st->p->shifts[s].length < shortest)
				shortest = st->p->shifts[s].length;
		}
	if (g <= 0)
		g = 1;
	int has_max = em->max_minutes != ROTA_UNLIMITED;
	if (allow_min && (has_max || em->min_minutes > 0)) {
		sh->track_min = 1;
		sh->unit = g;
		if (has_max) {
			/* No more than working every day on the longest shift. */
			long long most_min = (long long)D * 1440;
			long long cap = em->max_minutes < most_min
						? em->max_minutes
						: most_min;
			sh->Mmax = (int)(cap / g);
			sh->msat = 0;
		} else {
			sh->Mmax = (em->min_minutes + g - 1) / g;
			sh->msat = 1;
		}
		sh->min_units = (em->min_minutes + g - 1) / g;
		sh->M = sh->Mmax + 1;
	}
	sh->W = 1;
	if (allow_wk && sh->wk_binding && !sh->impossible) {
		sh->track_wk = 1;
		sh->W = wk_room + 1;
	}
	for (int s = 0; s < 64; s++)
		sh->track_of[s] = -1;
	set_strides(sh);
	/* Track the tightest per-type limits while the state stays small. */
	int most = st->D;
	if (has_max && shortest > 0 && em->max_minutes / shortest < most)
		most = em->max_minutes / shortest;
	/* Without exact minutes the DP runs many priced passes; keep each
	 * pass small then. */
	while (sh->track_min && sh->nt < MAX_TRACKED && !sh->impossible) {
		int pick = -1;
		for (int s = 0; s < S && s < 64; s++) {
			if (!sh->binding[s] || em->max_shifts[s] >= most ||
			    sh->track_of[s] >= 0 || !st->usable[e * S + s])
				continue;
			if (pick < 0 || room[s] < room[pick])
				pick = s;
		}
		if (pick < 0)
			break;
		shape trial = *sh;
		trial.tt[trial.nt] = pick;
		trial.tmax[trial.nt] = room[pick];
		trial.nt++;
		set_strides(&trial);
		size_t budget = dp->thorough ? TRACK_THOROUGH : TRACK_BUDGET;
		if (trial.NS > budget / (size_t)st->D)
			break;
		trial.track_of[pick] = trial.nt - 1;
		*sh = trial;
	}
}

static int reserve(rs_dp *dp, size_t states, size_t cells)
{
	if (states > dp->cap_states) {
		free(dp->cur);
		free(dp->nxt);
		dp->cur = malloc(states * sizeof *dp->cur);
		dp->nxt = malloc(states * sizeof *dp->nxt);
		if (!dp->cur || !dp->nxt) {
			dp->cap_states = 0;
			return -1;
		}
		for (size_t i = 0; i < states; i++)
			dp->cur[i] = dp->nxt[i] = INFINITY;
		dp->cap_states = states;
	}
	if (cells > dp->cap_cells) {
		free(dp->pred);
		free(dp->pval);
		dp->pred = malloc(cells * sizeof *dp->pred);
		dp->pval = malloc(cells * sizeof *dp->pval);
		if (!dp->pred || !dp->pval) {
			dp->cap_cells = 0;
			return -1;
		}
		dp->cap_cells = cells;
	}
	return 0;
}

/* What room each resource index has left (dp->room). */
static int decode_resources(rs_dp *dp, const shape *sh)
{
	size_t need = (size_t)sh->R;
	if (need > dp->cap_room) {
		free(dp->room);
		dp->room = malloc(need * sizeof *dp->room);
		if (!dp->room) {
			dp->cap_room = 0;
			return -1;
		}
		dp->cap_room = need;
	}
	if (4 * sh->NK > dp->cap_range) {
		free(dp->range);
		dp->range = malloc((size_t)(4 * sh->NK) * sizeof *dp->range);
		if (!dp->range) {
			dp->cap_range = 0;
			return -1;
		}
		dp->cap_range = 4 * sh->NK;
	}
	for (int r = 0; r < sh->R; r++) {
		unsigned char b = (r / sh->sW) % sh->W + 1 < sh->W;
		for (int j = 0; j < sh->nt; j++)
			if ((r / sh->sT[j]) % (sh->tmax[j] + 1) + 1 <= sh->tmax[j])
				b |= (unsigned char)(2u << j);
		dp->room[r] = b;
	}
	return 0;
}

/* Sets back to infinity what a pass left in its two buffers: the last day
 * within lo..hi and the day before within nlo..nhi. */
static void clear_reached(double *cur, double *nxt, const int *lo,
			  const int *hi, const int *nlo, const int *nhi, int NK,
			  int R)
{
	for (int k = 0; k < NK; k++) {
		for (int ri = lo[k]; ri <= hi[k]; ri++)
			cur[(size_t)k * R + ri] = INFINITY;
		for (int ri = nlo[k]; ri <= nhi[k]; ri++)
			nxt[(size_t)k * R + ri] = INFINITY;
	}
}

/*
 * Fills dp->most: for each day d and run (an off run of 1..RO days, index
 * r - 1, or a work run of 1..RC, index RO + r - 1) at the end of day d - 1,
 * the most minute units days d.. can still add under the run-length rules,
 * each working day counting its longest shift. A state whose minutes
 * cannot reach the minimum even so is dead, and dp_pass does not make it:
 * on the last third of a horizon that is much of the state space.
 * Shift classes and succession rules are left out, so the figure is an
 * upper bound, which is all the pruning needs.
 */
static int most_units(rs_dp *dp, const rs_state *st, int e, const shape *sh)
{
	const rota_employee *em = &st->p->employees[e];
	const int D = st->D, S = st->S, RO = sh->RO, RC = sh->RC, NR = RO + RC;
	const int minC = em->min_consecutive > 1 ? em->min_consecutive : 1;
	const int limC = em->max_consecutive != ROTA_UNLIMITED;
	size_t need = (size_t)(D + 1) * (size_t)NR;
	if (need > dp->cap_most) {
		free(dp->most);
		dp->most = malloc(need * sizeof *dp->most);
		if (!dp->most) {
			dp->cap_most = 0;
			return -1;
		}
		dp->cap_most = need;
	}
	int *m = dp->most;
	for (int k = 0; k < NR; k++)
		m[(size_t)D * NR + k] = 0;
	for (int d = D - 1; d >= 0; d--) {
		int keep = kept_value(dp, d), w = -1;
		for (int t = 0; t < S; t++)
			if (sh->cls[t] >= 0 && (keep == -2 || keep == t) &&
			    !em->day_off[d] && dp->units[t] > w)
				w = dp->units[t];
		const int *after = &m[(size_t)(d + 1) * NR];
		int *here = &m[(size_t)d * NR];
		for (int k = 0; k < NR; k++) {
			int off = k < RO, r = off ? k + 1 : k - RO + 1, best = -1;
			int may_off = keep < 0 && (off || r >= minC || r == d);
			int may_work = w >= 0 && (off ? r >= RO || r == d
						      : !limC || r + 1 <= RC);
			if (may_off)
				best = after[off ? (r + 1 > RO ? RO : r + 1) - 1 : 0];
			if (may_work) {
				int r2 = off ? 1 : r + 1 > RC ? RC : r + 1;
				int v = w + after[RO + r2 - 1];
				best = v > best ? v : best;
			}
			/* No way on: nothing reachable, so nothing to add. */
			here[k] = best < 0 ? 0 : best;
		}
	}
	return 0;
}

/* Where relax writes: day d's costs, predecessors and values of one
 * target run state, and the range of indexes reached there. */
typedef struct {
	double *dst;
	int32_t *pred;
	uint8_t *val;
	uint8_t vcode;
	int base;
	int lo, hi;
} relax_out;

/*
 * The DP's inner loop: from every source index ri in [from, end) with
 * the room `need` asks, one step to ri + step at cost + add. An
 * unreached source is infinite and so never improves a target, which
 * saves a branch on it (two thirds of the indexes on Instance13); with
 * need a constant 0 the room test goes too.
 */
static inline __attribute__((always_inline)) void
relax(const double *src, const unsigned char *room, unsigned need, int from,
      int end, int step, double add, relax_out *o)
{
	double *dst = o->dst;
	int lo = o->lo, hi = o->hi;
	for (int ri = from; ri < end; ri++) {
		if ((room[ri] & need) != need)
			continue;
		double nc = src[ri] + add;
		int r2 = ri + step;
		if (nc < dst[r2]) {
			dst[r2] = nc;
			o->pred[r2] = o->base + ri;
			o->val[r2] = o->vcode;
			lo = r2 < lo ? r2 : lo;
			hi = r2 > hi ? r2 : hi;
		}
	}
	o->lo = lo;
	o->hi = hi;
}

/*
 * One shortest-path pass with the prices given. Fills out (D values) and
 * returns 0, or -1 if no schedule keeps the tracked rules.
 *
 * Minutes are the most significant digit of a resource index, so "one
 * more shift still fits under the maximum" is a bound on the index and
 * the inner loop runs over a contiguous range with a constant offset;
 * the weekend and tracked-count limits are bits of dp->room.
 */
static int dp_pass(rs_dp *dp, const rs_state *st, int e, const shape *sh,
		   double mu, double nu, int *out)
{
	const rota_employee *em = &st->p->employees[e];
	const int D = st->D, S = st->S, NK = sh->NK, R = sh->R;
	const int RO = sh->RO, RC = sh->RC;
	const int minC = em->min_consecutive > 1 ? em->min_consecutive : 1;
	const int limC = em->max_consecutive != ROTA_UNLIMITED;
	const size_t NS = sh->NS;
	double *cur = dp->cur, *nxt = dp->nxt;
	int32_t *pred = dp->pred;
	uint8_t *pval = dp->pval;
	const unsigned char *room = dp->room;
	int tgt[1 + 64], wk_add[1 + 64], vals[1 + 64];
	static const double start_cost = 0.0;

	/* Shifts of one class with the same minutes and the same tracked
	 * count lead from a state to the same state: only the cheapest of
	 * them that may follow counts (Instance13's 18 types fall into 12
	 * such groups). grp[t] numbers them; each day, next[q] lists the
	 * cheapest of each group that may follow source q (0: a day off,
	 * 1 + c: a shift of class c), in increasing order of shift, so that
	 * ties go the way they would without the grouping. */
	int grp[64], ng = 0, gkey[64][3];
	for (int t = 0; t < S; t++) {
		grp[t] = -1;
		if (sh->cls[t] < 0)
			continue;
		int key[3] = {sh->cls[t], dp->units[t], sh->track_of[t]};
		for (int g = 0; g < ng && grp[t] < 0; g++)
			if (!memcmp(gkey[g], key, sizeof key))
				grp[t] = g;
		if (grp[t] < 0) {
			memcpy(gkey[ng], key, sizeof key);
			grp[t] = ng++;
		}
	}
	int next[1 + 64][64], n_next[1 + 64];
	const int prune = sh->track_min && sh->min_units > 0;

	/* Reachable resource indexes of each run state lie in [lo, hi]:
	 * most of the state space is unreachable on most days, and skipping
	 * it is most of the speed. */
	int *lo = dp->range, *hi = lo + NK, *nlo = hi + NK, *nhi = nlo + NK;
	/* Both buffers come in all infinite (reserve, and the end of the
	 * previous pass), so only what a pass reaches is ever cleared. */
	for (int k = 0; k < NK; k++) {
		lo[k] = nlo[k] = R;
		hi[k] = nhi[k] = -1;
	}
	for (int d = 0; d < D; d++) {
		/* nxt still holds day d - 2 within nlo..nhi: clear only that. */
		for (int k = 0; k < NK; k++) {
			for (int ri = nlo[k]; ri <= nhi[k]; ri++)
				nxt[(size_t)k * R + ri] = INFINITY;
			nlo[k] = R;
			nhi[k] = -1;
		}
		const int keep = kept_value(dp, d);
		const int wk_live = keep == -2 && !dp->wk_done[d / 7];
		/* Minutes a state made today needs, by its run, to still
		 * reach the minimum (prune). */
		const int *most = &dp->most[(size_t)(d + 1) * (RO + RC)];
		int32_t *pd = &pred[(size_t)d * NS];
		uint8_t *pvd = &pval[(size_t)d * NS];
		const double *cd = &dp->c[(size_t)d * (S + 1)];
		int dow = d % 7;
		for (int q = 0; q <= sh->NC; q++) {
			int best[64];
			for (int g = 0; g < ng; g++)
				best[g] = -1;
			const unsigned char *fb =
				q ? &st->forbid[sh->rep[q - 1] * S] : NULL;
			for (int t = 0; t < S; t++) {
				int g = grp[t];
				if (g < 0 || (fb && fb[t]) || (keep != -2 && keep != t))
					continue;
				if (best[g] < 0 || cd[t + 1] < cd[best[g] + 1])
					best[g] = t;
			}
			n_next[q] = 0;
			for (int t = 0; t < S; t++)
				if (grp[t] >= 0 && best[grp[t]] == t)
					next[q][n_next[q]++] = t;
		}
		/* Day 0 comes from a virtual long rest (k = -1). */
		int k_lo = d == 0 ? -1 : 0, k_hi = d == 0 ? 0 : NK;
		for (int k = k_lo; k < k_hi; k++) {
			int off = k < 0 || k < RO;
			int r, c = -1, nv = 0;
			if (k < 0) {
				r = RO;
			} else if (off) {
				r = k + 1;
			} else {
				c = (k - RO) / RC;
				r = (k - RO) % RC + 1;
			}
			if (off) {
				vals[nv] = -1;
				tgt[nv] = (r + 1 > RO ? RO : r + 1) - 1;
				wk_add[nv++] = 0;
				if (!em->day_off[d] && (r >= RO || r == d)) {
					for (int i = 0; i < n_next[0]; i++) {
						int t = next[0][i];
						vals[nv] = t;
						tgt[nv] = RO + sh->cls[t] * RC;
						wk_add[nv++] = dow == 5 || dow == 6;
					}
				}
			} else {
				if (r >= minC || r == d) {
					vals[nv] = -1;
					tgt[nv] = 0;
					wk_add[nv++] = 0;
				}
				if (!em->day_off[d] && (!limC || r + 1 <= RC)) {
					int r2 = r + 1 > RC ? RC : r + 1;
					for (int i = 0; i < n_next[1 + c]; i++) {
						int t = next[1 + c][i];
						vals[nv] = t;
						tgt[nv] = RO + sh->cls[t] * RC + r2 - 1;
						wk_add[nv++] = dow == 5;
					}
				}
			}
			const double *src = k < 0 ? &start_cost : &cur[(size_t)k * R];
			int r_lo = k < 0 ? 0 : lo[k], r_hi = k < 0 ? 1 : hi[k] + 1;
			if (r_lo >= r_hi)
				continue;
			int base = k < 0 ? -1 : k * R;
			for (int j = 0; j < nv; j++) {
				int v = vals[j];
				if (keep != -2 && v != keep)
					continue;
				int du = v >= 0 && sh->track_min ? dp->units[v] : 0;
				/* Kept days are counted in the room already. */
				int wk = wk_live && wk_add[j];
				int dw = sh->track_wk ? wk : 0;
				int jt = v >= 0 && keep == -2 ? sh->track_of[v] : -1;
				double add = cd[v + 1];
				if (v >= 0 && !sh->track_wk && wk)
					add += nu;
				if (v >= 0 && !sh->track_min)
					add += mu * st->p->shifts[v].length;
				/* The resource step and the room it needs. */
				int step = du * sh->sM + (dw ? sh->sW : 0) +
					   (jt >= 0 ? sh->sT[jt] : 0);
				unsigned need = (dw ? 1u : 0u) |
						(jt >= 0 ? 2u << jt : 0u);
				/* Below lim the minutes stay within the cap. */
				int lim = du ? (sh->Mmax + 1 - du) * sh->sM : R;
				if (lim < 0)
					lim = 0;
				double *dst = &nxt[(size_t)tgt[j] * R];
				int32_t *pdst = &pd[(size_t)tgt[j] * R];
				uint8_t *vdst = &pvd[(size_t)tgt[j] * R];
				int tlo = nlo[tgt[j]], thi = nhi[tgt[j]];
				uint8_t vcode = (uint8_t)(v + 1);
				int end = r_hi < lim ? r_hi : lim;
				int from = r_lo;
				if (prune) {
					int tk = tgt[j] < RO ? tgt[j]
							     : RO + (tgt[j] - RO) % RC;
					int need_m = sh->min_units - most[tk] - du;
					if (need_m > 0 && need_m * sh->sM > from)
						from = need_m * sh->sM;
				}
				relax_out out_j = {dst, pdst, vdst, vcode, base,
						   tlo, thi};
				if (need)
					relax(src, room, need, from, end, step,
					      add, &out_j);
				else
					relax(src, room, 0, from, end, step, add,
					      &out_j);
				tlo = out_j.lo;
				thi = out_j.hi;
				/* Past the cap, minutes saturate when there is
				 * no maximum (only a minimum to reach). A loop
				 * of its own: folding it into the one above
				 * (a branch per index) made the DP 20 % slower
				 * on Instance20. */
				for (int ri = r_lo > lim ? r_lo : lim;
				     sh->msat && ri < r_hi; ri++) {
					double cs = src[ri];
					if (cs == INFINITY ||
					    (room[ri] & need) != need)
						continue;
					double nc = cs + add;
					int r2 = sh->Mmax * sh->sM + ri % sh->sM +
						 step - du * sh->sM;
					if (nc < dst[r2]) {
						dst[r2] = nc;
						pdst[r2] = base + ri;
						vdst[r2] = vcode;
						tlo = r2 < tlo ? r2 : tlo;
						thi = r2 > thi ? r2 : thi;
					}
				}
				nlo[tgt[j]] = tlo;
				nhi[tgt[j]] = thi;
			}
		}
		double *t = cur;
		cur = nxt;
		nxt = t;
		int *tl = lo, *th = hi;
		lo = nlo;
		hi = nhi;
		nlo = tl;
		nhi = th;
	}
	/* Best final state meeting the minimum minutes. */
	double best = INFINITY;
	size_t bi = 0;
	int first_ok = sh->track_min ? sh->min_units * sh->sM : 0;
	for (int k = 0; k < NK; k++)
		for (int ri = lo[k] > first_ok ? lo[k] : first_ok; ri <= hi[k];
		     ri++) {
			size_t i = (size_t)k * R + ri;
			if (cur[i] < best) {
				best = cur[i];
				bi = i;
			}
		}
	/* The buffers swapped D times; keep dp's pointers owning them. */
	dp->cur = cur;
	dp->nxt = nxt;
	if (best == INFINITY) {
		clear_reached(cur, nxt, lo, hi, nlo, nhi, NK, R);
		return -1;
	}
	size_t i = bi;
	for (int d = D - 1; d >= 0; d--) {
		out[d] = (int)pval[(size_t)d * NS + i] - 1;
		int32_t p = pred[(size_t)d * NS + i];
		if (d > 0)
			i = (size_t)p;
	}
	clear_reached(cur, nxt, lo, hi, nlo, nhi, NK, R);
	return 0;
}

/* Whether shift type s has a limit the free days could break (binding
 * implies a limit) that the state of shape sh does not track: one the DP
 * prices in. */
static int priced_limit(const shape *sh, int s)
{
	return sh->binding[s] && sh->track_of[s] < 0;
}

/*
 * Runs the shortest path on the day costs in dp->c, raising prices on
 * per-type limits (and minutes or weekends when the state leaves them
 * out) until the schedule keeps them, then bracketing the per-type prices
 * that were too high. Returns 0 with out filled, or -1.
 * *exact is set when the first pass already kept every rule with the
 * state tracking them, so the schedule is optimal for these costs.
 */
static int dp_run(rs_dp *dp, rs_state *st, int e, int *out, int *exact)
{
	const rota_employee *em = &st->p->employees[e];
	const int D = st->D, S = st->S;
	*exact = 0;
	if (S > 64)
		return -1; /* the transition tables above hold 64 types */

	shape sh;
	make_shape(dp, st, e, &sh, 1, 1);
	if (sh.impossible)
		return -1;
	if (sh.NS > DP_BUDGET / (size_t)D)
		make_shape(dp, st, e, &sh, 1, 0);
	if (sh.NS > DP_BUDGET / (size_t)D)
		make_shape(dp, st, e, &sh, 0, 0);
	if (sh.NS > DP_BUDGET / (size_t)D ||
	    reserve(dp, sh.NS, sh.NS * (size_t)D) || decode_resources(dp, &sh))
		return -1;
	for (int s = 0; s < S; s++)
		dp->units[s] = st->p->shifts[s].length / sh.unit;
	if (most_units(dp, st, e, &sh))
		return -1;
	/* The price steps follow the largest cost, leaving out the
	 * prohibitive ones (branch and price bans a value at 1e12,
	 * rota_bp.c): those would make every step useless. */
	double scale = 1.0;
	size_t nc = (size_t)D * (S + 1);
	for (size_t i = 0; i < nc; i++)
		if (fabs(dp->c[i]) > scale && fabs(dp->c[i]) < 1e11)
			scale = fabs(dp->c[i]);

	int limited = 0;
	/* Per type: the highest price that gave too many shifts, the
	 * lowest that gave fewer than allowed (once refining). */
	double lam_lo[64], lam_hi[64];
	unsigned char lam_has_hi[64];
	int refine = 0;
	for (int s = 0; s < S; s++) {
		dp->lam[s] = 0;
		lam_lo[s] = lam_hi[s] = 0;
		lam_has_hi[s] = 0;
		if (priced_limit(&sh, s))
			limited = 1;
	}
	double mu = 0, nu = 0, step = scale / 4 + 1;
	/* Price per minute: bracketed, then halved (minutes fall as mu
	 * rises). lo gives too many minutes, hi too few. */
	double mu_lo = 0, mu_hi = 0, mu_step = step / 480.0;
	int have_lo = 0, have_hi = 0;
	int *cnt = calloc((size_t)(S > 0 ? S : 1), sizeof(int));
	int *keep = malloc((size_t)D * sizeof *keep);
	double *c0 = malloc(nc * sizeof *c0);
	if (!cnt || !keep || !c0) {
		free(cnt);
		free(keep);
		free(c0);
		return -1;
	}
	memcpy(c0, dp->c, nc * sizeof *c0);
	int result = -1, rounds = sh.track_min ? DP_ROUNDS : 2 * DP_ROUNDS;
	double kept = INFINITY;
	for (int round = 0; round < rounds; round++) {
		if (limited && round > 0)
			for (int d = 0; d < D; d++)
				for (int s = 0; s < S; s++)
					dp->c[(size_t)d * (S + 1) + s + 1] =
						c0[(size_t)d * (S + 1) + s + 1] +
						dp->lam[s];
		if (dp_pass(dp, st, e, &sh, mu, nu, out))
			break;
		memset(cnt, 0, (size_t)S * sizeof *cnt);
		int minutes = 0, wk = 0;
		for (int d = 0; d < D; d++)
			if (out[d] >= 0) {
				cnt[out[d]]++;
				minutes += st->p->shifts[out[d]].length;
				if (d % 7 == 5 || (d % 7 == 6 && out[d - 1] < 0))
					wk++;
			}
		/* Whatever the prices, a schedule keeping every rule is kept
		 * if it is the cheapest seen. */
		if (rs_emp_breaches(st, e, out) == 0) {
			double c = 0;
			for (int d = 0; d < D; d++)
				c += c0[(size_t)d * (S + 1) + out[d] + 1];
			if (c < kept) {
				kept = c;
				memcpy(keep, out, (size_t)D * sizeof *keep);
				result = 0;
				*exact = round == 0;
			}
		}
		int again = 0, high = 0;
		for (int s = 0; s < S; s++) {
			if (!priced_limit(&sh, s))
				continue;
			int over = cnt[s] - em->max_shifts[s];
			if (over > 0) {
				lam_lo[s] = dp->lam[s];
				dp->lam[s] = lam_has_hi[s]
						     ? (lam_lo[s] + lam_hi[s]) / 2
						     : dp->lam[s] + step * over;
				again = 1;
			} else if (over < 0 && dp->lam[s] > 0) {
				high = 1;
			}
		}
		if (!sh.track_min) {
			int over = em->max_minutes != ROTA_UNLIMITED &&
				   minutes > em->max_minutes;
			int under = minutes < em->min_minutes;
			if (over) {
				mu_lo = mu;
				have_lo = 1;
			} else if (under) {
				mu_hi = mu;
				have_hi = 1;
			}
			if (over || under) {
				if (have_lo && have_hi)
					mu = (mu_lo + mu_hi) / 2;
				else if (over)
					mu += mu_step;
				else
					mu -= mu_step;
				mu_step *= 2;
				again = 1;
			}
		}
		if (!sh.track_wk && em->max_weekends != ROTA_UNLIMITED &&
		    wk > em->max_weekends) {
			nu += step * (wk - em->max_weekends);
			again = 1;
		}
		/* Once every limit holds, some with fewer shifts than
		 * allowed, the prices that only rose may be too high and a
		 * cheaper schedule keep the limits: from then on those
		 * prices are bracketed (too low: too many shifts; too high:
		 * fewer than allowed) and halved. Until then the search is
		 * the rising one, so the cheapest schedule kept is never
		 * worse than it finds. */
		if (high && (refine || !again)) {
			if (!refine && rounds > round + 1 + REFINE_ROUNDS)
				rounds = round + 1 + REFINE_ROUNDS;
			refine = 1;
			for (int s = 0; s < S; s++)
				if (priced_limit(&sh, s) &&
				    cnt[s] < em->max_shifts[s] && dp->lam[s] > 0) {
					lam_hi[s] = dp->lam[s];
					lam_has_hi[s] = 1;
					dp->lam[s] = (lam_lo[s] + lam_hi[s]) / 2;
				}
			again = 1;
		}
		if (!again)
			break;
		step *= 1.5;
	}
	if (result == 0)
		memcpy(out, keep, (size_t)D * sizeof *out);
	free(keep);
	memcpy(dp->c, c0, nc * sizeof *c0);
	free(c0);
	free(cnt);
	return result;
}

int64_t rs_dp_best(rs_dp *dp, rs_state *st, int e, int *out, ov_rng *rng,
		   int noise, int wa, int wb)
{
	const int D = st->D, S = st->S;
	dp->wa = wa < 0 ? 0 : wa;
	dp->wb = wb > D ? D : wb;
	dp->fixed = &st->x[(size_t)e * D];
	dp->force = NULL;
	/* Day costs: requests plus marginal cover, in integers and with noise. */
	for (int d = 0; d < D; d++) {
		const int *rq = &st->req[((size_t)e * D + d) * (S + 1)];
		int64_t *ci = &dp->ci[(size_t)d * (S + 1)];
		double *c = &dp->c[(size_t)d * (S + 1)];
		ci[0] = rq[0];
		for (int s = 0; s < S; s++)
			ci[s + 1] = st->usable[e * S + s]
					    ? rq[s + 1] + rs_cover_delta(st, e, d, s)
					    : 0;
		for (int v = 0; v <= S; v++) {
			c[v] = (double)ci[v];
			if (noise > 0)
				c[v] += (double)ov_rng_range(rng, 0, noise);
		}
	}
	int exact;
	if (dp_run(dp, st, e, out, &exact))
		return RS_INF;
	int64_t cost = 0;
	for (int d = 0; d < D; d++)
		cost += dp->ci[(size_t)d * (S + 1) + out[d] + 1];
	return cost;
}

int rs_dp_price(rs_dp *dp, rs_state *st, int e, const double *cost,
		const int *force, int thorough, int *out, double *value,
		int *exact)
{
	size_t nc = (size_t)st->D * (st->S + 1);
	dp->wa = 0;
	dp->wb = st->D;
	dp->fixed = NULL;
	dp->force = force;
	memcpy(dp->c, cost, nc * sizeof *dp->c);
	dp->thorough = thorough;
	int rc = dp_run(dp, st, e, out, exact);
	dp->thorough = 0;
	if (rc)
		return -1;
	double v = 0;
	for (int d = 0; d < st->D; d++)
		v += cost[(size_t)d * (st->S + 1) + out[d] + 1];
	*value = v;
	return 0;
}
