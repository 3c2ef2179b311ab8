/*
 * test_org_absence.c - the sick-leave percentage (org_sick_leave_get)
 * on hand-made data: tapte over avtalte dagsverk, weekends and public
 * holidays left out, graded leave and FTE as weights, posts held part
 * of the period, the scope by municipality and sector, the table's
 * checks; and the demo's levels (health and care above the others,
 * overall near the municipal averages).
 */
#include <string.h>

#include "base/ov_date.h"
#include "db/db.h"
#include "org/org.h"
#include "support/support.h"

/* Two municipalities, each with a health and a school unit; employee 1
 * (full time) and 2 (half time) in Karasjok's health unit, 3 (full
 * time) in Karasjok's school, 4 (full time) in Kautokeino's health
 * unit. */
static const char *const fixture =
	"INSERT INTO municipality (id, code, name_nb, name_se, inhabitants, "
	"area_km2) VALUES (1, '5610', 'Karasjok', 'Kárášjohka', 2565, 5453), "
	"(2, '5612', 'Kautokeino', 'Guovdageaidnu', 2840, 9707);"
	"INSERT INTO sector (id, municipality_id, code, name_nb, name_se) "
	"VALUES (1, 1, 'helse', 'Helse', 'Dearvvašvuohta'), "
	"(2, 1, 'oppvekst', 'Oppvekst', 'Bajásšaddan'), "
	"(3, 2, 'helse', 'Helse', 'Dearvvašvuohta');"
	"INSERT INTO unit (id, municipality_id, sector_id, ansvar, name_nb, "
	"name_se) VALUES (1, 1, 1, '3100', 'Hjemmetjenesten', "
	"'Ruovttubálvalusat'), (2, 1, 2, '2100', 'Skole', 'Skuvla'), "
	"(3, 2, 3, '4010', 'Hjemmesykepleien', 'Ruoktobuohccedikšu');"
	"INSERT INTO employee (id, municipality_id, employee_no, given_name, "
	"family_name) VALUES (1, 1, '1', 'Máret', 'Sara'), "
	"(2, 1, '2', 'Ánde', 'Hætta'), (3, 1, '3', 'Elle', 'Eira'), "
	"(4, 2, '4', 'Inga', 'Gaup');"
	"INSERT INTO position (id, unit_id, employee_id, title_nb, title_se, "
	"fte_bp, competence) VALUES "
	"(1, 1, 1, 'Sykepleier', 'Buohccedivššár', 10000, 'nurse'), "
	"(2, 1, 2, 'Assistent', 'Assisteanta', 5000, 'unskilled'), "
	"(3, 2, 3, 'Lærer', 'Oahpaheaddji', 10000, 'other'), "
	"(4, 3, 4, 'Sykepleier', 'Buohccedivššár', 10000, 'nurse'), "
	"(5, 1, NULL, 'Sykepleier', 'Buohccedivššár', 10000, 'nurse');";

static scratch_db open_fixture(void)
{
	scratch_db s = scratch_open("absence.db");
	ov_err e;
	if (db_exec(s.d, fixture, &e) != OV_OK)
		fail_msg("fixture: %s", e.msg);
	return s;
}

static void exec(db *d, const char *sql)
{
	ov_err e;
	if (db_exec(d, sql, &e) != OV_OK)
		fail_msg("%s: %s", sql, e.msg);
}

static ov_day day(const char *iso)
{
	ov_day x;
	assert_int_equal(ov_date_parse(iso, &x), 0);
	return x;
}

static org_sick_leave sick(db *d, int64_t muni, const char *sector,
			   const char *from, const char *to)
{
	org_sick_leave s;
	ov_err e;
	ov_status rc = org_sick_leave_sector_get(d, muni, sector, day(from),
						 day(to), &s, &e);
	if (rc != OV_OK)
		fail_msg("org_sick_leave_sector_get: %s", e.msg);
	return s;
}

/* One full-time day in the struct's unit (millionths of a dagsverk). */
#define DAY_E6 1000000

static void test_two_days_self_certified(void **state)
{
	(void)state;
	scratch_db s = open_fixture();
	/* Monday 2 to Sunday 8 March 2026: 5 working days. */
	exec(s.d, "INSERT INTO absence (employee_id, starts_on, ends_on, "
		  "kind) VALUES (1, '2026-03-03', '2026-03-04', "
		  "'self_certified')");
	/* Karasjok's health unit (employees 1 and 2), the school left out. */
	org_sick_leave sl = sick(s.d, 1, "helse", "2026-03-02", "2026-03-08");
	/* agreed: 5 days × (1.0 + 0.5), the vacant post not counted */
	assert_int_equal(sl.agreed_e6, 5 * DAY_E6 * 3 / 2);
	assert_int_equal(sl.lost_e6, 2 * DAY_E6);
	assert_int_equal(sl.lost_self_certified_e6, 2 * DAY_E6);
	assert_int_equal(sl.lost_doctor_certified_e6, 0);
	/* 2 / 7.5 = 26.67 % */
	assert_int_equal(sl.permille, 267);
	assert_int_equal(sl.self_certified_permille, 267);
	assert_int_equal(sl.doctor_certified_permille, 0);
	assert_int_equal(sl.employees_absent, 1);
	assert_int_equal(sl.absences, 1);
	assert_true(sl.from == day("2026-03-02") && sl.to == day("2026-03-08"));

	/* Karasjok as a whole: 5 × 2.5 agreed days, 2 lost = 8.0 %. */
	sl = sick(s.d, 1, NULL, "2026-03-02", "2026-03-08");
	assert_int_equal(sl.agreed_e6, 5 * DAY_E6 * 5 / 2);
	assert_int_equal(sl.permille, 160);
	/* Both municipalities: 5 × 3.5 agreed, 2 lost = 11.43 %. */
	org_sick_leave both;
	ov_err e;
	assert_int_equal(org_sick_leave_get(s.d, 0, day("2026-03-02"),
					    day("2026-03-08"), &both, &e),
			 OV_OK);
	assert_int_equal(both.agreed_e6, 5 * DAY_E6 * 7 / 2);
	assert_int_equal(both.permille, 114);
	assert_int_equal(both.municipality_id, 0);
	/* Kautokeino had none. */
	sl = sick(s.d, 2, NULL, "2026-03-02", "2026-03-08");
	assert_int_equal(sl.agreed_e6, 5 * DAY_E6);
	assert_int_equal(sl.permille, 0);
	assert_int_equal(sl.employees_absent, 0);
	assert_int_equal(sl.absences, 0);
	scratch_close(&s);
}

static void test_weekends_and_holidays_do_not_count(void **state)
{
	(void)state;
	scratch_db s = open_fixture();
	/* Friday 6 to Monday 9 March 2026: 2 working days of the 4. */
	exec(s.d, "INSERT INTO absence (employee_id, starts_on, ends_on, "
		  "kind) VALUES (4, '2026-03-06', '2026-03-09', "
		  "'self_certified')");
	/* Monday 2 to Sunday 15 March: 10 working days. */
	org_sick_leave sl = sick(s.d, 2, NULL, "2026-03-02", "2026-03-15");
	assert_int_equal(sl.agreed_e6, 10 * DAY_E6);
	assert_int_equal(sl.lost_e6, 2 * DAY_E6);
	assert_int_equal(sl.permille, 200);
	/* A weekend only: a day of absence, no working day lost. */
	sl = sick(s.d, 2, NULL, "2026-03-07", "2026-03-08");
	assert_int_equal(sl.agreed_e6, 0);
	assert_int_equal(sl.permille, 0);
	assert_int_equal(sl.employees_absent, 1);

	/* 17 May 2027 is a Monday, a public holiday: Monday 17 to Friday
	 * 21 May has 4 working days, and an absence on the 17th and 18th
	 * loses one. */
	exec(s.d, "INSERT INTO absence (employee_id, starts_on, ends_on, "
		  "kind) VALUES (4, '2027-05-17', '2027-05-18', "
		  "'self_certified')");
	sl = sick(s.d, 2, NULL, "2027-05-17", "2027-05-21");
	assert_int_equal(sl.agreed_e6, 4 * DAY_E6);
	assert_int_equal(sl.lost_e6, 1 * DAY_E6);
	assert_int_equal(sl.permille, 250);

	/* Easter 2026: Maundy Thursday 2, Good Friday 3 and Easter Monday
	 * 6 April are holidays; Monday 30 March to Friday 10 April has 7
	 * working days, all lost to a sykmelding over the fortnight. */
	exec(s.d, "INSERT INTO absence (employee_id, starts_on, ends_on, "
		  "kind) VALUES (4, '2026-03-30', '2026-04-10', "
		  "'doctor_certified')");
	sl = sick(s.d, 2, NULL, "2026-03-30", "2026-04-10");
	assert_int_equal(sl.agreed_e6, 7 * DAY_E6);
	assert_int_equal(sl.lost_doctor_certified_e6, 7 * DAY_E6);
	assert_int_equal(sl.permille, 1000);
	assert_int_equal(sl.doctor_certified_permille, 1000);
	scratch_close(&s);
}

static void test_graded_leave_and_fte_weigh(void **state)
{
	(void)state;
	scratch_db s = open_fixture();
	/* Employee 1 (full time) on 50 % graded sykmelding all week. */
	exec(s.d, "INSERT INTO absence (employee_id, starts_on, ends_on, "
		  "kind, percent) VALUES (1, '2026-03-02', '2026-03-06', "
		  "'doctor_certified', 50)");
	org_sick_leave sl = sick(s.d, 2, NULL, "2026-03-02", "2026-03-06");
	assert_int_equal(sl.lost_e6, 0);
	/* The school is left out; in the health unit 2.5 of 7.5 days. */
	sl = sick(s.d, 1, "helse", "2026-03-02", "2026-03-06");
	assert_int_equal(sl.lost_e6, 5 * DAY_E6 / 2);
	assert_int_equal(sl.permille, 333);
	assert_int_equal(sl.doctor_certified_permille, 333);
	assert_int_equal(sl.self_certified_permille, 0);

	/* Employee 2 (half time) fully away the same week: 2.5 days more,
	 * as much as the full-timer's half. */
	exec(s.d, "INSERT INTO absence (employee_id, starts_on, ends_on, "
		  "kind) VALUES (2, '2026-03-02', '2026-03-06', "
		  "'doctor_certified')");
	sl = sick(s.d, 1, "helse", "2026-03-02", "2026-03-06");
	assert_int_equal(sl.lost_e6, 5 * DAY_E6);
	assert_int_equal(sl.permille, 667);
	assert_int_equal(sl.employees_absent, 2);
	assert_int_equal(sl.absences, 2);

	/* A half-timer's one day weighs half a full-timer's. */
	exec(s.d, "DELETE FROM absence;"
		  "INSERT INTO absence (employee_id, starts_on, ends_on, "
		  "kind) VALUES (2, '2026-03-02', '2026-03-02', "
		  "'self_certified')");
	sl = sick(s.d, 1, "helse", "2026-03-02", "2026-03-06");
	assert_int_equal(sl.lost_e6, DAY_E6 / 2);
	assert_int_equal(sl.permille, 67); /* 0.5 / 7.5 */
	scratch_close(&s);
}

static void test_posts_and_spells_cut_to_the_period(void **state)
{
	(void)state;
	scratch_db s = open_fixture();
	/* Employee 4's post began on Wednesday 4 March: 3 of the week's 5
	 * days are agreed, and the absence before it does not count. */
	exec(s.d, "UPDATE position SET starts_on = '2026-03-04' WHERE id = 4;"
		  "INSERT INTO absence (employee_id, starts_on, ends_on, "
		  "kind) VALUES (4, '2026-02-20', '2026-03-04', "
		  "'doctor_certified')");
	org_sick_leave sl = sick(s.d, 2, NULL, "2026-03-02", "2026-03-08");
	assert_int_equal(sl.agreed_e6, 3 * DAY_E6);
	assert_int_equal(sl.lost_e6, DAY_E6);
	assert_int_equal(sl.permille, 333);
	/* The spell before the period is cut to the period's days. */
	exec(s.d, "UPDATE position SET starts_on = NULL WHERE id = 4");
	sl = sick(s.d, 2, NULL, "2026-03-02", "2026-03-08");
	assert_int_equal(sl.agreed_e6, 5 * DAY_E6);
	assert_int_equal(sl.lost_e6, 3 * DAY_E6);
	/* A post that ended before the period: nothing agreed, nothing
	 * lost, no one absent. */
	exec(s.d, "UPDATE position SET ends_on = '2026-02-27' WHERE id = 4");
	sl = sick(s.d, 2, NULL, "2026-03-02", "2026-03-08");
	assert_int_equal(sl.agreed_e6, 0);
	assert_int_equal(sl.lost_e6, 0);
	assert_int_equal(sl.employees_absent, 0);
	scratch_close(&s);
}

static void test_table_checks_and_errors(void **state)
{
	(void)state;
	scratch_db s = open_fixture();
	static const char *const bad[] = {
		/* egenmelding cannot be graded */
		"INSERT INTO absence (employee_id, starts_on, ends_on, kind, "
		"percent) VALUES (1, '2026-03-02', '2026-03-02', "
		"'self_certified', 50)",
		"INSERT INTO absence (employee_id, starts_on, ends_on, kind, "
		"percent) VALUES (1, '2026-03-02', '2026-03-02', "
		"'doctor_certified', 0)",
		"INSERT INTO absence (employee_id, starts_on, ends_on, kind, "
		"percent) VALUES (1, '2026-03-02', '2026-03-02', "
		"'doctor_certified', 101)",
		"INSERT INTO absence (employee_id, starts_on, ends_on, kind) "
		"VALUES (1, '2026-03-03', '2026-03-02', 'doctor_certified')",
		"INSERT INTO absence (employee_id, starts_on, ends_on, kind) "
		"VALUES (1, '2026-03-02', '2026-03-02', 'vacation')",
		"INSERT INTO absence (employee_id, starts_on, ends_on, kind) "
		"VALUES (99, '2026-03-02', '2026-03-02', 'self_certified')",
		"INSERT INTO absence (employee_id, starts_on, ends_on, kind) "
		"VALUES (1, '2026-3-2', '2026-03-02', 'self_certified')",
	};
	ov_err e;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(db_exec(s.d, bad[i], &e), OV_E_DB);
	assert_int_equal(sql_int(s.d, "SELECT count(*) FROM absence"), 0);

	org_sick_leave sl;
	assert_int_equal(org_sick_leave_get(s.d, 1, day("2026-03-08"),
					    day("2026-03-02"), &sl, &e),
			 OV_E_USAGE);
	assert_true(contains(e.msg, "2026-03-02"));
	/* An unknown municipality or a period without data: zeros. */
	assert_int_equal(org_sick_leave_get(s.d, 99, day("2026-03-02"),
					    day("2026-03-08"), &sl, &e),
			 OV_OK);
	assert_int_equal(sl.agreed_e6, 0);
	assert_int_equal(sl.permille, 0);
	/* One day, a Sunday: nothing agreed, no division by zero. */
	assert_int_equal(org_sick_leave_get(s.d, 0, day("2026-03-08"),
					    day("2026-03-08"), &sl, &e),
			 OV_OK);
	assert_int_equal(sl.agreed_e6, 0);
	scratch_close(&s);
}

/* The demo's levels over its whole period, 2026-01-01 to 2026-11-30. */
static void test_demo_levels(void **state)
{
	(void)state;
	db *d;
	ov_err e;
	assert_int_equal(db_open(demo_db(), DB_READ, &d, &e), OV_OK);
	assert_true(sql_int(d, "SELECT count(*) FROM absence") > 300);
	assert_true(sql_int(d, "SELECT count(*) FROM absence WHERE "
			       "percent = 50") > 0);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM absence WHERE "
				    "starts_on < '2026-01-01' OR ends_on > "
				    "'2026-11-30'"),
			 0);
	static const char *const others[] = {"oppvekst", "ptmn", "adm"};
	for (int64_t m = 0; m <= 2; m++) {
		org_sick_leave all = sick(d, m, NULL, "2026-01-01",
					  "2026-11-30");
		org_sick_leave helse = sick(d, m, "helse", "2026-01-01",
					    "2026-11-30");
		/* overall between 5 and 9 %, as municipalities are */
		assert_in_range(all.permille, 50, 90);
		/* health and care above the whole, so above the rest */
		assert_true(helse.permille > all.permille);
		assert_in_range(helse.permille, 75, 120);
		for (size_t i = 0; i < 3; i++) {
			org_sick_leave o = sick(d, m, others[i], "2026-01-01",
						"2026-11-30");
			assert_true(o.agreed_e6 > 0);
			assert_true(o.permille < helse.permille);
		}
		/* the parts add up, give or take rounding */
		int parts = all.self_certified_permille +
			    all.doctor_certified_permille;
		assert_in_range(parts, all.permille - 1, all.permille + 1);
		assert_true(all.self_certified_permille > 0);
		assert_true(all.doctor_certified_permille >
			    all.self_certified_permille);
		assert_true(all.employees_absent > 0);
	}
	db_close(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_days_self_certified),
		cmocka_unit_test(test_weekends_and_holidays_do_not_count),
		cmocka_unit_test(test_graded_leave_and_fte_weigh),
		cmocka_unit_test(test_posts_and_spells_cut_to_the_period),
		cmocka_unit_test(test_table_checks_and_errors),
		cmocka_unit_test(test_demo_levels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
