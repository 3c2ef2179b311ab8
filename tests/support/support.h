/*
 * support.h - shared helpers for the cmocka tests: run the CLI in-process
 * and capture what it prints, scratch directories, a demo database.
 */
#ifndef TEST_SUPPORT_H
#define TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the three headers above first. */
#include <cmocka.h>

/* What one CLI run printed and returned. Free with run_free. */
typedef struct {
	int code;
	char *out;
	char *err;
} run_result;

/* Runs `ovttas ARGS...` (NULL-terminated) through cli_main. */
run_result run_cli(const char *arg, ...);
void run_free(run_result *r);

/* A new empty directory under /tmp (owned; remove with rm_rf + free). */
char *tmp_dir(void);
void rm_rf(const char *path);

/* dir + "/" + name, malloc'd. */
char *path_join(const char *dir, const char *name);

/*
 * Path of a demo database (seed 2019) built once per test program and
 * removed at exit. Tests must not modify it; copy it first.
 */
const char *demo_db(void);

/* A new, migrated database in its own scratch directory. */
typedef struct {
	char *dir;  /* owned */
	char *path; /* owned */
	struct db *d;
} scratch_db;

/* Creates NAME in a new directory under /tmp (fails the test if it
 * cannot); scratch_close closes it and removes it all. */
scratch_db scratch_open(const char *name);
void scratch_close(scratch_db *s);

/* The first column of the one row sql returns (fails the test if the
 * statement fails or returns no row). */
struct db;
int64_t sql_int(struct db *d, const char *sql);

/* Path (malloc'd) of the repository file dir/name, e.g.
 * ("tests/rota/data", "Instance2.txt"), found from this source's place or
 * by walking up from the test binary; fails the test if it is missing. */
char *repo_file(const char *dir, const char *name);

/* Nonzero if haystack contains needle. */
int contains(const char *haystack, const char *needle);

/* A writable copy of the demo database (see demo_db) in its own
 * directory under /tmp; demo_copy fails the test if it cannot make it,
 * copy_free removes it all. */
typedef struct {
	char *dir;  /* owned */
	char *path; /* owned */
} copy_db;
copy_db demo_copy(void);
void copy_free(copy_db *c);
/* A demo_copy (malloc'd; copy_free and free it) worked on as the command
 * line's user `user`: USER set, no web actor (OVTTAS_ACTOR, _ID). */
copy_db *demo_copy_as(const char *user);

/* sql_int on the database at path, opened for reading. */
int64_t sql_int_at(const char *path, const char *sql);

/* text parsed as JSON (owned: json_decref); fails the test if it is not
 * JSON. */
struct json_t;
struct json_t *parse_json(const char *text);

/* Fails unless err (the stderr of a --json run) is an error naming
 * field. */
void assert_error_field(const char *err, const char *field);

#endif
