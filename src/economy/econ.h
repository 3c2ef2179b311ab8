/*
 * econ.h - the economy (M2): KOSTRA code lists, budget and accounts per
 * ansvar x funksjon x art, and the monthly budget-against-accounts
 * summary per unit with a year-end forecast. Owns the SQL on
 * kostra_funksjon, kostra_art, budget_line and account_line. Called by
 * `ovttas economy`, `ovttas status` and the demo loader.
 */
#ifndef ECON_H
#define ECON_H

#include <stddef.h>
#include <stdint.h>

#include "base/ov_err.h"
#include "base/ov_money.h"
#include "base/ov_rng.h"
#include "db/db.h"

/* The demo's budget year and its last month with accounts. */
#define ECON_DEMO_YEAR 2026
#define ECON_DEMO_LAST_MONTH 10

/*
 * Budget against accounts from January to a month. All amounts in øre,
 * expenses positive and revenues negative, so every figure is a net cost.
 */
typedef struct {
	ov_ore budget_year;  /* the whole year's budget */
	ov_ore budget_ytd;   /* budget January..month */
	ov_ore accounts_ytd; /* accounts January..month */
	ov_ore deviation;    /* accounts_ytd - budget_ytd; > 0 = overspent */
	int64_t use_tenths;  /* accounts_ytd / budget_ytd in tenths of a
			      * per cent (1034 = 103,4 %); 0 if no budget */
	ov_ore forecast;     /* expected accounts for the whole year */
} econ_figures;

/*
 * Adds f into *sum and recomputes sum's deviation and use from its
 * budget and accounts, so sector subtotals and totals are exact sums of
 * their units. Start from a zeroed econ_figures.
 */
void econ_figures_add(econ_figures *sum, const econ_figures *f);

/* One unit (ansvar) of the summary. */
typedef struct {
	int64_t municipality_id;
	char municipality_code[8];
	char municipality_nb[64];
	char municipality_se[64];
	int64_t sector_id;
	char sector_code[16];
	char sector_nb[96];
	char sector_se[96];
	int64_t unit_id;
	char ansvar[16];
	char name_nb[96];
	char name_se[96];
	econ_figures fig;
} econ_unit_row;

/*
 * Budget against accounts per unit for January..month of year, in one
 * municipality (municipality_id > 0) or all (0). Units with neither
 * budget nor accounts that year are left out. Rows are ordered by
 * municipality number, sector (in the order the sectors were created)
 * and ansvar, so the rows of one sector are consecutive.
 *
 * Forecast (per unit, summed over its arts): accounts so far plus the
 * budget of the remaining months; for the staffing-driven arts (020
 * vikar, 030 ekstrahjelp, 040 overtid, 050 annen lønn, 710 sick-pay
 * refund) the remaining budget is scaled by this year's accounts/budget
 * ratio of that art, because the overspend in those arts comes from
 * sick leave and vacancies that last; other arts (fixed wages, goods,
 * fees) are taken to follow the budget for the rest of the year. A
 * staffing art with no budget so far follows its remaining budget, or,
 * with none left either, continues at its monthly average. Month 12
 * gives forecast = accounts.
 *
 * month is 1..12. *rows is owned (free()); *n their count (0 gives
 * NULL). Errors: OV_E_DB, OV_E_NOMEM.
 */
ov_status econ_unit_summary(db *d, int64_t municipality_id, int year,
			    int month, econ_unit_row **rows, size_t *n,
			    ov_err *err);

/*
 * The latest year and month that have account lines, in one
 * municipality (> 0) or all (0).
 * Errors: OV_E_NOTFOUND when there are no accounts at all, OV_E_DB.
 */
ov_status econ_latest_month(db *d, int64_t municipality_id, int *year,
			    int *month, ov_err *err);

/* Sets *has to whether a month has any account lines, in one
 * municipality (> 0) or all (0). Errors: OV_E_DB. */
ov_status econ_month_has_accounts(db *d, int64_t municipality_id, int year,
				  int month, int *has, ov_err *err);

/* The economy at a glance, for `ovttas status`. */
typedef struct {
	int year;            /* of the latest accounts */
	int month;           /* latest month with accounts; 0 = no accounts
			      * (then every other field is zero) */
	econ_figures all;    /* every unit, January..month */
	econ_figures health; /* the health and care sector ("helse") alone */
} econ_status;

/*
 * Fills *out for one municipality (> 0) or all (0). No accounts is not
 * an error: out->month is 0. Errors: OV_E_DB, OV_E_NOMEM.
 */
ov_status econ_status_get(db *d, int64_t municipality_id, econ_status *out,
			  ov_err *err);

/*
 * Loads the KOSTRA funksjon and art code lists (Bokmål and Northern Sámi
 * names, valid_from/valid_to years). Leaves codes already present alone.
 */
ov_status econ_kostra_load(db *d, ov_err *err);

/*
 * Loads the demo economy: the KOSTRA code lists, the budget for
 * ECON_DEMO_YEAR (12 months) and accounts January..ECON_DEMO_LAST_MONTH
 * for every unit in the database, derived from its positions and main
 * KOSTRA funksjon. Uses only rng; the same database and rng state give
 * the same rows. Runs inside the caller's transaction (demo_load), after
 * the organisation is loaded.
 * Errors: OV_E_DB, OV_E_NOMEM, OV_E_INPUT (a unit's funksjon is not a
 * known KOSTRA code).
 */
ov_status econ_demo_load(db *d, ov_rng *rng, ov_err *err);

#endif
