/*
 * web_api_routes.c - a day's stored home-care lists, the object `routes
 * show --json` prints. The lists name recipients and their tasks
 * (health data): home-care coordinators see their municipality's, an
 * employee only their own list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_date.h"
#include "base/ov_i18n.h"
#include "care/care_route.h"
#include "view/view.h"
#include "web_int.h"

/* The logged-in employee's number in municipality m into no; 0 if the
 * user is no employee there. */
static int own_employee_no(web_ctx *c, int64_t m, char no[16])
{
	org_employee *em = NULL;
	size_t n = 0;
	ov_err e;
	int found = 0;
	if (c->who->employee_id &&
	    org_employee_posts(c->app->d, c->who->employee_id, &em, &n, &e) ==
		    OV_OK)
		for (size_t i = 0; i < n && !found; i++)
			if (em[i].municipality_id == m) {
				snprintf(no, 16, "%s", em[i].employee_no);
				found = 1;
			}
	free(em);
	return found;
}

void web_api_routes(web_ctx *c)
{
	const unsigned coordinator = AUTH_BIT(AUTH_HOMECARE_COORDINATOR);
	org_municipality *ms;
	size_t n;
	if (web_scope(c, c->roles, &ms, &n) < 0)
		return;
	if (n != 1) {
		free(ms);
		web_error(c, 400, "OV_E_INPUT", "municipality", "%s",
			  _("Name the municipality."));
		return;
	}
	org_municipality m = ms[0];
	free(ms);
	const char *date = web_arg(c->req, "date");
	const char *shift_s = web_arg(c->req, "shift");
	ov_day day;
	if (!date || ov_date_parse(date, &day) != 0) {
		web_error(c, 400, "OV_E_INPUT", "date",
			  _("'%s' is not a date (YYYY-MM-DD)."),
			  date ? date : "");
		return;
	}
	int shift = care_shift_parse(shift_s ? shift_s : "day");
	if (shift < 0) {
		web_error(c, 400, "OV_E_INPUT", "shift", "%s",
			  _("The shift is day or evening."));
		return;
	}
	/* an employee without the coordinator's role: their own list */
	char own[16] = "";
	const char *only = web_arg(c->req, "caregiver");
	if (!auth_may(c->who, coordinator, m.id)) {
		if (!own_employee_no(c, m.id, own)) {
			web_error(c, 403, "OV_E_DENIED", "", "%s",
				  _("Your role does not give access to "
				    "this."));
			return;
		}
		only = own;
	}
	care_route *r;
	ov_err e;
	if (care_route_current(c->app->d, m.id, day, (care_shift)shift, &r,
			       &e) != OV_OK) {
		web_fail(c, &e);
		return;
	}
	json_t *j = view_route_day_json(&m, r, only, only == own);
	char plan[24];
	snprintf(plan, sizeof plan, "%lld", (long long)r->id);
	care_route_free(r);
	size_t rows = json_array_size(json_object_get(j, "unserved"));
	json_t *cg;
	size_t k;
	json_array_foreach(json_object_get(j, "caregivers"), k, cg)
		rows += json_array_size(json_object_get(cg, "stops"));
	if (web_log_read(c, m.id, "route_plan", plan, rows) != 0) {
		json_decref(j);
		return;
	}
	json_object_set_new(j, "office",
			    json_pack("{s:f,s:f}", "lat", m.lat, "lon", m.lon));
	web_json(c, 200, j);
}
