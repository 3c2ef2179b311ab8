/*
 * db_migrate.c - applies the numbered schema migrations, all pending ones
 * in a single transaction, and reports the schema version.
 */
#include "db.h"

#include <stdio.h>

#include "../base/ov_i18n.h"

static const char *const create_log =
	"CREATE TABLE IF NOT EXISTS schema_migration ("
	" version INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL)";

int db_schema_version(db *d)
{
	db_stmt *st;
	/* sqlite_master is SQLite's catalogue; the PostgreSQL store will
	 * ask information_schema instead. */
	if (db_prepare(d,
		       "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
		       "AND name = 'schema_migration'",
		       &st, NULL) != OV_OK)
		return 0;
	int has = db_step(st, NULL) == 1 && db_col_int(st, 0) > 0;
	db_finalize(st);
	if (!has)
		return 0;
	int v = 0;
	if (db_prepare(d, "SELECT max(version) FROM schema_migration", &st,
		       NULL) == OV_OK) {
		if (db_step(st, NULL) == 1)
			v = (int)db_col_int(st, 0);
		db_finalize(st);
	}
	return v;
}

ov_status db_migrate(db *d, const db_migration *list, int n, ov_err *err)
{
	int have = db_schema_version(d);
	int latest = n > 0 ? list[n - 1].version : 0;
	if (have > latest)
		return OV_FAIL(err, OV_E_DB, "--db",
			       _("database %s has schema version %d, newer "
				 "than this ovttas knows (%d); use a newer "
				 "ovttas"),
			       db_path(d), have, latest);
	if (have == latest)
		return OV_OK;

	ov_status rc = db_begin(d, err);
	if (rc != OV_OK)
		return rc;
	rc = db_exec(d, create_log, err);
	db_stmt *log = NULL;
	if (rc == OV_OK)
		rc = db_prepare(d,
				"INSERT INTO schema_migration (version, name) "
				"VALUES ($1, $2)",
				&log, err);
	for (int i = 0; rc == OV_OK && i < n; i++) {
		if (list[i].version <= have)
			continue;
		rc = db_exec(d, list[i].sql, err);
		if (rc != OV_OK) {
			/* Keep SQLite's words, name the file. */
			char detail[sizeof err->msg];
			snprintf(detail, sizeof detail, "%s",
				 err ? err->msg : "");
			rc = OV_FAIL_AT(err, OV_E_DB, list[i].name, 0, NULL,
					_("migration %s failed, database "
					  "left unchanged: %s"),
					list[i].name, detail);
			break;
		}
		db_reset(log);
		db_bind_int(log, 1, list[i].version);
		db_bind_text(log, 2, list[i].name);
		rc = db_run(log, err);
	}
	db_finalize(log);
	if (rc == OV_OK)
		return db_commit(d, err);
	db_rollback(d);
	return rc;
}
