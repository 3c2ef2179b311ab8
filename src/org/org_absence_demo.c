/*
 * org_absence_demo.c - the demo's sick leave: spells of absence of the
 * demo employees from 2026-01-01 to 2026-11-30, drawn from their own
 * rng stream. Called by demo_load after every other part, so the
 * others' data is the same with or without it.
 *
 * The levels are invented for the demo, set near the published
 * municipal averages (SSB/NAV: about 6-7 % of agreed days in the
 * municipalities, higher in health and care): about 9-10 % in the
 * health and care sector, 5-6 % in the others, of which about one
 * percentage point self-certified. Many short self-certified spells of
 * 1-3 days, more in winter and fewer in July; fewer long
 * doctor-certified spells of 2-16 weeks, some graded at 50 %, some
 * ending at 50 % (a gradual return to work).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "org.h"

/* How one group of employees is sick: short spells per employee in the
 * period (mean, as 8 chances in permille each), the chance of a long
 * spell and of a second one. Tuned by hand to the levels above. */
typedef struct {
	int short_chance; /* permille, 8 draws */
	int long_chance;  /* permille, first long spell */
	int second_chance; /* permille, another long spell */
} sick_profile;

static const sick_profile health = {250, 600, 240};
static const sick_profile others = {175, 360, 100};

/* Short spells by month of the period (January first): the flu season
 * high, the summer holidays low. */
static const int month_weight[11] = {14, 14, 12, 9, 8, 7, 4, 7, 9, 11, 12};

/* The length of a long spell in weeks (2-16), shorter ones more often. */
static const int weeks_weight[15] = {9, 9, 8, 8, 7, 6, 6, 5,
				     5, 4, 4, 3, 3, 3, 3};

typedef struct {
	int64_t id;
	int health;
} demo_emp;

typedef struct {
	ov_rng *rng;
	db_stmt *ins;
	int64_t next_id;
	ov_day first, last;
	unsigned char busy[400]; /* one employee's days already absent */
} gen;

static int working_day(ov_day day)
{
	return ov_date_weekday(day) < 5 && !ov_is_public_holiday(day);
}

static int is_free(const gen *g, ov_day a, ov_day b)
{
	for (ov_day x = a; x <= b; x++)
		if (g->busy[x - g->first])
			return 0;
	return 1;
}

static ov_status add(gen *g, int64_t emp, ov_day a, ov_day b,
		     const char *kind, int percent, ov_err *err)
{
	char f[16], t[16];
	memset(g->busy + (a - g->first), 1, (size_t)(b - a + 1));
	db_bind_int(g->ins, 1, g->next_id++);
	db_bind_int(g->ins, 2, emp);
	db_bind_text(g->ins, 3, ov_date_format(a, f, sizeof f));
	db_bind_text(g->ins, 4, ov_date_format(b, t, sizeof t));
	db_bind_text(g->ins, 5, kind);
	db_bind_int(g->ins, 6, percent);
	ov_status rc = db_run(g->ins, err);
	db_reset(g->ins);
	return rc;
}

/* A working day at or after day, inside the period; -1 if none. */
static ov_day next_working(const gen *g, ov_day day)
{
	while (day <= g->last && !working_day(day))
		day++;
	return day <= g->last ? day : -1;
}

/* A doctor-certified spell of 2-16 weeks starting on a working day:
 * mostly at 100 %, some at 50 % throughout, some ending at 50 %. */
static ov_status long_spell(gen *g, int64_t emp, ov_err *err)
{
	ov_day start = next_working(
		g, g->first + ov_rng_range(g->rng, 0, g->last - g->first));
	int weeks = 2 + ov_rng_weighted(g->rng, weeks_weight, 15);
	int graded = ov_rng_chance(g->rng, 250);
	int tapering = !graded && ov_rng_chance(g->rng, 250);
	if (start < 0)
		return OV_OK;
	ov_day end = start + weeks * 7 - 1;
	if (end > g->last)
		end = g->last;
	if (!is_free(g, start, end))
		return OV_OK;
	if (!tapering || end - start < 14)
		return add(g, emp, start, end, "doctor_certified",
			   graded ? 50 : 100, err);
	ov_day half = start + (end - start) * 2 / 3;
	ov_status rc = add(g, emp, start, half, "doctor_certified", 100, err);
	if (rc == OV_OK)
		rc = add(g, emp, half + 1, end, "doctor_certified", 50, err);
	return rc;
}

/* A self-certified spell of 1-3 days from a working day, in a month
 * drawn by the season. */
static ov_status short_spell(gen *g, int64_t emp, ov_err *err)
{
	int month = 1 + ov_rng_weighted(g->rng, month_weight, 11);
	int day = (int)ov_rng_range(g->rng, 1, ov_days_in_month(2026, month));
	int len = (int)ov_rng_range(g->rng, 1, 3);
	ov_day start = next_working(g, ov_date_from_ymd(2026, month, day));
	if (start < 0)
		return OV_OK;
	ov_day end = start + len - 1;
	if (end > g->last)
		end = g->last;
	if (!is_free(g, start, end))
		return OV_OK;
	return add(g, emp, start, end, "self_certified", 100, err);
}

static ov_status employee_spells(gen *g, const demo_emp *e, ov_err *err)
{
	const sick_profile *p = e->health ? &health : &others;
	memset(g->busy, 0, sizeof g->busy);
	ov_status rc = OV_OK;
	if (ov_rng_chance(g->rng, p->long_chance)) {
		rc = long_spell(g, e->id, err);
		if (rc == OV_OK && ov_rng_chance(g->rng, p->second_chance))
			rc = long_spell(g, e->id, err);
	}
	for (int i = 0; rc == OV_OK && i < 8; i++)
		if (ov_rng_chance(g->rng, p->short_chance))
			rc = short_spell(g, e->id, err);
	return rc;
}

/* The demo's employees in id order, each with whether their first post
 * is in the health and care sector; employees with no post are left
 * out (they have no agreed days). */
static ov_status read_employees(db *d, demo_emp **out, size_t *n,
				ov_err *err)
{
	*out = NULL;
	*n = 0;
	db_stmt *st;
	ov_status rc = db_prepare(
		d,
		"SELECT e.id, (SELECT s.code FROM position p "
		"JOIN unit u ON u.id = p.unit_id "
		"JOIN sector s ON s.id = u.sector_id "
		"WHERE p.employee_id = e.id ORDER BY p.id LIMIT 1) "
		"FROM employee e ORDER BY e.id",
		&st, err);
	if (rc != OV_OK)
		return rc;
	size_t cap = 0;
	int r;
	while ((r = db_step(st, err)) == 1) {
		if (db_col_is_null(st, 1))
			continue;
		if (*n == cap) {
			size_t c = cap ? cap * 2 : 256;
			demo_emp *p = realloc(*out, c * sizeof *p);
			if (!p) {
				r = -2;
				break;
			}
			*out = p;
			cap = c;
		}
		(*out)[*n].id = db_col_int(st, 0);
		(*out)[*n].health = !strcmp(db_col_text(st, 1), "helse");
		(*n)++;
	}
	db_finalize(st);
	if (r < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return r == -2 ? OV_FAIL(err, OV_E_NOMEM, NULL,
					 _("out of memory"))
			       : OV_E_DB;
	}
	return OV_OK;
}

ov_status org_absence_demo_load(db *d, ov_rng *rng, ov_err *err)
{
	gen g = {.rng = rng, .next_id = 1,
		 .first = ov_date_from_ymd(2026, 1, 1),
		 .last = ov_date_from_ymd(2026, 11, 30)};
	demo_emp *emps;
	size_t n;
	ov_status rc = read_employees(d, &emps, &n, err);
	if (rc != OV_OK)
		return rc;
	rc = db_prepare(d,
			"INSERT INTO absence (id, employee_id, starts_on, "
			"ends_on, kind, percent) VALUES ($1, $2, $3, $4, $5, "
			"$6)",
			&g.ins, err);
	for (size_t i = 0; rc == OV_OK && i < n; i++)
		rc = employee_spells(&g, &emps[i], err);
	db_finalize(g.ins);
	free(emps);
	return rc;
}
