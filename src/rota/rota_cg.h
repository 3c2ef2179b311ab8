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
 * which also ends every other master of the thread, whose rs_cg_run and
 * rs_cg_dive then return -1 (rs_cg_free still frees it). GLPK prints
 * nothing.
 */
rs_cg *rs_cg_new(rs_state *st, rs_dp *dp);
void rs_cg_free(rs_cg *cg);

/*
 * Alternates solving the relaxation and pricing every employee until no
 * schedule can lower it or `seconds` pass. *rounds counts the LP solves.
 * Returns 0, or -1 if the LP solver failed (or GLPK did, see above).
 */
int rs_cg_run(rs_cg *cg, double seconds, int *rounds);

/* The relaxation's last objective; *valid when it is a proven bound. */
double rs_cg_bound(const rs_cg *cg, int *valid);

/*
 * Diving: repeatedly fixes the employee whose schedule the relaxation
 * takes most nearly whole, re-pricing the others each time, until every
 * employee has one schedule; writes the roster to out (E * D). Returns 0,
 * or -1 when time ran out first or GLPK failed.
 */
int rs_cg_dive(rs_cg *cg, double seconds, int *out);

/*
 * For tests: makes GLPK fail (a row number out of range) under the same
 * guard as the functions above. Returns -1 when the error was caught.
 */
int rs_cg_test_glpk_error(void);

#endif
