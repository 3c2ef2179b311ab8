/*
 * test_cmd_economy.c - `ovttas economy summary`: the table in Bokmål and
 * Northern Sámi, one municipality, JSON in whole øre, and the errors
 * (missing or malformed --month, a month without accounts, an unknown
 * municipality, a missing database).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "support/support.h"

static run_result summary(const char *a, const char *b, const char *c,
			  const char *d)
{
	return run_cli("--db", demo_db(), "economy", "summary", a, b, c, d,
		       NULL);
}

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Nonzero if s holds a millions amount written "d ddd ddd". */
static int has_grouped_amount(const char *s)
{
	for (; s[0] && s[1]; s++)
		if (digit(s[0]) && s[1] == ' ' && strlen(s) >= 10 &&
		    digit(s[2]) && digit(s[3]) && digit(s[4]) && s[5] == ' ' &&
		    digit(s[6]) && digit(s[7]) && digit(s[8]) &&
		    !digit(s[9]))
			return 1;
	return 0;
}

static void test_table_bokmal(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "--lang", "nb", "economy",
			       "summary", "--month", "2026-10", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Karasjok (5610)"));
	assert_true(contains(r.out, "Kautokeino (5612)"));
	assert_true(contains(r.out, "Helse og omsorg"));
	assert_true(contains(r.out, "2026"));
	/* Health and care is overspent, and marked. */
	assert_true(contains(r.out, "!"));
	/* Whole kroner with space thousands separators. */
	assert_true(has_grouped_amount(r.out));
	assert_string_equal(r.err, "");
	run_free(&r);
}

static void test_table_sami(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "--lang", "se", "economy",
			       "summary", "--month", "2026-10", NULL);
	assert_int_equal(r.code, 0);
	/* Names of municipalities, sectors and units in Sámi. */
	assert_true(contains(r.out, "Kárášjohka"));
	assert_true(contains(r.out, "Guovdageaidnu"));
	assert_true(contains(r.out, "buhcciidruoktu"));
	run_free(&r);
}

static void test_one_municipality(void **state)
{
	(void)state;
	run_result r = summary("--month", "2026-06", "--municipality",
			       "kautokeino");
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "(5612)"));
	assert_false(contains(r.out, "(5610)"));
	run_free(&r);
}

static json_int_t amount(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	assert_non_null(v);
	assert_true(json_is_integer(v));
	return json_integer_value(v);
}

static void test_json(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "--json", "economy",
			       "summary", "--month", "2026-10", NULL);
	assert_int_equal(r.code, 0);
	json_error_t je;
	json_t *j = json_loads(r.out, 0, &je);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j, "year")), 2026);
	assert_int_equal(json_integer_value(json_object_get(j, "month")), 10);
	json_t *munis = json_object_get(j, "municipalities");
	assert_int_equal(json_array_size(munis), 2);
	json_int_t grand = 0;
	size_t i, k, u;
	json_t *m, *s, *unit;
	json_array_foreach(munis, i, m) {
		json_int_t mun_sum = 0;
		json_array_foreach(json_object_get(m, "sectors"), k, s) {
			json_int_t sum = 0;
			json_array_foreach(json_object_get(s, "units"), u,
					   unit) {
				json_int_t b = amount(unit, "budget_ytd_ore");
				json_int_t a = amount(unit,
						      "accounts_ytd_ore");
				assert_int_equal(amount(unit, "deviation_ore"),
						 a - b);
				amount(unit, "budget_year_ore");
				amount(unit, "forecast_ore");
				amount(unit, "use_permille");
				sum += b;
			}
			json_t *t = json_object_get(s, "total");
			assert_int_equal(amount(t, "budget_ytd_ore"), sum);
			mun_sum += sum;
		}
		assert_int_equal(
			amount(json_object_get(m, "total"), "budget_ytd_ore"),
			mun_sum);
		grand += mun_sum;
	}
	assert_int_equal(amount(json_object_get(j, "total"), "budget_ytd_ore"),
			 grand);
	json_decref(j);
	run_free(&r);
}

static void expect_error(run_result r, const char *field, const char *also)
{
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, field));
	if (also)
		assert_true(contains(r.err, also));
	assert_string_equal(r.out, "");
	run_free(&r);
}

static void test_month_errors(void **state)
{
	(void)state;
	expect_error(summary(NULL, NULL, NULL, NULL), "--month", NULL);
	expect_error(summary("--month", "2026-13", NULL, NULL), "--month",
		     "2026-13");
	expect_error(summary("--month", "26-01", NULL, NULL), "--month",
		     "26-01");
	expect_error(summary("--month", "abc", NULL, NULL), "--month", "abc");
	/* No accounts yet: name the latest month that has them. */
	expect_error(summary("--month", "2026-11", NULL, NULL), "--month",
		     "2026-10");
	expect_error(summary("--month", "2025-05", NULL, NULL), "--month",
		     "2026-10");
	/* As JSON on stderr, naming the field. */
	run_result r = run_cli("--db", demo_db(), "--json", "economy",
			       "summary", "--month", "2026-13", NULL);
	assert_int_equal(r.code, 1);
	json_t *j = json_loads(r.err, 0, NULL);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(
				    json_object_get(j, "error"), "field")),
			    "--month");
	json_decref(j);
	run_free(&r);
}

static void test_unknown_municipality(void **state)
{
	(void)state;
	expect_error(summary("--month", "2026-10", "--municipality", "oslo"),
		     "--municipality", "oslo");
}

static void test_missing_database(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	char *path = path_join(dir, "none.db");
	run_result r = run_cli("--db", path, "economy", "summary", "--month",
			       "2026-10", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, path));
	run_free(&r);
	rm_rf(dir);
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_bokmal),
		cmocka_unit_test(test_table_sami),
		cmocka_unit_test(test_one_municipality),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_month_errors),
		cmocka_unit_test(test_unknown_municipality),
		cmocka_unit_test(test_missing_database),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
