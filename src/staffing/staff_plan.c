/*
 * staff_plan.c - a unit's shift types, døgnrytmeplan and bemanningsplan:
 * reading and setting them one row at a time, and deriving the
 * bemanningsplan from the døgnrytmeplan. Called by cli/ and web/ (later),
 * the demo loader and staff_build_problem.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "staff_int.h"

ov_status staff_nomem(ov_err *err)
{
	return OV_FAIL(err, OV_E_NOMEM, NULL, _("out of memory"));
}

void *staff_grow(void *arr, size_t elem, size_t n, size_t *cap)
{
	if (n < *cap)
		return arr;
	size_t c = *cap ? *cap * 2 : 16;
	void *p = realloc(arr, c * elem);
	if (p)
		*cap = c;
	return p;
}

ov_status staff_audit(db *d, const auth_actor *who, const org_unit *u,
		      const char *action, const char *entity,
		      const char *entity_id, json_t *before, json_t *after,
		      ov_err *err)
{
	const size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER;
	char *b = before ? json_dumps(before, flags) : NULL;
	char *a = after ? json_dumps(after, flags) : NULL;
	ov_status rc;
	if (!who)
		rc = OV_OK;
	else if ((before && !b) || (after && !a))
		rc = staff_nomem(err);
	else
		rc = auth_audit(d, who, u->municipality_id, action, entity,
				entity_id, b, a, err);
	free(b);
	free(a);
	json_decref(before);
	json_decref(after);
	return rc;
}

/* org.h finds units by ansvar or name, not by id: list and pick. */
ov_status staff_unit_get(db *d, int64_t unit_id, org_unit *u, ov_err *err)
{
	org_unit *all = NULL;
	size_t n = 0;
	ov_status rc = org_units_list(d, 0, &all, &n, err);
	if (rc != OV_OK)
		return rc;
	size_t i = 0;
	while (i < n && all[i].id != unit_id)
		i++;
	if (i < n)
		*u = all[i];
	free(all);
	if (i == n)
		return OV_FAIL(err, OV_E_NOTFOUND, "unit", _("no unit with id %lld"),
			       (long long)unit_id);
	return OV_OK;
}

void staff_read_shift(db_stmt *st, staff_shift_type *s)
{
	memset(s, 0, sizeof *s);
	s->id = db_col_int(st, 0);
	s->unit_id = db_col_int(st, 1);
	STAFF_COPY(s->code, db_col_text(st, 2));
	STAFF_COPY(s->name_nb, db_col_text(st, 3));
	STAFF_COPY(s->name_se, db_col_text(st, 4));
	s->start_min = (int)db_col_int(st, 5);
	s->length_min = (int)db_col_int(st, 6);
	STAFF_COPY(s->category, db_col_text(st, 7));
}

/* --- shift types --- */

ov_status staff_shift_types_list(db *d, int64_t unit_id,
				 staff_shift_type **out, size_t *n,
				 ov_err *err)
{
	*out = NULL;
	*n = 0;
	org_unit u;
	ov_status rc = staff_unit_get(d, unit_id, &u, err);
	db_stmt *st = NULL;
	if (rc == OV_OK)
		rc = db_prepare(d,
				"SELECT " STAFF_SHIFT_COLS " FROM shift_type "
				"WHERE unit_id = $1 ORDER BY start_min, id",
				&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, unit_id);
	staff_shift_type *arr = NULL;
	size_t cnt = 0, cap = 0;
	int r;
	while ((r = db_step(st, err)) == 1) {
		staff_shift_type *g = staff_grow(arr, sizeof *arr, cnt, &cap);
		if (!g) {
			r = -2;
			break;
		}
		arr = g;
		staff_read_shift(st, &arr[cnt++]);
	}
	db_finalize(st);
	if (r < 0) {
		free(arr);
		return r == -2 ? staff_nomem(err) : OV_E_DB;
	}
	*out = arr;
	*n = cnt;
	return OV_OK;
}

static const char *const categories[] = {"day", "evening", "night", "long",
					 "other"};

static int valid_category(const char *c)
{
	for (size_t i = 0; i < sizeof categories / sizeof *categories; i++)
		if (!strcmp(c, categories[i]))
			return 1;
	return 0;
}

/* The unit's stored shift type `code` as the audit trail shows it, in
 * *out (NULL when there is none). */
static ov_status shift_json(db *d, const org_unit *u, const char *code,
			    json_t **out, ov_err *err)
{
	*out = NULL;
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "SELECT " STAFF_SHIFT_COLS " FROM shift_type "
				  "WHERE unit_id = $1 AND code = $2",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, u->id);
	db_bind_text(st, 2, code);
	int r = db_step(st, err);
	if (r == 1) {
		staff_shift_type s;
		staff_read_shift(st, &s);
		char start[24];
		snprintf(start, sizeof start, "%02d:%02d", s.start_min / 60,
			 s.start_min % 60);
		*out = json_pack("{s:s,s:s,s:s,s:s,s:s,s:i,s:s}", "unit",
				 u->ansvar, "code", s.code, "name_nb",
				 s.name_nb, "name_se", s.name_se, "start",
				 start, "length_min", s.length_min,
				 "category", s.category);
		if (!*out)
			r = -2;
	}
	db_finalize(st);
	return r == -2 ? staff_nomem(err) : r < 0 ? OV_E_DB : OV_OK;
}

/* The upsert of staff_shift_type_set; *id gets the row's id. */
static ov_status write_shift(db *d, int64_t unit_id,
			     const staff_shift_type *s, int64_t *id,
			     ov_err *err)
{
	db_stmt *st = NULL;
	ov_status rc = db_prepare(d,
				  "INSERT INTO shift_type (unit_id, code, "
				  "name_nb, name_se, start_min, length_min, "
				  "category) VALUES ($1, $2, $3, $4, $5, $6, "
				  "$7) ON CONFLICT (unit_id, code) DO UPDATE "
				  "SET name_nb = excluded.name_nb, "
				  "name_se = excluded.name_se, "
				  "start_min = excluded.start_min, "
				  "length_min = excluded.length_min, "
				  "category = excluded.category RETURNING id",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, unit_id);
	db_bind_text(st, 2, s->code);
	db_bind_text(st, 3, s->name_nb);
	db_bind_text(st, 4, s->name_se);
	db_bind_int(st, 5, s->start_min);
	db_bind_int(st, 6, s->length_min);
	db_bind_text(st, 7, s->category);
	int r = db_step(st, err);
	if (r == 1)
		*id = db_col_int(st, 0);
	if (r == 1)
		r = db_step(st, err); /* finish the statement */
	db_finalize(st);
	return r < 0 ? OV_E_DB : OV_OK;
}

ov_status staff_shift_type_set(db *d, const auth_actor *who, int64_t unit_id,
			       const staff_shift_type *s, int64_t *id,
			       ov_err *err)
{
	size_t len = strnlen(s->code, sizeof s->code);
	if (len == 0 || len >= sizeof s->code)
		return OV_FAIL(err, OV_E_INPUT, "code",
			       _("a shift code has 1 to 15 characters"));
	if (!s->name_nb[0])
		return OV_FAIL(err, OV_E_INPUT, "name_nb",
			       _("the shift %s needs a name"), s->code);
	if (s->start_min < 0 || s->start_min >= 1440)
		return OV_FAIL(err, OV_E_INPUT, "start_min",
			       _("a shift starts between 00:00 and 23:59"));
	if (s->length_min < 1 || s->length_min > 1440)
		return OV_FAIL(err, OV_E_INPUT, "length_min",
			       _("a shift lasts between 1 minute and 24 hours"));
	if (!valid_category(s->category))
		return OV_FAIL(err, OV_E_INPUT, "category",
			       _("'%s' is not a shift category (day, evening, "
				 "night, long, other)"),
			       s->category);
	org_unit u;
	int own = 0;
	ov_status rc = staff_unit_get(d, unit_id, &u, err);
	if (rc == OV_OK)
		rc = db_join(d, &own, err);
	if (rc != OV_OK)
		return rc;
	json_t *before = NULL, *after = NULL;
	int64_t row = 0;
	if (who)
		rc = shift_json(d, &u, s->code, &before, err);
	if (rc == OV_OK)
		rc = write_shift(d, unit_id, s, &row, err);
	if (rc == OV_OK && who)
		rc = shift_json(d, &u, s->code, &after, err);
	if (rc == OV_OK) {
		char key[24];
		snprintf(key, sizeof key, "%lld", (long long)row);
		rc = staff_audit(d, who, &u, "rota.shift_set", "shift_type",
				 key, before, after, err);
	} else {
		json_decref(before);
		json_decref(after);
	}
	rc = db_finish(d, own, rc, err);
	if (rc == OV_OK && id)
		*id = row;
	return rc;
}

/* --- the døgnrytmeplan --- */

ov_status staff_rhythm_list(db *d, int64_t unit_id, staff_rhythm_hour **out,
			    size_t *n, ov_err *err)
{
	*out = NULL;
	*n = 0;
	org_unit u;
	ov_status rc = staff_unit_get(d, unit_id, &u, err);
	db_stmt *st = NULL;
	if (rc == OV_OK)
		rc = db_prepare(d,
				"SELECT weekday, hour, nurses, health_workers, "
				"others, sami_needed, task_nb, task_se "
				"FROM rhythm_hour WHERE unit_id = $1 "
				"ORDER BY weekday, hour",
				&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, unit_id);
	staff_rhythm_hour *arr = NULL;
	size_t cnt = 0, cap = 0;
	int r;
	while ((r = db_step(st, err)) == 1) {
		staff_rhythm_hour *g = staff_grow(arr, sizeof *arr, cnt, &cap);
		if (!g) {
			r = -2;
			break;
		}
		arr = g;
		staff_rhythm_hour *h = &arr[cnt++];
		memset(h, 0, sizeof *h);
		h->weekday = (int)db_col_int(st, 0);
		h->hour = (int)db_col_int(st, 1);
		h->nurses = (int)db_col_int(st, 2);
		h->health_workers = (int)db_col_int(st, 3);
		h->others = (int)db_col_int(st, 4);
		h->sami_needed = (int)db_col_int(st, 5);
		STAFF_COPY(h->task_nb, db_col_text(st, 6));
		STAFF_COPY(h->task_se, db_col_text(st, 7));
	}
	db_finalize(st);
	if (r < 0) {
		free(arr);
		return r == -2 ? staff_nomem(err) : OV_E_DB;
	}
	*out = arr;
	*n = cnt;
	return OV_OK;
}

static ov_status check_weekday(int weekday, ov_err *err)
{
	if (weekday < 0 || weekday > 6)
		return OV_FAIL(err, OV_E_INPUT, "weekday",
			       _("a weekday is 0 (Monday) to 6 (Sunday), not %d"),
			       weekday);
	return OV_OK;
}

static ov_status check_count(const char *field, int v, ov_err *err)
{
	if (v < 0)
		return OV_FAIL(err, OV_E_INPUT, field,
			       _("%s cannot be negative (%d)"), field, v);
	return OV_OK;
}

/* The unit's stored hour (weekday, hour) of the døgnrytmeplan as the
 * audit trail shows it, in *out (NULL when it is not stored). */
static ov_status rhythm_json(db *d, const org_unit *u, int weekday, int hour,
			     json_t **out, ov_err *err)
{
	*out = NULL;
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "SELECT nurses, health_workers, others, "
				  "sami_needed, task_nb, task_se FROM "
				  "rhythm_hour WHERE unit_id = $1 AND "
				  "weekday = $2 AND hour = $3",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, u->id);
	db_bind_int(st, 2, weekday);
	db_bind_int(st, 3, hour);
	int r = db_step(st, err);
	if (r == 1) {
		*out = json_pack("{s:s,s:i,s:i,s:I,s:I,s:I,s:I,s:s,s:s}",
				 "unit", u->ansvar, "weekday", weekday, "hour",
				 hour, "nurses", (json_int_t)db_col_int(st, 0),
				 "health_workers",
				 (json_int_t)db_col_int(st, 1), "others",
				 (json_int_t)db_col_int(st, 2), "sami_needed",
				 (json_int_t)db_col_int(st, 3), "task_nb",
				 db_col_text(st, 4), "task_se",
				 db_col_text(st, 5));
		if (!*out)
			r = -2;
	}
	db_finalize(st);
	return r == -2 ? staff_nomem(err) : r < 0 ? OV_E_DB : OV_OK;
}

/* The upsert of staff_rhythm_set. */
static ov_status write_rhythm(db *d, int64_t unit_id,
			      const staff_rhythm_hour *h, ov_err *err)
{
	db_stmt *st = NULL;
	ov_status rc = db_prepare(d,
				  "INSERT INTO rhythm_hour (unit_id, weekday, "
				  "hour, nurses, health_workers, others, "
				  "sami_needed, task_nb, task_se) VALUES ($1, "
				  "$2, $3, $4, $5, $6, $7, $8, $9) "
				  "ON CONFLICT (unit_id, weekday, hour) DO "
				  "UPDATE SET nurses = excluded.nurses, "
				  "health_workers = excluded.health_workers, "
				  "others = excluded.others, "
				  "sami_needed = excluded.sami_needed, "
				  "task_nb = excluded.task_nb, "
				  "task_se = excluded.task_se",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, h->weekday);
	db_bind_int(st, 3, h->hour);
	db_bind_int(st, 4, h->nurses);
	db_bind_int(st, 5, h->health_workers);
	db_bind_int(st, 6, h->others);
	db_bind_int(st, 7, h->sami_needed);
	db_bind_text(st, 8, h->task_nb);
	db_bind_text(st, 9, h->task_se);
	rc = db_run(st, err);
	db_finalize(st);
	return rc;
}

ov_status staff_rhythm_set(db *d, const auth_actor *who, int64_t unit_id,
			   const staff_rhythm_hour *h, ov_err *err)
{
	ov_status rc = check_weekday(h->weekday, err);
	if (rc != OV_OK)
		return rc;
	if (h->hour < 0 || h->hour > 23)
		return OV_FAIL(err, OV_E_INPUT, "hour",
			       _("an hour is 0 to 23, not %d"), h->hour);
	if ((rc = check_count("nurses", h->nurses, err)) != OV_OK ||
	    (rc = check_count("health_workers", h->health_workers, err)) !=
		    OV_OK ||
	    (rc = check_count("others", h->others, err)) != OV_OK ||
	    (rc = check_count("sami_needed", h->sami_needed, err)) != OV_OK)
		return rc;
	org_unit u;
	int own = 0;
	rc = staff_unit_get(d, unit_id, &u, err);
	if (rc == OV_OK)
		rc = db_join(d, &own, err);
	if (rc != OV_OK)
		return rc;
	json_t *before = NULL, *after = NULL;
	if (who)
		rc = rhythm_json(d, &u, h->weekday, h->hour, &before, err);
	if (rc == OV_OK)
		rc = write_rhythm(d, unit_id, h, err);
	if (rc == OV_OK && who)
		rc = rhythm_json(d, &u, h->weekday, h->hour, &after, err);
	if (rc == OV_OK) {
		char key[48];
		snprintf(key, sizeof key, "%lld:%d:%d", (long long)unit_id,
			 h->weekday, h->hour);
		rc = staff_audit(d, who, &u, "rota.rhythm_set", "rhythm_hour",
				 key, before, after, err);
	} else {
		json_decref(before);
		json_decref(after);
	}
	return db_finish(d, own, rc, err);
}

/* --- the bemanningsplan --- */

ov_status staff_needs_list(db *d, int64_t unit_id, staff_need **out,
			   size_t *n, ov_err *err)
{
	*out = NULL;
	*n = 0;
	org_unit u;
	ov_status rc = staff_unit_get(d, unit_id, &u, err);
	db_stmt *st = NULL;
	if (rc == OV_OK)
		rc = db_prepare(d,
				"SELECT n.weekday, n.shift_type_id, s.code, "
				"n.skill, n.min_count, n.preferred_count "
				"FROM staffing_need n JOIN shift_type s "
				"ON s.id = n.shift_type_id WHERE n.unit_id = $1 "
				"ORDER BY n.weekday, s.start_min, s.id, n.skill",
				&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, unit_id);
	staff_need *arr = NULL;
	size_t cnt = 0, cap = 0;
	int r;
	while ((r = db_step(st, err)) == 1) {
		staff_need *g = staff_grow(arr, sizeof *arr, cnt, &cap);
		if (!g) {
			r = -2;
			break;
		}
		arr = g;
		staff_need *x = &arr[cnt++];
		memset(x, 0, sizeof *x);
		x->weekday = (int)db_col_int(st, 0);
		x->shift_type_id = db_col_int(st, 1);
		STAFF_COPY(x->shift_code, db_col_text(st, 2));
		STAFF_COPY(x->skill, db_col_text(st, 3));
		x->min_count = (int)db_col_int(st, 4);
		x->preferred_count = (int)db_col_int(st, 5);
	}
	db_finalize(st);
	if (r < 0) {
		free(arr);
		return r == -2 ? staff_nomem(err) : OV_E_DB;
	}
	*out = arr;
	*n = cnt;
	return OV_OK;
}

static const char *const skills[] = {STAFF_SKILL_NURSE, STAFF_SKILL_HEALTH,
				     STAFF_SKILL_ANY, STAFF_SKILL_SAMI};
enum { K_NURSE, K_HEALTH, K_ANY, K_SAMI, NSKILL };

static int skill_index(const char *s)
{
	for (int k = 0; k < NSKILL; k++)
		if (s && !strcmp(s, skills[k]))
			return k;
	return -1;
}

/* The id of the unit's shift with that code, or 0. */
static ov_status find_shift(db *d, int64_t unit_id, const char *code,
			    int64_t *id, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "SELECT id FROM shift_type WHERE unit_id = $1 "
				  "AND code = $2",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, unit_id);
	db_bind_text(st, 2, code);
	return db_first_int(st, id, err);
}

/* The unit's stored need (weekday, shift, skill) as the audit trail
 * shows it, in *out (NULL when there is none). */
static ov_status need_json(db *d, const org_unit *u, int weekday,
			   int64_t shift_id, const char *code,
			   const char *skill, json_t **out, ov_err *err)
{
	*out = NULL;
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "SELECT min_count, preferred_count FROM "
				  "staffing_need WHERE unit_id = $1 AND "
				  "weekday = $2 AND shift_type_id = $3 AND "
				  "skill = $4",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, u->id);
	db_bind_int(st, 2, weekday);
	db_bind_int(st, 3, shift_id);
	db_bind_text(st, 4, skill);
	int r = db_step(st, err);
	if (r == 1) {
		*out = json_pack("{s:s,s:i,s:s,s:s,s:I,s:I}", "unit",
				 u->ansvar, "weekday", weekday, "shift", code,
				 "skill", skill, "min_count",
				 (json_int_t)db_col_int(st, 0),
				 "preferred_count",
				 (json_int_t)db_col_int(st, 1));
		if (!*out)
			r = -2;
	}
	db_finalize(st);
	return r == -2 ? staff_nomem(err) : r < 0 ? OV_E_DB : OV_OK;
}

/* The upsert (or, with both counts 0, the removal) of staff_need_set;
 * *changed gets the rows it touched. */
static ov_status write_need(db *d, int64_t unit_id, int weekday,
			    int64_t shift_id, const char *skill,
			    int min_count, int preferred_count, int *changed,
			    ov_err *err)
{
	db_stmt *st = NULL;
	ov_status rc;
	if (min_count == 0 && preferred_count == 0)
		rc = db_prepare(d,
				"DELETE FROM staffing_need WHERE unit_id = $1 "
				"AND weekday = $2 AND shift_type_id = $3 "
				"AND skill = $4",
				&st, err);
	else
		rc = db_prepare(d,
				"INSERT INTO staffing_need (unit_id, weekday, "
				"shift_type_id, skill, min_count, "
				"preferred_count) VALUES ($1, $2, $3, $4, $5, "
				"$6) ON CONFLICT (unit_id, weekday, "
				"shift_type_id, skill) DO UPDATE SET "
				"min_count = excluded.min_count, "
				"preferred_count = excluded.preferred_count",
				&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, unit_id);
	db_bind_int(st, 2, weekday);
	db_bind_int(st, 3, shift_id);
	db_bind_text(st, 4, skill);
	if (min_count || preferred_count) {
		db_bind_int(st, 5, min_count);
		db_bind_int(st, 6, preferred_count);
	}
	rc = db_run(st, err);
	db_finalize(st);
	*changed = rc == OV_OK ? db_changes(d) : 0;
	return rc;
}

ov_status staff_need_set(db *d, const auth_actor *who, int64_t unit_id,
			 int weekday, const char *shift_code, const char *skill,
			 int min_count, int preferred_count, int *changed,
			 ov_err *err)
{
	if (changed)
		*changed = 0;
	ov_status rc = check_weekday(weekday, err);
	if (rc != OV_OK)
		return rc;
	if (skill_index(skill) < 0)
		return OV_FAIL(err, OV_E_INPUT, "skill",
			       _("'%s' is not a skill (nurse, health, any, "
				 "sami)"),
			       skill ? skill : "");
	if ((rc = check_count("min_count", min_count, err)) != OV_OK ||
	    (rc = check_count("preferred_count", preferred_count, err)) !=
		    OV_OK)
		return rc;
	if (min_count > preferred_count)
		return OV_FAIL(err, OV_E_INPUT, "preferred_count",
			       _("the preferred count (%d) is below the "
				 "minimum (%d)"),
			       preferred_count, min_count);
	org_unit u;
	int64_t shift_id = 0;
	const char *code = shift_code ? shift_code : "";
	rc = staff_unit_get(d, unit_id, &u, err);
	if (rc == OV_OK)
		rc = find_shift(d, unit_id, code, &shift_id, err);
	if (rc != OV_OK)
		return rc;
	if (!shift_id)
		return OV_FAIL(err, OV_E_NOTFOUND, "shift",
			       _("unit %s has no shift with code '%s'"),
			       u.ansvar, code);
	int own = 0, n = 0;
	rc = db_join(d, &own, err);
	if (rc != OV_OK)
		return rc;
	json_t *before = NULL, *after = NULL;
	if (who)
		rc = need_json(d, &u, weekday, shift_id, code, skill, &before,
			       err);
	if (rc == OV_OK)
		rc = write_need(d, unit_id, weekday, shift_id, skill,
				min_count, preferred_count, &n, err);
	if (rc == OV_OK && who && n)
		rc = need_json(d, &u, weekday, shift_id, code, skill, &after,
			       err);
	if (rc == OV_OK && n) {
		char key[64];
		snprintf(key, sizeof key, "%lld:%d:%lld:%s",
			 (long long)unit_id, weekday, (long long)shift_id,
			 skill);
		rc = staff_audit(d, who, &u, "rota.need_set", "staffing_need",
				 key, before, after, err);
	} else {
		/* nothing written (a row to remove that was not there) is
		 * nothing to audit */
		json_decref(before);
		json_decref(after);
	}
	rc = db_finish(d, own, rc, err);
	if (rc == OV_OK && changed)
		*changed = n;
	return rc;
}

/* --- deriving the bemanningsplan --- */

/* Minutes after the shift's start at which time-of-day t falls, taking
 * the shift as started on the same day or the day before. */
static int since_start(const staff_shift_type *s, int t)
{
	return ((t - s->start_min) % 1440 + 1440) % 1440;
}

static int on_duty(const staff_shift_type *s, int t)
{
	return since_start(s, t) < s->length_min;
}

static int is_long(const staff_shift_type *s)
{
	return !strcmp(s->category, "long");
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Everything derivation reads, in fixed-size arrays (a week of hours). */
typedef struct {
	staff_shift_type *shifts;
	size_t n_shifts;
	/* need[weekday][hour][skill], cumulative as in staffing_need */
	int need[7][24][NSKILL];
	/* owner[hour]: index of the shift that owns the hour, -1 if none */
	int owner[24];
} derive_in;

static ov_status read_rhythm(db *d, int64_t unit_id, derive_in *in,
			     ov_err *err)
{
	staff_rhythm_hour *hrs;
	size_t n;
	ov_status rc = staff_rhythm_list(d, unit_id, &hrs, &n, err);
	if (rc != OV_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		int *v = in->need[hrs[i].weekday][hrs[i].hour];
		v[K_NURSE] = hrs[i].nurses;
		v[K_HEALTH] = hrs[i].nurses + hrs[i].health_workers;
		v[K_ANY] = v[K_HEALTH] + hrs[i].others;
		v[K_SAMI] = hrs[i].sami_needed;
	}
	free(hrs);
	return OV_OK;
}

/* Subtracts from `in->need` the staff langvakter put on duty (their
 * min_count, made cumulative) in the hours they cover. */
static ov_status subtract_long(db *d, int64_t unit_id, derive_in *in,
			       ov_err *err)
{
	staff_need *needs;
	size_t n;
	ov_status rc = staff_needs_list(d, unit_id, &needs, &n, err);
	if (rc != OV_OK)
		return rc;
	for (size_t s = 0; s < in->n_shifts; s++) {
		const staff_shift_type *sh = &in->shifts[s];
		if (!is_long(sh))
			continue;
		for (int wd = 0; wd < 7; wd++) {
			int on[NSKILL] = {0};
			for (size_t i = 0; i < n; i++)
				if (needs[i].shift_type_id == sh->id &&
				    needs[i].weekday == wd &&
				    skill_index(needs[i].skill) >= 0)
					on[skill_index(needs[i].skill)] =
						needs[i].min_count;
			if (on[K_HEALTH] < on[K_NURSE])
				on[K_HEALTH] = on[K_NURSE];
			if (on[K_ANY] < on[K_HEALTH])
				on[K_ANY] = on[K_HEALTH];
			/* hours of this weekday and of the next */
			for (int slot = 0; slot < 48; slot++) {
				int t = slot * 60 + 30;
				if (t < sh->start_min ||
				    t >= sh->start_min + sh->length_min)
					continue;
				int *v = in->need[(wd + slot / 24) % 7]
						 [slot % 24];
				for (int k = 0; k < NSKILL; k++)
					v[k] = v[k] > on[k] ? v[k] - on[k] : 0;
			}
		}
	}
	free(needs);
	return OV_OK;
}

static void find_owners(derive_in *in)
{
	for (int h = 0; h < 24; h++) {
		int t = h * 60 + 30, best = -1, best_since = 1440;
		for (size_t s = 0; s < in->n_shifts; s++) {
			const staff_shift_type *sh = &in->shifts[s];
			if (is_long(sh) || !on_duty(sh, t))
				continue;
			if (since_start(sh, t) < best_since) {
				best_since = since_start(sh, t);
				best = (int)s;
			}
		}
		in->owner[h] = best;
	}
}

static ov_status write_plan(db *d, int64_t unit_id, const derive_in *in,
			    ov_err *err)
{
	db_stmt *del = NULL, *ins = NULL;
	ov_status rc = db_prepare(d,
				  "DELETE FROM staffing_need WHERE unit_id = $1 "
				  "AND shift_type_id IN (SELECT id FROM "
				  "shift_type WHERE unit_id = $1 AND "
				  "category <> 'long')",
				  &del, err);
	if (rc == OV_OK) {
		db_bind_int(del, 1, unit_id);
		rc = db_run(del, err);
	}
	db_finalize(del);
	if (rc == OV_OK)
		rc = db_prepare(d,
				"INSERT INTO staffing_need (unit_id, weekday, "
				"shift_type_id, skill, min_count, "
				"preferred_count) VALUES ($1, $2, $3, $4, $5, "
				"$6)",
				&ins, err);
	for (int wd = 0; rc == OV_OK && wd < 7; wd++)
		for (size_t s = 0; rc == OV_OK && s < in->n_shifts; s++) {
			const staff_shift_type *sh = &in->shifts[s];
			for (int k = 0; rc == OV_OK && k < NSKILL; k++) {
				int vals[24], nv = 0;
				for (int h = 0; h < 24; h++) {
					if (in->owner[h] != (int)s)
						continue;
					int day = h * 60 + 30 >= sh->start_min
							  ? wd
							  : (wd + 1) % 7;
					vals[nv++] = in->need[day][h][k];
				}
				if (nv == 0)
					continue;
				qsort(vals, (size_t)nv, sizeof *vals, cmp_int);
				int pref = vals[nv - 1], min = vals[nv / 2];
				if (pref == 0)
					continue;
				db_bind_int(ins, 1, unit_id);
				db_bind_int(ins, 2, wd);
				db_bind_int(ins, 3, sh->id);
				db_bind_text(ins, 4, skills[k]);
				db_bind_int(ins, 5, min);
				db_bind_int(ins, 6, pref);
				rc = db_run(ins, err);
				db_reset(ins);
			}
		}
	db_finalize(ins);
	return rc;
}

ov_status staff_derive_plan_in_tx(db *d, int64_t unit_id, ov_err *err)
{
	derive_in *in = calloc(1, sizeof *in);
	if (!in)
		return staff_nomem(err);
	ov_status rc = staff_shift_types_list(d, unit_id, &in->shifts,
					      &in->n_shifts, err);
	if (rc == OV_OK)
		rc = read_rhythm(d, unit_id, in, err);
	if (rc == OV_OK)
		rc = subtract_long(d, unit_id, in, err);
	if (rc == OV_OK)
		find_owners(in);
	for (int wd = 0; rc == OV_OK && wd < 7; wd++)
		for (int h = 0; rc == OV_OK && h < 24; h++) {
			const int *v = in->need[wd][h];
			if (in->owner[h] < 0 &&
			    (v[K_ANY] || v[K_HEALTH] || v[K_NURSE] ||
			     v[K_SAMI]))
				rc = OV_FAIL(err, OV_E_INPUT, "rhythm_hour",
					     _("%02d:00 on %s needs staff, but "
					       "no shift covers that hour"),
					     h, ov_i18n_weekday(wd));
		}
	if (rc == OV_OK)
		rc = write_plan(d, unit_id, in, err);
	free(in->shifts);
	free(in);
	return rc;
}

/* The unit's whole bemanningsplan as the audit trail shows it:
 * {"unit", "needs": [{weekday, shift, skill, min_count,
 * preferred_count}, ...]}. */
static ov_status plan_json(db *d, const org_unit *u, json_t **out,
			   ov_err *err)
{
	*out = NULL;
	staff_need *x = NULL;
	size_t n = 0;
	ov_status rc = staff_needs_list(d, u->id, &x, &n, err);
	if (rc != OV_OK)
		return rc;
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		if (json_array_append_new(
			    a, json_pack("{s:i,s:s,s:s,s:i,s:i}", "weekday",
					 x[i].weekday, "shift", x[i].shift_code,
					 "skill", x[i].skill, "min_count",
					 x[i].min_count, "preferred_count",
					 x[i].preferred_count))) {
			json_decref(a);
			a = NULL;
		}
	free(x);
	*out = a ? json_pack("{s:s,s:o}", "unit", u->ansvar, "needs", a)
		 : NULL;
	return *out ? OV_OK : staff_nomem(err);
}

ov_status staff_derive_plan(db *d, const auth_actor *who, int64_t unit_id,
			    ov_err *err)
{
	org_unit u;
	ov_status rc = staff_unit_get(d, unit_id, &u, err);
	int own = 0;
	if (rc == OV_OK)
		rc = db_join(d, &own, err);
	if (rc != OV_OK)
		return rc;
	json_t *before = NULL, *after = NULL;
	if (who)
		rc = plan_json(d, &u, &before, err);
	if (rc == OV_OK)
		rc = staff_derive_plan_in_tx(d, unit_id, err);
	if (rc == OV_OK && who)
		rc = plan_json(d, &u, &after, err);
	if (rc == OV_OK) {
		char key[24];
		snprintf(key, sizeof key, "%lld", (long long)unit_id);
		rc = staff_audit(d, who, &u, "rota.derive", "staffing_need",
				 key, before, after, err);
	} else {
		json_decref(before);
		json_decref(after);
	}
	return db_finish(d, own, rc, err);
}
