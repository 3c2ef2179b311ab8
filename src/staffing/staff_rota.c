/*
 * staff_rota.c - stores a solved rota (turnus) of a unit and loads it
 * back: the plan's header, its employees with their contract at the
 * time, and every employee's day; the store is audited. Called by cli/
 * (`rota plan`, also when the web server runs it) after rota_solve.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/ov_i18n.h"
#include "staff_int.h"

static ov_status check_rota(int64_t unit_id, ov_day from_day, int weeks,
			    const staff_map *m, const rota_roster *r,
			    ov_err *err)
{
	if (!m || !r)
		return OV_FAIL(err, OV_E_INPUT, "roster",
			       _("there is no rota to store"));
	if (m->unit_id != unit_id)
		return OV_FAIL(err, OV_E_INPUT, "unit",
			       _("the rota was built for another unit"));
	if (ov_date_weekday(from_day) != 0 || m->from_day != from_day)
		return OV_FAIL(err, OV_E_INPUT, "from",
			       _("the rota was built for another start day"));
	if (weeks < 1 || weeks > 52 || m->weeks != weeks ||
	    m->n_days != weeks * 7)
		return OV_FAIL(err, OV_E_INPUT, "weeks",
			       _("the rota was built for another number of "
				 "weeks"));
	if (r->n_employees != m->n_employees || r->n_days != m->n_days)
		return OV_FAIL(err, OV_E_INPUT, "roster",
			       _("the rota has %d employees and %d days, its "
				 "problem %d and %d"),
			       r->n_employees, r->n_days, m->n_employees,
			       m->n_days);
	for (int e = 0; e < r->n_employees; e++)
		for (int day = 0; day < r->n_days; day++) {
			int a = r->assign[e * r->n_days + day];
			if (a != ROTA_OFF && (a < 0 || a >= m->n_shifts))
				return OV_FAIL(err, OV_E_INPUT, "roster",
					       _("day %d of employee %s is "
						 "not a shift (%d)"),
					       day + 1,
					       m->employees[e].employee_no, a);
		}
	return OV_OK;
}

static void now_utc(char *buf, size_t n)
{
	time_t t = time(NULL);
	struct tm tm;
	if (gmtime_r(&t, &tm))
		strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
	else
		snprintf(buf, n, "1970-01-01T00:00:00Z");
}

static ov_status insert_plan(db *d, int64_t unit_id, const staff_map *m,
			     const rota_solve_info *info, uint64_t seed,
			     int64_t *id, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "INSERT INTO rota_plan (unit_id, from_date, "
				  "weeks, created_at, objective, feasible, "
				  "seconds, seed) VALUES ($1, $2, $3, $4, $5, "
				  "$6, $7, $8) RETURNING id",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	char from[16], created[32];
	now_utc(created, sizeof created);
	db_bind_int(st, 1, unit_id);
	db_bind_text(st, 2, ov_date_format(m->from_day, from, sizeof from));
	db_bind_int(st, 3, m->weeks);
	db_bind_text(st, 4, created);
	db_bind_int(st, 5, info ? info->objective : 0);
	db_bind_int(st, 6, info && info->feasible ? 1 : 0);
	db_bind_double(st, 7, info && info->seconds > 0 ? info->seconds : 0);
	db_bind_int(st, 8, (int64_t)seed);
	int r = db_step(st, err);
	if (r == 1) {
		*id = db_col_int(st, 0);
		r = db_step(st, err);
	}
	db_finalize(st);
	return r < 0 ? OV_E_DB : OV_OK;
}

static ov_status insert_rows(db *d, int64_t plan_id, const staff_map *m,
			     const rota_roster *r, ov_err *err)
{
	db_stmt *emp = NULL, *day = NULL;
	ov_status rc = db_prepare(d,
				  "INSERT INTO rota_plan_employee (plan_id, "
				  "row_no, employee_id, fte_bp, competence, "
				  "sami_speaker) VALUES ($1, $2, $3, $4, $5, "
				  "$6)",
				  &emp, err);
	if (rc == OV_OK)
		rc = db_prepare(d,
				"INSERT INTO rota_assignment (plan_id, "
				"employee_id, day, shift_type_id) VALUES ($1, "
				"$2, $3, $4)",
				&day, err);
	for (int e = 0; rc == OV_OK && e < m->n_employees; e++) {
		const staff_map_employee *me = &m->employees[e];
		db_bind_int(emp, 1, plan_id);
		db_bind_int(emp, 2, e);
		db_bind_int(emp, 3, me->employee_id);
		db_bind_int(emp, 4, me->fte_bp);
		db_bind_text(emp, 5, me->competence);
		db_bind_int(emp, 6, me->sami_speaker ? 1 : 0);
		rc = db_run(emp, err);
		db_reset(emp);
		for (int dd = 0; rc == OV_OK && dd < m->n_days; dd++) {
			int a = r->assign[e * r->n_days + dd];
			db_bind_int(day, 1, plan_id);
			db_bind_int(day, 2, me->employee_id);
			db_bind_int(day, 3, dd);
			if (a == ROTA_OFF)
				db_bind_null(day, 4);
			else
				db_bind_int(day, 4, m->shifts[a].id);
			rc = db_run(day, err);
			db_reset(day);
		}
	}
	db_finalize(emp);
	db_finalize(day);
	return rc;
}

/* The audit row of a stored rota: before, the rota that covered its
 * first day (read before the new one was stored: prev, 0 for none);
 * after, what was stored. */
static ov_status audit_rota(db *d, const auth_actor *who, const org_unit *u,
			    const staff_map *m, const rota_solve_info *info,
			    int64_t prev, int64_t id, ov_err *err)
{
	char from[16], key[24];
	json_t *before = prev ? json_pack("{s:s,s:I}", "unit", u->ansvar,
					  "plan_id", (json_int_t)prev)
			      : NULL;
	json_t *after = json_pack(
		"{s:s,s:s,s:i,s:I,s:I,s:b,s:i}", "unit", u->ansvar, "from",
		ov_date_format(m->from_day, from, sizeof from), "weeks",
		m->weeks, "plan_id", (json_int_t)id, "objective",
		(json_int_t)(info ? info->objective : 0), "feasible",
		info && info->feasible, "employees", m->n_employees);
	if ((prev && !before) || !after) {
		json_decref(before);
		json_decref(after);
		return staff_nomem(err);
	}
	snprintf(key, sizeof key, "%lld", (long long)id);
	return staff_audit(d, who, u, "rota.plan", "rota_plan", key, before,
			   after, err);
}

ov_status staff_store_rota(db *d, const auth_actor *who, int64_t unit_id,
			   ov_day from_day, int weeks, const staff_map *map,
			   const rota_roster *roster,
			   const rota_solve_info *info, uint64_t seed,
			   int64_t *plan_id, ov_err *err)
{
	ov_status rc = check_rota(unit_id, from_day, weeks, map, roster, err);
	org_unit u;
	if (rc == OV_OK)
		rc = staff_unit_get(d, unit_id, &u, err);
	int own = 0;
	if (rc == OV_OK)
		rc = db_join(d, &own, err);
	if (rc != OV_OK)
		return rc;
	int64_t id = 0, prev = 0;
	if (who) {
		/* none covering the day is no error: prev stays 0 */
		ov_err none;
		rc = staff_rota_covering(d, unit_id, from_day, &prev, &none);
		if (rc == OV_E_NOTFOUND)
			rc = OV_OK;
		else if (rc != OV_OK && err)
			*err = none;
	}
	if (rc == OV_OK)
		rc = insert_plan(d, unit_id, map, info, seed, &id, err);
	if (rc == OV_OK)
		rc = insert_rows(d, id, map, roster, err);
	if (rc == OV_OK && who)
		rc = audit_rota(d, who, &u, map, info, prev, id, err);
	rc = db_finish(d, own, rc, err);
	if (rc == OV_OK && plan_id)
		*plan_id = id;
	return rc;
}

/* --- loading --- */

static ov_status load_header(db *d, int64_t plan_id, staff_plan *p,
			     ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "SELECT unit_id, from_date, weeks, "
				  "created_at, objective, feasible, seconds, "
				  "seed FROM rota_plan WHERE id = $1",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, plan_id);
	int r = db_step(st, err);
	if (r == 1) {
		memset(p, 0, sizeof *p);
		p->id = plan_id;
		p->unit_id = db_col_int(st, 0);
		if (ov_date_parse(db_col_text(st, 1), &p->from_day))
			r = -3;
		p->weeks = (int)db_col_int(st, 2);
		STAFF_COPY(p->created_at, db_col_text(st, 3));
		p->objective = db_col_int(st, 4);
		p->feasible = (int)db_col_int(st, 5);
		p->seconds = db_col_double(st, 6);
		p->seed = (uint64_t)db_col_int(st, 7);
	}
	db_finalize(st);
	if (r == 0)
		return OV_FAIL(err, OV_E_NOTFOUND, "plan",
			       _("no rota with id %lld"), (long long)plan_id);
	if (r == -3)
		return OV_FAIL(err, OV_E_DB, "plan",
			       _("rota %lld has a malformed start date"),
			       (long long)plan_id);
	return r < 0 ? OV_E_DB : OV_OK;
}

static ov_status load_employees(db *d, const staff_plan *p, staff_map *m,
				ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "SELECT pe.employee_id, e.employee_no, "
				  "e.given_name, e.family_name, pe.fte_bp, "
				  "pe.competence, pe.sami_speaker "
				  "FROM rota_plan_employee pe JOIN employee e "
				  "ON e.id = pe.employee_id WHERE pe.plan_id = $1 "
				  "ORDER BY pe.row_no",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, p->id);
	size_t cap = 0;
	int r;
	while ((r = db_step(st, err)) == 1) {
		staff_map_employee *g = staff_grow(m->employees,
						   sizeof *m->employees,
						   (size_t)m->n_employees,
						   &cap);
		if (!g) {
			r = -2;
			break;
		}
		m->employees = g;
		staff_map_employee *e = &m->employees[m->n_employees++];
		memset(e, 0, sizeof *e);
		e->employee_id = db_col_int(st, 0);
		STAFF_COPY(e->employee_no, db_col_text(st, 1));
		STAFF_COPY(e->given_name, db_col_text(st, 2));
		STAFF_COPY(e->family_name, db_col_text(st, 3));
		e->fte_bp = (int)db_col_int(st, 4);
		STAFF_COPY(e->competence, db_col_text(st, 5));
		e->sami_speaker = (int)db_col_int(st, 6);
		e->skills = 0;
		if (!strcmp(e->competence, "nurse"))
			e->skills = ROTA_SKILL_NURSE | ROTA_SKILL_HEALTH;
		else if (!strcmp(e->competence, "health_worker"))
			e->skills = ROTA_SKILL_HEALTH;
		if (e->sami_speaker)
			e->skills |= ROTA_SKILL_SAMI;
		e->target_minutes =
			(int)(((int64_t)e->fte_bp * STAFF_WEEK_MINUTES *
				       p->weeks +
			       5000) /
			      10000);
	}
	db_finalize(st);
	if (r == -2)
		return staff_nomem(err);
	return r < 0 ? OV_E_DB : OV_OK;
}

static ov_status load_days(db *d, const staff_plan *p, const staff_map *m,
			   rota_roster *ro, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "SELECT pe.row_no, a.day, a.shift_type_id "
				  "FROM rota_assignment a JOIN "
				  "rota_plan_employee pe ON pe.plan_id = "
				  "a.plan_id AND pe.employee_id = a.employee_id "
				  "WHERE a.plan_id = $1 AND a.shift_type_id IS "
				  "NOT NULL",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, p->id);
	int r;
	while ((r = db_step(st, err)) == 1) {
		int64_t row = db_col_int(st, 0), day = db_col_int(st, 1),
			shift = db_col_int(st, 2);
		int s = 0;
		while (s < m->n_shifts && m->shifts[s].id != shift)
			s++;
		if (row < 0 || row >= m->n_employees || day < 0 ||
		    day >= m->n_days || s == m->n_shifts) {
			r = -3;
			break;
		}
		ro->assign[row * m->n_days + day] = s;
	}
	db_finalize(st);
	if (r == -3)
		return OV_FAIL(err, OV_E_DB, "plan",
			       _("rota %lld has a day outside its period or "
				 "a shift of another unit"),
			       (long long)p->id);
	return r < 0 ? OV_E_DB : OV_OK;
}

ov_status staff_load_rota(db *d, int64_t plan_id, staff_plan *plan,
			  staff_map **mapp, rota_roster **roster, ov_err *err)
{
	*mapp = NULL;
	*roster = NULL;
	staff_plan p;
	ov_status rc = load_header(d, plan_id, &p, err);
	if (rc != OV_OK)
		return rc;
	staff_map *m = calloc(1, sizeof *m);
	if (!m)
		return staff_nomem(err);
	m->unit_id = p.unit_id;
	m->from_day = p.from_day;
	m->weeks = p.weeks;
	m->n_days = p.weeks * 7;
	size_t n_shifts = 0;
	rc = staff_shift_types_list(d, p.unit_id, &m->shifts, &n_shifts, err);
	m->n_shifts = (int)n_shifts;
	if (rc == OV_OK)
		rc = load_employees(d, &p, m, err);
	rota_roster *ro = NULL;
	if (rc == OV_OK) {
		ro = rota_roster_new(m->n_employees, m->n_days);
		if (!ro)
			rc = staff_nomem(err);
	}
	if (rc == OV_OK)
		rc = load_days(d, &p, m, ro, err);
	if (rc != OV_OK) {
		rota_roster_free(ro);
		staff_map_free(m);
		return rc;
	}
	*plan = p;
	*mapp = m;
	*roster = ro;
	return OV_OK;
}
