/*
 * rota_cg.c - column generation over whole schedules. The master linear
 * programme chooses one schedule per employee (a convex combination in the
 * relaxation) to minimise requests plus cover penalties; the pricing
 * problem for each employee is the shortest path of rota_dp.c with the
 * cover rows' dual values as rewards. The relaxation's optimum is a lower
 * bound on every roster (when pricing was exact), and solving the master
 * with whole numbers over the generated schedules gives strong rosters.
 * GLPK does the linear and integer programming: a tested simplex and
 * branch-and-cut that no one should write again. Called by rota_solve.c.
 *
 * GLPK reports an internal error (a failed assertion, a bad argument) by
 * printing it and calling abort(). Every GLPK call here runs under
 * `guarded`, whose error hook jumps back out instead, frees GLPK's whole
 * environment and makes the public function fail (-1), so the solver
 * carries on without column generation.
 */
#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rota/rota_cg.h"

/* LP solves between two fixings of a dive. */
#define DIVE_ROUNDS 8

typedef struct {
	int e;
	int *sched; /* D values */
} column;

struct rs_cg {
	rs_state *st;
	rs_dp *dp;
	glp_prob *lp;
	unsigned long epoch; /* env_epoch when lp was made (see lp_alive) */
	int C, E, D, S;
	int first_lambda; /* LP column index of the first schedule */
	column *cols;
	int n_cols, cap_cols;
	double *cost;     /* D * (S + 1) pricing costs */
	int *buf;
	/* add_column's 1-based row indexes and values (n_cover + 2 each);
	 * owned here so a GLPK error jumping out of add_column leaks none. */
	int *ind;
	double *val;
	double bound;     /* last LP objective */
	int bound_valid;  /* pricing proved no column can improve it */
	/* Diving: the column each employee is fixed to, or -1. */
	int *fixed;
};

/* --- GLPK errors --- */

/*
 * GLPK keeps one environment per thread. After an error it is freed,
 * and every glp_prob of the thread with it; env_epoch counts those
 * losses so a master made before one knows its lp is gone. cur_guard is
 * the innermost active `guarded` call's jump buffer.
 */
static _Thread_local unsigned long env_epoch;
static _Thread_local jmp_buf *cur_guard;

/* GLPK's error hook: leave GLPK (which would abort on return). */
static void on_glpk_error(void *info)
{
	longjmp(*(jmp_buf *)info, 1);
}

/* GLPK's terminal hook: swallow everything. Terminal output is off, but
 * GLPK turns it back on to print an error, which must not reach the
 * program's stdout. */
static int on_glpk_output(void *info, const char *s)
{
	(void)info;
	(void)s;
	return 1;
}

/*
 * Runs fn(arg) with GLPK errors caught. Returns what fn returns, or -1
 * after a GLPK error: GLPK's environment has then been freed (a later
 * GLPK call makes a fresh one) and every lp made before is gone. fn must
 * keep nothing it allocated only in its locals across a GLPK call (a
 * longjmp would leak it); nested calls pass the error outwards.
 */
static int guarded(int (*fn)(void *), void *arg)
{
	jmp_buf jb;
	/* Set before setjmp and never changed after: no volatile needed. */
	jmp_buf *outer = cur_guard;
	if (setjmp(jb)) {
		cur_guard = outer;
		glp_free_env();
		env_epoch++;
		if (outer)
			longjmp(*outer, 1);
		return -1;
	}
	cur_guard = &jb;
	glp_error_hook(on_glpk_error, &jb);
	glp_term_hook(on_glpk_output, NULL);
	glp_term_out(GLP_OFF);
	int rc = fn(arg);
	cur_guard = outer;
	glp_error_hook(outer ? on_glpk_error : NULL, outer);
	return rc;
}

/* cg's master problem still exists (no GLPK error freed it). */
static int lp_alive(const rs_cg *cg)
{
	return cg->lp && cg->epoch == env_epoch;
}

static int force_error(void *arg)
{
	(void)arg;
	glp_prob *lp = glp_create_prob();
	glp_add_rows(lp, 1);
	glp_get_row_name(lp, 0); /* row numbers start at 1: an error */
	glp_delete_prob(lp);
	return 0;
}

int rs_cg_test_glpk_error(void)
{
	return guarded(force_error, NULL);
}

/* --- the master problem --- */

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Adds schedule sched of employee e as a master column. Calls GLPK:
 * only under `guarded`. */
static int add_column(rs_cg *cg, int e, const int *sched)
{
	rs_state *st = cg->st;
	if (cg->n_cols == cg->cap_cols) {
		int nc = cg->cap_cols ? cg->cap_cols * 2 : 256;
		column *q = realloc(cg->cols, (size_t)nc * sizeof *q);
		if (!q)
			return -1;
		cg->cols = q;
		cg->cap_cols = nc;
	}
	int *copy = malloc(((size_t)cg->D + 1) * sizeof *copy);
	if (!copy)
		return -1;
	memcpy(copy, sched, (size_t)cg->D * sizeof *copy);
	/* Owned by cg before GLPK is called; its LP column follows. */
	cg->cols[cg->n_cols++] = (column){.e = e, .sched = copy};
	/* Row indexes and values, 1-based as GLPK wants. */
	int *ind = cg->ind;
	double *val = cg->val;
	int n = 0;
	for (int d = 0; d < cg->D; d++) {
		int s = sched[d];
		if (s < 0)
			continue;
		int k = d * cg->S + s;
		for (int j = st->row_start[k]; j < st->row_start[k + 1]; j++) {
			int i = st->row_of[j];
			if (!st->qual[(size_t)e * cg->C + i])
				continue;
			n++;
			ind[n] = i + 1;
			val[n] = 1.0;
		}
	}
	n++;
	ind[n] = cg->C + e + 1;
	val[n] = 1.0;
	int col = glp_add_cols(cg->lp, 1);
	glp_set_col_bnds(cg->lp, col, GLP_LO, 0.0, 0.0);
	/* A schedule breaking a hard rule (only a first column can) is
	 * priced out of any solution. */
	double penalty = rs_emp_breaches(st, e, sched) ? 1e9 : 0.0;
	glp_set_obj_coef(cg->lp, col, (double)rs_req_of(st, e, sched) + penalty);
	glp_set_mat_col(cg->lp, col, n, ind, val);
	return 0;
}

/* Builds cg's master problem (under `guarded`); 0 or -1. */
static int build_master(void *arg)
{
	rs_cg *cg = arg;
	rs_state *st = cg->st;
	const rota_problem *p = st->p;
	cg->epoch = env_epoch;
	cg->lp = glp_create_prob();
	glp_set_obj_dir(cg->lp, GLP_MIN);
	if (cg->C + cg->E > 0)
		glp_add_rows(cg->lp, cg->C + cg->E);
	for (int i = 0; i < cg->C; i++)
		glp_set_row_bnds(cg->lp, i + 1, GLP_FX, p->cover[i].need,
				 p->cover[i].need);
	for (int e = 0; e < cg->E; e++)
		glp_set_row_bnds(cg->lp, cg->C + e + 1, GLP_FX, 1.0, 1.0);
	/* Slack for missing (+1) and surplus (-1) staff per cover row. */
	for (int i = 0; i < cg->C; i++) {
		int ind[2] = {0, i + 1};
		double up[2] = {0, 1.0}, down[2] = {0, -1.0};
		int col = glp_add_cols(cg->lp, 2);
		glp_set_col_bnds(cg->lp, col, GLP_LO, 0.0, 0.0);
		glp_set_obj_coef(cg->lp, col, p->cover[i].under_weight);
		glp_set_mat_col(cg->lp, col, 1, ind, up);
		glp_set_col_bnds(cg->lp, col + 1, GLP_LO, 0.0, 0.0);
		glp_set_obj_coef(cg->lp, col + 1, p->cover[i].over_weight);
		glp_set_mat_col(cg->lp, col + 1, 1, ind, down);
	}
	cg->first_lambda = 2 * cg->C + 1;
	for (int e = 0; e < cg->E; e++)
		cg->fixed[e] = -1;
	/* The current roster gives every employee a first column. */
	for (int e = 0; e < cg->E; e++)
		if (add_column(cg, e, &st->x[(size_t)e * st->D]))
			return -1;
	return 0;
}

rs_cg *rs_cg_new(rs_state *st, rs_dp *dp)
{
	const rota_problem *p = st->p;
	rs_cg *cg = calloc(1, sizeof *cg);
	if (!cg)
		return NULL;
	cg->st = st;
	cg->dp = dp;
	cg->C = p->n_cover;
	cg->E = st->E;
	cg->D = st->D;
	cg->S = st->S;
	cg->cost = malloc((size_t)st->D * (st->S + 1) * sizeof *cg->cost);
	cg->buf = malloc(((size_t)st->D + 1) * sizeof *cg->buf);
	cg->fixed = malloc(((size_t)st->E + 1) * sizeof *cg->fixed);
	cg->ind = malloc(((size_t)cg->C + 2) * sizeof *cg->ind);
	cg->val = malloc(((size_t)cg->C + 2) * sizeof *cg->val);
	if (!cg->cost || !cg->buf || !cg->fixed || !cg->ind || !cg->val ||
	    guarded(build_master, cg) != 0) {
		rs_cg_free(cg);
		return NULL;
	}
	return cg;
}

static int delete_lp(void *arg)
{
	glp_delete_prob(arg);
	return 0;
}

void rs_cg_free(rs_cg *cg)
{
	if (!cg)
		return;
	/* After a GLPK error the lp went with GLPK's environment. */
	if (lp_alive(cg))
		guarded(delete_lp, cg->lp);
	cg->lp = NULL;
	for (int i = 0; i < cg->n_cols; i++)
		free(cg->cols[i].sched);
	free(cg->cols);
	free(cg->cost);
	free(cg->buf);
	free(cg->fixed);
	free(cg->ind);
	free(cg->val);
	free(cg);
}

/* Solves the relaxation; 0 on success. */
static int solve_lp(rs_cg *cg, double seconds)
{
	glp_smcp parm;
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.meth = GLP_PRIMAL; /* new columns keep the basis primal feasible */
	parm.tm_lim = (int)(seconds * 1000) > 1 ? (int)(seconds * 1000) : 1;
	int rc = glp_simplex(cg->lp, &parm);
	if (rc != 0 && rc != GLP_ETMLIM)
		return -1;
	return glp_get_status(cg->lp) == GLP_OPT ? 0 : -1;
}

/* Column generation for at most `seconds` and max_rounds LP solves
 * (0: no limit). Returns 0 when converged or stopped by the limits with
 * a solved LP, -1 when the LP could not be solved. Calls GLPK: only
 * under `guarded`. */
static int cg_rounds(rs_cg *cg, double seconds, int max_rounds, int *rounds);

typedef struct {
	rs_cg *cg;
	double seconds;
	int *rounds; /* rs_cg_run */
	int *out;    /* rs_cg_dive */
} call_args;

static int run_call(void *arg)
{
	call_args *a = arg;
	return cg_rounds(a->cg, a->seconds, 0, a->rounds);
}

int rs_cg_run(rs_cg *cg, double seconds, int *rounds)
{
	*rounds = 0;
	if (!lp_alive(cg))
		return -1;
	call_args a = {.cg = cg, .seconds = seconds, .rounds = rounds};
	return guarded(run_call, &a);
}

static int cg_rounds(rs_cg *cg, double seconds, int max_rounds, int *rounds)
{
	rs_state *st = cg->st;
	const rota_problem *p = st->p;
	const int D = cg->D, S = cg->S;
	double end = now_s() + seconds;
	*rounds = 0;
	cg->bound_valid = 0;
	int solved = 0;
	while (now_s() < end && (max_rounds <= 0 || *rounds < max_rounds)) {
		if (solve_lp(cg, end - now_s()))
			return solved ? 0 : -1;
		solved = 1;
		cg->bound = glp_get_obj_val(cg->lp);
		(*rounds)++;
		int added = 0, all_exact = 1;
		for (int e = 0; e < cg->E && now_s() < end; e++) {
			if (cg->fixed[e] >= 0)
				continue;
			double sigma = glp_get_row_dual(cg->lp, cg->C + e + 1);
			for (int d = 0; d < D; d++) {
				const int *rq = &st->req[((size_t)e * D + d) * (S + 1)];
				double *c = &cg->cost[(size_t)d * (S + 1)];
				c[0] = rq[0];
				for (int s = 0; s < S; s++) {
					c[s + 1] = rq[s + 1];
					int k = d * S + s;
					for (int j = st->row_start[k];
					     j < st->row_start[k + 1]; j++) {
						int i = st->row_of[j];
						if (st->qual[(size_t)e * p->n_cover + i])
							c[s + 1] -= glp_get_row_dual(
								cg->lp, i + 1);
					}
				}
			}
			double value;
			int exact;
			if (rs_dp_price(cg->dp, st, e, cg->cost, cg->buf, &value,
					&exact)) {
				all_exact = 0;
				continue;
			}
			all_exact &= exact;
			if (value - sigma < -1e-6) {
				if (add_column(cg, e, cg->buf))
					return -1;
				added++;
			}
		}
		if (!added) {
			cg->bound_valid = all_exact;
			return 0;
		}
	}
	return 0;
}

double rs_cg_bound(const rs_cg *cg, int *valid)
{
	*valid = cg->bound_valid;
	return cg->bound;
}

/* Fixes employee e to column i: the others of e's columns go to zero. */
static void fix_column(rs_cg *cg, int i)
{
	int e = cg->cols[i].e;
	cg->fixed[e] = i;
	for (int j = 0; j < cg->n_cols; j++)
		if (cg->cols[j].e == e)
			glp_set_col_bnds(cg->lp, cg->first_lambda + j, GLP_FX,
					 j == i ? 1.0 : 0.0, j == i ? 1.0 : 0.0);
}

static int dive(rs_cg *cg, double seconds, int *out);

static int dive_call(void *arg)
{
	call_args *a = arg;
	return dive(a->cg, a->seconds, a->out);
}

int rs_cg_dive(rs_cg *cg, double seconds, int *out)
{
	if (!lp_alive(cg))
		return -1;
	call_args a = {.cg = cg, .seconds = seconds, .out = out};
	return guarded(dive_call, &a);
}

/* rs_cg_dive's work; calls GLPK: only under `guarded`. */
static int dive(rs_cg *cg, double seconds, int *out)
{
	double end = now_s() + seconds;
	int left = 0;
	for (int e = 0; e < cg->E; e++)
		left += cg->fixed[e] < 0;
	while (left > 0) {
		int rounds;
		if (now_s() >= end ||
		    cg_rounds(cg, end - now_s(), DIVE_ROUNDS, &rounds) != 0 ||
		    (glp_get_status(cg->lp) != GLP_OPT && solve_lp(cg, end - now_s())))
			return -1;
		/* Fix every schedule the relaxation already takes whole; else
		 * the one closest to whole. */
		int best = -1, n_fixed = 0;
		double best_v = -1;
		for (int i = 0; i < cg->n_cols; i++) {
			int e = cg->cols[i].e;
			if (cg->fixed[e] >= 0)
				continue;
			double v = glp_get_col_prim(cg->lp, cg->first_lambda + i);
			if (v > 1.0 - 1e-6) {
				fix_column(cg, i);
				n_fixed++;
			} else if (v > best_v) {
				best_v = v;
				best = i;
			}
		}
		/* With many employees left, fix several of the largest at once
		 * (distinct employees) so a dive takes a bounded number of
		 * steps. */
		int want = (left - n_fixed) / 8;
		while (best >= 0 && (n_fixed == 0 || want-- > 0)) {
			fix_column(cg, best);
			n_fixed++;
			best = -1;
			best_v = -1;
			for (int i = 0; i < cg->n_cols; i++) {
				if (cg->fixed[cg->cols[i].e] >= 0)
					continue;
				double v = glp_get_col_prim(cg->lp,
							    cg->first_lambda + i);
				if (v > best_v) {
					best_v = v;
					best = i;
				}
			}
		}
		if (!n_fixed)
			return -1;
		left -= n_fixed;
	}
	for (int e = 0; e < cg->E; e++)
		memcpy(&out[(size_t)e * cg->D], cg->cols[cg->fixed[e]].sched,
		       (size_t)cg->D * sizeof(int));
	return 0;
}
