/*
 * rota_bp.c - branch and price over a column-generation master
 * (rota_cg.c): best first, each node's relaxation solved by column
 * generation under its branches - the total of missing staff over all
 * cover rows bounded (a row over the slacks alone: no schedule is in it),
 * a member's value on a day forced, or banned (the pricing cost of a
 * banned value is prohibitive, so the exact pricing of rota_dp.c needs
 * no change) - and the node settled
 * when its Lagrangian or LP bound cannot beat the best roster known,
 * when it leaves a member no lawful schedule, or when its relaxation is
 * whole. GLPK's own branch-and-cut (rs_cg_mip) can only branch over the
 * columns generated so far; here every node prices anew, which makes
 * the bound at each node, and an exhausted tree, a proof. Called by
 * rota_solve.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rota/rota_cg_int.h"


/* A branch: member m's value v on day d, forced or banned; or, where m
 * is -1, the total of missing staff at least v + 1 (force) or at most
 * v. */
struct bp_branch {
	int m, d, v;
	int force;
};

/* A node of the tree: the branches from the root (depth of them), and
 * its parent's bound; seq orders nodes made later first among equals. */
struct bp_node {
	double bound;
	long seq;
	int depth;
	struct bp_branch *path;
};

void rs_bp_clear(rs_cg *cg)
{
	for (int i = 0; i < cg->n_open; i++)
		free(cg->open[i].path);
	free(cg->open);
	if (cg->cur)
		free(cg->cur->path);
	free(cg->cur);
	cg->open = NULL;
	cg->cur = NULL;
	cg->n_open = cg->cap_open = 0;
}

/* Adds node `parent` plus branch b (none when b is NULL) to the open
 * nodes; -1 when out of memory. */
static int bp_push(rs_cg *cg, const struct bp_node *parent,
		   const struct bp_branch *b, double bound)
{
	if (cg->n_open == cg->cap_open) {
		int nc = cg->cap_open ? 2 * cg->cap_open : 64;
		struct bp_node *q = realloc(cg->open, (size_t)nc * sizeof *q);
		if (!q)
			return -1;
		cg->open = q;
		cg->cap_open = nc;
	}
	int depth = parent ? parent->depth + 1 : 0;
	struct bp_branch *path = malloc(((size_t)depth + 1) * sizeof *path);
	if (!path)
		return -1;
	if (parent) {
		memcpy(path, parent->path, (size_t)parent->depth * sizeof *path);
		path[depth - 1] = *b;
	}
	cg->open[cg->n_open++] = (struct bp_node){
		.bound = bound, .seq = cg->seq++, .depth = depth, .path = path};
	return 0;
}

/* Takes out the open node of lowest bound (the latest made among
 * equals) as cg->cur, dropping those the cutoff settles; 0 when none is
 * left, -1 when out of memory. Best first keeps the nodes solved to the
 * ones a proof needs; the ties let a dive run on while its bound holds. */
static int bp_pop(rs_cg *cg)
{
	int best = -1;
	for (int i = 0; i < cg->n_open;) {
		struct bp_node *n = &cg->open[i];
		if (n->bound > cg->cutoff) {
			free(n->path);
			*n = cg->open[--cg->n_open];
			continue;
		}
		if (best < 0 || n->bound < cg->open[best].bound - 1e-9 ||
		    (n->bound < cg->open[best].bound + 1e-9 &&
		     n->seq > cg->open[best].seq))
			best = i;
		i++;
	}
	if (best < 0)
		return 0;
	cg->cur = malloc(sizeof *cg->cur);
	if (!cg->cur)
		return -1;
	*cg->cur = cg->open[best];
	cg->open[best] = cg->open[--cg->n_open];
	return 1;
}

/* Forces and bans of node cg->cur, and every column that breaks them
 * held at zero. Calls GLPK: only under `rs_cg_guarded`. */
static void bp_apply(rs_cg *cg)
{
	const int D = cg->D, S1 = cg->S + 1;
	size_t kd = (size_t)cg->K * D;
	memcpy(cg->force, cg->base, kd * sizeof *cg->force);
	memset(cg->ban, 0, kd * S1);
	double lo = 0, hi = HUGE_VAL;
	for (int i = 0; i < cg->cur->depth; i++) {
		const struct bp_branch *b = &cg->cur->path[i];
		if (b->m < 0) {
			if (b->force && b->v + 1 > lo)
				lo = b->v + 1;
			else if (!b->force && b->v < hi)
				hi = b->v;
			continue;
		}
		size_t md = (size_t)b->m * D + b->d;
		if (b->force)
			cg->force[md] = b->v;
		else
			cg->ban[md * S1 + b->v + 1] = 1;
	}
	for (int j = 0; j < cg->n_cols; j++) {
		const column *c = &cg->cols[j];
		const unsigned char *ban = &cg->ban[(size_t)c->m * D * S1];
		int ok = rs_cg_keeps_forced(cg, c, cg->force);
		for (int d = 0; d < D && ok; d++)
			ok = !ban[(size_t)d * S1 + c->sched[d] + 1];
		int col = cg->first_lambda + j;
		int type = glp_get_col_type(cg->lp, col);
		if (ok && type != GLP_LO)
			glp_set_col_bnds(cg->lp, col, GLP_LO, 0.0, 0.0);
		else if (!ok && type != GLP_FX)
			glp_set_col_bnds(cg->lp, col, GLP_FX, 0.0, 0.0);
	}
	rs_cg_set_short(cg, lo, hi); /* the next solve: dual simplex */
}

/*
 * The branch for node cg->cur: *b, with *a_out the relaxation's weight
 * of its value; 0 when there is none (the relaxation is whole). First
 * the total of missing staff over all cover rows, where the
 * relaxation's is fractional: the cover rows weigh far more than the
 * requests, so the relaxation spreads a shortage thin, and a whole
 * total lifts the bound most (Instance9's root, 405.7 with 3.67 staff
 * missing, rises to the optimum 439 at 4 or more). The total of surplus
 * staff, branched on next, made Instance7's proof take 24 s instead of
 * 4. Then whether a member works on a day (the most fractional day
 * off), then, when every member's days on and off are whole, which
 * shift (the most fractional): working or not splits the schedules in
 * two halves of like size, where one shift among several leaves most on
 * one side.
 */
static int bp_choose(rs_cg *cg, struct bp_branch *b, double *a_out)
{
	const int D = cg->D, S1 = cg->S + 1;
	double t = 0;
	for (int j = 0; j < cg->C; j++)
		t += glp_get_col_prim(cg->lp, 2 * j + 1);
	double frac = t - floor(t);
	if (frac > 1e-6 && frac < 1 - 1e-6) {
		*b = (struct bp_branch){.m = -1, .v = (int)floor(t)};
		*a_out = frac;
		return 1;
	}
	size_t n = (size_t)cg->K * D * S1;
	memset(cg->agg, 0, n * sizeof *cg->agg);
	for (int j = 0; j < cg->n_cols; j++) {
		double x = glp_get_col_prim(cg->lp, cg->first_lambda + j);
		if (x <= 1e-9)
			continue;
		const column *c = &cg->cols[j];
		double *a = &cg->agg[(size_t)c->m * D * S1];
		for (int d = 0; d < D; d++)
			a[(size_t)d * S1 + c->sched[d] + 1] += x;
	}
	for (int pass = 0; pass < 2; pass++) {
		double best = 1e-6;
		int found = 0;
		for (size_t i = 0; i < n; i++) {
			int off = i % (size_t)S1 == 0;
			if (off != (pass == 0))
				continue;
			double a = cg->agg[i], f = a < 1 - a ? a : 1 - a;
			size_t md = i / (size_t)S1;
			if (f <= best || cg->force[md] != -2)
				continue;
			best = f;
			found = 1;
			*a_out = a;
			*b = (struct bp_branch){.m = (int)(md / (size_t)D),
						.d = (int)(md % (size_t)D),
						.v = (int)(i % (size_t)S1) - 1};
		}
		if (found)
			return 1;
	}
	return 0;
}

typedef struct {
	rs_cg *cg;
	double seconds;
	int64_t *ub;
	int *out;
	int *found, *done;
} branch_args;

/* Node cg->cur's relaxation is whole: its roster, when better, is the
 * new best (out, *ub). Its cost is counted anew: a bound on a slack
 * total may hold a slack above what its row is short (a row both short
 * and over), which the relaxation's value then counts. */
static void bp_take_whole(rs_cg *cg, branch_args *a)
{
	const rota_problem *p = cg->st->p;
	double cost = cg->offset;
	for (int m = 0; m < cg->K; m++)
		cg->whole[m] = -1;
	for (int j = 0; j < cg->n_cols; j++)
		if (glp_get_col_prim(cg->lp, cg->first_lambda + j) > 0.5) {
			cg->whole[cg->cols[j].m] = j;
			cost += glp_get_obj_coef(cg->lp, cg->first_lambda + j);
		}
	for (int j = 0; j < cg->C; j++) {
		const rota_cover *r = &p->cover[cg->row[j]];
		long short_by = lround(glp_get_col_prim(cg->lp, 2 * j + 1) -
				       glp_get_col_prim(cg->lp, 2 * j + 2));
		cost += (double)rs_row_pen(r, r->need - (int)short_by);
	}
	int64_t v = (int64_t)llround(cost);
	if (v < *a->ub && rs_cg_copy_whole(cg, a->out) == 0) {
		*a->ub = v;
		*a->found = 1;
	}
	for (int m = 0; m < cg->K; m++)
		cg->whole[m] = -1;
}

/* rs_cg_branch's work; calls GLPK: only under `rs_cg_guarded`. */
static int branch_call(void *arg)
{
	branch_args *a = arg;
	rs_cg *cg = a->cg;
	double end = rs_cg_now() + a->seconds;
	for (;;) {
		/* Costs are whole numbers: only a roster below ub counts. */
		cg->cutoff = (double)*a->ub - 1 + 1e-6;
		if (!cg->cur) {
			int rc = bp_pop(cg);
			if (rc < 0)
				return -1;
			if (rc == 0) {
				*a->done = 1;
				return 0;
			}
		}
		if (rs_cg_now() >= end)
			return 0;
		bp_apply(cg);
		int rounds;
		if (rs_cg_rounds(cg, end - rs_cg_now(), 0, &rounds) != 0)
			/* An LP cut short by the time limit is no failure:
			 * the node stays for the next call. */
			return cg->timed_out || rs_cg_now() >= end ? 0 : -1;
		/* Unless pruned or converged, a node the time limit cut
		 * short (GLPK's limit is in whole milliseconds and may stop
		 * a solve before `end`) stays for the next call too. */
		if (!cg->pruned && !cg->bound_valid &&
		    (cg->timed_out || rs_cg_now() >= end))
			return 0;
		cg->nodes++;
		int settled = cg->pruned;
		/* The Lagrangian value is the node's bound: the LP's own
		 * value can sit a hair above it, where GLPK's tolerance left
		 * columns pricing just below zero (has_column). */
		double bound = cg->lagr_valid ? cg->lagr + cg->offset : -HUGE_VAL;
		if (!settled) {
			/* A member on its stand-in, or the total on an
			 * artificial: nothing lawful keeps the branches. */
			for (int m = 0; m < cg->K + 2 && !settled; m++)
				settled = glp_get_col_prim(cg->lp, 2 * cg->C + 1 + m) >
					  1e-6;
			if (!cg->bound_valid)
				cg->inexact = 1;
		}
		struct bp_branch b;
		double w = 0;
		if (!settled && !bp_choose(cg, &b, &w)) {
			bp_take_whole(cg, a); /* the best this node holds */
			settled = 1;
		}
		if (!settled) {
			/* The side the relaxation leans to goes first. */
			struct bp_branch other = b;
			b.force = w >= 0.5;
			other.force = !b.force;
			if (bp_push(cg, cg->cur, &other, bound) ||
			    bp_push(cg, cg->cur, &b, bound))
				return -1;
		}
		free(cg->cur->path);
		free(cg->cur);
		cg->cur = NULL;
	}
}

int rs_cg_branch(rs_cg *cg, double seconds, int64_t *ub, int *out,
		 int *found, int *done, int *proved)
{
	*found = 0;
	*done = 0;
	*proved = 0;
	if (!rs_cg_lp_alive(cg))
		return -1;
	size_t n = (size_t)cg->K * cg->D * (cg->S + 1);
	if (!cg->ban) {
		/* All or nothing: a tree half made would look exhausted. */
		unsigned char *ban = calloc(n + 1, 1);
		double *agg = malloc((n + 1) * sizeof *agg);
		if (!ban || !agg || bp_push(cg, NULL, NULL, -HUGE_VAL)) {
			free(ban);
			free(agg);
			return -1;
		}
		cg->ban = ban;
		cg->agg = agg;
		for (int m = 0; m < cg->K; m++)
			cg->whole[m] = -1;
	}
	branch_args a = {.cg = cg, .seconds = seconds, .ub = ub, .out = out,
			 .found = found, .done = done};
	int rc = rs_cg_guarded(branch_call, &a);
	*proved = *done && !cg->inexact;
	return rc;
}

long rs_cg_nodes(const rs_cg *cg)
{
	return cg->nodes;
}
