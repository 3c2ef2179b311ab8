/*
 * test_cmd_db.c - `ovttas db migrate|check|backup`: happy paths, a
 * foreign-key problem found by check, backups that refuse to overwrite,
 * missing databases.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "db/db.h"
#include "support/support.h"

/* A private copy of the demo database, made with `db backup`. */
static char *copy_demo(const char *dir)
{
	char *p = path_join(dir, "copy.db");
	run_result r = run_cli("--db", demo_db(), "db", "backup", p, NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	return p;
}

static void test_migrate_reports_version(void **state)
{
	(void)state;
	char *dir = tmp_dir(), *dbp = copy_demo(dir);
	run_result r = run_cli("--db", dbp, "db", "migrate", NULL);
	assert_int_equal(r.code, 0);
	char want[32];
	snprintf(want, sizeof want, "%d",
		 db_migrations[db_migrations_count - 1].version);
	assert_true(contains(r.out, want));
	run_free(&r);
	r = run_cli("--db", dbp, "--json", "db", "migrate", NULL);
	assert_int_equal(r.code, 0);
	assert_true(contains(r.out, "\"schema\""));
	run_free(&r);
	rm_rf(dir);
	free(dbp);
	free(dir);
}

static void test_check_healthy_and_broken(void **state)
{
	(void)state;
	char *dir = tmp_dir(), *path = copy_demo(dir);
	run_result r = run_cli("--db", path, "db", "check", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);

	/* Break a reference behind the store's back. */
	db *d;
	ov_err e;
	assert_int_equal(db_open(path, DB_WRITE, &d, &e), OV_OK);
	assert_int_equal(db_exec(d,
				 "PRAGMA foreign_keys = OFF;"
				 "INSERT INTO sector (id, municipality_id, "
				 "code, name_nb, name_se) VALUES (9999, 4242, "
				 "'x', 'x', 'x')",
				 &e),
			 OV_OK);
	db_close(d);

	r = run_cli("--db", path, "db", "check", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.out, "sector"));
	assert_true(contains(r.out, "municipality"));
	run_free(&r);
	r = run_cli("--db", path, "--json", "db", "check", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.out, "\"ok\": false"));
	run_free(&r);
	rm_rf(dir);
	free(path);
	free(dir);
}

static void test_backup_is_a_working_copy(void **state)
{
	(void)state;
	char *dir = tmp_dir(), *dbp = copy_demo(dir);
	char *bak = path_join(dir, "bak.db");
	run_result r = run_cli("--db", dbp, "db", "backup", bak, NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	r = run_cli("--db", bak, "db", "check", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	/* No overwrite without --force. */
	r = run_cli("--db", dbp, "db", "backup", bak, NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, bak));
	run_free(&r);
	r = run_cli("--db", dbp, "db", "backup", bak, "--force", NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	rm_rf(dir);
	free(bak);
	free(dbp);
	free(dir);
}

static void test_backup_errors(void **state)
{
	(void)state;
	run_result r = run_cli("--db", demo_db(), "db", "backup", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "FILE"));
	run_free(&r);
	r = run_cli("--db", demo_db(), "db", "backup", "/nonexistent-dir/b.db",
		    NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, "/nonexistent-dir/b.db"));
	run_free(&r);
}

static void test_missing_database(void **state)
{
	(void)state;
	const char *cmds[][2] = {{"db", "check"}, {"db", "migrate"},
				 {"status", NULL}, {"org", "units"},
				 {"programme", "show"}};
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		run_result r = run_cli("--db", "/tmp/ovttas-no-such.db",
				       cmds[i][0], cmds[i][1], NULL);
		assert_int_equal(r.code, 1);
		assert_true(contains(r.err, "/tmp/ovttas-no-such.db"));
		run_free(&r);
	}
	/* Nothing was created by looking. */
	struct stat st;
	assert_int_not_equal(stat("/tmp/ovttas-no-such.db", &st), 0);
}

static void test_not_a_database(void **state)
{
	(void)state;
	char *dir = tmp_dir(), *p = path_join(dir, "junk.db");
	FILE *f = fopen(p, "w");
	fputs("this is not a database, just some text that is long enough "
	      "to fill a header...........................................",
	      f);
	fclose(f);
	run_result r = run_cli("--db", p, "db", "check", NULL);
	assert_int_not_equal(r.code, 0);
	assert_true(contains(r.err, "junk.db"));
	run_free(&r);
	r = run_cli("--db", dir, "db", "check", NULL);
	assert_int_equal(r.code, 1);
	run_free(&r);
	/* Reading an empty file does not make it a database. */
	char *empty = path_join(dir, "empty.db");
	fclose(fopen(empty, "w"));
	r = run_cli("--db", empty, "status", NULL);
	assert_int_equal(r.code, 1);
	assert_true(contains(r.err, empty));
	run_free(&r);
	struct stat st;
	assert_int_equal(stat(empty, &st), 0);
	assert_int_equal(st.st_size, 0);
	free(empty);
	rm_rf(dir);
	free(p);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migrate_reports_version),
		cmocka_unit_test(test_check_healthy_and_broken),
		cmocka_unit_test(test_backup_is_a_working_copy),
		cmocka_unit_test(test_backup_errors),
		cmocka_unit_test(test_missing_database),
		cmocka_unit_test(test_not_a_database),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
