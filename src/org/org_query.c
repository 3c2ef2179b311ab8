/*
 * org_query.c - reading the organisation: units with staffing totals,
 * employees in their posts, a unit looked up by ansvar or name, and the
 * staffing summary for `ovttas status`. Called by cli/ (and web/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "base/ov_str.h"
#include "org.h"

#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

/* Room for item n of an array of elem-sized items: arr itself, or it
 * reallocated (the old one is then gone), or NULL when out of memory
 * (arr is then still valid). */
static void *grow(void *arr, size_t elem, size_t n, size_t *cap)
{
	if (n < *cap)
		return arr;
	size_t c = *cap ? *cap * 2 : 16;
	void *p = realloc(arr, c * elem);
	if (p)
		*cap = c;
	return p;
}

/* Status for a failed read: r is -1 (db error, err set) or -2 (out of
 * memory). */
static ov_status read_failed(int r, ov_err *err)
{
	return r == -2 ? OV_FAIL(err, OV_E_NOMEM, NULL, _("out of memory"))
		       : OV_E_DB;
}

static const char *const unit_sql =
	"SELECT u.id, u.municipality_id, m.code, m.name_nb, m.name_se, "
	"s.code, s.name_nb, s.name_se, u.ansvar, u.name_nb, u.name_se, "
	"coalesce(u.funksjon, ''), u.round_the_clock, "
	"(SELECT count(*) FROM position p WHERE p.unit_id = u.id), "
	"(SELECT count(*) FROM position p WHERE p.unit_id = u.id "
	" AND p.employee_id IS NULL), "
	"(SELECT coalesce(sum(p.fte_bp), 0) FROM position p "
	" WHERE p.unit_id = u.id), "
	"(SELECT coalesce(sum(p.fte_bp), 0) FROM position p "
	" WHERE p.unit_id = u.id AND p.employee_id IS NOT NULL), "
	"coalesce((SELECT e.given_name || ' ' || e.family_name "
	" FROM position p LEFT JOIN employee e ON e.id = p.employee_id "
	" WHERE p.unit_id = u.id ORDER BY p.id LIMIT 1), '') "
	"FROM unit u JOIN municipality m ON m.id = u.municipality_id "
	"JOIN sector s ON s.id = u.sector_id "
	"WHERE ($1 = 0 OR u.municipality_id = $1) "
	"ORDER BY m.code, s.id, u.ansvar";

static void read_unit(db_stmt *st, org_unit *u)
{
	memset(u, 0, sizeof *u);
	u->id = db_col_int(st, 0);
	u->municipality_id = db_col_int(st, 1);
	COPY(u->municipality_code, db_col_text(st, 2));
	COPY(u->municipality_nb, db_col_text(st, 3));
	COPY(u->municipality_se, db_col_text(st, 4));
	COPY(u->sector_code, db_col_text(st, 5));
	COPY(u->sector_nb, db_col_text(st, 6));
	COPY(u->sector_se, db_col_text(st, 7));
	COPY(u->ansvar, db_col_text(st, 8));
	COPY(u->name_nb, db_col_text(st, 9));
	COPY(u->name_se, db_col_text(st, 10));
	COPY(u->funksjon, db_col_text(st, 11));
	u->round_the_clock = db_col_int(st, 12) != 0;
	u->positions = (int)db_col_int(st, 13);
	u->vacancies = (int)db_col_int(st, 14);
	u->fte_bp = db_col_int(st, 15);
	u->filled_fte_bp = db_col_int(st, 16);
	COPY(u->leader, db_col_text(st, 17));
}

ov_status org_units_list(db *d, int64_t municipality_id, org_unit **out,
			 size_t *n, ov_err *err)
{
	*out = NULL;
	*n = 0;
	db_stmt *st;
	ov_status rc = db_prepare(d, unit_sql, &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, municipality_id);
	size_t cap = 0;
	int r;
	while ((r = db_step(st, err)) == 1) {
		org_unit *p = grow(*out, sizeof **out, *n, &cap);
		if (!p) {
			r = -2;
			break;
		}
		*out = p;
		read_unit(st, &p[(*n)++]);
	}
	db_finalize(st);
	if (r < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return read_failed(r, err);
	}
	return OV_OK;
}


ov_status org_unit_find(db *d, int64_t municipality_id, const char *text,
			org_unit *out, ov_err *err)
{
	org_unit *all;
	size_t n;
	ov_status rc = org_units_list(d, municipality_id, &all, &n, err);
	if (rc != OV_OK)
		return rc;
	char want[256], a[256], b[256];
	ov_utf8_fold(text, want, sizeof want);
	size_t found = 0, first = 0;
	ov_buf where = OV_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		ov_utf8_fold(all[i].name_nb, a, sizeof a);
		ov_utf8_fold(all[i].name_se, b, sizeof b);
		if (strcmp(want, all[i].ansvar) && strcmp(want, a) &&
		    strcmp(want, b))
			continue;
		if (!found++)
			first = i;
		ov_buf_printf(&where, "%s%s %s (%s)", found > 1 ? ", " : "",
			      all[i].ansvar,
			      ov_i18n_pick(all[i].name_nb, all[i].name_se),
			      ov_i18n_pick(all[i].municipality_nb,
					   all[i].municipality_se));
	}
	if (found == 1) {
		*out = all[first];
		rc = OV_OK;
	} else if (found > 1) {
		rc = OV_FAIL(err, OV_E_USAGE, "--unit",
			     _("'%s' matches more than one unit: %s; add "
			       "--municipality"),
			     text, ov_buf_str(&where));
	} else {
		rc = OV_FAIL(err, OV_E_NOTFOUND, "--unit",
			     _("no unit '%s'; give an ansvar code or "
			       "a unit name (see 'ovttas org units')"),
			     text);
	}
	ov_buf_free(&where);
	free(all);
	return rc;
}

static const char *const employee_sql =
	"SELECT e.id, p.id, u.id, m.id, m.code, m.name_nb, m.name_se, "
	"e.employee_no, e.given_name, e.family_name, "
	"coalesce(e.birth_year, 0), e.sami_proficiency, s.code, u.ansvar, "
	"u.name_nb, u.name_se, p.title_nb, p.title_se, p.fte_bp, "
	"p.competence "
	"FROM position p JOIN employee e ON e.id = p.employee_id "
	"JOIN unit u ON u.id = p.unit_id "
	"JOIN sector s ON s.id = u.sector_id "
	"JOIN municipality m ON m.id = u.municipality_id "
	"WHERE ($1 = 0 OR u.municipality_id = $1) "
	"AND ($2 = 0 OR u.id = $2) "
	"AND ($3 = 0 OR e.id = $3) "
	"ORDER BY m.code, s.id, u.ansvar, e.family_name, e.given_name, "
	"e.employee_no, p.id";

static void read_employee(db_stmt *st, org_employee *e)
{
	memset(e, 0, sizeof *e);
	e->employee_id = db_col_int(st, 0);
	e->position_id = db_col_int(st, 1);
	e->unit_id = db_col_int(st, 2);
	e->municipality_id = db_col_int(st, 3);
	COPY(e->municipality_code, db_col_text(st, 4));
	COPY(e->municipality_nb, db_col_text(st, 5));
	COPY(e->municipality_se, db_col_text(st, 6));
	COPY(e->employee_no, db_col_text(st, 7));
	COPY(e->given_name, db_col_text(st, 8));
	COPY(e->family_name, db_col_text(st, 9));
	e->birth_year = (int)db_col_int(st, 10);
	e->sami_proficiency = (int)db_col_int(st, 11);
	COPY(e->sector_code, db_col_text(st, 12));
	COPY(e->ansvar, db_col_text(st, 13));
	COPY(e->unit_nb, db_col_text(st, 14));
	COPY(e->unit_se, db_col_text(st, 15));
	COPY(e->title_nb, db_col_text(st, 16));
	COPY(e->title_se, db_col_text(st, 17));
	e->fte_bp = (int)db_col_int(st, 18);
	COPY(e->competence, db_col_text(st, 19));
}

/* The rows of employee_sql for the three filters (0 = any). */
static ov_status list_posts(db *d, int64_t municipality_id, int64_t unit_id,
			    int64_t employee_id, org_employee **out, size_t *n,
			    ov_err *err)
{
	*out = NULL;
	*n = 0;
	db_stmt *st;
	ov_status rc = db_prepare(d, employee_sql, &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, municipality_id);
	db_bind_int(st, 2, unit_id);
	db_bind_int(st, 3, employee_id);
	size_t cap = 0;
	int r;
	while ((r = db_step(st, err)) == 1) {
		org_employee *p = grow(*out, sizeof **out, *n, &cap);
		if (!p) {
			r = -2;
			break;
		}
		*out = p;
		read_employee(st, &p[(*n)++]);
	}
	db_finalize(st);
	if (r < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return read_failed(r, err);
	}
	return OV_OK;
}

ov_status org_employees_list(db *d, int64_t municipality_id, int64_t unit_id,
			     org_employee **out, size_t *n, ov_err *err)
{
	return list_posts(d, municipality_id, unit_id, 0, out, n, err);
}

ov_status org_employee_posts(db *d, int64_t employee_id, org_employee **out,
			     size_t *n, ov_err *err)
{
	return list_posts(d, 0, 0, employee_id, out, n, err);
}

/* Runs a query with $1 = municipality id and reads up to 4 integers of
 * its one row. */
static ov_status scalars(db *d, const char *sql, int64_t municipality_id,
			 int64_t *v, int nv, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d, sql, &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, municipality_id);
	int r = db_step(st, err);
	for (int i = 0; i < nv; i++)
		v[i] = r == 1 ? db_col_int(st, i) : 0;
	db_finalize(st);
	return r < 0 ? OV_E_DB : OV_OK;
}

ov_status org_summary_get(db *d, int64_t municipality_id, org_summary *out,
			  ov_err *err)
{
	memset(out, 0, sizeof *out);
	out->municipality_id = municipality_id;
	int64_t v[4];
	ov_status rc = scalars(d,
			       "SELECT count(*) FROM unit "
			       "WHERE ($1 = 0 OR municipality_id = $1)",
			       municipality_id, v, 1, err);
	if (rc != OV_OK)
		return rc;
	out->units = (int)v[0];
	rc = scalars(d,
		     "SELECT count(*), coalesce(sum(CASE WHEN "
		     "sami_proficiency >= 2 THEN 1 ELSE 0 END), 0) "
		     "FROM employee WHERE ($1 = 0 OR municipality_id = $1)",
		     municipality_id, v, 2, err);
	if (rc != OV_OK)
		return rc;
	out->employees = (int)v[0];
	out->sami_speakers = (int)v[1];
	rc = scalars(d,
		     "SELECT coalesce(sum(CASE WHEN p.employee_id IS NULL "
		     "THEN 0 ELSE 1 END), 0), "
		     "coalesce(sum(CASE WHEN p.employee_id IS NULL "
		     "THEN 1 ELSE 0 END), 0), "
		     "coalesce(sum(CASE WHEN p.employee_id IS NULL "
		     "THEN 0 ELSE p.fte_bp END), 0), "
		     "coalesce(sum(CASE WHEN p.employee_id IS NOT NULL "
		     "AND p.fte_bp = 10000 THEN 1 ELSE 0 END), 0) "
		     "FROM position p JOIN unit u ON u.id = p.unit_id "
		     "WHERE ($1 = 0 OR u.municipality_id = $1)",
		     municipality_id, v, 4, err);
	if (rc != OV_OK)
		return rc;
	out->filled_positions = (int)v[0];
	out->vacant_positions = (int)v[1];
	out->filled_fte_bp = v[2];
	out->fulltime_positions = (int)v[3];
	if (out->filled_positions)
		out->fulltime_permille =
			(int)((v[3] * 1000 + v[0] / 2) / v[0]);
	rc = scalars(d,
		     "SELECT count(DISTINCT p.employee_id) FROM position p "
		     "JOIN unit u ON u.id = p.unit_id "
		     "WHERE p.competence = 'nurse' "
		     "AND p.employee_id IS NOT NULL "
		     "AND ($1 = 0 OR u.municipality_id = $1)",
		     municipality_id, v, 1, err);
	if (rc != OV_OK)
		return rc;
	out->nurses = (int)v[0];
	return OV_OK;
}

const char *org_competence_label(const char *code)
{
	if (!strcmp(code, "nurse"))
		return _("nurse");
	if (!strcmp(code, "health_worker"))
		return _("health worker");
	if (!strcmp(code, "unskilled"))
		return _("unskilled");
	if (!strcmp(code, "other"))
		return _("other");
	return code;
}

const char *org_proficiency_label(int level)
{
	switch (level) {
	case 0:
		return _("none");
	case 1:
		return _("understands");
	case 2:
		return _("speaks");
	case 3:
		return _("writes");
	}
	return "?";
}
