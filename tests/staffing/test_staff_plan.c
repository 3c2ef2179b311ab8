/*
 * test_staff_plan.c - the døgnrytmeplan and bemanningsplan: deriving the
 * plan from a small hand-made week (hour ownership, upper median and
 * peak, nights that cross midnight, langvakter subtracted), an hour no
 * shift covers, and setters that reject bad values and change nothing.
 */
#include "staff_fixture.h"

/* The need row (weekday, shift code, skill), or NULL. */
static const staff_need *find_need(const staff_need *v, size_t n, int wd,
				   const char *code, const char *skill)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].weekday == wd && !strcmp(v[i].shift_code, code) &&
		    !strcmp(v[i].skill, skill))
			return &v[i];
	return NULL;
}

static void expect(const staff_need *v, size_t n, int wd, const char *code,
		   const char *skill, int min, int pref)
{
	const staff_need *x = find_need(v, n, wd, code, skill);
	if (!x)
		fail_msg("no need %d %s %s", wd, code, skill);
	if (x->min_count != min || x->preferred_count != pref)
		fail_msg("need %d %s %s: %d/%d, expected %d/%d", wd, code,
			 skill, x->min_count, x->preferred_count, min, pref);
}

static void set_hour(db *d, int wd, int h, int nurses, int hw, int others,
		     int sami)
{
	staff_rhythm_hour r = {.weekday = wd, .hour = h, .nurses = nurses,
			       .health_workers = hw, .others = others,
			       .sami_needed = sami};
	snprintf(r.task_nb, sizeof r.task_nb, "Oppgave %02d", h);
	ov_err e;
	if (staff_rhythm_set(d, NULL, FX_UNIT, &r, &e) != OV_OK)
		fail_msg("hour %d: %s", h, e.msg);
}

/*
 * Monday: a morning peak 07-09 with a nurse, a steady evening with a
 * Sámi speaker, a night that grows on Tuesday 03:00; Sunday's night
 * reaches into Monday 02:00.
 */
static void tiny_week(db *d)
{
	for (int h = 7; h <= 14; h++)
		set_hour(d, 0, h, h <= 9, 1, h <= 9 ? 2 : 0, 0);
	for (int h = 15; h <= 21; h++)
		set_hour(d, 0, h, 0, 2, 0, 1);
	set_hour(d, 0, 22, 0, 1, 0, 0);
	set_hour(d, 0, 23, 0, 1, 0, 0);
	for (int h = 0; h <= 6; h++)
		set_hour(d, 1, h, 0, 1, h == 3, 0);
	set_hour(d, 0, 2, 0, 1, 0, 0);
}

static void test_derive_tiny_week(void **state)
{
	(void)state;
	scratch_db s = fx_open();
	fx_shifts(s.d, FX_UNIT);
	tiny_week(s.d);
	ov_err e;
	assert_int_equal(staff_derive_plan(s.d, NULL, FX_UNIT, &e), OV_OK);
	staff_need *v;
	size_t n;
	assert_int_equal(staff_needs_list(s.d, FX_UNIT, &v, &n, &e), OV_OK);
	/* D owns 07-14: totals 4,4,4,1,1,1,1,1 -> half need 1, peak 4 */
	expect(v, n, 0, "D", "any", 1, 4);
	expect(v, n, 0, "D", "health", 1, 2);
	expect(v, n, 0, "D", "nurse", 0, 1);
	assert_null(find_need(v, n, 0, "D", "sami"));
	/* A owns 15-21 (the 15:00 handover hour is the incoming shift's) */
	expect(v, n, 0, "A", "any", 2, 2);
	expect(v, n, 0, "A", "health", 2, 2);
	expect(v, n, 0, "A", "sami", 1, 1);
	assert_null(find_need(v, n, 0, "A", "nurse"));
	/* Monday's night owns Monday 22-23 and Tuesday 00-06 */
	expect(v, n, 0, "N", "any", 1, 2);
	expect(v, n, 0, "N", "health", 1, 1);
	/* Monday 02:00 belongs to Sunday's night: 1 of 9 hours */
	expect(v, n, 6, "N", "any", 0, 1);
	expect(v, n, 6, "N", "health", 0, 1);
	/* nothing else: Tuesday's day hours are empty */
	assert_null(find_need(v, n, 1, "D", "any"));
	assert_int_equal(n, 10);
	free(v);
	scratch_close(&s);
}

static void test_derive_subtracts_langvakt(void **state)
{
	(void)state;
	scratch_db s = fx_open();
	fx_shifts(s.d, FX_UNIT);
	staff_shift_type l = {0, 0, "L", "Langvakt", "Guhkesvuorru", 480, 720,
			      "long"};
	ov_err e;
	assert_int_equal(staff_shift_type_set(s.d, NULL, FX_UNIT, &l, NULL, &e),
			 OV_OK);
	tiny_week(s.d);
	assert_int_equal(
	    staff_need_set(s.d, NULL, FX_UNIT, 0, "L", "any", 1, 1, NULL, &e),
	    OV_OK);
	assert_int_equal(staff_derive_plan(s.d, NULL, FX_UNIT, &e), OV_OK);
	staff_need *v;
	size_t n;
	assert_int_equal(staff_needs_list(s.d, FX_UNIT, &v, &n, &e), OV_OK);
	/* L is on duty 08-19: D's hours become 4,3,3,0,0,0,0,0 */
	expect(v, n, 0, "D", "any", 0, 4);
	expect(v, n, 0, "D", "health", 1, 2); /* L is "any": no health */
	/* A: 15-19 lose one, 20-21 keep two */
	expect(v, n, 0, "A", "any", 1, 2);
	/* the langvakt's own row is the planner's and stays */
	expect(v, n, 0, "L", "any", 1, 1);
	free(v);
	/* deriving again gives the same plan */
	assert_int_equal(staff_derive_plan(s.d, NULL, FX_UNIT, &e), OV_OK);
	assert_int_equal(staff_needs_list(s.d, FX_UNIT, &v, &n, &e), OV_OK);
	expect(v, n, 0, "D", "any", 0, 4);
	expect(v, n, 0, "L", "any", 1, 1);
	free(v);
	scratch_close(&s);
}

static void test_derive_uncovered_hour_keeps_plan(void **state)
{
	(void)state;
	scratch_db s = fx_open();
	staff_shift_type dag = {0, 0, "D", "Dagvakt", "Beaivevuorru", 450,
				480, "day"};
	ov_err e;
	assert_int_equal(
	    staff_shift_type_set(s.d, NULL, FX_UNIT, &dag, NULL, &e), OV_OK);
	assert_int_equal(
	    staff_need_set(s.d, NULL, FX_UNIT, 2, "D", "any", 3, 4, NULL, &e),
	    OV_OK);
	set_hour(s.d, 2, 3, 0, 1, 0, 0); /* Wednesday 03:00, no night shift */
	assert_int_equal(staff_derive_plan(s.d, NULL, FX_UNIT, &e), OV_E_INPUT);
	assert_string_equal(e.field, "rhythm_hour");
	assert_true(contains(e.msg, "03:00"));
	assert_true(contains(e.msg, "Wednesday"));
	staff_need *v;
	size_t n;
	assert_int_equal(staff_needs_list(s.d, FX_UNIT, &v, &n, &e), OV_OK);
	assert_int_equal(n, 1);
	expect(v, n, 2, "D", "any", 3, 4);
	free(v);
	scratch_close(&s);
}

static void test_unknown_unit(void **state)
{
	(void)state;
	scratch_db s = fx_open();
	ov_err e;
	staff_shift_type *sh;
	size_t n;
	assert_int_equal(staff_shift_types_list(s.d, 99, &sh, &n, &e),
			 OV_E_NOTFOUND);
	assert_string_equal(e.field, "unit");
	assert_int_equal(staff_derive_plan(s.d, NULL, 99, &e), OV_E_NOTFOUND);
	staff_rhythm_hour h = {.weekday = 0, .hour = 8, .others = 1};
	assert_int_equal(staff_rhythm_set(s.d, NULL, 99, &h, &e),
			 OV_E_NOTFOUND);
	assert_int_equal(
	    staff_need_set(s.d, NULL, 99, 0, "D", "any", 1, 1, NULL, &e),
	    OV_E_NOTFOUND);
	assert_string_equal(e.field, "unit");
	scratch_close(&s);
}

static const char *const dump_sql =
	"SELECT (SELECT count(*) FROM staffing_need) * 1000000 + "
	"(SELECT coalesce(sum(min_count * 100 + preferred_count), 0) FROM "
	"staffing_need) * 1000 + (SELECT count(*) FROM rhythm_hour) * 10 + "
	"(SELECT coalesce(sum(nurses + health_workers + others), 0) FROM "
	"rhythm_hour)";

static void test_need_set_validates(void **state)
{
	(void)state;
	scratch_db s = fx_open();
	fx_shifts(s.d, FX_UNIT);
	ov_err e;
	assert_int_equal(
	    staff_need_set(s.d, NULL, FX_UNIT, 0, "D", "any", 3, 5, NULL, &e),
	    OV_OK);
	int64_t before = sql_int(s.d, dump_sql);
	static const struct {
		int wd;
		const char *shift, *skill;
		int min, pref;
		ov_status code;
		const char *field;
	} bad[] = {
		{0, "D", "any", -1, 5, OV_E_INPUT, "min_count"},
		{0, "D", "any", 1, -2, OV_E_INPUT, "preferred_count"},
		{0, "D", "any", 6, 5, OV_E_INPUT, "preferred_count"},
		{7, "D", "any", 1, 1, OV_E_INPUT, "weekday"},
		{-1, "D", "any", 1, 1, OV_E_INPUT, "weekday"},
		{0, "D", "doctor", 1, 1, OV_E_INPUT, "skill"},
		{0, "D", NULL, 1, 1, OV_E_INPUT, "skill"},
		{0, "X", "any", 1, 1, OV_E_NOTFOUND, "shift"},
		{0, NULL, "any", 1, 1, OV_E_NOTFOUND, "shift"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ov_err_clear(&e);
		assert_int_equal(staff_need_set(s.d, NULL, FX_UNIT, bad[i].wd,
						bad[i].shift, bad[i].skill,
						bad[i].min, bad[i].pref, NULL,
						&e),
				 bad[i].code);
		assert_string_equal(e.field, bad[i].field);
		assert_true(e.msg[0] != '\0');
		assert_int_equal(sql_int(s.d, dump_sql), before);
	}
	staff_need *v;
	size_t n;
	assert_int_equal(staff_needs_list(s.d, FX_UNIT, &v, &n, &e), OV_OK);
	assert_int_equal(n, 1);
	expect(v, n, 0, "D", "any", 3, 5);
	free(v);
	/* setting again replaces; 0/0 removes */
	assert_int_equal(
	    staff_need_set(s.d, NULL, FX_UNIT, 0, "D", "any", 2, 2, NULL, &e),
	    OV_OK);
	assert_int_equal(sql_int(s.d, "SELECT min_count FROM staffing_need"),
			 2);
	assert_int_equal(
	    staff_need_set(s.d, NULL, FX_UNIT, 0, "D", "any", 0, 0, NULL, &e),
	    OV_OK);
	assert_int_equal(sql_int(s.d, "SELECT count(*) FROM staffing_need"),
			 0);
	/* another unit's shift code is unknown here */
	fx_shifts(s.d, FX_NO_NURSE);
	assert_int_equal(
	    staff_need_set(s.d, NULL, FX_EMPTY, 0, "D", "any", 1, 1, NULL, &e),
	    OV_E_NOTFOUND);
	assert_string_equal(e.field, "shift");
	scratch_close(&s);
}

static void test_rhythm_set_validates(void **state)
{
	(void)state;
	scratch_db s = fx_open();
	set_hour(s.d, 3, 10, 1, 2, 3, 1);
	int64_t before = sql_int(s.d, dump_sql);
	static const struct {
		staff_rhythm_hour h;
		const char *field;
	} bad[] = {
		{{.weekday = 7, .hour = 10}, "weekday"},
		{{.weekday = 3, .hour = 24}, "hour"},
		{{.weekday = 3, .hour = -1}, "hour"},
		{{.weekday = 3, .hour = 10, .nurses = -1}, "nurses"},
		{{.weekday = 3, .hour = 10, .health_workers = -1},
		 "health_workers"},
		{{.weekday = 3, .hour = 10, .others = -3}, "others"},
		{{.weekday = 3, .hour = 10, .sami_needed = -1}, "sami_needed"},
	};
	ov_err e;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(
		    staff_rhythm_set(s.d, NULL, FX_UNIT, &bad[i].h, &e),
		    OV_E_INPUT);
		assert_string_equal(e.field, bad[i].field);
		assert_int_equal(sql_int(s.d, dump_sql), before);
	}
	staff_rhythm_hour *v;
	size_t n;
	assert_int_equal(staff_rhythm_list(s.d, FX_UNIT, &v, &n, &e), OV_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].weekday, 3);
	assert_int_equal(v[0].hour, 10);
	assert_int_equal(v[0].nurses, 1);
	assert_int_equal(v[0].health_workers, 2);
	assert_int_equal(v[0].others, 3);
	assert_int_equal(v[0].sami_needed, 1);
	assert_string_equal(v[0].task_nb, "Oppgave 10");
	free(v);
	/* replacing an hour keeps one row */
	set_hour(s.d, 3, 10, 0, 1, 0, 0);
	assert_int_equal(sql_int(s.d, "SELECT count(*) FROM rhythm_hour"), 1);
	assert_int_equal(sql_int(s.d, "SELECT nurses FROM rhythm_hour"), 0);
	scratch_close(&s);
}

static void test_shift_type_set_validates(void **state)
{
	(void)state;
	scratch_db s = fx_open();
	fx_shifts(s.d, FX_UNIT);
	static const struct {
		staff_shift_type st;
		const char *field;
	} bad[] = {
		{{0, 0, "", "Dag", "", 450, 480, "day"}, "code"},
		{{0, 0, "X", "", "", 450, 480, "day"}, "name_nb"},
		{{0, 0, "X", "Dag", "", 1440, 480, "day"}, "start_min"},
		{{0, 0, "X", "Dag", "", -5, 480, "day"}, "start_min"},
		{{0, 0, "X", "Dag", "", 450, 0, "day"}, "length_min"},
		{{0, 0, "X", "Dag", "", 450, 1441, "day"}, "length_min"},
		{{0, 0, "X", "Dag", "", 450, 480, "morning"}, "category"},
	};
	ov_err e;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(staff_shift_type_set(s.d, NULL, FX_UNIT,
						      &bad[i].st, NULL, &e),
				 OV_E_INPUT);
		assert_string_equal(e.field, bad[i].field);
	}
	staff_shift_type *v;
	size_t n;
	assert_int_equal(staff_shift_types_list(s.d, FX_UNIT, &v, &n, &e),
			 OV_OK);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].code, "D");
	assert_string_equal(v[1].code, "A");
	assert_string_equal(v[2].code, "N");
	assert_int_equal(v[2].start_min, 1320);
	assert_int_equal(v[2].length_min, 585);
	assert_string_equal(v[2].category, "night");
	int64_t night = v[2].id;
	free(v);
	/* same code: updated in place, same id */
	staff_shift_type n2 = {0, 0, "N", "Nattevakt", "Idjavuorru", 1290, 600,
			       "night"};
	int64_t id = 0;
	assert_int_equal(staff_shift_type_set(s.d, NULL, FX_UNIT, &n2, &id, &e),
			 OV_OK);
	assert_int_equal(id, night);
	assert_int_equal(sql_int(s.d, "SELECT count(*) FROM shift_type"), 3);
	assert_int_equal(sql_int(s.d, "SELECT start_min FROM shift_type "
				      "WHERE code = 'N'"),
			 1290);
	/* the unit with no shift types lists none */
	assert_int_equal(staff_shift_types_list(s.d, FX_EMPTY, &v, &n, &e),
			 OV_OK);
	assert_int_equal(n, 0);
	assert_null(v);
	scratch_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_derive_tiny_week, fx_english),
		cmocka_unit_test_setup(test_derive_subtracts_langvakt, fx_english),
		cmocka_unit_test_setup(test_derive_uncovered_hour_keeps_plan, fx_english),
		cmocka_unit_test_setup(test_unknown_unit, fx_english),
		cmocka_unit_test_setup(test_need_set_validates, fx_english),
		cmocka_unit_test_setup(test_rhythm_set_validates, fx_english),
		cmocka_unit_test_setup(test_shift_type_set_validates, fx_english),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
