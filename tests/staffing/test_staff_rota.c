/*
 * test_staff_rota.c - storing a rota and loading it back: the header,
 * the employees in their order with their contract, every day; a store
 * that fails half-way or is given a roster that does not fit writes
 * nothing; an unknown plan is not found.
 */
#include "staff_fixture.h"

typedef struct {
	char *dir, *path;
	db *d;
	int64_t unit;
	rota_problem *p;
	staff_map *m;
	rota_roster *r;
	ov_day from;
} fx_rota;

/* A copy of the demo with the problem of Karasjok sykehjem and a
 * made-up roster (not solved: the store does not judge it). */
static fx_rota make(void)
{
	fx_rota f = {0};
	ov_err e;
	f.dir = tmp_dir();
	f.path = fx_demo_copy(f.dir);
	assert_int_equal(db_open(f.path, DB_WRITE, &f.d, &e), OV_OK);
	f.unit = fx_unit(f.d, "3200");
	assert_int_equal(ov_date_parse("2026-01-05", &f.from), 0);
	assert_int_equal(staff_build_problem(f.d, f.unit, f.from, 6, &f.p,
					     &f.m, &e),
			 OV_OK);
	f.r = rota_roster_new(f.p->n_employees, f.p->n_days);
	assert_non_null(f.r);
	for (int i = 0; i < f.p->n_employees; i++)
		for (int day = 0; day < f.p->n_days; day++)
			f.r->assign[i * f.p->n_days + day] =
				(i + day) % 3 ? (i + day) % f.p->n_shifts
					      : ROTA_OFF;
	return f;
}

static void done(fx_rota *f)
{
	rota_roster_free(f->r);
	staff_map_free(f->m);
	rota_problem_free(f->p);
	db_close(f->d);
	rm_rf(f->dir);
	free(f->path);
	free(f->dir);
}

static int64_t stored_rows(db *d)
{
	return sql_int(d, "SELECT (SELECT count(*) FROM rota_plan) + "
			  "(SELECT count(*) FROM rota_plan_employee) + "
			  "(SELECT count(*) FROM rota_assignment)");
}

static void test_round_trip(void **state)
{
	(void)state;
	fx_rota f = make();
	ov_err e;
	rota_solve_info info = {.feasible = 1, .objective = 1530,
				.seconds = 2.5, .iterations = 1000};
	uint64_t seed = UINT64_C(0xfedcba9876543210);
	int64_t id = 0;
	assert_int_equal(staff_store_rota(f.d, NULL, f.unit, f.from, 6, f.m,
					  f.r, &info, seed, &id, &e),
			 OV_OK);
	assert_true(id > 0);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM rota_assignment"),
			 f.p->n_employees * 42);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM rota_assignment "
				      "WHERE shift_type_id IS NULL"),
			 sql_int(f.d, "SELECT count(*) FROM rota_assignment "
				      "WHERE (day + (SELECT row_no FROM "
				      "rota_plan_employee pe WHERE pe.plan_id = "
				      "rota_assignment.plan_id AND "
				      "pe.employee_id = "
				      "rota_assignment.employee_id)) % 3 = 0"));

	staff_plan plan;
	staff_map *m;
	rota_roster *r;
	assert_int_equal(staff_load_rota(f.d, id, &plan, &m, &r, &e), OV_OK);
	assert_int_equal(plan.id, id);
	assert_int_equal(plan.unit_id, f.unit);
	assert_int_equal(plan.from_day, f.from);
	assert_int_equal(plan.weeks, 6);
	assert_int_equal(plan.objective, 1530);
	assert_int_equal(plan.feasible, 1);
	assert_true(plan.seconds == 2.5);
	assert_true(plan.seed == seed);
	assert_int_equal(strlen(plan.created_at), 20);
	assert_int_equal(m->n_employees, f.m->n_employees);
	assert_int_equal(m->n_shifts, f.m->n_shifts);
	assert_int_equal(m->n_days, 42);
	for (int i = 0; i < m->n_employees; i++) {
		assert_int_equal(m->employees[i].employee_id,
				 f.m->employees[i].employee_id);
		assert_string_equal(m->employees[i].family_name,
				    f.m->employees[i].family_name);
		assert_int_equal(m->employees[i].fte_bp,
				 f.m->employees[i].fte_bp);
		assert_int_equal(m->employees[i].skills,
				 f.m->employees[i].skills);
		assert_int_equal(m->employees[i].target_minutes,
				 f.m->employees[i].target_minutes);
	}
	for (int s = 0; s < m->n_shifts; s++)
		assert_int_equal(m->shifts[s].id, f.m->shifts[s].id);
	assert_int_equal(r->n_employees, f.r->n_employees);
	assert_int_equal(r->n_days, 42);
	assert_memory_equal(r->assign, f.r->assign,
			    sizeof(int) * (size_t)(r->n_employees * 42));
	rota_roster_free(r);
	staff_map_free(m);

	/* a second plan of the same unit is a new row */
	int64_t id2 = 0;
	assert_int_equal(staff_store_rota(f.d, NULL, f.unit, f.from, 6, f.m,
					  f.r, NULL, 1, &id2, &e),
			 OV_OK);
	assert_true(id2 > id);
	assert_int_equal(staff_load_rota(f.d, id2, &plan, &m, &r, &e), OV_OK);
	assert_int_equal(plan.feasible, 0);
	assert_int_equal(plan.seed, 1);
	rota_roster_free(r);
	staff_map_free(m);
	done(&f);
}

static void test_failed_store_writes_nothing(void **state)
{
	(void)state;
	fx_rota f = make();
	ov_err e;
	int64_t before = stored_rows(f.d), id = -7;
	/* an employee the database does not know: the last insert fails */
	int last = f.m->n_employees - 1;
	int64_t real = f.m->employees[last].employee_id;
	f.m->employees[last].employee_id = 999999;
	assert_int_equal(staff_store_rota(f.d, NULL, f.unit, f.from, 6, f.m,
					  f.r, NULL, 0, &id, &e),
			 OV_E_DB);
	assert_int_equal(id, -7);
	assert_int_equal(stored_rows(f.d), before);
	f.m->employees[last].employee_id = real;

	/* rosters that do not fit are refused before anything is written */
	f.r->assign[5] = f.p->n_shifts;
	assert_int_equal(staff_store_rota(f.d, NULL, f.unit, f.from, 6, f.m,
					  f.r, NULL, 0, &id, &e),
			 OV_E_INPUT);
	assert_string_equal(e.field, "roster");
	f.r->assign[5] = -2;
	assert_int_equal(staff_store_rota(f.d, NULL, f.unit, f.from, 6, f.m,
					  f.r, NULL, 0, &id, &e),
			 OV_E_INPUT);
	f.r->assign[5] = ROTA_OFF;
	assert_int_equal(staff_store_rota(f.d, NULL, f.unit + 1, f.from, 6, f.m,
					  f.r, NULL, 0, &id, &e),
			 OV_E_INPUT);
	assert_string_equal(e.field, "unit");
	assert_int_equal(staff_store_rota(f.d, NULL, f.unit, f.from + 7, 6, f.m,
					  f.r, NULL, 0, &id, &e),
			 OV_E_INPUT);
	assert_string_equal(e.field, "from");
	assert_int_equal(staff_store_rota(f.d, NULL, f.unit, f.from, 4, f.m,
					  f.r, NULL, 0, &id, &e),
			 OV_E_INPUT);
	assert_string_equal(e.field, "weeks");
	rota_roster *small = rota_roster_new(f.p->n_employees - 1, 42);
	assert_int_equal(staff_store_rota(f.d, NULL, f.unit, f.from, 6, f.m,
					  small, NULL, 0, &id, &e),
			 OV_E_INPUT);
	assert_string_equal(e.field, "roster");
	rota_roster_free(small);
	assert_int_equal(stored_rows(f.d), before);
	assert_int_equal(id, -7);

	/* and the store works after all that */
	assert_int_equal(staff_store_rota(f.d, NULL, f.unit, f.from, 6, f.m,
					  f.r, NULL, 0, &id, &e),
			 OV_OK);
	assert_true(stored_rows(f.d) > before);
	done(&f);
}

static void test_unknown_plan(void **state)
{
	(void)state;
	scratch_db s = fx_open();
	staff_plan plan;
	staff_map *m = (staff_map *)1;
	rota_roster *r = (rota_roster *)1;
	ov_err e;
	assert_int_equal(staff_load_rota(s.d, 42, &plan, &m, &r, &e),
			 OV_E_NOTFOUND);
	assert_string_equal(e.field, "plan");
	assert_null(m);
	assert_null(r);
	scratch_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_round_trip, fx_english),
		cmocka_unit_test_setup(test_failed_store_writes_nothing,
				       fx_english),
		cmocka_unit_test_setup(test_unknown_plan, fx_english),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
