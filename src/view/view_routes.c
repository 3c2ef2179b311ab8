/*
 * view_routes.c - a day's stored home-care lists as JSON: what `ovttas
 * routes show --json` prints and the routes page draws (each
 * caregiver's stops in order with times and coordinates, the break, the
 * visits not served with the reason, and the day's totals).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/ov_date.h"
#include "base/ov_i18n.h"
#include "view.h"

const char *view_task_name(const char *code)
{
	static const struct {
		const char *code, *msg;
	} tasks[] = {
		{"meals", N_("meals")},
		{"supervision", N_("supervision")},
		{"practical_help", N_("practical help")},
		{"medication", N_("medication")},
		{"personal_care", N_("personal care")},
		{"insulin", N_("insulin")},
		{"respite", N_("respite")},
		{"wound_care", N_("wound care")},
	};
	for (size_t i = 0; i < sizeof tasks / sizeof *tasks; i++)
		if (!strcmp(tasks[i].code, code))
			return _(tasks[i].msg);
	return code;
}

const char *view_unserved_reason(const char *why)
{
	if (!strcmp(why, "skill"))
		return _("no one on the shift has the competence");
	if (!strcmp(why, "window"))
		return _("no qualified caregiver can reach it in its window");
	return _("no room on a qualified list in its window");
}

const char *view_clock(double minute, char *buf, size_t n)
{
	long m = lround(minute);
	snprintf(buf, n, "%02ld:%02ld", (m / 60) % 24, m % 60);
	return buf;
}

/* The totals of every list, or of one caregiver's (only; then the
 * visits nobody serves are not counted: they are not theirs). */
static view_route_totals totals(const care_route *r, const char *only)
{
	view_route_totals t = {0};
	for (int i = 0; i < r->n_stops; i++) {
		const care_stop *s = &r->stops[i];
		if (s->row < 0) {
			t.unserved += !only;
			continue;
		}
		if (only && strcmp(only, r->caregivers[s->row].employee_no))
			continue;
		t.visits += !s->visit.part; /* a visit for two counts once */
		t.drive += s->drive;
		t.care += s->visit.duration_min;
		if (!s->visit.part && !strcmp(s->visit.language, "se") &&
		    !r->caregivers[s->row].sami_speaker)
			t.sami_missed++;
	}
	for (int k = 0; k < r->n_caregivers; k++)
		if (!only || !strcmp(only, r->caregivers[k].employee_no))
			t.drive += r->caregivers[k].back_drive +
				   r->caregivers[k].break_drive;
	return t;
}

view_route_totals view_route_totals_of(const care_route *r)
{
	return totals(r, NULL);
}

static json_t *stop_json(const care_stop *s)
{
	char a[8], b[8];
	const care_visit_due *v = &s->visit;
	json_t *j = json_pack(
		"{s:I,s:i,s:s,s:s,s:s,s:s,s:s,s:s,s:i,s:b,s:f,s:f}",
		"visit_request", (json_int_t)v->visit_request_id, "part",
		v->part, "recipient",
		v->code, "name", v->name, "settlement", v->settlement,
		"language", v->language, "task", v->task, "competence",
		v->competence, "duration_min", v->duration_min,
		"two_caregivers", v->two_caregivers, "lat", v->lat, "lon",
		v->lon);
	json_object_set_new(j, "window",
			    json_pack("[s,s]",
				      view_clock(v->window_start, a, sizeof a),
				      view_clock(v->window_end, b, sizeof b)));
	json_t *more = json_array();
	for (int w = 0; w < v->n_more; w++)
		json_array_append_new(
			more, json_pack("[s,s]",
					view_clock(v->more_start[w], a,
						     sizeof a),
					view_clock(v->more_end[w], b,
						     sizeof b)));
	json_object_set_new(j, "more_windows", more);
	json_object_set_new(j, "task_name", json_string(view_task_name(v->task)));
	if (s->row >= 0) {
		json_object_set_new(j, "start",
				    json_string(view_clock(s->start, a,
							     sizeof a)));
		json_object_set_new(j, "drive_min", json_real(s->drive));
	} else {
		json_object_set_new(j, "reason", json_string(s->why));
		json_object_set_new(j, "reason_text",
				    json_string(view_unserved_reason(s->why)));
	}
	return j;
}

json_t *view_route_day_json(const org_municipality *m, const care_route *r,
			    const char *only, int own_only)
{
	char day[16], a[8], b[8];
	if (!only)
		own_only = 0;
	view_route_totals t = totals(r, own_only ? only : NULL);
	json_t *lists = json_array(), *unserved = json_array();
	for (int k = 0; k < r->n_caregivers; k++) {
		const care_caregiver *c = &r->caregivers[k];
		if (only && strcmp(only, c->employee_no))
			continue;
		json_t *stops = json_array();
		for (int i = 0; i < r->n_stops; i++)
			if (r->stops[i].row == k)
				json_array_append_new(stops,
						      stop_json(&r->stops[i]));
		json_array_append_new(
			lists,
			json_pack("{s:s,s:s,s:s,s:b,s:s,s:s,s:s,s:f,s:o}",
				  "employee_no", c->employee_no, "given_name",
				  c->given_name, "family_name", c->family_name,
				  "sami_speaker", c->sami_speaker, "competence",
				  c->competence, "start",
				  view_clock(c->start_min, a, sizeof a), "end",
				  view_clock(c->end_min, b, sizeof b),
				  "back_drive_min", r->caregivers[k].back_drive, "stops",
				  stops));
		json_t *last = json_array_get(lists, json_array_size(lists) - 1);
		json_object_set_new(
			last, "break",
			c->break_min
				? json_pack("{s:i,s:o,s:i,s:f}", "minutes",
					    c->break_min, "start",
					    c->break_start >= 0
						    ? json_string(view_clock(
							      c->break_start, a,
							      sizeof a))
						    : json_null(),
					    "after_stops", c->break_after,
					    "drive_min", c->break_drive)
				: json_null());
	}
	for (int i = 0; !own_only && i < r->n_stops; i++)
		if (r->stops[i].row < 0)
			json_array_append_new(unserved,
					      stop_json(&r->stops[i]));
	return json_pack("{s:s,s:s,s:s,s:I,s:I,s:s,s:I,s:i,s:i,s:f,s:f,s:i,"
			  "s:o,s:o}",
			  "municipality", m->code, "date",
			  ov_date_format(r->day, day, sizeof day), "shift",
			  care_shift_name(r->shift), "plan", (json_int_t)r->id,
			  "replaces", (json_int_t)r->replaces, "reason",
			  own_only ? "" : r->reason, "rota_plan", (json_int_t)r->rota_plan_id,
			  "visits", t.visits, "unserved_count", t.unserved,
			  "drive_min", t.drive, "care_min", t.care,
			  "sami_missed", t.sami_missed, "caregivers", lists,
			  "unserved", unserved);
}

