/*
 * rota_cg.h - column generation for the rota solver (rota_cg.c). Private
 * to src/rota/; used by rota_solve.c.
 */
#ifndef ROTA_CG_H
#define ROTA_CG_H

#include "rota/rota_int.h"

typedef struct rs_cg rs_cg;

/*
 * A master problem seeded with the current roster of st (one column per
 * employee). st and dp are borrowed and must outlive it. NULL when out of
 * memory or GLPK failed. Free with rs_cg_free.
 *
 * A GLPK error (GLPK would abort the program) makes the function that
 * met it fail instead: GLPK's environment for the thread is then freed,
 * which also ends every other master of the thread, whose rs_cg_run,
 * rs_cg_dive and rs_cg_mip then return -1 (rs_cg_free still frees it).
 * GLPK prints nothing.
 */
rs_cg *rs_cg_new(rs_state *st, rs_dp *dp);
void rs_cg_free(rs_cg *cg);

/*
 * A master over part of the roster: only the k employees in emps (the
 * members) are re-rostered, only on days [wa, wb); everyone else, and
 * the members' other days, stay as they are in st. The cover rows ask
 * the members for what the others leave short, so the master's objective
 * is the members' requests plus the whole roster's cover penalties.
 * Rosters written by rs_cg_dive and rs_cg_mip then hold k schedules, in
 * the order of emps. rs_cg_new is this with every employee and day.
 */
rs_cg *rs_cg_new_part(rs_state *st, rs_dp *dp, const int *emps, int k,
		      int wa, int wb);

/*
 * Calls tick(ctx) after every LP solve of rs_cg_run, rs_cg_dive and
 * rs_cg_mip's start, so that a caller can report progress through long
 * runs; tick must not call GLPK. NULL (the default) for none.
 */
void rs_cg_set_tick(rs_cg *cg, void (*tick)(void *ctx), void *ctx);

/*
 * Alternates solving the relaxation and pricing every member until no
 * schedule can lower it, `seconds` pass or max_rounds LP solves were made
 * (0: no limit). *rounds counts the LP solves. Returns 0, or -1 if the
 * LP solver failed (or GLPK did, see above).
 */
int rs_cg_run(rs_cg *cg, double seconds, int max_rounds, int *rounds);

/*
 * The relaxation's last objective; *valid when it is a proven bound:
 * column generation converged with exact pricing, or else the best
 * Lagrangian bound of the last rs_cg_run, which holds at any round when
 * every member was priced exactly.
 */
double rs_cg_bound(const rs_cg *cg, int *valid);

/*
 * Diving: from the master with only its own days forced, repeatedly
 * fixes single values (a member's shift or day off on one day) that the
 * relaxation leans to, re-pricing everyone after each step, until the
 * relaxation gives every member one schedule whole; writes the roster to
 * out (members x D). A fixing that leaves its member no schedule is
 * undone. With rng, the weights that rank the values are shaken, so
 * that dives again from the same master end elsewhere; NULL ranks them
 * as they are. When time runs out first, each member takes its schedule
 * of most weight in the last relaxation. Returns 0, or -1 when time ran
 * out before a relaxation was solved, no value was left to fix, or GLPK
 * failed.
 */
int rs_cg_dive(rs_cg *cg, double seconds, ov_rng *rng, int *out);

/*
 * Price and branch: solves the master with whole numbers over the
 * schedules generated so far (GLPK's branch-and-cut, started from the
 * members' current schedules, so it never returns worse) for at most
 * `seconds` and max_nodes branch-and-bound nodes (0: no limit); writes
 * the roster to out (members x D). Call after rs_cg_run, and not after a
 * dive. Returns 0, or -1 when the relaxation could not be solved in time
 * or GLPK failed.
 */
int rs_cg_mip(rs_cg *cg, double seconds, int max_nodes, int *out);

/*
 * Rounding: gives each member the schedule the relaxation weighs most
 * (members x D into out), solving it again first (at most `seconds`)
 * when pricing added columns since. Returns 0, or -1 when it could not
 * be solved or GLPK failed.
 */
int rs_cg_round(rs_cg *cg, double seconds, int *out);

/*
 * Branch and price: a best-first search whose nodes force or ban one
 * member's value on one day, each node's relaxation solved by column
 * generation and settled when its bound cannot beat *ub (the cost of the
 * best roster known, the whole objective), when it has no lawful
 * schedules, or when its relaxation is whole. A better whole roster goes
 * to out (members x D), lowers *ub and sets *found. Runs for at most
 * `seconds`; the tree stays in cg, so the next call goes on where this
 * one stopped (with a *ub the caller may have lowered meanwhile). *done
 * when the tree is exhausted; *proved when besides every node was priced
 * exactly and its LP solved to the end: then no roster costs less than
 * *ub. The other calls must not be made
 * on cg after this one. Returns 0, or -1 when out of memory or GLPK
 * failed.
 */
int rs_cg_branch(rs_cg *cg, double seconds, int64_t *ub, int *out,
		 int *found, int *done, int *proved);
/* Nodes rs_cg_branch solved so far (settled or branched on). */
long rs_cg_nodes(const rs_cg *cg);

/*
 * For tests: makes GLPK fail (a row number out of range) under the same
 * guard as the functions above. Returns -1 when the error was caught.
 */
int rs_cg_test_glpk_error(void);

#endif
