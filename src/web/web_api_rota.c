/*
 * web_api_rota.c - stored rotas for the rota page: the grid of units
 * by day coloured by coverage, and one unit's rota (every employee's
 * row for planners, leaders and coordinators; an employee sees their
 * own row only).
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_date.h"
#include "base/ov_i18n.h"
#include "view/view.h"
#include "web_int.h"

/* Who reads every row of a unit's rota (an employee reads their own). */
#define READERS                                                               \
	(AUTH_BIT(AUTH_ROTA_PLANNER) | AUTH_BIT(AUTH_LEADER) |                \
	 AUTH_BIT(AUTH_HOMECARE_COORDINATOR))

/* The unit's stored rota covering day, summarised. */
static ov_status load(db *d, int64_t unit, ov_day day, staff_rota_view *v,
		      ov_err *err)
{
	int64_t plan_id;
	memset(v, 0, sizeof *v);
	ov_status rc = staff_rota_covering(d, unit, day, &plan_id, err);
	return rc == OV_OK ? staff_rota_view_load(d, plan_id, v, err) : rc;
}

/* The "from" argument; 0 after answering 400. */
static int from_arg(web_ctx *c, ov_day *day)
{
	const char *from = web_arg(c->req, "from");
	if (from && ov_date_parse(from, day) == 0)
		return 1;
	web_error(c, 400, "OV_E_INPUT", "from",
		  _("'%s' is not a date (YYYY-MM-DD)."), from ? from : "");
	return 0;
}

void web_api_rota_grid(web_ctx *c)
{
	ov_day from;
	if (!from_arg(c, &from))
		return;
	long days = 14;
	const char *days_s = web_arg(c->req, "days");
	if (days_s) {
		char *end;
		days = strtol(days_s, &end, 10);
		if (*end || days < 1 || days > 84) {
			web_error(c, 400, "OV_E_INPUT", "days", "%s",
				  _("days is a whole number from 1 to 84."));
			return;
		}
	}
	org_municipality *ms;
	size_t nm;
	if (web_scope(c, c->roles, &ms, &nm) < 0)
		return;
	json_t *units = json_array();
	ov_err e;
	ov_status rc = OV_OK;
	for (size_t i = 0; rc == OV_OK && i < nm; i++) {
		org_unit *u = NULL;
		size_t nu = 0;
		rc = org_units_list(c->app->d, ms[i].id, &u, &nu, &e);
		for (size_t k = 0; rc == OV_OK && k < nu; k++) {
			staff_shift_type *st = NULL;
			size_t ns = 0;
			rc = staff_shift_types_list(c->app->d, u[k].id, &st,
						    &ns, &e);
			free(st);
			if (rc != OV_OK || ns == 0)
				continue; /* not a rota unit */
			staff_rota_view l;
			ov_err le;
			int has = load(c->app->d, u[k].id, from, &l, &le) ==
				  OV_OK;
			json_t *cells = json_array();
			for (long d = 0; d < days; d++) {
				long idx = (long)(from - (has ? l.map->from_day
							      : from)) + d;
				const char *status =
					has && idx >= 0 && idx < l.map->n_days
						? view_rota_day_status(&l.sum,
								       (int)idx)
						: "none";
				json_array_append_new(cells,
						      json_string(status));
			}
			json_array_append_new(
				units,
				json_pack("{s:s,s:s,s:s,s:s,s:o,s:o}",
					  "municipality", u[k].municipality_code,
					  "ansvar", u[k].ansvar, "name",
					  ov_i18n_pick(u[k].name_nb,
						       u[k].name_se),
					  "funksjon", u[k].funksjon, "plan",
					  has ? json_integer(l.plan.id)
					      : json_null(),
					  "days", cells));
			if (has)
				staff_rota_view_free(&l);
		}
		free(u);
	}
	free(ms);
	if (rc != OV_OK) {
		json_decref(units);
		web_fail(c, &e);
		return;
	}
	char date[16];
	web_json(c, 200,
		 json_pack("{s:s,s:i,s:o}", "from",
			   ov_date_format(from, date, sizeof date), "days",
			   (int)days, "units", units));
}

void web_api_rota_unit(web_ctx *c)
{
	ov_day from;
	if (!from_arg(c, &from))
		return;
	org_unit u;
	ov_err e;
	if (org_unit_find(c->app->d, 0, c->params[0], &u, &e) != OV_OK) {
		web_fail(c, &e);
		return;
	}
	int64_t only = 0;
	if (!auth_may(c->who, READERS, u.municipality_id)) {
		if (!auth_may(c->who, AUTH_BIT(AUTH_EMPLOYEE),
			      u.municipality_id) ||
		    !c->who->employee_id) {
			web_error(c, 403, "OV_E_DENIED", "unit", "%s",
				  _("You have no access to this unit's "
				    "rota."));
			return;
		}
		only = c->who->employee_id; /* their own row */
	}
	staff_rota_view l;
	if (load(c->app->d, u.id, from, &l, &e) != OV_OK) {
		web_fail(c, &e);
		return;
	}
	json_t *j = view_rota_json(&l.plan, l.map, l.roster, &l.sum, only);
	staff_rota_view_free(&l);
	json_object_set_new(j, "unit",
			    json_pack("{s:s,s:s,s:s}", "ansvar", u.ansvar,
				      "name",
				      ov_i18n_pick(u.name_nb, u.name_se),
				      "municipality", u.municipality_code));
	if (only && json_array_size(json_object_get(j, "employees")) == 0) {
		json_decref(j);
		web_error(c, 403, "OV_E_DENIED", "unit", "%s",
			  _("You have no access to this unit's rota."));
		return;
	}
	web_json(c, 200, j);
}
