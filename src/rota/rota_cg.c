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
 */
#include <glpk.h>
#include <math.h>
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
	int C, E, D, S;
	int first_lambda; /* LP column index of the first schedule */
	column *cols;
	int n_cols, cap_cols;
	double *cost;     /* D * (S + 1) pricing costs */
	int *buf;
	double bound;     /* last LP objective */
	int bound_valid;  /* pricing proved no column can improve it */
	/* Diving: the column each employee is fixed to, or -1. */
	int *fixed;
};

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Adds schedule sched of employee e as a master column. */
static int add_column(rs_cg *cg, int e, const int *sched)
{
	rs_state *st = cg->st;
	const rota_problem *p = st->p;
	if (cg->n_cols == cg->cap_cols) {
		int nc = cg->cap_cols ? cg->cap_cols * 2 : 256;
		column *q = realloc(cg->cols, (size_t)nc * sizeof *q);
		if (!q)
			return -1;
		cg->cols = q;
		cg->cap_cols = nc;
	}
	int *copy = malloc((size_t)cg->D * sizeof *copy);
	/* Row indexes and values, 1-based as GLPK wants. */
	int *ind = malloc(((size_t)p->n_cover + 2) * sizeof *ind);
	double *val = malloc(((size_t)p->n_cover + 2) * sizeof *val);
	if (!copy || !ind || !val) {
		free(copy);
		free(ind);
		free(val);
		return -1;
	}
	memcpy(copy, sched, (size_t)cg->D * sizeof *copy);
	int n = 0;
	for (int d = 0; d < cg->D; d++) {
		int s = sched[d];
		if (s < 0)
			continue;
		int k = d * cg->S + s;
		for (int j = st->row_start[k]; j < st->row_start[k + 1]; j++) {
			int i = st->row_of[j];
			if (!st->qual[(size_t)e * p->n_cover + i])
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
	free(ind);
	free(val);
	cg->cols[cg->n_cols++] = (column){.e = e, .sched = copy};
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
	if (!cg->cost || !cg->buf || !cg->fixed) {
		rs_cg_free(cg);
		return NULL;
	}
	glp_term_out(GLP_OFF);
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
		if (add_column(cg, e, &st->x[(size_t)e * st->D])) {
			rs_cg_free(cg);
			return NULL;
		}
	return cg;
}

void rs_cg_free(rs_cg *cg)
{
	if (!cg)
		return;
	if (cg->lp)
		glp_delete_prob(cg->lp);
	for (int i = 0; i < cg->n_cols; i++)
		free(cg->cols[i].sched);
	free(cg->cols);
	free(cg->cost);
	free(cg->buf);
	free(cg->fixed);
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
 * a solved LP, -1 when the LP could not be solved. */
static int cg_rounds(rs_cg *cg, double seconds, int max_rounds, int *rounds);

int rs_cg_run(rs_cg *cg, double seconds, int *rounds)
{
	return cg_rounds(cg, seconds, 0, rounds);
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

int rs_cg_dive(rs_cg *cg, double seconds, int *out)
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
