/*
 * staff_demo.c - the demo staffing of `ovttas init --demo`: shift types,
 * a døgnrytmeplan sized to each round-the-clock unit's staff, and the
 * bemanningsplan derived from it. Called by demo_load after the
 * organisation demo, inside its transaction.
 * Sámi texts marked "se: review" need a native speaker's check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "staff_int.h"

/* The illustrative shifts of BRIEF §4 (overlapping for handover) and a
 * langvakt for weekends in nursing homes. */
enum { SH_D, SH_A, SH_N, SH_L, NSHIFT };

static const staff_shift_type demo_shifts[NSHIFT] = {
	{0, 0, "D", "Dagvakt", "Beaivevuorru", 7 * 60 + 30, 480, "day"},
	{0, 0, "A", "Aftenvakt", "Eahketvuorru", 15 * 60, 450, "evening"},
	{0, 0, "N", "Nattevakt", "Idjavuorru", 22 * 60, 585, "night"},
	{0, 0, "L", "Langvakt", "Guhkesvuorru", 8 * 60, 720, "long"},
}; /* se: review (all four names) */

/* What happens in each hour of a nursing-home day (se: review). */
static const struct {
	const char *nb, *se;
} tasks[24] = {
	{"Nattevakt: tilsyn og stell ved behov",
	 "Idjavákta: geahčadeapmi ja dikšu dárbbu mielde"},
	{"Tilsynsrunde", "Geahčadanjorru"},
	{"Tilsynsrunde", "Geahčadanjorru"},
	{"Tilsynsrunde og snuing", "Geahčadanjorru ja jorgaleapmi"},
	{"Tilsynsrunde", "Geahčadanjorru"},
	{"Dokumentasjon", "Dokumenteren"},
	{"Tidlig morgenstell", "Árrat iđitdikšu"},
	{"Rapport og morgenstell", "Raporta ja iđitdikšu"},
	{"Morgenstell og frokost", "Iđitdikšu ja iđitbiebmu"},
	{"Medisinrunde og frokost", "Dálkasjuohkin ja iđitbiebmu"},
	{"Morgenstell og aktivitet", "Iđitdikšu ja doaimmat"},
	{"Aktivitet og dokumentasjon", "Doaimmat ja dokumenteren"},
	{"Middag", "Beaiveborramuš"},
	{"Medisinrunde og hvile", "Dálkasjuohkin ja vuoiŋŋadeapmi"},
	{"Dokumentasjon og legevisitt",
	 "Dokumenteren ja doavttirgalledeapmi"},
	{"Rapport og ettermiddagskaffe", "Raporta ja gaskabeaivekáffe"},
	{"Aktivitet og besøk", "Doaimmat ja guossit"},
	{"Aktivitet og besøk", "Doaimmat ja guossit"},
	{"Kveldsmat og medisinrunde", "Eahketbiebmu ja dálkasjuohkin"},
	{"Kveldsstell", "Eahketdikšu"},
	{"Kveldsstell og leggetid", "Eahketdikšu ja nohkkan"},
	{"Dokumentasjon og rapport", "Dokumenteren ja raporta"},
	{"Rapport og nattevakt", "Raporta ja idjavákta"},
	{"Tilsynsrunde", "Geahčadanjorru"},
};

/* a / b rounded to the nearest whole number, for a, b > 0 */
static int64_t rdiv(int64_t a, int64_t b)
{
	return a <= 0 ? 0 : (a + b / 2) / b;
}

static int at_least(int64_t v, int lo)
{
	return v < lo ? lo : (int)v;
}

/* How one unit is staffed, from its people, and what it needs. */
typedef struct {
	int64_t fte_bp, nurse_bp, health_bp, sami_bp; /* rota posts */
	int people;
	int has_long;                  /* a nursing home: weekend langvakt */
	int level[2][3];               /* [weekend][D, A, N] staff */
	int nurse[7][3];               /* nurse on shift (weekday, D/A/N) */
	int sami[3];                   /* Sámi speaker on D/A/N */
	int health_permille;           /* share of health workers' FTE */
} demo_unit;

/* Minutes a week the unit's rota posts are worth. */
static int64_t week_minutes(int64_t bp)
{
	return bp * STAFF_WEEK_MINUTES / 10000;
}

/*
 * Staffing levels so the minimum staffing of a week needs about 97 % of
 * the contracted hours (rounding to whole people adds a little; the
 * preferred peaks add more: the gap a unit of part-timers lives with).
 * Weekends need about 80 % of a weekday (no day activities, fewer
 * visitors to look after), and in nursing homes one of them on a
 * langvakt. The split day/evening/night follows usual nursing-home
 * practice (about 50/32/18 % of the hours).
 */
static void size_unit(demo_unit *u)
{
	int64_t week = week_minutes(u->fte_bp) * 97 / 100;
	int64_t wd = week * 10 / 66; /* 5 weekdays + 2 x 0.8 */
	int64_t we = wd * 8 / 10 - (u->has_long ? 720 : 0);
	const int64_t len[3] = {480, 450, 585};
	const int share[3] = {50, 32, 18};
	for (int s = 0; s < 3; s++) {
		u->level[0][s] = at_least(rdiv(wd * share[s], 100 * len[s]), 1);
		u->level[1][s] = at_least(rdiv(we * share[s], 100 * len[s]), 1);
	}
	u->level[1][SH_N] = u->level[0][SH_N]; /* nights do not change */
	/* Whole people can overshoot a small unit's hours by a lot (one
	 * more on the evening shift is 12 % of 7 FTE): take back the
	 * largest step until the minimum is within 3 % of the contracts. */
	for (;;) {
		int64_t total = u->has_long ? 2 * 720 : 0;
		for (int s = 0; s < 3; s++)
			total += len[s] * (5 * u->level[0][s] +
					   2 * u->level[1][s]);
		if (total * 100 <= week_minutes(u->fte_bp) * 103)
			break;
		static const int order[][2] = {
			{0, SH_A}, {1, SH_A}, {0, SH_D}, {1, SH_D}};
		size_t i = 0;
		while (i < 4 && u->level[order[i][0]][order[i][1]] < 2)
			i++;
		if (i == 4)
			break;
		u->level[order[i][0]][order[i][1]]--;
	}

	/* Nurses where 90 % of their hours reach (room for their own
	 * weekends and days off), in order: day shifts, evenings, nights,
	 * each from Monday (the programme's "vulnerable nurse competence":
	 * a unit with few nurses has one on weekday days only). */
	int64_t cap = week_minutes(u->nurse_bp) * 90 / 100, used = 0;
	int stop = 0;
	for (int s = 0; s < 3 && !stop; s++)
		for (int day = 0; day < 7 && !stop; day++) {
			if (used + len[s] > cap)
				stop = 1;
			else {
				u->nurse[day][s] = 1;
				used += len[s];
			}
		}

	/* A Sámi speaker on every shift when enough of the staff speak it
	 * (a quarter to spare), else on day and evening shifts. */
	int64_t all = 7 * (len[0] + len[1] + len[2]);
	int every = week_minutes(u->sami_bp) * 4 >= all * 5;
	u->sami[SH_D] = u->sami[SH_A] = 1;
	u->sami[SH_N] = every;
	u->health_permille =
		u->fte_bp ? (int)(u->health_bp * 1000 / u->fte_bp) : 0;
}

/* Health workers (or nurses) among t staff on shift s: 60 % of the
 * unit's share (room for their weekends), at least one on day and
 * evening shifts, and at night when most of the staff are skilled. */
static int health_need(const demo_unit *u, int s, int t, int nurse)
{
	int h = (int)((int64_t)t * u->health_permille * 6 / 10000);
	if (u->health_permille > 0 && h < 1 &&
	    (s != SH_N || u->health_permille >= 600))
		h = 1;
	if (h > t)
		h = t;
	return h < nurse ? nurse : h;
}

/* The demo's shifts own 07-14 (D), 15-21 (A), 22-06 (N), as
 * staff_derive_plan works out from their times. */
static void owner_of(int day, int hour, int *shift, int *start_day)
{
	*start_day = day;
	if (hour >= 7 && hour <= 14)
		*shift = SH_D;
	else if (hour >= 15 && hour <= 21)
		*shift = SH_A;
	else {
		*shift = SH_N;
		if (hour < 7)
			*start_day = (day + 6) % 7;
	}
}

static ov_status insert_rhythm(db *d, int64_t unit_id, const demo_unit *u,
			       ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "INSERT INTO rhythm_hour (unit_id, weekday, "
				  "hour, nurses, health_workers, others, "
				  "sami_needed, task_nb, task_se) VALUES ($1, "
				  "$2, $3, $4, $5, $6, $7, $8, $9)",
				  &st, err);
	for (int day = 0; rc == OV_OK && day < 7; day++)
		for (int h = 0; rc == OV_OK && h < 24; h++) {
			int s, sd;
			owner_of(day, h, &s, &sd);
			int weekend = sd >= 5;
			int t = u->level[weekend][s];
			/* a short peak: morning care (later at weekends),
			 * and the afternoon where the evening shift is
			 * large enough to grow by one */
			int peak_start = weekend ? 8 : 7;
			if ((s == SH_D && h >= peak_start &&
			     h < peak_start + 3) ||
			    (s == SH_A && h < 18 && t >= 3))
				t++;
			int nurse = u->nurse[sd][s];
			int health = health_need(u, s, t, nurse);
			int extra = u->has_long && day >= 5 && h >= 8 && h < 20;
			db_bind_int(st, 1, unit_id);
			db_bind_int(st, 2, day);
			db_bind_int(st, 3, h);
			db_bind_int(st, 4, nurse);
			db_bind_int(st, 5, health - nurse);
			db_bind_int(st, 6, t - health + extra);
			db_bind_int(st, 7, u->sami[s]);
			db_bind_text(st, 8, tasks[h].nb);
			db_bind_text(st, 9, tasks[h].se);
			rc = db_run(st, err);
			db_reset(st);
		}
	db_finalize(st);
	return rc;
}

static ov_status load_unit(db *d, const org_unit *ou, ov_err *err)
{
	demo_unit u;
	memset(&u, 0, sizeof u);
	/* KOSTRA 253: care in an institution (sykehjem) */
	u.has_long = !strcmp(ou->funksjon, "253");
	staff_map_employee *emps;
	int n;
	ov_status rc = staff_rota_staff(d, ou->id, 1, &emps, &n, err);
	if (rc != OV_OK)
		return rc;
	for (int i = 0; i < n; i++) {
		u.fte_bp += emps[i].fte_bp;
		if (emps[i].skills & ROTA_SKILL_NURSE)
			u.nurse_bp += emps[i].fte_bp;
		if (emps[i].skills & ROTA_SKILL_HEALTH)
			u.health_bp += emps[i].fte_bp;
		if (emps[i].skills & ROTA_SKILL_SAMI)
			u.sami_bp += emps[i].fte_bp;
	}
	u.people = n;
	free(emps);
	size_unit(&u);

	/* who NULL: the demo is a bulk load, not audited (see demo_load) */
	for (int s = 0; rc == OV_OK && s < NSHIFT; s++)
		if (s != SH_L || u.has_long)
			rc = staff_shift_type_set(d, NULL, ou->id,
						  &demo_shifts[s], NULL, err);
	/* one langvakt on Saturday and Sunday: fewer people have to work
	 * each weekend for the same hours */
	for (int day = 5; rc == OV_OK && u.has_long && day < 7; day++)
		rc = staff_need_set(d, NULL, ou->id, day, "L", STAFF_SKILL_ANY,
				    1, 1, NULL, err);
	if (rc == OV_OK)
		rc = insert_rhythm(d, ou->id, &u, err);
	if (rc == OV_OK)
		rc = staff_derive_plan_in_tx(d, ou->id, err);
	return rc;
}

ov_status staff_demo_load(db *d, ov_rng *rng, ov_err *err)
{
	(void)rng; /* everything follows from the organisation's data */
	org_unit *units = NULL;
	size_t n = 0;
	ov_status rc = org_units_list(d, 0, &units, &n, err);
	for (size_t i = 0; rc == OV_OK && i < n; i++)
		if (units[i].round_the_clock)
			rc = load_unit(d, &units[i], err);
	free(units);
	return rc;
}
