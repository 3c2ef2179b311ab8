/*
 * cmd_economy.c - `ovttas economy summary --month YYYY-MM
 * [--municipality M]`: budget against accounts per unit from January to
 * the month, by sector, with a year-end forecast (the monthly
 * "økonomiverksted" view). Text in kroner; --json in øre, built by
 * view/view_economy.c (the same the web API answers).
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_date.h"
#include "base/ov_i18n.h"
#include "base/ov_money.h"
#include "cli.h"
#include "economy/econ.h"
#include "org/org.h"
#include "view/view.h"

/* More than this many tenths of a per cent over budget gets a marker. */
#define OVERSPEND_MARK 1020

enum { C_ANSVAR, C_UNIT, C_BUDGET, C_ACCOUNTS, C_DEV, C_USE, C_MARK,
       C_YEAR, C_FORECAST, NCOLS };

static void figure_cells(cli_table *t, const econ_figures *f, int *marked)
{
	char b[40];
	cli_table_cell(t, "%s", ov_money_kr(f->budget_ytd, b, sizeof b));
	cli_table_cell(t, "%s", ov_money_kr(f->accounts_ytd, b, sizeof b));
	cli_table_cell(t, "%s", ov_money_kr(f->deviation, b, sizeof b));
	/* A use per cent means little when nothing was budgeted. */
	if (f->budget_ytd > 0)
		cli_table_cell(t, "%s", ov_pct_format(f->use_tenths, b,
						      sizeof b));
	else
		cli_table_cell(t, "%s", "");
	int over = f->budget_ytd > 0 && f->use_tenths > OVERSPEND_MARK;
	cli_table_cell(t, "%s", over ? "!" : "");
	if (over)
		*marked = 1;
	cli_table_cell(t, "%s", ov_money_kr(f->budget_year, b, sizeof b));
	cli_table_cell(t, "%s", ov_money_kr(f->forecast, b, sizeof b));
}

static void blank_row(cli_table *t, const char *unit)
{
	cli_table_cell(t, "%s", "");
	cli_table_cell(t, "%s", unit);
	for (int c = C_BUDGET; c < NCOLS; c++)
		cli_table_cell(t, "%s", "");
}

/* Prints rows[0..n) of one municipality; returns whether any row was
 * marked as overspent. */
static int print_municipality(cli_ctx *ctx, const econ_unit_row *rows,
			      size_t n, int year, int month)
{
	const char *headers[NCOLS] = {
		_("Ansvar"),          _("Unit"),
		_("Budget so far"),   _("Accounts so far"),
		_("Deviation"),       _("Use %"),
		"",                   _("Annual budget"),
		_("Forecast")};
	fprintf(ctx->out, "%s (%s)\n",
		ov_i18n_pick(rows[0].municipality_nb, rows[0].municipality_se),
		rows[0].municipality_code);
	if (month == 1)
		fprintf(ctx->out, _("Budget and accounts, %s %d\n"),
			ov_i18n_month(1), year);
	else
		fprintf(ctx->out, _("Budget and accounts, %s–%s %d\n"),
			ov_i18n_month(1), ov_i18n_month(month), year);
	fputc('\n', ctx->out);
	cli_table *t = cli_table_new(NCOLS, headers);
	if (!t)
		return 0;
	for (int c = C_BUDGET; c < NCOLS; c++)
		if (c != C_MARK)
			cli_table_right(t, c);
	int marked = 0;
	econ_figures total = {0};
	for (size_t i = 0; i < n;) {
		const econ_unit_row *s = &rows[i];
		const char *sector = ov_i18n_pick(s->sector_nb, s->sector_se);
		if (i > 0)
			blank_row(t, "");
		blank_row(t, sector);
		econ_figures sub = {0};
		for (; i < n && rows[i].sector_id == s->sector_id; i++) {
			cli_table_cell(t, "%s", rows[i].ansvar);
			/* Indented under the sector's name. */
			cli_table_cell(t, "  %s",
				       ov_i18n_pick(rows[i].name_nb,
						    rows[i].name_se));
			figure_cells(t, &rows[i].fig, &marked);
			econ_figures_add(&sub, &rows[i].fig);
		}
		cli_table_cell(t, "%s", "");
		cli_table_cell(t, _("Sum %s"), sector);
		figure_cells(t, &sub, &marked);
		econ_figures_add(&total, &sub);
	}
	cli_table_rule(t);
	cli_table_cell(t, "%s", "");
	cli_table_cell(t, "%s", _("Total"));
	figure_cells(t, &total, &marked);
	cli_table_print(t, ctx->out);
	cli_table_free(t);
	return marked;
}

/* Checks that the month has accounts; else reports the latest month
 * that has. Returns -1 to go on, or the exit code. */
static int check_month(cli_ctx *ctx, db *d, int64_t mun, int year, int month,
		       const char *month_s)
{
	ov_err e;
	int has;
	if (econ_month_has_accounts(d, mun, year, month, &has, &e) != OV_OK)
		return cli_fail(ctx, &e);
	if (has)
		return -1;
	int ly, lm;
	ov_status st = econ_latest_month(d, mun, &ly, &lm, &e);
	if (st == OV_E_NOTFOUND)
		return cli_usage_error(ctx, "--month",
				       _("there are no accounts for %s: the "
					 "database has no accounts yet"),
				       month_s);
	if (st != OV_OK)
		return cli_fail(ctx, &e);
	return cli_usage_error(ctx, "--month",
			       _("there are no accounts for %s; the latest "
				 "month with accounts is %04d-%02d"),
			       month_s, ly, lm);
}

int cmd_economy_summary(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *month_s = NULL, *mun_s = NULL;
	int npos, code, year, month;
	const cli_opt opts[] = {{"month", CLI_STRING, &month_s, NULL},
				{"municipality", CLI_STRING, &mun_s, NULL},
				{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	if (!month_s)
		return cli_usage_error(ctx, "--month",
				       _("name the month to report up to: "
					 "--month YYYY-MM"));
	if (ov_month_parse(month_s, &year, &month))
		return cli_usage_error(ctx, "--month",
				       _("'%s' is not a month; write YYYY-MM, "
					 "e.g. 2026-10"),
				       month_s);
	org_municipality m;
	db *d = cli_open_db_for(ctx, mun_s, &m, &code);
	if (!d)
		return code;
	ov_err e;
	int64_t mun = m.id;
	rc = check_month(ctx, d, mun, year, month, month_s);
	if (rc >= 0) {
		db_close(d);
		return rc;
	}
	econ_unit_row *rows;
	size_t n;
	ov_status st = econ_unit_summary(d, mun, year, month, &rows, &n, &e);
	db_close(d);
	if (st != OV_OK)
		return cli_fail(ctx, &e);
	if (ctx->json) {
		rc = cli_print_json(ctx, view_economy_json(rows, n, year, month));
		free(rows);
		return rc;
	}
	int marked = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && rows[j].municipality_id ==
					rows[i].municipality_id)
			j++;
		if (i > 0)
			fputc('\n', ctx->out);
		marked |= print_municipality(ctx, rows + i, j - i, year, month);
		i = j;
	}
	if (marked)
		fprintf(ctx->out, _("\n! = more than 2 %% over budget so "
				    "far\n"));
	free(rows);
	return 0;
}
