/*
 * care.c - reading home care back: the summary for `ovttas status` and
 * the recipient list with visits that the route planner works from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "care.h"

int care_weekdays_count(const char *weekdays)
{
	int n = 0;
	for (; weekdays && *weekdays; weekdays++)
		n += *weekdays == '1';
	return n;
}

/* Days per week of a pattern, in SQL both SQLite and PostgreSQL run. */
#define DAYS "(length(v.weekdays) - length(replace(v.weekdays, '1', '')))"

ov_status care_summary_get(db *d, int64_t municipality_id, care_summary *out,
			   ov_err *err)
{
	memset(out, 0, sizeof *out);
	db_stmt *st;
	ov_status rc = db_prepare(
		d,
		"SELECT count(*), coalesce(sum(CASE WHEN "
		"preferred_language = 'se' THEN 1 ELSE 0 END), 0), "
		"count(DISTINCT settlement) FROM care_recipient "
		"WHERE ($1 = 0 OR municipality_id = $1)",
		&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, municipality_id);
	int r = db_step(st, err);
	if (r == 1) {
		out->recipients = db_col_int(st, 0);
		out->recipients_se = db_col_int(st, 1);
		out->settlements = db_col_int(st, 2);
	}
	db_finalize(st);
	if (r < 0)
		return OV_E_DB;

	rc = db_prepare(
		d,
		"SELECT count(*), coalesce(sum(" DAYS "), 0), "
		"coalesce(sum(CASE WHEN v.competence = 'nurse' THEN " DAYS
		" ELSE 0 END), 0), "
		"coalesce(sum(CASE WHEN v.two_caregivers = 1 THEN " DAYS
		" ELSE 0 END), 0) "
		"FROM visit_request v "
		"JOIN care_recipient r ON r.id = v.recipient_id "
		"WHERE ($1 = 0 OR r.municipality_id = $1)",
		&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, municipality_id);
	r = db_step(st, err);
	if (r == 1) {
		out->visit_requests = db_col_int(st, 0);
		out->visits_per_week = db_col_int(st, 1);
		out->nurse_visits_per_week = db_col_int(st, 2);
		out->two_caregiver_visits_per_week = db_col_int(st, 3);
	}
	db_finalize(st);
	return r < 0 ? OV_E_DB : OV_OK;
}

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src);
}

/* Returns arr with room for element n (maybe moved), or NULL when out of
 * memory, leaving arr as it was. */
static void *reserve(void *arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return arr;
	size_t c = *cap ? *cap * 2 : 64;
	void *p = realloc(arr, c * size);
	if (p)
		*cap = c;
	return p;
}

/* Index of recipient id at or after *at; the queries share one order,
 * so a forward scan finds it. Returns -1 if absent. */
static long seek(const care_list *l, size_t *at, int64_t id)
{
	size_t i = *at;
	while (i < l->n && l->recipients[i].id != id)
		i++;
	if (i == l->n)
		return -1; /* leave *at: the next row may still match */
	*at = i;
	return (long)i;
}

#define ORDER " ORDER BY r.municipality_id, r.code"
#define WHERE " WHERE ($1 = 0 OR r.municipality_id = $1)"

static ov_status read_recipients(db *d, int64_t mid, care_list *l,
				 ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(
		d,
		"SELECT r.id, r.municipality_id, r.code, r.given_name, "
		"r.family_name, coalesce(r.birth_year, 0), r.settlement, "
		"r.lat, r.lon, r.preferred_language FROM care_recipient r"
		WHERE ORDER,
		&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, mid);
	size_t cap = 0;
	int r;
	while ((r = db_step(st, err)) == 1) {
		void *p = reserve(l->recipients, &cap, l->n,
				  sizeof *l->recipients);
		if (!p) {
			rc = OV_FAIL(err, OV_E_NOMEM, NULL, "out of memory");
			break;
		}
		l->recipients = p;
		care_recipient *c = &l->recipients[l->n++];
		memset(c, 0, sizeof *c);
		c->id = db_col_int(st, 0);
		c->municipality_id = db_col_int(st, 1);
		copy(c->code, sizeof c->code, db_col_text(st, 2));
		copy(c->given_name, sizeof c->given_name, db_col_text(st, 3));
		copy(c->family_name, sizeof c->family_name,
		     db_col_text(st, 4));
		c->birth_year = (int)db_col_int(st, 5);
		copy(c->settlement, sizeof c->settlement, db_col_text(st, 6));
		c->lat = db_col_double(st, 7);
		c->lon = db_col_double(st, 8);
		copy(c->language, sizeof c->language, db_col_text(st, 9));
	}
	db_finalize(st);
	if (rc == OV_OK && r < 0)
		rc = OV_E_DB;
	return rc;
}

static ov_status read_needs(db *d, int64_t mid, care_list *l, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(
		d,
		"SELECT n.recipient_id, n.need FROM recipient_need n "
		"JOIN care_recipient r ON r.id = n.recipient_id" WHERE ORDER
		", n.need",
		&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, mid);
	size_t at = 0;
	int r;
	while ((r = db_step(st, err)) == 1) {
		long i = seek(l, &at, db_col_int(st, 0));
		if (i < 0)
			continue; /* added since the recipients were read */
		char *needs = l->recipients[i].needs;
		size_t len = strlen(needs);
		snprintf(needs + len, sizeof l->recipients[i].needs - len,
			 "%s%s", len ? "," : "", db_col_text(st, 1));
	}
	db_finalize(st);
	return r < 0 ? OV_E_DB : OV_OK;
}

/* The further windows of the visits read (more than CARE_MORE_WINDOWS
 * of one visit: the first ones are kept). */
static ov_status read_windows(db *d, int64_t mid, care_list *l, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(
		d,
		"SELECT w.visit_request_id, w.window_start, w.window_end FROM "
		"visit_request_window w JOIN visit_request v ON v.id = "
		"w.visit_request_id JOIN care_recipient r ON r.id = "
		"v.recipient_id" WHERE " ORDER BY w.visit_request_id, "
		"w.window_start",
		&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, mid);
	int r;
	while ((r = db_step(st, err)) == 1) {
		int64_t id = db_col_int(st, 0);
		for (size_t k = 0; k < l->nvisits; k++) {
			care_visit *v = &l->visits[k];
			if (v->id != id || v->n_more >= CARE_MORE_WINDOWS)
				continue;
			v->more_start[v->n_more] = (int)db_col_int(st, 1);
			v->more_end[v->n_more++] = (int)db_col_int(st, 2);
		}
	}
	db_finalize(st);
	return r < 0 ? OV_E_DB : OV_OK;
}

static ov_status read_visits(db *d, int64_t mid, care_list *l, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(
		d,
		"SELECT v.recipient_id, v.id, v.weekdays, v.window_start, "
		"v.window_end, v.duration_min, v.competence, v.task, "
		"v.two_caregivers FROM visit_request v "
		"JOIN care_recipient r ON r.id = v.recipient_id" WHERE ORDER
		", v.window_start, v.id",
		&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, mid);
	/* Owners are recorded by index first: the array may still move. */
	size_t cap = 0, at = 0, *owner = NULL, ocap = 0;
	int r;
	while ((r = db_step(st, err)) == 1) {
		long i = seek(l, &at, db_col_int(st, 0));
		if (i < 0)
			continue;
		void *p = reserve(l->visits, &cap, l->nvisits,
				  sizeof *l->visits);
		if (p)
			l->visits = p;
		void *q = p ? reserve(owner, &ocap, l->nvisits, sizeof *owner)
			    : NULL;
		if (q)
			owner = q;
		if (!p || !q) {
			rc = OV_FAIL(err, OV_E_NOMEM, NULL, "out of memory");
			break;
		}
		owner[l->nvisits] = (size_t)i;
		care_visit *v = &l->visits[l->nvisits++];
		v->id = db_col_int(st, 1);
		copy(v->weekdays, sizeof v->weekdays, db_col_text(st, 2));
		v->window_start = (int)db_col_int(st, 3);
		v->window_end = (int)db_col_int(st, 4);
		v->duration_min = (int)db_col_int(st, 5);
		copy(v->competence, sizeof v->competence, db_col_text(st, 6));
		copy(v->task, sizeof v->task, db_col_text(st, 7));
		v->two_caregivers = (int)db_col_int(st, 8);
		v->n_more = 0;
	}
	db_finalize(st);
	if (rc == OV_OK && r < 0)
		rc = OV_E_DB;
	if (rc == OV_OK)
		rc = read_windows(d, mid, l, err);
	for (size_t k = 0; rc == OV_OK && k < l->nvisits; k++) {
		care_recipient *c = &l->recipients[owner[k]];
		if (!c->visits)
			c->visits = &l->visits[k];
		c->nvisits++;
	}
	free(owner);
	return rc;
}

ov_status care_list_get(db *d, int64_t municipality_id, care_list **out,
			ov_err *err)
{
	*out = NULL;
	care_list *l = calloc(1, sizeof *l);
	if (!l)
		return OV_FAIL(err, OV_E_NOMEM, NULL, "out of memory");
	ov_status rc = read_recipients(d, municipality_id, l, err);
	if (rc == OV_OK)
		rc = read_needs(d, municipality_id, l, err);
	if (rc == OV_OK)
		rc = read_visits(d, municipality_id, l, err);
	if (rc != OV_OK) {
		care_list_free(l);
		return rc;
	}
	*out = l;
	return OV_OK;
}

void care_list_free(care_list *l)
{
	if (!l)
		return;
	free(l->recipients);
	free(l->visits);
	free(l);
}
