/*
 * routes_solve.c - the search: ruin and recreate after Christiaens and
 * Vanden Berghe's SISR ("Slack Induction by String Removals", Transp.
 * Sci. 2020), under simulated annealing. Each step removes a few strings
 * of consecutive visits from routes near a random visit, then puts the
 * removed visits back one by one at their cheapest feasible place, now
 * and then skipping a place ("blinks") so that the second best gets its
 * turn. The recreate order varies (random, largest demand, farthest
 * from or nearest to the depot).
 *
 * A place is checked in constant time: each route keeps the earliest
 * start of service at every visit (forward) and the latest start that
 * keeps the rest of the route on time (backward), so a visit fits
 * between two others when it starts in its window and the next one
 * still starts by its latest.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/ov_i18n.h"
#include "base/ov_rng.h"
#include "routes/routes.h"

/* SISR's parameters, as the paper gives them: removed visits on average,
 * longest string, chance of skipping a place. */
#define AVG_REMOVED 10.0
#define MAX_STRING 10.0
#define BLINK_PERMILLE 10
/* Chance that a ruin also takes out the shortest route whole. */
#define ELIMINATE_PERMILLE 20
/* Annealing temperatures at the start and the end (distance units). */
#define T_START 10.0
#define T_END 0.1
/* Slack under which a time counts as on time (sums of doubles). */
#define EPS 1e-7

typedef struct {
	int V, N;      /* vehicles; nodes with the depot (visits + 1) */
	int *len;      /* V: visits on each route */
	int *seq;      /* V x (N + 1): 0, visits, 0 */
	double *start; /* V x (N + 1): earliest start of service */
	double *late;  /* V x (N + 1): latest start that keeps the rest */
	int *load;     /* V */
	double *dist;  /* V */
	double *soft;  /* V: the visits' Sámi and continuity costs */
	int *route;    /* N: each visit's route, -1 if unserved */
	/* N: the start both halves of a two-caregiver visit were given
	 * when they were put in (their window shrinks to it), else -1. */
	double *fix;
	/* N: the window each visit was put in (0: [ready, due]). */
	unsigned char *win;
	int n_out;     /* unserved visits */
} sol;

typedef struct {
	const routes_problem *p;
	const routes_solve_opts *opts;
	ov_rng rng;
	struct timespec t0;
	int N, V;
	double *ready, *due, *svc; /* per node */
	int *dem;
	/* Per vehicle: shift (within the depot's hours) and skills. */
	double *v_start, *v_end;
	unsigned *v_skills;
	int *v_sami;
	int alike; /* every vehicle the same: try one empty route only */
	int twins; /* some visits need two caregivers together */
	int multi; /* some visits have more than one window */
	int homes; /* some vehicles start or end at their own place */
	double vcost; /* cost of a used vehicle (vehicles-first objective) */
	int *adj;     /* N x N: visits by distance from each (itself first) */
	sol cur, work, best;
	double cur_cost, best_cost;
	unsigned char *touched; /* V: routes the step changed */
	unsigned char *gone;    /* N: removed this step */
	int *removed;
	int n_removed;
	double *key; /* N: sort keys for the recreate order */
} search;

static double elapsed(const search *s)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - s->t0.tv_sec) +
	       (double)(t.tv_nsec - s->t0.tv_nsec) / 1e9;
}

static double tt(const search *s, int a, int b)
{
	return s->p->travel[(size_t)a * (size_t)s->N + (size_t)b];
}

/* Travel from a to b on route r: node 0 is r's own start or end when
 * the vehicle has one. */
__attribute__((noinline)) static double home_leg(const search *s, int r,
						 int a, int b)
{
	return routes_leg(s->p, r, a, b);
}

/* Kept small so that it inlines: the benchmark's hot path is tt. */
static inline double leg(const search *s, int r, int a, int b)
{
	if (__builtin_expect(s->homes, 0) && (a == 0 || b == 0))
		return home_leg(s, r, a, b);
	return tt(s, a, b);
}

static int sol_alloc(sol *x, int V, int N)
{
	size_t cells = (size_t)V * (size_t)(N + 1);
	x->V = V;
	x->N = N;
	x->len = calloc((size_t)V, sizeof *x->len);
	x->seq = calloc(cells, sizeof *x->seq);
	x->start = calloc(cells, sizeof *x->start);
	x->late = calloc(cells, sizeof *x->late);
	x->load = calloc((size_t)V, sizeof *x->load);
	x->dist = calloc((size_t)V, sizeof *x->dist);
	x->soft = calloc((size_t)V, sizeof *x->soft);
	x->route = malloc((size_t)N * sizeof *x->route);
	x->fix = malloc((size_t)N * sizeof *x->fix);
	x->win = calloc((size_t)N, sizeof *x->win);
	if (!x->len || !x->seq || !x->start || !x->late || !x->load ||
	    !x->dist || !x->soft || !x->route || !x->fix || !x->win)
		return -1;
	for (int i = 0; i < N; i++) {
		x->route[i] = -1;
		x->fix[i] = -1;
	}
	x->n_out = N - 1;
	return 0;
}

static void sol_free(sol *x)
{
	free(x->len);
	free(x->seq);
	free(x->start);
	free(x->late);
	free(x->load);
	free(x->dist);
	free(x->soft);
	free(x->route);
	free(x->fix);
	free(x->win);
}

/* Copies route r (and who is on it) from a to b. */
static void copy_route(sol *b, const sol *a, int r)
{
	size_t off = (size_t)r * (size_t)(a->N + 1), n = (size_t)a->len[r] + 2;
	/* Visits that were on r in b and are elsewhere in a keep a's
	 * route: the caller copies every touched route and the route map. */
	memcpy(b->seq + off, a->seq + off, n * sizeof *a->seq);
	memcpy(b->start + off, a->start + off, n * sizeof *a->start);
	memcpy(b->late + off, a->late + off, n * sizeof *a->late);
	b->len[r] = a->len[r];
	b->load[r] = a->load[r];
	b->dist[r] = a->dist[r];
	b->soft[r] = a->soft[r];
}

static void copy_map(search *s, sol *b, const sol *a)
{
	memcpy(b->route, a->route, (size_t)s->N * sizeof *a->route);
	if (s->twins)
		memcpy(b->fix, a->fix, (size_t)s->N * sizeof *a->fix);
	if (s->multi)
		memcpy(b->win, a->win, (size_t)s->N * sizeof *a->win);
	b->n_out = a->n_out;
}

static void copy_touched(search *s, sol *b, const sol *a)
{
	for (int r = 0; r < s->V; r++)
		if (s->touched[r])
			copy_route(b, a, r);
	copy_map(s, b, a);
}

static void copy_all(search *s, sol *b, const sol *a)
{
	for (int r = 0; r < s->V; r++)
		copy_route(b, a, r);
	copy_map(s, b, a);
}

/* Visit v's window in x: its own, or the start its two-caregiver pair
 * was given. */
static double ready_in(const search *s, const sol *x, int v)
{
	if (!(s->twins | s->multi))
		return s->ready[v];
	if (s->twins && x->fix[v] >= 0)
		return x->fix[v];
	return s->multi ? routes_win_ready(&s->p->nodes[v], x->win[v])
			: s->ready[v];
}

static double due_in(const search *s, const sol *x, int v)
{
	if (!(s->twins | s->multi))
		return s->due[v];
	if (s->twins && x->fix[v] >= 0)
		return x->fix[v];
	return s->multi ? routes_win_due(&s->p->nodes[v], x->win[v])
			: s->due[v];
}

/* What visit v costs on vehicle r beyond travel: the Sámi it wants
 * and is not given, and a caregiver other than the one it keeps. */
static double soft_cost(const search *s, int v, int r)
{
	const routes_visit *x = &s->p->nodes[v];
	double c = 0;
	if (x->sami && !s->v_sami[r])
		c += x->sami_weight;
	if (x->keep_weight > 0 && x->preferred != r)
		c += x->keep_weight;
	return c;
}

/* Recomputes route r's times, load and distance from its sequence. */
static void refresh(search *s, sol *x, int r)
{
	size_t off = (size_t)r * (size_t)(s->N + 1);
	int *q = x->seq + off, n = x->len[r];
	double *st = x->start + off, *lt = x->late + off;
	q[0] = 0;
	q[n + 1] = 0;
	st[0] = s->v_start[r];
	double d = 0, soft = 0;
	int load = 0;
	for (int i = 1; i <= n + 1; i++) {
		double lg = leg(s, r, q[i - 1], q[i]);
		d += lg;
		double a = st[i - 1] + s->svc[q[i - 1]] + lg;
		double rd = ready_in(s, x, q[i]);
		st[i] = a > rd ? a : rd;
		load += s->dem[q[i]];
		if (i <= n)
			soft += soft_cost(s, q[i], r);
	}
	lt[n + 1] = s->v_end[r];
	for (int i = n; i >= 0; i--) {
		double l = lt[i + 1] - leg(s, r, q[i], q[i + 1]) - s->svc[q[i]];
		double dd = due_in(s, x, q[i]);
		lt[i] = l < dd ? l : dd;
	}
	x->load[r] = load;
	x->dist[r] = d;
	x->soft[r] = soft;
}

static double cost_of(const search *s, const sol *x)
{
	double c = 0;
	for (int r = 0; r < s->V; r++)
		if (x->len[r] > 0)
			c += x->dist[r] + x->soft[r] + s->vcost;
	/* An unserved visit outweighs any distance and any fleet. */
	return c + (double)x->n_out * (1e3 * s->vcost + 1e7);
}

/* Takes the visits marked in s->gone out of route r. */
static void compact(search *s, sol *x, int r)
{
	int *q = x->seq + (size_t)r * (size_t)(s->N + 1), n = 0;
	for (int i = 1; i <= x->len[r]; i++)
		if (!s->gone[q[i]])
			q[++n] = q[i];
	x->len[r] = n;
	refresh(s, x, r);
}

static void take(search *s, sol *x, int v)
{
	s->gone[v] = 1;
	s->removed[s->n_removed++] = v;
	s->touched[x->route[v]] = 1;
	x->route[v] = -1;
	x->fix[v] = -1;
	x->n_out++;
	/* the other half of a two-caregiver visit goes with it */
	int w = s->p->nodes[v].twin;
	if (w && x->route[w] >= 0)
		take(s, x, w);
}

/* Removes a string of l visits holding position at (1-based) on route r,
 * or with keep > 0 a string of l + keep of which keep stay, in the
 * middle (SISR's split string). */
static void remove_string(search *s, sol *x, int r, int at, int l, int keep)
{
	int n = x->len[r], span = l + keep;
	if (span > n) {
		span = n;
		keep = 0;
		l = n;
	}
	int lo = at - span + 1 < 1 ? 1 : at - span + 1;
	int hi = at > n - span + 1 ? n - span + 1 : at;
	int first = (int)ov_rng_range(&s->rng, lo, hi);
	int kept_from = keep > 0 ? first + (int)ov_rng_range(&s->rng, 0, l) : -1;
	const int *q = x->seq + (size_t)r * (size_t)(s->N + 1);
	for (int i = first; i < first + span; i++)
		if (!(keep > 0 && i >= kept_from && i < kept_from + keep))
			take(s, x, q[i]);
}

static void ruin(search *s, sol *x)
{
	int used = 0, total = 0;
	for (int r = 0; r < s->V; r++)
		if (x->len[r] > 0) {
			used++;
			total += x->len[r];
		}
	if (used == 0)
		return;
	/* Now and then the shortest route goes whole: string removal
	 * rarely empties a route, so a fleet one too large (C2 classes,
	 * four vehicles where three will do) would otherwise stay. */
	if (used > 1 && ov_rng_chance(&s->rng, ELIMINATE_PERMILLE)) {
		int shortest = -1;
		for (int r = 0; r < s->V; r++)
			if (x->len[r] > 0 &&
			    (shortest < 0 || x->len[r] < x->len[shortest]))
				shortest = r;
		const int *q = x->seq + (size_t)shortest * (size_t)(s->N + 1);
		for (int i = 1; i <= x->len[shortest]; i++)
			if (x->route[q[i]] >= 0)
				take(s, x, q[i]);
		/* the other halves of its two-caregiver visits went too:
		 * maybe nothing is served now, and no string has a seed */
		int left = 0;
		for (int v = 1; v < s->N && !left; v++)
			left = x->route[v] >= 0;
		if (!left) {
			for (int r = 0; r < s->V; r++)
				if (s->touched[r])
					compact(s, x, r);
			return;
		}
	}
	double ls_max = MAX_STRING < (double)total / used ? MAX_STRING
							   : (double)total / used;
	double ks_max = 4.0 * AVG_REMOVED / (1.0 + ls_max) - 1.0;
	int ks = (int)floor(ov_rng_unit(&s->rng) * ks_max) + 1;
	int seed_v;
	do
		seed_v = (int)ov_rng_range(&s->rng, 1, s->N - 1);
	while (x->route[seed_v] < 0);
	const int *near = s->adj + (size_t)seed_v * (size_t)s->N;
	int ruined = 0;
	for (int k = 0; k < s->N - 1 && ruined < ks; k++) {
		int v = near[k], r = x->route[v];
		if (r < 0 || s->touched[r])
			continue;
		int n = x->len[r];
		int lmax = (int)(ls_max < n ? ls_max : n);
		int l = (int)ov_rng_range(&s->rng, 1, lmax < 1 ? 1 : lmax);
		int at = 1;
		const int *q = x->seq + (size_t)r * (size_t)(s->N + 1);
		while (q[at] != v)
			at++;
		int keep = 0;
		if (l < n && ov_rng_chance(&s->rng, 500)) {
			keep = 1;
			while (l + keep < n && ov_rng_chance(&s->rng, 500))
				keep++;
		}
		remove_string(s, x, r, at, l, keep);
		ruined++;
	}
	for (int r = 0; r < s->V; r++)
		if (s->touched[r])
			compact(s, x, r);
}

/* The removed visits' order for recreate (insertion sort: ~10 items). */
static void order_removed(search *s)
{
	int how = ov_rng_weighted(&s->rng, (const int[]){4, 4, 2, 1}, 4);
	for (int i = 0; i < s->n_removed; i++) {
		int v = s->removed[i];
		double k = how == 0   ? ov_rng_unit(&s->rng)
			   : how == 1 ? -(double)s->dem[v]
			   : how == 2 ? -tt(s, 0, v)
				      : tt(s, 0, v);
		s->key[i] = k;
	}
	for (int i = 1; i < s->n_removed; i++) {
		int v = s->removed[i];
		double k = s->key[i];
		int j = i - 1;
		for (; j >= 0 && s->key[j] > k; j--) {
			s->removed[j + 1] = s->removed[j];
			s->key[j + 1] = s->key[j];
		}
		s->removed[j + 1] = v;
		s->key[j + 1] = k;
	}
}

/* The best place found so far for a visit: route, position (after the
 * i-th stop), added cost, and the earliest and latest start of service
 * it would have there. */
typedef struct {
	int r, i, w; /* w: the window it starts in */
	double cost, early, late;
} place;

/* Vehicle r, still unused, as a place for v starting inside [lo, hi]:
 * its own route. */
static void try_empty(const search *s, int v, int r, double lo, double hi,
		      place *b)
{
	if (s->dem[v] > s->p->capacity)
		return;
	double t = s->v_start[r] + leg(s, r, 0, v);
	if (t < lo)
		t = lo;
	double latest = s->v_end[r] - leg(s, r, v, 0) - s->svc[v];
	if (latest > hi)
		latest = hi;
	double delta = leg(s, r, 0, v) + leg(s, r, v, 0) + s->vcost +
		       soft_cost(s, v, r);
	if (delta >= b->cost)
		return;
	const routes_visit *x = &s->p->nodes[v];
	for (int w = 0; w <= x->n_more; w++) {
		double rw = routes_win_ready(x, w), dw = routes_win_due(x, w);
		double tw = t < rw ? rw : t, lw = latest < dw ? latest : dw;
		if (tw <= lw + EPS) {
			*b = (place){r, 0, w, delta, tw, lw};
			return;
		}
	}
}

/* The cheapest feasible place for v starting inside [lo, hi], on any
 * route but `skip` (-1: none); an unused vehicle is one of the places
 * (only the first when all are alike). b->r is -1 when there is none. */
static void best_place(search *s, const sol *x, int v, double lo, double hi,
		       int skip, place *b)
{
	*b = (place){-1, -1, 0, INFINITY, 0, 0};
	const routes_visit *node = &s->p->nodes[v];
	const int n_more = node->n_more;
	const double ready = s->ready[v], due = s->due[v];
	int empty = -1;
	unsigned need = s->p->nodes[v].skills;
	int owner = s->p->nodes[v].owner;
	for (int r = 0; r < s->V; r++) {
		int n = x->len[r];
		if (r == skip || (need & ~s->v_skills[r]) ||
		    (owner && owner - 1 != r))
			continue;
		if (n == 0) {
			if (!(s->alike && empty >= 0))
				try_empty(s, v, r, lo, hi, b);
			empty = r;
			continue;
		}
		if (x->load[r] + s->dem[v] > s->p->capacity)
			continue;
		double extra = soft_cost(s, v, r);
		size_t off = (size_t)r * (size_t)(s->N + 1);
		const int *q = x->seq + off;
		const double *st = x->start + off, *lt = x->late + off;
		for (int i = 0; i <= n; i++) {
			if (ov_rng_chance(&s->rng, BLINK_PERMILLE))
				continue;
			int a = q[i], c = q[i + 1];
			double av = leg(s, r, a, v), vc = leg(s, r, v, c);
			double delta = av + vc - leg(s, r, a, c) + extra;
			if (delta >= b->cost)
				continue;
			double t = st[i] + s->svc[a] + av;
			if (t < lo)
				t = lo;
			double latest = lt[i + 1] - vc - s->svc[v];
			if (latest > hi)
				latest = hi;
			if (!n_more) { /* one window: the common case */
				double tw = t < ready ? ready : t;
				double lw = latest < due ? latest : due;
				if (tw <= lw + EPS)
					*b = (place){r, i, 0, delta, tw, lw};
				continue;
			}
			/* the first window it can start in */
			for (int w = 0; w <= n_more; w++) {
				double rw = routes_win_ready(node, w);
				double dw = routes_win_due(node, w);
				double tw = t < rw ? rw : t;
				double lw = latest < dw ? latest : dw;
				if (tw <= lw + EPS) {
					*b = (place){r, i, w, delta, tw, lw};
					break;
				}
			}
		}
	}
}

/* Puts v on route b->r after its b->i-th stop. */
static void put(search *s, sol *x, int v, const place *b)
{
	int *q = x->seq + (size_t)b->r * (size_t)(s->N + 1);
	int n = x->len[b->r];
	memmove(q + b->i + 2, q + b->i + 1, (size_t)(n - b->i) * sizeof *q);
	q[b->i + 1] = v;
	x->win[v] = (unsigned char)b->w;
	x->len[b->r] = n + 1;
	refresh(s, x, b->r);
	x->route[v] = b->r;
	x->n_out--;
	s->touched[b->r] = 1;
}

/*
 * Puts v at its cheapest feasible place. A two-caregiver visit takes
 * its other half along: v goes to its best place, the half to the best
 * place on another route whose start window overlaps v's there, and
 * both are fixed to start at the earliest common time, which keeps both
 * routes on time. Returns 0, or -1 when v (or its half) fits nowhere:
 * then both are left unserved.
 */
static int insert(search *s, sol *x, int v)
{
	if (x->route[v] >= 0)
		return 0; /* came in with its other half */
	place a;
	best_place(s, x, v, -INFINITY, INFINITY, -1, &a);
	if (a.r < 0)
		return -1;
	int w = s->p->nodes[v].twin;
	if (!w) {
		put(s, x, v, &a);
		return 0;
	}
	place b;
	best_place(s, x, w, a.early, a.late, a.r, &b);
	if (b.r < 0)
		return -1;
	double t = b.early > a.early ? b.early : a.early;
	x->fix[v] = x->fix[w] = t;
	put(s, x, v, &a);
	s->gone[w] = 0;
	put(s, x, w, &b);
	return 0;
}

static void recreate(search *s, sol *x)
{
	/* Visits left unserved before get another try. */
	for (int v = 1; v < s->N && x->n_out > s->n_removed; v++)
		if (x->route[v] < 0 && !s->gone[v])
			s->removed[s->n_removed++] = v;
	order_removed(s);
	for (int i = 0; i < s->n_removed; i++) {
		int v = s->removed[i];
		s->gone[v] = 0;
		insert(s, x, v);
	}
	s->n_removed = 0;
}

static const routes_visit *v0(const routes_problem *p)
{
	return &p->nodes[0];
}

static int search_init(search *s, const routes_problem *p,
		       const routes_solve_opts *opts)
{
	s->p = p;
	s->opts = opts;
	s->N = p->n_visits + 1;
	/* Caregivers keep their index (continuity names them); a fleet
	 * of alike vehicles needs no more routes than visits. */
	s->alike = p->vehicles == NULL;
	for (int i = 1; i <= p->n_visits; i++) {
		s->twins |= p->nodes[i].twin != 0;
		s->multi |= p->nodes[i].n_more > 0;
	}
	s->homes = p->leave != NULL;
	s->V = !s->alike || p->n_vehicles < p->n_visits ? p->n_vehicles
							: p->n_visits;
	if (s->V < 1)
		s->V = 1;
	size_t N = (size_t)s->N;
	s->ready = malloc(N * sizeof *s->ready);
	s->due = malloc(N * sizeof *s->due);
	s->svc = malloc(N * sizeof *s->svc);
	s->dem = malloc(N * sizeof *s->dem);
	s->adj = malloc(N * N * sizeof *s->adj);
	s->touched = calloc((size_t)s->V, 1);
	s->gone = calloc(N, 1);
	s->removed = malloc(N * sizeof *s->removed);
	s->key = malloc(N * sizeof *s->key);
	size_t V = (size_t)s->V;
	s->v_start = malloc(V * sizeof *s->v_start);
	s->v_end = malloc(V * sizeof *s->v_end);
	s->v_skills = malloc(V * sizeof *s->v_skills);
	s->v_sami = malloc(V * sizeof *s->v_sami);
	if (!s->ready || !s->due || !s->svc || !s->dem || !s->adj ||
	    !s->touched || !s->gone || !s->removed || !s->key ||
	    !s->v_start || !s->v_end || !s->v_skills || !s->v_sami ||
	    sol_alloc(&s->cur, s->V, s->N) || sol_alloc(&s->work, s->V, s->N) ||
	    sol_alloc(&s->best, s->V, s->N))
		return -1;
	double longest = 0;
	for (size_t i = 0; i < N; i++) {
		const routes_visit *v = &p->nodes[i];
		s->ready[i] = v->ready;
		s->due[i] = v->due;
		s->svc[i] = i ? v->service : 0;
		s->dem[i] = i ? v->demand : 0;
		for (size_t j = 0; j < N; j++)
			longest = p->travel[i * N + j] > longest
					  ? p->travel[i * N + j]
					  : longest;
	}
	for (int r = 0; r < s->V; r++) {
		const routes_vehicle *cg = s->alike ? NULL : &p->vehicles[r];
		s->v_start[r] = cg && cg->start > v0(p)->ready ? cg->start
							      : v0(p)->ready;
		s->v_end[r] = cg && cg->end < v0(p)->due ? cg->end : v0(p)->due;
		s->v_skills[r] = cg ? cg->skills : ~0u;
		s->v_sami[r] = cg ? cg->sami : 0;
	}
	/* Fewer vehicles first: one vehicle outweighs any distance. */
	s->vcost = p->objective == ROUTES_MIN_VEHICLES
			   ? 2.0 * (double)N * longest + 1.0
			   : 0.0;
	/* Neighbours by distance (insertion sort per row would be N^3:
	 * qsort with the row's distances). */
	double *d = malloc(N * sizeof *d);
	if (!d)
		return -1;
	for (size_t i = 1; i < N; i++) {
		int *row = s->adj + i * N, m = 0;
		for (size_t j = 1; j < N; j++) {
			row[m++] = (int)j;
			d[j] = i == j ? -1.0 : p->travel[i * N + j];
		}
		/* Shell sort on distance: no qsort context in C17. */
		for (int gap = m / 2; gap > 0; gap /= 2)
			for (int a = gap; a < m; a++) {
				int t = row[a], b = a;
				for (; b >= gap && d[row[b - gap]] > d[t]; b -= gap)
					row[b] = row[b - gap];
				row[b] = t;
			}
	}
	free(d);
	return 0;
}

static void search_free(search *s)
{
	free(s->ready);
	free(s->due);
	free(s->svc);
	free(s->dem);
	free(s->adj);
	free(s->touched);
	free(s->gone);
	free(s->removed);
	free(s->key);
	free(s->v_start);
	free(s->v_end);
	free(s->v_skills);
	free(s->v_sami);
	sol_free(&s->cur);
	sol_free(&s->work);
	sol_free(&s->best);
}

static int used_routes(const search *s, const sol *x)
{
	int u = 0;
	for (int r = 0; r < s->V; r++)
		u += x->len[r] > 0;
	return u;
}

static double soft_of(const search *s, const sol *x)
{
	double c = 0;
	for (int r = 0; r < s->V; r++)
		c += x->len[r] > 0 ? x->soft[r] : 0;
	return c;
}

static double distance_of(const search *s, const sol *x)
{
	double d = 0;
	for (int r = 0; r < s->V; r++)
		if (x->len[r] > 0)
			d += x->dist[r];
	return d;
}

static routes_plan *plan_of(const search *s, const sol *x)
{
	routes_plan *pl = calloc(1, sizeof *pl);
	if (!pl)
		return NULL;
	int used = used_routes(s, x), total = 0;
	pl->route_start = malloc(((size_t)used + 1) * sizeof *pl->route_start);
	pl->vehicle = malloc(((size_t)used + 1) * sizeof *pl->vehicle);
	pl->seq = malloc(((size_t)s->N + 1) * sizeof *pl->seq);
	if (!pl->route_start || !pl->vehicle || !pl->seq) {
		routes_plan_free(pl);
		return NULL;
	}
	for (int r = 0; r < s->V; r++) {
		if (x->len[r] == 0)
			continue;
		pl->vehicle[pl->n_routes] = r;
		pl->route_start[pl->n_routes++] = total;
		const int *q = x->seq + (size_t)r * (size_t)(s->N + 1);
		for (int i = 1; i <= x->len[r]; i++)
			pl->seq[total++] = q[i];
	}
	pl->route_start[pl->n_routes] = total;
	return pl;
}

ov_status routes_solve(const routes_problem *p, const routes_solve_opts *opts,
		       routes_plan **out, routes_solve_info *info,
		       ov_err *err)
{
	*out = NULL;
	if (info)
		memset(info, 0, sizeof *info);
	ov_status st = routes_problem_validate(p, err);
	if (st)
		return st;
	if (!(opts->seconds > 0))
		return OV_FAIL(err, OV_E_USAGE, "seconds", "%s",
			       _("the time limit must be above zero"));
	search s;
	memset(&s, 0, sizeof s);
	clock_gettime(CLOCK_MONOTONIC, &s.t0);
	ov_rng_seed(&s.rng, opts->seed);
	if (search_init(&s, p, opts)) {
		search_free(&s);
		return OV_FAIL(err, OV_E_NOMEM, "", "%s", _("out of memory"));
	}
	/* The first plan: every visit put in, from nothing. */
	for (int v = 1; v < s.N; v++)
		s.removed[s.n_removed++] = v;
	recreate(&s, &s.cur);
	copy_all(&s, &s.work, &s.cur);
	copy_all(&s, &s.best, &s.cur);
	memset(s.touched, 0, (size_t)s.V);
	s.cur_cost = s.best_cost = cost_of(&s, &s.cur);

	long it = 0;
	double now = 0, last_report = 0;
	while (opts->max_iterations <= 0 || it < opts->max_iterations) {
		if ((it & 63) == 0) {
			now = elapsed(&s);
			if (now >= opts->seconds)
				break;
			if (opts->progress && now - last_report >= 1.0) {
				last_report = now;
				opts->progress(opts->progress_ctx, now,
					       used_routes(&s, &s.best),
					       distance_of(&s, &s.best),
					       s.best.n_out);
			}
		}
		/* Run limited by iterations: the temperature follows them,
		 * so that one seed gives one plan. */
		double frac = opts->max_iterations > 0
				      ? (double)it / (double)opts->max_iterations
				      : now / opts->seconds;
		double temp = T_START * pow(T_END / T_START, frac);
		ruin(&s, &s.work);
		recreate(&s, &s.work);
		double c = cost_of(&s, &s.work);
		if (c < s.cur_cost - temp * log(ov_rng_unit(&s.rng) + 1e-300)) {
			copy_touched(&s, &s.cur, &s.work);
			s.cur_cost = c;
			if (c < s.best_cost - 1e-9) {
				copy_all(&s, &s.best, &s.cur);
				s.best_cost = c;
			}
		} else {
			copy_touched(&s, &s.work, &s.cur);
		}
		memset(s.touched, 0, (size_t)s.V);
		it++;
	}
	routes_plan *pl = plan_of(&s, &s.best);
	if (info) {
		info->seconds = elapsed(&s);
		info->iterations = it;
		info->vehicles = used_routes(&s, &s.best);
		info->distance = distance_of(&s, &s.best);
		info->unserved = s.best.n_out;
		info->soft_cost = soft_of(&s, &s.best);
	}
	search_free(&s);
	if (!pl)
		return OV_FAIL(err, OV_E_NOMEM, "", "%s", _("out of memory"));
	*out = pl;
	return OV_OK;
}
