/*
 * test_rota_solve.c - the rota solver, judged by the referee (rota_check):
 * every roster it returns is checked, on the benchmark instances in
 * tests/rota/data (Instance2 to its proven optimum 828) and on random
 * small problems with skills, requests and the Working Environment Act
 * rules switched on. Also infeasible problems, determinism for a seed and
 * bad options.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/ov_rng.h"
#include "rota/rota.h"
#include "support/support.h"

/* A file of tests/rota/data (owned). */
static char *data_path(const char *name)
{
	return repo_file("tests/rota/data", name);
}

static rota_problem *instance(const char *name)
{
	char *path = data_path(name);
	rota_problem *p = NULL;
	ov_err e;
	if (rota_read_cq(path, &p, &e) != OV_OK)
		fail_msg("%s: %s", path, e.msg);
	free(path);
	return p;
}

/* The last progress report. */
typedef struct {
	int calls;
	double seconds;
	int64_t objective;
	int feasible;
} progress_log;

static void on_progress(void *ctx, double seconds, int64_t objective,
			int feasible)
{
	progress_log *l = ctx;
	l->calls++;
	l->seconds = seconds;
	l->objective = objective;
	l->feasible = feasible;
}

static void print_report(const rota_report *rep)
{
	for (int i = 0; i < rep->n_listed; i++)
		print_message("  %s e%d day %d value %d limit %d\n",
			      rota_violation_name(rep->violations[i].kind),
			      rep->violations[i].employee,
			      rep->violations[i].day,
			      rep->violations[i].value,
			      rep->violations[i].limit);
}

/*
 * Solves p and checks the answer with the referee: OV_OK, a roster of the
 * right size with only shift indexes or ROTA_OFF, info agreeing with
 * rota_check, a bound no higher than the objective and the time limit
 * kept. The report is returned in *rep (clear it) and the roster too.
 */
static rota_roster *solve_checked(const rota_problem *p, double seconds,
				  uint64_t seed, long max_it,
				  rota_solve_info *info, rota_report *rep)
{
	progress_log log = {0};
	rota_solve_opts o = {.seconds = seconds,
			     .seed = seed,
			     .max_iterations = max_it,
			     .progress = on_progress,
			     .progress_ctx = &log};
	rota_roster *r = NULL;
	ov_err e;
	ov_status st = rota_solve(p, &o, &r, info, &e);
	if (st != OV_OK)
		fail_msg("rota_solve: %s: %s", ov_status_name(st), e.msg);
	assert_non_null(r);
	assert_int_equal(r->n_employees, p->n_employees);
	assert_int_equal(r->n_days, p->n_days);
	for (int i = 0; i < p->n_employees * p->n_days; i++)
		if (r->assign[i] < ROTA_OFF || r->assign[i] >= p->n_shifts)
			fail_msg("assign[%d] = %d, not a shift of %d", i,
				 r->assign[i], p->n_shifts);
	assert_int_equal(rota_check(p, r, rep, &e), OV_OK);
	if ((rep->n_violations == 0) != (info->feasible != 0))
		print_report(rep);
	assert_int_equal(info->feasible, rep->n_violations == 0);
	assert_int_equal(info->objective, rep->objective);
	assert_int_equal(rep->objective, rep->request_on + rep->request_off +
						 rep->cover_under +
						 rep->cover_over);
	if (info->bound_valid)
		assert_true(info->lower_bound <= info->objective);
	/* The limit holds, give or take the last step. */
	assert_true(info->seconds >= 0);
	if (info->seconds > seconds + 1.5)
		fail_msg("took %.2f s with a limit of %.2f s", info->seconds,
			 seconds);
	/* The solver's own view, as last reported, is the referee's. */
	assert_true(log.calls > 0);
	assert_int_equal(log.feasible, info->feasible);
	if (info->feasible)
		assert_int_equal(log.objective, info->objective);
	return r;
}

static void test_instance2_optimal(void **state)
{
	(void)state;
	rota_problem *p = instance("Instance2.txt");
	rota_solve_info info;
	rota_report rep;
	rota_roster *r = solve_checked(p, 10, 1, 0, &info, &rep);
	if (rep.n_violations)
		print_report(&rep);
	assert_int_equal(rep.n_violations, 0);
	assert_int_equal(info.feasible, 1);
	assert_int_equal(info.objective, 828);
	assert_int_equal(info.bound_valid, 1);
	assert_int_equal(info.lower_bound, 828);
	/* Proven optimal, so it stops long before the limit. */
	if (info.seconds > 5)
		fail_msg("took %.2f s to prove 828 optimal", info.seconds);
	rota_report_clear(&rep);
	rota_roster_free(r);
	rota_problem_free(p);
}

static void test_instance1(void **state)
{
	(void)state;
	rota_problem *p = instance("Instance1.txt");
	rota_solve_info info;
	rota_report rep;
	rota_roster *r = solve_checked(p, 2, 7, 0, &info, &rep);
	if (rep.n_violations)
		print_report(&rep);
	assert_int_equal(rep.n_violations, 0);
	assert_int_equal(info.feasible, 1);
	/* 607 is the proven optimum: nothing valid can go below it. */
	assert_true(info.objective >= 607);
	if (info.bound_valid)
		assert_true(info.lower_bound <= 607);
	rota_report_clear(&rep);
	rota_roster_free(r);
	rota_problem_free(p);
}

/* --- random problems --- */

static int rnd(ov_rng *g, int lo, int hi)
{
	return (int)ov_rng_range(g, lo, hi);
}

/* Sizes of a random problem. */
typedef struct {
	int days_lo, days_hi, shifts_lo, shifts_hi, emp_lo, emp_hi;
} sizes;

static const sizes small = {7, 21, 1, 4, 2, 8};

static void set_min_minutes(ov_rng *g, rota_problem *p);

/*
 * A random problem in which the all-off roster keeps every hard rule
 * (min_minutes 0), so a feasible roster always exists; with with_min,
 * min_minutes are then raised to what a feasible roster reaches.
 */
static rota_problem *random_problem(ov_rng *g, sizes z, int with_min)
{
	static const char *const ids[] = {"D", "E", "N", "L"};
	static const int starts[] = {420, 900, 1380, 480};
	static const rota_category cats[] = {ROTA_CAT_DAY, ROTA_CAT_EVENING,
					     ROTA_CAT_NIGHT, ROTA_CAT_LONG};
	rota_problem *p = rota_problem_new();
	assert_non_null(p);
	int D = p->n_days = rnd(g, z.days_lo, z.days_hi);
	int S = p->n_shifts = rnd(g, z.shifts_lo, z.shifts_hi);
	int E = p->n_employees = rnd(g, z.emp_lo, z.emp_hi);
	p->shifts = calloc((size_t)S, sizeof *p->shifts);
	p->employees = calloc((size_t)E, sizeof *p->employees);
	assert_non_null(p->shifts);
	assert_non_null(p->employees);

	int timed = ov_rng_chance(g, 600);
	for (int s = 0; s < S; s++) {
		rota_shift *sh = &p->shifts[s];
		sh->id = strdup(ids[s]);
		sh->length = s == 3 ? 750 : rnd(g, 4, 10) * 60;
		sh->start = timed && ov_rng_chance(g, 800) ? starts[s] : -1;
		sh->category = cats[s];
		sh->forbidden_next = calloc((size_t)S, 1);
		assert_non_null(sh->forbidden_next);
		for (int t = 0; t < S; t++)
			sh->forbidden_next[t] = ov_rng_chance(g, 150);
	}
	if (timed) {
		p->law.min_daily_rest = ov_rng_chance(g, 700) ? 660 : 480;
		p->law.min_weekly_rest = ov_rng_chance(g, 600) ? 2100 : 0;
		p->law.max_week_minutes =
			ov_rng_chance(g, 500) ? (ov_rng_chance(g, 500) ? 2880
								       : 3240)
					      : 0;
		p->law.max_day_minutes = ov_rng_chance(g, 300) ? 750 : 0;
		rota_apply_daily_rest(p);
	}

	for (int e = 0; e < E; e++) {
		rota_employee *em = &p->employees[e];
		char id[16];
		snprintf(id, sizeof id, "P%d", e);
		em->id = strdup(id);
		if (ov_rng_chance(g, 300))
			em->skills |= ROTA_SKILL_NURSE | ROTA_SKILL_HEALTH;
		else if (ov_rng_chance(g, 500))
			em->skills |= ROTA_SKILL_HEALTH;
		if (ov_rng_chance(g, 400))
			em->skills |= ROTA_SKILL_SAMI;
		em->max_shifts = malloc((size_t)S * sizeof *em->max_shifts);
		assert_non_null(em->max_shifts);
		for (int s = 0; s < S; s++)
			em->max_shifts[s] = ov_rng_chance(g, 500)
						    ? ROTA_UNLIMITED
						    : rnd(g, 0, D);
		em->max_minutes = ov_rng_chance(g, 300)
					  ? ROTA_UNLIMITED
					  : rnd(g, 0, D * 8) * 60;
		em->min_minutes = 0;
		em->max_consecutive =
			ov_rng_chance(g, 300) ? ROTA_UNLIMITED : rnd(g, 1, 7);
		int mc = em->max_consecutive == ROTA_UNLIMITED
				 ? 3
				 : (em->max_consecutive < 3 ? em->max_consecutive
							    : 3);
		em->min_consecutive = rnd(g, 1, mc);
		em->min_days_off = rnd(g, 1, 3);
		em->max_weekends =
			ov_rng_chance(g, 400) ? ROTA_UNLIMITED : rnd(g, 0, 3);
		em->day_off = calloc((size_t)D, 1);
		assert_non_null(em->day_off);
		for (int d = 0; d < D; d++)
			em->day_off[d] = ov_rng_chance(g, 100);
		em->fte_permille = rnd(g, 2, 10) * 100;
	}

	int nr = rnd(g, 0, 3 * E);
	p->requests = calloc((size_t)nr + 1, sizeof *p->requests);
	assert_non_null(p->requests);
	for (int i = 0; i < nr; i++)
		p->requests[p->n_requests++] = (rota_request){
			.employee = rnd(g, 0, E - 1),
			.day = rnd(g, 0, D - 1),
			.shift = rnd(g, 0, S - 1),
			.weight = rnd(g, 1, 5),
			.on = ov_rng_chance(g, 500),
		};

	p->cover = calloc((size_t)(D * S * 3), sizeof *p->cover);
	assert_non_null(p->cover);
	for (int d = 0; d < D; d++)
		for (int s = 0; s < S; s++) {
			if (ov_rng_chance(g, 800))
				p->cover[p->n_cover++] = (rota_cover){
					.day = d, .shift = s, .skills = 0,
					.need = rnd(g, 0, (E + 1) / 2),
					.under_weight = rnd(g, 1, 100),
					.over_weight = rnd(g, 0, 5)};
			if (ov_rng_chance(g, 300))
				p->cover[p->n_cover++] = (rota_cover){
					.day = d, .shift = s,
					.skills = ROTA_SKILL_NURSE,
					.need = rnd(g, 0, 2),
					.under_weight = rnd(g, 10, 100),
					.over_weight = 0};
			if (ov_rng_chance(g, 300))
				p->cover[p->n_cover++] = (rota_cover){
					.day = d, .shift = s,
					.skills = ov_rng_chance(g, 500)
							  ? ROTA_SKILL_SAMI
							  : ROTA_SKILL_SAMI |
								    ROTA_SKILL_HEALTH,
					.need = rnd(g, 0, 2),
					.under_weight = rnd(g, 5, 50),
					.over_weight = rnd(g, 0, 1)};
		}
	if (with_min)
		set_min_minutes(g, p);
	ov_err e;
	if (rota_problem_validate(p, &e) != OV_OK)
		fail_msg("generator made a bad problem: %s", e.msg);
	return p;
}

/* Number of hard breaches of roster r (the referee's count). */
static int breaches(const rota_problem *p, const rota_roster *r)
{
	rota_report rep;
	ov_err e;
	assert_int_equal(rota_check(p, r, &rep, &e), OV_OK);
	int n = rep.n_violations;
	rota_report_clear(&rep);
	return n;
}

/* Number of hard breaches of roster r by employee e. */
static int breaches_of(const rota_problem *p, const rota_roster *r, int e)
{
	rota_report rep;
	ov_err err;
	assert_int_equal(rota_check(p, r, &rep, &err), OV_OK);
	assert_int_equal(rep.n_listed, rep.n_violations);
	int n = 0;
	for (int i = 0; i < rep.n_listed; i++)
		n += rep.violations[i].employee == e;
	rota_report_clear(&rep);
	return n;
}

/*
 * Builds a feasible roster greedily (adding random shifts on random days
 * while the referee finds no breach), then sets each employee's
 * min_minutes to a random amount up to half what that roster gives them.
 */
static void set_min_minutes(ov_rng *g, rota_problem *p)
{
	int D = p->n_days, S = p->n_shifts;
	rota_roster *r = rota_roster_new(p->n_employees, D);
	assert_non_null(r);
	assert_int_equal(breaches(p, r), 0);
	for (int e = 0; e < p->n_employees; e++) {
		int *x = &r->assign[e * D];
		for (int k = 0; k < 2 * D; k++) {
			int d = rnd(g, 0, D - 1);
			if (x[d] != ROTA_OFF)
				continue;
			x[d] = rnd(g, 0, S - 1);
			if (breaches(p, r))
				x[d] = ROTA_OFF;
		}
		int minutes = 0;
		for (int d = 0; d < D; d++)
			if (x[d] != ROTA_OFF)
				minutes += p->shifts[x[d]].length;
		/* Half of it at most, so that the solver need not find
		 * that very roster. */
		p->employees[e].min_minutes = rnd(g, 0, minutes / 2);
	}
	/* The roster keeps the new minimums too. */
	assert_int_equal(breaches(p, r), 0);
	rota_roster_free(r);
}

static void test_random_problems_feasible(void **state)
{
	(void)state;
	ov_rng g;
	ov_rng_seed(&g, 20261126);
	int law = 0, skills = 0;
	for (int k = 0; k < 20; k++) {
		rota_problem *p = random_problem(&g, small, k % 2);
		law += p->law.min_daily_rest > 0;
		for (int i = 0; i < p->n_cover; i++)
			skills += p->cover[i].skills != 0;
		rota_solve_info info;
		rota_report rep;
		rota_roster *r = solve_checked(p, 0.4, (uint64_t)k + 1, 0,
					       &info, &rep);
		if (rep.n_violations) {
			/* Under the sanitizers on a busy machine 0.4 s may
			 * be short: one more try with more time. */
			print_message("problem %d: no feasible roster in "
				      "0.4 s; trying 3 s\n",
				      k);
			rota_report_clear(&rep);
			rota_roster_free(r);
			r = solve_checked(p, 3, (uint64_t)k + 1, 0, &info,
					  &rep);
		}
		if (rep.n_violations) {
			print_message("problem %d: %d days, %d shifts, %d "
				      "employees\n",
				      k, p->n_days, p->n_shifts,
				      p->n_employees);
			print_report(&rep);
		}
		assert_int_equal(rep.n_violations, 0);
		assert_int_equal(info.feasible, 1);
		rota_report_clear(&rep);
		rota_roster_free(r);
		rota_problem_free(p);
	}
	/* The generator did exercise the law and the skill rows. */
	assert_true(law >= 3);
	assert_true(skills >= 10);
}

/* Something better than all-off on a problem where work clearly pays. */
static void test_random_beats_all_off(void **state)
{
	(void)state;
	ov_rng g;
	ov_rng_seed(&g, 77);
	for (int k = 0; k < 4; k++) {
		rota_problem *p = random_problem(&g, small, 0);
		rota_roster *off = rota_roster_new(p->n_employees, p->n_days);
		assert_non_null(off);
		rota_report rep0, rep;
		ov_err e;
		assert_int_equal(rota_check(p, off, &rep0, &e), OV_OK);
		assert_int_equal(rep0.n_violations, 0);
		rota_solve_info info;
		rota_roster *r = solve_checked(p, 0.3, 3, 0, &info, &rep);
		assert_int_equal(info.feasible, 1);
		/* A local search never ends worse than the empty roster. */
		assert_true(info.objective <= rep0.objective);
		rota_report_clear(&rep);
		rota_report_clear(&rep0);
		rota_roster_free(r);
		rota_roster_free(off);
		rota_problem_free(p);
	}
}

/*
 * The exact optimum of a two-employee problem by enumeration: every
 * schedule of each employee that the referee accepts (the other one off),
 * then every pair. The objective is recomputed here from the rules as
 * documented: per cover row pen(count), per request its weight when
 * missed; written as C + lin(a) + lin(b) + sum of q over the rows both
 * count for.
 */
typedef struct {
	int64_t lin;
	uint64_t mask; /* cover rows this schedule counts for */
	int code;
} sched;

static int counts_for(const rota_problem *p, int e, const int *x,
		      const rota_cover *c)
{
	return x[c->day] == c->shift &&
	       (c->skills == 0 || (p->employees[e].skills & c->skills));
}

static int64_t row_pen(const rota_cover *c, int count)
{
	return count < c->need ? (int64_t)(c->need - count) * c->under_weight
			       : (int64_t)(count - c->need) * c->over_weight;
}

/* Objective of roster r by this file's own reading of the rules. */
static int64_t own_objective(const rota_problem *p, const rota_roster *r)
{
	int64_t obj = 0;
	for (int i = 0; i < p->n_requests; i++) {
		const rota_request *q = &p->requests[i];
		int works = r->assign[q->employee * p->n_days + q->day] ==
			    q->shift;
		if (works != q->on)
			obj += q->weight;
	}
	for (int i = 0; i < p->n_cover; i++) {
		int n = 0;
		for (int e = 0; e < p->n_employees; e++)
			n += counts_for(p, e, &r->assign[e * p->n_days],
					&p->cover[i]);
		obj += row_pen(&p->cover[i], n);
	}
	return obj;
}

static int64_t brute_optimum(const rota_problem *p, int *feasible)
{
	int D = p->n_days, S = p->n_shifts;
	assert_int_equal(p->n_employees, 2);
	assert_true(p->n_cover <= 64);
	int total = 1;
	for (int d = 0; d < D; d++)
		total *= S + 1;
	sched *f[2];
	int nf[2] = {0, 0};
	rota_roster *r = rota_roster_new(2, D);
	assert_non_null(r);
	for (int e = 0; e < 2; e++) {
		f[e] = malloc((size_t)total * sizeof *f[e]);
		assert_non_null(f[e]);
		for (int code = 0; code < total; code++) {
			for (int i = 0; i < 2 * D; i++)
				r->assign[i] = ROTA_OFF;
			int *x = &r->assign[e * D];
			for (int d = 0, c = code; d < D; d++, c /= S + 1)
				x[d] = c % (S + 1) - 1;
			if (breaches_of(p, r, e))
				continue;
			sched *sc = &f[e][nf[e]++];
			sc->code = code;
			sc->mask = 0;
			sc->lin = 0;
			for (int i = 0; i < p->n_requests; i++) {
				const rota_request *q = &p->requests[i];
				if (q->employee == e &&
				    (x[q->day] == q->shift) != q->on)
					sc->lin += q->weight;
			}
			for (int i = 0; i < p->n_cover; i++)
				if (counts_for(p, e, x, &p->cover[i])) {
					sc->mask |= (uint64_t)1 << i;
					sc->lin += row_pen(&p->cover[i], 1) -
						   row_pen(&p->cover[i], 0);
				}
		}
	}
	rota_roster_free(r);
	int64_t c0 = 0, q[64];
	for (int i = 0; i < p->n_cover; i++) {
		c0 += row_pen(&p->cover[i], 0);
		q[i] = row_pen(&p->cover[i], 2) - 2 * row_pen(&p->cover[i], 1) +
		       row_pen(&p->cover[i], 0);
	}
	int64_t best = INT64_MAX;
	for (int a = 0; a < nf[0]; a++)
		for (int b = 0; b < nf[1]; b++) {
			int64_t v = c0 + f[0][a].lin + f[1][b].lin;
			for (uint64_t m = f[0][a].mask & f[1][b].mask; m;
			     m &= m - 1)
				v += q[__builtin_ctzll(m)];
			if (v < best)
				best = v;
		}
	*feasible = nf[0] > 0 && nf[1] > 0;
	free(f[0]);
	free(f[1]);
	return best;
}

static void test_bound_and_optimum_by_enumeration(void **state)
{
	(void)state;
	ov_rng g;
	ov_rng_seed(&g, 9001);
	for (int k = 0; k < 10; k++) {
		/* 7 days of 1 or 2 shifts, or 5 days of 3. */
		sizes z = k < 3	  ? (sizes){7, 7, 1, 1, 2, 2}
			  : k < 7 ? (sizes){7, 7, 2, 2, 2, 2}
				  : (sizes){5, 5, 3, 3, 2, 2};
		rota_problem *p = random_problem(&g, z, k % 2);
		int feasible;
		int64_t opt = brute_optimum(p, &feasible);
		assert_true(feasible);
		rota_solve_info info;
		rota_report rep;
		rota_roster *r = solve_checked(p, 0.5, (uint64_t)k, 0, &info,
					       &rep);
		assert_int_equal(info.feasible, 1);
		/* This file's objective agrees with the referee's. */
		assert_int_equal(own_objective(p, r), rep.objective);
		if (info.objective < opt)
			fail_msg("problem %d: objective %lld below the optimum "
				 "%lld",
				 k, (long long)info.objective, (long long)opt);
		if (info.bound_valid && info.lower_bound > opt)
			fail_msg("problem %d: lower bound %lld above the "
				 "optimum %lld",
				 k, (long long)info.lower_bound, (long long)opt);
		if (info.objective != opt)
			fail_msg("problem %d: objective %lld, optimum %lld", k,
				 (long long)info.objective, (long long)opt);
		rota_report_clear(&rep);
		rota_roster_free(r);
		rota_problem_free(p);
	}
}

/* One shift D of 480 minutes, n employees with no limits, cover need 1. */
static rota_problem *plain(int n_days, int n_emp)
{
	rota_problem *p = rota_problem_new();
	assert_non_null(p);
	p->n_days = n_days;
	p->n_shifts = 1;
	p->shifts = calloc(1, sizeof *p->shifts);
	assert_non_null(p->shifts);
	p->shifts[0].id = strdup("D");
	p->shifts[0].length = 480;
	p->shifts[0].start = 420;
	p->shifts[0].category = ROTA_CAT_DAY;
	p->shifts[0].forbidden_next = calloc(1, 1);
	p->n_employees = n_emp;
	p->employees = calloc((size_t)n_emp + 1, sizeof *p->employees);
	assert_non_null(p->employees);
	for (int e = 0; e < n_emp; e++) {
		rota_employee *em = &p->employees[e];
		char id[16];
		snprintf(id, sizeof id, "e%d", e);
		em->id = strdup(id);
		em->max_shifts = malloc(sizeof *em->max_shifts);
		em->max_shifts[0] = ROTA_UNLIMITED;
		em->max_minutes = ROTA_UNLIMITED;
		em->max_consecutive = ROTA_UNLIMITED;
		em->min_consecutive = 1;
		em->min_days_off = 1;
		em->max_weekends = ROTA_UNLIMITED;
		em->day_off = calloc((size_t)n_days, 1);
	}
	p->cover = calloc((size_t)n_days, sizeof *p->cover);
	assert_non_null(p->cover);
	for (int d = 0; d < n_days; d++)
		p->cover[p->n_cover++] = (rota_cover){
			.day = d, .shift = 0, .need = 1, .under_weight = 10,
			.over_weight = 1};
	return p;
}

static void test_infeasible_min_minutes(void **state)
{
	(void)state;
	/* 7 days of at most 480 minutes: 3841 minutes cannot be reached. */
	rota_problem *p = plain(7, 2);
	p->employees[1].min_minutes = 8 * 480 + 1;
	rota_solve_info info;
	rota_report rep;
	rota_roster *r = solve_checked(p, 0.3, 1, 0, &info, &rep);
	assert_int_equal(info.feasible, 0);
	assert_true(rep.n_violations >= 1);
	assert_true(rep.by_kind[ROTA_V_MIN_MINUTES] >= 1);
	int found = 0;
	for (int i = 0; i < rep.n_listed; i++)
		if (rep.violations[i].kind == ROTA_V_MIN_MINUTES &&
		    rep.violations[i].employee == 1 &&
		    rep.violations[i].limit == 3841)
			found = 1;
	assert_true(found);
	rota_report_clear(&rep);
	rota_roster_free(r);
	rota_problem_free(p);

	/* Every day off, and still a minimum to work. */
	p = plain(14, 3);
	memset(p->employees[0].day_off, 1, 14);
	p->employees[0].min_minutes = 480;
	r = solve_checked(p, 0.3, 2, 0, &info, &rep);
	assert_int_equal(info.feasible, 0);
	assert_true(rep.by_kind[ROTA_V_MIN_MINUTES] +
			    rep.by_kind[ROTA_V_DAY_OFF] >=
		    1);
	rota_report_clear(&rep);
	rota_roster_free(r);
	rota_problem_free(p);
}

static void test_no_employees(void **state)
{
	(void)state;
	/* Nobody to roster: every cover row is missed in full. */
	rota_problem *p = plain(7, 0);
	rota_solve_info info;
	rota_report rep;
	rota_roster *r = solve_checked(p, 0.3, 1, 0, &info, &rep);
	assert_int_equal(info.feasible, 1);
	assert_int_equal(info.objective, 7 * 10);
	rota_report_clear(&rep);
	rota_roster_free(r);
	rota_problem_free(p);
}

static void test_deterministic(void **state)
{
	(void)state;
	ov_rng g;
	ov_rng_seed(&g, 4242);
	rota_problem *probs[3];
	/* Instance1's bound (558) is below its optimum: the search runs all
	 * its iterations there. */
	probs[0] = instance("Instance1.txt");
	probs[1] = random_problem(&g, small, 1);
	probs[2] = random_problem(&g, (sizes){21, 21, 4, 4, 8, 8}, 1);
	static const long its[3] = {2000, 1000, 300};
	for (int i = 0; i < 3; i++) {
		rota_problem *p = probs[i];
		rota_solve_info a, b;
		rota_report ra, rb;
		rota_roster *x = solve_checked(p, 60, 99, its[i], &a, &ra);
		rota_roster *y = solve_checked(p, 60, 99, its[i], &b, &rb);
		assert_int_equal(a.iterations, b.iterations);
		assert_true(a.iterations <= its[i]);
		if (i == 0)
			assert_int_equal(a.iterations, its[i]);
		assert_int_equal(a.objective, b.objective);
		assert_int_equal(a.feasible, b.feasible);
		assert_memory_equal(x->assign, y->assign,
				    (size_t)p->n_employees * (size_t)p->n_days *
					    sizeof(int));
		rota_report_clear(&ra);
		rota_report_clear(&rb);
		rota_roster_free(x);
		rota_roster_free(y);
		rota_problem_free(p);
	}
}

/*
 * Past two weeks the search re-rosters a window of days at a time (up to
 * five weeks long on these horizons).
 * Every roster is still lawful by the referee, the windows only ever
 * improve on where the search started, and one seed gives one roster.
 */
static void test_long_horizon_windows(void **state)
{
	(void)state;
	ov_rng g;
	ov_rng_seed(&g, 5252);
	for (int k = 0; k < 4; k++) {
		rota_problem *p =
			random_problem(&g, (sizes){42, 84, 2, 4, 4, 7}, 1);
		rota_solve_info a, b, c;
		rota_report ra, rb, rc;
		rota_roster *x = solve_checked(p, 60, 7, 1, &a, &ra);
		rota_roster *y = solve_checked(p, 60, 7, 300, &b, &rb);
		rota_roster *z = solve_checked(p, 60, 7, 300, &c, &rc);
		if (rb.n_violations) {
			print_message("problem %d: %d days\n", k, p->n_days);
			print_report(&rb);
		}
		assert_int_equal(rb.n_violations, 0);
		assert_true(b.objective <= a.objective);
		assert_int_equal(b.objective, c.objective);
		assert_memory_equal(y->assign, z->assign,
				    (size_t)p->n_employees * (size_t)p->n_days *
					    sizeof(int));
		rota_report_clear(&ra);
		rota_report_clear(&rb);
		rota_report_clear(&rc);
		rota_roster_free(x);
		rota_roster_free(y);
		rota_roster_free(z);
		rota_problem_free(p);
	}
}

static void test_bad_options(void **state)
{
	(void)state;
	rota_problem *p = plain(7, 2);
	double bad[] = {0, -1, -1e-9, -INFINITY};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		rota_solve_opts o = {.seconds = bad[i], .seed = 1};
		rota_roster *r = (rota_roster *)&r;
		rota_solve_info info;
		ov_err e;
		memset(&e, 0, sizeof e);
		ov_status st = rota_solve(p, &o, &r, &info, &e);
		if (st == OV_OK) {
			rota_roster_free(r);
			fail_msg("seconds %g accepted", bad[i]);
		}
		assert_null(r);
		assert_true(e.msg[0] != '\0');
	}
	/* A problem that does not validate: no roster either. */
	p->employees[0].min_consecutive = 0;
	rota_solve_opts o = {.seconds = 1, .seed = 1};
	rota_roster *r = (rota_roster *)&r;
	rota_solve_info info;
	ov_err e;
	assert_int_equal(rota_solve(p, &o, &r, &info, &e), OV_E_INPUT);
	assert_null(r);
	assert_true(contains(e.field, "e0"));
	rota_problem_free(p);
}

/* NaN is not above zero either. */
static void test_nan_seconds(void **state)
{
	(void)state;
	rota_problem *p = plain(7, 2);
	rota_solve_opts o = {.seconds = NAN, .seed = 1};
	rota_roster *r = (rota_roster *)&r;
	rota_solve_info info;
	ov_err e;
	ov_status st = rota_solve(p, &o, &r, &info, &e);
	if (st == OV_OK)
		rota_roster_free(r);
	rota_problem_free(p);
	assert_int_not_equal(st, OV_OK);
	assert_null(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_instance2_optimal),
		cmocka_unit_test(test_instance1),
		cmocka_unit_test(test_random_problems_feasible),
		cmocka_unit_test(test_random_beats_all_off),
		cmocka_unit_test(test_bound_and_optimum_by_enumeration),
		cmocka_unit_test(test_infeasible_min_minutes),
		cmocka_unit_test(test_no_employees),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_long_horizon_windows),
		cmocka_unit_test(test_bad_options),
		cmocka_unit_test(test_nan_seconds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
