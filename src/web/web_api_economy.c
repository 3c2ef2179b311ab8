/*
 * web_api_economy.c - budget against accounts per unit and sector from
 * January to a month, for every municipality the user may see: the same
 * figures as `ovttas economy summary --json`, one municipality's rows
 * after the other's.
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_date.h"
#include "base/ov_i18n.h"
#include "economy/econ.h"
#include "view/view.h"
#include "web_int.h"

/* The latest month with accounts in any of ms[0..n), as year * 12 +
 * month - 1, into *latest (-1 when none has accounts). */
static ov_status latest_month(db *d, const org_municipality *ms, size_t n,
			      int *latest, ov_err *err)
{
	*latest = -1;
	for (size_t i = 0; i < n; i++) {
		int y, m;
		ov_status rc = econ_latest_month(d, ms[i].id, &y, &m, err);
		if (rc == OV_E_NOTFOUND)
			continue;
		if (rc != OV_OK)
			return rc;
		if (y * 12 + m - 1 > *latest)
			*latest = y * 12 + m - 1;
	}
	return OV_OK;
}

/* Whether any of ms[0..n) has accounts in the month, into *has. */
static ov_status any_accounts(db *d, const org_municipality *ms, size_t n,
			      int year, int month, int *has, ov_err *err)
{
	*has = 0;
	for (size_t i = 0; i < n && !*has; i++) {
		ov_status rc = econ_month_has_accounts(d, ms[i].id, year,
						       month, has, err);
		if (rc != OV_OK)
			return rc;
	}
	return OV_OK;
}

/* Picks the month: the argument's, which must have accounts in one of
 * the municipalities, or the latest one with accounts. Returns 0, or -1
 * after answering 400 (bad month), 404 (no accounts at all) or 500. */
static int pick_month(web_ctx *c, const org_municipality *ms, size_t n,
		      int *year, int *month)
{
	const char *month_s = web_arg(c->req, "month");
	if (month_s && ov_month_parse(month_s, year, month)) {
		web_error(c, 400, "OV_E_INPUT", "month", "%s",
			  _("The month must be written YYYY-MM, e.g. "
			    "2026-10."));
		return -1;
	}
	ov_err e;
	int latest = -1, has = 0;
	if (month_s &&
	    any_accounts(c->app->d, ms, n, *year, *month, &has, &e) != OV_OK) {
		web_fail(c, &e);
		return -1;
	}
	if (!has && latest_month(c->app->d, ms, n, &latest, &e) != OV_OK) {
		web_fail(c, &e);
		return -1;
	}
	if (has)
		return 0;
	if (latest < 0) {
		web_error(c, month_s ? 400 : 404,
			  month_s ? "OV_E_INPUT" : "OV_E_NOTFOUND", "month",
			  "%s", _("There are no accounts yet."));
		return -1;
	}
	if (month_s) {
		web_error(c, 400, "OV_E_INPUT", "month",
			  _("There are no accounts for %04d-%02d; the latest "
			    "month with accounts is %04d-%02d."),
			  *year, *month, latest / 12, latest % 12 + 1);
		return -1;
	}
	*year = latest / 12;
	*month = latest % 12 + 1;
	return 0;
}

/* Appends the summary rows of municipality m to *rows (*n of them). */
static ov_status add_rows(db *d, int64_t m, int year, int month,
			  econ_unit_row **rows, size_t *n, ov_err *err)
{
	econ_unit_row *r;
	size_t k;
	ov_status rc = econ_unit_summary(d, m, year, month, &r, &k, err);
	if (rc != OV_OK || !k)
		return rc;
	econ_unit_row *all = realloc(*rows, (*n + k) * sizeof *all);
	if (!all) {
		free(r);
		return OV_FAIL(err, OV_E_NOMEM, NULL, "%s", _("out of memory"));
	}
	memcpy(all + *n, r, k * sizeof *r);
	free(r);
	*rows = all;
	*n += k;
	return OV_OK;
}

void web_api_economy(web_ctx *c)
{
	org_municipality *ms;
	size_t n;
	int year = 0, month = 0;
	if (web_scope(c, c->roles, &ms, &n) < 0)
		return;
	if (pick_month(c, ms, n, &year, &month) < 0) {
		free(ms);
		return;
	}
	econ_unit_row *rows = NULL;
	size_t nrows = 0;
	ov_err e;
	ov_status rc = OV_OK;
	/* web_scope lists them by number, as econ_unit_summary orders
	 * them over all */
	for (size_t i = 0; rc == OV_OK && i < n; i++)
		rc = add_rows(c->app->d, ms[i].id, year, month, &rows, &nrows,
			      &e);
	free(ms);
	if (rc != OV_OK) {
		free(rows);
		web_fail(c, &e);
		return;
	}
	json_t *j = view_economy_json(rows, nrows, year, month);
	free(rows);
	web_json(c, 200, j);
}
