/*
 * auth_session.c - log-in with lock-out, and the sessions of the web
 * interface. The token a browser holds is never stored: only its BLAKE2b
 * hash is, so reading the database does not let anyone in.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "auth_int.h"

/* hex(BLAKE2b-256(token)) into out[65]. */
static void token_hash(const char *token, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token,
			   strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof h);
}

static ov_status denied(ov_err *err)
{
	return OV_FAIL(err, OV_E_AUTH, "password",
		       _("Wrong username or password."));
}

/* Stores the outcome of a failed attempt; locks the account at the
 * AUTH_MAX_FAILURES-th failure in a row, and audits the lock. */
static ov_status record_failure(db *d, int64_t id, int failures, int64_t now,
				ov_err *err)
{
	int lock = failures + 1 >= AUTH_MAX_FAILURES;
	int own = 0;
	ov_status rc = db_join(d, &own, err);
	if (rc != OV_OK)
		return rc;
	char *before = lock ? auth_user_json(d, id, err) : NULL;
	db_stmt *st = NULL;
	rc = db_prepare(d,
			"UPDATE app_user SET failed_logins = $2, "
			"locked_until = $3 WHERE id = $1",
			&st, err);
	if (rc == OV_OK) {
		db_bind_int(st, 1, id);
		db_bind_int(st, 2, lock ? 0 : failures + 1);
		db_bind_int(st, 3, lock ? now + AUTH_LOCK_SECONDS : 0);
		rc = db_run(st, err);
	}
	db_finalize(st);
	if (rc == OV_OK && lock) {
		char *after = auth_user_json(d, id, err);
		char idtext[24];
		snprintf(idtext, sizeof idtext, "%lld", (long long)id);
		const auth_actor sys = {0, "login"};
		/* the lock shows in the trail of the user's municipality */
		auth_grant g[AUTH_MAX_GRANTS];
		int ng = 0;
		rc = auth_grants_load(d, id, g, &ng, err);
		if (rc == OV_OK)
			rc = auth_audit(d, &sys, auth_grants_municipality(g, ng),
					"user.lock", "app_user", idtext, before,
					after, err);
		free(after);
	}
	free(before);
	return db_finish(d, own, rc, err);
}

static ov_status open_session(db *d, int64_t id, int64_t now,
			      auth_session *out, ov_err *err)
{
	memset(out, 0, sizeof *out);
	ov_status rc = auth_random_hex(out->token, 32, err);
	if (rc == OV_OK)
		rc = auth_random_hex(out->csrf, 32, err);
	if (rc != OV_OK)
		return rc;
	out->user_id = id;
	out->expires_at = now + AUTH_SESSION_SECONDS;
	char th[65];
	token_hash(out->token, th);
	int own = 0;
	rc = db_join(d, &own, err);
	db_stmt *st = NULL;
	if (rc == OV_OK)
		rc = db_prepare(d,
				"DELETE FROM user_session WHERE expires_at "
				"<= $1",
				&st, err);
	if (rc == OV_OK) {
		db_bind_int(st, 1, now);
		rc = db_run(st, err);
	}
	db_finalize(st);
	st = NULL;
	if (rc == OV_OK)
		rc = db_prepare(d,
				"UPDATE app_user SET failed_logins = 0, "
				"locked_until = 0 WHERE id = $1",
				&st, err);
	if (rc == OV_OK) {
		db_bind_int(st, 1, id);
		rc = db_run(st, err);
	}
	db_finalize(st);
	st = NULL;
	if (rc == OV_OK)
		rc = db_prepare(d,
				"INSERT INTO user_session (token_hash, "
				"user_id, csrf, created_at, expires_at) "
				"VALUES ($1, $2, $3, $4, $5)",
				&st, err);
	if (rc == OV_OK) {
		db_bind_text(st, 1, th);
		db_bind_int(st, 2, id);
		db_bind_text(st, 3, out->csrf);
		db_bind_int(st, 4, now);
		db_bind_int(st, 5, out->expires_at);
		rc = db_run(st, err);
	}
	db_finalize(st);
	return db_finish(d, own, rc, err);
}

ov_status auth_login(db *d, const char *username, const char *password,
		     int64_t now, auth_session *out, ov_err *err)
{
	db_stmt *st = NULL;
	ov_status rc = db_prepare(d,
				  "SELECT id, password_hash, disabled, "
				  "failed_logins, locked_until FROM app_user "
				  "WHERE username = $1",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_text(st, 1, username ? username : "");
	int r = db_step(st, err);
	int64_t id = 0, locked_until = 0;
	int disabled = 1, failures = 0, ok = 0;
	if (r == 1) {
		id = db_col_int(st, 0);
		disabled = (int)db_col_int(st, 2);
		failures = (int)db_col_int(st, 3);
		locked_until = db_col_int(st, 4);
		/* A locked account is refused before the hash is checked:
		 * the answer says it is locked anyway, and a stream of
		 * guesses then costs the server nothing. The hash is checked
		 * for a disabled account, which answers as a wrong password
		 * does. An unknown user answers faster: the username is not
		 * a secret here (it is printed on rotas), the password is. */
		if (locked_until <= now)
			ok = auth_password_verify(db_col_text(st, 1),
						  password ? password : "");
	}
	db_finalize(st);
	if (r < 0)
		return err ? err->code : OV_E_DB;
	if (r == 0)
		return denied(err);
	if (locked_until > now)
		return OV_FAIL(err, OV_E_AUTH, "username",
			       _("Too many failed log-ins: the account is "
				 "locked for %lld more minutes."),
			       (long long)((locked_until - now + 59) / 60));
	if (disabled)
		return denied(err);
	if (!ok) {
		rc = record_failure(d, id, failures, now, err);
		return rc != OV_OK ? rc : denied(err);
	}
	return open_session(d, id, now, out, err);
}

ov_status auth_session_find(db *d, const char *token, int64_t now,
			    auth_session *out, ov_err *err)
{
	memset(out, 0, sizeof *out);
	if (!token || strlen(token) != 64)
		return OV_FAIL(err, OV_E_AUTH, "session",
			       _("Please log in."));
	char th[65];
	token_hash(token, th);
	db_stmt *st = NULL;
	ov_status rc = db_prepare(d,
				  "SELECT s.user_id, s.csrf, s.expires_at "
				  "FROM user_session s JOIN app_user u ON u.id "
				  "= s.user_id WHERE s.token_hash = $1 AND "
				  "s.expires_at > $2 AND u.disabled = 0",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_text(st, 1, th);
	db_bind_int(st, 2, now);
	int r = db_step(st, err);
	if (r == 1) {
		AUTH_COPY(out->token, token);
		out->user_id = db_col_int(st, 0);
		AUTH_COPY(out->csrf, db_col_text(st, 1));
		out->expires_at = db_col_int(st, 2);
	}
	db_finalize(st);
	if (r < 0)
		return err ? err->code : OV_E_DB;
	if (r == 0)
		return OV_FAIL(err, OV_E_AUTH, "session",
			       _("Your session has ended; please log in "
				 "again."));
	return OV_OK;
}

ov_status auth_logout(db *d, const char *token, ov_err *err)
{
	if (!token || !*token)
		return OV_OK;
	char th[65];
	token_hash(token, th);
	db_stmt *st = NULL;
	ov_status rc = db_prepare(d,
				  "DELETE FROM user_session WHERE token_hash "
				  "= $1",
				  &st, err);
	if (rc == OV_OK) {
		db_bind_text(st, 1, th);
		rc = db_run(st, err);
	}
	db_finalize(st);
	return rc;
}
