/*
 * test_cmd_routes_plan.c - `ovttas routes plan`, `show` and `replan` on
 * a copy of the demo database with a stored home-care rota: the lists
 * printed and as JSON, a sick call that moves only the sick caregiver's
 * visits, and the errors (missing options, no rota, nothing planned,
 * someone not on the lists) with their exit codes and nothing stored.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/support.h"

#define UNIT "3100" /* Karasjok's Hjemmetjenesten */
#define DAY "2027-01-06"

static int setup(void **state)
{
	copy_db *c = malloc(sizeof *c);
	*c = demo_copy();
	run_result r = run_cli("--db", c->path, "rota", "plan", "--unit",
			       UNIT, "--from", "2027-01-04", "--weeks", "1",
			       "--seconds", "1", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	copy_db *c = *state;
	copy_free(c);
	free(c);
	return 0;
}

static json_t *json_run(const char *path, const char *a, const char *b,
			const char *c, const char *d)
{
	run_result r = run_cli("--db", path, "--json", "routes", a,
			       "--municipality", "karasjok", "--date", DAY, b,
			       c, d, NULL);
	if (r.code)
		fail_msg("routes %s: %s", a, r.err);
	json_t *j = parse_json(r.out);
	run_free(&r);
	return j;
}

static void test_errors(void **state)
{
	copy_db *c = *state;
	int64_t before = sql_int_at(c->path, "SELECT count(*) FROM route_plan");
	/* no --date */
	run_result r = run_cli("--db", c->path, "--lang", "en", "routes",
			       "plan", "--municipality", "karasjok", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--date"));
	run_free(&r);
	/* a day no rota covers: says how to make one */
	r = run_cli("--db", c->path, "--lang", "en", "routes", "plan",
		    "--municipality", "karasjok", "--date", "2027-03-01",
		    "--quiet", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "rota plan"));
	run_free(&r);
	/* the shift must be day or evening */
	r = run_cli("--db", c->path, "routes", "plan", "--municipality",
		    "karasjok", "--date", DAY, "--shift", "night", NULL);
	assert_int_equal(r.code, 1);
	run_free(&r);
	/* a travel file with a bad line: named, nothing stored */
	char *dir = tmp_dir(), *csv = path_join(dir, "travel.csv");
	FILE *f = fopen(csv, "w");
	fputs("from,to,minutes\noffice,K-001,twenty\n", f);
	fclose(f);
	r = run_cli("--db", c->path, "--lang", "en", "routes", "plan",
		    "--municipality", "karasjok", "--date", DAY, "--travel",
		    csv, "--seconds", "1", "--quiet", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "travel.csv:2"));
	assert_true(contains(r.err, "minutes"));
	run_free(&r);
	rm_rf(dir);
	free(csv);
	free(dir);
	/* nothing planned for that day yet */
	r = run_cli("--db", c->path, "--lang", "en", "routes", "show",
		    "--municipality", "karasjok", "--date", "2027-01-09", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "routes plan"));
	run_free(&r);
	assert_int_equal(sql_int_at(c->path, "SELECT count(*) FROM route_plan"),
			 before);
}

static void test_plan_show_replan(void **state)
{
	copy_db *c = *state;
	run_result r = run_cli("--db", c->path, "--lang", "en", "routes",
			       "plan", "--municipality", "karasjok", "--date",
			       DAY, "--seconds", "1", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Home-care routes, Karasjok, " DAY
				    ", day shift"));
	assert_true(contains(r.out, "Total: "));
	assert_true(contains(r.out, "D 07:30-15:30"));
	run_free(&r);

	/* the same lists as JSON: every due visit is on a list or unserved */
	json_t *j = json_run(c->path, "show", NULL, NULL, NULL);
	json_t *lists = json_object_get(j, "caregivers");
	size_t n = json_array_size(lists), i, k;
	assert_true(n >= 3);
	json_int_t served = 0;
	json_t *l, *s;
	json_array_foreach(lists, i, l)
		json_array_foreach(json_object_get(l, "stops"), k, s)
			served += !json_integer_value(json_object_get(s, "part"));
	assert_int_equal(served,
			 json_integer_value(json_object_get(j, "visits")));
	int64_t due = sql_int_at(
		c->path, "SELECT count(*) FROM visit_request v JOIN "
			 "care_recipient r ON r.id = v.recipient_id JOIN "
			 "municipality m ON m.id = r.municipality_id WHERE "
			 "m.code = '5610' AND substr(v.weekdays, 3, 1) = '1' AND "
			 "v.window_start < 900");
	assert_int_equal(served + (json_int_t)json_array_size(json_object_get(
					  j, "unserved")),
			 due);
	/* the caregiver with the most visits calls in sick */
	const char *sick = NULL;
	size_t most = 0;
	json_array_foreach(lists, i, l) {
		size_t m = json_array_size(json_object_get(l, "stops"));
		if (m > most) {
			most = m;
			sick = json_string_value(
				json_object_get(l, "employee_no"));
		}
	}
	assert_true(most > 0);
	char sick_no[16];
	snprintf(sick_no, sizeof sick_no, "%s", sick);
	json_int_t old_plan = json_integer_value(json_object_get(j, "plan"));
	json_decref(j);

	/* one list: that caregiver's */
	r = run_cli("--db", c->path, "routes", "show", "--municipality",
		    "karasjok", "--date", DAY, "--caregiver", sick_no, NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, sick_no));
	run_free(&r);

	j = json_run(c->path, "replan", "--sick", sick_no, "--quiet");
	assert_int_equal(json_integer_value(json_object_get(j, "replaces")),
			 old_plan);
	/* each of the sick one's visits went to someone else or is now
	 * unserved; the changes list has them all */
	json_int_t moved =
		json_integer_value(json_object_get(j, "moved_from_sick"));
	json_int_t lost =
		json_integer_value(json_object_get(j, "no_longer_served"));
	assert_true(moved + lost >= (json_int_t)most);
	json_t *changes = json_object_get(j, "changes");
	size_t of_sick = 0;
	json_array_foreach(changes, k, s)
		of_sick += !strcmp(json_string_value(json_object_get(s, "from")),
				   sick_no);
	assert_int_equal(of_sick, most);
	json_decref(j);

	/* the new lists are current and the sick one is not on them */
	j = json_run(c->path, "show", NULL, NULL, NULL);
	assert_true(json_integer_value(json_object_get(j, "plan")) > old_plan);
	json_array_foreach(json_object_get(j, "caregivers"), i, l)
		assert_string_not_equal(
			json_string_value(json_object_get(l, "employee_no")),
			sick_no);
	json_decref(j);

	/* someone not on the lists cannot be sick from them */
	r = run_cli("--db", c->path, "routes", "replan", "--municipality",
		    "karasjok", "--date", DAY, "--sick", "99999", NULL);
	assert_int_equal(r.code, 1);
	run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_plan_show_replan),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
