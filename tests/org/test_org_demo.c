/*
 * test_org_demo.c - the demo organisation: sizes in the planned ranges,
 * a leader in every unit, plausible staffing shares (part time and
 * vacancies in health, few nurses, most staff speak Sámi), and the same
 * seed giving the same rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_rng.h"
#include "db/db.h"
#include "org/org.h"
#include "support/support.h"

/* The shared scratch database of tests/support. */
typedef scratch_db fixture;

/* A fresh database with only the organisation loaded from seed. */
static fixture load(uint64_t seed)
{
	fixture f = scratch_open("org.db");
	ov_err e;
	ov_rng rng;
	ov_rng_seed(&rng, seed);
	assert_int_equal(db_begin(f.d, &e), OV_OK);
	assert_int_equal(org_demo_load(f.d, &rng, &e), OV_OK);
	assert_int_equal(db_commit(f.d, &e), OV_OK);
	return f;
}

static void unload(fixture *f)
{
	scratch_close(f);
}

/* All columns of all rows of sql, as one string (owned). */
static char *dump(db *d, const char *sql, int ncols)
{
	ov_buf b = OV_BUF_INIT;
	db_stmt *st;
	assert_int_equal(db_prepare(d, sql, &st, NULL), OV_OK);
	while (db_step(st, NULL) == 1) {
		for (int i = 0; i < ncols; i++)
			ov_buf_printf(&b, "%s|", db_col_text(st, i));
		ov_buf_adds(&b, "\n");
	}
	db_finalize(st);
	char *s = ov_strdup(ov_buf_str(&b));
	ov_buf_free(&b);
	return s;
}

static char *dump_all(db *d)
{
	char *a = dump(d, "SELECT * FROM employee ORDER BY id", 8);
	char *b = dump(d, "SELECT * FROM position ORDER BY id", 9);
	char *c = dump(d, "SELECT * FROM unit ORDER BY id", 8);
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = malloc(n);
	snprintf(s, n, "%s%s%s", a, b, c);
	free(a);
	free(b);
	free(c);
	return s;
}

static void test_sizes(void **state)
{
	(void)state;
	fixture f = load(2019);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM municipality"), 2);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM sector WHERE code "
				  "IN ('helse','oppvekst','ptmn','adm')"),
			 8);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM role"), 8);
	for (int m = 1; m <= 2; m++) {
		char sql[200];
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM unit WHERE municipality_id = %d",
			 m);
		int64_t units = sql_int(f.d, sql);
		assert_in_range(units, 18, 26);
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM employee WHERE "
			 "municipality_id = %d",
			 m);
		/* with the home-care staff sized to its visits */
		assert_in_range(sql_int(f.d, sql), m == 1 ? 175 : 165,
				m == 1 ? 225 : 215);
	}
	assert_in_range(sql_int(f.d, "SELECT count(*) FROM employee"), 350, 430);
	/* Kautokeino has both its schools */
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM unit WHERE "
				  "municipality_id = 2 AND name_se IN "
				  "('Guovdageainnu skuvla', 'Máze skuvla')"),
			 2);
	/* ansvar: 4 digits */
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM unit WHERE "
				  "length(ansvar) <> 4 OR ansvar NOT BETWEEN "
				  "'1000' AND '9999'"),
			 0);
	/* funksjon only from the codes the economy module ships */
	assert_int_equal(
		sql_int(f.d, "SELECT count(*) FROM unit WHERE funksjon NOT IN "
			 "('100','120','121','130','201','202','213','232',"
			 "'234','241','253','257','258','301','302','329',"
			 "'339','340','345','350','381','383')"),
		0);
	/* the services the programme names */
	assert_int_equal(sql_int(f.d, "SELECT count(DISTINCT funksjon) FROM "
				  "unit u JOIN sector s ON s.id = u.sector_id "
				  "WHERE s.code = 'helse' AND funksjon IN "
				  "('258','253','257','232','241')"),
			 5);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM unit WHERE "
				  "funksjon IN ('253','257') AND "
				  "round_the_clock = 0"),
			 0);
	unload(&f);
}

static void test_every_unit_has_a_leader(void **state)
{
	(void)state;
	fixture f = load(2019);
	assert_int_equal(
		sql_int(f.d, "SELECT count(*) FROM unit u WHERE NOT EXISTS "
			 "(SELECT 1 FROM position p WHERE p.id = "
			 "(SELECT min(id) FROM position WHERE unit_id = u.id) "
			 "AND p.employee_id IS NOT NULL AND p.fte_bp = 10000)"),
		0);
	org_unit *u;
	size_t n;
	ov_err e;
	assert_int_equal(org_units_list(f.d, 0, &u, &n, &e), OV_OK);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++)
		assert_true(u[i].leader[0] != '\0');
	free(u);
	unload(&f);
}

static void test_shares_are_plausible(void **state)
{
	(void)state;
	fixture f = load(2019);
	const char *health = "FROM position p JOIN unit u ON u.id = p.unit_id "
			     "JOIN sector s ON s.id = u.sector_id "
			     "WHERE s.code = 'helse'";
	char sql[400];
	snprintf(sql, sizeof sql, "SELECT count(*) %s", health);
	int64_t posts = sql_int(f.d, sql);
	snprintf(sql, sizeof sql, "SELECT count(*) %s AND p.fte_bp < 10000",
		 health);
	int64_t part = sql_int(f.d, sql);
	assert_true(part * 2 > posts); /* most health posts are part time */
	snprintf(sql, sizeof sql,
		 "SELECT count(*) %s AND p.employee_id IS NULL", health);
	int64_t vacant = sql_int(f.d, sql);
	assert_true(vacant > 0);
	assert_true(vacant * 4 < posts);
	/* few nurses in institutions; home nursing (258) is nurse-led */
	snprintf(sql, sizeof sql,
		 "SELECT count(*) %s AND p.competence = 'nurse' AND "
		 "u.funksjon <> '258'", health);
	assert_true(sql_int(f.d, sql) * 4 < posts);
	snprintf(sql, sizeof sql,
		 "SELECT sum(p.competence = 'nurse') * 4 > count(*) "
		 "%s AND u.funksjon = '258'", health);
	assert_true(sql_int(f.d, sql) == 1); /* over 25 % nurses */
	snprintf(sql, sizeof sql,
		 "SELECT count(*) %s AND p.competence = 'unskilled'", health);
	assert_true(sql_int(f.d, sql) * 5 > posts);
	/* other sectors are mostly full time */
	assert_true(sql_int(f.d, "SELECT count(*) FROM position p JOIN unit u ON "
			     "u.id = p.unit_id JOIN sector s ON s.id = "
			     "u.sector_id WHERE s.code <> 'helse' AND "
			     "p.fte_bp < 10000") *
			    5 <
		    sql_int(f.d, "SELECT count(*) FROM position p JOIN unit u ON "
			     "u.id = p.unit_id JOIN sector s ON s.id = "
			     "u.sector_id WHERE s.code <> 'helse'"));
	/* a few hold two part-time posts, never above full time */
	assert_in_range(sql_int(f.d, "SELECT count(*) FROM (SELECT employee_id "
				 "FROM position WHERE employee_id IS NOT NULL "
				 "GROUP BY employee_id HAVING count(*) > 1) x"),
			1, 15);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM (SELECT employee_id "
				  "FROM position WHERE employee_id IS NOT "
				  "NULL GROUP BY employee_id HAVING "
				  "sum(fte_bp) > 10000) x"),
			 0);
	/* every employee holds a post */
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM employee e WHERE NOT "
				  "EXISTS (SELECT 1 FROM position p WHERE "
				  "p.employee_id = e.id)"),
			 0);

	org_summary k, g, all;
	ov_err e;
	assert_int_equal(org_summary_get(f.d, 1, &k, &e), OV_OK);
	assert_int_equal(org_summary_get(f.d, 2, &g, &e), OV_OK);
	assert_int_equal(org_summary_get(f.d, 0, &all, &e), OV_OK);
	/* most staff speak Sámi; more in Kautokeino than in Karasjok */
	assert_true(k.sami_speakers * 2 > k.employees);
	assert_true(g.sami_speakers * 2 > g.employees);
	assert_true(g.sami_speakers * 1000 / g.employees >
		    k.sami_speakers * 1000 / k.employees);
	assert_true(k.vacant_positions > 0 && g.vacant_positions > 0);
	assert_true(k.nurses > 0 && k.nurses * 5 < k.employees);
	assert_in_range(k.fulltime_permille, 400, 900);
	assert_int_equal(all.employees, k.employees + g.employees);
	assert_int_equal(all.units, k.units + g.units);
	assert_int_equal(all.filled_positions,
			 k.filled_positions + g.filled_positions);
	assert_int_equal(all.filled_fte_bp, k.filled_fte_bp + g.filled_fte_bp);
	unload(&f);
}

static void test_same_seed_same_rows(void **state)
{
	(void)state;
	fixture a = load(2019), b = load(2019), c = load(7);
	char *da = dump_all(a.d), *db_ = dump_all(b.d), *dc = dump_all(c.d);
	assert_string_equal(da, db_);
	assert_string_not_equal(da, dc);
	free(da);
	free(db_);
	free(dc);
	unload(&a);
	unload(&b);
	unload(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_every_unit_has_a_leader),
		cmocka_unit_test(test_shares_are_plausible),
		cmocka_unit_test(test_same_seed_same_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
