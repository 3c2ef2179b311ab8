/*
 * test_cli.c - the command line as a whole: help, unknown commands and
 * options, global options anywhere on the line, language choice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "base/ov_str.h"

#include "support/support.h"

static void test_no_arguments_prints_overview_exit_1(void **state)
{
	(void)state;
	run_result r = run_cli(NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.out, "programme show"));
	assert_true(contains(r.out, "economy summary"));
	run_free(&r);
}

static void test_help_lists_every_command(void **state)
{
	(void)state;
	run_result r = run_cli("help", NULL);
	assert_int_equal(r.code, 0);
	const char *names[] = {"init", "status", "db migrate", "db check",
			       "db backup", "org units", "org employees",
			       "programme show", "economy summary"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		assert_true(contains(r.out, names[i]));
	run_free(&r);
}

static void test_every_command_has_help(void **state)
{
	(void)state;
	const char *cmds[][2] = {{"init", NULL},         {"status", NULL},
				 {"db", "migrate"},     {"db", "check"},
				 {"db", "backup"},      {"org", "units"},
				 {"org", "employees"},  {"programme", "show"},
				 {"economy", "summary"}, {"version", NULL}};
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		run_result r = cmds[i][1]
				       ? run_cli(cmds[i][0], cmds[i][1],
						 "--help", NULL)
				       : run_cli(cmds[i][0], "--help", NULL);
		assert_int_equal(r.code, 0);
		assert_true(contains(r.out, "ovttas"));
		assert_true(contains(r.out, "--db PATH"));
		run_free(&r);
	}
}

static void test_help_for_one_command(void **state)
{
	(void)state;
	run_result r = run_cli("help", "db", "backup", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "ovttas db backup FILE"));
	assert_false(contains(r.out, "ovttas db check"));
	run_free(&r);
	r = run_cli("help", "nosuch", NULL);
	assert_int_equal(r.code, 1);
	run_free(&r);
}

static void test_unknown_command_exit_1_names_it(void **state)
{
	(void)state;
	run_result r = run_cli("frobnicate", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "frobnicate"));
	run_free(&r);
	r = run_cli("db", "frob", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "frob"));
	run_free(&r);
	r = run_cli("db", NULL);
	assert_int_equal(r.code, 1);
	run_free(&r);
}

static void test_unknown_option_exit_1_names_it(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "status", "--bogus", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--bogus"));
	run_free(&r);
	r = run_cli("db", "check", "--db", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--db"));
	run_free(&r);
	r = run_cli("--db", demo_db(), "db", "check", "stray", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "stray"));
	run_free(&r);
}

/* Text that is not UTF-8 never gets in: exit 1, the argument named by
 * its place, and the error (JSON too) stays UTF-8. */
static void test_non_utf8_argument_refused(void **state)
{
	(void)state;
	run_result r = run_cli("--json", "rota", "solve-file", "N\xf8.txt", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "UTF-8"));
	assert_true(contains(r.err, "4"));
	assert_int_equal(ov_utf8_check(r.err, strlen(r.err)), strlen(r.err));
	run_free(&r);
}

/* An option's value is named by its option, written either way; a
 * positional after a flag is named by its place alone. */
static void test_non_utf8_value_names_option(void **state)
{
	(void)state;
	run_result a = run_cli("--json", "rota", "plan", "--unit=N\xf8", NULL);
	run_result b = run_cli("--json", "rota", "plan", "--unit", "N\xf8", NULL);
	run_result c = run_cli("--json", "rota", "solve-file", "--quiet",
			       "--", "N\xf8.txt", NULL);
	assert_int_equal(a.code, 1);
	assert_int_equal(b.code, 1);
	assert_int_equal(c.code, 1);
	assert_true(contains(a.err, "--unit"));
	assert_true(contains(b.err, "--unit"));
	assert_false(contains(c.err, "--quiet"));
	assert_true(contains(c.err, "6"));
	run_free(&a);
	run_free(&b);
	run_free(&c);
}

static void test_global_options_anywhere(void **state)
{
	(void)state;
	run_result a = run_cli("--db", demo_db(), "db", "check", NULL);
	run_result b = run_cli("db", "check", "--db", demo_db(), NULL);
	run_result c = run_cli("db", "--db=", NULL);
	assert_int_equal(a.code, 0);
	assert_int_equal(b.code, 0);
	assert_string_equal(a.out, b.out);
	assert_int_equal(c.code, 1);
	run_free(&a);
	run_free(&b);
	run_free(&c);
}

static void test_bad_language_exit_1(void **state)
{
	(void)state;
	run_result r = run_cli("--lang", "fi", "help", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "fi"));
	assert_true(contains(r.err, "--lang"));
	run_free(&r);
	setenv("OVTTAS_LANG", "xx", 1);
	r = run_cli("help", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "OVTTAS_LANG"));
	run_free(&r);
	unsetenv("OVTTAS_LANG");
}

static void test_languages_differ(void **state)
{
	(void)state;
	run_result nb = run_cli("--lang", "nb", "help", NULL);
	run_result se = run_cli("--lang", "se", "help", NULL);
	run_result en = run_cli("--lang", "en", "help", NULL);
	assert_int_equal(nb.code, 0);
	assert_int_equal(se.code, 0);
	assert_true(contains(en.out, "Show the change programme"));
	assert_string_not_equal(nb.out, en.out);
	assert_string_not_equal(se.out, en.out);
	assert_string_not_equal(nb.out, se.out);
	run_free(&nb);
	run_free(&se);
	run_free(&en);
}

static void test_database_from_environment(void **state)
{
	(void)state;
	setenv("OVTTAS_DB", demo_db(), 1);
	run_result r = run_cli("db", "check", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, demo_db()));
	run_free(&r);
	/* --db wins over the environment. */
	r = run_cli("--db", "/tmp/ovttas-none.db", "db", "check", NULL);
	assert_int_equal(r.code, 1);
	run_free(&r);
	unsetenv("OVTTAS_DB");
}

static void test_group_help_and_json_errors(void **state)
{
	(void)state;
	run_result r = run_cli("db", "--help", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "ovttas db check"));
	assert_true(contains(r.out, "ovttas db backup"));
	run_free(&r);
	/* Errors are JSON with --json, whatever else is wrong... */
	r = run_cli("--json", "--lang", "xx", "help", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "\"field\": \"--lang\""));
	run_free(&r);
	/* ...and never empty, even for bytes that are not UTF-8. */
	r = run_cli("--db", demo_db(), "--json", "org", "employees", "--unit",
		    "\xff\xfe", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--unit"));
	run_free(&r);
}

static void test_version_json(void **state)
{
	(void)state;
	run_result r = run_cli("version", "--json", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "\"schema\""));
	run_free(&r);
}

static void test_real_binary_finds_its_catalogue(void **state)
{
	(void)state;
	/* main() and the locale look-up, through the sanitizer binary. */
	const char *bin = getenv("OVTTAS_ASAN_BIN");
	if (!bin)
		skip();
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "%s --lang se help > /dev/null", bin);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "%s nosuchcommand 2> /dev/null", bin);
	int st = system(cmd);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_arguments_prints_overview_exit_1),
		cmocka_unit_test(test_help_lists_every_command),
		cmocka_unit_test(test_every_command_has_help),
		cmocka_unit_test(test_help_for_one_command),
		cmocka_unit_test(test_unknown_command_exit_1_names_it),
		cmocka_unit_test(test_unknown_option_exit_1_names_it),
		cmocka_unit_test(test_non_utf8_argument_refused),
		cmocka_unit_test(test_non_utf8_value_names_option),
		cmocka_unit_test(test_global_options_anywhere),
		cmocka_unit_test(test_bad_language_exit_1),
		cmocka_unit_test(test_languages_differ),
		cmocka_unit_test(test_database_from_environment),
		cmocka_unit_test(test_group_help_and_json_errors),
		cmocka_unit_test(test_version_json),
		cmocka_unit_test(test_real_binary_finds_its_catalogue),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
