/*
 * rota_cg_int.h - the inside of a column-generation master, shared by
 * rota_cg.c (the master, column generation, diving, rounding and price
 * and branch) and rota_bp.c (branch and price). Private to those two.
 */
#ifndef ROTA_CG_INT_H
#define ROTA_CG_INT_H

#include <glpk.h>
#include <stdint.h>

#include "rota/rota_cg.h"

/* Pricing cost of a value a branch bans (rs_cg_branch). */
#define BANNED 1e12
/* Cost of a unit of the artificials that keep a branch on the total of
 * missing staff solvable (see `short_lo`). */
#define TOTAL_ART 1e6

typedef struct {
	int m;      /* member: index into rs_cg.emp */
	int *sched; /* D values */
	uint64_t hash; /* of sched (sched_hash) */
} column;

struct rs_cg {
	rs_state *st;
	rs_dp *dp;
	glp_prob *lp;
	unsigned long epoch; /* env_epoch when lp was made (see rs_cg_lp_alive) */
	int C, K, D, S;
	int *emp;         /* K: the employees re-rostered (members) */
	/* The master's cover rows: those on the window's days (the others
	 * cannot change), C of the problem's n_cover. lp_row[i] is cover row
	 * i's index among them or -1; row[j] the cover row of index j. */
	int *lp_row, *row;
	double offset;    /* penalties of the cover rows left out */
	double *rhs;      /* C: staff each cover row needs beyond the others */
	/* n_cover each (0 on rows left out): the last LP's duals, the
	 * values pricing uses and the stability centre (cg_rounds). */
	double *lp_dual, *dual, *centre;
	double *sigma;    /* K: the last LP's duals of the members' rows */
	double lagr;      /* the best Lagrangian bound of the last run */
	int lagr_valid;
	/* A master's last row sums its under slacks: the staff missing
	 * over all its cover rows. Branch and price bounds it: short_lo <=
	 * total <= short_hi (0 and HUGE_VAL, the row free, until it
	 * branches on it). An artificial per bound, at TOTAL_ART a unit,
	 * keeps the LP solvable while the columns cannot meet it: LP
	 * columns first_art (raises the total) and first_art + 1 (lowers
	 * it). */
	double short_lo, short_hi;
	int first_art;
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
	/* force[m * D + d]: the value member m must take on day d (its
	 * current one outside the window, or a dive's fixing: force_value),
	 * or -2 where it is free; whole[m]: member m's column at one in a
	 * whole relaxation (a dive's last, bp_take_whole's), or -1. */
	int *force;
	int *whole;
	int diving; /* inside rs_cg_dive: fast pricing only */
	void (*tick)(void *ctx); /* after each LP solve; may be NULL */
	void *tick_ctx;
	/* Branch and price (rs_cg_branch). base: force as made (the days
	 * outside the window); ban[(m * D + d) * (S + 1) + v + 1]: member m
	 * may not take value v on day d; cutoff: column generation stops
	 * once its Lagrangian bound proves the node cannot beat it
	 * (`pruned`); open: the nodes not yet solved, cur: the one being
	 * solved (its solve may span calls), or NULL. */
	int *base;
	unsigned char *ban;
	double cutoff;
	int pruned;
	struct bp_node *open, *cur;
	int n_open, cap_open;
	long seq;
	double *agg; /* K * D * (S + 1): the relaxation's value of each */
	long nodes;
	int inexact; /* a node was settled without a proven bound */
	int dual_next; /* bounds changed: the next solve is dual simplex */
	int timed_out; /* the last solve reached its time limit */
};

/*
 * Runs fn(arg) so that a GLPK error inside it returns -1 here instead of
 * aborting the program (GLPK's environment, and every master's lp with
 * it, is then gone). Every GLPK call goes through it.
 */
int rs_cg_guarded(int (*fn)(void *), void *arg);
/* Whether cg's lp outlived every GLPK error since it was made. */
int rs_cg_lp_alive(const rs_cg *cg);
/* Monotonic seconds. */
double rs_cg_now(void);
/*
 * Column generation for at most `seconds` and max_rounds LP solves (0: no
 * limit); stops early when its Lagrangian bound exceeds cg->cutoff
 * (cg->pruned). Returns 0 when converged (cg->bound_valid with exact
 * pricing) or stopped by the limits after at least one LP solved to the
 * end (the last one may have been cut short: cg->timed_out), -1 when
 * the LP could not be solved. Under rs_cg_guarded.
 */
int rs_cg_rounds(rs_cg *cg, double seconds, int max_rounds, int *rounds);
/* Writes each member's chosen column (whole[m]) to out (members x D);
 * -1 when a member has none. */
int rs_cg_copy_whole(const rs_cg *cg, int *out);
/* Bounds the master's total of missing staff: lo <= total <= hi
 * (HUGE_VAL: none), its artificials free where they are needed. The next
 * solve is dual simplex. Calls GLPK: only under rs_cg_guarded. */
void rs_cg_set_short(rs_cg *cg, double lo, double hi);
/* Whether column c keeps every day that f (K x D, -2 where free) forces
 * on its member. */
int rs_cg_keeps_forced(const rs_cg *cg, const column *c, const int *f);
/* rota_bp.c: frees the branch-and-price tree (rs_cg_free calls it). */
void rs_bp_clear(rs_cg *cg);

#endif
