/*
 * test_org_query.c - reading the organisation from the demo database:
 * municipality and unit filters, finding a unit by ansvar or name in
 * either language, the errors for unknown and ambiguous units, and a
 * summary that adds up.
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "db/db.h"
#include "org/org.h"
#include "support/support.h"

static db *open_demo(void)
{
	db *d;
	ov_err e;
	assert_int_equal(db_open(demo_db(), DB_READ, &d, &e), OV_OK);
	return d;
}

static void test_units_filter_by_municipality(void **state)
{
	(void)state;
	db *d = open_demo();
	org_unit *all, *k;
	size_t nall, nk;
	ov_err e;
	assert_int_equal(org_units_list(d, 0, &all, &nall, &e), OV_OK);
	org_municipality m;
	assert_int_equal(org_municipality_find(d, "karasjok", &m, &e), OV_OK);
	assert_int_equal(org_units_list(d, m.id, &k, &nk, &e), OV_OK);
	assert_true(nk > 0 && nk < nall);
	for (size_t i = 0; i < nk; i++) {
		assert_int_equal(k[i].municipality_id, m.id);
		assert_string_equal(k[i].municipality_code, "5610");
		assert_true(k[i].positions > 0);
		assert_true(k[i].filled_fte_bp <= k[i].fte_bp);
	}
	/* ordered by municipality: Karasjok's units come first */
	assert_string_equal(all[0].municipality_code, "5610");
	assert_string_equal(all[nall - 1].municipality_code, "5612");
	free(all);
	free(k);
	assert_int_equal(org_units_list(d, 999, &k, &nk, &e), OV_OK);
	assert_int_equal(nk, 0);
	free(k);
	db_close(d);
}

static void test_unit_find(void **state)
{
	(void)state;
	db *d = open_demo();
	org_unit u;
	ov_err e;
	assert_int_equal(org_unit_find(d, 0, "3100", &u, &e), OV_OK);
	assert_string_equal(u.name_nb, "Hjemmetjenesten");
	assert_int_equal(org_unit_find(d, 0, "HJEMMETJENESTEN", &u, &e),
			 OV_OK);
	assert_string_equal(u.ansvar, "3100");
	assert_int_equal(org_unit_find(d, 0, "MÁZE SKUVLA", &u, &e), OV_OK);
	assert_string_equal(u.municipality_code, "5612");
	assert_int_equal(org_unit_find(d, 0, "svømmehallen", &u, &e),
			 OV_E_USAGE);
	assert_int_equal(org_unit_find(d, 2, "SVØMMEHALLEN", &u, &e), OV_OK);
	assert_string_equal(u.ansvar, "6060");

	/* a name both municipalities use needs --municipality */
	assert_int_equal(org_unit_find(d, 0, "Legekontoret", &u, &e),
			 OV_E_USAGE);
	assert_string_equal(e.field, "--unit");
	assert_true(contains(e.msg, "--municipality"));
	assert_int_equal(org_unit_find(d, 1, "legekontoret", &u, &e), OV_OK);
	assert_string_equal(u.municipality_code, "5610");

	assert_int_equal(org_unit_find(d, 0, "Nowhere", &u, &e),
			 OV_E_NOTFOUND);
	assert_string_equal(e.field, "--unit");
	assert_true(contains(e.msg, "Nowhere"));
	/* Karasjok's ansvar is not found in Kautokeino */
	assert_int_equal(org_unit_find(d, 2, "3100", &u, &e), OV_E_NOTFOUND);
	db_close(d);
}

static void test_employees_filters(void **state)
{
	(void)state;
	db *d = open_demo();
	org_unit u;
	ov_err e;
	assert_int_equal(org_unit_find(d, 0, "3200", &u, &e), OV_OK);
	org_employee *emp;
	size_t n;
	assert_int_equal(org_employees_list(d, 0, u.id, &emp, &n, &e), OV_OK);
	assert_int_equal((int)n, u.positions - u.vacancies);
	int64_t fte = 0;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(emp[i].unit_id, u.id);
		assert_string_equal(emp[i].ansvar, "3200");
		assert_in_range(emp[i].sami_proficiency, 0, 3);
		assert_true(emp[i].employee_no[0] != '\0');
		fte += emp[i].fte_bp;
	}
	assert_int_equal(fte, u.filled_fte_bp);
	free(emp);

	assert_int_equal(org_employees_list(d, 2, 0, &emp, &n, &e), OV_OK);
	assert_true(n > 100);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(emp[i].municipality_code, "5612");
	free(emp);

	/* a unit in the other municipality gives nothing */
	assert_int_equal(org_employees_list(d, 2, u.id, &emp, &n, &e), OV_OK);
	assert_int_equal(n, 0);
	free(emp);
	db_close(d);
}

static void test_summary_adds_up(void **state)
{
	(void)state;
	db *d = open_demo();
	org_summary all, k, g;
	ov_err e;
	assert_int_equal(org_summary_get(d, 0, &all, &e), OV_OK);
	assert_int_equal(org_summary_get(d, 1, &k, &e), OV_OK);
	assert_int_equal(org_summary_get(d, 2, &g, &e), OV_OK);
	assert_int_equal(all.vacant_positions,
			 k.vacant_positions + g.vacant_positions);
	assert_int_equal(all.sami_speakers, k.sami_speakers + g.sami_speakers);
	assert_int_equal(all.nurses, k.nurses + g.nurses);
	assert_int_equal(all.fulltime_positions,
			 k.fulltime_positions + g.fulltime_positions);
	assert_int_equal(k.fulltime_permille,
			 (k.fulltime_positions * 1000 +
			  k.filled_positions / 2) /
				 k.filled_positions);
	org_unit *u;
	size_t n;
	assert_int_equal(org_units_list(d, 1, &u, &n, &e), OV_OK);
	int vacant = 0;
	for (size_t i = 0; i < n; i++)
		vacant += u[i].vacancies;
	assert_int_equal(vacant, k.vacant_positions);
	assert_int_equal((int)n, k.units);
	free(u);
	/* an unknown municipality gives zeros */
	assert_int_equal(org_summary_get(d, 999, &k, &e), OV_OK);
	assert_int_equal(k.employees, 0);
	assert_int_equal(k.fulltime_permille, 0);
	db_close(d);
}

static void test_labels(void **state)
{
	(void)state;
	ov_i18n_init("en");
	assert_string_equal(org_competence_label("nurse"), "nurse");
	assert_string_equal(org_competence_label("health_worker"),
			    "health worker");
	assert_string_equal(org_competence_label("xyz"), "xyz");
	assert_string_equal(org_proficiency_label(2), "speaks");
	assert_string_equal(org_proficiency_label(9), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_units_filter_by_municipality),
		cmocka_unit_test(test_unit_find),
		cmocka_unit_test(test_employees_filters),
		cmocka_unit_test(test_summary_adds_up),
		cmocka_unit_test(test_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
