/*
 * auth_user.c - users and their roles: add, new password, disable, list,
 * and the principal a session stands for. Every change is audited in the
 * same transaction as the change itself.
 */
#include <ctype.h>
#include <jansson.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth_int.h"

auth_actor auth_actor_cli(char buf[80])
{
	/* The web server runs long jobs (a rota or route plan) as this
	 * program in a child process and names its user here; whoever can
	 * set the environment can write the database directly anyway. */
	const char *web_user = getenv("OVTTAS_ACTOR");
	const char *web_id = getenv("OVTTAS_ACTOR_ID");
	if (web_user && *web_user && web_id && *web_id) {
		snprintf(buf, 80, "%s", web_user);
		return (auth_actor){strtoll(web_id, NULL, 10), buf};
	}
	const char *login = getenv("USER");
	if (!login || !*login) {
		const struct passwd *pw = getpwuid(geteuid());
		login = pw ? pw->pw_name : NULL;
	}
	snprintf(buf, 80, "cli:%s", login && *login ? login : "?");
	return (auth_actor){0, buf};
}

static int name_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 2 || n > 63)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!(islower(c) || isdigit(c) || c == '.' || c == '_' ||
		      c == '-'))
			return 0;
	}
	return 1;
}

/* The user's id by name; OV_E_NOTFOUND if there is none. */
static ov_status find_user(db *d, const char *username, int64_t *id,
			   ov_err *err)
{
	db_stmt *st = NULL;
	ov_status rc = db_prepare(d, "SELECT id FROM app_user WHERE "
				     "username = $1", &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_text(st, 1, username);
	int r = db_step(st, err);
	if (r == 1)
		*id = db_col_int(st, 0);
	db_finalize(st);
	if (r < 0)
		return err ? err->code : OV_E_DB;
	if (r == 0)
		return OV_FAIL(err, OV_E_NOTFOUND, "user",
			       _("There is no user '%s'."), username);
	return OV_OK;
}

ov_status auth_grants_load(db *d, int64_t user_id, auth_grant *grants,
			   int *n, ov_err *err)
{
	db_stmt *st = NULL;
	*n = 0;
	ov_status rc = db_prepare(d,
				  "SELECT role_id, municipality_id FROM "
				  "user_role WHERE user_id = $1 ORDER BY "
				  "role_id, municipality_id",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, user_id);
	int r;
	while ((r = db_step(st, err)) == 1 && *n < AUTH_MAX_GRANTS) {
		grants[*n].role = (int)db_col_int(st, 0);
		grants[*n].municipality_id = db_col_int(st, 1);
		++*n;
	}
	db_finalize(st);
	return r < 0 ? (err ? err->code : OV_E_DB) : OV_OK;
}

char *auth_user_json(db *d, int64_t user_id, ov_err *err)
{
	db_stmt *st = NULL;
	if (db_prepare(d,
		       "SELECT username, full_name, employee_id, disabled, "
		       "failed_logins, locked_until FROM app_user WHERE id = "
		       "$1",
		       &st, err) != OV_OK)
		return NULL;
	db_bind_int(st, 1, user_id);
	json_t *o = NULL;
	if (db_step(st, err) == 1)
		o = json_pack("{s:s, s:s, s:I, s:b, s:I, s:I}", "username",
			      db_col_text(st, 0), "full_name",
			      db_col_text(st, 1), "employee_id",
			      (json_int_t)db_col_int(st, 2), "disabled",
			      (int)db_col_int(st, 3), "failed_logins",
			      (json_int_t)db_col_int(st, 4), "locked_until",
			      (json_int_t)db_col_int(st, 5));
	db_finalize(st);
	if (!o)
		return NULL;
	auth_grant g[AUTH_MAX_GRANTS];
	int n = 0;
	json_t *roles = json_array();
	if (auth_grants_load(d, user_id, g, &n, err) == OV_OK)
		for (int i = 0; i < n; i++)
			json_array_append_new(
				roles,
				json_pack("{s:s, s:I}", "role",
					  auth_role_code(g[i].role),
					  "municipality_id",
					  (json_int_t)g[i].municipality_id));
	json_object_set_new(o, "roles", roles);
	char *text = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return text;
}

int64_t auth_grants_municipality(const auth_grant *g, int n)
{
	int64_t m = n > 0 ? g[0].municipality_id : 0;
	for (int i = 1; i < n; i++)
		if (g[i].municipality_id != m)
			return 0;
	return m;
}

static ov_status check_spec(db *d, const auth_user_spec *s, ov_err *err)
{
	if (!name_ok(s->username))
		return OV_FAIL(err, OV_E_INPUT, "username",
			       _("A username has 2-63 characters: a-z, 0-9, "
				 "'.', '_' or '-'."));
	if (!s->full_name || !*s->full_name)
		return OV_FAIL(err, OV_E_INPUT, "name",
			       _("A user needs a full name."));
	if (s->ngrants < 1 || s->ngrants > AUTH_MAX_GRANTS)
		return OV_FAIL(err, OV_E_INPUT, "role",
			       _("A user needs at least one role."));
	ov_status rc = auth_password_policy(s->password, err);
	if (rc == OV_OK && s->employee_id) {
		db_stmt *st = NULL;
		rc = db_prepare(d, "SELECT 1 FROM employee WHERE id = $1", &st,
				err);
		if (rc != OV_OK)
			return rc;
		db_bind_int(st, 1, s->employee_id);
		int r = db_step(st, err);
		db_finalize(st);
		if (r < 0)
			return err ? err->code : OV_E_DB;
		if (r == 0)
			return OV_FAIL(err, OV_E_NOTFOUND, "employee",
				       _("There is no employee with id %lld."),
				       (long long)s->employee_id);
	}
	for (int i = 0; rc == OV_OK && i < s->ngrants; i++) {
		if (!*auth_role_code(s->grants[i].role))
			return OV_FAIL(err, OV_E_INPUT, "role",
				       _("Unknown role %d."),
				       s->grants[i].role);
		for (int k = 0; k < i; k++)
			if (s->grants[k].role == s->grants[i].role &&
			    s->grants[k].municipality_id ==
				    s->grants[i].municipality_id)
				return OV_FAIL(err, OV_E_INPUT, "role",
					       _("The role %s is given twice."),
					       auth_role_code(s->grants[i].role));
		if (s->grants[i].municipality_id == 0)
			continue;
		db_stmt *st = NULL;
		rc = db_prepare(d, "SELECT 1 FROM municipality WHERE id = $1",
				&st, err);
		if (rc != OV_OK)
			return rc;
		db_bind_int(st, 1, s->grants[i].municipality_id);
		int r = db_step(st, err);
		db_finalize(st);
		if (r < 0)
			return err ? err->code : OV_E_DB;
		if (r == 0)
			return OV_FAIL(err, OV_E_NOTFOUND, "municipality",
				       _("There is no municipality with id "
					 "%lld."),
				       (long long)s->grants[i]
					       .municipality_id);
	}
	return rc;
}

static ov_status insert_user(db *d, const auth_user_spec *s,
			     const char *hash, int64_t *id, ov_err *err)
{
	db_stmt *st = NULL;
	ov_status rc = db_prepare(d,
				  "INSERT INTO app_user (username, full_name, "
				  "employee_id, password_hash) VALUES ($1, "
				  "$2, $3, $4) RETURNING id",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_text(st, 1, s->username);
	db_bind_text(st, 2, s->full_name);
	if (s->employee_id)
		db_bind_int(st, 3, s->employee_id);
	else
		db_bind_null(st, 3);
	db_bind_text(st, 4, hash);
	int r = db_step(st, err);
	if (r == 1)
		*id = db_col_int(st, 0);
	db_finalize(st);
	if (r != 1)
		return r < 0 ? (err ? err->code : OV_E_DB)
			     : OV_FAIL(err, OV_E_DB, "", "no id returned");
	rc = db_prepare(d,
			"INSERT INTO user_role (user_id, role_id, "
			"municipality_id) VALUES ($1, $2, $3)",
			&st, err);
	for (int i = 0; rc == OV_OK && i < s->ngrants; i++) {
		db_bind_int(st, 1, *id);
		db_bind_int(st, 2, s->grants[i].role);
		if (s->grants[i].municipality_id)
			db_bind_int(st, 3, s->grants[i].municipality_id);
		else
			db_bind_null(st, 3);
		rc = db_run(st, err);
		db_reset(st);
	}
	db_finalize(st);
	return rc;
}

ov_status auth_user_add(db *d, const auth_actor *who,
			const auth_user_spec *spec, int64_t *id_out,
			ov_err *err)
{
	ov_status rc = check_spec(d, spec, err);
	if (rc != OV_OK)
		return rc;
	int64_t id = 0;
	ov_err probe;
	if (find_user(d, spec->username, &id, &probe) == OV_OK)
		return OV_FAIL(err, OV_E_EXISTS, "username",
			       _("The username '%s' is taken."),
			       spec->username);
	char hash[AUTH_HASH_SIZE];
	rc = auth_password_hash(spec->password, hash, err);
	int own = 0;
	if (rc == OV_OK)
		rc = db_join(d, &own, err);
	else
		return rc;
	if (rc != OV_OK)
		return rc;
	rc = insert_user(d, spec, hash, &id, err);
	if (rc == OV_OK) {
		char *after = auth_user_json(d, id, err);
		char idtext[24];
		snprintf(idtext, sizeof idtext, "%lld", (long long)id);
		rc = after ? auth_audit(d, who,
					auth_grants_municipality(spec->grants,
							    spec->ngrants),
					"user.add", "app_user", idtext, NULL,
					after, err)
			   : OV_FAIL(err, OV_E_DB, "", "user not found");
		free(after);
	}
	rc = db_finish(d, own, rc, err);
	if (rc == OV_OK && id_out)
		*id_out = id;
	return rc;
}

/* Runs sql ($1 = the user's id) and audits action with the user's state
 * before and after, in one transaction. */
static ov_status change_user(db *d, const auth_actor *who, int64_t id,
			     const char *sql, const char *text2,
			     const char *action, ov_err *err)
{
	int own = 0;
	ov_status rc = db_join(d, &own, err);
	if (rc != OV_OK)
		return rc;
	char *before = auth_user_json(d, id, err);
	db_stmt *st = NULL;
	rc = db_prepare(d, sql, &st, err);
	if (rc == OV_OK) {
		db_bind_int(st, 1, id);
		if (text2)
			db_bind_text(st, 2, text2);
		rc = db_run(st, err);
	}
	db_finalize(st);
	char *after = rc == OV_OK ? auth_user_json(d, id, err) : NULL;
	if (rc == OV_OK) {
		auth_grant g[AUTH_MAX_GRANTS];
		int n = 0;
		rc = auth_grants_load(d, id, g, &n, err);
		char idtext[24];
		snprintf(idtext, sizeof idtext, "%lld", (long long)id);
		if (rc == OV_OK)
			rc = auth_audit(d, who, auth_grants_municipality(g, n),
					action, "app_user", idtext, before,
					after, err);
	}
	free(before);
	free(after);
	return db_finish(d, own, rc, err);
}

/* Ends every open session of the user. */
static ov_status end_sessions(db *d, int64_t id, ov_err *err)
{
	db_stmt *st = NULL;
	ov_status rc = db_prepare(d,
				  "DELETE FROM user_session WHERE user_id = $1",
				  &st, err);
	if (rc == OV_OK) {
		db_bind_int(st, 1, id);
		rc = db_run(st, err);
	}
	db_finalize(st);
	return rc;
}

ov_status auth_user_passwd(db *d, const auth_actor *who,
			   const char *username, const char *password,
			   ov_err *err)
{
	int64_t id = 0;
	ov_status rc = find_user(d, username, &id, err);
	if (rc == OV_OK)
		rc = auth_password_policy(password, err);
	char hash[AUTH_HASH_SIZE];
	if (rc == OV_OK)
		rc = auth_password_hash(password, hash, err);
	if (rc != OV_OK)
		return rc;
	/* a new password ends the sessions opened with the old one */
	int own = 0;
	rc = db_join(d, &own, err);
	if (rc == OV_OK)
		rc = change_user(d, who, id,
				 "UPDATE app_user SET password_hash = $2, "
				 "failed_logins = 0, locked_until = 0 WHERE "
				 "id = $1",
				 hash, "user.passwd", err);
	if (rc == OV_OK)
		rc = end_sessions(d, id, err);
	return db_finish(d, own, rc, err);
}

ov_status auth_user_disable(db *d, const auth_actor *who,
			    const char *username, ov_err *err)
{
	int64_t id = 0;
	ov_status rc = find_user(d, username, &id, err);
	if (rc != OV_OK)
		return rc;
	int own = 0;
	rc = db_join(d, &own, err);
	if (rc == OV_OK)
		rc = change_user(d, who, id,
				 "UPDATE app_user SET disabled = 1 WHERE id = "
				 "$1",
				 NULL, "user.disable", err);
	if (rc == OV_OK)
		rc = end_sessions(d, id, err);
	return db_finish(d, own, rc, err);
}

ov_status auth_user_list(db *d, int64_t now, auth_user_row **rows_out,
			 int *n_out, ov_err *err)
{
	*rows_out = NULL;
	*n_out = 0;
	db_stmt *st = NULL;
	ov_status rc = db_prepare(d,
				  "SELECT id, username, full_name, disabled, "
				  "locked_until FROM app_user ORDER BY "
				  "username",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	auth_user_row *rows = NULL;
	int n = 0, cap = 0, r;
	while ((r = db_step(st, err)) == 1) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			auth_user_row *g = realloc(rows, (size_t)cap *
							       sizeof *rows);
			if (!g) {
				r = -2;
				break;
			}
			rows = g;
		}
		auth_user_row *u = &rows[n++];
		memset(u, 0, sizeof *u);
		u->id = db_col_int(st, 0);
		AUTH_COPY(u->username, db_col_text(st, 1));
		AUTH_COPY(u->full_name, db_col_text(st, 2));
		u->disabled = (int)db_col_int(st, 3);
		u->locked = db_col_int(st, 4) > now;
	}
	db_finalize(st);
	if (r == -2)
		rc = OV_FAIL(err, OV_E_NOMEM, "", "%s", _("out of memory"));
	else if (r < 0)
		rc = err ? err->code : OV_E_DB;
	for (int i = 0; rc == OV_OK && i < n; i++)
		rc = auth_grants_load(d, rows[i].id, rows[i].grants,
				      &rows[i].ngrants, err);
	if (rc != OV_OK) {
		free(rows);
		return rc;
	}
	*rows_out = rows;
	*n_out = n;
	return OV_OK;
}

ov_status auth_principal_load(db *d, int64_t user_id, auth_principal *p,
			      ov_err *err)
{
	memset(p, 0, sizeof *p);
	db_stmt *st = NULL;
	ov_status rc = db_prepare(d,
				  "SELECT username, full_name, employee_id "
				  "FROM app_user WHERE id = $1 AND disabled = "
				  "0",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, user_id);
	int r = db_step(st, err);
	if (r == 1) {
		p->user_id = user_id;
		AUTH_COPY(p->username, db_col_text(st, 0));
		AUTH_COPY(p->full_name, db_col_text(st, 1));
		p->employee_id = db_col_int(st, 2);
	}
	db_finalize(st);
	if (r < 0)
		return err ? err->code : OV_E_DB;
	if (r == 0)
		return OV_FAIL(err, OV_E_NOTFOUND, "user",
			       _("There is no such user."));
	return auth_grants_load(d, user_id, p->grants, &p->ngrants, err);
}
