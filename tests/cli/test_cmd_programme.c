/*
 * test_cmd_programme.c - `ovttas programme show`: the report in Bokmål
 * and Northern Sámi, --stage limiting the measures, --json, and the
 * usage and missing-data errors.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "support/support.h"

/* A measure of each stage in sub-project HO (texts only used once). */
#define STAGE1 "Avklare ansvar og delegering i linjen for ledergruppen"
#define STAGE2 "Etablere faste pasientruter og lister i hjemmetjenesten"
#define STAGE3 "Tilpasse tjenestenivået til den økende andelen eldre"

static void test_report_nb(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "programme", "show", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Framtidens Karasjok"));
	assert_true(contains(r.out, "BASIS"));
	assert_true(contains(r.out, "NY GIV"));
	assert_true(contains(r.out, "BESTE PRAKSIS"));
	assert_true(contains(r.out, "Organisasjonsklarhet"));
	assert_true(contains(r.out, "etablert heltidskultur"));
	assert_true(contains(r.out, STAGE1));
	assert_true(contains(r.out, STAGE3));
	assert_true(contains(r.out, "Felles teknisk vakt"));
	assert_true(contains(r.out, "Eldrerådet"));
	assert_string_equal(r.err, "");
	run_free(&r);
}

static void test_report_se(void **state)
{
	(void)state;
	run_result nb = run_cli("--db", demo_db(), "programme", "show", NULL);
	run_result se = run_cli("--db", demo_db(), "--lang", "se", "programme",
				"show", NULL);
	assert_int_equal(se.code, 0);
	assert_true(contains(se.out, "Boahtteáiggi Kárášjohka"));
	assert_true(contains(se.out, "ollesáiggekultuvra"));
	assert_true(contains(se.out, "Oktasaš teknihkalaš vákta"));
	assert_false(contains(se.out, "etablert heltidskultur"));
	assert_true(strcmp(nb.out, se.out) != 0);
	run_free(&nb);
	run_free(&se);
}

static void test_stage_filter(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "programme", "show",
			       "--stage", "2", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, STAGE2));
	assert_false(contains(r.out, STAGE1));
	assert_false(contains(r.out, STAGE3));
	/* Goals and groups are not filtered. */
	assert_true(contains(r.out, "etablert heltidskultur"));
	assert_true(contains(r.out, "Felles teknisk vakt"));
	run_free(&r);

	r = run_cli("--db", demo_db(), "--json", "programme", "show",
		    "--stage=2", NULL);
	assert_int_equal(r.code, 0);
	json_error_t je;
	json_t *j = json_loads(r.out, 0, &je);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j, "stage_filter")),
			 2);
	size_t i, k, n = 0;
	json_t *sp, *m;
	json_array_foreach(json_object_get(j, "subprojects"), i, sp)
	{
		json_array_foreach(json_object_get(sp, "measures"), k, m)
		{
			assert_int_equal(
				json_integer_value(json_object_get(m, "stage")),
				2);
			n++;
		}
	}
	assert_true(n >= 4);
	json_decref(j);
	run_free(&r);
}

static void test_bad_stage(void **state)
{
	(void)state;
	static const char *const bad[] = {"9", "x", "0", "2x", ""};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		run_result r = run_cli("--db", demo_db(), "programme", "show",
				       "--stage", bad[i], NULL);
		assert_int_equal(r.code, 1);
		assert_true(contains(r.err, "--stage"));
		assert_string_equal(r.out, "");
		run_free(&r);
	}
	run_result r = run_cli("--db", demo_db(), "programme", "show",
			       "--stage", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--stage"));
	run_free(&r);
}

static void test_json(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "--json", "programme",
			       "show", NULL);
	assert_int_equal(r.code, 0);
	json_error_t je;
	json_t *j = json_loads(r.out, 0, &je);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "code")),
			    "FK");
	assert_string_equal(json_string_value(json_object_get(j, "name_nb")),
			    "Framtidens Karasjok");
	assert_true(json_is_null(json_object_get(j, "stage_filter")));
	assert_int_equal(json_array_size(json_object_get(j, "stages")), 3);
	assert_int_equal(json_array_size(json_object_get(j, "challenges")), 4);
	json_t *subs = json_object_get(j, "subprojects");
	assert_int_equal(json_array_size(subs), 4);
	json_t *ho = json_array_get(subs, 0);
	assert_int_equal(json_array_size(json_object_get(ho, "effect_goals")),
			 10);
	assert_true(json_array_size(json_object_get(ho, "measures")) > 5);
	json_t *groups = json_object_get(j, "groups");
	assert_true(json_array_size(groups) >= 13);
	json_t *g0 = json_array_get(groups, 0);
	assert_string_equal(json_string_value(json_object_get(g0, "kind")),
			    "working");
	assert_int_equal(
		json_integer_value(json_object_get(g0, "member_count")),
		json_array_size(json_object_get(g0, "members")));
	json_decref(j);
	run_free(&r);
}

static void test_usage_and_missing_data(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "programme", "show",
			       "--bogus", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--bogus"));
	run_free(&r);

	r = run_cli("--db", demo_db(), "programme", "show", "extra", NULL);
	assert_int_equal(r.code, 1);
	run_free(&r);

	r = run_cli("--db", demo_db(), "programme", "show", "--help", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "--stage"));
	run_free(&r);

	char *dir = tmp_dir();
	char *path = path_join(dir, "none.db");
	r = run_cli("--db", path, "programme", "show", NULL);
	assert_int_equal(r.code, 1);
	assert_true(strlen(r.err) > 0);
	assert_string_equal(r.out, "");
	run_free(&r);

	/* A database without a programme. */
	r = run_cli("--db", path, "init", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	r = run_cli("--db", path, "programme", "show", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "init --demo"));
	run_free(&r);
	r = run_cli("--db", path, "--json", "programme", "show", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "OV_E_NOTFOUND"));
	run_free(&r);
	rm_rf(dir);
	free(path);
	free(dir);
}

/* The current stage follows OVTTAS_TODAY, as in `status`. */
static void test_current_stage_follows_the_date(void **state)
{
	(void)state;
	const char *dates[] = {"2021-06-01", "2023-03-15", "2026-11-26"};
	const char *want[] = {"\"current_stage\": 1", "\"current_stage\": 2",
			      "\"current_stage\": 3"};
	for (int i = 0; i < 3; i++) {
		setenv("OVTTAS_TODAY", dates[i], 1);
		run_result r = run_cli("--db", demo_db(), "--json", "programme",
				       "show", NULL);
		assert_int_equal(r.code, 0);
		if (!contains(r.out, want[i]))
			fail_msg("%s: no %s", dates[i], want[i]);
		run_free(&r);
	}
	unsetenv("OVTTAS_TODAY");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_current_stage_follows_the_date),
		cmocka_unit_test(test_report_nb),
		cmocka_unit_test(test_report_se),
		cmocka_unit_test(test_stage_filter),
		cmocka_unit_test(test_bad_stage),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_usage_and_missing_data),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
