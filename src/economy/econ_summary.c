/*
 * econ_summary.c - budget against accounts per unit up to a month, with
 * a year-end forecast; the latest month with accounts; the economy line
 * of `ovttas status`. Called by cmd_economy.c and cmd_status.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "econ.h"
#include "econ_int.h"

void econ_figures_add(econ_figures *sum, const econ_figures *f)
{
	sum->budget_year += f->budget_year;
	sum->budget_ytd += f->budget_ytd;
	sum->accounts_ytd += f->accounts_ytd;
	sum->forecast += f->forecast;
	sum->deviation = sum->accounts_ytd - sum->budget_ytd;
	sum->use_tenths = ov_permille_of(sum->accounts_ytd, sum->budget_ytd);
}

/* Arts whose deviation so far is expected to last the year (see the
 * forecast method in econ.h). */
static int staffing_driven(const char *art)
{
	static const char *const arts[] = {"020", "030", "040", "050", "710"};
	for (size_t i = 0; i < sizeof arts / sizeof *arts; i++)
		if (!strcmp(art, arts[i]))
			return 1;
	return 0;
}

/* The year-end forecast of one art of one unit. */
static ov_ore forecast_art(const char *art, ov_ore b_year, ov_ore b_ytd,
			   ov_ore a_ytd, int month)
{
	ov_ore rest = b_year - b_ytd;
	if (month >= 12)
		return a_ytd;
	if (!staffing_driven(art))
		return a_ytd + rest;
	/* Nothing budgeted so far gives no ratio: the rest of the year
	 * follows its budget, or, when none is left either, the accounts
	 * continue at their monthly average. */
	if (b_ytd == 0)
		return rest ? a_ytd + rest
			    : a_ytd + econ_muldiv(a_ytd, 12 - month, month);
	/* Accounts of the opposite sign to the budget say nothing about
	 * the trend; the rest of the year then follows the budget. */
	if ((a_ytd < 0) != (b_ytd < 0) && a_ytd != 0)
		return a_ytd + rest;
	return a_ytd + econ_muldiv(rest, a_ytd, b_ytd);
}

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src);
}

ov_status econ_unit_summary(db *d, int64_t municipality_id, int year,
			    int month, econ_unit_row **rows, size_t *n,
			    ov_err *err)
{
	static const char *const sql =
		"SELECT u.municipality_id, m.code, m.name_nb, m.name_se, "
		"s.id, s.code, s.name_nb, s.name_se, u.id, u.ansvar, "
		"u.name_nb, u.name_se, x.art, sum(x.b_year), sum(x.b_ytd), "
		"sum(x.a_ytd) FROM ("
		" SELECT municipality_id, ansvar, art, amount_ore AS b_year,"
		"  CASE WHEN month <= $3 THEN amount_ore ELSE 0 END AS b_ytd,"
		"  0 AS a_ytd FROM budget_line"
		"  WHERE year = $2 AND ($1 = 0 OR municipality_id = $1)"
		" UNION ALL"
		" SELECT municipality_id, ansvar, art, 0, 0, amount_ore"
		"  FROM account_line WHERE year = $2 AND month <= $3"
		"  AND ($1 = 0 OR municipality_id = $1)) x "
		"JOIN unit u ON u.municipality_id = x.municipality_id "
		" AND u.ansvar = x.ansvar "
		"JOIN sector s ON s.id = u.sector_id "
		"JOIN municipality m ON m.id = u.municipality_id "
		"GROUP BY u.municipality_id, m.code, m.name_nb, m.name_se, "
		"s.id, s.code, s.name_nb, s.name_se, u.id, u.ansvar, "
		"u.name_nb, u.name_se, x.art "
		"ORDER BY m.code, s.id, u.ansvar, x.art";
	*rows = NULL;
	*n = 0;
	db_stmt *st;
	ov_status rc = db_prepare(d, sql, &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, municipality_id);
	db_bind_int(st, 2, year);
	db_bind_int(st, 3, month);
	size_t cap = 0;
	int r;
	while ((r = db_step(st, err)) == 1) {
		int64_t unit_id = db_col_int(st, 8);
		econ_unit_row *u = *n ? &(*rows)[*n - 1] : NULL;
		if (!u || u->unit_id != unit_id) {
			if (*n == cap) {
				cap = cap ? cap * 2 : 32;
				econ_unit_row *p =
					realloc(*rows, cap * sizeof *p);
				if (!p) {
					r = -2;
					break;
				}
				*rows = p;
			}
			u = &(*rows)[(*n)++];
			memset(u, 0, sizeof *u);
			u->municipality_id = db_col_int(st, 0);
			copy(u->municipality_code, sizeof u->municipality_code,
			     db_col_text(st, 1));
			copy(u->municipality_nb, sizeof u->municipality_nb,
			     db_col_text(st, 2));
			copy(u->municipality_se, sizeof u->municipality_se,
			     db_col_text(st, 3));
			u->sector_id = db_col_int(st, 4);
			copy(u->sector_code, sizeof u->sector_code,
			     db_col_text(st, 5));
			copy(u->sector_nb, sizeof u->sector_nb,
			     db_col_text(st, 6));
			copy(u->sector_se, sizeof u->sector_se,
			     db_col_text(st, 7));
			u->unit_id = unit_id;
			copy(u->ansvar, sizeof u->ansvar, db_col_text(st, 9));
			copy(u->name_nb, sizeof u->name_nb,
			     db_col_text(st, 10));
			copy(u->name_se, sizeof u->name_se,
			     db_col_text(st, 11));
		}
		econ_figures f = {0};
		f.budget_year = db_col_int(st, 13);
		f.budget_ytd = db_col_int(st, 14);
		f.accounts_ytd = db_col_int(st, 15);
		f.forecast = forecast_art(db_col_text(st, 12), f.budget_year,
					  f.budget_ytd, f.accounts_ytd, month);
		econ_figures_add(&u->fig, &f);
	}
	db_finalize(st);
	if (r < 0) {
		free(*rows);
		*rows = NULL;
		*n = 0;
		return r == -2 ? OV_FAIL(err, OV_E_NOMEM, NULL,
					 _("out of memory"))
			       : OV_E_DB;
	}
	return OV_OK;
}

ov_status econ_latest_month(db *d, int64_t municipality_id, int *year,
			    int *month, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "SELECT year, month FROM account_line "
				  "WHERE $1 = 0 OR municipality_id = $1 "
				  "ORDER BY year DESC, month DESC LIMIT 1",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, municipality_id);
	int r = db_step(st, err);
	if (r == 1) {
		*year = (int)db_col_int(st, 0);
		*month = (int)db_col_int(st, 1);
	}
	db_finalize(st);
	if (r < 0)
		return OV_E_DB;
	if (r == 0)
		return OV_FAIL(err, OV_E_NOTFOUND, NULL,
			       _("there are no accounts in the database"));
	return OV_OK;
}

ov_status econ_month_has_accounts(db *d, int64_t municipality_id, int year,
				  int month, int *has, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "SELECT count(*) FROM account_line "
				  "WHERE year = $2 AND month = $3 AND "
				  "($1 = 0 OR municipality_id = $1)",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, municipality_id);
	db_bind_int(st, 2, year);
	db_bind_int(st, 3, month);
	int r = db_step(st, err);
	*has = r == 1 && db_col_int(st, 0) > 0;
	db_finalize(st);
	return r < 0 ? OV_E_DB : OV_OK;
}

ov_status econ_status_get(db *d, int64_t municipality_id, econ_status *out,
			  ov_err *err)
{
	memset(out, 0, sizeof *out);
	ov_err e;
	ov_status rc = econ_latest_month(d, municipality_id, &out->year,
					 &out->month, &e);
	if (rc == OV_E_NOTFOUND) {
		out->year = out->month = 0;
		return OV_OK;
	}
	if (rc != OV_OK) {
		if (err)
			*err = e;
		return rc;
	}
	econ_unit_row *rows;
	size_t n;
	rc = econ_unit_summary(d, municipality_id, out->year, out->month,
			       &rows, &n, err);
	if (rc != OV_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		econ_figures_add(&out->all, &rows[i].fig);
		if (!strcmp(rows[i].sector_code, "helse"))
			econ_figures_add(&out->health, &rows[i].fig);
	}
	free(rows);
	return OV_OK;
}
