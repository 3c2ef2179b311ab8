/*
 * web_api_session.c - the public and personal part of the API: health,
 * log-in and log-out, who am I, and the front-end's texts in the chosen
 * language from the same catalogue as the command line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "web_int.h"

extern const char *const web_ui_strings[];

void web_api_health(web_ctx *c)
{
	if (!c->app->schema) /* the server's own migrations set it */
		c->app->schema = db_schema_version(c->app->d);
	web_json(c, 200,
		 json_pack("{s:s,s:i}", "status", "ok", "schema",
			   c->app->schema));
}

/* The user as the front-end needs them. */
static json_t *me_json(web_ctx *c, const auth_principal *p, const char *csrf)
{
	org_municipality *ms = NULL;
	size_t nm = 0;
	ov_err e;
	if (org_municipality_list(c->app->d, &ms, &nm, &e) != OV_OK)
		nm = 0;
	json_t *roles = json_array();
	for (int i = 0; i < p->ngrants; i++) {
		const org_municipality *m = NULL;
		for (size_t k = 0; k < nm; k++)
			if (ms[k].id == p->grants[i].municipality_id)
				m = &ms[k];
		json_array_append_new(
			roles,
			json_pack("{s:s,s:o,s:o}", "role",
				  auth_role_code(p->grants[i].role),
				  "municipality",
				  m ? json_string(m->code) : json_null(),
				  "municipality_name",
				  m ? json_string(ov_i18n_pick(m->name_nb,
							       m->name_se))
				    : json_null()));
	}
	free(ms);
	/* an employee's own units, where their rota is */
	json_t *units = json_array();
	org_employee *em = NULL;
	size_t ne = 0;
	if (p->employee_id &&
	    org_employee_posts(c->app->d, p->employee_id, &em, &ne, &e) ==
		    OV_OK)
		for (size_t i = 0; i < ne; i++)
			json_array_append_new(units, json_string(em[i].ansvar));
	free(em);
	return json_pack("{s:s,s:s,s:o,s:o,s:o,s:s,s:s}", "username", p->username,
			 "name", p->full_name, "employee_id",
			 p->employee_id ? json_integer(p->employee_id)
					: json_null(),
			 "roles", roles, "units", units, "csrf", csrf, "lang",
			 ov_i18n_lang());
}

static void set_session_cookie(web_ctx *c, const char *token, int max_age)
{
	snprintf(c->res->cookie[c->res->ncookies++],
		 sizeof c->res->cookie[0],
		 WEB_SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; "
				    "Max-Age=%d%s",
		 token, max_age, c->app->secure_cookies ? "; Secure" : "");
}

void web_api_login(web_ctx *c)
{
	json_t *body = web_body_json(c);
	if (!body)
		return;
	const char *user = json_string_value(json_object_get(body, "username"));
	const char *pw = json_string_value(json_object_get(body, "password"));
	if (!user || !pw) {
		json_decref(body);
		web_error(c, 400, "OV_E_INPUT", user ? "password" : "username",
			  "%s", _("Give a username and a password."));
		return;
	}
	auth_session s;
	auth_principal p;
	ov_err e;
	ov_status rc = auth_login(c->app->d, user, pw, c->req->now, &s, &e);
	json_decref(body);
	if (rc == OV_OK)
		rc = auth_principal_load(c->app->d, s.user_id, &p, &e);
	if (rc != OV_OK) {
		web_fail(c, &e);
		return;
	}
	set_session_cookie(c, s.token, AUTH_SESSION_SECONDS);
	web_json(c, 200, me_json(c, &p, s.csrf));
}

void web_api_logout(web_ctx *c)
{
	ov_err e;
	if (auth_logout(c->app->d, c->req->session, &e) != OV_OK) {
		web_fail(c, &e);
		return;
	}
	set_session_cookie(c, "", 0);
	web_json(c, 200, json_pack("{s:b}", "ok", 1));
}

void web_api_me(web_ctx *c)
{
	web_json(c, 200, me_json(c, c->who, c->session->csrf));
}

void web_api_i18n(web_ctx *c)
{
	const char *lang = web_arg(c->req, "lang");
	if (lang && !ov_i18n_valid(lang)) {
		web_error(c, 400, "OV_E_INPUT", "lang",
			  _("Unknown language '%s': nb, se or en."), lang);
		return;
	}
	if (lang)
		ov_i18n_init(lang);
	json_t *msgs = json_object();
	for (int i = 0; web_ui_strings[i]; i++)
		json_object_set_new(msgs, web_ui_strings[i],
				    json_string(_(web_ui_strings[i])));
	web_json(c, 200, json_pack("{s:s,s:o}", "lang", ov_i18n_lang(),
				   "messages", msgs));
}
