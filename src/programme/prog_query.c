/*
 * prog_query.c - reads the change programme from the store: the whole
 * tree for `ovttas programme show` (prog_get) and the counts for
 * `ovttas status` (prog_summary_get).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "base/ov_str.h"
#include "prog.h"

/* State of one prog_get: the first allocation failure sticks in oom, so
 * the readers below stay linear and the caller checks once. */
typedef struct {
	db *d;
	ov_err *err;
	int oom;
} loader;

static char *col(loader *l, db_stmt *st, int i)
{
	char *s = ov_strdup(db_col_text(st, i));
	if (!s)
		l->oom = 1;
	return s;
}

/* Appends a zeroed element to *arr (n elements, capacity *cap); returns
 * it, or NULL (and sets oom) when memory runs out. */
static void *grow(loader *l, void **arr, size_t *n, size_t *cap, size_t size)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 8;
		void *p = realloc(*arr, c * size);
		if (!p) {
			l->oom = 1;
			return NULL;
		}
		*arr = p;
		*cap = c;
	}
	char *e = (char *)*arr + *n * size;
	memset(e, 0, size);
	(*n)++;
	return e;
}

static ov_status day_col(loader *l, db_stmt *st, int i, ov_day *out)
{
	const char *s = db_col_text(st, i);
	if (ov_date_parse(s, out) != 0)
		return OV_FAIL(l->err, OV_E_DB, NULL,
			       _("the database holds an invalid date '%s'"), s);
	return OV_OK;
}

/* Prepares sql with the programme id bound to $1. */
static ov_status prep(loader *l, const char *sql, int64_t prog_id,
		      db_stmt **st)
{
	ov_status rc = db_prepare(l->d, sql, st, l->err);
	if (rc == OV_OK)
		db_bind_int(*st, 1, prog_id);
	return rc;
}

static ov_status finish(loader *l, db_stmt *st, int step)
{
	db_finalize(st);
	if (step < 0)
		return l->err ? l->err->code : OV_E_DB;
	if (l->oom)
		return OV_FAIL(l->err, OV_E_NOMEM, NULL, _("out of memory"));
	return OV_OK;
}

static ov_status load_head(loader *l, const char *code, prog_programme *p)
{
	static const char *const base =
		"SELECT p.id, p.code, m.code, m.name_nb, m.name_se, "
		"p.name_nb, p.name_se, p.purpose_nb, p.purpose_se, "
		"p.starts_on, p.ends_on FROM programme p "
		"JOIN municipality m ON m.id = p.municipality_id ";
	ov_buf sql = OV_BUF_INIT;
	ov_buf_printf(&sql, "%s%s ORDER BY p.id LIMIT 1", base,
		      code ? "WHERE p.code = $1" : "");
	db_stmt *st;
	ov_status rc = db_prepare(l->d, ov_buf_str(&sql), &st, l->err);
	ov_buf_free(&sql);
	if (rc != OV_OK)
		return rc;
	if (code)
		db_bind_text(st, 1, code);
	int step = db_step(st, l->err);
	if (step == 0) {
		db_finalize(st);
		if (code)
			return OV_FAIL(l->err, OV_E_NOTFOUND, NULL,
				       _("there is no programme with code "
					 "'%s'"),
				       code);
		return OV_FAIL(l->err, OV_E_NOTFOUND, NULL,
			       _("the database holds no change programme; "
				 "'ovttas init --demo' creates one"));
	}
	if (step > 0) {
		p->id = db_col_int(st, 0);
		p->code = col(l, st, 1);
		p->municipality_code = col(l, st, 2);
		p->municipality_nb = col(l, st, 3);
		p->municipality_se = col(l, st, 4);
		p->name_nb = col(l, st, 5);
		p->name_se = col(l, st, 6);
		p->purpose_nb = col(l, st, 7);
		p->purpose_se = col(l, st, 8);
		if (day_col(l, st, 9, &p->starts_on) != OV_OK ||
		    day_col(l, st, 10, &p->ends_on) != OV_OK) {
			db_finalize(st);
			return l->err ? l->err->code : OV_E_DB;
		}
	}
	return finish(l, st, step);
}

static ov_status load_stages(loader *l, prog_programme *p)
{
	db_stmt *st;
	ov_status rc = prep(l,
			    "SELECT id, number, code, name_nb, name_se, "
			    "starts_on, ends_on FROM programme_stage "
			    "WHERE programme_id = $1 ORDER BY number",
			    p->id, &st);
	if (rc != OV_OK)
		return rc;
	size_t cap = 0;
	int step;
	while ((step = db_step(st, l->err)) > 0) {
		prog_stage *s = grow(l, (void **)&p->stages, &p->nstages, &cap,
				     sizeof *s);
		if (!s)
			break;
		s->id = db_col_int(st, 0);
		s->number = (int)db_col_int(st, 1);
		s->code = col(l, st, 2);
		s->name_nb = col(l, st, 3);
		s->name_se = col(l, st, 4);
		if (day_col(l, st, 5, &s->starts_on) != OV_OK ||
		    day_col(l, st, 6, &s->ends_on) != OV_OK) {
			db_finalize(st);
			return l->err ? l->err->code : OV_E_DB;
		}
	}
	return finish(l, st, step);
}

static ov_status load_challenges(loader *l, prog_programme *p)
{
	db_stmt *st;
	ov_status rc = prep(l,
			    "SELECT id, number, name_nb, name_se FROM "
			    "challenge WHERE programme_id = $1 ORDER BY number",
			    p->id, &st);
	if (rc != OV_OK)
		return rc;
	size_t cap = 0;
	int step;
	while ((step = db_step(st, l->err)) > 0) {
		prog_challenge *c = grow(l, (void **)&p->challenges,
					 &p->nchallenges, &cap, sizeof *c);
		if (!c)
			break;
		c->id = db_col_int(st, 0);
		c->number = (int)db_col_int(st, 1);
		c->name_nb = col(l, st, 2);
		c->name_se = col(l, st, 3);
	}
	return finish(l, st, step);
}

static prog_subproject *find_sub(prog_programme *p, int64_t id)
{
	for (size_t i = 0; i < p->nsubprojects; i++)
		if (p->subprojects[i].id == id)
			return &p->subprojects[i];
	return NULL;
}

static ov_status load_subprojects(loader *l, prog_programme *p)
{
	db_stmt *st;
	ov_status rc = prep(l,
			    "SELECT s.id, s.code, coalesce(c.code, ''), "
			    "s.name_nb, s.name_se FROM subproject s "
			    "LEFT JOIN sector c ON c.id = s.sector_id "
			    "WHERE s.programme_id = $1 ORDER BY s.id",
			    p->id, &st);
	if (rc != OV_OK)
		return rc;
	size_t cap = 0;
	int step;
	while ((step = db_step(st, l->err)) > 0) {
		prog_subproject *s = grow(l, (void **)&p->subprojects,
					  &p->nsubprojects, &cap, sizeof *s);
		if (!s)
			break;
		s->id = db_col_int(st, 0);
		s->code = col(l, st, 1);
		s->sector_code = col(l, st, 2);
		s->name_nb = col(l, st, 3);
		s->name_se = col(l, st, 4);
	}
	return finish(l, st, step);
}

static ov_status load_goals(loader *l, prog_programme *p)
{
	db_stmt *st;
	ov_status rc = prep(
		l,
		"SELECT g.subproject_id, g.id, g.number, "
		"coalesce(c.number, 0), g.area_nb, g.area_se, g.text_nb, "
		"g.text_se, coalesce(g.indicator_nb, ''), "
		"coalesce(g.indicator_se, ''), coalesce(g.baseline, ''), "
		"coalesce(g.target, '') FROM effect_goal g "
		"JOIN subproject s ON s.id = g.subproject_id "
		"LEFT JOIN challenge c ON c.id = g.challenge_id "
		"WHERE s.programme_id = $1 ORDER BY g.subproject_id, g.number",
		p->id, &st);
	if (rc != OV_OK)
		return rc;
	/* Rows arrive grouped by sub-project, so one capacity suffices. */
	prog_subproject *cur = NULL;
	size_t cap = 0;
	int step;
	while ((step = db_step(st, l->err)) > 0) {
		prog_subproject *s = find_sub(p, db_col_int(st, 0));
		if (!s)
			continue;
		if (s != cur) {
			cur = s;
			cap = 0;
		}
		prog_goal *g = grow(l, (void **)&s->goals, &s->ngoals, &cap,
				    sizeof *g);
		if (!g)
			break;
		g->id = db_col_int(st, 1);
		g->number = (int)db_col_int(st, 2);
		g->challenge = (int)db_col_int(st, 3);
		g->area_nb = col(l, st, 4);
		g->area_se = col(l, st, 5);
		g->text_nb = col(l, st, 6);
		g->text_se = col(l, st, 7);
		g->indicator_nb = col(l, st, 8);
		g->indicator_se = col(l, st, 9);
		g->baseline = col(l, st, 10);
		g->target = col(l, st, 11);
	}
	return finish(l, st, step);
}

static ov_status load_measures(loader *l, prog_programme *p)
{
	db_stmt *st;
	ov_status rc = prep(
		l,
		"SELECT m.subproject_id, m.id, m.number, t.number, "
		"coalesce(c.number, 0), m.text_nb, m.text_se, "
		"coalesce(m.owner_employee_id, 0), "
		"coalesce(e.given_name || ' ' || e.family_name, ''), "
		"coalesce(m.deadline, ''), m.status FROM measure m "
		"JOIN subproject s ON s.id = m.subproject_id "
		"JOIN programme_stage t ON t.id = m.stage_id "
		"LEFT JOIN challenge c ON c.id = m.challenge_id "
		"LEFT JOIN employee e ON e.id = m.owner_employee_id "
		"WHERE s.programme_id = $1 ORDER BY m.subproject_id, m.number",
		p->id, &st);
	if (rc != OV_OK)
		return rc;
	prog_subproject *cur = NULL;
	size_t cap = 0;
	int step;
	while ((step = db_step(st, l->err)) > 0) {
		prog_subproject *s = find_sub(p, db_col_int(st, 0));
		if (!s)
			continue;
		if (s != cur) {
			cur = s;
			cap = 0;
		}
		prog_measure *m = grow(l, (void **)&s->measures, &s->nmeasures,
				       &cap, sizeof *m);
		if (!m)
			break;
		m->id = db_col_int(st, 1);
		m->number = (int)db_col_int(st, 2);
		m->stage = (int)db_col_int(st, 3);
		m->challenge = (int)db_col_int(st, 4);
		m->text_nb = col(l, st, 5);
		m->text_se = col(l, st, 6);
		m->owner_id = db_col_int(st, 7);
		m->owner = col(l, st, 8);
		m->deadline = col(l, st, 9);
		m->status = col(l, st, 10);
	}
	return finish(l, st, step);
}

static ov_status load_groups(loader *l, prog_programme *p)
{
	db_stmt *st;
	ov_status rc = prep(
		l,
		"SELECT g.id, g.kind, coalesce(s.code, ''), g.name_nb, "
		"g.name_se, g.mandate_nb, g.mandate_se, "
		"coalesce(g.leader_employee_id, 0), "
		"coalesce(e.given_name || ' ' || e.family_name, ''), "
		"coalesce(g.established_on, '') FROM work_group g "
		"LEFT JOIN subproject s ON s.id = g.subproject_id "
		"LEFT JOIN employee e ON e.id = g.leader_employee_id "
		"WHERE g.programme_id = $1 "
		"ORDER BY CASE g.kind WHEN 'working' THEN 0 ELSE 1 END, g.id",
		p->id, &st);
	if (rc != OV_OK)
		return rc;
	size_t cap = 0;
	int step;
	while ((step = db_step(st, l->err)) > 0) {
		prog_group *g = grow(l, (void **)&p->groups, &p->ngroups, &cap,
				     sizeof *g);
		if (!g)
			break;
		g->id = db_col_int(st, 0);
		g->kind = col(l, st, 1);
		g->subproject_code = col(l, st, 2);
		g->name_nb = col(l, st, 3);
		g->name_se = col(l, st, 4);
		g->mandate_nb = col(l, st, 5);
		g->mandate_se = col(l, st, 6);
		g->leader_id = db_col_int(st, 7);
		g->leader = col(l, st, 8);
		g->established_on = col(l, st, 9);
	}
	return finish(l, st, step);
}

static ov_status load_members(loader *l, prog_programme *p)
{
	db_stmt *st;
	ov_status rc = prep(
		l,
		"SELECT m.group_id, coalesce(m.employee_id, 0), "
		"coalesce(e.given_name || ' ' || e.family_name, "
		"m.external_name, ''), m.member_role FROM group_member m "
		"JOIN work_group g ON g.id = m.group_id "
		"LEFT JOIN employee e ON e.id = m.employee_id "
		"WHERE g.programme_id = $1 AND m.member_role <> 'leader' "
		"ORDER BY m.group_id, m.id",
		p->id, &st);
	if (rc != OV_OK)
		return rc;
	prog_group *cur = NULL;
	size_t cap = 0;
	int step;
	while ((step = db_step(st, l->err)) > 0) {
		int64_t gid = db_col_int(st, 0);
		prog_group *g = NULL;
		for (size_t i = 0; i < p->ngroups && !g; i++)
			if (p->groups[i].id == gid)
				g = &p->groups[i];
		if (!g)
			continue;
		if (g != cur) {
			cur = g;
			cap = 0;
		}
		prog_member *m = grow(l, (void **)&g->members, &g->nmembers,
				      &cap, sizeof *m);
		if (!m)
			break;
		m->employee_id = db_col_int(st, 1);
		m->name = col(l, st, 2);
		m->role = col(l, st, 3);
	}
	return finish(l, st, step);
}

ov_status prog_get(db *d, const char *code, prog_programme **out,
		   ov_err *err)
{
	*out = NULL;
	prog_programme *p = calloc(1, sizeof *p);
	if (!p)
		return OV_FAIL(err, OV_E_NOMEM, NULL, _("out of memory"));
	loader l = {d, err, 0};
	ov_status rc = load_head(&l, code, p);
	if (rc == OV_OK)
		rc = load_stages(&l, p);
	if (rc == OV_OK)
		rc = load_challenges(&l, p);
	if (rc == OV_OK)
		rc = load_subprojects(&l, p);
	if (rc == OV_OK)
		rc = load_goals(&l, p);
	if (rc == OV_OK)
		rc = load_measures(&l, p);
	if (rc == OV_OK)
		rc = load_groups(&l, p);
	if (rc == OV_OK)
		rc = load_members(&l, p);
	if (rc != OV_OK) {
		prog_free(p);
		return rc;
	}
	*out = p;
	return OV_OK;
}

void prog_free(prog_programme *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nstages; i++) {
		free(p->stages[i].code);
		free(p->stages[i].name_nb);
		free(p->stages[i].name_se);
	}
	free(p->stages);
	for (size_t i = 0; i < p->nchallenges; i++) {
		free(p->challenges[i].name_nb);
		free(p->challenges[i].name_se);
	}
	free(p->challenges);
	for (size_t i = 0; i < p->nsubprojects; i++) {
		prog_subproject *s = &p->subprojects[i];
		for (size_t j = 0; j < s->ngoals; j++) {
			prog_goal *g = &s->goals[j];
			free(g->area_nb);
			free(g->area_se);
			free(g->text_nb);
			free(g->text_se);
			free(g->indicator_nb);
			free(g->indicator_se);
			free(g->baseline);
			free(g->target);
		}
		free(s->goals);
		for (size_t j = 0; j < s->nmeasures; j++) {
			prog_measure *m = &s->measures[j];
			free(m->text_nb);
			free(m->text_se);
			free(m->owner);
			free(m->deadline);
			free(m->status);
		}
		free(s->measures);
		free(s->code);
		free(s->sector_code);
		free(s->name_nb);
		free(s->name_se);
	}
	free(p->subprojects);
	for (size_t i = 0; i < p->ngroups; i++) {
		prog_group *g = &p->groups[i];
		for (size_t j = 0; j < g->nmembers; j++) {
			free(g->members[j].name);
			free(g->members[j].role);
		}
		free(g->members);
		free(g->kind);
		free(g->subproject_code);
		free(g->name_nb);
		free(g->name_se);
		free(g->mandate_nb);
		free(g->mandate_se);
		free(g->leader);
		free(g->established_on);
	}
	free(p->groups);
	free(p->code);
	free(p->municipality_code);
	free(p->municipality_nb);
	free(p->municipality_se);
	free(p->name_nb);
	free(p->name_se);
	free(p->purpose_nb);
	free(p->purpose_se);
	free(p);
}

int prog_stage_at(const prog_programme *p, ov_day today)
{
	for (size_t i = 0; i < p->nstages; i++)
		if (p->stages[i].starts_on <= today &&
		    today <= p->stages[i].ends_on)
			return p->stages[i].number;
	return 0;
}

const prog_stage *prog_stage_find(const prog_programme *p, int number)
{
	for (size_t i = 0; i < p->nstages; i++)
		if (p->stages[i].number == number)
			return &p->stages[i];
	return NULL;
}

const prog_challenge *prog_challenge_find(const prog_programme *p,
					  int number)
{
	for (size_t i = 0; i < p->nchallenges; i++)
		if (p->challenges[i].number == number)
			return &p->challenges[i];
	return NULL;
}

/* Runs a "key, count" query for the summary and hands each row to add. */
static ov_status count_by(db *d, const char *sql, int64_t prog_id,
			  prog_summary *s,
			  void (*add)(prog_summary *, const char *, int),
			  ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d, sql, &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, prog_id);
	int step;
	while ((step = db_step(st, err)) > 0)
		add(s, db_col_text(st, 0), (int)db_col_int(st, 1));
	db_finalize(st);
	return step < 0 ? OV_E_DB : OV_OK;
}

static void add_status(prog_summary *s, const char *status, int n)
{
	s->measures_total += n;
	if (!strcmp(status, "done"))
		s->measures_done += n;
	else if (!strcmp(status, "ongoing"))
		s->measures_ongoing += n;
	else if (!strcmp(status, "late"))
		s->measures_late += n;
	else if (!strcmp(status, "planned"))
		s->measures_planned += n;
	else if (!strcmp(status, "cancelled"))
		s->measures_cancelled += n;
}

static void add_kind(prog_summary *s, const char *kind, int n)
{
	if (!strcmp(kind, "working"))
		s->working_groups += n;
	else if (!strcmp(kind, "reference"))
		s->reference_groups += n;
}

ov_status prog_summary_get(db *d, prog_summary *out, ov_err *err)
{
	memset(out, 0, sizeof *out);
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "SELECT id, code, name_nb, name_se, "
				  "starts_on, ends_on, municipality_id FROM "
				  "programme ORDER BY id LIMIT 1",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	int step = db_step(st, err);
	if (step <= 0) {
		db_finalize(st);
		if (step < 0)
			return OV_E_DB;
		return OV_FAIL(err, OV_E_NOTFOUND, NULL,
			       _("the database holds no change programme; "
				 "'ovttas init --demo' creates one"));
	}
	int64_t id = db_col_int(st, 0);
	out->municipality_id = db_col_int(st, 6);
	snprintf(out->code, sizeof out->code, "%s", db_col_text(st, 1));
	snprintf(out->name_nb, sizeof out->name_nb, "%s", db_col_text(st, 2));
	snprintf(out->name_se, sizeof out->name_se, "%s", db_col_text(st, 3));
	int bad = ov_date_parse(db_col_text(st, 4), &out->starts_on) != 0
			  ? 4
		  : ov_date_parse(db_col_text(st, 5), &out->ends_on) != 0
			  ? 5
			  : 0;
	if (bad) {
		OV_FAIL(err, OV_E_DB, NULL,
			_("the database holds an invalid date '%s'"),
			db_col_text(st, bad));
		db_finalize(st);
		return OV_E_DB;
	}
	db_finalize(st);

	rc = db_prepare(d,
			"SELECT number, starts_on, ends_on FROM "
			"programme_stage WHERE programme_id = $1 "
			"ORDER BY number",
			&st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, id);
	while ((step = db_step(st, err)) > 0) {
		int n = (int)db_col_int(st, 0);
		if (n < 1 || n > PROG_MAX_STAGES)
			continue;
		bad = ov_date_parse(db_col_text(st, 1),
					&out->stage_starts[n - 1]) != 0
				  ? 1
			  : ov_date_parse(db_col_text(st, 2),
					  &out->stage_ends[n - 1]) != 0
				  ? 2
				  : 0;
		if (bad) {
			OV_FAIL(err, OV_E_DB, NULL,
				_("the database holds an invalid date '%s'"),
				db_col_text(st, bad));
			db_finalize(st);
			return OV_E_DB;
		}
		if (n > out->nstages)
			out->nstages = n;
	}
	db_finalize(st);
	if (step < 0)
		return OV_E_DB;

	rc = count_by(d,
		      "SELECT m.status, count(*) FROM measure m "
		      "JOIN subproject s ON s.id = m.subproject_id "
		      "WHERE s.programme_id = $1 GROUP BY m.status",
		      id, out, add_status, err);
	if (rc == OV_OK)
		rc = count_by(d,
			      "SELECT kind, count(*) FROM work_group "
			      "WHERE programme_id = $1 GROUP BY kind",
			      id, out, add_kind, err);
	return rc;
}

int prog_summary_stage_at(const prog_summary *s, ov_day today)
{
	for (int i = 0; i < s->nstages; i++)
		if (s->stage_starts[i] <= today && today <= s->stage_ends[i])
			return i + 1;
	return 0;
}
