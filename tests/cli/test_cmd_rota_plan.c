/*
 * test_cmd_rota_plan.c - `ovttas rota plan` and `ovttas rota heltid` on a
 * copy of the demo database (the plan is stored, the report printed and
 * as JSON), their errors, and the figures behind them (staff_report.c):
 * cost and coverage of a hand-made roster, the spreading of a budget.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "staffing/staff.h"
#include "support/support.h"

/* A demo round-the-clock unit (Kautokeino's omsorgsboliger, the
 * smallest) and a Monday. */
#define UNIT "4030"
#define MONDAY "2026-01-05"

/* Fails unless every employee of plan_id is named in text. */
static void assert_names_shown(const char *path, int64_t plan_id,
			       const char *text)
{
	db *d;
	ov_err e;
	db_stmt *st;
	assert_int_equal(db_open(path, DB_READ, &d, &e), OV_OK);
	assert_int_equal(db_prepare(d,
				    "SELECT given_name || ' ' || family_name "
				    "FROM rota_plan_employee p JOIN employee "
				    "x ON x.id = p.employee_id WHERE "
				    "p.plan_id = $1",
				    &st, &e),
			 OV_OK);
	db_bind_int(st, 1, plan_id);
	int n = 0;
	while (db_step(st, &e) == 1) {
		const char *name = db_col_text(st, 0);
		if (!contains(text, name))
			fail_msg("%s is not in the report", name);
		n++;
	}
	db_finalize(st);
	db_close(d);
	assert_true(n > 3);
}

static void test_plan(void **state)
{
	(void)state;
	copy_db c = demo_copy();
	run_result r = run_cli("--db", c.path, "rota", "plan", "--unit", UNIT,
			       "--from", MONDAY, "--weeks", "2", "--seconds",
			       "1", NULL);
	assert_int_equal(r.code, 0);
	/* progress on stderr, the report on stdout */
	assert_true(contains(r.err, " s "));
	assert_true(contains(r.out, UNIT " Omsorgsboligene"));
	assert_true(contains(r.out, "2026-01-05"));
	assert_true(contains(r.out, "2026-01-18"));
	assert_true(contains(r.out, "Plan 1 "));
	assert_true(contains(r.out, "17–21"));
	assert_true(contains(r.out, "300 kr"));
	assert_int_equal(sql_int_at(c.path, "SELECT count(*) FROM rota_plan"),
			 1);
	int64_t emps = sql_int_at(c.path, "SELECT count(*) FROM "
					  "rota_plan_employee WHERE "
					  "plan_id = 1");
	assert_true(emps > 3);
	assert_int_equal(sql_int_at(c.path,
				    "SELECT count(*) FROM rota_assignment "
				    "WHERE plan_id = 1"),
			 emps * 14);
	assert_names_shown(c.path, 1, r.out);
	run_free(&r);

	/* the same as JSON: plan 2, with the figures adding up */
	r = run_cli("--db", c.path, "--json", "rota", "plan", "--unit", UNIT,
		    "--from", MONDAY, "--weeks", "2", "--seconds", "1",
		    "--quiet", "--seed", "7", NULL);
	assert_int_equal(r.code, 0);
	assert_string_equal(r.err, "");
	json_t *j = parse_json(r.out);
	assert_int_equal(json_integer_value(json_object_get(j, "plan_id")), 2);
	assert_int_equal(json_integer_value(json_object_get(j, "seed")), 7);
	assert_true(json_is_boolean(json_object_get(j, "feasible")));
	assert_true(json_is_integer(json_object_get(j, "objective")));
	assert_true(json_is_array(json_object_get(j, "violations")));
	assert_true(json_is_array(json_object_get(j, "short_days")));
	json_t *cov = json_object_get(j, "coverage");
	assert_true(json_array_size(cov) >= 4);
	size_t i;
	json_t *x;
	json_array_foreach(cov, i, x) {
		json_int_t need = json_integer_value(
			json_object_get(x, "days_needed"));
		json_int_t met =
			json_integer_value(json_object_get(x, "days_met"));
		assert_true(met >= 0 && met <= need && need <= 14);
		assert_non_null(json_string_value(json_object_get(x, "skill")));
	}
	json_t *emp = json_object_get(j, "employees");
	assert_int_equal(json_array_size(emp),
			 sql_int_at(c.path, "SELECT count(*) FROM "
					    "rota_plan_employee WHERE "
					    "plan_id = 2"));
	json_int_t cost = 0, shifts = 0;
	json_array_foreach(emp, i, x) {
		cost += json_integer_value(json_object_get(x, "cost_ore"));
		shifts += json_integer_value(json_object_get(x, "shift_count"));
		json_int_t fte =
			json_integer_value(json_object_get(x, "fte_bp"));
		assert_true(fte > 0 && fte <= 10000);
	}
	assert_true(cost > 0);
	assert_int_equal(cost,
			 json_integer_value(json_object_get(j, "cost_ore")));
	assert_int_equal(shifts,
			 sql_int_at(c.path, "SELECT count(*) FROM "
					    "rota_assignment WHERE plan_id = "
					    "2 AND shift_type_id IS NOT "
					    "NULL"));
	json_int_t share = json_integer_value(
		json_object_get(j, "fulltime_share_permille"));
	assert_true(share >= 0 && share <= 1000);
	json_decref(j);
	run_free(&r);
	assert_int_equal(sql_int_at(c.path, "SELECT count(*) FROM rota_plan"),
			 2);
	copy_free(&c);
}

/* Runs a `rota plan` that must fail with exit 1 and a message naming
 * `what`, and checks nothing was stored. */
static void plan_fails(const char *path, const char *what, const char *unit,
		       const char *from, const char *weeks,
		       const char *seconds)
{
	run_result r = run_cli("--db", path, "rota", "plan", "--unit", unit,
			       "--from", from, "--weeks", weeks, "--seconds",
			       seconds, "--quiet", NULL);
	if (r.code != 1 || !contains(r.err, what))
		fail_msg("expected exit 1 naming %s, got %d: %s", what, r.code,
			 r.err);
	assert_string_equal(r.out, "");
	run_free(&r);
	assert_int_equal(sql_int_at(path, "SELECT count(*) FROM rota_plan"), 0);
	assert_int_equal(
		sql_int_at(path, "SELECT count(*) FROM rota_assignment"), 0);
}

static void test_plan_errors(void **state)
{
	(void)state;
	copy_db c = demo_copy();
	plan_fails(c.path, "--from", UNIT, "2026-01-06", "2", "1");
	plan_fails(c.path, "2026-01-05", UNIT, "2026-01-06", "2", "1");
	plan_fails(c.path, "--from", UNIT, "5 January", "2", "1");
	plan_fails(c.path, "--from", UNIT, "2026-02-30", "2", "1");
	plan_fails(c.path, "--weeks", UNIT, MONDAY, "0", "1");
	plan_fails(c.path, "--weeks", UNIT, MONDAY, "53", "1");
	plan_fails(c.path, "--seconds", UNIT, MONDAY, "2", "0");
	plan_fails(c.path, "--seconds", UNIT, MONDAY, "2", "3601");
	plan_fails(c.path, "--unit", "Nowhere", MONDAY, "2", "1");
	plan_fails(c.path, "Nowhere", "Nowhere", MONDAY, "2", "1");
	/* a school has no shift types: staff_build_problem says so */
	plan_fails(c.path, "shift_type", "2100", MONDAY, "2", "1");
	plan_fails(c.path, "2100", "2100", MONDAY, "2", "1");

	run_result r = run_cli("--db", c.path, "rota", "plan", "--from",
			       MONDAY, NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--unit"));
	run_free(&r);
	r = run_cli("--db", c.path, "rota", "plan", "--unit", UNIT, NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--from"));
	run_free(&r);
	r = run_cli("--db", c.path, "--json", "rota", "plan", "--unit", "2100",
		    "--from", MONDAY, NULL);
	assert_int_equal(r.code, 1);
	assert_error_field(r.err, "shift_type");
	run_free(&r);
	assert_int_equal(sql_int_at(c.path, "SELECT count(*) FROM rota_plan"),
			 0);
	copy_free(&c);
}

static void test_heltid(void **state)
{
	(void)state;
	/* heltid only reads: the shared demo database will do */
	run_result r = run_cli("--db", demo_db(), "--json", "rota", "heltid",
			       "--unit", UNIT, "--from", MONDAY, "--weeks",
			       "2", "--seconds", "1", "--quiet", NULL);
	assert_int_equal(r.code, 0);
	json_t *j = parse_json(r.out);
	assert_true(json_is_array(j));
	size_t n = json_array_size(j);
	assert_true(n >= 2 && n <= 8);
	json_int_t last = -1, posts0 = 0;
	size_t i;
	json_t *v;
	json_array_foreach(j, i, v) {
		json_int_t ft =
			json_integer_value(json_object_get(v, "fulltime"));
		json_int_t posts =
			json_integer_value(json_object_get(v, "posts"));
		json_int_t vacant =
			json_integer_value(json_object_get(v, "vacant"));
		assert_true(ft >= last);
		assert_true(ft <= posts);
		if (i == 0) {
			posts0 = posts;
			assert_int_equal(vacant, 0);
		}
		assert_int_equal(posts + vacant, posts0);
		assert_true(json_integer_value(json_object_get(v, "cost_ore")) >
			    0);
		assert_true(json_is_integer(json_object_get(v, "missing")));
		last = ft;
	}
	json_decref(j);
	run_free(&r);

	/* text: one row per variant; default --from is a Monday after
	 * OVTTAS_TODAY; nothing is stored */
	setenv("OVTTAS_TODAY", "2026-01-07", 1);
	r = run_cli("--db", demo_db(), "rota", "heltid", "--unit", UNIT,
		    "--weeks", "1", "--seconds", "1", NULL);
	unsetenv("OVTTAS_TODAY");
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, UNIT " Omsorgsboligene"));
	assert_true(contains(r.out, "2026-01-12"));
	assert_true(contains(r.out, "2026-01-18"));
	assert_true(contains(r.out, "20 %"));
	assert_true(contains(r.err, "1 "));
	run_free(&r);
	assert_int_equal(
		sql_int_at(demo_db(), "SELECT count(*) FROM rota_plan"), 0);

	r = run_cli("--db", demo_db(), "rota", "heltid", "--unit", UNIT,
		    "--from", "2026-01-07", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--from"));
	run_free(&r);
	r = run_cli("--db", demo_db(), "rota", "heltid", "--unit", "6600",
		    NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "6600"));
	run_free(&r);
	r = run_cli("--db", demo_db(), "rota", "heltid", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--unit"));
	run_free(&r);
}

/* A one-week map of one nurse and a night shift 22:00-07:45. */
static staff_map *night_map(void)
{
	staff_map *m = calloc(1, sizeof *m);
	assert_non_null(m);
	m->unit_id = 1;
	m->from_day = ov_date_from_ymd(2026, 1, 5); /* a Monday, no holiday */
	m->weeks = 1;
	m->n_days = 7;
	m->n_employees = 1;
	m->employees = calloc(1, sizeof *m->employees);
	m->n_shifts = 1;
	m->shifts = calloc(1, sizeof *m->shifts);
	assert_non_null(m->employees);
	assert_non_null(m->shifts);
	strcpy(m->employees[0].employee_no, "1");
	strcpy(m->employees[0].competence, "nurse");
	m->employees[0].skills = ROTA_SKILL_NURSE | ROTA_SKILL_HEALTH;
	m->employees[0].fte_bp = 10000;
	m->employees[0].target_minutes = STAFF_WEEK_MINUTES;
	m->shifts[0].id = 42;
	strcpy(m->shifts[0].code, "N");
	m->shifts[0].start_min = 22 * 60;
	m->shifts[0].length_min = 585;
	return m;
}

static void test_summary(void **state)
{
	(void)state;
	staff_map *m = night_map();
	staff_need need = {.weekday = 5, .shift_type_id = 42,
			   .min_count = 1, .preferred_count = 2};
	strcpy(need.skill, STAFF_SKILL_ANY);
	rota_roster *r = rota_roster_new(1, 7);
	assert_non_null(r);
	r->assign[5] = 0; /* Saturday night into Sunday */
	staff_rota_summary s;
	ov_err e;
	assert_int_equal(staff_rota_summarize(m, &need, 1, r, &s, &e), OV_OK);
	assert_int_equal(s.employees[0].minutes, 585);
	assert_int_equal(s.employees[0].evening_minutes, 0);
	assert_int_equal(s.employees[0].night_minutes, 480);
	assert_int_equal(s.employees[0].weekend_minutes, 585);
	assert_int_equal(s.employees[0].weekends, 1);
	assert_int_equal(s.cost.wages, OV_KR(2925));
	assert_int_equal(s.cost.night, OV_KR(480));
	assert_int_equal(s.cost.weekend, OV_KR(585));
	assert_int_equal(s.cost.total, OV_KR(3990));
	assert_int_equal(s.n_cover, 1);
	assert_int_equal(s.cover[0].days_needed, 1);
	assert_int_equal(s.cover[0].days_met, 1);
	assert_int_equal(s.cover[0].preferred_missing, 1);
	assert_int_equal(s.n_short, 0);
	assert_int_equal(s.fulltime_permille, 1000);
	staff_rota_summary_clear(&s);

	/* Friday's evening 17-21 and a Saturday without anyone */
	r->assign[5] = ROTA_OFF;
	r->assign[4] = 0;
	m->shifts[0].start_min = 15 * 60;
	m->shifts[0].length_min = 450;
	assert_int_equal(staff_rota_summarize(m, &need, 1, r, &s, &e), OV_OK);
	assert_int_equal(s.employees[0].evening_minutes, 240);
	assert_int_equal(s.employees[0].night_minutes, 90);
	assert_int_equal(s.employees[0].weekend_minutes, 0);
	assert_int_equal(s.employees[0].weekends, 0);
	assert_int_equal(s.missing, 1);
	assert_int_equal(s.n_short, 1);
	assert_int_equal(s.shorts[0].day, 5);
	assert_int_equal(s.shorts[0].have, 0);
	staff_rota_summary_clear(&s);

	r->assign[4] = 3; /* not a shift */
	assert_int_equal(staff_rota_summarize(m, &need, 1, r, &s, &e),
			 OV_E_INPUT);
	staff_rota_summary_clear(&s);
	rota_roster_free(r);
	staff_map_free(m);
}

static void test_spread(void **state)
{
	(void)state;
	static const int now[] = {8000, 10000, 5000, 3000, 2000};
	staff_map m = {0};
	staff_map_employee emp[5];
	memset(emp, 0, sizeof emp);
	for (int i = 0; i < 5; i++)
		emp[i].fte_bp = now[i];
	m.employees = emp;
	m.n_employees = 5;
	int fte[5];
	/* today's full-time count gives today's posts */
	assert_int_equal(staff_fulltime_spread(&m, 1, fte), 0);
	assert_memory_equal(fte, now, sizeof fte);
	/* two full time: 8000 over 5000, 3000, 2000 leaves the smallest
	 * below 20 %, so it goes and the others keep their size */
	assert_int_equal(staff_fulltime_spread(&m, 2, fte), 0);
	static const int two[] = {10000, 10000, 5000, 3000, 0};
	assert_memory_equal(fte, two, sizeof fte);
	/* 28 000 bp do not make three full-time posts */
	assert_int_equal(staff_fulltime_spread(&m, 3, fte), -1);
	emp[4].fte_bp = 4000; /* budget 30 000: 3 at 100 %, the rest vacant */
	assert_int_equal(staff_fulltime_spread(&m, 3, fte), 0);
	static const int three[] = {10000, 10000, 10000, 0, 0};
	assert_memory_equal(fte, three, sizeof fte);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan),
		cmocka_unit_test(test_plan_errors),
		cmocka_unit_test(test_heltid),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_spread),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
