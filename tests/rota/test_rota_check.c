/*
 * test_rota_check.c - the rota checker (the referee) on small problems
 * built by hand: a valid roster with a hand-computed objective, each hard
 * rule broken exactly once, the edge conventions for runs, weekends and
 * weekly rest, size mismatches and the cap on listed breaches.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rota/rota.h"
#include "rota/rota_int.h"
#include "support/support.h"

/* Shift types by letter: start minute, length in minutes. */
static void shift_of(char c, int *start, int *length, rota_category *cat)
{
	switch (c) {
	case 'D': *start = 420, *length = 480, *cat = ROTA_CAT_DAY; return;
	case 'E': *start = 900, *length = 480, *cat = ROTA_CAT_EVENING; return;
	case 'N': *start = 1380, *length = 600, *cat = ROTA_CAT_NIGHT; return;
	case 'L': *start = 420, *length = 780, *cat = ROTA_CAT_LONG; return;
	case 'X': *start = -1, *length = 480, *cat = ROTA_CAT_OTHER; return;
	case 'S': *start = 600, *length = 480, *cat = ROTA_CAT_DAY; return;
	case 'K': *start = 1320, *length = 480, *cat = ROTA_CAT_NIGHT; return;
	case 'H': *start = 420, *length = 360, *cat = ROTA_CAT_DAY; return;
	}
	fail_msg("unknown shift letter %c", c);
}

/*
 * A problem of n_days, one shift type per letter of `shifts` and n_emp
 * employees with no limits, no days off, no requests, no cover, no law.
 */
static rota_problem *mk(int n_days, const char *shifts, int n_emp)
{
	rota_problem *p = rota_problem_new();
	assert_non_null(p);
	int ns = (int)strlen(shifts);
	p->n_days = n_days;
	p->shifts = calloc((size_t)ns, sizeof *p->shifts);
	assert_non_null(p->shifts);
	p->n_shifts = ns;
	for (int s = 0; s < ns; s++) {
		char id[2] = {shifts[s], 0};
		rota_shift *sh = &p->shifts[s];
		sh->id = strdup(id);
		shift_of(shifts[s], &sh->start, &sh->length, &sh->category);
		sh->forbidden_next = calloc((size_t)ns, 1);
		assert_non_null(sh->forbidden_next);
	}
	p->employees = calloc((size_t)n_emp, sizeof *p->employees);
	assert_non_null(p->employees);
	p->n_employees = n_emp;
	for (int e = 0; e < n_emp; e++) {
		rota_employee *em = &p->employees[e];
		char id[16];
		snprintf(id, sizeof id, "e%d", e);
		em->id = strdup(id);
		em->max_shifts = malloc((size_t)ns * sizeof *em->max_shifts);
		assert_non_null(em->max_shifts);
		for (int s = 0; s < ns; s++)
			em->max_shifts[s] = ROTA_UNLIMITED;
		em->max_minutes = ROTA_UNLIMITED;
		em->min_minutes = 0;
		em->max_consecutive = ROTA_UNLIMITED;
		em->min_consecutive = 1;
		em->min_days_off = 1;
		em->max_weekends = ROTA_UNLIMITED;
		em->day_off = calloc((size_t)n_days, 1);
		assert_non_null(em->day_off);
		em->fte_permille = 1000;
	}
	return p;
}

/*
 * A roster from one string per employee: '.' off, a shift letter, '!' for
 * the bad index 7 and '?' for the bad index -2.
 */
static rota_roster *ros(const rota_problem *p, ...)
{
	rota_roster *r = rota_roster_new(p->n_employees, p->n_days);
	assert_non_null(r);
	va_list ap;
	va_start(ap, p);
	for (int e = 0; e < p->n_employees; e++) {
		const char *row = va_arg(ap, const char *);
		assert_int_equal(strlen(row), p->n_days);
		for (int d = 0; d < p->n_days; d++) {
			int v;
			char id[2] = {row[d], 0};
			if (row[d] == '.')
				v = ROTA_OFF;
			else if (row[d] == '!')
				v = 7;
			else if (row[d] == '?')
				v = -2;
			else
				v = rota_shift_index(p, id);
			assert_true(v != -1 || row[d] == '.');
			r->assign[e * p->n_days + d] = v;
		}
	}
	va_end(ap);
	return r;
}

/* A one-employee roster working shift 0 on the listed days (ended by -1). */
static rota_roster *days(const rota_problem *p, ...)
{
	rota_roster *r = rota_roster_new(p->n_employees, p->n_days);
	assert_non_null(r);
	va_list ap;
	va_start(ap, p);
	for (int d = va_arg(ap, int); d >= 0; d = va_arg(ap, int)) {
		assert_true(d < p->n_days);
		r->assign[d] = 0;
	}
	va_end(ap);
	return r;
}

static rota_report chk(const rota_problem *p, const rota_roster *r)
{
	rota_report rep;
	ov_err err;
	assert_int_equal(rota_check(p, r, &rep, &err), OV_OK);
	assert_true(rep.n_listed <= ROTA_CHECK_MAX_LISTED);
	int sum = 0;
	for (int k = 0; k < ROTA_V_COUNT; k++)
		sum += rep.by_kind[k];
	assert_int_equal(sum, rep.n_violations);
	return rep;
}

/* Exactly one breach, of that kind and with those details. */
static void only(const rota_report *rep, rota_violation_kind kind, int e,
		 int day, int value, int limit)
{
	if (rep->n_violations != 1)
		for (int i = 0; i < rep->n_listed; i++)
			print_message("  %s e%d day %d value %d limit %d\n",
				      rota_violation_name(rep->violations[i].kind),
				      rep->violations[i].employee,
				      rep->violations[i].day,
				      rep->violations[i].value,
				      rep->violations[i].limit);
	assert_int_equal(rep->n_violations, 1);
	assert_int_equal(rep->n_listed, 1);
	assert_int_equal(rep->by_kind[kind], 1);
	const rota_violation *v = &rep->violations[0];
	assert_int_equal(v->kind, kind);
	assert_int_equal(v->employee, e);
	assert_int_equal(v->day, day);
	assert_int_equal(v->value, value);
	assert_int_equal(v->limit, limit);
}

/* Checks p against r, expects the one breach, frees r, p and the report. */
static void expect_one(rota_problem *p, rota_roster *r,
		       rota_violation_kind kind, int e, int day, int value,
		       int limit)
{
	rota_report rep = chk(p, r);
	only(&rep, kind, e, day, value, limit);
	rota_report_clear(&rep);
	rota_roster_free(r);
	rota_problem_free(p);
}

static void expect_none(rota_problem *p, rota_roster *r)
{
	rota_report rep = chk(p, r);
	for (int i = 0; i < rep.n_listed; i++)
		print_message("  unexpected %s e%d day %d value %d limit %d\n",
			      rota_violation_name(rep.violations[i].kind),
			      rep.violations[i].employee, rep.violations[i].day,
			      rep.violations[i].value, rep.violations[i].limit);
	assert_int_equal(rep.n_violations, 0);
	assert_int_equal(rep.n_listed, 0);
	rota_report_clear(&rep);
	rota_roster_free(r);
	rota_problem_free(p);
}

static void add_cover(rota_problem *p, int day, int shift, unsigned skills,
		      int need, int under, int over)
{
	p->cover = realloc(p->cover, (size_t)(p->n_cover + 1) * sizeof *p->cover);
	assert_non_null(p->cover);
	p->cover[p->n_cover++] = (rota_cover){day, shift, skills, need, under,
					      over};
}

static void add_request(rota_problem *p, int e, int day, int shift,
			int weight, int on)
{
	p->requests = realloc(p->requests, (size_t)(p->n_requests + 1) *
						   sizeof *p->requests);
	assert_non_null(p->requests);
	p->requests[p->n_requests++] = (rota_request){e, day, shift, weight, on};
}

/* --- 1. a valid roster and its objective --- */

static void test_valid_roster_objective(void **state)
{
	(void)state;
	rota_problem *p = mk(7, "DEN", 4);
	enum { D, E, N };
	p->law = (rota_law){660, 2100, 750, 2880, 0, 0};
	rota_apply_daily_rest(p);
	p->employees[0].skills = ROTA_SKILL_NURSE | ROTA_SKILL_HEALTH;
	p->employees[1].skills = ROTA_SKILL_HEALTH | ROTA_SKILL_SAMI;
	p->employees[2].skills = 0;
	p->employees[3].skills = ROTA_SKILL_SAMI;
	/* Limits that are met exactly. */
	rota_employee *a = &p->employees[0];
	a->max_shifts[D] = 2;
	a->max_shifts[E] = 2;
	a->max_minutes = 1920;
	a->max_consecutive = 2;
	a->min_consecutive = 2;
	a->min_days_off = 2;
	a->max_weekends = 1;
	a->day_off[6] = 1;
	p->employees[2].min_minutes = 960;
	p->employees[2].min_consecutive = 2;
	p->employees[2].min_days_off = 2;

	/* Cover: under 10 + 100 + 7 + 20 = 137, over 3. */
	add_cover(p, 0, D, 0, 2, 10, 1);                    /* A alone: -1 */
	add_cover(p, 0, D, ROTA_SKILL_NURSE, 1, 100, 1);    /* A: met */
	add_cover(p, 0, E, ROTA_SKILL_SAMI, 1, 50, 1);      /* B: met */
	add_cover(p, 0, N, ROTA_SKILL_SAMI, 1, 50, 5);      /* D: met */
	add_cover(p, 2, D, ROTA_SKILL_NURSE, 1, 100, 1);    /* C not nurse */
	add_cover(p, 2, D, ROTA_SKILL_HEALTH, 1, 7, 1);     /* C no skill */
	add_cover(p, 3, D, 0, 1, 4, 2);                     /* C: met */
	add_cover(p, 4, D, 0, 0, 9, 3);                     /* B: +1 */
	add_cover(p, 4, D, ROTA_SKILL_NURSE | ROTA_SKILL_SAMI, 2, 20, 1);
							    /* B by Sámi */
	add_cover(p, 4, E, ROTA_SKILL_HEALTH, 1, 30, 1);    /* A: met */
	/* Requests: on 6 + 2 + 1 = 9, off 4. */
	add_request(p, 0, 0, D, 5, 1); /* met */
	add_request(p, 0, 2, D, 6, 1); /* A is off */
	add_request(p, 1, 1, E, 4, 0); /* B works it */
	add_request(p, 2, 0, D, 9, 0); /* met */
	add_request(p, 3, 0, D, 2, 1); /* D works N instead */
	add_request(p, 1, 4, E, 1, 1); /* B works D instead */

	rota_roster *r = ros(p, "DD..EE.", "EE..DD.", "..DD...", "N......");
	ov_err err;
	assert_int_equal(rota_problem_validate(p, &err), OV_OK);
	rota_report rep = chk(p, r);
	assert_int_equal(rep.n_violations, 0);
	assert_int_equal(rep.n_listed, 0);
	assert_null(rep.violations);
	assert_int_equal(rep.request_on, 9);
	assert_int_equal(rep.request_off, 4);
	assert_int_equal(rep.cover_under, 137);
	assert_int_equal(rep.cover_over, 3);
	assert_int_equal(rep.objective, 153);
	rota_report_clear(&rep);
	assert_int_equal(rep.objective, 0);
	rota_report_clear(&rep); /* twice is harmless */
	rota_roster_free(r);
	rota_problem_free(p);
}

/* A bad assignment neither counts towards cover nor meets a request. */
static void test_bad_shift_is_off_for_penalties(void **state)
{
	(void)state;
	rota_problem *p = mk(3, "DE", 2);
	add_cover(p, 1, 0, 0, 1, 10, 1);
	add_request(p, 0, 1, 0, 3, 1);
	add_request(p, 1, 2, 1, 4, 0);
	rota_roster *r = ros(p, ".!.", "..E");
	rota_report rep = chk(p, r);
	only(&rep, ROTA_V_BAD_SHIFT, 0, 1, 7, 2);
	assert_int_equal(rep.cover_under, 10);
	assert_int_equal(rep.request_on, 3);
	assert_int_equal(rep.request_off, 4);
	assert_int_equal(rep.objective, 17);
	rota_report_clear(&rep);
	rota_roster_free(r);
	rota_problem_free(p);
}

/* --- 2. each hard rule broken exactly once --- */

static void test_bad_shift(void **state)
{
	(void)state;
	/* A bad index on a fixed day off is not also a day-off breach, and
	 * the day counts as off for the runs. */
	rota_problem *p = mk(7, "DN", 1);
	p->employees[0].day_off[2] = 1;
	p->employees[0].max_consecutive = 2;
	expect_one(p, ros(p, "DD!DD.."), ROTA_V_BAD_SHIFT, 0, 2, 7, 2);

	p = mk(7, "DN", 2);
	expect_one(p, ros(p, "DD.DD..", "...?..."), ROTA_V_BAD_SHIFT, 1, 3, -2,
		   2);
}

static void test_day_off(void **state)
{
	(void)state;
	rota_problem *p = mk(7, "DN", 2);
	p->employees[1].day_off[3] = 1;
	p->employees[1].day_off[4] = 1; /* off: fine */
	expect_one(p, ros(p, "...D...", "...N..."), ROTA_V_DAY_OFF, 1, 3, 1, 0);
}

static void test_succession(void **state)
{
	(void)state;
	rota_problem *p = mk(7, "DN", 1);
	p->shifts[1].forbidden_next[0] = 1; /* no D after N */
	/* D then N, N then N, N then off: allowed. */
	expect_one(p, ros(p, "DNND.NN"), ROTA_V_SUCCESSION, 0, 2, 0, 1);
}

static void test_max_shifts(void **state)
{
	(void)state;
	rota_problem *p = mk(7, "DN", 1);
	p->employees[0].max_shifts[1] = 1;
	p->employees[0].max_shifts[0] = 2;
	/* Day 4 is the second N, the first above the limit. */
	expect_one(p, ros(p, "N.D.N.D"), ROTA_V_MAX_SHIFTS, 0, 4, 2, 1);

	p = mk(7, "DN", 1);
	p->employees[0].max_shifts[0] = 0;
	expect_one(p, ros(p, "NN.D..."), ROTA_V_MAX_SHIFTS, 0, 3, 1, 0);
}

static void test_max_minutes(void **state)
{
	(void)state;
	rota_problem *p = mk(7, "DN", 1);
	p->employees[0].max_minutes = 1000;
	/* 480, 960, 1440: above at day 4. */
	expect_one(p, ros(p, "D.D.D.."), ROTA_V_MAX_MINUTES, 0, 4, 1440, 1000);

	p = mk(7, "DN", 1);
	p->employees[0].max_minutes = 1080; /* exactly N + D */
	expect_none(p, ros(p, "N..D..."));
}

static void test_min_minutes(void **state)
{
	(void)state;
	rota_problem *p = mk(7, "DN", 2);
	p->employees[0].min_minutes = 960; /* met exactly */
	p->employees[1].min_minutes = 1000;
	expect_one(p, ros(p, "D.D....", "D.D...."), ROTA_V_MIN_MINUTES, 1, 0,
		   960, 1000);

	p = mk(7, "DN", 1);
	p->employees[0].min_minutes = 1;
	expect_one(p, ros(p, "......."), ROTA_V_MIN_MINUTES, 0, 0, 0, 1);
}

static void test_max_consecutive(void **state)
{
	(void)state;
	rota_problem *p = mk(10, "DN", 1);
	p->employees[0].max_consecutive = 3;
	expect_one(p, ros(p, ".DDNN.DDD."), ROTA_V_MAX_CONSECUTIVE, 0, 1, 4,
		   3);
}

static void test_min_consecutive(void **state)
{
	(void)state;
	rota_problem *p = mk(8, "DN", 1);
	p->employees[0].min_consecutive = 2;
	expect_one(p, ros(p, "DD.N..DD"), ROTA_V_MIN_CONSECUTIVE, 0, 3, 1, 2);
}

static void test_min_days_off(void **state)
{
	(void)state;
	rota_problem *p = mk(8, "DN", 1);
	p->employees[0].min_days_off = 2;
	expect_one(p, ros(p, "DD.DD..D"), ROTA_V_MIN_DAYS_OFF, 0, 2, 1, 2);
}

static void test_max_weekends(void **state)
{
	(void)state;
	rota_problem *p = mk(21, "D", 1);
	p->employees[0].max_weekends = 1;
	/* Saturday of week 0, nothing in week 1, Sunday of week 2. */
	expect_one(p, days(p, 0, 5, 9, 20, -1), ROTA_V_MAX_WEEKENDS, 0, 20, 2,
		   1);
}

static void test_daily_rest(void **state)
{
	(void)state;
	/* forbidden_next is left empty: the rest comes from the clocks. */
	rota_problem *p = mk(7, "DEN", 1);
	p->law.min_daily_rest = 660;
	/* E 15-23 then D 07-15: 480 minutes. D then E: 1440. E then N:
	 * 1440. N then N: 840. */
	expect_one(p, ros(p, "DEDENN."), ROTA_V_DAILY_REST, 0, 1, 480, 660);

	/* Exactly the limit is allowed; unknown start times are skipped. */
	p = mk(7, "DEX", 1);
	p->law.min_daily_rest = 480;
	expect_none(p, ros(p, "ED.XEX."));
}

static void test_weekly_rest(void **state)
{
	(void)state;
	/* Every day D 07-15: gaps of 420 before, 960 between, 540 after. */
	rota_problem *p = mk(7, "D", 1);
	p->law.min_weekly_rest = 2100;
	expect_one(p, ros(p, "DDDDDDD"), ROTA_V_WEEKLY_REST, 0, 0, 960, 2100);
}

static void test_day_minutes(void **state)
{
	(void)state;
	rota_problem *p = mk(7, "DL", 1);
	p->law.max_day_minutes = 750;
	expect_one(p, ros(p, "D.L.D.."), ROTA_V_DAY_MINUTES, 0, 2, 780, 750);
	p = mk(7, "DL", 1);
	p->law.max_day_minutes = 780;
	expect_none(p, ros(p, "D.L.D.."));
}

/* The solver's own check (rota_eval.c, written apart from the
 * checker) agrees on employee 0 of r: it finds a breach when bad. */
static void solver_agrees(const rota_problem *p, const rota_roster *r, int bad)
{
	rs_state st;
	assert_int_equal(rs_init(&st, p), 0);
	assert_int_equal(rs_emp_breaches(&st, 0, r->assign) > 0, bad);
	rs_free(&st);
}

/* One employee on `days` days with shift letters `shifts` under `law`:
 * expect_one of `kind` (day >= 0) or expect_none, with the solver's
 * check agreeing. */
static void law_case(int days, const char *shifts, rota_law law,
		     const char *row, rota_violation_kind kind, int day,
		     int value, int limit)
{
	rota_problem *p = mk(days, shifts, 1);
	p->law = law;
	rota_roster *r = ros(p, row);
	solver_agrees(p, r, day >= 0);
	if (day >= 0)
		expect_one(p, r, kind, 0, day, value, limit);
	else
		expect_none(p, r);
}

static void sunday_case(int days, int rule, const char *row, int day,
			int value, int limit)
{
	law_case(days, "DENSKX", (rota_law){.sunday_rule = rule}, row,
		 ROTA_V_SUNDAY, day, value, limit);
}

static void test_sunday_next_off(void **state)
{
	(void)state;
	const int rule = ROTA_SUNDAY_NEXT_OFF;
	/* Sundays 6 and 13 both worked: day = the first of the two. */
	sunday_case(21, rule, "......D......D.......", 6, 2, 1);
	/* Saturday evening (15:00-23:00) reaches past 18:00: Sunday work
	 * (§ 10-10); so does Saturday's night shift. */
	sunday_case(21, rule, "......D.....E........", 6, 2, 1);
	sunday_case(21, rule, "......D.....N........", 6, 2, 1);
	/* Saturday 10:00-18:00 ends as Sunday work would begin: not it;
	 * Sunday from 22:00 begins as it ends: not it either. */
	sunday_case(21, rule, "......D.....S........", -1, 0, 0);
	sunday_case(21, rule, "......D......K.......", -1, 0, 0);
	/* No clock time: a Sunday shift counts, a Saturday one does not. */
	sunday_case(21, rule, "......D......X.......", 6, 2, 1);
	sunday_case(21, rule, "......D.....X........", -1, 0, 0);
	/* A Saturday day shift ends 15:00; Sunday's night starts 23:00,
	 * past Sunday 22:00: neither is Sunday work. */
	sunday_case(21, rule, "......D.....D........", -1, 0, 0);
	sunday_case(21, rule, "......D......N.......", -1, 0, 0);
	/* Every other Sunday is the rule kept. */
	sunday_case(21, rule, "......D.............D", -1, 0, 0);
}

static void test_sunday_average(void **state)
{
	(void)state;
	const int rule = ROTA_SUNDAY_AVERAGE;
	/* Four Sundays: at most two worked, in a row or not. */
	sunday_case(28, rule, "......D......D..............", -1, 0, 0);
	sunday_case(28, rule, "......D......D......D.......", 20, 3, 2);
	/* 20 days hold two Sundays (6, 13): at most one. */
	sunday_case(20, rule, "......D......D......", 13, 2, 1);
	/* Five Sundays: half rounded up is three. */
	sunday_case(35, rule, "......D......D......D..............", -1, 0,
		    0);
}

static void test_night_average(void **state)
{
	(void)state;
	/* 14 days less 2 weekly rest days at 8 h: 5,760 minutes. Ten
	 * 10-hour nights are 6,000. */
	const rota_law law = {.night_avg_minutes = 480};
	const rota_violation_kind k = ROTA_V_NIGHT_AVERAGE;
	law_case(14, "ND", law, "NNNNN..NNNNN..", k, 0, 6000, 5760);
	/* Nine nights are within it. */
	law_case(14, "ND", law, "NNNNN..NNNN...", k, -1, 0, 0);
	/* Exactly the figure is allowed: nine nights and one day shift
	 * (5,400 + 360) in 9 nights of 10 shifts. */
	law_case(14, "NH", law, "NNNNN..NNNNH..", k, -1, 0, 0);
	/* Half the shifts on nights is not mostly: 6 N and 6 D, 6,480
	 * minutes, over the figure but not their rule. */
	law_case(14, "ND", law, "NNNNNNDDDDDD..", k, -1, 0, 0);
	/* Over the figure, but not mostly on nights (5 of 11): the rule is
	 * not theirs. */
	law_case(14, "ND", law, "NNNNNDDDDDD...", k, -1, 0, 0);
}

static void test_week_minutes(void **state)
{
	(void)state;
	rota_problem *p = mk(14, "D", 1);
	p->law.max_week_minutes = 2000;
	/* Week 0: 4 x 480 = 1920; week 1: 5 x 480 = 2400. */
	expect_one(p, ros(p, "DDDD...DDDDD.."), ROTA_V_WEEK_MINUTES, 0, 7,
		   2400, 2000);
	/* Exactly the limit is allowed. */
	p = mk(14, "D", 1);
	p->law.max_week_minutes = 2400;
	expect_none(p, ros(p, "DDDD...DDDDD.."));
}

/* A forbidden pair without clock times is a succession breach only (and
 * test_daily_rest has too little rest with forbidden_next empty): the two
 * rules do not share data. */
static void test_rules_independent(void **state)
{
	(void)state;
	rota_problem *p = mk(4, "XD", 1);
	p->law.min_daily_rest = 660;
	p->shifts[0].forbidden_next[1] = 1;
	expect_one(p, ros(p, "XD.."), ROTA_V_SUCCESSION, 0, 0, 1, 0);
}

/* Every kind in one roster: counted once each, listed per employee. */
static void test_all_kinds_counted(void **state)
{
	(void)state;
	rota_problem *p = mk(14, "DEL", 2);
	p->law = (rota_law){660, 2100, 750, 2000, 0, 0};
	p->shifts[1].forbidden_next[1] = 1;
	rota_employee *a = &p->employees[0];
	a->day_off[0] = 1;
	a->max_shifts[0] = 3;
	a->max_minutes = 5000; /* 4620 worked */
	a->min_minutes = 0;
	a->max_consecutive = 6;
	a->min_consecutive = 1;
	a->max_weekends = 0;
	rota_roster *r = ros(p, "DDDDDDED..!.L.", "..............");
	p->employees[1].min_minutes = 100;
	rota_report rep = chk(p, r);
	assert_int_equal(rep.by_kind[ROTA_V_DAY_OFF], 1);
	assert_int_equal(rep.by_kind[ROTA_V_SUCCESSION], 0); /* only E E */
	assert_int_equal(rep.by_kind[ROTA_V_MAX_SHIFTS], 1);
	assert_int_equal(rep.by_kind[ROTA_V_MAX_MINUTES], 0);
	assert_int_equal(rep.by_kind[ROTA_V_MIN_MINUTES], 1);
	assert_int_equal(rep.by_kind[ROTA_V_MAX_CONSECUTIVE], 1);
	assert_int_equal(rep.by_kind[ROTA_V_MAX_WEEKENDS], 1);
	assert_int_equal(rep.by_kind[ROTA_V_MIN_CONSECUTIVE], 0);
	assert_int_equal(rep.by_kind[ROTA_V_MIN_DAYS_OFF], 0);
	assert_int_equal(rep.by_kind[ROTA_V_DAILY_REST], 1);  /* E then D */
	assert_int_equal(rep.by_kind[ROTA_V_WEEKLY_REST], 1); /* week 0 */
	assert_int_equal(rep.by_kind[ROTA_V_DAY_MINUTES], 1);
	assert_int_equal(rep.by_kind[ROTA_V_WEEK_MINUTES], 1);
	assert_int_equal(rep.by_kind[ROTA_V_BAD_SHIFT], 1);
	assert_int_equal(rep.n_violations, 10);
	/* Listed in order of employees. */
	assert_int_equal(rep.violations[rep.n_listed - 1].employee, 1);
	assert_int_equal(rep.violations[rep.n_listed - 1].kind,
			 ROTA_V_MIN_MINUTES);
	rota_report_clear(&rep);
	rota_roster_free(r);
	rota_problem_free(p);
}

/* --- 3. edge conventions for runs --- */

static void test_runs_touching_edges(void **state)
{
	(void)state;
	/* Working runs of 1 at both ends, an inner run of 3: fine. */
	rota_problem *p = mk(10, "D", 1);
	p->employees[0].min_consecutive = 3;
	expect_none(p, ros(p, "D...DDD..D"));
	/* The same with an inner run of 2. */
	p = mk(10, "D", 1);
	p->employees[0].min_consecutive = 3;
	expect_one(p, ros(p, "D...DD...D"), ROTA_V_MIN_CONSECUTIVE, 0, 4, 2, 3);
	/* Off runs of 1 at both ends. */
	p = mk(10, "D", 1);
	p->employees[0].min_days_off = 3;
	expect_none(p, ros(p, ".DDD...DD."));
	p = mk(10, "D", 1);
	p->employees[0].min_days_off = 3;
	expect_one(p, ros(p, ".DDD..DDD."), ROTA_V_MIN_DAYS_OFF, 0, 4, 2, 3);
	/* A run that is the whole horizon touches both ends. */
	p = mk(5, "D", 1);
	p->employees[0].min_consecutive = 10;
	p->employees[0].min_days_off = 10;
	expect_none(p, ros(p, "DDDDD"));
	p = mk(5, "D", 1);
	p->employees[0].min_consecutive = 10;
	p->employees[0].min_days_off = 10;
	expect_none(p, ros(p, "....."));
	/* A one-day horizon. */
	p = mk(1, "D", 1);
	p->employees[0].min_consecutive = 3;
	p->employees[0].min_days_off = 3;
	expect_none(p, ros(p, "D"));
}

static void test_max_consecutive_counts_edges(void **state)
{
	(void)state;
	/* No history before day 0: a run from day 0 counts from day 0. */
	rota_problem *p = mk(10, "D", 1);
	p->employees[0].max_consecutive = 3;
	expect_one(p, ros(p, "DDDD......"), ROTA_V_MAX_CONSECUTIVE, 0, 0, 4,
		   3);
	p = mk(10, "D", 1);
	p->employees[0].max_consecutive = 3;
	expect_one(p, ros(p, "......DDDD"), ROTA_V_MAX_CONSECUTIVE, 0, 6, 4,
		   3);
	p = mk(10, "D", 1);
	p->employees[0].max_consecutive = 3;
	expect_none(p, ros(p, "DDD.DDD.DD"));
	/* Two long runs: two breaches. */
	p = mk(10, "D", 1);
	p->employees[0].max_consecutive = 3;
	rota_roster *r = ros(p, "DDDD.DDDDD");
	rota_report rep = chk(p, r);
	assert_int_equal(rep.n_violations, 2);
	assert_int_equal(rep.by_kind[ROTA_V_MAX_CONSECUTIVE], 2);
	assert_int_equal(rep.violations[1].day, 5);
	assert_int_equal(rep.violations[1].value, 5);
	rota_report_clear(&rep);
	rota_roster_free(r);
	rota_problem_free(p);
}

/* --- 4. weekends --- */

static void weekend_case(int n_days, int max, int day_a, int day_b,
			 int n_expected, int day, int value)
{
	rota_problem *p = mk(n_days, "D", 1);
	p->employees[0].max_weekends = max;
	rota_roster *r = days(p, day_a, day_b, -1);
	if (n_expected == 0)
		expect_none(p, r);
	else
		expect_one(p, r, ROTA_V_MAX_WEEKENDS, 0, day, value, max);
}

static void test_weekends(void **state)
{
	(void)state;
	weekend_case(14, 0, 5, -1, 1, 5, 1);  /* Saturday only */
	weekend_case(14, 0, 6, -1, 1, 6, 1);  /* Sunday only */
	weekend_case(14, 0, 5, 6, 1, 5, 1);   /* both: one weekend */
	weekend_case(14, 1, 5, 6, 0, 0, 0);   /* ... within a limit of 1 */
	weekend_case(14, 1, 6, 12, 1, 12, 2); /* two weekends */
	weekend_case(14, 1, 0, 4, 0, 0, 0);   /* weekdays do not count */
	/* A horizon ending on a Saturday (day 12): that weekend exists. */
	weekend_case(13, 0, 12, -1, 1, 12, 1);
	weekend_case(13, 1, 5, 12, 1, 12, 2);
	weekend_case(13, 0, 5, -1, 1, 5, 1); /* last Saturday off */
	/* Ending on a Friday: working it is no weekend. */
	weekend_case(12, 0, 11, -1, 0, 0, 0);
}

/* --- 5. sizes and the listing cap --- */

static void test_size_mismatch(void **state)
{
	(void)state;
	rota_problem *p = mk(7, "D", 2);
	rota_report rep;
	ov_err err;
	rota_roster *r = rota_roster_new(2, 8);
	assert_int_equal(rota_check(p, r, &rep, &err), OV_E_INPUT);
	assert_int_equal(err.code, OV_E_INPUT);
	assert_int_equal(rep.n_violations, 0);
	assert_null(rep.violations);
	rota_report_clear(&rep);
	rota_roster_free(r);
	r = rota_roster_new(3, 7);
	assert_int_equal(rota_check(p, r, &rep, &err), OV_E_INPUT);
	rota_report_clear(&rep);
	rota_roster_free(r);
	r = rota_roster_new(2, 7);
	assert_int_equal(rota_check(p, r, &rep, NULL), OV_OK);
	assert_int_equal(rep.n_violations, 0);
	rota_report_clear(&rep);
	rota_roster_free(r);
	rota_problem_free(p);
}

static void test_listing_cap(void **state)
{
	(void)state;
	rota_problem *p = mk(364, "D", 2);
	for (int d = 0; d < 364; d++)
		p->employees[0].day_off[d] = p->employees[1].day_off[d] = 1;
	rota_roster *r = rota_roster_new(2, 364);
	assert_non_null(r);
	for (int i = 0; i < 2 * 364; i++)
		r->assign[i] = 0;
	rota_report rep = chk(p, r);
	assert_int_equal(rep.n_violations, 728);
	assert_int_equal(rep.by_kind[ROTA_V_DAY_OFF], 728);
	assert_int_equal(rep.n_listed, ROTA_CHECK_MAX_LISTED);
	for (int i = 0; i < rep.n_listed; i++) {
		assert_int_equal(rep.violations[i].kind, ROTA_V_DAY_OFF);
		assert_int_equal(rep.violations[i].employee, 0);
		assert_int_equal(rep.violations[i].day, i);
	}
	rota_report_clear(&rep);
	assert_int_equal(rep.n_listed, 0);
	assert_null(rep.violations);
	rota_roster_free(r);
	rota_problem_free(p);
}

/* --- 6. weekly rest --- */

static void test_weekly_rest_weeks(void **state)
{
	(void)state;
	/* Week 0: Mon-Fri D, then off until Monday 07:00: 3420 minutes of
	 * week 0 (from Friday 15:00). Week 1: every day D, best gap 960. */
	rota_problem *p = mk(14, "D", 1);
	p->law.min_weekly_rest = 2100;
	expect_one(p, ros(p, "DDDDD..DDDDDDD"), ROTA_V_WEEKLY_REST, 0, 7, 960,
		   2100);

	/* Mon-Sat D, off Sunday and Monday, D Tue-Sun: the gap from
	 * Saturday 15:00 to Tuesday 07:00 (3840 minutes) lies 1980 in week 0
	 * and 1860 in week 1. Each week is judged by its own overlap. */
	p = mk(14, "D", 1);
	p->law.min_weekly_rest = 2100;
	rota_roster *r = ros(p, "DDDDDD..DDDDDD");
	rota_report rep = chk(p, r);
	assert_int_equal(rep.n_violations, 2);
	assert_int_equal(rep.by_kind[ROTA_V_WEEKLY_REST], 2);
	assert_int_equal(rep.violations[0].day, 0);
	assert_int_equal(rep.violations[0].value, 1980);
	assert_int_equal(rep.violations[1].day, 7);
	assert_int_equal(rep.violations[1].value, 1860);
	rota_report_clear(&rep);
	/* With 28 hours both weeks pass on that one gap. */
	p->law.min_weekly_rest = 1680;
	expect_none(p, r);

	/* Off time after the horizon counts: a partial last week (days 7-8)
	 * worked fully passes. */
	p = mk(9, "D", 1);
	p->law.min_weekly_rest = 2100;
	expect_none(p, ros(p, "DDDD...DD"));

	/* Off time before day 0 counts too: only Sunday worked. */
	p = mk(7, "N", 1);
	p->law.min_weekly_rest = 2100;
	expect_none(p, ros(p, "......N"));

	/* No start time: taken as midnight. Gaps 960 between, 0 before, 960
	 * after Sunday 08:00 until the week ends. */
	p = mk(7, "X", 1);
	p->law.min_weekly_rest = 1000;
	expect_one(p, ros(p, "XXXXXXX"), ROTA_V_WEEKLY_REST, 0, 0, 960, 1000);
	/* Exactly the limit is enough. */
	p = mk(7, "X", 1);
	p->law.min_weekly_rest = 960;
	expect_none(p, ros(p, "XXXXXXX"));

	/* A night running into the next day's D leaves no gap there. Nights
	 * Mon-Sat 23-09 and D 07-15 on Sunday: 1380 before Monday 23:00, 840
	 * between nights, none from Saturday's night to Sunday's D (they
	 * overlap), 540 after. */
	p = mk(7, "ND", 1);
	p->law.min_weekly_rest = 1400;
	expect_one(p, ros(p, "NNNNNND"), ROTA_V_WEEKLY_REST, 0, 0, 1380, 1400);
	/* A 24-hour shift from Monday 23:00 outlasts Tuesday's D 07-15: the
	 * off time starts when the long one ends (Tuesday 23:00). */
	p = mk(7, "ND", 1);
	p->shifts[0].length = 1440;
	p->law.min_weekly_rest = 7500;
	expect_one(p, ros(p, "ND....."), ROTA_V_WEEKLY_REST, 0, 0, 7260, 7500);
}

static void test_violation_names(void **state)
{
	(void)state;
	static const char *const want[ROTA_V_COUNT] = {
		"day_off",        "succession",      "max_shifts",
		"max_minutes",    "min_minutes",     "max_consecutive",
		"min_consecutive", "min_days_off",   "max_weekends",
		"daily_rest",     "weekly_rest",     "day_minutes",
		"week_minutes",   "sunday",          "night_average",
		"bad_shift",
	};
	for (int k = 0; k < ROTA_V_COUNT; k++)
		assert_string_equal(rota_violation_name(k), want[k]);
	assert_string_equal(rota_violation_name(ROTA_V_COUNT), "unknown");
	assert_string_equal(rota_violation_name((rota_violation_kind)-1),
			    "unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_roster_objective),
		cmocka_unit_test(test_bad_shift_is_off_for_penalties),
		cmocka_unit_test(test_bad_shift),
		cmocka_unit_test(test_day_off),
		cmocka_unit_test(test_succession),
		cmocka_unit_test(test_max_shifts),
		cmocka_unit_test(test_max_minutes),
		cmocka_unit_test(test_min_minutes),
		cmocka_unit_test(test_max_consecutive),
		cmocka_unit_test(test_min_consecutive),
		cmocka_unit_test(test_min_days_off),
		cmocka_unit_test(test_max_weekends),
		cmocka_unit_test(test_daily_rest),
		cmocka_unit_test(test_weekly_rest),
		cmocka_unit_test(test_day_minutes),
		cmocka_unit_test(test_week_minutes),
		cmocka_unit_test(test_sunday_next_off),
		cmocka_unit_test(test_sunday_average),
		cmocka_unit_test(test_night_average),
		cmocka_unit_test(test_rules_independent),
		cmocka_unit_test(test_all_kinds_counted),
		cmocka_unit_test(test_runs_touching_edges),
		cmocka_unit_test(test_max_consecutive_counts_edges),
		cmocka_unit_test(test_weekends),
		cmocka_unit_test(test_size_mismatch),
		cmocka_unit_test(test_listing_cap),
		cmocka_unit_test(test_weekly_rest_weeks),
		cmocka_unit_test(test_violation_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
