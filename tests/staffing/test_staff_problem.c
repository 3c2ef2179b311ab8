/*
 * test_staff_problem.c - the rota problem built for a unit: a demo
 * nursing home gives a valid problem with its rota staff, shifts, law,
 * contracts and cover rows (holidays on Sunday's plan); the fixture's
 * merged posts and skills; and clear errors for a need nobody can meet,
 * a start that is not a Monday, an unknown unit or missing data.
 */
#include "staff_fixture.h"

static db *open_demo(void)
{
	db *d;
	ov_err e;
	assert_int_equal(db_open(demo_db(), DB_READ, &d, &e), OV_OK);
	return d;
}

static ov_day day_of(const char *iso)
{
	ov_day d;
	assert_int_equal(ov_date_parse(iso, &d), 0);
	return d;
}

/* The cover row (day, shift, skills, weight), or NULL. */
static const rota_cover *cover(const rota_problem *p, int day, const char *sh,
			       unsigned skills, int under)
{
	int s = rota_shift_index(p, sh);
	for (int i = 0; i < p->n_cover; i++) {
		const rota_cover *c = &p->cover[i];
		if (c->day == day && c->shift == s && c->skills == skills &&
		    c->under_weight == under)
			return c;
	}
	return NULL;
}

/* The bemanningsplan's count for (weekday, shift, skill). */
static int need_of(db *d, int64_t unit, int wd, const char *sh,
		   const char *skill, int preferred)
{
	staff_need *v;
	size_t n;
	ov_err e;
	assert_int_equal(staff_needs_list(d, unit, &v, &n, &e), OV_OK);
	int r = -1;
	for (size_t i = 0; i < n; i++)
		if (v[i].weekday == wd && !strcmp(v[i].shift_code, sh) &&
		    !strcmp(v[i].skill, skill))
			r = preferred ? v[i].preferred_count : v[i].min_count;
	free(v);
	return r;
}

static void test_demo_nursing_home(void **state)
{
	(void)state;
	db *d = open_demo();
	int64_t unit = fx_unit(d, "3200");
	rota_problem *p;
	staff_map *m;
	ov_err e;
	assert_int_equal(staff_build_problem(d, unit, day_of("2026-01-05"), 6,
					     &p, &m, &e),
			 OV_OK);
	assert_int_equal(rota_problem_validate(p, &e), OV_OK);
	assert_non_null(p->name);
	assert_true(contains(p->name, "3200"));
	assert_int_equal(p->n_days, 42);
	assert_int_equal(m->n_days, 42);

	/* shifts in start order, with § 10-8 (1) successions */
	assert_int_equal(p->n_shifts, 4);
	int D = rota_shift_index(p, "D"), A = rota_shift_index(p, "A"),
	    N = rota_shift_index(p, "N"), L = rota_shift_index(p, "L");
	assert_int_equal(D, 0);
	assert_int_equal(L, 1);
	assert_int_equal(A, 2);
	assert_int_equal(N, 3);
	assert_int_equal(p->shifts[N].category, ROTA_CAT_NIGHT);
	assert_int_equal(p->shifts[L].category, ROTA_CAT_LONG);
	assert_int_equal(p->shifts[L].length, 720);
	assert_true(p->shifts[A].forbidden_next[D]);  /* 9 h rest */
	assert_true(p->shifts[N].forbidden_next[D]);
	assert_true(p->shifts[N].forbidden_next[A]);
	assert_false(p->shifts[N].forbidden_next[N]);
	assert_false(p->shifts[D].forbidden_next[D]);
	assert_false(p->shifts[L].forbidden_next[D]); /* 20:00 -> 07:30 */
	for (int s = 0; s < 4; s++)
		assert_string_equal(p->shifts[s].id, m->shifts[s].code);

	assert_int_equal(p->law.min_daily_rest, 660);
	assert_int_equal(p->law.min_weekly_rest, 2100);
	assert_int_equal(p->law.max_day_minutes, 750);
	assert_int_equal(p->law.max_week_minutes, 3240);
	assert_int_equal(p->law.sunday_rule, ROTA_SUNDAY_AVERAGE);
	assert_int_equal(p->law.night_avg_minutes, 480);

	/* everyone in a post but the leader, once each */
	int64_t staff = sql_int(d,
				"SELECT count(DISTINCT employee_id) FROM "
				"position WHERE unit_id = (SELECT id FROM unit "
				"WHERE ansvar = '3200') AND employee_id IS NOT "
				"NULL AND id <> (SELECT min(id) FROM position "
				"WHERE unit_id = (SELECT id FROM unit WHERE "
				"ansvar = '3200'))");
	assert_int_equal(p->n_employees, staff);
	assert_int_equal(m->n_employees, staff);
	int weekends = p->employees[0].max_weekends;
	assert_true(weekends == 2 || weekends == 3);
	for (int i = 0; i < p->n_employees; i++) {
		const rota_employee *re = &p->employees[i];
		const staff_map_employee *me = &m->employees[i];
		assert_string_equal(re->id, me->employee_no);
		assert_int_equal(me->target_minutes,
				 (me->fte_bp * 2130 * 6 + 5000) / 10000);
		assert_int_equal(re->max_minutes, me->target_minutes + 240);
		assert_int_equal(re->min_minutes,
				 me->target_minutes > 240
					 ? me->target_minutes - 240
					 : 0);
		assert_int_equal(re->fte_permille, me->fte_bp / 10);
		assert_int_equal(re->max_consecutive, 5);
		assert_int_equal(re->min_days_off, 2);
		assert_int_equal(re->min_consecutive,
				 me->fte_bp >= 5000 ? 2 : 1);
		assert_int_equal(re->max_weekends, weekends);
		assert_int_equal(re->max_shifts[N], ROTA_UNLIMITED);
		assert_int_equal(re->skills, me->skills);
		if (!strcmp(me->competence, "nurse"))
			assert_true(re->skills & ROTA_SKILL_NURSE);
		assert_int_equal(!!(re->skills & ROTA_SKILL_SAMI),
				 me->sami_speaker);
	}

	/* Monday 5 January: the plan's rows for Monday */
	const rota_cover *c = cover(p, 0, "D", 0, 1000);
	assert_non_null(c);
	assert_int_equal(c->need, need_of(d, unit, 0, "D", "any", 0));
	c = cover(p, 0, "D", 0, 10);
	assert_non_null(c);
	assert_int_equal(c->need, need_of(d, unit, 0, "D", "any", 1));
	assert_int_equal(c->over_weight, 5);
	c = cover(p, 0, "D", ROTA_SKILL_SAMI, 500);
	assert_non_null(c);
	assert_int_equal(c->need, 1);
	if (need_of(d, unit, 0, "D", "nurse", 0) > 0)
		assert_non_null(cover(p, 0, "D", ROTA_SKILL_NURSE, 1000));
	/* no langvakt on weekdays: putting one on costs */
	c = cover(p, 0, "L", 0, 0);
	assert_non_null(c);
	assert_int_equal(c->need, 0);
	assert_int_equal(c->over_weight, 5);
	/* Saturday 10 January has its langvakt */
	c = cover(p, 5, "L", 0, 1000);
	assert_non_null(c);
	assert_int_equal(c->need, 1);
	staff_map_free(m);
	rota_problem_free(p);
	db_close(d);
}

/* Easter 2026: Maundy Thursday 2 April, Good Friday 3 April and Easter
 * Monday 6 April are staffed as Sundays. */
static void test_holidays_use_sunday_plan(void **state)
{
	(void)state;
	db *d = open_demo();
	int64_t unit = fx_unit(d, "3200");
	rota_problem *p;
	staff_map *m;
	ov_err e;
	assert_int_equal(staff_build_problem(d, unit, day_of("2026-03-30"), 2,
					     &p, &m, &e),
			 OV_OK);
	int sunday = need_of(d, unit, 6, "D", "any", 0),
	    weekday = need_of(d, unit, 0, "D", "any", 0);
	assert_true(sunday < weekday);
	assert_int_equal(cover(p, 0, "D", 0, 1000)->need, weekday);
	assert_int_equal(cover(p, 3, "D", 0, 1000)->need, sunday);
	assert_int_equal(cover(p, 4, "D", 0, 1000)->need, sunday);
	assert_int_equal(cover(p, 7, "D", 0, 1000)->need, sunday);
	assert_int_equal(cover(p, 8, "D", 0, 1000)->need, weekday);
	/* and have the Sunday langvakt */
	assert_non_null(cover(p, 7, "L", 0, 1000));
	staff_map_free(m);
	rota_problem_free(p);
	db_close(d);
}

static void test_fixture_people(void **state)
{
	(void)state;
	scratch_db s = fx_open();
	fx_shifts(s.d, FX_UNIT);
	ov_err e;
	assert_int_equal(
	    staff_need_set(s.d, NULL, FX_UNIT, 0, "D", "any", 2, 3, NULL, &e),
	    OV_OK);
	rota_problem *p;
	staff_map *m;
	assert_int_equal(staff_build_problem(s.d, FX_UNIT, day_of("2026-11-23"),
					     1, &p, &m, &e),
			 OV_OK);
	/* the leader (post 1) and the vacant post are left out; Utsi's
	 * two posts (40 % assistant, 20 % health worker) are one person */
	assert_int_equal(p->n_employees, 5);
	static const struct {
		const char *no;
		int fte;
		unsigned skills;
	} want[] = {
		{"102", 8000, ROTA_SKILL_NURSE | ROTA_SKILL_HEALTH},
		{"103", 10000, ROTA_SKILL_HEALTH | ROTA_SKILL_SAMI},
		{"104", 5000, 0},
		{"105", 6000, ROTA_SKILL_HEALTH | ROTA_SKILL_SAMI},
		{"106", 6000, ROTA_SKILL_HEALTH | ROTA_SKILL_SAMI},
	};
	for (int i = 0; i < 5; i++) {
		assert_string_equal(p->employees[i].id, want[i].no);
		assert_int_equal(m->employees[i].fte_bp, want[i].fte);
		assert_int_equal(p->employees[i].skills, want[i].skills);
	}
	assert_string_equal(m->employees[4].competence, "health_worker");
	assert_int_equal(p->employees[1].max_minutes, 2130 + 240);
	assert_int_equal(p->employees[1].min_minutes, 2130 - 240);
	/* 1 week: every third weekend, rounded up, is this one */
	assert_int_equal(p->employees[0].max_weekends, 1);
	/* only Monday's D has a need; the rest cost per person */
	assert_int_equal(p->n_cover, 2 + 3 * 7 - 1);
	staff_map_free(m);
	rota_problem_free(p);
	scratch_close(&s);
}

static void test_need_nobody_can_meet(void **state)
{
	(void)state;
	scratch_db s = fx_open();
	fx_shifts(s.d, FX_NO_NURSE);
	ov_err e;
	assert_int_equal(staff_need_set(s.d, NULL, FX_NO_NURSE, 0, "D", "any",
					2, 2, NULL, &e),
			 OV_OK);
	assert_int_equal(staff_need_set(s.d, NULL, FX_NO_NURSE, 2, "N", "nurse",
					1, 1, NULL, &e),
			 OV_OK);
	rota_problem *p = (rota_problem *)1;
	staff_map *m = (staff_map *)1;
	assert_int_equal(staff_build_problem(s.d, FX_NO_NURSE,
					     day_of("2026-11-23"), 6, &p, &m,
					     &e),
			 OV_E_INPUT);
	assert_null(p);
	assert_null(m);
	assert_string_equal(e.field, "staffing_need");
	assert_true(contains(e.msg, "Nattevakt (N)"));
	assert_true(contains(e.msg, "Wednesday"));
	assert_true(contains(e.msg, "nurse"));
	assert_true(contains(e.msg, "T2"));
	/* (the unit's leader is a nurse, but leaders are not in the
	 * rota); a Sámi speaker's need is met by Somby */
	assert_int_equal(staff_need_set(s.d, NULL, FX_NO_NURSE, 2, "N", "nurse",
					0, 0, NULL, &e),
			 OV_OK);
	assert_int_equal(staff_need_set(s.d, NULL, FX_NO_NURSE, 2, "N", "sami",
					1, 1, NULL, &e),
			 OV_OK);
	assert_int_equal(staff_build_problem(s.d, FX_NO_NURSE,
					     day_of("2026-11-23"), 6, &p, &m,
					     &e),
			 OV_OK);
	assert_int_equal(p->n_employees, 2);
	staff_map_free(m);
	rota_problem_free(p);
	/* no Sámi speaker: Somby leaves */
	assert_int_equal(db_exec(s.d,
				 "UPDATE employee SET sami_proficiency = 1 "
				 "WHERE id = 8",
				 &e),
			 OV_OK);
	assert_int_equal(staff_build_problem(s.d, FX_NO_NURSE,
					     day_of("2026-11-23"), 6, &p, &m,
					     &e),
			 OV_E_INPUT);
	assert_true(contains(e.msg, "Sámi"));
	assert_true(contains(e.msg, "Wednesday"));
	scratch_close(&s);
}

static void test_bad_requests(void **state)
{
	(void)state;
	scratch_db s = fx_open();
	rota_problem *p;
	staff_map *m;
	ov_err e;
	ov_day monday = day_of("2026-11-23");
	assert_int_equal(staff_build_problem(s.d, 99, monday, 6, &p, &m, &e),
			 OV_E_NOTFOUND);
	assert_string_equal(e.field, "unit");
	assert_int_equal(staff_build_problem(s.d, FX_UNIT, monday + 1, 6, &p,
					     &m, &e),
			 OV_E_INPUT);
	assert_string_equal(e.field, "from");
	assert_true(contains(e.msg, "2026-11-24"));
	assert_true(contains(e.msg, "Tuesday"));
	assert_int_equal(staff_build_problem(s.d, FX_UNIT, monday, 0, &p, &m,
					     &e),
			 OV_E_INPUT);
	assert_string_equal(e.field, "weeks");
	assert_int_equal(staff_build_problem(s.d, FX_UNIT, monday, 53, &p, &m,
					     &e),
			 OV_E_INPUT);
	/* no shift types, then no plan, then nobody in the rota */
	assert_int_equal(staff_build_problem(s.d, FX_UNIT, monday, 6, &p, &m,
					     &e),
			 OV_E_INPUT);
	assert_string_equal(e.field, "shift_type");
	fx_shifts(s.d, FX_UNIT);
	assert_int_equal(staff_build_problem(s.d, FX_UNIT, monday, 6, &p, &m,
					     &e),
			 OV_E_INPUT);
	assert_string_equal(e.field, "staffing_need");
	fx_shifts(s.d, FX_EMPTY);
	assert_int_equal(staff_build_problem(s.d, FX_EMPTY, monday, 6, &p, &m,
					     &e),
			 OV_E_INPUT);
	assert_string_equal(e.field, "employees");
	assert_null(p);
	assert_null(m);
	scratch_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_demo_nursing_home, fx_english),
		cmocka_unit_test_setup(test_holidays_use_sunday_plan, fx_english),
		cmocka_unit_test_setup(test_fixture_people, fx_english),
		cmocka_unit_test_setup(test_need_nobody_can_meet, fx_english),
		cmocka_unit_test_setup(test_bad_requests, fx_english),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
