/*
 * web_dispatch.c - one request in, one response out: the route table's
 * lookup, authentication from the session cookie, the role check, the
 * CSRF check on every write, and the language of the answer. The socket
 * side (web_server.c) only fills and sends these structs.
 */
#include <sodium.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "web_int.h"

void web_response_free(web_response *res)
{
	ov_buf_free(&res->body);
}

int web_route_match(const char *pattern, const char *path,
		    const char *params[2], char buf[2][64])
{
	int np = 0;
	while (*pattern && *path) {
		if (*pattern == '{') {
			const char *end = strchr(pattern, '}');
			size_t n = strcspn(path, "/");
			if (!end || n == 0 || n >= 64 || np == 2)
				return 0;
			memcpy(buf[np], path, n);
			buf[np][n] = '\0';
			params[np] = buf[np];
			np++;
			pattern = end + 1;
			path += n;
			continue;
		}
		if (*pattern++ != *path++)
			return 0;
	}
	return *pattern == '\0' && *path == '\0';
}

const char *web_arg(const web_request *req, const char *name)
{
	for (int i = 0; i < req->nargs; i++)
		if (!strcmp(req->arg_name[i], name))
			return req->arg_value[i];
	return NULL;
}

void web_json(web_ctx *c, int status, json_t *j)
{
	c->res->status = status;
	c->res->content_type = "application/json; charset=utf-8";
	ov_buf_free(&c->res->body);
	if (!j) {
		c->res->status = 500;
		ov_buf_adds(&c->res->body,
			    "{\"error\":{\"code\":\"OV_E_NOMEM\"}}");
		return;
	}
	char *text = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(10));
	json_decref(j);
	if (text)
		ov_buf_adds(&c->res->body, text);
	free(text);
}

void web_error(web_ctx *c, int status, const char *code, const char *field,
	       const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	web_json(c, status,
		 json_pack("{s:{s:s,s:s,s:s}}", "error", "code", code,
			   "message", msg, "field", field ? field : ""));
}

void web_fail(web_ctx *c, const ov_err *err)
{
	int status;
	switch (err->code) {
	case OV_E_USAGE:
	case OV_E_INPUT: status = 400; break;
	case OV_E_AUTH: status = 401; break;
	case OV_E_DENIED: status = 403; break;
	case OV_E_NOTFOUND: status = 404; break;
	case OV_E_EXISTS: status = 409; break;
	case OV_E_READONLY: status = 503; break;
	default: status = 500; break;
	}
	web_error(c, status, ov_status_name(err->code), err->field, "%s",
		  err->msg);
}

json_t *web_body_json(web_ctx *c)
{
	json_error_t je;
	json_t *j = c->req->body ? json_loadb(c->req->body, c->req->body_len,
					      0, &je)
				 : NULL;
	if (!j || !json_is_object(j)) {
		json_decref(j);
		web_error(c, 400, "OV_E_INPUT", "body", "%s",
			  _("The request needs a JSON object as its body."));
		return NULL;
	}
	return j;
}

/* "application/json", with parameters (";charset=utf-8") or without. */
static int is_json(const char *content_type)
{
	return content_type &&
	       !strncmp(content_type, "application/json", 16) &&
	       (content_type[16] == '\0' || content_type[16] == ';' ||
		content_type[16] == ' ');
}

/* Serves an embedded front-end file; paths without a dot are the
 * single-page application's own and get index.html. */
static void serve_asset(web_ctx *c)
{
	const char *path = c->req->path;
	const web_asset *a = web_asset_find(path);
	if (!a && !strchr(strrchr(path, '/') ? strrchr(path, '/') : path, '.'))
		a = web_asset_find("/index.html");
	if (!a) {
		c->res->status = 404;
		c->res->content_type = "text/plain; charset=utf-8";
		ov_buf_adds(&c->res->body, _("Not found"));
		return;
	}
	c->res->status = 200;
	c->res->content_type = a->content_type;
	c->res->asset = a->data;
	c->res->asset_len = a->len;
	/* index.html names the others; it must never be stale */
	c->res->cache = strcmp(a->path, "/index.html") ? "max-age=3600"
						       : "no-cache";
}

/* The language of the answer: the cookie's, else Bokmål. */
static void pick_language(const web_request *req)
{
	const char *lang = req->lang;
	if (!ov_i18n_valid(lang))
		lang = "nb";
	if (strcmp(lang, ov_i18n_lang()))
		ov_i18n_init(lang);
}

static void run_route(web_ctx *c, const web_route *r)
{
	auth_session s;
	auth_principal p;
	ov_err e;
	if (r->roles) {
		if (auth_session_find(c->app->d, c->req->session, c->req->now,
				      &s, &e) != OV_OK ||
		    auth_principal_load(c->app->d, s.user_id, &p, &e) !=
			    OV_OK) {
			web_error(c, 401, "OV_E_AUTH", "session", "%s",
				  _("Please log in."));
			return;
		}
		c->who = &p;
		c->session = &s;
		if (!auth_may_somewhere(&p, r->roles)) {
			web_error(c, 403, "OV_E_DENIED", "",
				  "%s", _("Your role does not give access to "
					  "this."));
			return;
		}
	}
	if (r->write) {
		/* A form on another site cannot send JSON without the
		 * browser asking first, nor read or send the token. */
		if (!is_json(c->req->content_type) && c->req->body_len) {
			web_error(c, 415, "OV_E_INPUT", "Content-Type", "%s",
				  _("Send the request as application/json."));
			return;
		}
		if (r->roles &&
		    (!c->req->csrf || strlen(c->req->csrf) != 64 ||
		     sodium_memcmp(c->req->csrf, s.csrf, 64) != 0)) {
			web_error(c, 403, "csrf", "X-CSRF-Token", "%s",
				  _("The request lacks the page's security "
				    "token; reload the page."));
			return;
		}
	}
	r->fn(c);
}

void web_handle(web_app *app, const web_request *req, web_response *res)
{
	memset(res, 0, sizeof *res);
	res->cache = "no-store";
	web_ctx c = {app, req, res, NULL, NULL, {NULL, NULL}, 0};
	pick_language(req);
	if (strncmp(req->path, "/api/", 5) != 0) {
		if (strcmp(req->method, "GET") && strcmp(req->method, "HEAD"))
			web_error(&c, 405, "method", "", "%s",
				  _("Method not allowed"));
		else
			serve_asset(&c);
		return;
	}
	/* arguments are echoed in messages and JSON: UTF-8 only */
	for (int i = 0; i < req->nargs; i++) {
		size_t n = strlen(req->arg_value[i]);
		if (ov_utf8_check(req->arg_value[i], n) != n) {
			web_error(&c, 400, "OV_E_INPUT", req->arg_name[i], "%s",
				  _("The request's arguments must be UTF-8."));
			return;
		}
	}
	char buf[2][64];
	int path_known = 0;
	for (const web_route *r = web_routes; r->method; r++) {
		const char *params[2] = {NULL, NULL};
		if (!web_route_match(r->pattern, req->path, params, buf))
			continue;
		path_known = 1;
		if (strcmp(r->method, req->method))
			continue;
		c.params[0] = params[0];
		c.roles = r->roles;
		c.params[1] = params[1];
		run_route(&c, r);
		return;
	}
	if (path_known)
		web_error(&c, 405, "method", "", "%s",
			  _("Method not allowed"));
	else
		web_error(&c, 404, "OV_E_NOTFOUND", "", "%s",
			  _("Not found"));
}
