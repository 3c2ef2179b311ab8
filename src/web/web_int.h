/*
 * web_int.h - what the files of src/web/ share: a request and its
 * response as plain structs (so the API is tested without a socket), the
 * route table and the helpers every handler uses.
 */
#ifndef WEB_INT_H
#define WEB_INT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "auth/auth.h"
#include "base/ov_err.h"
#include "base/ov_str.h"
#include "db/db.h"
#include "org/org.h"

#define WEB_MAX_ARGS 16
#define WEB_MAX_BODY (1 << 20)
#define WEB_SESSION_COOKIE "ovttas_session"
#define WEB_LANG_COOKIE "ovttas_lang"

/* One request, as the server got it (all strings borrowed). */
typedef struct {
	const char *method;       /* "GET" */
	const char *path;         /* "/api/v1/me", no query */
	int nargs;                /* query arguments */
	const char *arg_name[WEB_MAX_ARGS];
	const char *arg_value[WEB_MAX_ARGS];
	const char *session;      /* the session cookie, or NULL */
	const char *lang;         /* the language cookie, or NULL */
	const char *csrf;         /* the X-CSRF-Token header, or NULL */
	const char *content_type; /* or NULL */
	const char *body;         /* NUL-terminated, or NULL */
	size_t body_len;
	int64_t now;              /* Unix seconds */
} web_request;

/* The answer. body is owned; asset points into the embedded files. */
typedef struct {
	int status;
	const char *content_type; /* static string */
	ov_buf body;
	const unsigned char *asset; /* when set, sent instead of body */
	size_t asset_len;
	const char *cache;        /* Cache-Control, static string */
	int ncookies;
	char cookie[2][256];      /* Set-Cookie values */
} web_response;

#define WEB_MAX_JOBS 32
#define WEB_JOBS_PER_USER 2
typedef struct web_job web_job;

/* What the server keeps between requests. */
typedef struct {
	db *d;
	int secure_cookies;
	const char *db_path; /* for the jobs' child processes */
	const char *exe;     /* this program, which the jobs run */
	int schema;          /* the schema version, read once (0: ask) */
	web_job *jobs[WEB_MAX_JOBS];
	int last_job;
} web_app;

/* Everything a handler sees. */
typedef struct {
	web_app *app;
	const web_request *req;
	web_response *res;
	const auth_principal *who; /* NULL on public routes */
	const auth_session *session;
	const char *params[2];     /* {name} parts of the path pattern */
	unsigned roles;            /* the route's roles (web_routes.c), for
				    * the scope a handler reads in */
} web_ctx;

typedef void (*web_handler)(web_ctx *c);

/* One route: method and path pattern ("{x}" matches one segment). */
typedef struct {
	const char *method;
	const char *pattern;
	unsigned roles; /* AUTH_BIT set that may call it; 0 = public */
	int write;      /* needs the CSRF token */
	web_handler fn;
} web_route;

/* The API's routes (web_routes.c), ended by a NULL method. */
extern const web_route web_routes[];

/*
 * Answers one request: API routes with authentication, authorisation,
 * CSRF and the request's language; every other GET path from the
 * embedded front-end. Fills *res (free its body with web_response_free).
 */
void web_handle(web_app *app, const web_request *req, web_response *res);
void web_response_free(web_response *res);

/* Nonzero if path matches pattern; the {x} segments go to params. */
int web_route_match(const char *pattern, const char *path,
		    const char *params[2], char buf[2][64]);

/* The query argument name, or NULL. */
const char *web_arg(const web_request *req, const char *name);

/* Sends j (takes it) with status. */
void web_json(web_ctx *c, int status, json_t *j);
/* Sends {"error": {"code", "message", "field"}} with status. */
void web_error(web_ctx *c, int status, const char *code, const char *field,
	       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Sends an ov_err with the status its code calls for. */
void web_fail(web_ctx *c, const ov_err *err);

/* The request body as a JSON object, or NULL after answering 400. */
json_t *web_body_json(web_ctx *c);

/*
 * The municipalities a request is about, into *ms (owned, free()): the
 * one its "municipality" argument names (SSB number or name), or without
 * it every one the user holds a role of mask in. Returns 0, or -1 after
 * answering 403 (a municipality the user may not see), 404 or 500.
 */
int web_scope(web_ctx *c, unsigned mask, org_municipality **ms, size_t *n);

/*
 * Starts `exe --db DB --lang L --json ARGS...` as the user's job (the
 * audit trail names the user). Returns the job's id, or -1 after
 * answering 500 or 503 (too many at once).
 */
int web_job_start(web_ctx *c, const char *kind, const char *const *args);

/* The job's state as JSON {id, kind, state: running|done|failed,
 * seconds, progress, result, error}, or NULL if there is no such job of
 * that user. */
json_t *web_job_state(web_app *app, int id, int64_t user_id);

/* Stops what still runs and forgets every job. */
void web_jobs_free(web_app *app);

/*
 * Logs that the user read health data (the access log a health record
 * keeps, pasientjournalloven § 16 and Normen): one audit row with
 * action "read", the entity and how many rows were shown. Returns 0, or
 * -1 after answering 500 (nothing is shown that was not logged).
 */
int web_log_read(web_ctx *c, int64_t municipality_id, const char *entity,
		 const char *entity_id, size_t rows);

/* The embedded front-end file at path, or NULL (web_assets_gen.c). */
typedef struct {
	const char *path; /* "/app.js" */
	const char *content_type;
	const unsigned char *data;
	size_t len;
} web_asset;
const web_asset *web_asset_find(const char *path);

/* The API handlers, one file per area (web_api_*.c). */
void web_api_health(web_ctx *c);
void web_api_login(web_ctx *c);
void web_api_logout(web_ctx *c);
void web_api_me(web_ctx *c);
void web_api_i18n(web_ctx *c);
void web_api_municipalities(web_ctx *c);
void web_api_dashboard(web_ctx *c);
void web_api_units(web_ctx *c);
void web_api_employees(web_ctx *c);
void web_api_recipients(web_ctx *c);
void web_api_programme(web_ctx *c);
void web_api_economy(web_ctx *c);
void web_api_audit(web_ctx *c);
void web_api_users(web_ctx *c);
void web_api_rota_plan(web_ctx *c);
void web_api_routes_plan(web_ctx *c);
void web_api_routes_replan(web_ctx *c);
void web_api_job(web_ctx *c);
void web_api_routes(web_ctx *c);
void web_api_rota_grid(web_ctx *c);
void web_api_rota_unit(web_ctx *c);

#endif
