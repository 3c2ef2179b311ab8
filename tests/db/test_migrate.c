/*
 * test_migrate.c - schema migrations: a new database gets every
 * migration, reopening applies nothing twice, and a broken migration
 * rolls back completely.
 */
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "support/support.h"

static void test_new_database_gets_latest_schema(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	char *path = path_join(dir, "a.db");
	db *d;
	ov_err e;
	assert_int_equal(db_open(path, DB_CREATE, &d, &e), OV_OK);
	assert_int_equal(db_schema_version(d),
			 db_migrations[db_migrations_count - 1].version);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM municipality"), 0);
	db_close(d);
	rm_rf(dir);
	free(path);
	free(dir);
}

static void test_migrate_is_idempotent(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	char *path = path_join(dir, "a.db");
	db *d;
	ov_err e;
	assert_int_equal(db_open(path, DB_CREATE, &d, &e), OV_OK);
	int rows = sql_int(d, "SELECT count(*) FROM schema_migration");
	assert_int_equal(db_migrate(d, db_migrations, db_migrations_count, &e),
			 OV_OK);
	db_close(d);
	assert_int_equal(db_open(path, DB_WRITE, &d, &e), OV_OK);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM schema_migration"),
			 rows);
	db_close(d);
	rm_rf(dir);
	free(path);
	free(dir);
}

static void test_broken_migration_rolls_back(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	char *path = path_join(dir, "a.db");
	db *d;
	ov_err e;
	assert_int_equal(db_open(path, DB_CREATE, &d, &e), OV_OK);
	int v = db_schema_version(d);
	/* Two good steps and a broken third: none of them may stay. */
	db_migration list[64];
	assert_true(db_migrations_count + 3 <= 64);
	memcpy(list, db_migrations, sizeof(db_migration) * db_migrations_count);
	list[db_migrations_count] = (db_migration){
		v + 1, "9001_good.sql", "CREATE TABLE t1 (x INTEGER);"};
	list[db_migrations_count + 1] = (db_migration){
		v + 2, "9002_good.sql",
		"INSERT INTO municipality (id, code, name_nb, name_se, "
		"inhabitants, area_km2) VALUES (1, '9999', 'x', 'x', 1, 1);"};
	list[db_migrations_count + 2] = (db_migration){
		v + 3, "9003_broken.sql", "CREATE TABLE t2 (x INTEGER); BOGUS;"};
	assert_int_equal(db_migrate(d, list, db_migrations_count + 3, &e),
			 OV_E_DB);
	assert_true(contains(e.msg, "9003_broken.sql"));
	assert_string_equal(e.file, "9003_broken.sql");
	assert_int_equal(db_schema_version(d), v);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM sqlite_master WHERE "
				  "name IN ('t1', 't2')"),
			 0);
	assert_int_equal(sql_int(d, "SELECT count(*) FROM municipality"), 0);
	db_close(d);
	rm_rf(dir);
	free(path);
	free(dir);
}

static void test_newer_schema_is_refused(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	char *path = path_join(dir, "a.db");
	db *d;
	ov_err e;
	assert_int_equal(db_open(path, DB_CREATE, &d, &e), OV_OK);
	assert_int_equal(db_exec(d, "INSERT INTO schema_migration VALUES "
				    "(9999, '9999_future.sql')", &e), OV_OK);
	db_close(d);
	assert_int_equal(db_open(path, DB_WRITE, &d, &e), OV_E_DB);
	assert_null(d);
	assert_true(contains(e.msg, "9999"));
	rm_rf(dir);
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_database_gets_latest_schema),
		cmocka_unit_test(test_migrate_is_idempotent),
		cmocka_unit_test(test_broken_migration_rolls_back),
		cmocka_unit_test(test_newer_schema_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
