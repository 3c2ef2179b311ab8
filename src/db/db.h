/*
 * db.h - the store: one small interface over SQLite now (PostgreSQL
 * later, behind the same calls). Domain modules write their own SQL with
 * numbered parameters ($1, $2, ...) and RETURNING, which both accept.
 */
#ifndef DB_H
#define DB_H

#include <stdint.h>

#include "../base/ov_err.h"
#include "../base/ov_str.h"

typedef struct db db;
typedef struct db_stmt db_stmt;

/* How db_open treats the file. */
typedef enum {
	DB_READ,   /* must exist; opened read-only if the file is */
	DB_WRITE,  /* must exist and be writable */
	DB_CREATE, /* created if missing; must be writable */
} db_mode;

/* One schema step, from src/db/migrations/NNNN_name.sql. */
typedef struct {
	int version;      /* NNNN, strictly increasing */
	const char *name; /* file name, for messages */
	const char *sql;  /* one or more statements */
} db_migration;

/* The migrations built into the binary, in order. */
extern const db_migration db_migrations[];
extern const int db_migrations_count;

/*
 * Opens the database at path and brings its schema up to date (all
 * pending migrations in one transaction) unless it is opened read-only.
 * WAL journal, foreign keys on, 5 s busy timeout.
 * On success *out is owned by the caller (free with db_close).
 * Errors: OV_E_NOTFOUND (missing file), OV_E_READONLY (write wanted but
 * the file is read-only), OV_E_DB (not a database, migration failed,
 * schema newer than this binary).
 */
ov_status db_open(const char *path, db_mode mode, db **out, ov_err *err);

/* Closes and frees; finalises nothing for you (finalise statements
 * first). NULL is allowed. */
void db_close(db *d);

/* The path given to db_open (borrowed, lives as long as d). */
const char *db_path(const db *d);

/* Nonzero if d was opened read-only. */
int db_readonly(const db *d);

/*
 * Applies the migrations in list[0..n) newer than the database's version,
 * all in one transaction: on any failure nothing is applied and the
 * error names the migration file. Returns OV_OK when already current.
 */
ov_status db_migrate(db *d, const db_migration *list, int n, ov_err *err);

/* Highest migration version applied (0 for an empty database). */
int db_schema_version(db *d);

/* Runs SQL text with no parameters and no results (may hold several
 * statements). */
ov_status db_exec(db *d, const char *sql, ov_err *err);

/*
 * Prepares one statement. *out is owned: free with db_finalize.
 */
ov_status db_prepare(db *d, const char *sql, db_stmt **out, ov_err *err);

/* Bind parameter $n (1-based). Text is copied. */
void db_bind_int(db_stmt *st, int n, int64_t v);
void db_bind_double(db_stmt *st, int n, double v);
void db_bind_text(db_stmt *st, int n, const char *s); /* NULL binds NULL */
void db_bind_null(db_stmt *st, int n);

/* Runs one step: 1 = a row is ready, 0 = done, -1 = error (err set). */
int db_step(db_stmt *st, ov_err *err);

/* Column i (0-based) of the current row. Text is borrowed until the next
 * step, reset or finalize; NULL reads as "" (text) or 0 (numbers). */
int64_t db_col_int(db_stmt *st, int i);
double db_col_double(db_stmt *st, int i);
const char *db_col_text(db_stmt *st, int i);
int db_col_is_null(db_stmt *st, int i);
/* Number of columns the statement returns. */
int db_col_count(db_stmt *st);

/* Makes the statement ready to run again with new bindings. */
void db_reset(db_stmt *st);
void db_finalize(db_stmt *st);

/* Runs a statement that returns nothing (or ignores what it returns). */
ov_status db_run(db_stmt *st, ov_err *err);
/* Runs a statement for one whole number: the first column of its first
 * row in *out, 0 when there is no row. Finalizes st. */
ov_status db_first_int(db_stmt *st, int64_t *out, ov_err *err);

/* Rows the most recent INSERT, UPDATE or DELETE on d wrote or removed
 * (not counting those of triggers or foreign-key actions); 0 when it
 * matched none, so a caller can tell "removed" from "was not there". */
int db_changes(db *d);

/*
 * Transactions. db_begin records the caller's file and line, so an
 * error or a forgotten commit names where the transaction began.
 * Nested db_begin is an error (OV_E_INTERNAL).
 */
ov_status db_begin_at(db *d, const char *file, int line, ov_err *err);
#define db_begin(d, err) db_begin_at((d), __FILE__, __LINE__, (err))
ov_status db_commit(db *d, ov_err *err);
/* Rolls back if a transaction is open; safe to call when none is. */
void db_rollback(db *d);
/* Nonzero while a transaction begun with db_begin is open, so a module
 * can join its caller's transaction instead of opening its own. */
int db_in_transaction(const db *d);

/*
 * Joins the caller's transaction, or begins one when none is open;
 * *own says which, for db_finish. Lets a write and its audit row land
 * together whether or not the caller already holds a transaction.
 */
ov_status db_join_at(db *d, int *own, const char *file, int line,
		     ov_err *err);
#define db_join(d, own, err) db_join_at((d), (own), __FILE__, __LINE__, (err))

/* Ends what db_join began: commits (rc OV_OK) or rolls back a
 * transaction it opened, leaves a joined one to its owner. Returns the
 * final status. */
ov_status db_finish(db *d, int own, ov_status rc, ov_err *err);

/*
 * Integrity and foreign-key check. Appends one line per problem to
 * report and sets *problems to their count (0 = healthy).
 */
ov_status db_check(db *d, ov_buf *report, int *problems, ov_err *err);

/*
 * Copies the whole database to dest with SQLite's online backup API,
 * through a temporary file renamed into place, so dest is either the
 * complete copy or untouched. Refuses to overwrite dest unless force.
 */
ov_status db_backup(db *d, const char *dest, int force, ov_err *err);

#endif
