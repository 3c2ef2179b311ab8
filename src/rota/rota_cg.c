/*
 * rota_cg.c - column generation over whole schedules. The master linear
 * programme chooses one schedule per employee (a convex combination in the
 * relaxation) to minimise requests plus cover penalties; the pricing
 * problem for each employee is the shortest path of rota_dp.c with the
 * cover rows' dual values as rewards. The relaxation's optimum is a lower
 * bound on every roster (when pricing was exact); a dive, or the master
 * solved with whole numbers over the generated schedules, gives rosters.
 * A master may cover only part of the roster - some employees over a
 * window of days, with everything else fixed - which makes an exact
 * large-neighbourhood move for the search. GLPK does the linear and
 * integer programming: a tested simplex and branch-and-cut that no one
 * should write again. Branch and price over such a master is in
 * rota_bp.c (the master's inside: rota_cg_int.h). Called by rota_solve.c.
 *
 * GLPK reports an internal error (a failed assertion, a bad argument) by
 * printing it and calling abort(). Every GLPK call here runs under
 * `rs_cg_guarded`, whose error hook jumps back out instead, frees GLPK's
 * whole environment and makes the public function fail (-1), so the
 * solver carries on without column generation.
 */
#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rota/rota_cg_int.h"

/* LP solves between two fixings of a dive. */
#define DIVE_ROUNDS 8
/* A dive step fixes a value for one in DIVE_SHARE of the members the
 * relaxation splits: one in 2 gave 4,087 on Instance12 (optimum 4,040) in
 * 35 steps, one in 4 the optimum in 68, one in 8 4,743 on 18 where one
 * in 4 gave 4,590. */
#define DIVE_SHARE 4
/* A shaken dive ranks values by their weight times 1 + up to this. */
#define DIVE_SHAKE 0.3
/* Columns dive_restore deletes per GLPK call, and its time limit for
 * solving the master again (seconds). */
#define DIVE_DEL 256
#define DIVE_RESOLVE 1.0
/* Weight of the stability centre in the duals pricing uses (rs_cg_rounds). */
#define SMOOTH 0.5
/* Cost of an employee's stand-in column (no schedule: see build_master). */
#define NO_SCHEDULE 1e7

/* --- GLPK errors --- */

/*
 * GLPK keeps one environment per thread. After an error it is freed,
 * and every glp_prob of the thread with it; env_epoch counts those
 * losses so a master made before one knows its lp is gone. cur_guard is
 * the innermost active `rs_cg_guarded` call's jump buffer.
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
int rs_cg_guarded(int (*fn)(void *), void *arg)
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
int rs_cg_lp_alive(const rs_cg *cg)
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
	return rs_cg_guarded(force_error, NULL);
}

/* --- the master problem --- */

double rs_cg_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* FNV-1a over a schedule's D values. */
static uint64_t sched_hash(const int *sched, int D)
{
	uint64_t h = 14695981039346656037u;
	for (int d = 0; d < D; d++) {
		h ^= (uint64_t)(unsigned)(sched[d] + 1);
		h *= 1099511628211u;
	}
	return h;
}

/* Whether member m has schedule sched among its columns already. */
static int has_column(const rs_cg *cg, int m, const int *sched)
{
	uint64_t h = sched_hash(sched, cg->D);
	for (int j = 0; j < cg->n_cols; j++)
		if (cg->cols[j].hash == h && cg->cols[j].m == m &&
		    !memcmp(cg->cols[j].sched, sched, (size_t)cg->D * sizeof *sched))
			return 1;
	return 0;
}

/* Adds schedule sched of member m as a master column. Calls GLPK: only
 * under `rs_cg_guarded`. */
static int add_column(rs_cg *cg, int m, const int *sched)
{
	rs_state *st = cg->st;
	const int e = cg->emp[m];
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
	cg->cols[cg->n_cols++] =
		(column){.m = m, .sched = copy, .hash = sched_hash(copy, cg->D)};
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
			if (cg->lp_row[i] < 0 ||
			    !st->qual[(size_t)e * st->p->n_cover + i])
				continue;
			n++;
			ind[n] = cg->lp_row[i] + 1;
			val[n] = 1.0;
		}
	}
	n++;
	ind[n] = cg->C + m + 1;
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

/* Builds cg's master problem (under `rs_cg_guarded`); 0 or -1. */
static int build_master(void *arg)
{
	rs_cg *cg = arg;
	rs_state *st = cg->st;
	const rota_problem *p = st->p;
	const int C = cg->C, K = cg->K;
	cg->epoch = env_epoch;
	cg->lp = glp_create_prob();
	glp_set_obj_dir(cg->lp, GLP_MIN);
	const int short_row = C + K + 1;
	glp_add_rows(cg->lp, C + K + 1);
	for (int i = 0; i < C; i++)
		glp_set_row_bnds(cg->lp, i + 1, GLP_FX, cg->rhs[i], cg->rhs[i]);
	for (int m = 0; m < K; m++)
		glp_set_row_bnds(cg->lp, C + m + 1, GLP_FX, 1.0, 1.0);
	glp_set_row_bnds(cg->lp, short_row, GLP_FR, 0.0, 0.0);
	cg->short_lo = 0;
	cg->short_hi = HUGE_VAL;
	/* Slack for missing (+1) and surplus (-1) staff per cover row, the
	 * missing counted in the total. */
	for (int i = 0; i < C; i++) {
		int ind[3] = {0, i + 1, short_row};
		double up[3] = {0, 1.0, 1.0}, down[2] = {0, -1.0};
		const rota_cover *r = &p->cover[cg->row[i]];
		int col = glp_add_cols(cg->lp, 2);
		glp_set_col_bnds(cg->lp, col, GLP_LO, 0.0, 0.0);
		glp_set_obj_coef(cg->lp, col, r->under_weight);
		glp_set_mat_col(cg->lp, col, 2, ind, up);
		glp_set_col_bnds(cg->lp, col + 1, GLP_LO, 0.0, 0.0);
		glp_set_obj_coef(cg->lp, col + 1, r->over_weight);
		glp_set_mat_col(cg->lp, col + 1, 1, ind, down);
	}
	/* Each member's stand-in column: no schedule at a prohibitive cost.
	 * It keeps the master solvable when a dive's forced days leave a
	 * member no lawful schedule among those generated. */
	for (int m = 0; m < K; m++) {
		int ind[2] = {0, C + m + 1};
		double one[2] = {0, 1.0};
		int col = glp_add_cols(cg->lp, 1);
		glp_set_col_bnds(cg->lp, col, GLP_LO, 0.0, 0.0);
		glp_set_obj_coef(cg->lp, col, NO_SCHEDULE);
		glp_set_mat_col(cg->lp, col, 1, ind, one);
	}
	/* The total's artificials, held at zero until a branch bounds it:
	 * one raises it to short_lo, one lowers it to short_hi. */
	cg->first_art = 2 * C + K + 1;
	{
		int ind[2] = {0, short_row};
		double one[2] = {0, 1.0}, minus[2] = {0, -1.0};
		int col = glp_add_cols(cg->lp, 2);
		for (int k = 0; k < 2; k++) {
			glp_set_col_bnds(cg->lp, col + k, GLP_FX, 0.0, 0.0);
			glp_set_obj_coef(cg->lp, col + k, TOTAL_ART);
		}
		glp_set_mat_col(cg->lp, col, 1, ind, one);
		glp_set_mat_col(cg->lp, col + 1, 1, ind, minus);
	}
	cg->first_lambda = cg->first_art + 2;
	/* The current roster gives every member a first column. */
	for (int m = 0; m < K; m++)
		if (add_column(cg, m, &st->x[(size_t)cg->emp[m] * st->D]))
			return -1;
	return 0;
}

rs_cg *rs_cg_new_part(rs_state *st, rs_dp *dp, const int *emps, int k,
		      int wa, int wb)
{
	const rota_problem *p = st->p;
	rs_cg *cg = calloc(1, sizeof *cg);
	if (!cg)
		return NULL;
	cg->st = st;
	cg->dp = dp;
	cg->K = emps ? k : st->E;
	cg->D = st->D;
	cg->S = st->S;
	const int NC = p->n_cover, K = cg->K, D = cg->D;
	size_t kd = (size_t)K * D;
	cg->emp = malloc(((size_t)K + 1) * sizeof *cg->emp);
	cg->lp_row = malloc(((size_t)NC + 1) * sizeof *cg->lp_row);
	cg->row = malloc(((size_t)NC + 1) * sizeof *cg->row);
	cg->dual = calloc((size_t)NC + 1, sizeof *cg->dual);
	cg->lp_dual = calloc((size_t)NC + 1, sizeof *cg->lp_dual);
	cg->centre = calloc((size_t)NC + 1, sizeof *cg->centre);
	cg->sigma = calloc((size_t)K + 1, sizeof *cg->sigma);
	cg->rhs = malloc(((size_t)NC + 1) * sizeof *cg->rhs);
	cg->cost = malloc((size_t)D * (st->S + 1) * sizeof *cg->cost);
	cg->buf = malloc(((size_t)D + 1) * sizeof *cg->buf);
	cg->force = malloc((kd + 1) * sizeof *cg->force);
	cg->whole = malloc(((size_t)K + 1) * sizeof *cg->whole);
	cg->ind = malloc(((size_t)NC + 2) * sizeof *cg->ind);
	cg->val = malloc(((size_t)NC + 2) * sizeof *cg->val);
	if (!cg->emp || !cg->lp_row || !cg->row || !cg->dual || !cg->rhs ||
	    !cg->lp_dual || !cg->centre || !cg->sigma ||
	    !cg->cost || !cg->buf || !cg->force || !cg->whole || !cg->ind ||
	    !cg->val) {
		rs_cg_free(cg);
		return NULL;
	}
	for (int m = 0; m < K; m++) {
		cg->emp[m] = emps ? emps[m] : m;
		cg->whole[m] = -1;
	}
	/* Rows on days outside the window keep their counts: a constant. */
	int C = 0;
	for (int i = 0; i < NC; i++) {
		int d = p->cover[i].day;
		if (d >= wa && d < wb) {
			cg->row[C] = i;
			cg->lp_row[i] = C++;
		} else {
			cg->lp_row[i] = -1;
			cg->offset += (double)rs_row_pen(&p->cover[i], st->cnt[i]);
		}
	}
	cg->C = C;
	cg->cutoff = HUGE_VAL;
	/* Each cover row asks the members for what the others leave short
	 * (negative: already over). The members' own work is in st->cnt. */
	for (int j = 0; j < C; j++)
		cg->rhs[j] = p->cover[cg->row[j]].need - st->cnt[cg->row[j]];
	for (int m = 0; m < K; m++) {
		int e = cg->emp[m];
		const int *x = &st->x[(size_t)e * D];
		for (int d = 0; d < D; d++) {
			if (x[d] < 0)
				continue;
			int kk = d * cg->S + x[d];
			for (int j = st->row_start[kk]; j < st->row_start[kk + 1];
			     j++) {
				int i = st->row_of[j];
				if (cg->lp_row[i] >= 0 && st->qual[(size_t)e * NC + i])
					cg->rhs[cg->lp_row[i]] += 1;
			}
		}
		/* Days outside the window keep the member's current values. */
		for (int d = 0; d < D; d++)
			cg->force[(size_t)m * D + d] =
				d < wa || d >= wb ? x[d] : -2;
	}
	cg->base = malloc((kd + 1) * sizeof *cg->base);
	if (!cg->base) {
		rs_cg_free(cg);
		return NULL;
	}
	memcpy(cg->base, cg->force, kd * sizeof *cg->base);
	if (rs_cg_guarded(build_master, cg) != 0) {
		rs_cg_free(cg);
		return NULL;
	}
	return cg;
}

rs_cg *rs_cg_new(rs_state *st, rs_dp *dp)
{
	return rs_cg_new_part(st, dp, NULL, 0, 0, st->D);
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
	if (rs_cg_lp_alive(cg))
		rs_cg_guarded(delete_lp, cg->lp);
	cg->lp = NULL;
	for (int i = 0; i < cg->n_cols; i++)
		free(cg->cols[i].sched);
	free(cg->cols);
	free(cg->cost);
	free(cg->buf);
	free(cg->emp);
	free(cg->rhs);
	free(cg->lp_row);
	free(cg->row);
	free(cg->dual);
	free(cg->lp_dual);
	free(cg->centre);
	free(cg->sigma);
	free(cg->force);
	free(cg->whole);
	free(cg->ind);
	free(cg->val);
	free(cg->base);
	free(cg->ban);
	rs_bp_clear(cg);
	free(cg->agg);
	free(cg);
}

void rs_cg_set_tick(rs_cg *cg, void (*tick)(void *ctx), void *ctx)
{
	cg->tick = tick;
	cg->tick_ctx = ctx;
}

/* Solves the relaxation; 0 on success. */
static int solve_lp(rs_cg *cg, double seconds)
{
	glp_smcp parm;
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	/* New columns keep the basis primal feasible; a branch's new
	 * bounds keep it dual feasible instead (bp_apply). */
	parm.meth = cg->dual_next ? GLP_DUALP : GLP_PRIMAL;
	cg->dual_next = 0;
	parm.tm_lim = (int)(seconds * 1000) > 1 ? (int)(seconds * 1000) : 1;
	int rc = glp_simplex(cg->lp, &parm);
	if (cg->tick)
		cg->tick(cg->tick_ctx);
	cg->timed_out = rc == GLP_ETMLIM;
	if (rc != 0 && rc != GLP_ETMLIM)
		return -1;
	return glp_get_status(cg->lp) == GLP_OPT ? 0 : -1;
}

typedef struct {
	rs_cg *cg;
	double seconds;
	int max_rounds; /* rs_cg_run */
	int *rounds;
	int *out;    /* rs_cg_dive, rs_cg_round */
	struct dive_mem *mem; /* rs_cg_dive */
} call_args;

static int run_call(void *arg)
{
	call_args *a = arg;
	return rs_cg_rounds(a->cg, a->seconds, a->max_rounds, a->rounds);
}

int rs_cg_run(rs_cg *cg, double seconds, int max_rounds, int *rounds)
{
	*rounds = 0;
	if (!rs_cg_lp_alive(cg))
		return -1;
	call_args a = {.cg = cg,
		       .seconds = seconds,
		       .max_rounds = max_rounds,
		       .rounds = rounds};
	return rs_cg_guarded(run_call, &a);
}

/* Member m's pricing costs (cg->cost) with cover rows' values dual. */
static void price_costs(rs_cg *cg, int m, const double *dual)
{
	const rs_state *st = cg->st;
	const int D = cg->D, S = cg->S, e = cg->emp[m], NC = st->p->n_cover;
	for (int d = 0; d < D; d++) {
		const int *rq = &st->req[((size_t)e * D + d) * (S + 1)];
		double *c = &cg->cost[(size_t)d * (S + 1)];
		c[0] = rq[0];
		for (int s = 0; s < S; s++) {
			c[s + 1] = rq[s + 1];
			int k = d * S + s;
			for (int j = st->row_start[k]; j < st->row_start[k + 1]; j++) {
				int i = st->row_of[j];
				if (st->qual[(size_t)e * NC + i])
					c[s + 1] -= dual[i];
			}
		}
		if (cg->ban) {
			const unsigned char *b =
				&cg->ban[((size_t)m * D + d) * (S + 1)];
			for (int v = 0; v <= S; v++)
				if (b[v])
					c[v] += BANNED;
		}
	}
}

/* What member m's schedule sched costs with cover rows' values dual. */
static double sched_value(const rs_cg *cg, int m, const int *sched,
			  const double *dual)
{
	const rs_state *st = cg->st;
	const int D = cg->D, S = cg->S, e = cg->emp[m], NC = st->p->n_cover;
	double v = 0;
	for (int d = 0; d < D; d++) {
		int s = sched[d];
		v += st->req[((size_t)e * D + d) * (S + 1) + s + 1];
		if (s < 0)
			continue;
		int k = d * S + s;
		for (int j = st->row_start[k]; j < st->row_start[k + 1]; j++) {
			int i = st->row_of[j];
			if (st->qual[(size_t)e * NC + i])
				v -= dual[i];
		}
	}
	return v;
}

/*
 * The total of missing staff's part of the Lagrangian value at the cover
 * values dual: the cheapest the under slacks meet its bounds with. A
 * missing person on cover row i costs c_i = its under weight - dual, a
 * unit of artificial TOTAL_ART; so the total goes to its upper bound on
 * the cheapest row when that is below zero (rs_cg_rounds keeps c_i
 * above -TOTAL_ART, and at 0 or above while the total has no upper
 * bound), else to its lower bound.
 */
static double short_value(const rs_cg *cg, const double *dual)
{
	const rota_problem *p = cg->st->p;
	if (cg->short_lo == 0 && cg->short_hi == HUGE_VAL)
		return 0; /* every c_i >= 0: nothing */
	double cmin = TOTAL_ART;
	for (int j = 0; j < cg->C; j++) {
		double c = p->cover[cg->row[j]].under_weight - dual[cg->row[j]];
		cmin = c < cmin ? c : cmin;
	}
	return cmin < 0 ? cg->short_hi * cmin : cg->short_lo * cmin;
}

/*
 * One pricing round at the cover values cg->dual: each free member's
 * best schedule joins the master when its reduced cost at the LP's own
 * values (cg->lp_dual, cg->sigma) is negative. Sets *added, *exact (every
 * member priced, and exactly) and *lagr, the Lagrangian bound at cg->dual:
 * sum of dual times what each row asks, plus each member's best value
 * and the total of missing staff's part (valid when *exact). Returns 0,
 * or -1 when a column could not be added.
 */
static int price_round(rs_cg *cg, double end, int thorough, int *added,
		       int *exact, double *lagr)
{
	const int D = cg->D;
	double L = short_value(cg, cg->dual);
	for (int j = 0; j < cg->C; j++)
		L += cg->dual[cg->row[j]] * cg->rhs[j];
	*added = 0;
	*exact = 1;
	for (int m = 0; m < cg->K; m++) {
		if (rs_cg_now() >= end) {
			*exact = 0; /* not everyone priced */
			break;
		}
		price_costs(cg, m, cg->dual);
		double value;
		int ex;
		if (rs_dp_price(cg->dp, cg->st, cg->emp[m], cg->cost,
				&cg->force[(size_t)m * D], thorough, cg->buf,
				&value, &ex)) {
			*exact = 0;
			continue;
		}
		*exact &= ex;
		L += value;
		if (value >= BANNED / 2)
			continue; /* only schedules a branch bans are left */
		double rc = sched_value(cg, m, cg->buf, cg->lp_dual) - cg->sigma[m];
		/* GLPK's optimum holds to its tolerances on the scaled
		 * master, so a column it has may still price a hair below
		 * zero: added again, it came back every round (Instance8's
		 * branch and price, 1.5e-4). */
		if (rc < -1e-6 && !has_column(cg, m, cg->buf)) {
			if (add_column(cg, m, cg->buf))
				return -1;
			(*added)++;
		}
	}
	*lagr = L;
	return 0;
}

/* A master over every employee and day, not inside branch and price or
 * a dive. */
static int whole_roster(const rs_cg *cg)
{
	return cg->K == cg->st->E && cg->C == cg->st->p->n_cover && !cg->open &&
	       !cg->cur && !cg->diving;
}

/*
 * Column generation's rounds. The LP's own duals swing from one extreme
 * to another between rounds, and pricing at them alone takes many rounds
 * to converge. Each round therefore prices at a mix of the LP's duals
 * and the stability centre - the duals with the best Lagrangian value so
 * far (Wentges' smoothing, 1997): whole-roster column generation then
 * converged in 39 rounds instead of 48 on Instance12, 45 instead of 56
 * on 14, 55 instead of 75 on 18. When the mix finds no column whose
 * reduced cost at the LP's own duals is negative, the round prices again
 * at those: only then has the master converged. Where pricing is not
 * exact the Lagrangian value is an estimate, still a fair guide for the
 * centre, but no bound. Where pricing prices shift-type limits in rather
 * than tracking them, it may find no column while one exists: whole-roster
 * column generation then prices thoroughly (rs_dp_price) for the rest of
 * the run. On Instance15 the fast prices found nothing at a master of
 * 5,692 (the optimum is 3,828); thorough pricing converged to a proven
 * 3,823.6. Thorough passes cost several fast ones, so the many small
 * masters of the search keep to fast pricing.
 */
int rs_cg_rounds(rs_cg *cg, double seconds, int max_rounds, int *rounds)
{
	const rota_problem *p = cg->st->p;
	double end = rs_cg_now() + seconds;
	*rounds = 0;
	cg->bound_valid = 0;
	cg->lagr_valid = 0;
	cg->pruned = 0;
	int solved = 0, have_centre = 0, thorough = 0;
	double centre_l = -HUGE_VAL;
	while (rs_cg_now() < end && (max_rounds <= 0 || *rounds < max_rounds)) {
		if (solve_lp(cg, end - rs_cg_now()))
			return solved ? 0 : -1;
		solved = 1;
		cg->bound = glp_get_obj_val(cg->lp);
		(*rounds)++;
		for (int j = 0; j < cg->C; j++)
			cg->lp_dual[cg->row[j]] = glp_get_row_dual(cg->lp, j + 1);
		for (int m = 0; m < cg->K; m++)
			cg->sigma[m] = glp_get_row_dual(cg->lp, cg->C + m + 1);
		if (!have_centre) {
			memcpy(cg->centre, cg->lp_dual,
			       (size_t)p->n_cover * sizeof *cg->centre);
			have_centre = 1;
		}
		double a = SMOOTH;
		int added, exact;
		for (;;) {
			for (int j = 0; j < cg->C; j++) {
				int i = cg->row[j];
				double v = a * cg->centre[i] + (1 - a) * cg->lp_dual[i];
				/* The Lagrangian value bounds only for values
				 * the slacks price: -over <= v <= under, the
				 * upper end TOTAL_ART higher where a branch
				 * bounds the missing staff from above
				 * (short_value). The LP's duals are inside up
				 * to GLPK's tolerance, and so is any mix of
				 * them; clipping makes the bound not depend
				 * on that tolerance. */
				const rota_cover *cv = &p->cover[i];
				double hi = cv->under_weight +
					    (cg->short_hi < HUGE_VAL ? TOTAL_ART : 0);
				v = v > hi ? hi : v;
				v = v < -cv->over_weight ? -cv->over_weight : v;
				cg->dual[i] = v;
			}
			double L;
			if (price_round(cg, end, thorough, &added, &exact, &L))
				return -1;
			if (L > centre_l) {
				centre_l = L;
				memcpy(cg->centre, cg->dual,
				       (size_t)p->n_cover * sizeof *cg->centre);
			}
			if (exact && (!cg->lagr_valid || L > cg->lagr)) {
				cg->lagr = L;
				cg->lagr_valid = 1;
			}
			/* Branch and price: this node cannot beat the best
			 * roster known. */
			if (exact && L + cg->offset > cg->cutoff) {
				cg->pruned = 1;
				return 0;
			}
			if (added || rs_cg_now() >= end)
				break;
			if (a == 0) {
				/* Nothing at the LP's duals either: converged,
				 * or the prices missed a column (below). */
				if (exact || thorough || !whole_roster(cg))
					break;
				thorough = 1;
			}
			a = 0; /* a mispricing: price at the LP's own duals */
		}
		if (!added) {
			cg->bound_valid = exact && a == 0;
			return 0;
		}
	}
	return 0;
}

void rs_cg_set_short(rs_cg *cg, double lo, double hi)
{
	int type = hi == HUGE_VAL ? (lo > 0 ? GLP_LO : GLP_FR)
		   : lo == hi      ? GLP_FX
		   : lo > 0        ? GLP_DB
				   : GLP_UP;
	glp_set_row_bnds(cg->lp, cg->C + cg->K + 1, type, lo,
			 hi == HUGE_VAL ? 0 : hi);
	glp_set_col_bnds(cg->lp, cg->first_art, lo > 0 ? GLP_LO : GLP_FX, 0, 0);
	glp_set_col_bnds(cg->lp, cg->first_art + 1,
			 hi < HUGE_VAL ? GLP_LO : GLP_FX, 0, 0);
	cg->short_lo = lo;
	cg->short_hi = hi;
	cg->dual_next = 1;
}

double rs_cg_bound(const rs_cg *cg, int *valid)
{
	*valid = cg->bound_valid || cg->lagr_valid;
	if (!cg->bound_valid && cg->lagr_valid)
		return cg->lagr + cg->offset;
	return cg->bound + cg->offset;
}

/* Branches: member m must take value v (ROTA_OFF or a shift) on day d. Columns
 * of m that differ there go to zero; pricing keeps to it from now on. */
static void force_value(rs_cg *cg, int m, int d, int v)
{
	cg->force[(size_t)m * cg->D + d] = v;
	for (int j = 0; j < cg->n_cols; j++)
		if (cg->cols[j].m == m && cg->cols[j].sched[d] != v)
			glp_set_col_bnds(cg->lp, cg->first_lambda + j, GLP_FX,
					 0.0, 0.0);
}

int rs_cg_keeps_forced(const rs_cg *cg, const column *c, const int *f)
{
	const int *fm = &f[(size_t)c->m * cg->D];
	for (int d = 0; d < cg->D; d++)
		if (fm[d] != -2 && fm[d] != c->sched[d])
			return 0;
	return 1;
}

/* Undoes a dive's fixing of member m's day d: its columns that keep the
 * days still forced come back. */
static void release_value(rs_cg *cg, int m, int d)
{
	cg->force[(size_t)m * cg->D + d] = -2;
	for (int j = 0; j < cg->n_cols; j++)
		if (cg->cols[j].m == m && rs_cg_keeps_forced(cg, &cg->cols[j], cg->force))
			glp_set_col_bnds(cg->lp, cg->first_lambda + j, GLP_LO,
					 0.0, 0.0);
}

/* The dive's working memory (see dive), made before GLPK is called so
 * that a GLPK error leaks none of it. */
typedef struct dive_mem {
	double *agg;          /* K * D * (S + 1): the relaxation's weight */
	unsigned char *tried; /* a fixing undone: not made again */
	int *last;            /* K: m * D + d fixed in the last step, or -1 */
	int *pick;            /* K: agg index of m's cell to fix, or -1 */
	double *score;        /* K: the weight of m's pick, perhaps shaken */
	ov_rng *rng;          /* shakes the weights, or NULL */
	/* The master before the dive (dive_restore): its number of
	 * columns, basis (rows, then columns; 1-based), bound and
	 * Lagrangian value; del: dive_restore's 1-based column list. */
	int n0;
	int *stat;
	double bound, lagr;
	int bound_valid, lagr_valid;
	int del[DIVE_DEL + 1];
	int *heavy;           /* K: m's column of most weight, last weighed */
	int weighed;          /* heavy holds a relaxation's columns */
} dive_mem;

/*
 * After a step's solve, undoes the last step's fixing of each member
 * left on its stand-in column. Returns 1 when some were undone, 0 when
 * none is on its stand-in, -1 when one is and its last step fixed
 * nothing (the dive has failed).
 */
static int dive_undo(rs_cg *cg, dive_mem *w)
{
	const int S1 = cg->S + 1;
	int undone = 0;
	for (int m = 0; m < cg->K; m++) {
		if (glp_get_col_prim(cg->lp, 2 * cg->C + 1 + m) <= 1e-6)
			continue;
		int md = w->last[m];
		if (md < 0)
			return -1;
		w->tried[(size_t)md * S1 + cg->force[md] + 1] = 1;
		release_value(cg, m, md % cg->D);
		w->last[m] = -1;
		undone = 1;
	}
	return undone;
}

/*
 * The relaxation's weight of each member's values (w->agg) and each
 * member's column at one, if any (cg->whole). Returns whether every
 * member has one: the relaxation is whole.
 */
static int dive_weigh(rs_cg *cg, dive_mem *w)
{
	const int D = cg->D, S1 = cg->S + 1;
	memset(w->agg, 0, (size_t)cg->K * D * S1 * sizeof *w->agg);
	for (int m = 0; m < cg->K; m++) {
		cg->whole[m] = -1;
		w->heavy[m] = -1;
	}
	for (int j = 0; j < cg->n_cols; j++) {
		double x = glp_get_col_prim(cg->lp, cg->first_lambda + j);
		if (x <= 1e-9)
			continue;
		const column *c = &cg->cols[j];
		if (x > 1 - 1e-6)
			cg->whole[c->m] = j;
		int h = w->heavy[c->m];
		if (h < 0 || x > glp_get_col_prim(cg->lp, cg->first_lambda + h))
			w->heavy[c->m] = j;
		double *a = &w->agg[(size_t)c->m * D * S1];
		for (int d = 0; d < D; d++)
			a[(size_t)d * S1 + c->sched[d] + 1] += x;
	}
	int all = 1;
	w->weighed = 1;
	for (int m = 0; m < cg->K; m++) {
		all &= cg->whole[m] >= 0;
		w->weighed &= w->heavy[m] >= 0;
	}
	return all;
}

/*
 * Fixes one value for about a share-th of the members the relaxation
 * splits: each one's free, fractional value of largest weight, the
 * largest first. Returns how many it fixed.
 */
static int dive_fix(rs_cg *cg, dive_mem *w, int share)
{
	const int D = cg->D, S1 = cg->S + 1;
	int split = 0;
	for (int m = 0; m < cg->K; m++) {
		w->score[m] = 0;
		w->pick[m] = -1;
		w->last[m] = -1;
		for (size_t md = (size_t)m * D; md < (size_t)(m + 1) * D; md++) {
			if (cg->force[md] != -2)
				continue;
			for (int v = 0; v < S1; v++) {
				size_t i = md * S1 + v;
				double a = w->agg[i];
				if (a <= 1e-6 || a >= 1 - 1e-6 || w->tried[i])
					continue;
				if (w->rng)
					a *= 1 + DIVE_SHAKE * ov_rng_unit(w->rng);
				if (a > w->score[m]) {
					w->score[m] = a;
					w->pick[m] = (int)i;
				}
			}
		}
		split += w->pick[m] >= 0;
	}
	int fixed = 0;
	for (int want = (split + share - 1) / share; want > 0; want--) {
		int bm = -1;
		for (int m = 0; m < cg->K; m++)
			if (w->pick[m] >= 0 &&
			    (bm < 0 || w->score[m] > w->score[bm]))
				bm = m;
		if (bm < 0)
			break;
		int md = w->pick[bm] / S1;
		force_value(cg, bm, md % D, w->pick[bm] % S1 - 1);
		w->last[bm] = md;
		w->pick[bm] = -1;
		fixed++;
	}
	return fixed;
}

/*
 * rs_cg_dive's work; calls GLPK: only under `rs_cg_guarded`. A dive on
 * single values rather than whole columns: each step solves the master
 * with a few pricing rounds, then fixes one member's value on one day for
 * a share of the members the relaxation splits, so the others' schedules
 * stay free to fit around them; a fixing that leaves its member no
 * lawful schedule is undone and not tried again. It ends when the
 * relaxation gives every member one schedule whole, or, when time runs
 * out first, each member takes its column of most weight in the last
 * relaxation weighed. Fixing whole columns instead, the first of them
 * set most of a member's horizon at once: from the converged master it
 * gave 4,807 on Instance12 (optimum 4,040), 5,412 on 18 (4,459) and 1,483
 * on 14 (1,278); fixing values gives 4,040, 4,590 and 1,278.
 */
static int dive(rs_cg *cg, double seconds, dive_mem *w)
{
	const int K = cg->K;
	double end = rs_cg_now() + seconds;
	for (int m = 0; m < K; m++) {
		cg->whole[m] = -1;
		w->last[m] = -1;
	}
	for (;;) {
		int rounds;
		if (rs_cg_now() >= end)
			break;
		if (rs_cg_rounds(cg, end - rs_cg_now(), DIVE_ROUNDS, &rounds) != 0 ||
		    (glp_get_status(cg->lp) != GLP_OPT &&
		     solve_lp(cg, end - rs_cg_now())))
			return rs_cg_now() >= end ? 1 : -1;
		int undone = dive_undo(cg, w);
		if (undone < 0)
			return -1;
		if (undone)
			continue; /* columns came back: primal simplex */
		if (dive_weigh(cg, w)) {
			for (int m = 0; m < K; m++)
				w->heavy[m] = cg->whole[m];
			return 0;
		}
		/* Past half its time, a dive fixes a value for every member
		 * split: cut short, it gave 5,380 on Instance15. */
		int hurry = rs_cg_now() > end - seconds / 2;
		if (!dive_fix(cg, w, hurry ? 1 : DIVE_SHARE))
			return -1;
		cg->dual_next = 1; /* bounds changed: dual simplex */
	}
	return 1; /* out of time: the last relaxation rounded */
}

/* Only the master's own days forced (base), and every column that keeps
 * them free. */
static void unfix_all(rs_cg *cg)
{
	memcpy(cg->force, cg->base, (size_t)cg->K * cg->D * sizeof *cg->force);
	for (int j = 0; j < cg->n_cols; j++)
		glp_set_col_bnds(cg->lp, cg->first_lambda + j,
				 rs_cg_keeps_forced(cg, &cg->cols[j], cg->base) ? GLP_LO
									  : GLP_FX,
				 0.0, 0.0);
}

/*
 * Gives the master back as the dive found it: the columns the dive
 * priced are deleted (DIVE_DEL at a time), every fixing is undone, and
 * the basis, bound and Lagrangian value are those from before. A second
 * dive then starts from the converged master, not one a third larger:
 * on Instance18 dives again from the grown master took 25 s, 37 s and
 * 60 s, where the first took 7.
 */
static void dive_restore(rs_cg *cg, dive_mem *w)
{
	while (cg->n_cols > w->n0) {
		int k = 0;
		while (k < DIVE_DEL && cg->n_cols > w->n0) {
			w->del[++k] = cg->first_lambda + cg->n_cols - 1;
			free(cg->cols[--cg->n_cols].sched);
		}
		glp_del_cols(cg->lp, k, w->del);
	}
	unfix_all(cg);
	int rows = glp_get_num_rows(cg->lp), cols = glp_get_num_cols(cg->lp);
	for (int i = 1; i <= rows; i++)
		glp_set_row_stat(cg->lp, i, w->stat[i]);
	for (int j = 1; j <= cols; j++)
		glp_set_col_stat(cg->lp, j, w->stat[rows + j]);
	cg->bound = w->bound;
	cg->bound_valid = w->bound_valid;
	cg->lagr = w->lagr;
	cg->lagr_valid = w->lagr_valid;
	/* The columns the dive ended on are gone. */
	for (int m = 0; m < cg->K; m++)
		cg->whole[m] = -1;
	/* GLPK still holds the dive's last, fixed solution as optimal:
	 * solved again from the basis restored (optimal before the dive,
	 * so no pivots), rounding or branch-and-cut after a dive reads
	 * the master's own. Cut short, the status says so and they solve
	 * it themselves. */
	solve_lp(cg, DIVE_RESOLVE);
}

static int dive_call(void *arg)
{
	call_args *a = arg;
	rs_cg *cg = a->cg;
	dive_mem *w = a->mem;
	int rows = glp_get_num_rows(cg->lp), cols = glp_get_num_cols(cg->lp);
	for (int i = 1; i <= rows; i++)
		w->stat[i] = glp_get_row_stat(cg->lp, i);
	for (int j = 1; j <= cols; j++)
		w->stat[rows + j] = glp_get_col_stat(cg->lp, j);
	w->n0 = cg->n_cols;
	w->bound = cg->bound;
	w->bound_valid = cg->bound_valid;
	w->lagr = cg->lagr;
	w->lagr_valid = cg->lagr_valid;
	/* Between turns of branch and price, a dive sets its node's
	 * branches aside (its next turn applies them again, bp_apply);
	 * rs_cg_dive sets aside the bans and the cutoff. */
	double lo = cg->short_lo, hi = cg->short_hi;
	rs_cg_set_short(cg, 0, HUGE_VAL);
	unfix_all(cg);
	/* A dive's steps need good columns, not proof that none is missed:
	 * thorough pricing made a dive on Instance15 take 56 s. */
	cg->diving = 1;
	int rc = dive(cg, a->seconds, w);
	cg->diving = 0;
	rs_cg_set_short(cg, lo, hi);
	if (rc >= 0 && w->weighed)
		for (int m = 0; m < cg->K; m++)
			memcpy(&a->out[(size_t)m * cg->D],
			       cg->cols[w->heavy[m]].sched,
			       (size_t)cg->D * sizeof(int));
	dive_restore(cg, w);
	return rc >= 0 && w->weighed ? 0 : -1;
}

int rs_cg_dive(rs_cg *cg, double seconds, ov_rng *rng, int *out)
{
	if (!rs_cg_lp_alive(cg))
		return -1;
	size_t n = (size_t)cg->K * cg->D * (cg->S + 1);
	dive_mem w = {.agg = malloc((n + 1) * sizeof *w.agg),
		      .tried = calloc(n + 1, 1),
		      .last = malloc(((size_t)cg->K + 1) * sizeof *w.last),
		      .pick = malloc(((size_t)cg->K + 1) * sizeof *w.pick),
		      .heavy = malloc(((size_t)cg->K + 1) * sizeof *w.heavy),
		      .score = malloc(((size_t)cg->K + 1) * sizeof *w.score),
		      .stat = malloc(((size_t)cg->C + cg->K + cg->first_lambda +
				      cg->n_cols + 2) * sizeof *w.stat),
		      .rng = rng};
	int rc = -1;
	unsigned char *ban = cg->ban;
	double cutoff = cg->cutoff;
	if (w.agg && w.tried && w.last && w.pick && w.heavy && w.score &&
	    w.stat) {
		cg->ban = NULL;
		cg->cutoff = HUGE_VAL;
		call_args a = {.cg = cg, .seconds = seconds, .out = out, .mem = &w};
		rc = rs_cg_guarded(dive_call, &a);
	}
	/* also after a GLPK error */
	cg->diving = 0;
	cg->ban = ban;
	cg->cutoff = cutoff;
	free(w.agg);
	free(w.tried);
	free(w.last);
	free(w.pick);
	free(w.heavy);
	free(w.score);
	free(w.stat);
	return rc;
}

/* --- the master with whole numbers --- */

typedef struct {
	rs_cg *cg;
	double seconds;
	double *x;  /* a value per LP column (1-based): the first solution */
	int given;  /* x handed to GLPK already */
	int max_nodes; /* branch-and-bound nodes before stopping; 0: none */
	int *out;
} mip_args;

/* GLPK's branch-and-cut callback: offers the members' current schedules
 * (the first K columns, x) as the first whole solution, once, and stops
 * the search after max_nodes nodes. */
static void mip_callback(glp_tree *T, void *info)
{
	mip_args *a = info;
	if (a->max_nodes > 0) {
		int active, current, total;
		glp_ios_tree_size(T, &active, &current, &total);
		if (total > a->max_nodes) {
			glp_ios_terminate(T);
			return;
		}
	}
	if (glp_ios_reason(T) != GLP_IHEUR || a->given)
		return;
	a->given = 1;
	glp_ios_heur_sol(T, a->x);
}

/* Writes each member's chosen column (whole[m]) to out (members x D);
 * -1 when a member has none. */
int rs_cg_copy_whole(const rs_cg *cg, int *out)
{
	for (int m = 0; m < cg->K; m++) {
		if (cg->whole[m] < 0)
			return -1;
		memcpy(&out[(size_t)m * cg->D], cg->cols[cg->whole[m]].sched,
		       (size_t)cg->D * sizeof(int));
	}
	return 0;
}

/* rs_cg_mip's work; calls GLPK: only under `rs_cg_guarded`. */
static int mip_call(void *arg)
{
	mip_args *a = arg;
	rs_cg *cg = a->cg;
	/* Without presolve, branch-and-cut starts from an optimal
	 * relaxation; column generation may have stopped short of one. */
	if (glp_get_status(cg->lp) != GLP_OPT && solve_lp(cg, a->seconds))
		return -1;
	for (int i = 0; i < cg->n_cols; i++)
		glp_set_col_kind(cg->lp, cg->first_lambda + i, GLP_IV);
	glp_iocp parm;
	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_OFF; /* the relaxation is solved already */
	/* Most fractional first: GLPK's default (Driebeck-Tomlin) computes
	 * a tableau row per candidate, a third of the whole search's time
	 * on Instance13's masters for no better rosters. */
	parm.br_tech = GLP_BR_MFV;
	parm.bt_tech = GLP_BT_DFS;
	parm.cb_func = mip_callback;
	parm.cb_info = a;
	parm.tm_lim = (int)(a->seconds * 1000) > 1 ? (int)(a->seconds * 1000) : 1;
	int rc = glp_intopt(cg->lp, &parm);
	for (int i = 0; i < cg->n_cols; i++)
		glp_set_col_kind(cg->lp, cg->first_lambda + i, GLP_CV);
	int status = glp_mip_status(cg->lp);
	if ((rc != 0 && rc != GLP_ETMLIM && rc != GLP_ESTOP) ||
	    (status != GLP_OPT && status != GLP_FEAS))
		return -1;
	for (int m = 0; m < cg->K; m++)
		cg->whole[m] = -1;
	for (int i = 0; i < cg->n_cols; i++)
		if (glp_mip_col_val(cg->lp, cg->first_lambda + i) > 0.5)
			cg->whole[cg->cols[i].m] = i;
	return rs_cg_copy_whole(cg, a->out);
}

int rs_cg_mip(rs_cg *cg, double seconds, int max_nodes, int *out)
{
	if (!rs_cg_lp_alive(cg))
		return -1;
	const rs_state *st = cg->st;
	const int C = cg->C, NC = st->p->n_cover;
	int n = cg->first_lambda - 1 + cg->n_cols;
	double *x = calloc((size_t)n + 1, sizeof *x);
	if (!x)
		return -1;
	/* The first solution: the members' current schedules, with the
	 * slack each cover row then needs. */
	for (int i = 0; i < C; i++)
		x[2 * i + 1] = cg->rhs[i]; /* under minus over, for now */
	for (int m = 0; m < cg->K; m++) {
		const int e = cg->emp[m];
		const int *sched = cg->cols[m].sched;
		x[cg->first_lambda + m] = 1.0;
		for (int d = 0; d < cg->D; d++) {
			if (sched[d] < 0)
				continue;
			int k = d * cg->S + sched[d];
			for (int j = st->row_start[k]; j < st->row_start[k + 1];
			     j++) {
				int i = st->row_of[j];
				if (cg->lp_row[i] >= 0 && st->qual[(size_t)e * NC + i])
					x[2 * cg->lp_row[i] + 1] -= 1.0;
			}
		}
	}
	for (int i = 0; i < C; i++)
		if (x[2 * i + 1] < 0) {
			x[2 * i + 2] = -x[2 * i + 1];
			x[2 * i + 1] = 0;
		}
	mip_args a = {.cg = cg,
		      .seconds = seconds,
		      .x = x,
		      .max_nodes = max_nodes,
		      .out = out};
	int rc = rs_cg_guarded(mip_call, &a);
	free(x);
	return rc;
}

/* rs_cg_round's work; calls GLPK: only under `rs_cg_guarded` (and so keeps
 * nothing allocated across a GLPK call). */
static int round_call(void *arg)
{
	call_args *a = arg;
	rs_cg *cg = a->cg;
	/* Pricing added columns after the last solve. */
	if (glp_get_status(cg->lp) != GLP_OPT && solve_lp(cg, a->seconds))
		return -1;
	for (int m = 0; m < cg->K; m++)
		cg->whole[m] = -1;
	for (int i = 0; i < cg->n_cols; i++) {
		int m = cg->cols[i].m, w = cg->whole[m];
		if (w < 0 ||
		    glp_get_col_prim(cg->lp, cg->first_lambda + i) >
			    glp_get_col_prim(cg->lp, cg->first_lambda + w))
			cg->whole[m] = i;
	}
	return rs_cg_copy_whole(cg, a->out);
}

int rs_cg_round(rs_cg *cg, double seconds, int *out)
{
	if (!rs_cg_lp_alive(cg))
		return -1;
	call_args a = {.cg = cg, .seconds = seconds, .out = out};
	return rs_cg_guarded(round_call, &a);
}
