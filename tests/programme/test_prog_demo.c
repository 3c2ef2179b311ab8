/*
 * test_prog_demo.c - the demo programme "Framtidens Karasjok": the
 * stages, challenges, sub-projects, effect goals and groups named in the
 * programme documents, deadlines inside their stages, Sámi text on every
 * row, owners from the right sector, and the same seed giving the same
 * rows. Also the loader on a bare organisation without employees.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_rng.h"
#include "base/ov_str.h"
#include "db/db.h"
#include "org/org.h"
#include "programme/prog.h"
#include "support/support.h"

/* The shared scratch database of tests/support. */
typedef scratch_db fixture;

static fixture open_new(void)
{
	return scratch_open("prog.db");
}

static void unload(fixture *f)
{
	scratch_close(f);
}

static void load_prog(fixture *f, uint64_t seed)
{
	ov_err e;
	ov_rng rng;
	ov_rng_seed(&rng, seed);
	assert_int_equal(db_begin(f->d, &e), OV_OK);
	ov_status rc = prog_demo_load(f->d, &rng, &e);
	if (rc != OV_OK)
		fail_msg("prog_demo_load: %s", e.msg);
	assert_int_equal(db_commit(f->d, &e), OV_OK);
}

/* The demo organisation and then the programme, as demo_load does. */
static fixture load_full(uint64_t org_seed, uint64_t prog_seed)
{
	fixture f = open_new();
	ov_err e;
	ov_rng rng;
	ov_rng_seed(&rng, org_seed);
	assert_int_equal(db_begin(f.d, &e), OV_OK);
	assert_int_equal(org_demo_load(f.d, &rng, &e), OV_OK);
	assert_int_equal(db_commit(f.d, &e), OV_OK);
	load_prog(&f, prog_seed);
	return f;
}

/* Karasjok with its four sectors; with staff, a unit per sector and
 * `staff` employees in posts there. */
static fixture load_bare(int staff)
{
	fixture f = open_new();
	ov_err e;
	assert_int_equal(
		db_exec(f.d,
			"INSERT INTO municipality (id, code, name_nb, name_se, "
			"inhabitants, area_km2) VALUES (7, '5610', 'Karasjok', "
			"'Kárášjohka', 2565, 5453);"
			"INSERT INTO sector (id, municipality_id, code, name_nb, "
			"name_se) VALUES (11, 7, 'helse', 'H', 'H'), "
			"(12, 7, 'oppvekst', 'O', 'O'), (13, 7, 'ptmn', 'P', "
			"'P'), (14, 7, 'adm', 'A', 'A');",
			&e),
		OV_OK);
	for (int s = 0; s < 4 && staff; s++) {
		char sql[512];
		snprintf(sql, sizeof sql,
			 "INSERT INTO unit (id, municipality_id, sector_id, "
			 "ansvar, name_nb, name_se) VALUES (%d, 7, %d, '%d', "
			 "'U', 'U')",
			 100 + s, 11 + s, 100 + s);
		assert_int_equal(db_exec(f.d, sql, &e), OV_OK);
		for (int k = 0; k < staff; k++) {
			int id = 1000 + s * 100 + k;
			snprintf(sql, sizeof sql,
				 "INSERT INTO employee (id, municipality_id, "
				 "employee_no, given_name, family_name) VALUES "
				 "(%d, 7, '%d', 'G%d', 'F%d');"
				 "INSERT INTO position (unit_id, employee_id, "
				 "title_nb, title_se, fte_bp, competence) "
				 "VALUES (%d, %d, 'T', 'T', 10000, 'other')",
				 id, id, id, id, 100 + s, id);
			assert_int_equal(db_exec(f.d, sql, &e), OV_OK);
		}
	}
	return f;
}

static int64_t goals_of(db *d, const char *sp, const char *area)
{
	char sql[512];
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM effect_goal g JOIN subproject s ON "
		 "s.id = g.subproject_id WHERE s.code = '%s'%s%s%s",
		 sp, area ? " AND g.area_nb = '" : "", area ? area : "",
		 area ? "'" : "");
	return sql_int(d, sql);
}

static void test_structure(void **state)
{
	(void)state;
	fixture f = load_full(1, 2);
	db *d = f.d;
	assert_int_equal(sql_int(d, "SELECT count(*) FROM programme p JOIN "
				"municipality m ON m.id = p.municipality_id "
				"WHERE m.code = '5610' AND p.code = 'FK' AND "
				"p.starts_on = '2020-01-01' AND "
				"p.ends_on = '2027-12-31'"),
			 1);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM programme_stage"), 3);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM programme_stage WHERE "
				"(number = 1 AND code = 'BASIS' AND "
				"starts_on = '2020-01-01' AND "
				"ends_on = '2021-12-31') OR (number = 2 AND "
				"code = 'NY GIV' AND starts_on = '2022-01-01' "
				"AND ends_on = '2024-12-31') OR (number = 3 AND "
				"code = 'BESTE PRAKSIS' AND "
				"starts_on = '2025-01-01' AND "
				"ends_on = '2027-12-31')"),
			 3);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM challenge"), 4);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM challenge WHERE "
				"name_nb IN ('Samspill og ledelse', "
				"'Organisasjonsklarhet', 'Kvalitet og "
				"tjenesteleveranser', 'Økonomi og styring')"),
			 4);
	/* One sub-project per Karasjok sector, and the adm one is
	 * "Økonomi og styring". */
	assert_int_equal(sql_int(d, "SELECT count(*) FROM subproject"), 4);
	assert_int_equal(sql_int(d, "SELECT count(DISTINCT c.code) FROM "
				"subproject s JOIN sector c ON c.id = "
				"s.sector_id JOIN municipality m ON m.id = "
				"c.municipality_id WHERE m.code = '5610'"),
			 4);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM subproject s JOIN "
				"sector c ON c.id = s.sector_id WHERE "
				"c.code = 'adm' AND s.name_nb = 'Økonomi og "
				"styring'"),
			 1);
	unload(&f);
}

static void test_effect_goals(void **state)
{
	(void)state;
	fixture f = load_full(1, 2);
	/* As listed in the sub-project plans. */
	assert_int_equal(goals_of(f.d, "HO", NULL), 10);
	assert_int_equal(goals_of(f.d, "HO", "Ledelse"), 3);
	assert_int_equal(goals_of(f.d, "HO", "Bemanning"), 3);
	assert_int_equal(goals_of(f.d, "HO", "Avklart tjenestenivå og "
					     "bærekraftig drift"),
			 4);
	assert_int_equal(goals_of(f.d, "OPP", NULL), 6);
	assert_int_equal(goals_of(f.d, "PTMN", NULL), 6);
	assert_int_equal(goals_of(f.d, "OS", NULL), 7);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM effect_goal WHERE "
				  "challenge_id IS NULL"),
			 0);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM effect_goal WHERE "
				  "text_nb = 'Helse og omsorg har en "
				  "etablert heltidskultur'"),
			 1);
	/* The Sámi language goal of the programme. */
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM effect_goal WHERE "
				  "text_nb LIKE 'Samisk språk er et komplett "
				  "og samfunnsbærende språk%'"),
			 1);
	unload(&f);
}

static void test_named_groups(void **state)
{
	(void)state;
	fixture f = load_full(1, 2);
	static const char *const working[] = {
		"Brann", "FDV", "Renhold", "Bassengdrift", "Saksbehandling",
		"Felles teknisk vakt", "Tjenestebeskrivelser",
		"Bemanningsplan, døgnrytmeplan og turnus",
		"Arbeidsflyt og logistikk i hjemmetjenesten",
		"Organisering av opplæringen",
		"Tidlig innsats og god forebygging"};
	for (size_t i = 0; i < sizeof working / sizeof *working; i++) {
		char sql[256];
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM work_group WHERE kind = "
			 "'working' AND name_nb = '%s'",
			 working[i]);
		if (sql_int(f.d, sql) != 1)
			fail_msg("working group '%s' missing", working[i]);
	}
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM work_group WHERE "
				  "kind = 'working'"),
			 11);
	int64_t refs = sql_int(f.d, "SELECT count(*) FROM work_group WHERE "
				"kind = 'reference'");
	assert_true(refs >= 2 && refs <= 3);
	/* The oppvekst mandate is quoted from the document. */
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM work_group WHERE "
				  "mandate_nb LIKE 'Arbeidsgruppen skal komme "
				  "med forslag til organisering av "
				  "opplæringen%'"),
			 1);
	/* Reference groups have outside members in their roles. */
	assert_true(sql_int(f.d, "SELECT count(*) FROM group_member WHERE "
			     "external_name = 'Eldrerådet' AND member_role "
			     "= 'user_rep'") >= 1);
	assert_true(sql_int(f.d, "SELECT count(*) FROM group_member WHERE "
			     "external_name = 'Fagforbundet' AND "
			     "member_role = 'employee_rep'") >= 1);
	/* Every group: a leader, who is its only 'leader' member, and
	 * 3-7 other members. */
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM work_group WHERE "
				  "leader_employee_id IS NULL"),
			 0);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM work_group g WHERE "
				  "(SELECT count(*) FROM group_member m WHERE "
				  "m.group_id = g.id AND m.member_role = "
				  "'leader' AND m.employee_id = "
				  "g.leader_employee_id) <> 1"),
			 0);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM work_group g WHERE "
				  "(SELECT count(*) FROM group_member m WHERE "
				  "m.group_id = g.id AND m.member_role <> "
				  "'leader') NOT BETWEEN 3 AND 7"),
			 0);
	/* Nobody sits twice in one group. */
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM (SELECT group_id, "
				  "employee_id FROM group_member WHERE "
				  "employee_id IS NOT NULL GROUP BY group_id, "
				  "employee_id HAVING count(*) > 1) x"),
			 0);
	unload(&f);
}

static void test_measures(void **state)
{
	(void)state;
	fixture f = load_full(1, 2);
	db *d = f.d;
	assert_true(sql_int(d, "SELECT count(*) FROM measure") >= 30);
	/* Every sub-project has measures in every stage. */
	assert_int_equal(sql_int(d, "SELECT count(*) FROM (SELECT subproject_id, "
				"stage_id FROM measure GROUP BY "
				"subproject_id, stage_id) x"),
			 12);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM measure m JOIN "
				"programme_stage s ON s.id = m.stage_id WHERE "
				"m.deadline IS NULL OR m.deadline < "
				"s.starts_on OR m.deadline > s.ends_on"),
			 0);
	/* Status is data: stage 1 mostly done with one or two late,
	 * stage 2 a mix, stage 3 not done yet. */
	assert_int_equal(sql_int(d, "SELECT count(*) FROM measure m JOIN "
				"programme_stage s ON s.id = m.stage_id WHERE "
				"s.number = 1 AND m.status NOT IN ('done', "
				"'late')"),
			 0);
	int64_t late1 = sql_int(d, "SELECT count(*) FROM measure m JOIN "
			       "programme_stage s ON s.id = m.stage_id WHERE "
			       "s.number = 1 AND m.status = 'late'");
	assert_true(late1 >= 1 && late1 <= 2);
	assert_int_equal(sql_int(d, "SELECT count(DISTINCT m.status) FROM measure "
				"m JOIN programme_stage s ON s.id = m.stage_id "
				"WHERE s.number = 2"),
			 3);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM measure m JOIN "
				"programme_stage s ON s.id = m.stage_id WHERE "
				"s.number = 3 AND m.status NOT IN ('ongoing', "
				"'planned')"),
			 0);
	/* Every measure has an owner from its sub-project's sector. */
	assert_int_equal(sql_int(d, "SELECT count(*) FROM measure WHERE "
				"owner_employee_id IS NULL OR challenge_id IS "
				"NULL"),
			 0);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM measure m JOIN "
				"subproject s ON s.id = m.subproject_id WHERE "
				"NOT EXISTS (SELECT 1 FROM position p JOIN unit "
				"u ON u.id = p.unit_id WHERE p.employee_id = "
				"m.owner_employee_id AND u.sector_id = "
				"s.sector_id)"),
			 0);
	unload(&f);
}

static void test_sami_text_everywhere(void **state)
{
	(void)state;
	fixture f = load_full(1, 2);
	static const char *const sql[] = {
		"SELECT count(*) FROM programme WHERE name_se = '' OR "
		"purpose_se = '' OR name_se = name_nb OR purpose_se = "
		"purpose_nb",
		"SELECT count(*) FROM programme_stage WHERE name_se = '' OR "
		"name_se = name_nb",
		"SELECT count(*) FROM challenge WHERE name_se = '' OR name_se "
		"= name_nb",
		"SELECT count(*) FROM subproject WHERE name_se = '' OR name_se "
		"= name_nb",
		"SELECT count(*) FROM effect_goal WHERE area_se = '' OR "
		"text_se = '' OR text_se = text_nb OR area_se = area_nb OR "
		"(indicator_nb IS NULL) <> (indicator_se IS NULL) OR "
		"indicator_se = ''",
		"SELECT count(*) FROM measure WHERE text_se = '' OR text_se = "
		"text_nb",
		"SELECT count(*) FROM work_group WHERE name_se = '' OR "
		"mandate_se = '' OR name_se = name_nb OR mandate_se = "
		"mandate_nb",
	};
	for (size_t i = 0; i < sizeof sql / sizeof *sql; i++)
		if (sql_int(f.d, sql[i]) != 0)
			fail_msg("rows without Sámi text: %s", sql[i]);
	unload(&f);
}

/* The programme tables as text, in a fixed order (owned). */
static char *dump(db *d)
{
	static const char *const tables[] = {
		"programme", "programme_stage", "challenge", "subproject",
		"effect_goal", "measure", "work_group", "group_member"};
	ov_buf b = OV_BUF_INIT;
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY id",
			 tables[t]);
		db_stmt *st;
		assert_int_equal(db_prepare(d, sql, &st, NULL), OV_OK);
		int ncols = db_col_count(st);
		while (db_step(st, NULL) == 1) {
			for (int c = 0; c < ncols; c++)
				ov_buf_printf(&b, "%s|", db_col_text(st, c));
			ov_buf_adds(&b, "\n");
		}
		db_finalize(st);
	}
	char *s = ov_strdup(ov_buf_str(&b));
	ov_buf_free(&b);
	return s;
}

static void test_deterministic(void **state)
{
	(void)state;
	fixture a = load_full(5, 9), b = load_full(5, 9), c = load_full(5, 10);
	char *da = dump(a.d), *db_ = dump(b.d), *dc = dump(c.d);
	assert_true(strlen(da) > 1000);
	assert_string_equal(da, db_);
	/* Another stream picks other owners and members. */
	assert_true(strcmp(da, dc) != 0);
	free(da);
	free(db_);
	free(dc);
	unload(&a);
	unload(&b);
	unload(&c);
}

static void test_no_employees(void **state)
{
	(void)state;
	fixture f = load_bare(0);
	load_prog(&f, 3);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM subproject WHERE "
				  "sector_id IS NULL"),
			 0);
	assert_true(sql_int(f.d, "SELECT count(*) FROM measure") >= 30);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM measure WHERE "
				  "owner_employee_id IS NOT NULL"),
			 0);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM work_group WHERE "
				  "leader_employee_id IS NOT NULL"),
			 0);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM group_member WHERE "
				  "employee_id IS NOT NULL"),
			 0);
	/* Outside members of the reference groups are still there. */
	assert_true(sql_int(f.d, "SELECT count(*) FROM group_member") >= 10);
	unload(&f);
}

static void test_small_staff(void **state)
{
	(void)state;
	/* Fewer employees than some groups want: everyone drawn once. */
	fixture f = load_bare(4);
	load_prog(&f, 3);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM measure WHERE "
				  "owner_employee_id IS NULL"),
			 0);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM work_group WHERE "
				  "leader_employee_id IS NULL"),
			 0);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM measure m JOIN "
				  "subproject s ON s.id = m.subproject_id "
				  "WHERE m.owner_employee_id / 100 - 10 <> "
				  "s.sector_id - 11"),
			 0);
	assert_int_equal(sql_int(f.d, "SELECT count(*) FROM (SELECT group_id, "
				  "employee_id FROM group_member WHERE "
				  "employee_id IS NOT NULL GROUP BY group_id, "
				  "employee_id HAVING count(*) > 1) x"),
			 0);
	unload(&f);
}

static void test_needs_karasjok(void **state)
{
	(void)state;
	fixture f = open_new();
	ov_err e;
	ov_rng rng;
	ov_rng_seed(&rng, 1);
	assert_int_equal(db_begin(f.d, &e), OV_OK);
	assert_int_equal(prog_demo_load(f.d, &rng, &e), OV_E_INTERNAL);
	assert_true(contains(e.msg, "5610"));
	db_rollback(f.d);
	unload(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_effect_goals),
		cmocka_unit_test(test_named_groups),
		cmocka_unit_test(test_measures),
		cmocka_unit_test(test_sami_text_everywhere),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_no_employees),
		cmocka_unit_test(test_small_staff),
		cmocka_unit_test(test_needs_karasjok),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
