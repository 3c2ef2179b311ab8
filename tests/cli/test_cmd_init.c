/*
 * test_cmd_init.c - `ovttas init`: creating, refusing to overwrite,
 * replacing whole with --force, read-only files, bad options.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/support.h"

static long file_size(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

static void test_init_creates_empty_database(void **state)
{
	(void)state;
	char *dir = tmp_dir(), *dbp = path_join(dir, "new.db");
	run_result r = run_cli("--db", dbp, "init", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, dbp));
	assert_true(file_size(dbp) > 0);
	run_free(&r);
	r = run_cli("--db", dbp, "db", "check", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	rm_rf(dir);
	free(dbp);
	free(dir);
}

static void test_init_refuses_existing_without_force(void **state)
{
	(void)state;
	char *dir = tmp_dir(), *dbp = path_join(dir, "x.db");
	run_result r = run_cli("--db", dbp, "init", "--demo", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	long before = file_size(dbp);
	r = run_cli("--db", dbp, "init", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--force"));
	run_free(&r);
	assert_int_equal(file_size(dbp), before);
	/* --force replaces it by an empty database. */
	r = run_cli("--db", dbp, "init", "--force", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	r = run_cli("--db", dbp, "--json", "status", NULL);
	run_free(&r);
	rm_rf(dir);
	free(dbp);
	free(dir);
}

static void test_init_read_only_file_is_untouched(void **state)
{
	(void)state;
	char *dir = tmp_dir(), *dbp = path_join(dir, "ro.db");
	run_result r = run_cli("--db", dbp, "init", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	long before = file_size(dbp);
	assert_int_equal(chmod(dbp, 0444), 0);
	r = run_cli("--db", dbp, "init", "--demo", "--force", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, dbp));
	run_free(&r);
	assert_int_equal(file_size(dbp), before);
	/* Writing commands refuse; reading ones still work. */
	r = run_cli("--db", dbp, "db", "migrate", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, dbp));
	run_free(&r);
	r = run_cli("--db", dbp, "db", "check", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	rm_rf(dir);
	free(dbp);
	free(dir);
}

static void test_init_bad_options(void **state)
{
	(void)state;
	char *dir = tmp_dir(), *dbp = path_join(dir, "x.db");
	run_result r = run_cli("--db", dbp, "init", "--demo", "--seed", "abc",
			       NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--seed"));
	run_free(&r);
	r = run_cli("--db", dbp, "init", "--seed", "5", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "--seed"));
	run_free(&r);
	r = run_cli("--db", dbp, "init", "--demo=yes", NULL);
	assert_int_equal(r.code, 1);
	run_free(&r);
	assert_int_equal(file_size(dbp), -1);
	/* A directory that does not exist. */
	r = run_cli("--db", "/nonexistent-dir/x.db", "init", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "/nonexistent-dir/x.db"));
	run_free(&r);
	/* A folder is not a database, even with --force; it is untouched. */
	r = run_cli("--db", dir, "init", "--demo", "--force", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, dir));
	run_free(&r);
	rm_rf(dir);
	free(dbp);
	free(dir);
}

static void test_init_json(void **state)
{
	(void)state;
	char *dir = tmp_dir(), *dbp = path_join(dir, "j.db");
	run_result r = run_cli("--db", dbp, "--json", "init", "--demo",
			       "--seed", "7", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "\"seed\": 7"));
	assert_true(contains(r.out, "\"demo\": true"));
	run_free(&r);
	rm_rf(dir);
	free(dbp);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_creates_empty_database),
		cmocka_unit_test(test_init_refuses_existing_without_force),
		cmocka_unit_test(test_init_read_only_file_is_untouched),
		cmocka_unit_test(test_init_bad_options),
		cmocka_unit_test(test_init_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
