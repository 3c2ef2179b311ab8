/*
 * web_api_care.c - home-care recipients: health data, so only the
 * roles that work with it, and only in their own municipality.
 */
#include <stdlib.h>

#include "care/care.h"
#include "web_int.h"

static json_t *recipient_json(const care_recipient *r)
{
	json_t *visits = json_array();
	for (size_t i = 0; i < r->nvisits; i++) {
		const care_visit *v = &r->visits[i];
		json_array_append_new(
			visits,
			json_pack("{s:I,s:s,s:i,s:i,s:i,s:s,s:s,s:b}", "id",
				  (json_int_t)v->id, "weekdays", v->weekdays,
				  "window_start", v->window_start,
				  "window_end", v->window_end, "minutes",
				  v->duration_min, "competence",
				  v->competence, "task", v->task,
				  "two_caregivers", v->two_caregivers));
	}
	return json_pack("{s:I,s:I,s:s,s:s,s:s,s:i,s:s,s:f,s:f,s:s,s:s,s:o}",
			 "id", (json_int_t)r->id, "municipality_id",
			 (json_int_t)r->municipality_id, "code", r->code,
			 "given_name", r->given_name, "family_name",
			 r->family_name, "birth_year", r->birth_year,
			 "settlement", r->settlement, "lat", r->lat, "lon",
			 r->lon, "language", r->language, "needs", r->needs,
			 "visits", visits);
}

void web_api_recipients(web_ctx *c)
{
	org_municipality *ms;
	size_t n;
	if (web_scope(c, c->roles, &ms, &n) < 0)
		return;
	json_t *a = json_array();
	ov_err e;
	ov_status rc = OV_OK;
	int logged = 0;
	for (size_t i = 0; rc == OV_OK && i < n; i++) {
		care_list *l = NULL;
		rc = care_list_get(c->app->d, ms[i].id, &l, &e);
		for (size_t k = 0; rc == OV_OK && k < l->n; k++)
			json_array_append_new(a,
					      recipient_json(&l->recipients[k]));
		if (rc == OV_OK && web_log_read(c, ms[i].id, "care_recipient",
						NULL, l->n) != 0)
			logged = -1;
		care_list_free(l);
		if (logged < 0)
			break;
	}
	if (logged < 0) {
		free(ms);
		json_decref(a);
		return;
	}
	free(ms);
	if (rc != OV_OK) {
		json_decref(a);
		web_fail(c, &e);
		return;
	}
	web_json(c, 200, a);
}
