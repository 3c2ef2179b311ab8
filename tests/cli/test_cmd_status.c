/*
 * test_cmd_status.c - `ovttas status`: the overview of both
 * municipalities, one municipality, JSON, the programme's current stage
 * and the last three months' sick leave as of a pinned date, and its
 * errors.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "support/support.h"

static json_t *status_json(const char *extra)
{
	run_result r = extra ? run_cli("--db", demo_db(), "--json", "status",
				       "--municipality", extra, NULL)
			     : run_cli("--db", demo_db(), "--json", "status",
				       NULL);
	assert_int_equal(r.code, 0);
	json_error_t je;
	json_t *j = json_loads(r.out, 0, &je);
	assert_non_null(j);
	run_free(&r);
	return j;
}

static void test_overview_shows_both(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "status", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Karasjok"));
	assert_true(contains(r.out, "Kautokeino"));
	assert_true(contains(r.out, "Framtidens Karasjok"));
	assert_true(contains(r.out, "2 565"));
	run_free(&r);
	r = run_cli("--db", demo_db(), "--lang", "se", "status", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Kárášjohka"));
	assert_true(contains(r.out, "Guovdageaidnu"));
	run_free(&r);
}

static void test_json_figures_are_consistent(void **state)
{
	(void)state;
	json_t *j = status_json(NULL);
	json_t *ms = json_object_get(j, "municipalities");
	assert_int_equal(json_array_size(ms), 2);
	for (size_t i = 0; i < 2; i++) {
		json_t *m = json_array_get(ms, i);
		json_t *all = json_object_get(json_object_get(m, "economy"),
					      "all");
		json_int_t b = json_integer_value(
			json_object_get(all, "budget_ytd_ore"));
		json_int_t a = json_integer_value(
			json_object_get(all, "accounts_ytd_ore"));
		json_int_t dev = json_integer_value(
			json_object_get(all, "deviation_ore"));
		assert_true(b > 0);
		assert_true(a - b == dev);
		json_t *staff = json_object_get(m, "staff");
		assert_true(json_integer_value(json_object_get(
				    staff, "employees")) > 100);
		json_t *care = json_object_get(m, "home_care");
		assert_true(json_integer_value(json_object_get(
				    care, "recipients")) > 40);
	}
	/* Health and care overspends, as the programme describes. */
	json_t *h = json_object_get(
		json_object_get(json_object_get(json_array_get(ms, 0),
						"economy"),
				"health_and_care"),
		"deviation_ore");
	assert_true(json_integer_value(h) > 0);
	json_decref(j);
}

static void test_one_municipality(void **state)
{
	(void)state;
	json_t *j = status_json("kautokeino");
	json_t *ms = json_object_get(j, "municipalities");
	assert_int_equal(json_array_size(ms), 1);
	assert_string_equal(json_string_value(json_object_get(
				    json_array_get(ms, 0), "code")),
			    "5612");
	json_decref(j);
	run_result r = run_cli("--db", demo_db(), "status", "--municipality",
			       "Guovdageaidnu", NULL);
	assert_int_equal(r.code, 0);
	assert_false(contains(r.out, "5610"));
	run_free(&r);
}

static void test_stage_follows_the_date(void **state)
{
	(void)state;
	setenv("OVTTAS_TODAY", "2021-06-01", 1);
	json_t *j = status_json(NULL);
	json_t *p = json_object_get(j, "programme");
	assert_int_equal(json_integer_value(json_object_get(p,
							    "current_stage")),
			 1);
	assert_string_equal(json_string_value(json_object_get(j, "date")),
			    "2021-06-01");
	json_decref(j);
	setenv("OVTTAS_TODAY", "2026-11-26", 1);
	j = status_json(NULL);
	p = json_object_get(j, "programme");
	assert_int_equal(json_integer_value(json_object_get(p,
							    "current_stage")),
			 3);
	json_decref(j);
	unsetenv("OVTTAS_TODAY");
}

/* The sick leave of the last three full months before the date. */
static void test_sick_leave(void **state)
{
	(void)state;
	setenv("OVTTAS_TODAY", "2026-12-07", 1);
	json_t *j = status_json(NULL);
	json_t *ms = json_object_get(j, "municipalities");
	for (size_t i = 0; i < 2; i++) {
		json_t *sl = json_object_get(json_array_get(ms, i),
					     "sick_leave");
		assert_non_null(sl);
		assert_string_equal(json_string_value(json_object_get(sl,
								      "from")),
				    "2026-09-01");
		assert_string_equal(json_string_value(json_object_get(sl,
								      "to")),
				    "2026-11-30");
		json_int_t p = json_integer_value(
			json_object_get(sl, "permille"));
		json_int_t self = json_integer_value(
			json_object_get(sl, "self_certified_permille"));
		json_int_t doc = json_integer_value(
			json_object_get(sl, "doctor_certified_permille"));
		assert_in_range(p, 40, 120);
		assert_in_range(self + doc, p - 1, p + 1);
		assert_true(json_integer_value(json_object_get(
				    sl, "employees_absent")) > 0);
	}
	json_decref(j);
	run_result r = run_cli("--db", demo_db(), "--lang", "en", "status",
			       NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Sick leave (last 3 months)"));
	assert_true(contains(r.out, "Sick leave: September–November 2026"));
	run_free(&r);

	/* Across the new year; before the demo's data: 0 and "–". */
	setenv("OVTTAS_TODAY", "2021-02-10", 1);
	j = status_json(NULL);
	json_t *sl = json_object_get(
		json_array_get(json_object_get(j, "municipalities"), 0),
		"sick_leave");
	assert_string_equal(json_string_value(json_object_get(sl, "from")),
			    "2020-11-01");
	assert_string_equal(json_string_value(json_object_get(sl, "to")),
			    "2021-01-31");
	assert_int_equal(json_integer_value(json_object_get(sl, "permille")),
			 0);
	assert_int_equal(json_integer_value(json_object_get(
				 sl, "employees_absent")),
			 0);
	json_decref(j);
	r = run_cli("--db", demo_db(), "--lang", "en", "status", NULL);
	assert_int_equal(r.code, 0);
	const char *row = strstr(r.out, "Sick leave (last 3 months)");
	assert_non_null(row);
	const char *eol = strchr(row, '\n');
	assert_true(contains(row, "–") && strstr(row, "–") < eol);
	assert_true(contains(r.out,
			     "Sick leave: November 2020–January 2021"));
	run_free(&r);
	unsetenv("OVTTAS_TODAY");
}

static void test_errors(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "status", "--municipality",
			       "Oslo", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "Oslo"));
	assert_true(contains(r.err, "--municipality"));
	run_free(&r);
	r = run_cli("--db", demo_db(), "status", "--municipality", NULL);
	assert_int_equal(r.code, 1);
	run_free(&r);

	/* A database without the demo has nothing to show yet. */
	char *dir = tmp_dir(), *p = path_join(dir, "empty.db");
	r = run_cli("--db", p, "init", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	r = run_cli("--db", p, "status", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "init --demo"));
	run_free(&r);
	rm_rf(dir);
	free(p);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overview_shows_both),
		cmocka_unit_test(test_json_figures_are_consistent),
		cmocka_unit_test(test_one_municipality),
		cmocka_unit_test(test_stage_follows_the_date),
		cmocka_unit_test(test_sick_leave),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
