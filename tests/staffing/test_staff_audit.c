/*
 * test_staff_audit.c - every write of the rota commands leaves one row
 * on the audit trail, in the same transaction as the write: `rota
 * shift-set`, `rhythm-set`, `need-set`, `derive` and `rota plan` each
 * write exactly one row (one per row written for a range) with the
 * action, the table and row, the unit's municipality, the actor of the
 * command line (or the web user it runs for) and the row as JSON before
 * and after; a write that fails writes no audit row, and an audit row
 * that cannot be written takes the write with it. The staffing
 * functions called with no actor (the demo's bulk load) audit nothing.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "db/db.h"
#include "staff_fixture.h"

/* Karasjok sykehjem (day, evening, night shifts and a langvakt) and
 * Karasjok's home care (the smallest rota to plan). */
#define UNIT "3200"
#define HOME_CARE "3100"
#define ACTOR "cli:audit-test"

/* Each test works on its own copy of the demo, as the command line's
 * user "audit-test". */
static int setup(void **state)
{
	copy_db *c = demo_copy_as("audit-test");
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	copy_db *c = *state;
	copy_free(c);
	free(c);
	unsetenv("OVTTAS_ACTOR");
	unsetenv("OVTTAS_ACTOR_ID");
	return 0;
}

/* The newest audit row's id (0: none). */
static int64_t last_audit(const char *path)
{
	return sql_int_at(path, "SELECT coalesce(max(id), 0) FROM audit_log");
}

/* The audit rows after id `after`, oldest first. */
typedef struct {
	auth_audit_row *a;
	int n;
} trail;

static trail trail_after(const char *path, int64_t after)
{
	db *d;
	ov_err e;
	if (db_open(path, DB_READ, &d, &e) != OV_OK)
		fail_msg("%s: %s", path, e.msg);
	trail t = {NULL, 0};
	auth_audit_row *all;
	int n;
	assert_int_equal(auth_audit_list(d, NULL, 0, &all, &n, &e), OV_OK);
	db_close(d);
	int first = 0;
	while (first < n && all[first].id <= after)
		first++;
	t.n = n - first;
	t.a = calloc((size_t)t.n + 1, sizeof *t.a);
	assert_non_null(t.a);
	for (int i = 0; i < n; i++) {
		if (i >= first) {
			t.a[i - first] = all[i];
		} else {
			free(all[i].before);
			free(all[i].after);
		}
	}
	free(all);
	return t;
}

static void trail_free(trail *t)
{
	auth_audit_free(t->a, t->n);
	t->a = NULL;
	t->n = 0;
}

/* Runs a command (NULL-terminated, after --db path) that must succeed. */
#define RUNS(path, ...)                                                      \
	do {                                                                 \
		run_result r_ = run_cli("--db", (path), __VA_ARGS__, NULL);  \
		if (r_.code != 0)                                            \
			fail_msg("exit %d: %s", r_.code, r_.err);            \
		run_free(&r_);                                               \
	} while (0)

/* Runs a command that must fail with exit code `want` and write no
 * audit row. */
#define FAILS_UNAUDITED(path, want, ...)                                     \
	do {                                                                 \
		int64_t last_ = last_audit(path);                            \
		run_result r_ = run_cli("--db", (path), __VA_ARGS__, NULL);  \
		if (r_.code != (want))                                       \
			fail_msg("expected exit %d, got %d: %s", (want),     \
				 r_.code, r_.err);                           \
		run_free(&r_);                                               \
		assert_int_equal(last_audit(path), last_);                   \
	} while (0)

/* before or after of an audit row as JSON (owned; NULL for NULL). */
static json_t *state_of(const char *text)
{
	return text ? parse_json(text) : NULL;
}

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	if (!s)
		fail_msg("no string %s", k);
	return s;
}

static int64_t num(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	if (!json_is_integer(v))
		fail_msg("no integer %s", k);
	return json_integer_value(v);
}

/* The one audit row since `last`, checked for the actor, action,
 * entity and the unit's municipality. */
static trail one_row(const char *path, int64_t last, const char *action,
		     const char *entity, const char *unit)
{
	trail t = trail_after(path, last);
	if (t.n != 1)
		fail_msg("%s: %d audit rows, expected 1", action, t.n);
	assert_string_equal(t.a[0].actor, ACTOR);
	assert_string_equal(t.a[0].action, action);
	assert_string_equal(t.a[0].entity, entity);
	char sql[160];
	snprintf(sql, sizeof sql,
		 "SELECT municipality_id FROM unit WHERE ansvar = '%s'", unit);
	assert_int_equal(t.a[0].municipality_id, sql_int_at(path, sql));
	return t;
}

static int64_t unit_id(const char *path, const char *ansvar)
{
	char sql[120];
	snprintf(sql, sizeof sql, "SELECT id FROM unit WHERE ansvar = '%s'",
		 ansvar);
	return sql_int_at(path, sql);
}

/* --- rota shift-set --- */

static void test_shift_set(void **state)
{
	copy_db *c = *state;
	const char *p = c->path;
	/* a new shift type: nothing before */
	int64_t last = last_audit(p);
	RUNS(p, "rota", "shift-set", "--unit", UNIT, "--code", "K", "--name",
	     "Kveldsvakt", "--start", "16:00", "--length", "6:00",
	     "--category", "evening");
	trail t = one_row(p, last, "rota.shift_set", "shift_type", UNIT);
	char id[24];
	snprintf(id, sizeof id, "%lld",
		 (long long)sql_int_at(p, "SELECT id FROM shift_type WHERE "
					  "code = 'K'"));
	assert_string_equal(t.a[0].entity_id, id);
	assert_null(t.a[0].before);
	json_t *a = state_of(t.a[0].after);
	assert_string_equal(str(a, "unit"), UNIT);
	assert_string_equal(str(a, "code"), "K");
	assert_string_equal(str(a, "name_nb"), "Kveldsvakt");
	assert_string_equal(str(a, "start"), "16:00");
	assert_int_equal(num(a, "length_min"), 360);
	assert_string_equal(str(a, "category"), "evening");
	json_decref(a);
	trail_free(&t);

	/* a change: the old row before, the new one after */
	last = last_audit(p);
	RUNS(p, "rota", "shift-set", "--unit", UNIT, "--code", "K", "--start",
	     "17:00");
	t = one_row(p, last, "rota.shift_set", "shift_type", UNIT);
	assert_string_equal(t.a[0].entity_id, id);
	json_t *b = state_of(t.a[0].before);
	a = state_of(t.a[0].after);
	assert_string_equal(str(b, "start"), "16:00");
	assert_string_equal(str(a, "start"), "17:00");
	assert_string_equal(str(a, "name_nb"), "Kveldsvakt");
	json_decref(a);
	json_decref(b);
	trail_free(&t);

	/* refused: not written, not audited */
	FAILS_UNAUDITED(p, 1, "rota", "shift-set", "--unit", "Nowhere",
			"--code", "K", "--start", "18:00");
	FAILS_UNAUDITED(p, 1, "rota", "shift-set", "--unit", UNIT, "--code",
			"Q", "--name", "Q");
}

/* --- rota rhythm-set --- */

static void test_rhythm_set(void **state)
{
	copy_db *c = *state;
	const char *p = c->path;
	int64_t uid = unit_id(p, UNIT);
	int64_t nurses = sql_int_at(p, "SELECT nurses FROM rhythm_hour r JOIN "
				       "unit u ON u.id = r.unit_id WHERE "
				       "u.ansvar = '3200' AND weekday = 0 AND "
				       "hour = 7");
	int64_t last = last_audit(p);
	RUNS(p, "rota", "rhythm-set", "--unit", UNIT, "--weekday", "0",
	     "--hour", "7", "--nurses", "4", "--task", "Morgenstell");
	trail t = one_row(p, last, "rota.rhythm_set", "rhythm_hour", UNIT);
	char id[48];
	snprintf(id, sizeof id, "%lld:0:7", (long long)uid);
	assert_string_equal(t.a[0].entity_id, id);
	json_t *b = state_of(t.a[0].before), *a = state_of(t.a[0].after);
	assert_int_equal(num(b, "nurses"), nurses);
	assert_int_equal(num(a, "nurses"), 4);
	assert_int_equal(num(a, "weekday"), 0);
	assert_int_equal(num(a, "hour"), 7);
	assert_int_equal(num(a, "health_workers"), num(b, "health_workers"));
	assert_string_equal(str(a, "task_nb"), "Morgenstell");
	assert_string_equal(str(a, "unit"), UNIT);
	json_decref(a);
	json_decref(b);
	trail_free(&t);

	/* an hour not stored before (a school has no døgnrytmeplan) */
	last = last_audit(p);
	RUNS(p, "rota", "rhythm-set", "--unit", "2100", "--weekday", "2",
	     "--hour", "10", "--others", "3");
	t = one_row(p, last, "rota.rhythm_set", "rhythm_hour", "2100");
	assert_null(t.a[0].before);
	a = state_of(t.a[0].after);
	assert_int_equal(num(a, "others"), 3);
	json_decref(a);
	trail_free(&t);

	/* a range writes, and audits, one row per hour */
	last = last_audit(p);
	RUNS(p, "rota", "rhythm-set", "--unit", UNIT, "--weekday", "0-1",
	     "--hour", "8-9", "--sami", "1");
	t = trail_after(p, last);
	assert_int_equal(t.n, 4);
	for (int i = 0; i < t.n; i++)
		assert_string_equal(t.a[i].action, "rota.rhythm_set");
	snprintf(id, sizeof id, "%lld:1:9", (long long)uid);
	assert_string_equal(t.a[3].entity_id, id);
	trail_free(&t);

	FAILS_UNAUDITED(p, 1, "rota", "rhythm-set", "--unit", "Nowhere",
			"--weekday", "0", "--hour", "7", "--nurses", "1");
}

/* --- rota need-set --- */

static void test_need_set(void **state)
{
	copy_db *c = *state;
	const char *p = c->path;
	int64_t uid = unit_id(p, UNIT);
	int64_t shift = sql_int_at(p, "SELECT s.id FROM shift_type s JOIN unit "
				      "u ON u.id = s.unit_id WHERE u.ansvar = "
				      "'3200' AND s.code = 'D'");
	int64_t min = sql_int_at(p, "SELECT min_count FROM staffing_need n "
				    "JOIN shift_type s ON s.id = "
				    "n.shift_type_id JOIN unit u ON u.id = "
				    "n.unit_id WHERE u.ansvar = '3200' AND "
				    "n.weekday = 0 AND s.code = 'D' AND "
				    "n.skill = 'any'");
	char id[64];
	snprintf(id, sizeof id, "%lld:0:%lld:any", (long long)uid,
		 (long long)shift);
	int64_t last = last_audit(p);
	RUNS(p, "rota", "need-set", "--unit", UNIT, "--weekday", "0",
	     "--shift", "D", "--skill", "any", "--min", "9", "--preferred",
	     "11");
	trail t = one_row(p, last, "rota.need_set", "staffing_need", UNIT);
	assert_string_equal(t.a[0].entity_id, id);
	json_t *b = state_of(t.a[0].before), *a = state_of(t.a[0].after);
	assert_int_equal(num(b, "min_count"), min);
	assert_int_equal(num(a, "min_count"), 9);
	assert_int_equal(num(a, "preferred_count"), 11);
	assert_string_equal(str(a, "shift"), "D");
	assert_string_equal(str(a, "skill"), "any");
	assert_int_equal(num(a, "weekday"), 0);
	assert_string_equal(str(a, "unit"), UNIT);
	json_decref(a);
	json_decref(b);
	trail_free(&t);

	/* removed: nothing after; removing it again writes nothing, so
	 * nothing is audited */
	last = last_audit(p);
	RUNS(p, "rota", "need-set", "--unit", UNIT, "--weekday", "0",
	     "--shift", "D", "--skill", "any", "--min", "0");
	t = one_row(p, last, "rota.need_set", "staffing_need", UNIT);
	b = state_of(t.a[0].before);
	assert_int_equal(num(b, "min_count"), 9);
	assert_null(t.a[0].after);
	json_decref(b);
	trail_free(&t);
	last = last_audit(p);
	RUNS(p, "rota", "need-set", "--unit", UNIT, "--weekday", "0",
	     "--shift", "D", "--skill", "any", "--min", "0");
	assert_int_equal(last_audit(p), last);

	/* a new row: nothing before */
	last = last_audit(p);
	RUNS(p, "rota", "need-set", "--unit", UNIT, "--weekday", "0",
	     "--shift", "D", "--skill", "any", "--min", "2");
	t = one_row(p, last, "rota.need_set", "staffing_need", UNIT);
	assert_null(t.a[0].before);
	a = state_of(t.a[0].after);
	assert_int_equal(num(a, "preferred_count"), 2);
	json_decref(a);
	trail_free(&t);

	/* an unknown unit or shift: no write, no audit row */
	FAILS_UNAUDITED(p, 1, "rota", "need-set", "--unit", "Nowhere",
			"--weekday", "0", "--shift", "D", "--skill", "any",
			"--min", "1");
	FAILS_UNAUDITED(p, 1, "rota", "need-set", "--unit", UNIT, "--weekday",
			"0-6", "--shift", "ZZ", "--skill", "any", "--min", "1");
}

/* --- rota derive --- */

static void test_derive(void **state)
{
	copy_db *c = *state;
	const char *p = c->path;
	RUNS(p, "rota", "need-set", "--unit", UNIT, "--weekday", "0",
	     "--shift", "D", "--skill", "nurse", "--min", "5");
	int64_t rows = sql_int_at(p, "SELECT count(*) FROM staffing_need n "
				     "JOIN unit u ON u.id = n.unit_id WHERE "
				     "u.ansvar = '3200'");
	int64_t last = last_audit(p);
	RUNS(p, "rota", "derive", "--unit", UNIT);
	trail t = one_row(p, last, "rota.derive", "staffing_need", UNIT);
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)unit_id(p, UNIT));
	assert_string_equal(t.a[0].entity_id, id);
	json_t *b = state_of(t.a[0].before), *a = state_of(t.a[0].after);
	assert_string_equal(str(b, "unit"), UNIT);
	assert_string_equal(str(a, "unit"), UNIT);
	json_t *bn = json_object_get(b, "needs");
	json_t *an = json_object_get(a, "needs");
	assert_int_equal(json_array_size(bn), rows);
	assert_int_equal(json_array_size(an),
			 sql_int_at(p, "SELECT count(*) FROM staffing_need n "
				       "JOIN unit u ON u.id = n.unit_id WHERE "
				       "u.ansvar = '3200'"));
	/* the hand-set minimum before, the derived one after */
	size_t i;
	json_t *x;
	int seen = 0;
	json_array_foreach(bn, i, x) {
		if (num(x, "weekday") == 0 && !strcmp(str(x, "shift"), "D") &&
		    !strcmp(str(x, "skill"), "nurse")) {
			assert_int_equal(num(x, "min_count"), 5);
			seen++;
		}
	}
	json_array_foreach(an, i, x) {
		if (num(x, "weekday") == 0 && !strcmp(str(x, "shift"), "D") &&
		    !strcmp(str(x, "skill"), "nurse")) {
			assert_int_not_equal(num(x, "min_count"), 5);
			seen++;
		}
	}
	assert_int_equal(seen, 2);
	json_decref(a);
	json_decref(b);
	trail_free(&t);

	/* an hour no shift covers: the old plan stays, nothing audited */
	RUNS(p, "rota", "shift-set", "--unit", UNIT, "--code", "N", "--start",
	     "23:00", "--end", "07:00");
	FAILS_UNAUDITED(p, 1, "rota", "derive", "--unit", UNIT);
	FAILS_UNAUDITED(p, 1, "rota", "derive", "--unit", "Nowhere");
}

/* --- rota plan --- */

static void test_rota_plan(void **state)
{
	copy_db *c = *state;
	const char *p = c->path;
	int64_t last = last_audit(p);
	RUNS(p, "rota", "plan", "--unit", HOME_CARE, "--from", "2027-01-04",
	     "--weeks", "1", "--seconds", "1", "--quiet");
	trail t = one_row(p, last, "rota.plan", "rota_plan", HOME_CARE);
	int64_t first = sql_int_at(p, "SELECT max(id) FROM rota_plan");
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)first);
	assert_string_equal(t.a[0].entity_id, id);
	assert_null(t.a[0].before); /* no rota covered the week */
	json_t *a = state_of(t.a[0].after);
	assert_string_equal(str(a, "unit"), HOME_CARE);
	assert_string_equal(str(a, "from"), "2027-01-04");
	assert_int_equal(num(a, "weeks"), 1);
	assert_int_equal(num(a, "plan_id"), first);
	assert_int_equal(num(a, "objective"),
			 sql_int_at(p, "SELECT objective FROM rota_plan "
				       "ORDER BY id DESC LIMIT 1"));
	assert_true(json_is_boolean(json_object_get(a, "feasible")));
	assert_int_equal(num(a, "employees"),
			 sql_int_at(p, "SELECT count(*) FROM "
				       "rota_plan_employee WHERE plan_id = "
				       "(SELECT max(id) FROM rota_plan)"));
	json_decref(a);
	trail_free(&t);

	/* planned again: the rota it takes over from before */
	last = last_audit(p);
	RUNS(p, "rota", "plan", "--unit", HOME_CARE, "--from", "2027-01-04",
	     "--weeks", "1", "--seconds", "1", "--quiet", "--seed", "2");
	t = one_row(p, last, "rota.plan", "rota_plan", HOME_CARE);
	json_t *b = state_of(t.a[0].before);
	assert_int_equal(num(b, "plan_id"), first);
	json_decref(b);
	trail_free(&t);

	/* a plan that fails (a school has no shift types): nothing stored,
	 * nothing audited */
	int64_t plans = sql_int_at(p, "SELECT count(*) FROM rota_plan");
	FAILS_UNAUDITED(p, 1, "rota", "plan", "--unit", "2100", "--from",
			"2027-01-04", "--weeks", "1", "--seconds", "1",
			"--quiet");
	assert_int_equal(sql_int_at(p, "SELECT count(*) FROM rota_plan"),
			 plans);
}

/* In a job the web server runs for a user, the trail names that user. */
static void test_web_user_is_the_actor(void **state)
{
	copy_db *c = *state;
	const char *p = c->path;
	int64_t uid = sql_int_at(p, "SELECT id FROM app_user WHERE username = "
				    "'karasjok.rota_planner'");
	char idtext[24];
	snprintf(idtext, sizeof idtext, "%lld", (long long)uid);
	setenv("OVTTAS_ACTOR", "karasjok.rota_planner", 1);
	setenv("OVTTAS_ACTOR_ID", idtext, 1);
	int64_t last = last_audit(p);
	RUNS(p, "rota", "need-set", "--unit", UNIT, "--weekday", "3",
	     "--shift", "D", "--skill", "any", "--min", "6");
	unsetenv("OVTTAS_ACTOR");
	unsetenv("OVTTAS_ACTOR_ID");
	trail t = trail_after(p, last);
	assert_int_equal(t.n, 1);
	assert_string_equal(t.a[0].actor, "karasjok.rota_planner");
	assert_string_equal(t.a[0].action, "rota.need_set");
	trail_free(&t);
	assert_int_equal(sql_int_at(p, "SELECT user_id FROM audit_log ORDER "
				       "BY id DESC LIMIT 1"),
			 uid);
}

/* --- the write and its audit row together --- */

/* Makes every insert into audit_log fail, as a full disk would. */
static void refuse_audit(const char *path)
{
	db *d;
	ov_err e;
	assert_int_equal(db_open(path, DB_WRITE, &d, &e), OV_OK);
	assert_int_equal(db_exec(d,
				 "CREATE TRIGGER audit_log_refuse BEFORE "
				 "INSERT ON audit_log BEGIN SELECT "
				 "RAISE(ABORT, 'refused'); END",
				 &e),
			 OV_OK);
	db_close(d);
}

static int64_t need_rows(const char *path)
{
	return sql_int_at(path, "SELECT count(*) * 1000 + sum(min_count) + "
				"sum(preferred_count) FROM staffing_need");
}

static void test_no_write_without_its_audit_row(void **state)
{
	copy_db *c = *state;
	const char *p = c->path;
	refuse_audit(p);
	int64_t needs = need_rows(p);
	int64_t shifts = sql_int_at(p, "SELECT count(*) FROM shift_type");
	int64_t rhythm = sql_int_at(p, "SELECT sum(nurses) FROM rhythm_hour");
	int64_t plans = sql_int_at(p, "SELECT count(*) FROM rota_plan");
	FAILS_UNAUDITED(p, 2, "rota", "need-set", "--unit", UNIT, "--weekday",
			"0", "--shift", "D", "--skill", "any", "--min", "9");
	FAILS_UNAUDITED(p, 2, "rota", "need-set", "--unit", UNIT, "--weekday",
			"0-4", "--shift", "D", "--skill", "any", "--min", "9");
	FAILS_UNAUDITED(p, 2, "rota", "derive", "--unit", UNIT);
	FAILS_UNAUDITED(p, 2, "rota", "rhythm-set", "--unit", UNIT,
			"--weekday", "0", "--hour", "7", "--nurses", "9");
	FAILS_UNAUDITED(p, 2, "rota", "shift-set", "--unit", UNIT, "--code",
			"K", "--name", "Kveld", "--start", "16:00", "--length",
			"360", "--category", "evening");
	FAILS_UNAUDITED(p, 2, "rota", "plan", "--unit", HOME_CARE, "--from",
			"2027-01-04", "--weeks", "1", "--seconds", "1",
			"--quiet");
	assert_int_equal(need_rows(p), needs);
	assert_int_equal(sql_int_at(p, "SELECT count(*) FROM shift_type"),
			 shifts);
	assert_int_equal(sql_int_at(p, "SELECT sum(nurses) FROM rhythm_hour"),
			 rhythm);
	assert_int_equal(sql_int_at(p, "SELECT count(*) FROM rota_plan"),
			 plans);
	assert_int_equal(sql_int_at(p, "SELECT count(*) FROM "
				       "rota_assignment"),
			 0);

	/* with no actor (the demo's bulk load) nothing is audited, so the
	 * refusing trail does not stop the write */
	db *d;
	ov_err e;
	assert_int_equal(db_open(p, DB_WRITE, &d, &e), OV_OK);
	int64_t uid = unit_id(p, UNIT);
	assert_int_equal(staff_need_set(d, NULL, uid, 0, "D", "any", 9, 9,
					NULL, &e),
			 OV_OK);
	char buf[80];
	const auth_actor who = auth_actor_cli(buf);
	assert_int_equal(staff_need_set(d, &who, uid, 1, "D", "any", 9, 9,
					NULL, &e),
			 OV_E_DB);
	db_close(d);
	/* Monday's row (no actor) was written, Tuesday's (refused audit)
	 * not */
	assert_int_equal(sql_int_at(p, "SELECT count(*) FROM staffing_need n "
				       "JOIN shift_type s ON s.id = "
				       "n.shift_type_id JOIN unit u ON u.id = "
				       "n.unit_id WHERE u.ansvar = '3200' AND "
				       "s.code = 'D' AND n.skill = 'any' AND "
				       "n.min_count = 9 AND n.weekday < 2"),
			 1);
}

/* The functions audit inside their caller's transaction too, and a
 * rollback takes both away. */
static void test_joins_the_callers_transaction(void **state)
{
	(void)state;
	scratch_db s = fx_open();
	ov_err e;
	fx_shifts(s.d, FX_UNIT);
	char buf[80];
	const auth_actor who = auth_actor_cli(buf);
	assert_int_equal(db_begin(s.d, &e), OV_OK);
	assert_int_equal(staff_need_set(s.d, &who, FX_UNIT, 0, "D", "any", 2,
					3, NULL, &e),
			 OV_OK);
	staff_rhythm_hour h = {.weekday = 0, .hour = 8, .nurses = 1};
	assert_int_equal(staff_rhythm_set(s.d, &who, FX_UNIT, &h, &e), OV_OK);
	assert_int_equal(sql_int(s.d, "SELECT count(*) FROM audit_log"), 2);
	db_rollback(s.d);
	assert_int_equal(sql_int(s.d, "SELECT count(*) FROM audit_log"), 0);
	assert_int_equal(sql_int(s.d, "SELECT count(*) FROM staffing_need"),
			 0);
	/* on its own: its own transaction, committed with its row */
	assert_int_equal(staff_rhythm_set(s.d, &who, FX_UNIT, &h, &e), OV_OK);
	assert_int_equal(sql_int(s.d, "SELECT count(*) FROM audit_log WHERE "
				      "action = 'rota.rhythm_set' AND "
				      "municipality_id = 1 AND entity_id = "
				      "'1:0:8' AND before_json IS NULL"),
			 1);
	/* the fixture's shifts were set with no actor: not audited */
	assert_int_equal(sql_int(s.d, "SELECT count(*) FROM audit_log WHERE "
				      "entity = 'shift_type'"),
			 0);
	scratch_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_shift_set, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_rhythm_set, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_need_set, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_derive, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rota_plan, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_web_user_is_the_actor,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_no_write_without_its_audit_row, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_joins_the_callers_transaction, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
