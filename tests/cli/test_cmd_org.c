/*
 * test_cmd_org.c - `ovttas org units` and `ovttas org employees` on the
 * demo database: tables in Bokmål and Sámi, --json that parses, the
 * filters, and the errors for bad options, units and municipalities.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "support/support.h"

static json_t *parse(const char *text)
{
	json_error_t je;
	json_t *j = json_loads(text, 0, &je);
	if (!j)
		fail_msg("not JSON: %s", je.text);
	return j;
}

static void test_units_table(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "org", "units", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Karasjok (5610)"));
	assert_true(contains(r.out, "Kautokeino (5612)"));
	assert_true(contains(r.out, "Hjemmetjenesten"));
	assert_true(contains(r.out, "Helse og omsorg"));
	assert_true(contains(r.out, "3100"));
	assert_true(contains(r.out, "Masi skole"));
	assert_string_equal(r.err, "");
	run_free(&r);

	r = run_cli("--db", demo_db(), "org", "units", "--municipality",
		    "Guovdageaidnu", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Kautokeino (5612)"));
	assert_false(contains(r.out, "Karasjok (5610)"));
	run_free(&r);
}

static void test_units_in_sami(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "--lang", "se", "org",
			       "units", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Kárášjohka (5610)"));
	assert_true(contains(r.out, "Ruovttubálvalusat"));
	assert_true(contains(r.out, "Máze skuvla"));
	assert_false(contains(r.out, "Masi skole"));
	run_free(&r);
}

static void test_units_json(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "--json", "org", "units",
			       "--municipality", "5610", NULL);
	assert_int_equal(r.code, 0);
	json_t *j = parse(r.out);
	assert_true(json_is_array(j));
	assert_true(json_array_size(j) >= 18);
	size_t i;
	json_t *u;
	int found = 0;
	json_array_foreach(j, i, u) {
		assert_string_equal(
			json_string_value(json_object_get(u, "municipality")),
			"5610");
		assert_true(json_is_integer(json_object_get(u, "fte_bp")));
		assert_true(json_is_boolean(
			json_object_get(u, "round_the_clock")));
		if (!strcmp(json_string_value(json_object_get(u, "ansvar")),
			    "3200")) {
			found = 1;
			assert_true(json_is_true(
				json_object_get(u, "round_the_clock")));
			assert_string_equal(json_string_value(json_object_get(
						    u, "funksjon")),
					    "253");
		}
	}
	assert_true(found);
	json_decref(j);
	run_free(&r);
}

static void test_employees_table(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "org", "employees", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Karasjok (5610)"));
	assert_true(contains(r.out, "Kautokeino (5612)"));
	assert_true(contains(r.out, "Sykepleier"));
	run_free(&r);

	r = run_cli("--db", demo_db(), "org", "employees", "--unit",
		    "hjemmetjenesten", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "3100 Hjemmetjenesten"));
	assert_false(contains(r.out, "3200 "));
	assert_false(contains(r.out, "Kautokeino (5612)"));
	run_free(&r);

	r = run_cli("--db", demo_db(), "--lang", "se", "org", "employees",
		    "--unit", "Legekontoret", "--municipality", "Kautokeino",
		    NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "4050 Doaktárkantuvra"));
	run_free(&r);
}

static void test_employees_json(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "org", "employees",
			       "--json", "--unit", "4020", NULL);
	assert_int_equal(r.code, 0);
	json_t *j = parse(r.out);
	assert_true(json_is_array(j));
	assert_true(json_array_size(j) > 10);
	size_t i;
	json_t *e;
	json_array_foreach(j, i, e) {
		assert_string_equal(
			json_string_value(json_object_get(e, "ansvar")),
			"4020");
		assert_non_null(json_string_value(
			json_object_get(e, "competence")));
		json_int_t fte =
			json_integer_value(json_object_get(e, "fte_bp"));
		assert_true(fte > 0 && fte <= 10000);
		json_int_t p = json_integer_value(
			json_object_get(e, "sami_proficiency"));
		assert_true(p >= 0 && p <= 3);
	}
	json_decref(j);
	run_free(&r);
}

static void test_errors(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "org", "units", "--bogus",
			       NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--bogus"));
	run_free(&r);

	r = run_cli("--db", demo_db(), "org", "employees", "--unit",
		    "Nowhere", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--unit"));
	assert_true(contains(r.err, "Nowhere"));
	assert_string_equal(r.out, "");
	run_free(&r);

	r = run_cli("--db", demo_db(), "org", "employees", "--unit",
		    "Svømmehallen", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--municipality"));
	run_free(&r);

	r = run_cli("--db", demo_db(), "org", "units", "--municipality",
		    "Oslo", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "Oslo"));
	run_free(&r);

	r = run_cli("--db", demo_db(), "--json", "org", "employees",
		    "--municipality", "Tana", NULL);
	assert_int_equal(r.code, 1);
	json_t *j = parse(r.err);
	assert_string_equal(json_string_value(json_object_get(
				    json_object_get(j, "error"), "code")),
			    "OV_E_NOTFOUND");
	json_decref(j);
	run_free(&r);

	char *dir = tmp_dir();
	char *path = path_join(dir, "missing.db");
	r = run_cli("--db", path, "org", "units", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "missing.db"));
	run_free(&r);
	r = run_cli("--db", path, "org", "employees", NULL);
	assert_int_equal(r.code, 1);
	run_free(&r);
	rm_rf(dir);
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_units_table),
		cmocka_unit_test(test_units_in_sami),
		cmocka_unit_test(test_units_json),
		cmocka_unit_test(test_employees_table),
		cmocka_unit_test(test_employees_json),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
