/*
 * auth.h - M10, access and audit: users with argon2id password hashes,
 * roles held in a municipality (or in both, for shared services), log-in
 * with lock-out, web sessions with a CSRF token, and the append-only
 * audit trail. Owns the tables app_user, user_role, user_session and
 * audit_log (migrations 0001 and 0004).
 */
#ifndef AUTH_H
#define AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "base/ov_err.h"
#include "db/db.h"

/* The roles, numbered as the role table's ids (migration 0004). */
typedef enum {
	AUTH_ADMIN = 1,
	AUTH_LEADER,
	AUTH_BUDGET_HOLDER,
	AUTH_ROTA_PLANNER,
	AUTH_HOMECARE_COORDINATOR,
	AUTH_CASE_WORKER,
	AUTH_EMPLOYEE,
	AUTH_STEERING_GROUP,
	AUTH_ROLE_END
} auth_role;

/* A set of roles, as bits (1u << role). */
#define AUTH_BIT(r) (1u << (r))
#define AUTH_ANY_ROLE 0x1FEu

/* "rota_planner" for AUTH_ROTA_PLANNER; "" for a bad value. */
const char *auth_role_code(int role);
/* The role of a code, or 0 if there is none. */
int auth_role_from_code(const char *code);

/* Lock-out: this many failures in a row lock the account this long. */
#define AUTH_MAX_FAILURES 5
#define AUTH_LOCK_SECONDS (15 * 60)
/* A session lasts this long after log-in. */
#define AUTH_SESSION_SECONDS (10 * 3600)
/* Passwords are at least this many characters (bytes of UTF-8). */
#define AUTH_PASSWORD_MIN 10
#define AUTH_PASSWORD_MAX 512

/* One role of a user; municipality_id 0 = both municipalities. */
typedef struct {
	int role;
	int64_t municipality_id;
} auth_grant;

#define AUTH_MAX_GRANTS 16

/* Who is asking: a logged-in user with their roles. */
typedef struct {
	int64_t user_id;
	char username[64];
	char full_name[128];
	int64_t employee_id; /* 0 if the user is no employee */
	int ngrants;
	auth_grant grants[AUTH_MAX_GRANTS];
} auth_principal;

/*
 * Nonzero if p holds one of the roles in mask (AUTH_BIT set) for
 * municipality m. A grant for both municipalities covers any m;
 * m == 0 asks for a grant for both. No role implies another.
 */
int auth_may(const auth_principal *p, unsigned mask, int64_t m);

/* Nonzero if p holds one of the roles in mask in any municipality. */
int auth_may_somewhere(const auth_principal *p, unsigned mask);

/* ---- passwords (auth_password.c) ---- */

/* Size of an encoded argon2id hash with its salt and parameters. */
#define AUTH_HASH_SIZE 128

/* Refuses a password shorter than AUTH_PASSWORD_MIN or longer than
 * AUTH_PASSWORD_MAX (OV_E_INPUT, field "password"). */
ov_status auth_password_policy(const char *password, ov_err *err);

/* Hashes with argon2id (libsodium, its interactive limits) into out. */
ov_status auth_password_hash(const char *password, char out[AUTH_HASH_SIZE],
			     ov_err *err);

/* Nonzero if password matches the encoded hash. */
int auth_password_verify(const char *hash, const char *password);

/* len random letters and digits, easy to read aloud, plus NUL into out
 * (len + 1 bytes). */
ov_status auth_random_password(char *out, size_t len, ov_err *err);

/* n random bytes as 2n lowercase hex digits plus NUL into out. */
ov_status auth_random_hex(char *out, size_t n, ov_err *err);

/* ---- users (auth_user.c) ---- */

/* A user to add. */
typedef struct {
	const char *username;  /* [a-z0-9._-], 2-63 characters */
	const char *full_name;
	const char *password;  /* checked by auth_password_policy */
	int64_t employee_id;   /* 0: none */
	int ngrants;
	const auth_grant *grants;
} auth_user_spec;

/* Who is making a change, for the audit trail. */
typedef struct {
	int64_t user_id;   /* 0 when the command line acts */
	const char *actor; /* the username, or "cli:<login>" */
} auth_actor;

/* The command line as an actor: "cli:" and the operating-system login;
 * or, in a job the web server started, its user (OVTTAS_ACTOR and
 * OVTTAS_ACTOR_ID in the environment). */
auth_actor auth_actor_cli(char buf[80]);

/* Adds the user with their roles and audits it, in one transaction when
 * none is open. OV_E_EXISTS if the username is taken, OV_E_INPUT for a
 * bad name or password. */
ov_status auth_user_add(db *d, const auth_actor *who,
			const auth_user_spec *spec, int64_t *id, ov_err *err);

/* Sets a new password (and lifts a lock-out), ending the user's open
 * sessions; audited. */
ov_status auth_user_passwd(db *d, const auth_actor *who,
			   const char *username, const char *password,
			   ov_err *err);

/* Disables the user and ends their sessions; audited. */
ov_status auth_user_disable(db *d, const auth_actor *who,
			    const char *username, ov_err *err);

/* One row of auth_user_list. */
typedef struct {
	int64_t id;
	char username[64];
	char full_name[128];
	int disabled;
	int locked; /* locked out at the time asked */
	int ngrants;
	auth_grant grants[AUTH_MAX_GRANTS];
} auth_user_row;

/* Every user by username; *rows is owned (free()). */
ov_status auth_user_list(db *d, int64_t now, auth_user_row **rows, int *n,
			 ov_err *err);

/* Loads the user and their roles. OV_E_NOTFOUND if there is none. */
ov_status auth_principal_load(db *d, int64_t user_id, auth_principal *p,
			      ov_err *err);

/* ---- sessions (auth_session.c) ---- */

/* An open session: the token goes into the cookie, csrf into every
 * write's X-CSRF-Token header. */
typedef struct {
	char token[65];
	char csrf[65];
	int64_t user_id;
	int64_t expires_at;
} auth_session;

/*
 * Checks username and password at time now (Unix seconds) and opens a
 * session. OV_E_AUTH for an unknown user, a wrong password, a disabled
 * or a locked account (the message says which of "wrong" or "locked"
 * without telling whether the user exists). The failure count and the
 * lock are stored.
 */
ov_status auth_login(db *d, const char *username, const char *password,
		     int64_t now, auth_session *out, ov_err *err);

/* Finds the open session of a token. OV_E_AUTH if there is none, it has
 * expired or its user is disabled. */
ov_status auth_session_find(db *d, const char *token, int64_t now,
			    auth_session *out, ov_err *err);

/* Ends the session of token (nothing if there is none). */
ov_status auth_logout(db *d, const char *token, ov_err *err);

/* ---- audit (auth_audit.c) ---- */

/* Appends one entry. before/after are JSON text or NULL. */
ov_status auth_audit(db *d, const auth_actor *who, int64_t municipality_id,
		     const char *action, const char *entity,
		     const char *entity_id, const char *before,
		     const char *after, ov_err *err);

/* One entry of the trail. */
typedef struct {
	int64_t id;
	char at[32];
	char actor[80];
	int64_t municipality_id;
	char action[64];
	char entity[64];
	char entity_id[64];
	char *before; /* owned by the list, may be NULL */
	char *after;
} auth_audit_row;

/* The entries at or after since ("" or NULL: all; a date YYYY-MM-DD or a
 * full ISO time), oldest first, at most limit (0: no limit). Free with
 * auth_audit_free. */
ov_status auth_audit_list(db *d, const char *since, int limit,
			  auth_audit_row **rows, int *n, ov_err *err);
void auth_audit_free(auth_audit_row *rows, int n);

#endif
