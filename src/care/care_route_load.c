/*
 * care_route_load.c - reads back the current lists of a day and shift:
 * the newest planning, its caregivers, every stop with the recipient's
 * details, and the visits left out with the reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "care_int.h"
#include "care_route.h"

void care_route_free(care_route *r)
{
	if (!r)
		return;
	free(r->caregivers);
	free(r->stops);
	free(r);
}

int care_route_row_of(const care_route *r, int64_t visit_request_id,
		      int part)
{
	for (int i = 0; i < r->n_stops; i++)
		if (r->stops[i].visit.visit_request_id == visit_request_id &&
		    r->stops[i].visit.part == part)
			return r->stops[i].row;
	return -1;
}

static ov_status header(db *d, int64_t mid, ov_day day, care_shift shift,
			care_route *r, ov_err *err)
{
	char buf[16];
	db_stmt *st;
	ov_status rc = db_prepare(
		d,
		"SELECT id, unit_id, rota_plan_id, coalesce(replaces, 0), "
		"reason, created_at, travel_min, soft_cost, seconds, seed "
		"FROM route_plan WHERE municipality_id = $1 AND day = $2 AND "
		"shift = $3 ORDER BY id DESC LIMIT 1",
		&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, mid);
	db_bind_text(st, 2, ov_date_format(day, buf, sizeof buf));
	db_bind_text(st, 3, care_shift_name(shift));
	int k = db_step(st, err);
	if (k == 1) {
		r->id = db_col_int(st, 0);
		r->municipality_id = mid;
		r->unit_id = db_col_int(st, 1);
		r->day = day;
		r->shift = shift;
		r->rota_plan_id = db_col_int(st, 2);
		r->replaces = db_col_int(st, 3);
		CARE_COPY(r->reason, db_col_text(st, 4));
		CARE_COPY(r->created_at, db_col_text(st, 5));
		r->travel_min = db_col_double(st, 6);
		r->soft_cost = db_col_double(st, 7);
		r->seconds = db_col_double(st, 8);
		r->seed = (uint64_t)db_col_int(st, 9);
	}
	db_finalize(st);
	if (k == 0)
		return OV_FAIL(err, OV_E_NOTFOUND, "date",
			       _("no routes are stored for the %s of %s; "
				 "make them with 'ovttas routes plan'"),
			       care_shift_label(shift), buf);
	return k < 0 ? OV_E_DB : OV_OK;
}

static ov_status caregivers(db *d, care_route *r, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(
		d,
		"SELECT c.employee_id, e.employee_no, e.given_name, "
		"e.family_name, c.competence, c.sami_speaker, c.shift_code, "
		"c.start_min, c.end_min, c.back_min, c.break_min, "
		"coalesce(c.break_start_min, -1), c.break_after, "
		"c.break_drive_min, c.from_home FROM route_caregiver c JOIN employee "
		"e ON e.id = c.employee_id WHERE c.plan_id = $1 ORDER BY "
		"c.row_no",
		&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, r->id);
	int k, cap = 0;
	while ((k = db_step(st, err)) == 1) {
		if (r->n_caregivers == cap) {
			cap = cap ? 2 * cap : 16;
			care_caregiver *g = realloc(r->caregivers,
						    (size_t)cap * sizeof *g);
			if (!g) {
				k = -2;
				break;
			}
			r->caregivers = g;
		}
		care_caregiver *c = &r->caregivers[r->n_caregivers++];
		memset(c, 0, sizeof *c);
		c->back_drive = db_col_double(st, 9);
		c->employee_id = db_col_int(st, 0);
		CARE_COPY(c->employee_no, db_col_text(st, 1));
		CARE_COPY(c->given_name, db_col_text(st, 2));
		CARE_COPY(c->family_name, db_col_text(st, 3));
		CARE_COPY(c->competence, db_col_text(st, 4));
		c->sami_speaker = (int)db_col_int(st, 5);
		CARE_COPY(c->shift_code, db_col_text(st, 6));
		c->start_min = (int)db_col_int(st, 7);
		c->end_min = (int)db_col_int(st, 8);
		c->break_min = (int)db_col_int(st, 10);
		c->break_start = db_col_double(st, 11);
		c->break_after = (int)db_col_int(st, 12);
		c->break_drive = db_col_double(st, 13);
		c->from_home = (int)db_col_int(st, 14);
	}
	db_finalize(st);
	if (k == -2)
		return care_nomem(err);
	return k < 0 ? OV_E_DB : OV_OK;
}

/* The recipient and visit columns both queries below select first. */
#define VISIT_COLS                                                       \
	"v.id, rc.id, rc.code, rc.given_name || ' ' || rc.family_name, " \
	"rc.settlement, rc.preferred_language, v.task, v.competence, "   \
	"v.two_caregivers, v.window_start, v.window_end, "               \
	"v.duration_min, rc.lat, rc.lon"
#define VISIT_JOIN                                      \
	" JOIN visit_request v ON v.id = s.visit_request_id " \
	"JOIN care_recipient rc ON rc.id = v.recipient_id"

static void read_visit(db_stmt *st, care_visit_due *v)
{
	v->visit_request_id = db_col_int(st, 0);
	v->recipient_id = db_col_int(st, 1);
	CARE_COPY(v->code, db_col_text(st, 2));
	CARE_COPY(v->name, db_col_text(st, 3));
	CARE_COPY(v->settlement, db_col_text(st, 4));
	CARE_COPY(v->language, db_col_text(st, 5));
	CARE_COPY(v->task, db_col_text(st, 6));
	CARE_COPY(v->competence, db_col_text(st, 7));
	v->two_caregivers = (int)db_col_int(st, 8);
	v->window_start = (int)db_col_int(st, 9);
	v->window_end = (int)db_col_int(st, 10);
	v->duration_min = (int)db_col_int(st, 11);
	v->lat = db_col_double(st, 12);
	v->lon = db_col_double(st, 13);
}

static int add_stop(care_route *r, int *cap)
{
	if (r->n_stops < *cap)
		return 1;
	int c = *cap ? 2 * *cap : 64;
	care_stop *s = realloc(r->stops, (size_t)c * sizeof *s);
	if (!s)
		return 0;
	r->stops = s;
	*cap = c;
	return 1;
}

static ov_status stops(db *d, care_route *r, ov_err *err)
{
	static const char *const sql[2] = {
		"SELECT " VISIT_COLS ", c.row_no, s.arrive_min, s.start_min, "
		"s.drive_min, '', s.part FROM route_stop s" VISIT_JOIN
		" JOIN route_caregiver c ON c.plan_id = s.plan_id AND "
		"c.employee_id = s.employee_id WHERE s.plan_id = $1 ORDER BY "
		"c.row_no, s.seq",
		"SELECT " VISIT_COLS ", -1, 0, 0, 0, s.reason, 0 FROM "
		"route_unserved s" VISIT_JOIN
		" WHERE s.plan_id = $1 ORDER BY v.window_start, rc.code"};
	int cap = 0;
	for (int q = 0; q < 2; q++) {
		db_stmt *st;
		ov_status rc = db_prepare(d, sql[q], &st, err);
		if (rc != OV_OK)
			return rc;
		db_bind_int(st, 1, r->id);
		int k;
		while ((k = db_step(st, err)) == 1) {
			if (!add_stop(r, &cap)) {
				k = -2;
				break;
			}
			care_stop *s = &r->stops[r->n_stops++];
			memset(s, 0, sizeof *s);
			read_visit(st, &s->visit);
			s->row = (int)db_col_int(st, 14);
			s->arrive = db_col_double(st, 15);
			s->start = db_col_double(st, 16);
			s->drive = db_col_double(st, 17);
			CARE_COPY(s->why, db_col_text(st, 18));
			s->visit.part = (int)db_col_int(st, 19);
		}
		db_finalize(st);
		if (k == -2)
			return care_nomem(err);
		if (k < 0)
			return OV_E_DB;
	}
	return OV_OK;
}

/* The further windows of the stored visits. */
static ov_status windows(db *d, care_route *r, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(
		d,
		"SELECT w.visit_request_id, w.window_start, w.window_end FROM "
		"visit_request_window w WHERE w.visit_request_id IN (SELECT "
		"s.visit_request_id FROM route_stop s WHERE s.plan_id = $1 "
		"UNION SELECT u.visit_request_id FROM route_unserved u WHERE "
		"u.plan_id = $1) ORDER BY w.visit_request_id, w.window_start",
		&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, r->id);
	int k;
	while ((k = db_step(st, err)) == 1) {
		int64_t id = db_col_int(st, 0);
		for (int i = 0; i < r->n_stops; i++) {
			care_visit_due *v = &r->stops[i].visit;
			if (v->visit_request_id != id ||
			    v->n_more >= CARE_MORE_WINDOWS)
				continue;
			v->more_start[v->n_more] = (int)db_col_int(st, 1);
			v->more_end[v->n_more++] = (int)db_col_int(st, 2);
		}
	}
	db_finalize(st);
	return k < 0 ? OV_E_DB : OV_OK;
}

ov_status care_route_current(db *d, int64_t municipality_id, ov_day day,
			     care_shift shift, care_route **out, ov_err *err)
{
	*out = NULL;
	care_route *r = calloc(1, sizeof *r);
	if (!r)
		return care_nomem(err);
	ov_status rc = header(d, municipality_id, day, shift, r, err);
	if (rc == OV_OK)
		rc = caregivers(d, r, err);
	if (rc == OV_OK)
		rc = stops(d, r, err);
	if (rc == OV_OK)
		rc = windows(d, r, err);
	if (rc != OV_OK) {
		care_route_free(r);
		return rc;
	}
	*out = r;
	return OV_OK;
}
