/*
 * web_api_org.c - the municipalities, the dashboard and the
 * organisation, each scoped to the municipalities the user may see.
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_date.h"
#include "base/ov_i18n.h"
#include "view/view.h"
#include "web_int.h"

void web_api_municipalities(web_ctx *c)
{
	org_municipality *ms;
	size_t n;
	if (web_scope(c, c->roles, &ms, &n) < 0)
		return;
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(
			a, json_pack("{s:I,s:s,s:s,s:s,s:s}", "id",
				     (json_int_t)ms[i].id, "code", ms[i].code,
				     "name",
				     ov_i18n_pick(ms[i].name_nb,
						  ms[i].name_se),
				     "name_nb", ms[i].name_nb, "name_se",
				     ms[i].name_se));
	free(ms);
	web_json(c, 200, a);
}

void web_api_dashboard(web_ctx *c)
{
	org_municipality *ms;
	size_t n;
	if (web_scope(c, c->roles, &ms, &n) < 0)
		return;
	ov_err e;
	json_t *arr = json_array();
	ov_status rc = OV_OK;
	for (size_t i = 0; rc == OV_OK && i < n; i++) {
		view_muni_status s;
		memset(&s, 0, sizeof s);
		s.m = ms[i];
		rc = view_muni_gather(c->app->d, &s, &e);
		if (rc == OV_OK)
			json_array_append_new(arr, view_muni_json(&s));
	}
	free(ms);
	if (rc != OV_OK) {
		json_decref(arr);
		web_fail(c, &e);
		return;
	}
	char date[16];
	ov_day today = ov_today();
	ov_date_format(today, date, sizeof date);
	json_t *j = json_pack("{s:s,s:o}", "date", date, "municipalities",
			      arr);
	/* the programme only to those who may read it (its municipality's
	 * overview roles), as /api/v1/programme */
	prog_summary ps;
	if (prog_summary_get(c->app->d, &ps, &e) == OV_OK &&
	    auth_may(c->who, c->roles, ps.municipality_id))
		json_object_set_new(
			j, "programme",
			view_programme_json(&ps,
					    prog_summary_stage_at(&ps, today)));
	web_json(c, 200, j);
}

void web_api_units(web_ctx *c)
{
	org_municipality *ms;
	size_t n;
	if (web_scope(c, c->roles, &ms, &n) < 0)
		return;
	json_t *a = json_array();
	ov_err e;
	ov_status rc = OV_OK;
	for (size_t i = 0; rc == OV_OK && i < n; i++) {
		org_unit *u = NULL;
		size_t nu = 0;
		rc = org_units_list(c->app->d, ms[i].id, &u, &nu, &e);
		for (size_t k = 0; rc == OV_OK && k < nu; k++)
			json_array_append_new(a, view_unit_json(&u[k]));
		free(u);
	}
	free(ms);
	if (rc != OV_OK) {
		json_decref(a);
		web_fail(c, &e);
		return;
	}
	web_json(c, 200, a);
}

void web_api_employees(web_ctx *c)
{
	org_municipality *ms;
	size_t n;
	if (web_scope(c, c->roles, &ms, &n) < 0)
		return;
	const char *unit_s = web_arg(c->req, "unit");
	json_t *a = json_array();
	ov_err e;
	ov_status rc = OV_OK;
	int found_unit = !unit_s;
	for (size_t i = 0; rc == OV_OK && i < n; i++) {
		int64_t unit = 0;
		if (unit_s) {
			org_unit u;
			ov_err ue;
			if (org_unit_find(c->app->d, ms[i].id, unit_s, &u,
					  &ue) != OV_OK)
				continue;
			unit = u.id;
			found_unit = 1;
		}
		org_employee *em = NULL;
		size_t ne = 0;
		rc = org_employees_list(c->app->d, ms[i].id, unit, &em, &ne,
					&e);
		for (size_t k = 0; rc == OV_OK && k < ne; k++)
			json_array_append_new(a, view_employee_json(&em[k]));
		free(em);
	}
	free(ms);
	if (rc == OV_OK && !found_unit)
		rc = OV_FAIL(&e, OV_E_NOTFOUND, "unit",
			     _("There is no unit '%s' you have access to."),
			     unit_s);
	if (rc != OV_OK) {
		json_decref(a);
		web_fail(c, &e);
		return;
	}
	web_json(c, 200, a);
}
