/*
 * test_care_route_audit.c - the stored home-care lists are audited in
 * the same transaction as they are stored: `routes plan` and `routes
 * replan` each write exactly one audit row (routes.plan /
 * routes.replan on route_plan, the municipality, the command line's
 * actor, the lists they take over from before and the new lists'
 * counts after), a planning that fails writes none, and lists whose
 * audit row cannot be written are not stored.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "care/care_route.h"
#include "db/db.h"
#include "support/support.h"

#define UNIT "3100" /* Karasjok's Hjemmetjenesten */
#define DAY "2027-01-06"
#define ACTOR "cli:audit-test"

/* A copy of the demo with a week's rota of Karasjok's home care, worked
 * on as the command line's user "audit-test". */
static int setup(void **state)
{
	copy_db *c = demo_copy_as("audit-test");
	run_result r = run_cli("--db", c->path, "rota", "plan", "--unit",
			       UNIT, "--from", "2027-01-04", "--weeks", "1",
			       "--seconds", "1", "--quiet", NULL);
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

static int64_t last_audit(const char *path)
{
	return sql_int_at(path, "SELECT coalesce(max(id), 0) FROM audit_log");
}

/* The one audit row after id `after` (fails unless there is exactly
 * one); free with auth_audit_free(row, 1). */
static auth_audit_row *only_row_after(const char *path, int64_t after)
{
	db *d;
	ov_err e;
	if (db_open(path, DB_READ, &d, &e) != OV_OK)
		fail_msg("%s: %s", path, e.msg);
	auth_audit_row *all;
	int n;
	assert_int_equal(auth_audit_list(d, NULL, 0, &all, &n, &e), OV_OK);
	db_close(d);
	auth_audit_row *one = calloc(1, sizeof *one);
	assert_non_null(one);
	int found = 0;
	for (int i = 0; i < n; i++) {
		if (all[i].id > after && !found++) {
			*one = all[i];
			continue;
		}
		free(all[i].before);
		free(all[i].after);
	}
	free(all);
	if (found != 1)
		fail_msg("%d audit rows, expected 1", found);
	return one;
}

/* The first column of sql's one row as text (owned). */
static char *sql_text_at(const char *path, const char *sql)
{
	db *d;
	db_stmt *st;
	ov_err e;
	if (db_open(path, DB_READ, &d, &e) != OV_OK)
		fail_msg("%s: %s", path, e.msg);
	assert_int_equal(db_prepare(d, sql, &st, &e), OV_OK);
	assert_int_equal(db_step(st, &e), 1);
	char *s = strdup(db_col_text(st, 0));
	db_finalize(st);
	db_close(d);
	return s;
}

static int64_t num(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	if (!json_is_integer(v))
		fail_msg("no integer %s", k);
	return json_integer_value(v);
}

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	if (!s)
		fail_msg("no string %s", k);
	return s;
}

/* How many rows of table belong to the newest route plan. */
static int64_t rows_of_newest(const char *path, const char *table)
{
	char sql[200];
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM %s WHERE plan_id = (SELECT max(id) "
		 "FROM route_plan)",
		 table);
	return sql_int_at(path, sql);
}

/* Checks the row of a stored planning; returns its after (owned). */
static json_t *check_row(const char *path, const auth_audit_row *a,
			 const char *action)
{
	assert_string_equal(a->actor, ACTOR);
	assert_string_equal(a->action, action);
	assert_string_equal(a->entity, "route_plan");
	int64_t id = sql_int_at(path, "SELECT max(id) FROM route_plan");
	char idtext[24];
	snprintf(idtext, sizeof idtext, "%lld", (long long)id);
	assert_string_equal(a->entity_id, idtext);
	assert_int_equal(a->municipality_id,
			 sql_int_at(path, "SELECT id FROM municipality WHERE "
					  "code = '5610'"));
	json_t *j = parse_json(a->after);
	assert_string_equal(str(j, "municipality"), "5610");
	assert_string_equal(str(j, "date"), DAY);
	assert_string_equal(str(j, "shift"), "day");
	assert_int_equal(num(j, "plan_id"), id);
	assert_int_equal(num(j, "rota_plan_id"),
			 sql_int_at(path, "SELECT max(id) FROM rota_plan"));
	assert_int_equal(num(j, "caregivers"),
			 rows_of_newest(path, "route_caregiver"));
	assert_int_equal(num(j, "stops"), rows_of_newest(path, "route_stop"));
	assert_int_equal(num(j, "unserved"),
			 rows_of_newest(path, "route_unserved"));
	assert_true(num(j, "stops") > 0);
	assert_true(json_is_number(json_object_get(j, "travel_min")));
	return j;
}

static void test_plan_and_replan_audited(void **state)
{
	copy_db *c = *state;
	const char *p = c->path;
	/* the first lists of the day: nothing before */
	int64_t last = last_audit(p);
	run_result r = run_cli("--db", p, "routes", "plan", "--municipality",
			       "karasjok", "--date", DAY, "--seconds", "1",
			       "--quiet", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	auth_audit_row *a = only_row_after(p, last);
	json_t *j = check_row(p, a, "routes.plan");
	assert_null(a->before);
	assert_int_equal(num(j, "replaces"), 0);
	assert_string_equal(str(j, "reason"), "");
	int64_t first = num(j, "plan_id");
	json_decref(j);
	auth_audit_free(a, 1);

	/* planned again: the lists it takes over from before */
	last = last_audit(p);
	r = run_cli("--db", p, "routes", "plan", "--municipality", "karasjok",
		    "--date", DAY, "--seconds", "1", "--quiet", "--seed", "2",
		    NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	a = only_row_after(p, last);
	j = check_row(p, a, "routes.plan");
	json_t *b = parse_json(a->before);
	assert_int_equal(num(b, "plan_id"), first);
	int64_t second = num(j, "plan_id");
	json_decref(b);
	json_decref(j);
	auth_audit_free(a, 1);

	/* a sick call: a re-planning of those lists */
	char *sick = sql_text_at(
		p, "SELECT e.employee_no FROM route_stop s JOIN employee e ON "
		   "e.id = s.employee_id WHERE s.plan_id = (SELECT max(id) "
		   "FROM route_plan) GROUP BY e.id ORDER BY count(*) DESC, "
		   "e.id LIMIT 1");
	last = last_audit(p);
	r = run_cli("--db", p, "routes", "replan", "--municipality",
		    "karasjok", "--date", DAY, "--sick", sick, "--seconds",
		    "1", "--quiet", NULL);
	if (r.code)
		fail_msg("replan: %s", r.err);
	run_free(&r);
	a = only_row_after(p, last);
	j = check_row(p, a, "routes.replan");
	b = parse_json(a->before);
	assert_int_equal(num(b, "plan_id"), second);
	assert_int_equal(num(j, "replaces"), second);
	char reason[48];
	snprintf(reason, sizeof reason, "sick:%s", sick);
	assert_string_equal(str(j, "reason"), reason);
	json_decref(b);
	json_decref(j);
	auth_audit_free(a, 1);
	free(sick);
}

/* Runs a routes command that must fail with exit 1 and leave the route
 * plans and the trail as they were. */
#define FAILS_UNAUDITED(path, ...)                                           \
	do {                                                                 \
		int64_t last_ = last_audit(path);                            \
		int64_t plans_ = sql_int_at((path), "SELECT count(*) FROM "  \
						    "route_plan");           \
		run_result r_ = run_cli("--db", (path), "routes",            \
					__VA_ARGS__, "--municipality",       \
					"karasjok", "--seconds", "1",        \
					"--quiet", NULL);                    \
		if (r_.code != 1)                                            \
			fail_msg("expected exit 1, got %d: %s", r_.code,     \
				 r_.err);                                    \
		run_free(&r_);                                               \
		assert_int_equal(last_audit(path), last_);                   \
		assert_int_equal(sql_int_at((path), "SELECT count(*) FROM "  \
						    "route_plan"),           \
				 plans_);                                    \
	} while (0)

static void test_failures_unaudited(void **state)
{
	copy_db *c = *state;
	const char *p = c->path;
	/* a day no rota covers */
	FAILS_UNAUDITED(p, "plan", "--date", "2027-03-01");
	/* nothing planned yet to re-plan */
	FAILS_UNAUDITED(p, "replan", "--date", DAY, "--sick", "10075");
	/* a travel file with a bad line */
	char *dir = tmp_dir(), *csv = path_join(dir, "travel.csv");
	FILE *f = fopen(csv, "w");
	fputs("from,to,minutes\noffice,K-001,twenty\n", f);
	fclose(f);
	FAILS_UNAUDITED(p, "plan", "--date", DAY, "--travel", csv);
	rm_rf(dir);
	free(csv);
	free(dir);
	/* someone not on the lists */
	run_result r = run_cli("--db", p, "routes", "plan", "--municipality",
			       "karasjok", "--date", DAY, "--seconds", "1",
			       "--quiet", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	FAILS_UNAUDITED(p, "replan", "--date", DAY, "--sick", "no-such-one");
}

/* Lists whose audit row cannot be written are not stored. */
static void test_no_lists_without_their_audit_row(void **state)
{
	copy_db *c = *state;
	const char *p = c->path;
	db *d;
	ov_err e;
	assert_int_equal(db_open(p, DB_WRITE, &d, &e), OV_OK);
	assert_int_equal(db_exec(d,
				 "CREATE TRIGGER audit_log_refuse BEFORE "
				 "INSERT ON audit_log BEGIN SELECT "
				 "RAISE(ABORT, 'refused'); END",
				 &e),
			 OV_OK);
	db_close(d);
	int64_t last = last_audit(p);
	run_result r = run_cli("--db", p, "routes", "plan", "--municipality",
			       "karasjok", "--date", DAY, "--seconds", "1",
			       "--quiet", NULL);
	assert_int_equal(r.code, 2);
	run_free(&r);
	assert_int_equal(last_audit(p), last);
	assert_int_equal(sql_int_at(p, "SELECT (SELECT count(*) FROM "
				       "route_plan) + (SELECT count(*) FROM "
				       "route_caregiver) + (SELECT count(*) "
				       "FROM route_stop) + (SELECT count(*) "
				       "FROM route_unserved)"),
			 0);
}

/* Called directly: a plan that breaks a rule is neither stored nor
 * audited; inside the caller's transaction the audit row goes with the
 * lists when the caller rolls back. */
static void test_store_directly(void **state)
{
	copy_db *c = *state;
	db *d;
	ov_err e;
	assert_int_equal(db_open(c->path, DB_WRITE, &d, &e), OV_OK);
	int64_t mid = sql_int(d, "SELECT id FROM municipality WHERE code = "
				 "'5610'");
	ov_day day;
	assert_int_equal(ov_date_parse(DAY, &day), 0);
	care_day *cd = NULL;
	assert_int_equal(care_day_build(d, mid, day, CARE_SHIFT_DAY, NULL, &cd,
					&e),
			 OV_OK);
	char buf[80];
	const auth_actor who = auth_actor_cli(buf);
	int64_t audits = sql_int(d, "SELECT count(*) FROM audit_log");

	/* a nurse's visit on a caregiver who is no nurse */
	int nurse_visit = 0, other = -1;
	for (int i = 1; i <= cd->n_visits && !nurse_visit; i++)
		if (cd->problem->nodes[i].skills == ROUTES_SKILL_NURSE)
			nurse_visit = i;
	for (int k = 0; k < cd->n_caregivers && other < 0; k++)
		if (strcmp(cd->caregivers[k].competence, "nurse"))
			other = k;
	assert_true(nurse_visit > 0 && other >= 0);
	routes_plan *bad = calloc(1, sizeof *bad);
	bad->n_routes = 1;
	bad->route_start = malloc(2 * sizeof(int));
	bad->seq = malloc(sizeof(int));
	bad->vehicle = malloc(sizeof(int));
	bad->route_start[0] = 0;
	bad->route_start[1] = 1;
	bad->seq[0] = nurse_visit;
	bad->vehicle[0] = other;
	assert_int_equal(care_route_store(d, &who, cd, bad, NULL, 1, 0, "",
					  NULL, &e),
			 OV_E_INPUT);
	routes_plan_free(bad);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM audit_log"), audits);

	routes_solve_opts so = {.seconds = 30, .seed = 7,
				.max_iterations = 2000};
	routes_plan *plan;
	routes_solve_info info;
	assert_int_equal(routes_solve(cd->problem, &so, &plan, &info, &e),
			 OV_OK);
	assert_int_equal(db_begin(d, &e), OV_OK);
	int64_t id = 0;
	assert_int_equal(care_route_store(d, &who, cd, plan, &info, 7, 0, "",
					  &id, &e),
			 OV_OK);
	assert_true(db_in_transaction(d));
	assert_int_equal(sql_int(d, "SELECT count(*) FROM audit_log WHERE "
				    "action = 'routes.plan'"),
			 1);
	db_rollback(d);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM audit_log"), audits);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM route_plan"), 0);
	/* on its own: stored and audited together */
	assert_int_equal(care_route_store(d, &who, cd, plan, &info, 7, 0, "",
					  &id, &e),
			 OV_OK);
	assert_false(db_in_transaction(d));
	assert_int_equal(sql_int(d, "SELECT count(*) FROM audit_log"),
			 audits + 1);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM route_plan"), 1);
	routes_plan_free(plan);
	care_day_free(cd);
	db_close(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plan_and_replan_audited,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_failures_unaudited, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_no_lists_without_their_audit_row, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_directly, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
