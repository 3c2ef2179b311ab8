/*
 * web_api_admin.c - for admins: the audit trail and the users, each
 * limited to the municipalities the admin administers (an admin of both
 * sees everything, also what belongs to neither).
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "web_int.h"

/* Nonzero if the admin may see a row of municipality m (0: none). */
static int admin_sees(const auth_principal *p, int64_t m)
{
	return auth_may(p, AUTH_BIT(AUTH_ADMIN), m);
}

static json_t *parsed_or_null(const char *text)
{
	json_t *j = text ? json_loads(text, 0, NULL) : NULL;
	return j ? j : json_null();
}

void web_api_audit(web_ctx *c)
{
	const char *since = web_arg(c->req, "since");
	auth_audit_row *a = NULL;
	int n = 0;
	ov_err e;
	if (auth_audit_list(c->app->d, since, 0, &a, &n, &e) != OV_OK) {
		web_fail(c, &e);
		return;
	}
	json_t *arr = json_array();
	/* newest first, at most 500: a page, not an export */
	for (int i = n - 1, shown = 0; i >= 0 && shown < 500; i--) {
		if (!admin_sees(c->who, a[i].municipality_id))
			continue;
		shown++;
		json_t *o = json_pack("{s:I,s:s,s:s,s:s,s:s,s:s}", "id",
				      (json_int_t)a[i].id, "at", a[i].at,
				      "actor", a[i].actor, "action",
				      a[i].action, "entity", a[i].entity,
				      "entity_id", a[i].entity_id);
		json_object_set_new(o, "municipality_id",
				    a[i].municipality_id
					    ? json_integer(a[i].municipality_id)
					    : json_null());
		json_object_set_new(o, "before", parsed_or_null(a[i].before));
		json_object_set_new(o, "after", parsed_or_null(a[i].after));
		json_array_append_new(arr, o);
	}
	auth_audit_free(a, n);
	web_json(c, 200, arr);
}

void web_api_users(web_ctx *c)
{
	auth_user_row *u = NULL;
	int n = 0;
	ov_err e;
	if (auth_user_list(c->app->d, c->req->now, &u, &n, &e) != OV_OK) {
		web_fail(c, &e);
		return;
	}
	json_t *arr = json_array();
	for (int i = 0; i < n; i++) {
		int sees = u[i].ngrants > 0;
		for (int g = 0; g < u[i].ngrants; g++)
			sees = sees &&
			       admin_sees(c->who, u[i].grants[g].municipality_id);
		if (!sees)
			continue;
		json_t *roles = json_array();
		for (int g = 0; g < u[i].ngrants; g++) {
			int64_t m = u[i].grants[g].municipality_id;
			json_array_append_new(
				roles,
				json_pack("{s:s,s:o}", "role",
					  auth_role_code(u[i].grants[g].role),
					  "municipality_id",
					  m ? json_integer(m) : json_null()));
		}
		json_array_append_new(
			arr, json_pack("{s:s,s:s,s:b,s:b,s:o}", "username",
				       u[i].username, "name", u[i].full_name,
				       "disabled", u[i].disabled, "locked",
				       u[i].locked, "roles", roles));
	}
	free(u);
	web_json(c, 200, arr);
}
