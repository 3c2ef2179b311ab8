/*
 * test_econ_summary.c - the budget-against-accounts summary: figures of
 * hand-made lines (deviation, use, forecast method), units adding up to
 * sector and municipality totals on the demo, the latest month with
 * accounts and the status figures.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "economy/econ_fixture.h"
#include "support/support.h"

/* year, month, ansvar, funksjon, art, budget, accounts (øre); a side
 * of 0 with no_* set means no line on that side. */
static const struct {
	int year, month;
	const char *ansvar, *funksjon, *art;
	int64_t budget, accounts;
	int no_budget, no_accounts;
} lines[] = {
	{2026, 0, "K31", "253", "010", 100000, 0, 0, 1},
	{2026, 1, "K31", "253", "010", 0, 100000, 1, 0},
	{2026, 2, "K31", "253", "010", 0, 100000, 1, 0},
	{2026, 3, "K31", "253", "010", 0, 110000, 1, 0},
	{2026, 0, "K31", "253", "020", 10000, 0, 0, 1},
	{2026, -3, "K31", "253", "020", 0, 20000, 1, 0},
	{2026, 0, "K31", "253", "710", -5000, 0, 0, 1},
	{2026, -3, "K31", "253", "710", 0, -10000, 1, 0},
	{2026, -3, "K32", "258", "040", 0, 3000, 1, 0},
	{2026, 0, "K21", "202", "010", 50000, 0, 0, 1},
	{2026, -3, "K21", "202", "010", 0, 45000, 1, 0},
	{2026, 0, "G21", "202", "600", -1000, 0, 0, 1},
	{2026, -2, "G21", "202", "600", 0, -1000, 1, 0},
	{2025, 12, "K21", "202", "010", 0, 999999, 1, 0},
};

/* month 0 = every month of the year; -k = months 1..k. */
static void insert_lines(db *d)
{
	ov_err e;
	assert_int_equal(econ_kostra_load(d, &e), OV_OK);
	db_stmt *st[2];
	for (int side = 0; side < 2; side++) {
		char sql[256];
		snprintf(sql, sizeof sql,
			 "INSERT INTO %s (municipality_id, year, month, "
			 "ansvar, funksjon, art, amount_ore) SELECT "
			 "municipality_id, $1, $2, ansvar, $3, $4, $5 FROM "
			 "unit WHERE ansvar = $6",
			 side ? "account_line" : "budget_line");
		assert_int_equal(db_prepare(d, sql, &st[side], &e), OV_OK);
	}
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		for (int side = 0; side < 2; side++) {
			if (side ? lines[i].no_accounts : lines[i].no_budget)
				continue;
			int from = lines[i].month, to = lines[i].month;
			if (from == 0)
				from = 1, to = 12;
			else if (from < 0)
				to = -from, from = 1;
			for (int m = from; m <= to; m++) {
				db_stmt *s = st[side];
				db_bind_int(s, 1, lines[i].year);
				db_bind_int(s, 2, m);
				db_bind_text(s, 3, lines[i].funksjon);
				db_bind_text(s, 4, lines[i].art);
				db_bind_int(s, 5, side ? lines[i].accounts
						       : lines[i].budget);
				db_bind_text(s, 6, lines[i].ansvar);
				assert_int_equal(db_run(s, &e), OV_OK);
				db_reset(s);
			}
		}
	db_finalize(st[0]);
	db_finalize(st[1]);
}

static db *hand_db(char **dir)
{
	*dir = tmp_dir();
	char *path = path_join(*dir, "a.db");
	db *d = econ_fixture_open(path, NULL);
	free(path);
	assert_non_null(d);
	insert_lines(d);
	return d;
}

static void close_db(db *d, char *dir)
{
	db_close(d);
	rm_rf(dir);
	free(dir);
}

/* A staffing art budgeted only from July: its remaining budget must
 * not vanish from the forecast in March. */
static void test_forecast_budget_later_in_year(void **state)
{
	(void)state;
	char *dir;
	db *d = hand_db(&dir);
	ov_err e;
	assert_int_equal(db_exec(d,
				 "INSERT INTO budget_line (municipality_id, "
				 "year, month, ansvar, funksjon, art, "
				 "amount_ore) SELECT municipality_id, 2026, 7, "
				 "ansvar, '258', '040', 50000 FROM unit WHERE "
				 "ansvar = 'K32'",
				 &e),
			 OV_OK);
	econ_unit_row *r;
	size_t n;
	assert_int_equal(econ_unit_summary(d, 0, 2026, 3, &r, &n, &e), OV_OK);
	assert_string_equal(r[1].ansvar, "K32");
	assert_int_equal(r[1].fig.budget_year, 50000);
	/* 9 000 so far + July's 50 000, not the monthly average. */
	assert_int_equal(r[1].fig.forecast, 9000 + 50000);
	free(r);
	close_db(d, dir);
}

static void test_figures_and_forecast(void **state)
{
	(void)state;
	char *dir;
	db *d = hand_db(&dir);
	econ_unit_row *r;
	size_t n;
	ov_err e;
	assert_int_equal(econ_unit_summary(d, 0, 2026, 3, &r, &n, &e), OV_OK);
	/* Karasjok first, by sector then ansvar; units without any line
	 * are left out. */
	assert_int_equal(n, 4);
	assert_string_equal(r[0].ansvar, "K31");
	assert_string_equal(r[1].ansvar, "K32");
	assert_string_equal(r[2].ansvar, "K21");
	assert_string_equal(r[3].ansvar, "G21");
	assert_string_equal(r[0].sector_code, "helse");
	assert_string_equal(r[3].municipality_code, "5612");

	const econ_figures *k31 = &r[0].fig;
	assert_int_equal(k31->budget_year, 1200000 + 120000 - 60000);
	assert_int_equal(k31->budget_ytd, 300000 + 30000 - 15000);
	assert_int_equal(k31->accounts_ytd, 310000 + 60000 - 30000);
	assert_int_equal(k31->deviation, 25000);
	assert_int_equal(k31->use_tenths, 1079); /* 340 000 / 315 000 */
	/* Fixed wages: accounts so far + remaining budget. Vikar and the
	 * sick-pay refund: the remaining budget scaled by this year's
	 * accounts/budget (x2 each). */
	assert_int_equal(k31->forecast, (310000 + 900000) +
						(60000 + 90000 * 2) +
						(-30000 - 45000 * 2));

	/* Overtime with no budget: the monthly average goes on. */
	assert_int_equal(r[1].fig.budget_year, 0);
	assert_int_equal(r[1].fig.accounts_ytd, 9000);
	assert_int_equal(r[1].fig.use_tenths, 0);
	assert_int_equal(r[1].fig.forecast, 36000);

	/* Under budget; the 2025 line does not count. */
	assert_int_equal(r[2].fig.accounts_ytd, 135000);
	assert_int_equal(r[2].fig.deviation, -15000);
	assert_int_equal(r[2].fig.use_tenths, 900);
	assert_int_equal(r[2].fig.forecast, 135000 + 450000);

	/* Revenues: net figures stay negative. */
	assert_int_equal(r[3].fig.budget_ytd, -3000);
	assert_int_equal(r[3].fig.accounts_ytd, -2000);
	assert_int_equal(r[3].fig.forecast, -2000 - 9000);

	econ_figures sum = {0};
	econ_figures_add(&sum, &r[0].fig);
	econ_figures_add(&sum, &r[1].fig);
	assert_int_equal(sum.deviation, 25000 + 9000);
	assert_int_equal(sum.use_tenths, 1108); /* 349 000 / 315 000 */
	free(r);

	/* December: the forecast is the accounts. */
	assert_int_equal(econ_unit_summary(d, 1, 2026, 12, &r, &n, &e),
			 OV_OK);
	assert_int_equal(n, 3);
	assert_int_equal(r[0].fig.forecast, r[0].fig.accounts_ytd);
	assert_int_equal(r[0].fig.budget_ytd, r[0].fig.budget_year);
	free(r);

	/* One municipality only. */
	assert_int_equal(econ_unit_summary(d, 2, 2026, 3, &r, &n, &e), OV_OK);
	assert_int_equal(n, 1);
	assert_string_equal(r[0].ansvar, "G21");
	free(r);

	/* A year with nothing. */
	assert_int_equal(econ_unit_summary(d, 0, 2030, 3, &r, &n, &e), OV_OK);
	assert_int_equal(n, 0);
	assert_null(r);
	close_db(d, dir);
}

static void test_latest_month_and_status(void **state)
{
	(void)state;
	char *dir;
	db *d = hand_db(&dir);
	ov_err e;
	int y, m, has;
	assert_int_equal(econ_latest_month(d, 0, &y, &m, &e), OV_OK);
	assert_int_equal(y * 100 + m, 202603);
	assert_int_equal(econ_latest_month(d, 2, &y, &m, &e), OV_OK);
	assert_int_equal(y * 100 + m, 202602);
	assert_int_equal(econ_month_has_accounts(d, 0, 2026, 4, &has, &e),
			 OV_OK);
	assert_false(has);
	assert_int_equal(econ_month_has_accounts(d, 1, 2025, 12, &has, &e),
			 OV_OK);
	assert_true(has);
	assert_int_equal(econ_month_has_accounts(d, 2, 2026, 3, &has, &e),
			 OV_OK);
	assert_false(has);

	econ_status s;
	assert_int_equal(econ_status_get(d, 1, &s, &e), OV_OK);
	assert_int_equal(s.year, 2026);
	assert_int_equal(s.month, 3);
	assert_int_equal(s.health.budget_ytd, 315000);
	assert_int_equal(s.health.accounts_ytd, 349000);
	assert_int_equal(s.health.deviation, 34000);
	assert_int_equal(s.all.budget_ytd, 315000 + 150000);
	assert_int_equal(s.all.accounts_ytd, 349000 + 135000);
	assert_int_equal(s.all.deviation, 34000 - 15000);
	assert_int_equal(s.all.use_tenths,
			 ov_permille_of(349000 + 135000, 315000 + 150000));
	close_db(d, dir);

	/* No accounts: not an error for the status, an error for latest. */
	dir = tmp_dir();
	char *path = path_join(dir, "b.db");
	d = econ_fixture_open(path, NULL);
	free(path);
	assert_int_equal(econ_status_get(d, 0, &s, &e), OV_OK);
	assert_int_equal(s.month, 0);
	assert_int_equal(s.all.budget_ytd, 0);
	assert_int_equal(econ_latest_month(d, 0, &y, &m, &e), OV_E_NOTFOUND);
	close_db(d, dir);
}

static int64_t q1(db *d, const char *sql, int64_t mun)
{
	db_stmt *st;
	assert_int_equal(db_prepare(d, sql, &st, NULL), OV_OK);
	db_bind_int(st, 1, mun);
	assert_int_equal(db_step(st, NULL), 1);
	int64_t v = db_col_int(st, 0);
	db_finalize(st);
	return v;
}

/* On the demo: every unit row is consistent, units add up to their
 * sector and the sectors to the database's own sums. */
static void test_demo_sums(void **state)
{
	(void)state;
	db *d;
	ov_err e;
	assert_int_equal(db_open(demo_db(), DB_READ, &d, &e), OV_OK);
	int y, m;
	if (econ_latest_month(d, 0, &y, &m, &e) != OV_OK) {
		db_close(d);
		skip(); /* no demo economy (organisation not loaded) */
	}
	assert_int_equal(y * 100 + m,
			 ECON_DEMO_YEAR * 100 + ECON_DEMO_LAST_MONTH);
	econ_unit_row *r;
	size_t n;
	assert_int_equal(econ_unit_summary(d, 0, y, m, &r, &n, &e), OV_OK);
	assert_true(n > 10);
	int municipalities = 0;
	for (size_t first = 0; first < n; first++) {
		if (first > 0 &&
		    r[first].municipality_id == r[first - 1].municipality_id)
			continue;
		municipalities++;
		int64_t mun = r[first].municipality_id;
		econ_figures tot = {0}, sec = {0};
		int64_t cur_sector = -1;
		ov_ore sector_sum = 0;
		for (size_t i = 0; i < n; i++) {
			if (r[i].municipality_id != mun)
				continue;
			const econ_figures *f = &r[i].fig;
			assert_int_equal(f->deviation,
					 f->accounts_ytd - f->budget_ytd);
			assert_int_equal(f->use_tenths,
					 ov_permille_of(f->accounts_ytd,
							f->budget_ytd));
			if (r[i].sector_id != cur_sector) {
				cur_sector = r[i].sector_id;
				memset(&sec, 0, sizeof sec);
				sector_sum = q1(
					d,
					"SELECT sum(b.amount_ore) FROM "
					"budget_line b JOIN unit u ON "
					"u.municipality_id = b.municipality_id"
					" AND u.ansvar = b.ansvar WHERE "
					"u.sector_id = $1",
					cur_sector);
			}
			econ_figures_add(&sec, f);
			econ_figures_add(&tot, f);
			/* The last unit of a sector closes its subtotal. */
			if (i + 1 == n || r[i + 1].sector_id != cur_sector)
				assert_int_equal(sec.budget_year, sector_sum);
		}
		assert_int_equal(tot.budget_year,
				 q1(d, "SELECT sum(amount_ore) FROM "
				       "budget_line WHERE municipality_id = $1",
				    mun));
		assert_int_equal(tot.budget_ytd,
				 q1(d, "SELECT sum(amount_ore) FROM "
				       "budget_line WHERE municipality_id = $1 "
				       "AND month <= 10",
				    mun));
		assert_int_equal(tot.accounts_ytd,
				 q1(d, "SELECT sum(amount_ore) FROM "
				       "account_line WHERE municipality_id = $1",
				    mun));
		assert_int_equal(tot.deviation,
				 tot.accounts_ytd - tot.budget_ytd);
		/* Overspent so far, so the forecast passes the budget. */
		assert_true(tot.forecast > tot.budget_year);
		econ_status s;
		assert_int_equal(econ_status_get(d, mun, &s, &e), OV_OK);
		assert_int_equal(s.all.accounts_ytd, tot.accounts_ytd);
		assert_in_range(s.health.use_tenths, 1070, 1120);
	}
	assert_int_equal(municipalities, 2);
	free(r);
	db_close(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures_and_forecast),
		cmocka_unit_test(test_forecast_budget_later_in_year),
		cmocka_unit_test(test_latest_month_and_status),
		cmocka_unit_test(test_demo_sums),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
