/*
 * db_sqlite.c - the SQLite implementation of db.h: opening, statements,
 * transactions, integrity check and online backup.
 */
#include "db.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/ov_i18n.h"

/* Statements finished with and kept for their SQL's next use: the web
 * server runs the same few statements on every request, and preparing
 * them was a quarter of a request's time (bench/http). Written here
 * because SQLite keeps no such cache itself (its docs leave it to the
 * application). */
#define DB_STMT_CACHE 64

struct db {
	sqlite3 *h;
	char *path;
	int readonly;
	const char *tx_file; /* where the open transaction began, or NULL */
	int tx_line;
	struct db_stmt *idle[DB_STMT_CACHE]; /* oldest first */
	int nidle;
};

struct db_stmt {
	sqlite3_stmt *s;
	db *d;
};

/* A file is read-only for ovttas when it has no write bit at all or the
 * process may not write it. Root passes access(W_OK) for every file, so
 * the mode bits decide there: a file marked read-only stays untouched. */
static int file_readonly(const char *path, const struct stat *st)
{
	return (st->st_mode & 0222) == 0 || access(path, W_OK) != 0;
}

ov_status db_open(const char *path, db_mode mode, db **out, ov_err *err)
{
	*out = NULL;
	struct stat st;
	int exists = stat(path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode))
		return OV_FAIL_AT(err, OV_E_INPUT, path, 0, "--db",
				  _("%s is not a database file"), path);
	if (!exists && mode != DB_CREATE)
		return OV_FAIL_AT(
			err, OV_E_NOTFOUND, path, 0, "--db",
			_("database %s does not exist; create it with "
			  "'ovttas init --demo' or name another with --db"),
			path);
	int ro = exists && file_readonly(path, &st);
	if (ro && mode != DB_READ)
		return OV_FAIL_AT(err, OV_E_READONLY, path, 0, "--db",
				  _("database %s is read-only; nothing was "
				    "changed"),
				  path);

	db *d = calloc(1, sizeof *d);
	if (!d || !(d->path = ov_strdup(path))) {
		free(d);
		return OV_FAIL(err, OV_E_NOMEM, NULL, _("out of memory"));
	}
	d->readonly = ro;
	int flags = ro ? SQLITE_OPEN_READONLY
		       : SQLITE_OPEN_READWRITE |
				 (mode == DB_CREATE ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &d->h, flags | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		ov_status rc = OV_FAIL_AT(err, OV_E_DB, path, 0, "--db",
					  _("cannot open database %s: %s"),
					  path, sqlite3_errmsg(d->h));
		db_close(d);
		return rc;
	}
	sqlite3_busy_timeout(d->h, 5000);
	sqlite3_extended_result_codes(d->h, 1);

	/* A file that is not a database fails on the first read. */
	ov_status rc = OV_OK;
	if (sqlite3_exec(d->h, "SELECT count(*) FROM sqlite_master", NULL,
			 NULL, NULL) == SQLITE_NOTADB)
		rc = OV_FAIL_AT(err, OV_E_INPUT, path, 0, "--db",
				_("%s is not a database file"), path);
	if (rc == OV_OK)
		rc = db_exec(d, "PRAGMA foreign_keys = ON", err);
	/* Reading never turns a file into a database: an empty one (no
	 * schema at all) is an error, not something to migrate. */
	if (rc == OV_OK && mode == DB_READ && db_schema_version(d) == 0)
		rc = OV_FAIL_AT(err, OV_E_INPUT, path, 0, "--db",
				_("%s is not an ovttas database; create one "
				  "with 'ovttas init --demo'"),
				path);
	if (rc == OV_OK && !ro)
		rc = db_exec(d, "PRAGMA journal_mode = WAL", err);
	if (rc == OV_OK && !ro)
		rc = db_migrate(d, db_migrations, db_migrations_count, err);
	if (rc == OV_OK && ro &&
	    db_schema_version(d) < db_migrations[db_migrations_count - 1].version)
		rc = OV_FAIL_AT(err, OV_E_READONLY, path, 0, "--db",
				_("database %s is read-only and its schema is "
				  "out of date; make it writable to upgrade"),
				path);
	if (rc != OV_OK) {
		if (err && err->file[0] == '\0')
			snprintf(err->file, sizeof err->file, "%s", path);
		db_close(d);
		return rc;
	}
	*out = d;
	return OV_OK;
}

void db_close(db *d)
{
	if (!d)
		return;
	if (d->tx_file)
		db_rollback(d);
	for (int i = 0; i < d->nidle; i++) {
		sqlite3_finalize(d->idle[i]->s);
		free(d->idle[i]);
	}
	sqlite3_close(d->h);
	free(d->path);
	free(d);
}

const char *db_path(const db *d)
{
	return d->path;
}

int db_readonly(const db *d)
{
	return d->readonly;
}

static ov_status db_fail(db *d, ov_err *err, const char *what)
{
	return OV_FAIL(err, OV_E_DB, NULL, _("database error (%s): %s"), what,
		       sqlite3_errmsg(d->h));
}

ov_status db_exec(db *d, const char *sql, ov_err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(d->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		ov_status rc = OV_FAIL(err, OV_E_DB, NULL,
				       _("database error: %s"),
				       msg ? msg : sqlite3_errmsg(d->h));
		sqlite3_free(msg);
		return rc;
	}
	return OV_OK;
}

ov_status db_prepare(db *d, const char *sql, db_stmt **out, ov_err *err)
{
	*out = NULL;
	/* the newest idle copy of the same SQL, if there is one */
	for (int i = d->nidle - 1; i >= 0; i--) {
		if (strcmp(sqlite3_sql(d->idle[i]->s), sql) != 0)
			continue;
		*out = d->idle[i];
		memmove(&d->idle[i], &d->idle[i + 1],
			(size_t)(d->nidle - i - 1) * sizeof *d->idle);
		d->nidle--;
		return OV_OK;
	}
	db_stmt *st = calloc(1, sizeof *st);
	if (!st)
		return OV_FAIL(err, OV_E_NOMEM, NULL, _("out of memory"));
	if (sqlite3_prepare_v2(d->h, sql, -1, &st->s, NULL) != SQLITE_OK) {
		ov_status rc = db_fail(d, err, "prepare");
		free(st);
		return rc;
	}
	st->d = d;
	*out = st;
	return OV_OK;
}

/* "$n" if the statement names it so, else plain position n ("?"). */
static int param(db_stmt *st, int n)
{
	char name[16];
	snprintf(name, sizeof name, "$%d", n);
	int i = sqlite3_bind_parameter_index(st->s, name);
	return i ? i : n;
}

void db_bind_int(db_stmt *st, int n, int64_t v)
{
	sqlite3_bind_int64(st->s, param(st, n), v);
}

void db_bind_double(db_stmt *st, int n, double v)
{
	sqlite3_bind_double(st->s, param(st, n), v);
}

void db_bind_text(db_stmt *st, int n, const char *s)
{
	if (s)
		sqlite3_bind_text(st->s, param(st, n), s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st->s, param(st, n));
}

void db_bind_null(db_stmt *st, int n)
{
	sqlite3_bind_null(st->s, param(st, n));
}

int db_step(db_stmt *st, ov_err *err)
{
	int rc = sqlite3_step(st->s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	db_fail(st->d, err, "step");
	return -1;
}

int64_t db_col_int(db_stmt *st, int i)
{
	return sqlite3_column_int64(st->s, i);
}

double db_col_double(db_stmt *st, int i)
{
	return sqlite3_column_double(st->s, i);
}

const char *db_col_text(db_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st->s, i);
	return t ? (const char *)t : "";
}

int db_col_is_null(db_stmt *st, int i)
{
	return sqlite3_column_type(st->s, i) == SQLITE_NULL;
}

int db_col_count(db_stmt *st)
{
	return sqlite3_column_count(st->s);
}

void db_reset(db_stmt *st)
{
	sqlite3_reset(st->s);
	sqlite3_clear_bindings(st->s);
}

void db_finalize(db_stmt *st)
{
	if (!st)
		return;
	db *d = st->d;
	/* kept for the next use of its SQL, ready and unbound; the oldest
	 * idle one goes when the cache is full */
	sqlite3_reset(st->s);
	sqlite3_clear_bindings(st->s);
	if (d->nidle == DB_STMT_CACHE) {
		sqlite3_finalize(d->idle[0]->s);
		free(d->idle[0]);
		memmove(&d->idle[0], &d->idle[1],
			(size_t)(DB_STMT_CACHE - 1) * sizeof *d->idle);
		d->nidle--;
	}
	d->idle[d->nidle++] = st;
}

ov_status db_run(db_stmt *st, ov_err *err)
{
	int rc;
	while ((rc = db_step(st, err)) == 1)
		;
	return rc < 0 ? OV_E_DB : OV_OK;
}

ov_status db_first_int(db_stmt *st, int64_t *out, ov_err *err)
{
	int r = db_step(st, err);
	*out = r == 1 ? db_col_int(st, 0) : 0;
	db_finalize(st);
	return r < 0 ? OV_E_DB : OV_OK;
}

int db_changes(db *d)
{
	return sqlite3_changes(d->h);
}

ov_status db_begin_at(db *d, const char *file, int line, ov_err *err)
{
	if (d->tx_file)
		return OV_FAIL(err, OV_E_INTERNAL, NULL,
			       "transaction begun at %s:%d while one from "
			       "%s:%d is open",
			       file, line, d->tx_file, d->tx_line);
	/* IMMEDIATE takes the write lock now, so a concurrent writer waits
	 * on the busy timeout here instead of failing mid-transaction. */
	ov_status rc = db_exec(d, "BEGIN IMMEDIATE", err);
	if (rc == OV_OK) {
		d->tx_file = file;
		d->tx_line = line;
	}
	return rc;
}

int db_in_transaction(const db *d)
{
	return d->tx_file != NULL;
}

ov_status db_join_at(db *d, int *own, const char *file, int line,
		     ov_err *err)
{
	*own = !db_in_transaction(d);
	return *own ? db_begin_at(d, file, line, err) : OV_OK;
}

ov_status db_finish(db *d, int own, ov_status rc, ov_err *err)
{
	if (!own)
		return rc;
	if (rc == OV_OK)
		return db_commit(d, err);
	db_rollback(d);
	return rc;
}

ov_status db_commit(db *d, ov_err *err)
{
	if (!d->tx_file)
		return OV_FAIL(err, OV_E_INTERNAL, NULL,
			       "commit without a transaction");
	ov_status rc = db_exec(d, "COMMIT", err);
	if (rc != OV_OK) {
		db_rollback(d);
		return rc;
	}
	d->tx_file = NULL;
	return OV_OK;
}

void db_rollback(db *d)
{
	if (!sqlite3_get_autocommit(d->h))
		sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
	d->tx_file = NULL;
}

static int check_rows(db *d, const char *sql, ov_buf *report, int fk,
		      ov_err *err)
{
	db_stmt *st;
	if (db_prepare(d, sql, &st, err) != OV_OK)
		return -1;
	int n = 0, rc;
	while ((rc = db_step(st, err)) == 1) {
		if (fk) {
			ov_buf_printf(report,
				      _("foreign key: table %s row %lld "
					"refers to a missing row in %s"),
				      db_col_text(st, 0),
				      (long long)db_col_int(st, 1),
				      db_col_text(st, 2));
			ov_buf_adds(report, "\n");
			n++;
		} else if (strcmp(db_col_text(st, 0), "ok") != 0) {
			ov_buf_printf(report, _("integrity: %s"),
				      db_col_text(st, 0));
			ov_buf_adds(report, "\n");
			n++;
		}
	}
	db_finalize(st);
	return rc < 0 ? -1 : n;
}

ov_status db_check(db *d, ov_buf *report, int *problems, ov_err *err)
{
	*problems = 0;
	int a = check_rows(d, "PRAGMA integrity_check", report, 0, err);
	if (a < 0)
		return OV_E_DB;
	int b = check_rows(d, "PRAGMA foreign_key_check", report, 1, err);
	if (b < 0)
		return OV_E_DB;
	*problems = a + b;
	return OV_OK;
}

ov_status db_backup(db *d, const char *dest, int force, ov_err *err)
{
	struct stat st;
	if (stat(dest, &st) == 0 && !S_ISREG(st.st_mode))
		return OV_FAIL_AT(err, OV_E_INPUT, dest, 0, "FILE",
				  _("%s is not a file"), dest);
	if (stat(dest, &st) == 0 && !force)
		return OV_FAIL_AT(err, OV_E_EXISTS, dest, 0, "FILE",
				  _("%s already exists; choose another name or "
				    "use --force"),
				  dest);
	ov_buf tmp = OV_BUF_INIT;
	if (ov_buf_printf(&tmp, "%s.tmp-%ld", dest, (long)getpid()))
		return OV_FAIL(err, OV_E_NOMEM, NULL, _("out of memory"));
	sqlite3 *out = NULL;
	ov_status rc = OV_OK;
	if (sqlite3_open_v2(ov_buf_str(&tmp), &out,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		rc = OV_FAIL_AT(err, OV_E_INPUT, dest, 0, "FILE",
				_("cannot write backup %s: %s"), dest,
				sqlite3_errmsg(out));
		goto done;
	}
	sqlite3_backup *b = sqlite3_backup_init(out, "main", d->h, "main");
	if (!b) {
		rc = OV_FAIL_AT(err, OV_E_DB, dest, 0, "FILE",
				_("cannot write backup %s: %s"), dest,
				sqlite3_errmsg(out));
		goto done;
	}
	/* All pages in one step: a demo-sized database copies in
	 * milliseconds, and one step gives a consistent snapshot. */
	int step = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (step != SQLITE_DONE) {
		rc = OV_FAIL_AT(err, OV_E_DB, dest, 0, "FILE",
				_("cannot write backup %s: %s"), dest,
				sqlite3_errstr(step));
		goto done;
	}
	/* A backup file should stand alone, without a -wal beside it. */
	sqlite3_exec(out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	sqlite3_close(out);
	out = NULL;
	if (rename(ov_buf_str(&tmp), dest) != 0)
		rc = OV_FAIL_AT(err, OV_E_IO, dest, 0, "FILE",
				_("cannot write backup %s: %s"), dest,
				strerror(errno));
done:
	if (out)
		sqlite3_close(out);
	if (rc != OV_OK)
		unlink(ov_buf_str(&tmp));
	ov_buf_free(&tmp);
	return rc;
}
