/*
 * test_demo_determinism.c - `init --demo --seed N` gives byte-identical
 * data for the same seed and different data for another, and loads in
 * one transaction.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_str.h"
#include "db/db.h"
#include "demo/demo.h"
#include "support/support.h"

/* Every row of every table, in a fixed order, as text. */
static void dump(const char *path, ov_buf *out)
{
	db *d;
	ov_err e;
	assert_int_equal(db_open(path, DB_READ, &d, &e), OV_OK);
	db_stmt *tables;
	assert_int_equal(db_prepare(d,
				    "SELECT name FROM sqlite_master WHERE "
				    "type = 'table' ORDER BY name",
				    &tables, &e),
			 OV_OK);
	while (db_step(tables, &e) == 1) {
		const char *t = db_col_text(tables, 0);
		ov_buf sql = OV_BUF_INIT;
		/* Password hashes have random salts and the audit trail
		 * the time of the load: all else is the seed's. */
		if (!strcmp(t, "app_user"))
			ov_buf_printf(&sql, "SELECT id, username, full_name, "
					    "employee_id, disabled FROM "
					    "app_user ORDER BY 1");
		else if (!strcmp(t, "audit_log"))
			ov_buf_printf(&sql, "SELECT id, user_id, actor, "
					    "action, entity, entity_id, "
					    "before_json, after_json FROM "
					    "audit_log ORDER BY 1");
		else
			ov_buf_printf(&sql, "SELECT * FROM \"%s\" ORDER BY "
					    "1, 2", t);
		db_stmt *rows;
		assert_int_equal(db_prepare(d, ov_buf_str(&sql), &rows, &e),
				 OV_OK);
		ov_buf_printf(out, "## %s\n", t);
		int ncols = db_col_count(rows);
		while (db_step(rows, &e) == 1) {
			for (int c = 0; c < ncols; c++)
				ov_buf_printf(out, "%s|", db_col_text(rows, c));
			ov_buf_adds(out, "\n");
		}
		db_finalize(rows);
		ov_buf_free(&sql);
	}
	db_finalize(tables);
	db_close(d);
}

/* The whole file, malloc'd; *n its size. */
static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long len = ftell(f);
	rewind(f);
	char *buf = malloc((size_t)len);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*n = (size_t)len;
	return buf;
}

static void make_demo(const char *path, const char *seed)
{
	run_result r = run_cli("--db", path, "init", "--demo", "--seed", seed,
			       NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
}

static void test_same_seed_same_data(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	char *a = path_join(dir, "a.db"), *b = path_join(dir, "b.db"),
	     *c = path_join(dir, "c.db");
	make_demo(a, "42");
	make_demo(b, "42");
	make_demo(c, "43");
	/* Same binary, same seed: the files are the same size (only the
	 * salts and times differ, which are of fixed length). */
	size_t na, nb;
	char *fa = slurp(a, &na), *fb = slurp(b, &nb);
	assert_int_equal(na, nb);
	free(fa);
	free(fb);
	ov_buf da = OV_BUF_INIT, db_ = OV_BUF_INIT, dc = OV_BUF_INIT;
	dump(a, &da);
	dump(b, &db_);
	dump(c, &dc);
	assert_true(da.len > 100000);
	assert_int_equal(da.len, db_.len);
	assert_memory_equal(da.data, db_.data, da.len);
	assert_true(da.len != dc.len ||
		    memcmp(da.data, dc.data, da.len) != 0);
	ov_buf_free(&da);
	ov_buf_free(&db_);
	ov_buf_free(&dc);
	rm_rf(dir);
	free(a);
	free(b);
	free(c);
	free(dir);
}

static void test_demo_into_non_empty_database_rolls_back(void **state)
{
	(void)state;
	char *dir = tmp_dir(), *p = path_join(dir, "x.db");
	make_demo(p, "1");
	db *d;
	ov_err e;
	assert_int_equal(db_open(p, DB_WRITE, &d, &e), OV_OK);
	/* A second load collides with the first: it must fail and leave
	 * the first untouched. */
	db_stmt *st;
	assert_int_equal(db_prepare(d, "SELECT count(*) FROM employee", &st,
				    &e),
			 OV_OK);
	assert_int_equal(db_step(st, &e), 1);
	int64_t before = db_col_int(st, 0);
	db_reset(st);
	assert_int_not_equal(demo_load(d, 1, NULL, &e), OV_OK);
	assert_int_equal(db_step(st, &e), 1);
	assert_int_equal(db_col_int(st, 0), before);
	db_finalize(st);
	db_close(d);
	rm_rf(dir);
	free(p);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_seed_same_data),
		cmocka_unit_test(test_demo_into_non_empty_database_rolls_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
