/*
 * test_cmd_routes_replan.c - `ovttas routes replan` after a cancelled
 * visit (which stays cancelled through later changes), an added one, a
 * caregiver who starts late, and the usage errors, on a copy of the
 * demo database with a stored home-care rota and day.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "support/support.h"

#define DAY "2027-01-06"

static int setup(void **state)
{
	copy_db *c = malloc(sizeof *c);
	*c = demo_copy();
	run_result r = run_cli("--db", c->path, "rota", "plan", "--unit",
			       "3100", "--from", "2027-01-04", "--weeks", "1",
			       "--seconds", "1", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	r = run_cli("--db", c->path, "routes", "plan", "--municipality",
		    "karasjok", "--date", DAY, "--seconds", "1", "--quiet",
		    NULL);
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

static json_t *show(const copy_db *c)
{
	run_result r = run_cli("--db", c->path, "--json", "routes", "show",
			       "--municipality", "karasjok", "--date", DAY,
			       NULL);
	assert_int_equal(r.code, 0);
	json_t *j = parse_json(r.out);
	run_free(&r);
	return j;
}

static json_t *replan(const copy_db *c, const char *opt, const char *val,
		      const char *opt2, const char *val2)
{
	run_result r = run_cli("--db", c->path, "--json", "routes", "replan",
			       "--municipality", "karasjok", "--date", DAY,
			       "--seconds", "1", "--quiet", opt, val, opt2,
			       val2, NULL);
	if (r.code)
		fail_msg("replan %s %s: %s", opt, val, r.err);
	json_t *j = parse_json(r.out);
	run_free(&r);
	return j;
}

/* How often recipient `code` is on the day (stops and unserved). */
static int times_listed(json_t *day, const char *code)
{
	int n = 0;
	size_t i, k;
	json_t *l, *s;
	json_array_foreach(json_object_get(day, "caregivers"), i, l)
		json_array_foreach(json_object_get(l, "stops"), k, s)
			n += !strcmp(json_string_value(json_object_get(
					     s, "recipient")),
				     code);
	json_array_foreach(json_object_get(day, "unserved"), i, s)
		n += !strcmp(json_string_value(json_object_get(s, "recipient")),
			     code);
	return n;
}

static const char *ival_s(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

static void test_cancel_add_late(void **state)
{
	copy_db *c = *state;
	json_t *day = show(c);
	json_t *first = json_array_get(json_object_get(day, "caregivers"), 0);
	json_t *stop = json_array_get(json_object_get(first, "stops"), 0);
	char code[16], task[32], cg[16];
	snprintf(code, sizeof code, "%s", ival_s(stop, "recipient"));
	snprintf(task, sizeof task, "%s", ival_s(stop, "task"));
	snprintf(cg, sizeof cg, "%s", ival_s(first, "employee_no"));
	assert_true(times_listed(day, code) > 0);
	json_decref(day);

	/* the recipient is in hospital today: every visit of theirs goes */
	json_t *j = replan(c, "--cancel", code, NULL, NULL);
	assert_true(json_integer_value(json_object_get(j, "cancelled")) >= 1);
	json_decref(j);
	day = show(c);
	assert_int_equal(times_listed(day, code), 0);
	json_decref(day);

	/* a later change leaves them cancelled */
	j = replan(c, "--late", cg, "--minutes", "30");
	assert_int_equal(json_integer_value(json_object_get(j, "cancelled")),
			 0);
	json_decref(j);
	day = show(c);
	assert_int_equal(times_listed(day, code), 0);
	/* the late one starts 30 minutes later and nothing on the list
	 * begins before that */
	size_t i, k;
	json_t *l, *s;
	int found = 0;
	json_array_foreach(json_object_get(day, "caregivers"), i, l) {
		if (strcmp(ival_s(l, "employee_no"), cg))
			continue;
		found = 1;
		const char *start = ival_s(l, "start");
		assert_string_equal(start, "08:00"); /* D 07:30 + 30 */
		json_array_foreach(json_object_get(l, "stops"), k, s)
			assert_true(strcmp(ival_s(s, "start"), start) >= 0);
	}
	assert_true(found);
	json_decref(day);

	/* back home: the one task is added again */
	char what[64];
	snprintf(what, sizeof what, "%s:%s", code, task);
	j = replan(c, "--add", what, NULL, NULL);
	char want[80];
	snprintf(want, sizeof want, "add:%s", what);
	assert_string_equal(ival_s(j, "reason"), want);
	json_decref(j);
	day = show(c);
	assert_true(times_listed(day, code) >= 1);
	json_decref(day);

	/* the later change kept the late start */
	day = show(c);
	json_array_foreach(json_object_get(day, "caregivers"), i, l)
		if (!strcmp(ival_s(l, "employee_no"), cg))
			assert_string_equal(ival_s(l, "start"), "08:00");
	json_decref(day);
	/* adding it again: it is already due */
	run_result r = run_cli("--db", c->path, "routes", "replan",
			       "--municipality", "karasjok", "--date", DAY,
			       "--add", what, "--quiet", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--add"));
	run_free(&r);

	/* someone sent home stays home through the next change */
	j = replan(c, "--sick", cg, NULL, NULL);
	json_decref(j);
	j = replan(c, "--cancel", code, NULL, NULL);
	json_decref(j);
	day = show(c);
	json_array_foreach(json_object_get(day, "caregivers"), i, l)
		assert_string_not_equal(ival_s(l, "employee_no"), cg);
	json_decref(day);
}

static void test_usage(void **state)
{
	copy_db *c = *state;
	int64_t before = sql_int_at(c->path, "SELECT count(*) FROM route_plan");
	/* no change, two changes, late without minutes */
	const char *bad[][4] = {
		{"--quiet", NULL, NULL, NULL},
		{"--sick", "1", "--cancel", "K-001"},
		{"--late", "1", NULL, NULL},
		{"--cancel", "K-999", NULL, NULL},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		run_result r = run_cli("--db", c->path, "routes", "replan",
				       "--municipality", "karasjok", "--date",
				       DAY, bad[i][0], bad[i][1], bad[i][2],
				       bad[i][3], NULL);
		assert_int_equal(r.code, 1);
		run_free(&r);
	}
	assert_int_equal(sql_int_at(c->path, "SELECT count(*) FROM route_plan"),
			 before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_usage),
		cmocka_unit_test(test_cancel_add_late),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
