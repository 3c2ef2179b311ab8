/*
 * rota_int.h - the solver's private state, shared by rota_eval.c (cost
 * bookkeeping and the solver's own rule check), rota_dp.c (re-rostering
 * one employee exactly) and rota_solve.c (the search). Not for use outside
 * src/rota/.
 */
#ifndef ROTA_INT_H
#define ROTA_INT_H

#include <stdint.h>

#include "base/ov_rng.h"
#include "rota/rota.h"

/* A cost no schedule should reach; keeps sums of a few far from overflow. */
#define RS_INF ((int64_t)1 << 50)

typedef struct {
	const rota_problem *p;
	int E, D, S;

	/* forbid[s * S + t]: t may not follow s (problem's list plus the daily
	 * rest computed from clock times). usable[e * S + s]: e may work s at
	 * all (qualified by max_shifts != 0 and the longest-day rule). */
	unsigned char *forbid;
	unsigned char *usable;

	/* Cover rows by (day, shift): row_of[row_start[d*S+s] ...
	 * row_start[d*S+s+1]). qual[e * n_cover + i]: e counts for row i. */
	int *row_start;
	int *row_of;
	unsigned char *qual;

	/* req[(e * D + d) * (S + 1) + v + 1]: request penalty if e's value on
	 * day d is v (ROTA_OFF = -1 .. S-1). */
	int *req;

	/* The current roster and its costs. */
	int *x;         /* E * D */
	int *cnt;       /* per cover row: staff counted */
	int64_t cover_cost;
	int64_t *emp_req; /* per employee: request penalty */
	int64_t req_cost;
	int *emp_bad;   /* per employee: hard-rule breaches (solver's count) */
	int bad;        /* sum of emp_bad */
} rs_state;

/* Penalty of a cover row with c staff. */
static inline int64_t rs_row_pen(const rota_cover *r, int c)
{
	return c < r->need ? (int64_t)r->under_weight * (r->need - c)
			   : (int64_t)r->over_weight * (c - r->need);
}

static inline int64_t rs_total(const rs_state *st)
{
	return st->cover_cost + st->req_cost;
}

/* rota_eval.c */
int rs_init(rs_state *st, const rota_problem *p);
void rs_free(rs_state *st);
/* Takes e's schedule out of the cover counts (its row of x is kept). */
void rs_remove(rs_state *st, int e);
/* Sets e's schedule to sched (D values) and counts it in. */
void rs_add(rs_state *st, int e, const int *sched);
/* Request penalty of sched for e. */
int64_t rs_req_of(const rs_state *st, int e, const int *sched);
/* Hard-rule breaches of sched for e (0 = keeps every rule). */
int rs_emp_breaches(const rs_state *st, int e, const int *sched);
/* Marginal cover cost of e working shift s on day d, with e's own
 * schedule out of the counts. */
int64_t rs_cover_delta(const rs_state *st, int e, int d, int s);
/* Recomputes every cost from x (for checks and after bulk changes). */
void rs_recompute(rs_state *st);

/* rota_dp.c: the best schedule for e given everyone else. */
typedef struct rs_dp rs_dp;
rs_dp *rs_dp_new(const rs_state *st);
void rs_dp_free(rs_dp *dp);
/*
 * With e out of the counts, finds a schedule for e minimising request
 * plus marginal cover cost subject to e's hard rules. Writes it to out
 * (D values) and returns its cost, or RS_INF if none was found. When
 * `noise` > 0, each day's costs get a random perturbation up to noise
 * (for diversification); the returned cost is then the true cost. Only
 * days in [wa, wb) change; the others keep e's current values in st->x
 * (pass 0 and D for the whole horizon), so out must not be e's row of x.
 */
int64_t rs_dp_best(rs_dp *dp, rs_state *st, int e, int *out, ov_rng *rng,
		   int noise, int wa, int wb);
/*
 * Pricing for column generation: the schedule for e minimising the sum of
 * cost[d * (S + 1) + v + 1] (v = ROTA_OFF or a shift) under e's rules.
 * When force is not NULL, day d must take the value force[d] unless that
 * is -2 (free). Returns 0 with out and *value filled, or -1 if none was
 * found. *exact says the schedule is certainly the cheapest (no prices
 * were needed). `thorough` lets the state track more per-type shift
 * limits exactly (up to the DP's whole budget) instead of pricing them:
 * slower, but exact more often.
 */
int rs_dp_price(rs_dp *dp, rs_state *st, int e, const double *cost,
		const int *force, int thorough, int *out, double *value,
		int *exact);

#endif
