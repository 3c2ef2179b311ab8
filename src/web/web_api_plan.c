/*
 * web_api_plan.c - the plan buttons: a rota for a unit, the day's
 * home-care routes, a re-plan on a sick call. Each checks the user's
 * role in the municipality the work belongs to, then starts the same
 * command the planner would type as a job (web_jobs.c) and answers 202
 * with its id; GET /api/v1/jobs/{id} follows it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_date.h"
#include "base/ov_i18n.h"
#include "web_int.h"

/* A string member of the body, or NULL. */
static const char *str(json_t *body, const char *key)
{
	return json_string_value(json_object_get(body, key));
}

/* An integer member in [lo, hi], dflt when absent; -1 after a 400. */
static long long num(web_ctx *c, json_t *body, const char *key, long long lo,
		     long long hi, long long dflt)
{
	json_t *v = json_object_get(body, key);
	if (!v)
		return dflt;
	if (!json_is_integer(v) || json_integer_value(v) < lo ||
	    json_integer_value(v) > hi) {
		web_error(c, 400, "OV_E_INPUT", key,
			  _("%s must be a whole number from %lld to %lld."),
			  key, lo, hi);
		return -1;
	}
	return json_integer_value(v);
}

static int date_ok(web_ctx *c, const char *text, const char *field)
{
	ov_day day;
	if (text && ov_date_parse(text, &day) == 0)
		return 1;
	web_error(c, 400, "OV_E_INPUT", field,
		  _("'%s' is not a date (YYYY-MM-DD)."), text ? text : "");
	return 0;
}

static void started(web_ctx *c, int id)
{
	if (id > 0)
		web_json(c, 202, json_pack("{s:i}", "job", id));
}

void web_api_rota_plan(web_ctx *c)
{
	json_t *body = web_body_json(c);
	if (!body)
		return;
	const char *unit = str(body, "unit"), *from = str(body, "from");
	long long weeks = num(c, body, "weeks", 1, 12, 6);
	long long secs = weeks < 0 ? -1 : num(c, body, "seconds", 1, 120, 10);
	org_unit u;
	ov_err e;
	if (secs < 0) {
		json_decref(body);
		return;
	}
	if (!unit || !date_ok(c, from, "from")) {
		if (!unit)
			web_error(c, 400, "OV_E_INPUT", "unit", "%s",
				  _("Name the unit (its ansvar code)."));
		json_decref(body);
		return;
	}
	if (org_unit_find(c->app->d, 0, unit, &u, &e) != OV_OK) {
		json_decref(body);
		snprintf(e.field, sizeof e.field, "unit"); /* the body's name */
		web_fail(c, &e);
		return;
	}
	if (!auth_may(c->who, c->roles, u.municipality_id)) {
		json_decref(body);
		web_error(c, 403, "OV_E_DENIED", "unit", "%s",
			  _("You may not plan the rota of this unit."));
		return;
	}
	/* every value as --name=value: none can pass for an option */
	char a_unit[48], a_muni[32], a_from[48], a_weeks[32], a_secs[32];
	snprintf(a_unit, sizeof a_unit, "--unit=%s", u.ansvar);
	snprintf(a_muni, sizeof a_muni, "--municipality=%s",
		 u.municipality_code);
	snprintf(a_from, sizeof a_from, "--from=%.20s", from);
	snprintf(a_weeks, sizeof a_weeks, "--weeks=%lld", weeks);
	snprintf(a_secs, sizeof a_secs, "--seconds=%lld", secs);
	const char *args[] = {"rota",  "plan",  a_unit, a_muni,
			      a_from,  a_weeks, a_secs, NULL};
	int id = web_job_start(c, "rota.plan", args);
	json_decref(body);
	started(c, id);
}

/* The municipality, date and shift of a routes request; 0 after a 4xx. */
static int routes_target(web_ctx *c, json_t *body, org_municipality *m,
			 const char **date, const char **shift)
{
	const char *muni = str(body, "municipality");
	*date = str(body, "date");
	*shift = str(body, "shift");
	ov_err e;
	if (!*shift)
		*shift = "day";
	if (strcmp(*shift, "day") && strcmp(*shift, "evening")) {
		web_error(c, 400, "OV_E_INPUT", "shift", "%s",
			  _("The shift is day or evening."));
		return 0;
	}
	if (!date_ok(c, *date, "date"))
		return 0;
	if (!muni || org_municipality_find(c->app->d, muni, m, &e) != OV_OK) {
		if (!muni)
			web_error(c, 400, "OV_E_INPUT", "municipality", "%s",
				  _("Name the municipality."));
		else
			web_fail(c, &e);
		return 0;
	}
	if (!auth_may(c->who, c->roles, m->id)) {
		web_error(c, 403, "OV_E_DENIED", "municipality", "%s",
			  _("You may not plan this municipality's home-care "
			    "routes."));
		return 0;
	}
	return 1;
}

/* The routes command's options, each as --name=value. */
static void routes_args(const org_municipality *m, const char *date,
			const char *shift, long long secs, char muni[32],
			char day[48], char sh[32], char sc[32])
{
	snprintf(muni, 32, "--municipality=%s", m->code);
	snprintf(day, 48, "--date=%.20s", date);
	snprintf(sh, 32, "--shift=%s", shift);
	snprintf(sc, 32, "--seconds=%lld", secs);
}

/* An employee number: 1-15 letters, digits or '-'. */
static int employee_no_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 1 || n > 15)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-')
			return 0;
	return s[0] != '-';
}

void web_api_routes_plan(web_ctx *c)
{
	json_t *body = web_body_json(c);
	if (!body)
		return;
	org_municipality m;
	const char *date, *shift;
	long long secs = num(c, body, "seconds", 1, 120, 10);
	if (secs < 0 || !routes_target(c, body, &m, &date, &shift)) {
		json_decref(body);
		return;
	}
	char a_muni[32], a_date[48], a_shift[32], a_secs[32];
	routes_args(&m, date, shift, secs, a_muni, a_date, a_shift, a_secs);
	const char *args[] = {"routes", "plan", a_muni, a_date,
			      a_shift,  a_secs, NULL};
	int id = web_job_start(c, "routes.plan", args);
	json_decref(body);
	started(c, id);
}

void web_api_routes_replan(web_ctx *c)
{
	json_t *body = web_body_json(c);
	if (!body)
		return;
	org_municipality m;
	const char *date, *shift, *sick = str(body, "sick");
	long long secs = num(c, body, "seconds", 1, 120, 5);
	if (secs < 0 || !routes_target(c, body, &m, &date, &shift)) {
		json_decref(body);
		return;
	}
	if (!employee_no_ok(sick)) {
		json_decref(body);
		web_error(c, 400, "OV_E_INPUT", "sick", "%s",
			  _("Name the caregiver who is sick (employee "
			    "number)."));
		return;
	}
	char a_muni[32], a_date[48], a_shift[32], a_secs[32], a_sick[32];
	routes_args(&m, date, shift, secs, a_muni, a_date, a_shift, a_secs);
	snprintf(a_sick, sizeof a_sick, "--sick=%s", sick);
	const char *args[] = {"routes", "replan", a_muni, a_date,
			      a_shift,  a_sick,   a_secs, NULL};
	int id = web_job_start(c, "routes.replan", args);
	json_decref(body);
	started(c, id);
}

void web_api_job(web_ctx *c)
{
	char *end;
	long id = strtol(c->params[0], &end, 10);
	json_t *j = *end ? NULL : web_job_state(c->app, (int)id,
						  c->who->user_id);
	if (!j) {
		web_error(c, 404, "OV_E_NOTFOUND", "job", "%s",
			  _("There is no such job of yours."));
		return;
	}
	web_json(c, 200, j);
}
