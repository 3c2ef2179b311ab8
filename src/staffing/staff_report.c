/*
 * staff_report.c - what a solved rota gives a unit: coverage of its
 * bemanningsplan, hours and weekends per employee, the full-time share
 * and the cost; and the full-time variants of a problem (same FTE
 * budget, more posts at 100 %). Called by `ovttas rota plan` and
 * `ovttas rota heltid`, and by the web UI later. No database here.
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "base/ov_str.h"
#include "staff_int.h"

/* staff_build_problem's rules, repeated for the variants (keep them in
 * step with staff_problem.c): posts this large or larger work at least
 * two days in a row. */
#define PAIR_FTE_BP 5000

ov_ore staff_hourly_wage(const char *competence)
{
	if (!strcmp(competence, "nurse"))
		return STAFF_WAGE_NURSE;
	if (!strcmp(competence, "health_worker"))
		return STAFF_WAGE_HEALTH;
	return STAFF_WAGE_UNSKILLED;
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

/* Order of skills in the cover lines: the whole shift first. */
static int skill_rank(const char *skill)
{
	static const char *const order[] = {STAFF_SKILL_ANY,
					    STAFF_SKILL_HEALTH,
					    STAFF_SKILL_NURSE,
					    STAFF_SKILL_SAMI};
	for (int i = 0; i < 4; i++)
		if (!strcmp(skill, order[i]))
			return i;
	return 4;
}

static int shift_pos(const staff_map *m, int64_t shift_type_id)
{
	for (int s = 0; s < m->n_shifts; s++)
		if (m->shifts[s].id == shift_type_id)
			return s;
	return -1;
}

void staff_rota_summary_clear(staff_rota_summary *s)
{
	if (!s)
		return;
	free(s->cover);
	free(s->shorts);
	free(s->employees);
	free(s->shift_counts);
	memset(s, 0, sizeof *s);
}

/* The line of (shift, skill), added in order if missing; NULL when out
 * of memory. */
static staff_cover_line *cover_line(staff_rota_summary *s, size_t *cap,
				    int shift, const char *skill)
{
	int i = 0, rank = skill_rank(skill);
	while (i < s->n_cover &&
	       (s->cover[i].shift < shift ||
		(s->cover[i].shift == shift &&
		 skill_rank(s->cover[i].skill) < rank)))
		i++;
	if (i < s->n_cover && s->cover[i].shift == shift &&
	    !strcmp(s->cover[i].skill, skill))
		return &s->cover[i];
	staff_cover_line *g = staff_grow(s->cover, sizeof *s->cover,
					 (size_t)s->n_cover, cap);
	if (!g)
		return NULL;
	s->cover = g;
	memmove(&s->cover[i + 1], &s->cover[i],
		(size_t)(s->n_cover - i) * sizeof *s->cover);
	s->n_cover++;
	staff_cover_line *l = &s->cover[i];
	memset(l, 0, sizeof *l);
	l->shift = shift;
	STAFF_COPY(l->skill, skill);
	l->min_lo = l->pref_lo = -1;
	return l;
}

static int min_i(int a, int b) { return a < b ? a : b; }
static int max_i(int a, int b) { return a > b ? a : b; }

/* Staff of a skill on shift s on day `day`. */
static int on_shift(const staff_map *m, const rota_roster *r, int day, int s,
		    unsigned mask)
{
	int n = 0;
	for (int e = 0; e < m->n_employees; e++)
		if (r->assign[e * r->n_days + day] == s &&
		    (!mask || (m->employees[e].skills & mask)))
			n++;
	return n;
}

static ov_status summarize_cover(const staff_map *m, const staff_need *needs,
				 size_t n_needs, const rota_roster *r,
				 staff_rota_summary *s, ov_err *err)
{
	size_t cap = 0, short_cap = 0;
	for (int day = 0; day < m->n_days; day++) {
		int wd = ov_is_public_holiday(m->from_day + day) ? 6 : day % 7;
		for (size_t i = 0; i < n_needs; i++) {
			const staff_need *x = &needs[i];
			int sh = shift_pos(m, x->shift_type_id);
			if (x->weekday != wd || sh < 0)
				continue;
			staff_cover_line *l = cover_line(s, &cap, sh, x->skill);
			if (!l)
				return staff_nomem(err);
			int have = on_shift(m, r, day, sh,
					    skill_mask(x->skill));
			l->min_lo = l->min_lo < 0 ? x->min_count
						  : min_i(l->min_lo,
							  x->min_count);
			l->min_hi = max_i(l->min_hi, x->min_count);
			l->pref_lo = l->pref_lo < 0
					     ? x->preferred_count
					     : min_i(l->pref_lo,
						     x->preferred_count);
			l->pref_hi = max_i(l->pref_hi, x->preferred_count);
			int lo = max_i(have, x->min_count);
			if (x->preferred_count > lo)
				l->preferred_missing +=
					x->preferred_count - lo;
			if (x->min_count <= 0)
				continue;
			l->days_needed++;
			if (have >= x->min_count) {
				l->days_met++;
				continue;
			}
			l->missing += x->min_count - have;
			staff_short_day *g = staff_grow(
				s->shorts, sizeof *s->shorts,
				(size_t)s->n_short, &short_cap);
			if (!g)
				return staff_nomem(err);
			s->shorts = g;
			staff_short_day *d = &s->shorts[s->n_short++];
			memset(d, 0, sizeof *d);
			d->day = day;
			d->shift = sh;
			STAFF_COPY(d->skill, x->skill);
			d->need = x->min_count;
			d->have = have;
		}
	}
	/* Needs are ordered by shift start, not by the map's index: put
	 * each day's shortfalls in shift, then skill order. */
	for (int i = 1; i < s->n_short; i++) {
		staff_short_day t = s->shorts[i];
		int j = i;
		while (j > 0 && s->shorts[j - 1].day == t.day &&
		       (s->shorts[j - 1].shift > t.shift ||
			(s->shorts[j - 1].shift == t.shift &&
			 skill_rank(s->shorts[j - 1].skill) >
				 skill_rank(t.skill)))) {
			s->shorts[j] = s->shorts[j - 1];
			j--;
		}
		s->shorts[j] = t;
	}
	for (int i = 0; i < s->n_cover; i++) {
		s->missing += s->cover[i].missing;
		s->preferred_missing += s->cover[i].preferred_missing;
		if (s->cover[i].min_lo < 0)
			s->cover[i].min_lo = 0;
		if (s->cover[i].pref_lo < 0)
			s->cover[i].pref_lo = 0;
	}
	return OV_OK;
}

/* Minutes of shift sh, started on a day with weekday wd, that fall in
 * the evening, night and weekend supplements' hours. */
static void supplement_minutes(const staff_shift_type *sh, int wd, int *ev,
			       int *night, int *weekend)
{
	*ev = *night = *weekend = 0;
	for (int t = sh->start_min; t < sh->start_min + sh->length_min; t++) {
		int tod = t % 1440, day = (wd + t / 1440) % 7;
		if (tod >= STAFF_EVENING_FROM && tod < STAFF_NIGHT_FROM)
			(*ev)++;
		if (tod >= STAFF_NIGHT_FROM || tod < STAFF_NIGHT_TO)
			(*night)++;
		if (day >= 5)
			(*weekend)++;
	}
}

/* Part of an amount per hour for some minutes, rounded to whole øre. */
static ov_ore per_hour(ov_ore rate, int64_t minutes)
{
	return (rate * minutes + 30) / 60;
}

static void summarize_people(const staff_map *m, const rota_roster *r,
			     const int *supp, staff_rota_summary *s)
{
	for (int e = 0; e < m->n_employees; e++) {
		const staff_map_employee *me = &m->employees[e];
		staff_employee_sum *es = &s->employees[e];
		for (int day = 0; day < m->n_days; day++) {
			int a = r->assign[e * r->n_days + day];
			if (a == ROTA_OFF)
				continue;
			const int *sm = &supp[(a * 7 + day % 7) * 3];
			es->minutes += m->shifts[a].length_min;
			es->shifts++;
			es->evening_minutes += sm[0];
			es->night_minutes += sm[1];
			es->weekend_minutes += sm[2];
			s->shift_counts[e * m->n_shifts + a]++;
		}
		for (int w = 0; w < m->weeks; w++)
			if (r->assign[e * r->n_days + 7 * w + 5] != ROTA_OFF ||
			    r->assign[e * r->n_days + 7 * w + 6] != ROTA_OFF)
				es->weekends++;
		ov_ore wages = per_hour(staff_hourly_wage(me->competence),
					es->minutes);
		ov_ore ev = per_hour(STAFF_SUPP_EVENING, es->evening_minutes);
		ov_ore ni = per_hour(STAFF_SUPP_NIGHT, es->night_minutes);
		ov_ore we = per_hour(STAFF_SUPP_WEEKEND, es->weekend_minutes);
		es->cost = wages + ev + ni + we;
		s->cost.wages += wages;
		s->cost.evening += ev;
		s->cost.night += ni;
		s->cost.weekend += we;
		if (me->fte_bp > 0) {
			s->posts++;
			s->fte_total_bp += me->fte_bp;
			s->fulltime += me->fte_bp >= 10000;
		}
	}
	s->cost.total = s->cost.wages + s->cost.evening + s->cost.night +
			s->cost.weekend;
	if (s->posts > 0) {
		s->fulltime_permille =
			(s->fulltime * 1000 + s->posts / 2) / s->posts;
		s->average_fte_bp =
			(int)((s->fte_total_bp + s->posts / 2) / s->posts);
	}
}

ov_status staff_rota_summarize(const staff_map *m, const staff_need *needs,
			       size_t n_needs, const rota_roster *r,
			       staff_rota_summary *out, ov_err *err)
{
	memset(out, 0, sizeof *out);
	if (!m || !r || r->n_employees != m->n_employees ||
	    r->n_days != m->n_days || m->n_days != m->weeks * 7)
		return OV_FAIL(err, OV_E_INPUT, "roster",
			       _("the rota does not fit its problem"));
	for (int i = 0; i < r->n_employees * r->n_days; i++)
		if (r->assign[i] != ROTA_OFF &&
		    (r->assign[i] < 0 || r->assign[i] >= m->n_shifts))
			return OV_FAIL(err, OV_E_INPUT, "roster",
				       _("day %d of employee %s is not a "
					 "shift (%d)"),
				       i % r->n_days + 1,
				       m->employees[i / r->n_days].employee_no,
				       r->assign[i]);
	out->n_employees = m->n_employees;
	out->n_shifts = m->n_shifts;
	size_t ne = m->n_employees ? (size_t)m->n_employees : 1;
	size_t nc = ne * (size_t)(m->n_shifts ? m->n_shifts : 1);
	out->employees = calloc(ne, sizeof *out->employees);
	out->shift_counts = calloc(nc, sizeof *out->shift_counts);
	/* Supplement minutes per shift type and weekday it starts on. */
	int *supp = calloc((size_t)(m->n_shifts ? m->n_shifts : 1) * 7 * 3,
			   sizeof *supp);
	if (!out->employees || !out->shift_counts || !supp) {
		free(supp);
		return staff_nomem(err);
	}
	for (int sh = 0; sh < m->n_shifts; sh++)
		for (int wd = 0; wd < 7; wd++) {
			int *x = &supp[(sh * 7 + wd) * 3];
			supplement_minutes(&m->shifts[sh], wd, &x[0], &x[1],
					   &x[2]);
		}
	summarize_people(m, r, supp, out);
	free(supp);
	return summarize_cover(m, needs, n_needs, r, out, err);
}

/* --- full-time variants --- */

int staff_fulltime_spread(const staff_map *m, int k, int *fte_bp)
{
	int n = m->n_employees;
	int64_t budget = 0;
	for (int e = 0; e < n; e++)
		budget += m->employees[e].fte_bp;
	if (k < 0 || k > n || (int64_t)k * 10000 > budget)
		return -1;
	/* order: employees by FTE, largest first, ties in map order */
	int *order = malloc((size_t)(n ? n : 1) * sizeof *order);
	if (!order)
		return -1;
	for (int e = 0; e < n; e++) {
		int j = e;
		while (j > 0 && m->employees[order[j - 1]].fte_bp <
					m->employees[e].fte_bp) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = e;
	}
	int64_t rest = budget, old_rest = budget;
	for (int i = 0; i < k; i++) {
		fte_bp[order[i]] = 10000;
		rest -= 10000;
		old_rest -= m->employees[order[i]].fte_bp;
	}
	if (rest == old_rest) { /* nothing moved: today's posts */
		for (int i = k; i < n; i++)
			fte_bp[order[i]] = m->employees[order[i]].fte_bp;
		free(order);
		return 0;
	}
	/* The others, active until left vacant; the smallest goes first. */
	int active = n - k;
	for (;;) {
		int64_t old = 0, given = 0;
		for (int i = k; i < k + active; i++)
			old += m->employees[order[i]].fte_bp;
		for (int i = k; i < k + active; i++) {
			int64_t f = old > 0 ? m->employees[order[i]].fte_bp *
						      rest / old / 100 * 100
					    : 0;
			fte_bp[order[i]] = (int)(f > 10000 ? 10000 : f);
			given += fte_bp[order[i]];
		}
		for (int i = k; i < k + active && rest - given >= 100; i++)
			if (fte_bp[order[i]] <= 9900) {
				fte_bp[order[i]] += 100;
				given += 100;
			}
		if (active == 0)
			break;
		int last = order[k + active - 1];
		if (fte_bp[last] >= STAFF_MIN_POST_BP ||
		    fte_bp[last] >= m->employees[last].fte_bp)
			break;
		fte_bp[last] = 0;
		active--;
	}
	for (int i = k + active; i < n; i++)
		fte_bp[order[i]] = 0;
	free(order);
	return 0;
}

/* A deep copy of p; NULL when out of memory. */
static rota_problem *copy_problem(const rota_problem *p)
{
	rota_problem *c = rota_problem_new();
	if (!c)
		return NULL;
	int ok = 1;
	c->name = p->name ? ov_strdup(p->name) : NULL;
	ok &= !p->name || c->name;
	c->n_days = p->n_days;
	c->law = p->law;
	size_t ns = (size_t)p->n_shifts;
	c->shifts = calloc(ns ? ns : 1, sizeof *c->shifts);
	c->employees = calloc(p->n_employees ? (size_t)p->n_employees : 1,
			      sizeof *c->employees);
	c->requests = malloc((p->n_requests ? (size_t)p->n_requests : 1) *
			     sizeof *c->requests);
	c->cover = malloc((p->n_cover ? (size_t)p->n_cover : 1) *
			  sizeof *c->cover);
	if (!ok || !c->shifts || !c->employees || !c->requests || !c->cover) {
		rota_problem_free(c);
		return NULL;
	}
	c->n_shifts = p->n_shifts;
	for (int s = 0; ok && s < p->n_shifts; s++) {
		c->shifts[s] = p->shifts[s];
		c->shifts[s].id = ov_strdup(p->shifts[s].id);
		c->shifts[s].forbidden_next = malloc(ns);
		ok = c->shifts[s].id && c->shifts[s].forbidden_next;
		if (ok)
			memcpy(c->shifts[s].forbidden_next,
			       p->shifts[s].forbidden_next, ns);
	}
	c->n_employees = p->n_employees;
	for (int e = 0; ok && e < p->n_employees; e++) {
		const rota_employee *pe = &p->employees[e];
		rota_employee *ce = &c->employees[e];
		*ce = *pe;
		ce->id = ov_strdup(pe->id);
		ce->max_shifts = malloc((ns ? ns : 1) * sizeof *ce->max_shifts);
		ce->day_off = malloc(p->n_days ? (size_t)p->n_days : 1);
		ok = ce->id && ce->max_shifts && ce->day_off;
		if (ok && ns > 0)
			memcpy(ce->max_shifts, pe->max_shifts,
			       ns * sizeof *ce->max_shifts);
		if (ok && p->n_days > 0)
			memcpy(ce->day_off, pe->day_off, (size_t)p->n_days);
	}
	if (!ok) {
		/* the half-copied entries own nothing beyond their pointers */
		rota_problem_free(c);
		return NULL;
	}
	c->n_requests = p->n_requests;
	if (p->n_requests > 0)
		memcpy(c->requests, p->requests,
		       (size_t)p->n_requests * sizeof *c->requests);
	c->n_cover = p->n_cover;
	if (p->n_cover > 0)
		memcpy(c->cover, p->cover,
		       (size_t)p->n_cover * sizeof *c->cover);
	return c;
}

/* Every third weekend when the active posts can cover the weekends'
 * minimum staffing that way, else every other (staff_build_problem's
 * rule, counting only the posts that are not vacant). */
static int weekends_for(int active, int weeks, const staff_need *needs,
			size_t n_needs)
{
	int64_t weekend = 0;
	for (size_t i = 0; i < n_needs; i++)
		if (needs[i].weekday >= 5 &&
		    !strcmp(needs[i].skill, STAFF_SKILL_ANY))
			weekend += needs[i].min_count;
	int third = (weeks + 2) / 3, half = (weeks + 1) / 2;
	return (int64_t)active * 2 * third >= weekend * weeks ? third : half;
}

ov_status staff_problem_with_fte(const rota_problem *p, const staff_map *m,
				 const staff_need *needs, size_t n_needs,
				 const int *fte_bp, rota_problem **out,
				 staff_map **omap, ov_err *err)
{
	*out = NULL;
	*omap = NULL;
	if (p->n_employees != m->n_employees || p->n_days != m->n_days)
		return OV_FAIL(err, OV_E_INPUT, "map",
			       _("the problem does not fit its map"));
	int active = 0;
	for (int e = 0; e < m->n_employees; e++) {
		if (fte_bp[e] < 0 || fte_bp[e] > 10000)
			return OV_FAIL(err, OV_E_INPUT, "fte_bp",
				       _("an FTE is 0 to 100 %%, not %d basis "
					 "points"),
				       fte_bp[e]);
		active += fte_bp[e] > 0;
	}
	rota_problem *c = copy_problem(p);
	staff_map *cm = calloc(1, sizeof *cm);
	if (cm) {
		*cm = *m;
		size_t ne = m->n_employees ? (size_t)m->n_employees : 1;
		size_t ns = m->n_shifts ? (size_t)m->n_shifts : 1;
		cm->employees = malloc(ne * sizeof *cm->employees);
		cm->shifts = malloc(ns * sizeof *cm->shifts);
		if (cm->employees && cm->shifts && m->n_employees > 0 &&
		    m->n_shifts > 0) {
			memcpy(cm->employees, m->employees,
			       (size_t)m->n_employees * sizeof *cm->employees);
			memcpy(cm->shifts, m->shifts,
			       (size_t)m->n_shifts * sizeof *cm->shifts);
		}
	}
	if (!c || !cm || !cm->employees || !cm->shifts) {
		rota_problem_free(c);
		staff_map_free(cm);
		return staff_nomem(err);
	}
	int weekends = weekends_for(active, m->weeks, needs, n_needs);
	for (int e = 0; e < m->n_employees; e++) {
		staff_map_employee *me = &cm->employees[e];
		rota_employee *re = &c->employees[e];
		me->fte_bp = fte_bp[e];
		me->target_minutes =
			(int)(((int64_t)fte_bp[e] * STAFF_WEEK_MINUTES *
				       m->weeks +
			       5000) /
			      10000);
		re->fte_permille = fte_bp[e] / 10;
		re->max_weekends = weekends;
		if (fte_bp[e] == 0) { /* vacant: no one works this post */
			memset(re->day_off, 1, (size_t)c->n_days);
			re->min_minutes = 0;
			re->max_minutes = 0;
			re->min_consecutive = 1;
			continue;
		}
		int lo = me->target_minutes - STAFF_HOURS_TOLERANCE;
		re->min_minutes = lo > 0 ? lo : 0;
		re->max_minutes = me->target_minutes + STAFF_HOURS_TOLERANCE;
		re->min_consecutive = fte_bp[e] >= PAIR_FTE_BP ? 2 : 1;
	}
	ov_status rc = rota_problem_validate(c, err);
	if (rc != OV_OK) {
		rota_problem_free(c);
		staff_map_free(cm);
		return rc;
	}
	*out = c;
	*omap = cm;
	return OV_OK;
}
