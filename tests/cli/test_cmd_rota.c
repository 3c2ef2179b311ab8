/*
 * test_cmd_rota.c - `ovttas rota solve-file`: Instance2 (tests/rota/data)
 * solved to its optimum 828 as JSON that parses and whose roster the
 * referee accepts, the text table, and exit 1 with the file and line
 * named for missing, malformed and binary files and bad options.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rota/rota.h"
#include "support/support.h"

/* A file of tests/rota/data (owned). */
static char *data_path(const char *name)
{
	return repo_file("tests/rota/data", name);
}

static json_t *parse(const char *text)
{
	json_error_t je;
	json_t *j = json_loads(text, 0, &je);
	if (!j)
		fail_msg("not JSON: %s: %s", je.text, text);
	return j;
}

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
}

static void test_json_instance2(void **state)
{
	(void)state;
	char *path = data_path("Instance2.txt");
	run_result r = run_cli("rota", "solve-file", path, "--seconds", "5",
			       "--quiet", "--json", NULL);
	if (r.code != 0)
		fail_msg("exit %d: %s", r.code, r.err);
	/* --quiet: no progress lines. */
	assert_string_equal(r.err, "");
	json_t *j = parse(r.out);
	assert_string_equal(json_string_value(json_object_get(j, "instance")),
			    "Instance2");
	assert_true(json_is_true(json_object_get(j, "feasible")));
	assert_int_equal(json_integer_value(json_object_get(j, "objective")),
			 828);
	assert_int_equal(json_integer_value(json_object_get(j, "lower_bound")),
			 828);
	json_t *secs = json_object_get(j, "seconds");
	assert_true(json_is_number(secs));
	assert_true(json_number_value(secs) >= 0 &&
		    json_number_value(secs) <= 6);
	json_t *pen = json_object_get(j, "penalties");
	assert_true(json_is_object(pen));
	assert_int_equal(
		json_integer_value(json_object_get(pen, "violation_count")), 0);
	assert_int_equal(
		json_integer_value(json_object_get(pen, "request_on")) +
			json_integer_value(json_object_get(pen, "request_off")) +
			json_integer_value(json_object_get(pen, "cover_under")) +
			json_integer_value(json_object_get(pen, "cover_over")),
		828);

	/* The roster: A..N, 14 days each of "" or a shift id; read back
	 * into a roster, the referee finds it feasible and worth 828. */
	json_t *ros = json_object_get(j, "roster");
	assert_true(json_is_object(ros));
	assert_int_equal(json_object_size(ros), 14);
	rota_problem *p;
	ov_err e;
	assert_int_equal(rota_read_cq(path, &p, &e), OV_OK);
	rota_roster *rr = rota_roster_new(14, 14);
	assert_non_null(rr);
	for (int k = 0; k < 14; k++) {
		char id[2] = {(char)('A' + k), 0};
		json_t *days = json_object_get(ros, id);
		if (!json_is_array(days))
			fail_msg("no roster row for %s", id);
		assert_int_equal(json_array_size(days), 14);
		int emp = rota_employee_index(p, id);
		assert_true(emp >= 0);
		for (int d = 0; d < 14; d++) {
			const char *v =
				json_string_value(json_array_get(days, d));
			assert_non_null(v);
			if (!strcmp(v, ""))
				continue;
			int s = rota_shift_index(p, v);
			if (s < 0)
				fail_msg("%s day %d: \"%s\" is not a shift",
					 id, d, v);
			rr->assign[emp * 14 + d] = s;
		}
	}
	rota_report rep;
	assert_int_equal(rota_check(p, rr, &rep, &e), OV_OK);
	assert_int_equal(rep.n_violations, 0);
	assert_int_equal(rep.objective, 828);
	rota_report_clear(&rep);
	rota_roster_free(rr);
	rota_problem_free(p);
	json_decref(j);
	run_free(&r);
	free(path);
}

static void test_text_instance2(void **state)
{
	(void)state;
	char *path = data_path("Instance2.txt");
	run_result r = run_cli("rota", "solve-file", path, "--seconds", "5",
			       "--seed", "3", "--quiet", NULL);
	if (r.code != 0)
		fail_msg("exit %d: %s", r.code, r.err);
	assert_string_equal(r.err, "");
	assert_true(contains(r.out, "Instance2"));
	assert_true(contains(r.out, " 828 "));
	/* One row per employee: the id, padded, then the first week. */
	for (int k = 0; k < 14; k++) {
		char row[16];
		snprintf(row, sizeof row, "\n%c      |", 'A' + k);
		if (!contains(r.out, row))
			fail_msg("no row for %c in:\n%s", 'A' + k, r.out);
	}
	assert_false(contains(r.out, "\nO      |"));
	run_free(&r);

	/* Without --quiet the progress goes to stderr, not stdout. */
	r = run_cli("rota", "solve-file", path, "--seconds", "5", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.err, "828"));
	assert_true(contains(r.out, "\nA      |"));
	run_free(&r);
	free(path);
}

static void test_missing_file(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	char *path = path_join(dir, "Instance99.txt");
	run_result r = run_cli("rota", "solve-file", path, "--quiet", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, path));
	assert_string_equal(r.out, "");
	run_free(&r);
	free(path);
	rm_rf(dir);
	free(dir);
}

static const char malformed[] =
	"# a file with an unknown shift on line 9\n" /* 1 */
	"SECTION_HORIZON\n"                            /* 2 */
	"7\n"                                          /* 3 */
	"SECTION_SHIFTS\n"                             /* 4 */
	"D,480,\n"                                     /* 5 */
	"SECTION_STAFF\n"                              /* 6 */
	"A,D=7,2880,0,5,1,1,2\n"                       /* 7 */
	"SECTION_COVER\n"                              /* 8 */
	"0,X,1,100,1\n"                                /* 9 */
	"1,D,1,100,1\n";                               /* 10 */

static void test_malformed_file(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	char *path = path_join(dir, "broken.txt");
	write_file(path, malformed, strlen(malformed));
	run_result r = run_cli("rota", "solve-file", path, "--quiet", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "broken.txt"));
	assert_true(contains(r.err, ":9:"));
	assert_true(contains(r.err, "X"));
	assert_string_equal(r.out, "");
	run_free(&r);

	/* As JSON (on stderr): the file, line and field. */
	r = run_cli("--json", "rota", "solve-file", path, "--quiet", NULL);
	assert_int_equal(r.code, 1);
	assert_string_equal(r.out, "");
	json_t *j = parse(r.err);
	json_t *err = json_object_get(j, "error");
	assert_string_equal(json_string_value(json_object_get(err, "code")),
			    "OV_E_INPUT");
	assert_string_equal(json_string_value(json_object_get(err, "file")),
			    path);
	assert_int_equal(json_integer_value(json_object_get(err, "line")), 9);
	assert_string_equal(json_string_value(json_object_get(err, "field")),
			    "cover.shift");
	json_decref(j);
	run_free(&r);

	/* A binary file is refused too. */
	write_file(path, "SECTION_HORIZON\n\0\x01\x02\n", 20);
	r = run_cli("rota", "solve-file", path, "--quiet", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "broken.txt"));
	run_free(&r);

	free(path);
	rm_rf(dir);
	free(dir);
}

/* The file and line are named once, not twice. */
static void test_malformed_file_named_once(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	char *path = path_join(dir, "broken.txt");
	write_file(path, malformed, strlen(malformed));
	run_result r = run_cli("rota", "solve-file", path, "--quiet", NULL);
	assert_int_equal(r.code, 1);
	const char *first = strstr(r.err, "broken.txt:9:");
	assert_non_null(first);
	if (strstr(first + 1, "broken.txt:9:") ||
	    strstr(strstr(r.err, "cover.shift") + 1, "cover.shift"))
		fail_msg("named twice: %s", r.err);
	run_free(&r);
	free(path);
	rm_rf(dir);
	free(dir);
}

static void test_bad_arguments(void **state)
{
	(void)state;
	char *path = data_path("Instance2.txt");
	run_result r = run_cli("rota", "solve-file", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "INSTANCE"));
	assert_string_equal(r.out, "");
	run_free(&r);

	const char *bad_seconds[] = {"0", "x", "-1", "1.5x", ""};
	for (size_t i = 0; i < sizeof bad_seconds / sizeof *bad_seconds;
	     i++) {
		r = run_cli("rota", "solve-file", path, "--seconds",
			    bad_seconds[i], "--quiet", NULL);
		if (r.code != 1)
			fail_msg("--seconds '%s': exit %d", bad_seconds[i],
				 r.code);
		assert_true(contains(r.err, "--seconds"));
		assert_string_equal(r.out, "");
		run_free(&r);
	}
	r = run_cli("rota", "solve-file", path, "--seed", "-3", "--quiet",
		    NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--seed"));
	run_free(&r);

	/* Two instances, or an unknown option. */
	r = run_cli("rota", "solve-file", path, path, "--quiet", NULL);
	assert_int_equal(r.code, 1);
	run_free(&r);
	r = run_cli("rota", "solve-file", path, "--minutes", "3", NULL);
	assert_int_equal(r.code, 1);
	run_free(&r);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_instance2),
		cmocka_unit_test(test_text_instance2),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_malformed_file),
		cmocka_unit_test(test_malformed_file_named_once),
		cmocka_unit_test(test_bad_arguments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
