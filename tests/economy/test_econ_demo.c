/*
 * test_econ_demo.c - the demo economy: every line belongs to a unit and
 * a valid KOSTRA code, 12 budget months and 10 account months, health
 * and care 7-12 % over budget so far (Karasjok worse than Kautokeino),
 * other sectors within 3 %, plausible size, and the same seed gives the
 * same rows. Runs on a small fixture and on the full demo.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "economy/econ_fixture.h"
#include "support/support.h"

static int64_t q1(db *d, const char *sql)
{
	db_stmt *st;
	ov_err e;
	assert_int_equal(db_prepare(d, sql, &st, &e), OV_OK);
	assert_int_equal(db_step(st, &e), 1);
	int64_t v = db_col_int(st, 0);
	db_finalize(st);
	return v;
}

/* (accounts - budget) / budget in permille, Jan-Oct 2026, for one
 * sector of one municipality (by municipality code). */
static int64_t sector_dev(db *d, const char *mun, const char *sector)
{
	char sql[1024];
	snprintf(sql, sizeof sql,
		 "SELECT coalesce(sum(x.a), 0) * 1000 / sum(x.b) - 1000 FROM ("
		 " SELECT l.municipality_id, l.ansvar, l.amount_ore AS b,"
		 "  0 AS a FROM budget_line l WHERE l.year = 2026"
		 "  AND l.month <= 10"
		 " UNION ALL SELECT l.municipality_id, l.ansvar, 0,"
		 "  l.amount_ore FROM account_line l WHERE l.year = 2026) x"
		 " JOIN unit u ON u.municipality_id = x.municipality_id"
		 "  AND u.ansvar = x.ansvar"
		 " JOIN sector s ON s.id = u.sector_id"
		 " JOIN municipality m ON m.id = u.municipality_id"
		 " WHERE m.code = '%s' AND s.code = '%s'",
		 mun, sector);
	return q1(d, sql);
}

static void check_economy(db *d)
{
	/* Every line's ansvar is a unit of its municipality. */
	assert_int_equal(q1(d, "SELECT count(*) FROM budget_line b WHERE NOT "
			       "EXISTS (SELECT 1 FROM unit u WHERE "
			       "u.municipality_id = b.municipality_id AND "
			       "u.ansvar = b.ansvar)"),
			 0);
	assert_int_equal(q1(d, "SELECT count(*) FROM account_line b WHERE NOT "
			       "EXISTS (SELECT 1 FROM unit u WHERE "
			       "u.municipality_id = b.municipality_id AND "
			       "u.ansvar = b.ansvar)"),
			 0);
	/* Every staffed unit has a budget. */
	assert_int_equal(q1(d, "SELECT count(*) FROM unit u WHERE EXISTS "
			       "(SELECT 1 FROM position p WHERE p.unit_id = "
			       "u.id) AND NOT EXISTS (SELECT 1 FROM "
			       "budget_line b WHERE b.municipality_id = "
			       "u.municipality_id AND b.ansvar = u.ansvar)"),
			 0);
	/* Codes valid in the budget year; no arbeidsgiveravgift (zone 5). */
	assert_int_equal(q1(d, "SELECT count(*) FROM budget_line b JOIN "
			       "kostra_funksjon f ON f.code = b.funksjon "
			       "WHERE f.valid_from > b.year OR f.valid_to < "
			       "b.year"),
			 0);
	assert_int_equal(q1(d, "SELECT count(*) FROM budget_line b JOIN "
			       "kostra_art a ON a.code = b.art WHERE "
			       "a.valid_from > b.year OR a.valid_to < b.year"),
			 0);
	assert_int_equal(q1(d, "SELECT count(*) FROM budget_line WHERE art = "
			       "'099' OR funksjon = '254'"),
			 0);
	/* 12 budget months, exactly January-October accounts, each
	 * municipality. */
	assert_int_equal(q1(d, "SELECT count(DISTINCT year * 100 + month) "
			       "FROM budget_line"),
			 12);
	assert_int_equal(q1(d, "SELECT count(DISTINCT year * 100 + month) "
			       "FROM account_line"),
			 10);
	assert_int_equal(q1(d, "SELECT min(month) FROM account_line"), 1);
	assert_int_equal(q1(d, "SELECT max(month) FROM account_line"), 10);
	assert_int_equal(q1(d, "SELECT count(DISTINCT municipality_id * 100 "
			       "+ month) FROM account_line"),
			 20);
	/* Revenues negative, wages positive. */
	assert_int_equal(q1(d, "SELECT count(*) FROM budget_line WHERE art IN "
			       "('600', '630', '700', '710') AND amount_ore "
			       "> 0"),
			 0);
	assert_int_equal(q1(d, "SELECT count(*) FROM budget_line WHERE art IN "
			       "('010', '090') AND amount_ore < 0"),
			 0);
	/* Monthly profile: holiday pay in June, heating in winter. */
	assert_true(q1(d, "SELECT sum(amount_ore) FROM budget_line WHERE art "
			  "= '010' AND month = 6") >
		    q1(d, "SELECT sum(amount_ore) FROM budget_line WHERE art "
			  "= '010' AND month = 5"));
	assert_true(q1(d, "SELECT sum(amount_ore) FROM budget_line WHERE art "
			  "= '180' AND month = 1") >
		    2 * q1(d, "SELECT sum(amount_ore) FROM budget_line WHERE "
			      "art = '180' AND month = 7"));
	/* Round-the-clock units budget vikar, extra help and overtime. */
	assert_int_equal(q1(d, "SELECT count(*) FROM unit u WHERE "
			       "u.round_the_clock = 1 AND EXISTS (SELECT 1 "
			       "FROM position p WHERE p.unit_id = u.id) AND "
			       "(SELECT count(DISTINCT art) FROM budget_line "
			       "b WHERE b.municipality_id = u.municipality_id "
			       "AND b.ansvar = u.ansvar AND b.art IN ('020', "
			       "'030', '040')) < 3"),
			 0);

	int64_t kjk = sector_dev(d, "5610", "helse");
	int64_t ktk = sector_dev(d, "5612", "helse");
	print_message("health and care over budget: Karasjok %lld, "
		      "Kautokeino %lld permille\n",
		      (long long)kjk, (long long)ktk);
	assert_in_range(kjk, 70, 120);
	assert_in_range(ktk, 70, 120);
	assert_true(kjk > ktk);
	static const char *const others[] = {"oppvekst", "ptmn", "adm"};
	for (int m = 0; m < 2; m++)
		for (int s = 0; s < 3; s++) {
			int64_t dev = sector_dev(d, m ? "5612" : "5610",
						 others[s]);
			assert_true(dev >= -30 && dev <= 30);
		}
}

/* A fingerprint of every budget and account row. */
static uint64_t fingerprint(db *d)
{
	static const char *const sql[] = {
		"SELECT municipality_id, year, month, ansvar, funksjon, art, "
		"amount_ore FROM budget_line ORDER BY id",
		"SELECT municipality_id, year, month, ansvar, funksjon, art, "
		"amount_ore FROM account_line ORDER BY id"};
	uint64_t h = 1469598103934665603ULL;
	for (int q = 0; q < 2; q++) {
		db_stmt *st;
		assert_int_equal(db_prepare(d, sql[q], &st, NULL), OV_OK);
		while (db_step(st, NULL) == 1)
			for (int c = 0; c < 7; c++)
				for (const char *p = db_col_text(st, c); *p;
				     p++)
					h = (h ^ (unsigned char)*p) *
					    1099511628211ULL;
		db_finalize(st);
	}
	return h;
}

static db *fixture(const char *dir, const char *name, uint64_t seed)
{
	char *path = path_join(dir, name);
	ov_rng rng;
	ov_rng_seed(&rng, seed);
	db *d = econ_fixture_open(path, &rng);
	free(path);
	assert_non_null(d);
	return d;
}

static void test_fixture_economy(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	db *d = fixture(dir, "a.db", 7);
	check_economy(d);
	/* Home care still coded 254 is booked on 258; premises of the
	 * nursing home and the school on their FDV funksjon. */
	assert_true(q1(d, "SELECT count(*) FROM budget_line WHERE ansvar = "
			  "'K32' AND funksjon = '258'") > 0);
	assert_true(q1(d, "SELECT count(*) FROM budget_line WHERE ansvar = "
			  "'K31' AND funksjon = '261' AND art = '180'") > 0);
	assert_true(q1(d, "SELECT count(*) FROM budget_line WHERE ansvar = "
			  "'K21' AND funksjon = '222'") > 0);
	/* Political bodies on funksjon 100: the unit that has it in
	 * Kautokeino, the central administration in Karasjok. */
	assert_true(q1(d, "SELECT count(*) FROM budget_line WHERE ansvar = "
			  "'G12' AND funksjon = '100' AND art = '080'") > 0);
	assert_true(q1(d, "SELECT count(*) FROM budget_line WHERE ansvar = "
			  "'K11' AND funksjon = '100' AND art = '080'") > 0);
	/* Fixed wages = FTE x salary: the school's 25 teachers ("other",
	 * 620 000 kr) with seniority 97-104 %. */
	int64_t w = q1(d, "SELECT sum(amount_ore) FROM budget_line WHERE "
			  "ansvar = 'K21' AND art = '010'");
	assert_in_range(w, OV_KR(25 * 620000) * 97 / 100,
			OV_KR(25 * 620000) * 104 / 100);
	db_close(d);
	rm_rf(dir);
	free(dir);
}

static void test_same_seed_same_rows(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	db *a = fixture(dir, "a.db", 42), *b = fixture(dir, "b.db", 42),
	   *c = fixture(dir, "c.db", 43);
	assert_true(fingerprint(a) == fingerprint(b));
	assert_true(fingerprint(a) != fingerprint(c));
	db_close(a);
	db_close(b);
	db_close(c);
	rm_rf(dir);
	free(dir);
}

static void test_unknown_funksjon_is_refused(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	char *path = path_join(dir, "a.db");
	db *d = econ_fixture_open(path, NULL);
	assert_non_null(d);
	ov_err e;
	assert_int_equal(db_exec(d, "UPDATE unit SET funksjon = '999' WHERE "
				    "ansvar = 'K33'", &e), OV_OK);
	ov_rng rng;
	ov_rng_seed(&rng, 1);
	assert_int_equal(db_begin(d, &e), OV_OK);
	assert_int_equal(econ_demo_load(d, &rng, &e), OV_E_INPUT);
	db_rollback(d);
	assert_true(contains(e.msg, "K33"));
	assert_true(contains(e.msg, "999"));
	db_close(d);
	rm_rf(dir);
	free(path);
	free(dir);
}

static void test_kostra_code_lists(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	db *d = fixture(dir, "a.db", 1);
	assert_int_equal(q1(d, "SELECT valid_to FROM kostra_funksjon WHERE "
			       "code = '254'"), 2023);
	assert_int_equal(q1(d, "SELECT valid_from FROM kostra_funksjon WHERE "
			       "code = '257'"), 2024);
	assert_int_equal(q1(d, "SELECT valid_from FROM kostra_funksjon WHERE "
			       "code = '258'"), 2024);
	assert_int_equal(q1(d, "SELECT valid_to FROM kostra_art WHERE code = "
			       "'270'"), 2025);
	assert_int_equal(q1(d, "SELECT count(*) FROM kostra_art WHERE code IN "
			       "('271', '272') AND valid_from = 2026"), 2);
	assert_int_equal(q1(d, "SELECT count(*) FROM kostra_art WHERE code IN "
			       "('010', '020', '030', '040', '050', '080', "
			       "'090', '099', '110', '120', '150', '160', "
			       "'180', '190', '230', '290', '350', '370', "
			       "'380', '500', '510', '590', '600', '700', "
			       "'710', '729', '750', '790')"), 28);
	assert_int_equal(q1(d, "SELECT count(*) FROM kostra_funksjon WHERE "
			       "name_nb = '' OR name_se = ''"), 0);
	/* Loading again leaves the lists as they are. */
	int64_t n = q1(d, "SELECT count(*) FROM kostra_funksjon");
	ov_err e;
	assert_int_equal(econ_kostra_load(d, &e), OV_OK);
	assert_int_equal(q1(d, "SELECT count(*) FROM kostra_funksjon"), n);
	db_close(d);
	rm_rf(dir);
	free(dir);
}

static void test_demo_economy(void **state)
{
	(void)state;
	db *d;
	ov_err e;
	assert_int_equal(db_open(demo_db(), DB_READ, &d, &e), OV_OK);
	if (q1(d, "SELECT count(*) FROM position") == 0) {
		db_close(d);
		skip(); /* the demo organisation is not loaded */
	}
	check_economy(d);
	/* A municipality of ~2 600 people spends a few hundred million
	 * kroner a year; the units' gross expenses are most of it. */
	for (int m = 0; m < 2; m++) {
		char sql[256];
		snprintf(sql, sizeof sql,
			 "SELECT sum(b.amount_ore) FROM budget_line b JOIN "
			 "municipality m ON m.id = b.municipality_id WHERE "
			 "m.code = '%s' AND b.amount_ore > 0",
			 m ? "5612" : "5610");
		int64_t gross = q1(d, sql);
		print_message("gross expenses %s: %lld kr\n",
			      m ? "5612" : "5610", (long long)(gross / 100));
		assert_in_range(gross, OV_KR(100000000), OV_KR(900000000));
	}
	db_close(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_economy),
		cmocka_unit_test(test_same_seed_same_rows),
		cmocka_unit_test(test_unknown_funksjon_is_refused),
		cmocka_unit_test(test_kostra_code_lists),
		cmocka_unit_test(test_demo_economy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
