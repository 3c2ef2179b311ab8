/*
 * auth_audit.c - the audit trail: one row per write, never changed or
 * removed (the table's triggers refuse UPDATE and DELETE).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth_int.h"

ov_status auth_audit(db *d, const auth_actor *who, int64_t municipality_id,
		     const char *action, const char *entity,
		     const char *entity_id, const char *before,
		     const char *after, ov_err *err)
{
	char at[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	db_stmt *st = NULL;
	ov_status rc = db_prepare(d,
				  "INSERT INTO audit_log (at, user_id, actor, "
				  "municipality_id, action, entity, entity_id, "
				  "before_json, after_json) VALUES ($1, $2, "
				  "$3, $4, $5, $6, $7, $8, $9)",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_text(st, 1, at);
	if (who && who->user_id)
		db_bind_int(st, 2, who->user_id);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, who && who->actor ? who->actor : "?");
	if (municipality_id)
		db_bind_int(st, 4, municipality_id);
	else
		db_bind_null(st, 4);
	db_bind_text(st, 5, action);
	db_bind_text(st, 6, entity);
	db_bind_text(st, 7, entity_id);
	db_bind_text(st, 8, before);
	db_bind_text(st, 9, after);
	rc = db_run(st, err);
	db_finalize(st);
	return rc;
}

static char *dup_or_null(db_stmt *st, int col)
{
	if (db_col_is_null(st, col))
		return NULL;
	return strdup(db_col_text(st, col));
}

ov_status auth_audit_list(db *d, const char *since, int limit,
			  auth_audit_row **rows_out, int *n_out, ov_err *err)
{
	*rows_out = NULL;
	*n_out = 0;
	db_stmt *st = NULL;
	ov_status rc = db_prepare(d,
				  "SELECT id, at, actor, municipality_id, "
				  "action, entity, entity_id, before_json, "
				  "after_json FROM audit_log WHERE at >= $1 "
				  "ORDER BY id LIMIT $2",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_text(st, 1, since ? since : "");
	db_bind_int(st, 2, limit > 0 ? limit : -1);
	auth_audit_row *rows = NULL;
	int n = 0, cap = 0, r;
	while ((r = db_step(st, err)) == 1) {
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			auth_audit_row *g =
				realloc(rows, (size_t)cap * sizeof *rows);
			if (!g) {
				r = -2;
				break;
			}
			rows = g;
		}
		auth_audit_row *a = &rows[n++];
		memset(a, 0, sizeof *a);
		a->id = db_col_int(st, 0);
		AUTH_COPY(a->at, db_col_text(st, 1));
		AUTH_COPY(a->actor, db_col_text(st, 2));
		a->municipality_id = db_col_int(st, 3);
		AUTH_COPY(a->action, db_col_text(st, 4));
		AUTH_COPY(a->entity, db_col_text(st, 5));
		AUTH_COPY(a->entity_id, db_col_text(st, 6));
		a->before = dup_or_null(st, 7);
		a->after = dup_or_null(st, 8);
	}
	db_finalize(st);
	if (r < 0) {
		auth_audit_free(rows, n);
		return r == -2 ? OV_FAIL(err, OV_E_NOMEM, "", "%s",
					 _("out of memory"))
			       : (err ? err->code : OV_E_DB);
	}
	*rows_out = rows;
	*n_out = n;
	return OV_OK;
}

void auth_audit_free(auth_audit_row *rows, int n)
{
	for (int i = 0; i < n; i++) {
		free(rows[i].before);
		free(rows[i].after);
	}
	free(rows);
}
