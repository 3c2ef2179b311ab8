/*
 * staff_problem.c - builds the rota engine's problem for a unit from its
 * shift types, bemanningsplan and employees, with the map from engine
 * indexes back to the database. Called by cli/ and web/ (later) before
 * rota_solve, and by staff_store_rota's callers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "base/ov_str.h"
#include "staff_int.h"

/* Cover weights (see staff.h): a missing person below the minimum is
 * worse than anything else the roster can do; a missing Sámi speaker
 * is serious but second; the preferred level and overstaffing only
 * steer between rosters that cover the minimum. */
enum {
	W_MIN = 1000,
	W_SAMI = 500,
	W_PREFERRED = 10,
	W_OVER = 5,
};

/* Working-time rules (see staff.h). */
enum {
	MAX_CONSECUTIVE = 5,
	MIN_DAYS_OFF = 2,
	/* posts this large or larger work at least two days in a row */
	PAIR_FTE_BP = 5000,
};

void staff_map_free(staff_map *m)
{
	if (!m)
		return;
	free(m->employees);
	free(m->shifts);
	free(m);
}

static int comp_rank(const char *c)
{
	if (!strcmp(c, "nurse"))
		return 3;
	if (!strcmp(c, "health_worker"))
		return 2;
	if (!strcmp(c, "unskilled"))
		return 1;
	return 0;
}

static unsigned skills_of(const char *competence, int sami_speaker)
{
	unsigned s = 0;
	if (!strcmp(competence, "nurse"))
		s |= ROTA_SKILL_NURSE | ROTA_SKILL_HEALTH;
	else if (!strcmp(competence, "health_worker"))
		s |= ROTA_SKILL_HEALTH;
	if (sami_speaker)
		s |= ROTA_SKILL_SAMI;
	return s;
}

/* The unit's first post (its leader's), or 0. org.h states the
 * convention but has no call for the post's id, so read it here. */
static ov_status leader_post(db *d, int64_t unit_id, int64_t *id, ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "SELECT coalesce(min(id), 0) FROM position "
				  "WHERE unit_id = $1",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, unit_id);
	return db_first_int(st, id, err);
}

ov_status staff_rota_staff(db *d, int64_t unit_id, int weeks,
			   staff_map_employee **out, int *n, ov_err *err)
{
	*out = NULL;
	*n = 0;
	int64_t leader = 0;
	org_employee *rows = NULL;
	size_t nrows = 0;
	ov_status rc = leader_post(d, unit_id, &leader, err);
	if (rc == OV_OK)
		rc = org_employees_list(d, 0, unit_id, &rows, &nrows, err);
	if (rc != OV_OK)
		return rc;
	staff_map_employee *emps = calloc(nrows ? nrows : 1, sizeof *emps);
	if (!emps) {
		free(rows);
		return staff_nomem(err);
	}
	int cnt = 0;
	for (size_t i = 0; i < nrows; i++) {
		const org_employee *r = &rows[i];
		if (r->position_id == leader)
			continue;
		int j = 0;
		while (j < cnt && emps[j].employee_id != r->employee_id)
			j++;
		staff_map_employee *e = &emps[j];
		if (j == cnt) {
			cnt++;
			e->employee_id = r->employee_id;
			STAFF_COPY(e->employee_no, r->employee_no);
			STAFF_COPY(e->given_name, r->given_name);
			STAFF_COPY(e->family_name, r->family_name);
			STAFF_COPY(e->competence, r->competence);
			e->sami_speaker = r->sami_proficiency >= 2;
		} else if (comp_rank(r->competence) >
			   comp_rank(e->competence)) {
			STAFF_COPY(e->competence, r->competence);
		}
		e->fte_bp += r->fte_bp;
		if (e->fte_bp > 10000)
			e->fte_bp = 10000;
	}
	free(rows);
	for (int j = 0; j < cnt; j++) {
		staff_map_employee *e = &emps[j];
		e->skills = skills_of(e->competence, e->sami_speaker);
		e->target_minutes =
			(int)(((int64_t)e->fte_bp * STAFF_WEEK_MINUTES * weeks +
			       5000) /
			      10000);
	}
	*out = emps;
	*n = cnt;
	return OV_OK;
}

static rota_category category_of(const char *c)
{
	if (!strcmp(c, "day"))
		return ROTA_CAT_DAY;
	if (!strcmp(c, "evening"))
		return ROTA_CAT_EVENING;
	if (!strcmp(c, "night"))
		return ROTA_CAT_NIGHT;
	if (!strcmp(c, "long"))
		return ROTA_CAT_LONG;
	return ROTA_CAT_OTHER;
}

static int shift_pos(const staff_map *m, int64_t shift_type_id)
{
	for (int s = 0; s < m->n_shifts; s++)
		if (m->shifts[s].id == shift_type_id)
			return s;
	return -1;
}

/* OV_E_INPUT if a need asks for a skill nobody in the rota has. */
static ov_status check_skills(const org_unit *u, const staff_map *m,
			      const staff_need *needs, size_t n_needs,
			      ov_err *err)
{
	unsigned have = 0;
	for (int e = 0; e < m->n_employees; e++)
		have |= m->employees[e].skills;
	for (size_t i = 0; i < n_needs; i++) {
		const staff_need *x = &needs[i];
		if (x->preferred_count == 0)
			continue;
		int s = shift_pos(m, x->shift_type_id);
		const char *name = s >= 0 ? ov_i18n_pick(m->shifts[s].name_nb,
							 m->shifts[s].name_se)
					  : x->shift_code;
		const char *day = ov_i18n_weekday(x->weekday);
		if (!strcmp(x->skill, STAFF_SKILL_NURSE) &&
		    !(have & ROTA_SKILL_NURSE))
			return OV_FAIL(err, OV_E_INPUT, "staffing_need",
				       _("%s (%s) on %s needs a nurse, but no "
					 "one in the rota of unit %s is a "
					 "nurse"),
				       name, x->shift_code, day, u->ansvar);
		if (!strcmp(x->skill, STAFF_SKILL_HEALTH) &&
		    !(have & ROTA_SKILL_HEALTH))
			return OV_FAIL(err, OV_E_INPUT, "staffing_need",
				       _("%s (%s) on %s needs a health "
					 "worker, but no one in the rota of "
					 "unit %s is a health worker or "
					 "nurse"),
				       name, x->shift_code, day, u->ansvar);
		if (!strcmp(x->skill, STAFF_SKILL_SAMI) &&
		    !(have & ROTA_SKILL_SAMI))
			return OV_FAIL(err, OV_E_INPUT, "staffing_need",
				       _("%s (%s) on %s needs a Northern Sámi "
					 "speaker, but no one in the rota of "
					 "unit %s speaks Northern Sámi"),
				       name, x->shift_code, day, u->ansvar);
	}
	return OV_OK;
}

/*
 * Every third weekend when the people can cover the weekends' minimum
 * staffing that way (each working both days of their weekends), else
 * every other: a coarse bound, but the one planners use to decide.
 */
static int max_weekends(const staff_map *m, const staff_need *needs,
			size_t n_needs)
{
	int64_t weekend = 0;
	for (size_t i = 0; i < n_needs; i++)
		if (needs[i].weekday >= 5 &&
		    !strcmp(needs[i].skill, STAFF_SKILL_ANY))
			weekend += needs[i].min_count;
	int third = (m->weeks + 2) / 3, half = (m->weeks + 1) / 2;
	if ((int64_t)m->n_employees * 2 * third >= weekend * m->weeks)
		return third;
	return half;
}

/* Appends one cover row; -1 when out of memory. */
static int add_cover(rota_problem *p, size_t *cap, int day, int shift,
		     unsigned skills, int need, int under, int over)
{
	rota_cover *g = staff_grow(p->cover, sizeof *p->cover,
				   (size_t)p->n_cover, cap);
	if (!g)
		return -1;
	p->cover = g;
	p->cover[p->n_cover++] =
		(rota_cover){day, shift, skills, need, under, over};
	return 0;
}

static unsigned skill_mask(const char *skill)
{
	if (!strcmp(skill, STAFF_SKILL_NURSE))
		return ROTA_SKILL_NURSE;
	if (!strcmp(skill, STAFF_SKILL_HEALTH))
		return ROTA_SKILL_HEALTH;
	if (!strcmp(skill, STAFF_SKILL_SAMI))
		return ROTA_SKILL_SAMI;
	return 0;
}

static int add_day_cover(rota_problem *p, size_t *cap, const staff_map *m,
			 const staff_need *needs, size_t n_needs, int day,
			 int wd)
{
	for (int s = 0; s < m->n_shifts; s++) {
		int has_any = 0;
		for (size_t i = 0; i < n_needs; i++) {
			const staff_need *x = &needs[i];
			if (x->weekday != wd || x->shift_type_id != m->shifts[s].id)
				continue;
			unsigned mask = skill_mask(x->skill);
			int any = !strcmp(x->skill, STAFF_SKILL_ANY);
			int sami = !strcmp(x->skill, STAFF_SKILL_SAMI);
			has_any |= any;
			if (x->min_count > 0 &&
			    add_cover(p, cap, day, s, mask, x->min_count,
				      sami ? W_SAMI : W_MIN, 0))
				return -1;
			if ((any || x->preferred_count > x->min_count) &&
			    add_cover(p, cap, day, s, mask,
				      x->preferred_count, W_PREFERRED,
				      any ? W_OVER : 0))
				return -1;
		}
		if (!has_any && add_cover(p, cap, day, s, 0, 0, 0, W_OVER))
			return -1;
	}
	return 0;
}

/* Fills p from the map and needs; -1 when out of memory. */
static int fill_problem(rota_problem *p, const org_unit *u,
			const staff_map *m, const staff_need *needs,
			size_t n_needs)
{
	ov_buf name = OV_BUF_INIT;
	if (ov_buf_printf(&name, "%s %s", u->ansvar,
			  ov_i18n_pick(u->name_nb, u->name_se)))
		return -1;
	p->name = ov_strdup(ov_buf_str(&name));
	ov_buf_free(&name);
	if (!p->name)
		return -1;
	p->n_days = m->n_days;
	p->law = (rota_law){.min_daily_rest = 660,
			    .min_weekly_rest = 2100,
			    .max_day_minutes = 750,
			    .max_week_minutes = 3240,
			    /* Care units average Sundays by written
			     * agreement (§ 10-8 (4)). */
			    .sunday_rule = ROTA_SUNDAY_AVERAGE,
			    .night_avg_minutes = 480};

	p->shifts = calloc((size_t)m->n_shifts, sizeof *p->shifts);
	if (!p->shifts)
		return -1;
	p->n_shifts = m->n_shifts;
	for (int s = 0; s < m->n_shifts; s++) {
		rota_shift *sh = &p->shifts[s];
		sh->id = ov_strdup(m->shifts[s].code);
		sh->forbidden_next = calloc((size_t)m->n_shifts, 1);
		if (!sh->id || !sh->forbidden_next)
			return -1;
		sh->length = m->shifts[s].length_min;
		sh->start = m->shifts[s].start_min;
		sh->category = category_of(m->shifts[s].category);
	}
	rota_apply_daily_rest(p);

	int weekends = max_weekends(m, needs, n_needs);
	p->employees = calloc((size_t)m->n_employees, sizeof *p->employees);
	if (!p->employees)
		return -1;
	p->n_employees = m->n_employees;
	for (int e = 0; e < m->n_employees; e++) {
		const staff_map_employee *me = &m->employees[e];
		rota_employee *re = &p->employees[e];
		char id[32];
		snprintf(id, sizeof id, "%s", me->employee_no);
		for (int j = 0; j < e && id[0]; j++)
			if (!strcmp(p->employees[j].id, id))
				id[0] = '\0';
		if (!id[0]) /* no number, or another's: use the row id */
			snprintf(id, sizeof id, "#%lld",
				 (long long)me->employee_id);
		re->id = ov_strdup(id);
		re->max_shifts = malloc((size_t)m->n_shifts *
					sizeof *re->max_shifts);
		re->day_off = calloc((size_t)m->n_days, 1);
		if (!re->id || !re->max_shifts || !re->day_off)
			return -1;
		for (int s = 0; s < m->n_shifts; s++)
			re->max_shifts[s] = ROTA_UNLIMITED;
		re->skills = me->skills;
		int lo = me->target_minutes - STAFF_HOURS_TOLERANCE;
		re->min_minutes = lo > 0 ? lo : 0;
		re->max_minutes = me->target_minutes + STAFF_HOURS_TOLERANCE;
		re->max_consecutive = MAX_CONSECUTIVE;
		re->min_consecutive = me->fte_bp >= PAIR_FTE_BP ? 2 : 1;
		re->min_days_off = MIN_DAYS_OFF;
		re->max_weekends = weekends;
		re->fte_permille = me->fte_bp / 10;
	}

	size_t cap = 0;
	for (int day = 0; day < m->n_days; day++) {
		int wd = ov_is_public_holiday(m->from_day + day) ? 6 : day % 7;
		if (add_day_cover(p, &cap, m, needs, n_needs, day, wd))
			return -1;
	}
	return 0;
}

ov_status staff_build_problem(db *d, int64_t unit_id, ov_day from_day,
			      int weeks, rota_problem **out, staff_map **mapp,
			      ov_err *err)
{
	*out = NULL;
	*mapp = NULL;
	org_unit u;
	ov_status rc = staff_unit_get(d, unit_id, &u, err);
	if (rc != OV_OK)
		return rc;
	if (ov_date_weekday(from_day) != 0) {
		char buf[16];
		return OV_FAIL(err, OV_E_INPUT, "from",
			       _("a rota starts on a Monday; %s is a %s"),
			       ov_date_format(from_day, buf, sizeof buf),
			       ov_i18n_weekday(ov_date_weekday(from_day)));
	}
	if (weeks < 1 || weeks > 52)
		return OV_FAIL(err, OV_E_INPUT, "weeks",
			       _("a rota runs 1 to 52 weeks, not %d"), weeks);

	staff_map *m = calloc(1, sizeof *m);
	if (!m)
		return staff_nomem(err);
	m->unit_id = unit_id;
	m->from_day = from_day;
	m->weeks = weeks;
	m->n_days = weeks * 7;
	staff_need *needs = NULL;
	size_t n_needs = 0, n_shifts = 0;
	rc = staff_shift_types_list(d, unit_id, &m->shifts, &n_shifts, err);
	m->n_shifts = (int)n_shifts;
	if (rc == OV_OK && n_shifts == 0)
		rc = OV_FAIL(err, OV_E_INPUT, "shift_type",
			     _("unit %s has no shift types"), u.ansvar);
	if (rc == OV_OK)
		rc = staff_rota_staff(d, unit_id, weeks, &m->employees,
				      &m->n_employees, err);
	if (rc == OV_OK && m->n_employees == 0)
		rc = OV_FAIL(err, OV_E_INPUT, "employees",
			     _("no one holds a rota post in unit %s"),
			     u.ansvar);
	if (rc == OV_OK)
		rc = staff_needs_list(d, unit_id, &needs, &n_needs, err);
	if (rc == OV_OK && n_needs == 0)
		rc = OV_FAIL(err, OV_E_INPUT, "staffing_need",
			     _("unit %s has no staffing plan: derive it from "
			       "the daily rhythm plan or set its needs"),
			     u.ansvar);
	if (rc == OV_OK)
		rc = check_skills(&u, m, needs, n_needs, err);
	rota_problem *p = NULL;
	if (rc == OV_OK) {
		p = rota_problem_new();
		if (!p || fill_problem(p, &u, m, needs, n_needs))
			rc = staff_nomem(err);
	}
	if (rc == OV_OK)
		rc = rota_problem_validate(p, err);
	free(needs);
	if (rc != OV_OK) {
		rota_problem_free(p);
		staff_map_free(m);
		return rc;
	}
	*out = p;
	*mapp = m;
	return OV_OK;
}
