/*
 * test_cmd_rota_edit.c - viewing and editing a unit's shift types,
 * døgnrytmeplan and bemanningsplan from the command line (`rota shifts`,
 * `shift-set`, `rhythm`, `rhythm-set`, `needs`, `need-set`, `derive`) on
 * copies of the demo database: the lists show the demo data, a set
 * changes what the list shows, and bad input exits 1 naming the option
 * and leaves the database as it was.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "support/support.h"

/* Karasjok sykehjem: day, evening and night shifts and a weekend
 * langvakt in the demo. */
#define UNIT "3200"

/* Every row of the three tables the commands edit, as one string
 * (owned), to see that a failed command changed nothing. */
static char *snapshot(const char *path)
{
	static const char sql[] =
		"SELECT (SELECT group_concat(r, ';') FROM (SELECT id || ',' "
		"|| unit_id || ',' || code || ',' || name_nb || ',' || "
		"name_se || ',' || start_min || ',' || length_min || ',' || "
		"category AS r FROM shift_type ORDER BY id)) || '|' || "
		"(SELECT group_concat(r, ';') FROM (SELECT unit_id || ',' || "
		"weekday || ',' || hour || ',' || nurses || ',' || "
		"health_workers || ',' || others || ',' || sami_needed || "
		"',' || task_nb || ',' || task_se AS r FROM rhythm_hour ORDER "
		"BY unit_id, weekday, hour)) || '|' || (SELECT "
		"group_concat(r, ';') FROM (SELECT unit_id || ',' || weekday "
		"|| ',' || shift_type_id || ',' || skill || ',' || min_count "
		"|| ',' || preferred_count AS r FROM staffing_need ORDER BY "
		"unit_id, weekday, shift_type_id, skill))";
	db *d;
	db_stmt *st;
	ov_err e;
	if (db_open(path, DB_READ, &d, &e) != OV_OK)
		fail_msg("%s: %s", path, e.msg);
	assert_int_equal(db_prepare(d, sql, &st, &e), OV_OK);
	assert_int_equal(db_step(st, &e), 1);
	char *s = strdup(db_col_text(st, 0));
	assert_non_null(s);
	assert_true(strlen(s) > 1000);
	db_finalize(st);
	db_close(d);
	return s;
}

/* Runs a command (NULL-terminated, after --db path) that must fail with
 * exit 1, name `what` on stderr, print nothing on stdout and leave the
 * database as it was. */
#define FAILS(path, what, ...)                                               \
	do {                                                                 \
		char *before_ = snapshot(path);                              \
		run_result r_ = run_cli("--db", (path), __VA_ARGS__, NULL);  \
		if (r_.code != 1 || !contains(r_.err, (what)))               \
			fail_msg("expected exit 1 naming %s, got %d: %s",    \
				 (what), r_.code, r_.err);                   \
		assert_string_equal(r_.out, "");                             \
		run_free(&r_);                                               \
		char *after_ = snapshot(path);                               \
		assert_string_equal(before_, after_);                        \
		free(before_);                                               \
		free(after_);                                                \
	} while (0)

/* The JSON of one successful command (stdout), owned. */
#define JSON_OF(j, ...)                                                      \
	do {                                                                 \
		run_result r_ = run_cli("--json", __VA_ARGS__, NULL);        \
		if (r_.code != 0)                                            \
			fail_msg("exit %d: %s", r_.code, r_.err);            \
		(j) = parse_json(r_.out);                                    \
		run_free(&r_);                                               \
	} while (0)

/* The element of array a whose string members k1, k2 (k2 may be NULL)
 * and integer member "weekday" (wd < 0: any) match; NULL if none. */
static json_t *find(json_t *a, int wd, const char *k1, const char *v1,
		    const char *k2, const char *v2)
{
	size_t i;
	json_t *x;
	json_array_foreach(a, i, x) {
		if (wd >= 0 &&
		    json_integer_value(json_object_get(x, "weekday")) != wd)
			continue;
		if (strcmp(json_string_value(json_object_get(x, k1)), v1))
			continue;
		if (k2 &&
		    strcmp(json_string_value(json_object_get(x, k2)), v2))
			continue;
		return x;
	}
	return NULL;
}

static int ival(json_t *o, const char *k)
{
	return (int)json_integer_value(json_object_get(o, k));
}

/* --- the lists show the demo --- */

static void test_lists_show_demo(void **state)
{
	(void)state;
	const char *dbp = demo_db();
	run_result r = run_cli("--db", dbp, "rota", "shifts", "--unit", UNIT,
			       NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "3200 Karasjok sykehjem"));
	assert_true(contains(r.out, "Dagvakt"));
	assert_true(contains(r.out, "07:30"));
	assert_true(contains(r.out, "15:30"));
	/* the night shift ends the next morning */
	assert_true(contains(r.out, "Nattevakt"));
	assert_true(contains(r.out, "07:45"));
	assert_true(contains(r.out, "9:45"));
	assert_true(contains(r.out, "Langvakt"));
	assert_true(contains(r.out, "long"));
	run_free(&r);
	/* by unit name too, and in Northern Sámi */
	r = run_cli("--db", dbp, "--lang", "se", "rota", "shifts", "--unit",
		    "Karasjok sykehjem", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Beaivevuorru"));
	run_free(&r);

	json_t *j;
	JSON_OF(j, "--db", dbp, "rota", "shifts", "--unit", UNIT);
	json_t *s = json_object_get(j, "shift_types");
	assert_int_equal(json_array_size(s),
			 sql_int_at(dbp, "SELECT count(*) FROM shift_type t "
					 "JOIN unit u ON u.id = t.unit_id "
					 "WHERE u.ansvar = '3200'"));
	json_t *d = find(s, -1, "code", "D", NULL, NULL);
	assert_non_null(d);
	assert_int_equal(ival(d, "start_min"), 450);
	assert_int_equal(ival(d, "length_min"), 480);
	assert_string_equal(json_string_value(json_object_get(d, "end")),
			    "15:30");
	assert_string_equal(json_string_value(json_object_get(
				    json_object_get(j, "unit"), "ansvar")),
			    UNIT);
	json_decref(j);

	/* the døgnrytmeplan: Monday morning */
	r = run_cli("--db", dbp, "rota", "rhythm", "--unit", UNIT, "--weekday",
		    "0", "--hour", "7-9", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Rapport og morgenstell"));
	assert_true(contains(r.out, "07:00–08:00"));
	assert_false(contains(r.out, "Tilsynsrunde"));
	run_free(&r);
	JSON_OF(j, "--db", dbp, "rota", "rhythm", "--unit", UNIT);
	json_t *h = json_object_get(j, "hours");
	assert_int_equal(json_array_size(h), 7 * 24);
	json_t *x = json_array_get(h, 7); /* Monday 07-08 */
	assert_int_equal(ival(x, "weekday"), 0);
	assert_int_equal(ival(x, "hour"), 7);
	assert_int_equal(ival(x, "nurses"),
			 sql_int_at(dbp, "SELECT nurses FROM rhythm_hour r "
					 "JOIN unit u ON u.id = r.unit_id "
					 "WHERE u.ansvar = '3200' AND "
					 "weekday = 0 AND hour = 7"));
	assert_int_equal(ival(x, "staff"),
			 ival(x, "nurses") + ival(x, "health_workers") +
				 ival(x, "others"));
	json_decref(j);
	/* a weekday by name, in Bokmål or English */
	r = run_cli("--db", dbp, "rota", "rhythm", "--unit", UNIT, "--weekday",
		    "Lørdag", "--hour", "12", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Middag"));
	run_free(&r);
	JSON_OF(j, "--db", dbp, "rota", "rhythm", "--unit", UNIT, "--weekday",
		"saturday-sunday", "--hour", "12");
	h = json_object_get(j, "hours");
	assert_int_equal(json_array_size(h), 2);
	assert_int_equal(ival(json_array_get(h, 0), "weekday"), 5);
	json_decref(j);

	/* the bemanningsplan */
	r = run_cli("--db", dbp, "--lang", "en", "rota", "needs", "--unit",
		    UNIT, "--weekday", "0", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Monday"));
	assert_false(contains(r.out, "Tuesday"));
	assert_true(contains(r.out, "D Dagvakt"));
	assert_true(contains(r.out, "7–8")); /* any: min 7, preferred 8 */
	run_free(&r);
	JSON_OF(j, "--db", dbp, "rota", "needs", "--unit", UNIT);
	json_t *n = json_object_get(j, "needs");
	assert_int_equal(json_array_size(n),
			 sql_int_at(dbp, "SELECT count(*) FROM staffing_need "
					 "s JOIN unit u ON u.id = s.unit_id "
					 "WHERE u.ansvar = '3200'"));
	x = find(n, 0, "shift", "D", "skill", "any");
	assert_non_null(x);
	assert_int_equal(ival(x, "min_count"), 7);
	assert_int_equal(ival(x, "preferred_count"), 8);
	/* the langvakt works weekends only */
	assert_non_null(find(n, 5, "shift", "L", "skill", "any"));
	assert_null(find(n, 0, "shift", "L", "skill", "any"));
	json_decref(j);
}

static void test_list_errors(void **state)
{
	(void)state;
	copy_db c = demo_copy();
	FAILS(c.path, "--unit", "rota", "shifts");
	FAILS(c.path, "Nowhere", "rota", "shifts", "--unit", "Nowhere");
	FAILS(c.path, "--unit", "rota", "needs", "--unit", "Nowhere");
	FAILS(c.path, "--hour", "rota", "rhythm", "--unit", UNIT, "--hour",
	      "25");
	FAILS(c.path, "--hour", "rota", "rhythm", "--unit", UNIT, "--hour",
	      "9-7");
	FAILS(c.path, "--weekday", "rota", "rhythm", "--unit", UNIT,
	      "--weekday", "7");
	FAILS(c.path, "--weekday", "rota", "needs", "--unit", UNIT,
	      "--weekday", "someday");
	FAILS(c.path, "--skill", "rota", "needs", "--unit", UNIT, "--skill",
	      "any");
	/* errors as JSON name the field */
	run_result r = run_cli("--db", c.path, "--json", "rota", "rhythm",
			       "--unit", UNIT, "--hour", "24", NULL);
	assert_int_equal(r.code, 1);
	assert_error_field(r.err, "--hour");
	run_free(&r);
	/* a unit without shift types lists none */
	r = run_cli("--db", c.path, "--json", "rota", "shifts", "--unit",
		    "2100", NULL);
	assert_int_equal(r.code, 0);
	json_t *j = parse_json(r.out);
	assert_int_equal(json_array_size(json_object_get(j, "shift_types")),
			 0);
	json_decref(j);
	run_free(&r);
	copy_free(&c);
}

/* --- shift types --- */

static void test_shift_set(void **state)
{
	(void)state;
	copy_db c = demo_copy();
	/* a new shift */
	run_result r = run_cli("--db", c.path, "rota", "shift-set", "--unit",
			       UNIT, "--code", "K", "--name", "Kveldsvakt",
			       "--name-se", "Eahketvuorru 2", "--start",
			       "16:00", "--end", "23:00", "--category",
			       "evening", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Kveldsvakt"));
	run_free(&r);
	r = run_cli("--db", c.path, "rota", "shifts", "--unit", UNIT, NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Kveldsvakt"));
	assert_true(contains(r.out, "16:00"));
	assert_true(contains(r.out, "23:00"));
	assert_true(contains(r.out, "7:00"));
	run_free(&r);

	/* changing one field keeps the others */
	json_t *j;
	JSON_OF(j, "--db", c.path, "rota", "shift-set", "--unit", UNIT,
		"--code", "D", "--start", "7:00");
	json_t *d = find(json_object_get(j, "shift_types"), -1, "code", "D",
			 NULL, NULL);
	assert_non_null(d);
	assert_int_equal(ival(d, "start_min"), 420);
	assert_int_equal(ival(d, "length_min"), 480);
	assert_string_equal(json_string_value(json_object_get(d, "name_nb")),
			    "Dagvakt");
	assert_string_equal(json_string_value(json_object_get(d, "name_se")),
			    "Beaivevuorru");
	assert_string_equal(json_string_value(json_object_get(d, "category")),
			    "day");
	json_decref(j);
	/* a night shift by its end; a length as hours:minutes; a new
	 * Bokmål name clears the stale Sámi one */
	JSON_OF(j, "--db", c.path, "rota", "shift-set", "--unit", UNIT,
		"--code", "N", "--end", "08:00", "--name", "Natt");
	d = find(json_object_get(j, "shift_types"), -1, "code", "N", NULL,
		 NULL);
	assert_int_equal(ival(d, "length_min"), 600);
	assert_string_equal(json_string_value(json_object_get(d, "name_se")),
			    "");
	json_decref(j);
	JSON_OF(j, "--db", c.path, "rota", "shift-set", "--unit", UNIT,
		"--code", "A", "--length", "7:45");
	d = find(json_object_get(j, "shift_types"), -1, "code", "A", NULL,
		 NULL);
	assert_int_equal(ival(d, "length_min"), 465);
	json_decref(j);
	assert_int_equal(sql_int_at(c.path,
				    "SELECT count(*) FROM shift_type t "
				    "JOIN unit u ON u.id = t.unit_id "
				    "WHERE u.ansvar = '3200'"),
			 5);

	/* bad input changes nothing */
	FAILS(c.path, "--unit", "rota", "shift-set", "--code", "D", "--start",
	      "06:00");
	FAILS(c.path, "Nowhere", "rota", "shift-set", "--unit", "Nowhere",
	      "--code", "D", "--start", "06:00");
	FAILS(c.path, "--code", "rota", "shift-set", "--unit", UNIT,
	      "--start", "06:00");
	FAILS(c.path, "--code", "rota", "shift-set", "--unit", UNIT,
	      "--code", "ABCDEFGHIJKLMNOP", "--start", "06:00");
	FAILS(c.path, "--start", "rota", "shift-set", "--unit", UNIT,
	      "--code", "D", "--start", "25:00");
	FAILS(c.path, "--start", "rota", "shift-set", "--unit", UNIT,
	      "--code", "D", "--start", "7");
	FAILS(c.path, "--end", "rota", "shift-set", "--unit", UNIT, "--code",
	      "D", "--end", "7:60");
	FAILS(c.path, "--length", "rota", "shift-set", "--unit", UNIT,
	      "--code", "D", "--length", "0");
	FAILS(c.path, "--length", "rota", "shift-set", "--unit", UNIT,
	      "--code", "D", "--length", "1441");
	FAILS(c.path, "--length", "rota", "shift-set", "--unit", UNIT,
	      "--code", "D", "--length", "-60");
	FAILS(c.path, "--end", "rota", "shift-set", "--unit", UNIT, "--code",
	      "D", "--length", "480", "--end", "15:00");
	FAILS(c.path, "--category", "rota", "shift-set", "--unit", UNIT,
	      "--code", "D", "--category", "morning");
	FAILS(c.path, "--category", "rota", "shift-set", "--unit", UNIT,
	      "--code", "D", "--category", "afternoon");
	FAILS(c.path, "--name", "rota", "shift-set", "--unit", UNIT, "--code",
	      "D", "--name", "");
	/* a new shift needs all its fields */
	FAILS(c.path, "--name", "rota", "shift-set", "--unit", UNIT, "--code",
	      "X", "--start", "06:00", "--length", "480", "--category",
	      "day");
	FAILS(c.path, "--category", "rota", "shift-set", "--unit", UNIT,
	      "--code", "X", "--name", "X", "--start", "06:00", "--length",
	      "480");
	FAILS(c.path, "--length", "rota", "shift-set", "--unit", UNIT,
	      "--code", "X", "--name", "X", "--start", "06:00",
	      "--category", "day");
	copy_free(&c);
}

/* --- the døgnrytmeplan --- */

static void test_rhythm_set(void **state)
{
	(void)state;
	copy_db c = demo_copy();
	json_t *j;
	JSON_OF(j, "--db", c.path, "rota", "rhythm", "--unit", UNIT,
		"--weekday", "0", "--hour", "7");
	json_t *before = json_incref(json_array_get(
		json_object_get(j, "hours"), 0));
	json_decref(j);

	/* Monday and Tuesday 07-08: two nurses and a new task, the rest
	 * as it was */
	run_result r = run_cli("--db", c.path, "rota", "rhythm-set", "--unit",
			       UNIT, "--weekday", "0-1", "--hour", "7-8",
			       "--nurses", "2", "--task", "Ny rapport", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Ny rapport"));
	run_free(&r);
	JSON_OF(j, "--db", c.path, "rota", "rhythm", "--unit", UNIT,
		"--weekday", "0-2", "--hour", "7");
	json_t *h = json_object_get(j, "hours");
	assert_int_equal(json_array_size(h), 3);
	for (int wd = 0; wd < 2; wd++) {
		json_t *x = json_array_get(h, (size_t)wd);
		assert_int_equal(ival(x, "nurses"), 2);
		assert_string_equal(
			json_string_value(json_object_get(x, "task_nb")),
			"Ny rapport");
		/* the old Sámi task no longer matches: cleared */
		assert_string_equal(
			json_string_value(json_object_get(x, "task_se")), "");
	}
	json_t *mon = json_array_get(h, 0);
	assert_int_equal(ival(mon, "health_workers"),
			 ival(before, "health_workers"));
	assert_int_equal(ival(mon, "others"), ival(before, "others"));
	assert_int_equal(ival(mon, "sami_needed"), ival(before, "sami_needed"));
	/* Wednesday untouched */
	assert_int_equal(ival(json_array_get(h, 2), "nurses"),
			 ival(before, "nurses"));
	json_decref(j);
	json_decref(before);
	/* the list shows the new need */
	r = run_cli("--db", c.path, "rota", "rhythm", "--unit", UNIT,
		    "--weekday", "1", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Ny rapport"));
	run_free(&r);
	/* an hour not stored before (a school has no døgnrytmeplan) */
	JSON_OF(j, "--db", c.path, "rota", "rhythm-set", "--unit", "2100",
		"--weekday", "2", "--hour", "10", "--others", "3");
	h = json_object_get(j, "hours");
	assert_int_equal(json_array_size(h), 1);
	assert_int_equal(ival(json_array_get(h, 0), "others"), 3);
	assert_int_equal(ival(json_array_get(h, 0), "nurses"), 0);
	json_decref(j);

	/* bad input changes nothing */
	FAILS(c.path, "--unit", "rota", "rhythm-set", "--weekday", "0",
	      "--hour", "7", "--nurses", "1");
	FAILS(c.path, "Nowhere", "rota", "rhythm-set", "--unit", "Nowhere",
	      "--weekday", "0", "--hour", "7", "--nurses", "1");
	FAILS(c.path, "--hour", "rota", "rhythm-set", "--unit", UNIT,
	      "--weekday", "0", "--hour", "25", "--nurses", "1");
	FAILS(c.path, "--hour", "rota", "rhythm-set", "--unit", UNIT,
	      "--weekday", "0", "--hour", "-1", "--nurses", "1");
	FAILS(c.path, "--hour", "rota", "rhythm-set", "--unit", UNIT,
	      "--weekday", "0", "--nurses", "1");
	FAILS(c.path, "--weekday", "rota", "rhythm-set", "--unit", UNIT,
	      "--weekday", "7", "--hour", "7", "--nurses", "1");
	FAILS(c.path, "--weekday", "rota", "rhythm-set", "--unit", UNIT,
	      "--hour", "7", "--nurses", "1");
	FAILS(c.path, "--nurses", "rota", "rhythm-set", "--unit", UNIT,
	      "--weekday", "0", "--hour", "7", "--nurses", "-1");
	FAILS(c.path, "--health", "rota", "rhythm-set", "--unit", UNIT,
	      "--weekday", "0-6", "--hour", "0-23", "--health", "-2");
	FAILS(c.path, "--others", "rota", "rhythm-set", "--unit", UNIT,
	      "--weekday", "0", "--hour", "7", "--others", "two");
	FAILS(c.path, "--sami", "rota", "rhythm-set", "--unit", UNIT,
	      "--weekday", "0", "--hour", "7", "--sami", "-1");
	FAILS(c.path, "--nurses", "rota", "rhythm-set", "--unit", UNIT,
	      "--weekday", "0", "--hour", "7");
	FAILS(c.path, "--skill", "rota", "rhythm-set", "--unit", UNIT,
	      "--weekday", "0", "--hour", "7", "--skill", "nurse");
	copy_free(&c);
}

/* --- the bemanningsplan --- */

static void test_need_set(void **state)
{
	(void)state;
	copy_db c = demo_copy();
	/* weekdays: two to three nurses on the day shift */
	run_result r = run_cli("--db", c.path, "--lang", "en", "rota",
			       "need-set", "--unit", UNIT, "--weekday", "0-4",
			       "--shift", "D", "--skill", "nurse", "--min",
			       "2", "--preferred", "3", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "2–3"));
	run_free(&r);
	json_t *j;
	JSON_OF(j, "--db", c.path, "rota", "needs", "--unit", UNIT);
	json_t *n = json_object_get(j, "needs");
	for (int wd = 0; wd < 7; wd++) {
		json_t *x = find(n, wd, "shift", "D", "skill", "nurse");
		assert_non_null(x);
		assert_int_equal(ival(x, "min_count"), wd < 5 ? 2 : 1);
		assert_int_equal(ival(x, "preferred_count"), wd < 5 ? 3 : 1);
	}
	json_decref(j);
	/* without --preferred it is the minimum; --min 0 removes the row */
	JSON_OF(j, "--db", c.path, "rota", "need-set", "--unit", UNIT,
		"--weekday", "sunday", "--shift", "A", "--skill", "nurse",
		"--min", "1");
	json_t *x = find(json_object_get(j, "needs"), 6, "shift", "A",
			 "skill", "nurse");
	assert_non_null(x);
	assert_int_equal(ival(x, "min_count"), 1);
	assert_int_equal(ival(x, "preferred_count"), 1);
	json_decref(j);
	JSON_OF(j, "--db", c.path, "rota", "need-set", "--unit", UNIT,
		"--weekday", "5-6", "--shift", "L", "--skill", "any", "--min",
		"0");
	n = json_object_get(j, "needs");
	assert_null(find(n, 5, "shift", "L", "skill", "any"));
	assert_null(find(n, 6, "shift", "L", "skill", "any"));
	json_decref(j);
	r = run_cli("--db", c.path, "rota", "needs", "--unit", UNIT,
		    "--weekday", "5", NULL);
	assert_int_equal(r.code, 0);
	assert_false(contains(r.out, "Langvakt"));
	run_free(&r);

	/* bad input changes nothing */
	FAILS(c.path, "--unit", "rota", "need-set", "--weekday", "0",
	      "--shift", "D", "--skill", "any", "--min", "1");
	FAILS(c.path, "Nowhere", "rota", "need-set", "--unit", "Nowhere",
	      "--weekday", "0", "--shift", "D", "--skill", "any", "--min",
	      "1");
	FAILS(c.path, "--skill", "rota", "need-set", "--unit", UNIT,
	      "--weekday", "0", "--shift", "D", "--skill", "doctor", "--min",
	      "1");
	FAILS(c.path, "doctor", "rota", "need-set", "--unit", UNIT,
	      "--weekday", "0-6", "--shift", "D", "--skill", "doctor",
	      "--min", "1");
	FAILS(c.path, "--skill", "rota", "need-set", "--unit", UNIT,
	      "--weekday", "0", "--shift", "D", "--min", "1");
	FAILS(c.path, "--shift", "rota", "need-set", "--unit", UNIT,
	      "--weekday", "0", "--shift", "Z", "--skill", "any", "--min",
	      "1");
	FAILS(c.path, "--shift", "rota", "need-set", "--unit", UNIT,
	      "--weekday", "0", "--skill", "any", "--min", "1");
	FAILS(c.path, "--weekday", "rota", "need-set", "--unit", UNIT,
	      "--weekday", "8", "--shift", "D", "--skill", "any", "--min",
	      "1");
	FAILS(c.path, "--min", "rota", "need-set", "--unit", UNIT,
	      "--weekday", "0", "--shift", "D", "--skill", "any", "--min",
	      "-1");
	FAILS(c.path, "--min", "rota", "need-set", "--unit", UNIT,
	      "--weekday", "0", "--shift", "D", "--skill", "any");
	FAILS(c.path, "--preferred", "rota", "need-set", "--unit", UNIT,
	      "--weekday", "0", "--shift", "D", "--skill", "any", "--min",
	      "1", "--preferred", "-1");
	FAILS(c.path, "--preferred", "rota", "need-set", "--unit", UNIT,
	      "--weekday", "0-6", "--shift", "D", "--skill", "any", "--min",
	      "5", "--preferred", "4");
	copy_free(&c);
}

/* --- derive --- */

static void test_derive(void **state)
{
	(void)state;
	copy_db c = demo_copy();
	int64_t long_rows =
		sql_int_at(c.path, "SELECT count(*) FROM staffing_need n JOIN "
				   "shift_type s ON s.id = n.shift_type_id "
				   "WHERE s.category = 'long'");
	assert_true(long_rows > 0);
	/* deriving the demo's own døgnrytmeplan gives its bemanningsplan */
	char *before = snapshot(c.path);
	run_result r = run_cli("--db", c.path, "rota", "derive", "--unit",
			       UNIT, NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "Dagvakt"));
	run_free(&r);
	char *after = snapshot(c.path);
	assert_string_equal(before, after);
	free(before);
	free(after);

	/* three nurses all Monday day shift: the derived plan wants three */
	r = run_cli("--db", c.path, "rota", "rhythm-set", "--unit", UNIT,
		    "--weekday", "0", "--hour", "7-14", "--nurses", "3", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "rota derive --unit 3200"));
	run_free(&r);
	json_t *j;
	JSON_OF(j, "--db", c.path, "rota", "needs", "--unit", UNIT,
		"--weekday", "0");
	json_t *x = find(json_object_get(j, "needs"), 0, "shift", "D",
			 "skill", "nurse");
	assert_int_equal(ival(x, "min_count"), 1); /* not derived yet */
	json_decref(j);
	JSON_OF(j, "--db", c.path, "rota", "derive", "--unit", UNIT);
	x = find(json_object_get(j, "needs"), 0, "shift", "D", "skill",
		 "nurse");
	assert_non_null(x);
	assert_int_equal(ival(x, "min_count"), 3);
	assert_int_equal(ival(x, "preferred_count"), 3);
	/* Tuesday as it was */
	x = find(json_object_get(j, "needs"), 1, "shift", "D", "skill",
		 "nurse");
	assert_int_equal(ival(x, "min_count"), 1);
	json_decref(j);
	/* the langvakt rows are the planner's and stay */
	assert_int_equal(sql_int_at(c.path,
				    "SELECT count(*) FROM staffing_need n JOIN "
				    "shift_type s ON s.id = n.shift_type_id "
				    "WHERE s.category = 'long'"),
			 long_rows);

	/* an hour no shift covers: nothing changes */
	r = run_cli("--db", c.path, "rota", "shift-set", "--unit", UNIT,
		    "--code", "N", "--start", "23:00", "--end", "07:00", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	FAILS(c.path, "22:00", "rota", "derive", "--unit", UNIT);
	FAILS(c.path, "\"--unit\"", "--json", "rota", "derive", "--unit",
	      UNIT);
	FAILS(c.path, "--unit", "rota", "derive");
	FAILS(c.path, "Nowhere", "rota", "derive", "--unit", "Nowhere");
	copy_free(&c);
}

/* An hour no shift covers is reported as an error of --unit, the one
 * option derive takes, with the weekday and hour to fix in the message;
 * never by the table the døgnrytmeplan is stored in. */
static void test_derive_uncovered_names_unit(void **state)
{
	(void)state;
	copy_db c = demo_copy();
	run_result r = run_cli("--db", c.path, "rota", "shift-set", "--unit",
			       UNIT, "--code", "N", "--start", "23:00",
			       "--end", "07:00", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	r = run_cli("--db", c.path, "--json", "rota", "derive", "--unit",
		    UNIT, NULL);
	assert_int_equal(r.code, 1);
	assert_error_field(r.err, "--unit");
	assert_false(contains(r.err, "rhythm_hour"));
	run_free(&r);
	r = run_cli("--db", c.path, "--lang", "en", "rota", "derive",
		    "--unit", UNIT, NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--unit: 22:00 on Monday needs staff"));
	assert_false(contains(r.err, "rhythm_hour"));
	run_free(&r);
	copy_free(&c);
}

/* --- the bemanningsplan's columns --- */

/* Line n (0-based) of text, owned. */
static char *line_of(const char *text, int n)
{
	for (; n > 0 && text; n--) {
		text = strchr(text, '\n');
		if (text)
			text++;
	}
	assert_non_null(text);
	size_t len = strcspn(text, "\n");
	char *s = strndup(text, len);
	assert_non_null(s);
	return s;
}

/* Nonzero if the words of line (split at spaces) include word. */
static int has_word(const char *line, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = line; (p = strstr(p, word)); p += n)
		if ((p == line || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return 1;
	return 0;
}

/* The skill columns of `rota needs` have translated headers in every
 * language, not the --skill codes; the legend ties them to the codes,
 * and JSON keeps the codes. */
static void test_needs_headers_translated(void **state)
{
	(void)state;
	static const struct {
		const char *lang, *headers[4];
	} want[] = {
		{"nb", {"Bemanning", "Helsepersonell", "Sykepleiere",
			"Samisk"}},
		{"se", {"Bargit", "Dearvvašvuođabargit", "Buohccedivššárat",
			"Sámegiella"}},
		{"en", {"Staff", "Health staff", "Nurses", "Sámi"}},
	};
	const char *codes[] = {"any", "health", "nurse", "sami"};
	for (size_t l = 0; l < sizeof want / sizeof *want; l++) {
		run_result r = run_cli("--db", demo_db(), "--lang",
				       want[l].lang, "rota", "needs", "--unit",
				       UNIT, "--weekday", "0", NULL);
		assert_int_equal(r.code, 0);
		char *head = line_of(r.out, 1);
		for (int k = 0; k < 4; k++) {
			if (!contains(head, want[l].headers[k]))
				fail_msg("%s: no %s in '%s'", want[l].lang,
					 want[l].headers[k], head);
			if (has_word(head, codes[k]))
				fail_msg("%s: code %s in '%s'", want[l].lang,
					 codes[k], head);
			char opt[32];
			snprintf(opt, sizeof opt, "(--skill %s)", codes[k]);
			assert_true(contains(r.out, opt));
		}
		free(head);
		run_free(&r);
	}
	json_t *j;
	JSON_OF(j, "--db", demo_db(), "--lang", "se", "rota", "needs",
		"--unit", UNIT, "--weekday", "0");
	assert_non_null(find(json_object_get(j, "needs"), 0, "shift", "D",
			     "skill", "health"));
	json_decref(j);
}

/* need-set --min 0 reports the rows it really removed: none when there
 * was nothing to remove. */
static void test_need_set_remove_counts_rows(void **state)
{
	(void)state;
	copy_db c = demo_copy();
	const char *count_l = "SELECT count(*) FROM staffing_need n JOIN "
			      "shift_type s ON s.id = n.shift_type_id JOIN "
			      "unit u ON u.id = n.unit_id WHERE u.ansvar = "
			      "'3200' AND s.code = 'L'";
	assert_int_equal(sql_int_at(c.path, count_l), 2);
	/* the langvakt works weekends only: nothing on weekdays */
	run_result r = run_cli("--db", c.path, "--lang", "en", "rota",
			       "need-set", "--unit", UNIT, "--weekday", "0-4",
			       "--shift", "L", "--skill", "any", "--min", "0",
			       NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "The bemanningsplan of 3200 has no such "
				    "row; nothing was removed."));
	assert_false(contains(r.out, "removed from"));
	run_free(&r);
	assert_int_equal(sql_int_at(c.path, count_l), 2);
	/* Friday to Sunday: the two weekend rows */
	r = run_cli("--db", c.path, "--lang", "en", "rota", "need-set",
		    "--unit", UNIT, "--weekday", "4-6", "--shift", "L",
		    "--skill", "any", "--min", "0", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "2 rows removed from the bemanningsplan "
				    "of 3200."));
	run_free(&r);
	assert_int_equal(sql_int_at(c.path, count_l), 0);
	/* one, in Bokmål */
	r = run_cli("--db", c.path, "rota", "need-set", "--unit", UNIT,
		    "--weekday", "0", "--shift", "D", "--skill", "sami",
		    "--min", "0", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "1 rad er fjernet"));
	run_free(&r);
	copy_free(&c);
}

/* --weekday takes a day's name in the language chosen or in English
 * (ov_i18n's names), in any case, whatever the language. */
static void test_weekday_names(void **state)
{
	(void)state;
	static const char *const ok[][2] = {
		{"nb", "ONSDAG"},      {"nb", "wednesday"},
		{"se", "Gaskavahkku"}, {"se", "Wednesday"},
		{"en", "WEDNESDAY"},
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		json_t *j;
		JSON_OF(j, "--db", demo_db(), "--lang", ok[i][0], "rota",
			"rhythm", "--unit", UNIT, "--weekday", ok[i][1],
			"--hour", "12");
		json_t *h = json_object_get(j, "hours");
		assert_int_equal(json_array_size(h), 1);
		assert_int_equal(ival(json_array_get(h, 0), "weekday"), 2);
		json_decref(j);
	}
	/* another language's name is not taken */
	run_result r = run_cli("--db", demo_db(), "--json", "--lang", "en",
			       "rota", "rhythm", "--unit", UNIT, "--weekday",
			       "onsdag", NULL);
	assert_int_equal(r.code, 1);
	assert_error_field(r.err, "--weekday");
	run_free(&r);
}

/* --- the shared machinery --- */

static void test_help(void **state)
{
	(void)state;
	const char *verbs[] = {"shifts", "shift-set", "rhythm", "rhythm-set",
			       "needs", "need-set", "derive"};
	run_result r = run_cli("help", NULL);
	for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++) {
		char name[32];
		snprintf(name, sizeof name, "rota %s ", verbs[i]);
		assert_true(contains(r.out, name));
	}
	run_free(&r);
	for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++) {
		r = run_cli("rota", verbs[i], "--help", NULL);
		assert_int_equal(r.code, 0);
		char name[40];
		snprintf(name, sizeof name, "ovttas rota %s --unit U",
			 verbs[i]);
		assert_true(contains(r.out, name));
		assert_true(contains(r.out, "--db PATH"));
		run_free(&r);
	}
	/* an unknown option names itself; a missing database is reported */
	r = run_cli("--db", demo_db(), "rota", "shifts", "--unit", UNIT,
		    "--colour", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--colour"));
	run_free(&r);
	char *dir = tmp_dir();
	char *missing = path_join(dir, "none.db");
	r = run_cli("--db", missing, "rota", "shifts", "--unit", UNIT, NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "none.db"));
	run_free(&r);
	rm_rf(dir);
	free(dir);
	free(missing);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lists_show_demo),
		cmocka_unit_test(test_list_errors),
		cmocka_unit_test(test_shift_set),
		cmocka_unit_test(test_rhythm_set),
		cmocka_unit_test(test_need_set),
		cmocka_unit_test(test_derive),
		cmocka_unit_test(test_derive_uncovered_names_unit),
		cmocka_unit_test(test_needs_headers_translated),
		cmocka_unit_test(test_need_set_remove_counts_rows),
		cmocka_unit_test(test_weekday_names),
		cmocka_unit_test(test_help),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
