/*
 * test_prog_query.c - reading the programme back: prog_get returns the
 * whole tree in order, the current stage follows the date passed in,
 * the summary's counts agree with the rows, and a database without a
 * programme gives OV_E_NOTFOUND.
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_date.h"
#include "db/db.h"
#include "programme/prog.h"
#include "support/support.h"

static db *open_demo(void)
{
	db *d;
	ov_err e;
	assert_int_equal(db_open(demo_db(), DB_READ, &d, &e), OV_OK);
	return d;
}

static ov_day day(const char *s)
{
	ov_day d;
	assert_int_equal(ov_date_parse(s, &d), 0);
	return d;
}

static void test_get_tree(void **state)
{
	(void)state;
	db *d = open_demo();
	prog_programme *p;
	ov_err e;
	assert_int_equal(prog_get(d, NULL, &p, &e), OV_OK);
	assert_string_equal(p->code, "FK");
	assert_string_equal(p->municipality_code, "5610");
	assert_string_equal(p->name_nb, "Framtidens Karasjok");
	assert_true(strlen(p->name_se) > 0);
	assert_int_equal(p->starts_on, day("2020-01-01"));
	assert_int_equal(p->ends_on, day("2027-12-31"));

	assert_int_equal(p->nstages, 3);
	assert_string_equal(p->stages[0].code, "BASIS");
	assert_string_equal(p->stages[1].code, "NY GIV");
	assert_string_equal(p->stages[2].code, "BESTE PRAKSIS");
	for (size_t i = 0; i < p->nstages; i++)
		assert_int_equal(p->stages[i].number, (int)i + 1);
	assert_int_equal(p->nchallenges, 4);
	assert_string_equal(p->challenges[3].name_nb, "Økonomi og styring");

	assert_int_equal(p->nsubprojects, 4);
	static const char *const codes[] = {"HO", "OPP", "PTMN", "OS"};
	static const char *const sectors[] = {"helse", "oppvekst", "ptmn",
					      "adm"};
	static const size_t ngoals[] = {10, 6, 6, 7};
	size_t nmeasures = 0;
	for (size_t i = 0; i < 4; i++) {
		const prog_subproject *s = &p->subprojects[i];
		assert_string_equal(s->code, codes[i]);
		assert_string_equal(s->sector_code, sectors[i]);
		assert_int_equal(s->ngoals, ngoals[i]);
		for (size_t k = 0; k < s->ngoals; k++) {
			assert_int_equal(s->goals[k].number, (int)k + 1);
			assert_true(s->goals[k].challenge >= 1 &&
				    s->goals[k].challenge <= 4);
		}
		for (size_t k = 0; k < s->nmeasures; k++) {
			const prog_measure *m = &s->measures[k];
			assert_int_equal(m->number, (int)k + 1);
			assert_true(*m->owner);
			assert_true(m->owner_id > 0);
			const prog_stage *st = prog_stage_find(p, m->stage);
			assert_non_null(st);
			ov_day dl = day(m->deadline);
			assert_true(st->starts_on <= dl && dl <= st->ends_on);
		}
		nmeasures += s->nmeasures;
	}
	assert_int_equal(nmeasures, sql_int(d, "SELECT count(*) FROM measure"));
	/* HO's first goals are in the area Ledelse, with an indicator. */
	assert_string_equal(p->subprojects[0].goals[0].area_nb, "Ledelse");
	assert_true(*p->subprojects[0].goals[0].indicator_se);
	assert_string_equal(p->subprojects[0].goals[0].target, "100 %");

	/* Working groups first; members exclude the leader. */
	assert_int_equal(p->ngroups, sql_int(d, "SELECT count(*) FROM work_group"));
	int seen_reference = 0;
	for (size_t i = 0; i < p->ngroups; i++) {
		const prog_group *g = &p->groups[i];
		if (!strcmp(g->kind, "reference"))
			seen_reference = 1;
		else
			assert_false(seen_reference);
		assert_true(*g->leader);
		assert_true(g->nmembers >= 3 && g->nmembers <= 7);
		for (size_t k = 0; k < g->nmembers; k++) {
			assert_string_not_equal(g->members[k].role, "leader");
			assert_true(*g->members[k].name);
		}
	}
	assert_true(seen_reference);
	assert_non_null(prog_challenge_find(p, 2));
	assert_null(prog_challenge_find(p, 5));
	assert_null(prog_stage_find(p, 4));
	prog_free(p);

	assert_int_equal(prog_get(d, "FK", &p, &e), OV_OK);
	prog_free(p);
	assert_int_equal(prog_get(d, "XX", &p, &e), OV_E_NOTFOUND);
	assert_null(p);
	assert_true(contains(e.msg, "XX"));
	db_close(d);
}

static void test_stage_at(void **state)
{
	(void)state;
	db *d = open_demo();
	prog_programme *p;
	ov_err e;
	assert_int_equal(prog_get(d, NULL, &p, &e), OV_OK);
	assert_int_equal(prog_stage_at(p, day("2019-12-31")), 0);
	assert_int_equal(prog_stage_at(p, day("2020-01-01")), 1);
	assert_int_equal(prog_stage_at(p, day("2021-12-31")), 1);
	assert_int_equal(prog_stage_at(p, day("2022-01-01")), 2);
	assert_int_equal(prog_stage_at(p, day("2024-12-31")), 2);
	assert_int_equal(prog_stage_at(p, day("2025-01-01")), 3);
	assert_int_equal(prog_stage_at(p, day("2027-12-31")), 3);
	assert_int_equal(prog_stage_at(p, day("2028-01-01")), 0);
	prog_free(p);
	db_close(d);
}

static void test_summary(void **state)
{
	(void)state;
	db *d = open_demo();
	prog_summary s;
	ov_err e;
	assert_int_equal(prog_summary_get(d, &s, &e), OV_OK);
	assert_string_equal(s.code, "FK");
	assert_string_equal(s.name_nb, "Framtidens Karasjok");
	assert_true(strlen(s.name_se) > 0 && strcmp(s.name_se, s.name_nb));
	assert_int_equal(s.nstages, 3);
	assert_int_equal(s.measures_total,
			 sql_int(d, "SELECT count(*) FROM measure"));
	assert_int_equal(s.measures_total,
			 s.measures_done + s.measures_ongoing +
				 s.measures_late + s.measures_planned +
				 s.measures_cancelled);
	assert_int_equal(s.measures_done, sql_int(d, "SELECT count(*) FROM "
						 "measure WHERE status = "
						 "'done'"));
	assert_int_equal(s.measures_late, sql_int(d, "SELECT count(*) FROM "
						 "measure WHERE status = "
						 "'late'"));
	assert_true(s.measures_ongoing > 0 && s.measures_planned > 0);
	assert_int_equal(s.working_groups, 11);
	assert_int_equal(s.reference_groups,
			 sql_int(d, "SELECT count(*) FROM work_group WHERE kind = "
				"'reference'"));
	assert_int_equal(prog_summary_stage_at(&s, day("2019-06-01")), 0);
	assert_int_equal(prog_summary_stage_at(&s, day("2021-12-31")), 1);
	assert_int_equal(prog_summary_stage_at(&s, day("2023-03-15")), 2);
	assert_int_equal(prog_summary_stage_at(&s, day("2026-05-01")), 3);
	assert_int_equal(prog_summary_stage_at(&s, day("2030-01-01")), 0);
	db_close(d);
}

static void test_no_programme(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	char *path = path_join(dir, "empty.db");
	db *d;
	ov_err e;
	assert_int_equal(db_open(path, DB_CREATE, &d, &e), OV_OK);
	prog_programme *p = (prog_programme *)&e; /* must be reset */
	assert_int_equal(prog_get(d, NULL, &p, &e), OV_E_NOTFOUND);
	assert_null(p);
	assert_true(strlen(e.msg) > 0);
	prog_summary s;
	assert_int_equal(prog_summary_get(d, &s, &e), OV_E_NOTFOUND);
	db_close(d);
	rm_rf(dir);
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get_tree),
		cmocka_unit_test(test_stage_at),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_no_programme),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
