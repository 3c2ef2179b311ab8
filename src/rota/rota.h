/*
 * rota.h - the rota (turnus) engine: a problem in, a roster out.
 * Pure C over src/base only: no database, no printing. The CLI, the web
 * server, the staffing module and the benchmark all build a rota_problem,
 * call rota_solve, and judge the answer with rota_check (rota_check.c),
 * which shares no code with the solver.
 */
#ifndef ROTA_H
#define ROTA_H

#include <stdint.h>

#include "base/ov_err.h"

/* A day with no shift in a roster. */
#define ROTA_OFF (-1)
/* Most shift types a problem may have (the largest benchmark has 32). */
#define ROTA_MAX_SHIFTS 64
/* "No limit" for counts and minutes. */
#define ROTA_UNLIMITED (-1)

/* Shift categories, used by the night and Sunday rules and in reports. */
typedef enum {
	ROTA_CAT_OTHER = 0,
	ROTA_CAT_DAY,
	ROTA_CAT_EVENING,
	ROTA_CAT_NIGHT,
	ROTA_CAT_LONG, /* langvakt, 12-12.5 h */
} rota_category;

/*
 * Skill bits an employee has; a cover row counts the employees that have
 * any bit of its mask (mask 0 counts everyone). A nurse also has the
 * health-worker bit, so "health worker or better" is ROTA_SKILL_HEALTH.
 */
enum {
	ROTA_SKILL_NURSE = 1u << 0,  /* sykepleier */
	ROTA_SKILL_HEALTH = 1u << 1, /* helsefagarbeider (or nurse) */
	ROTA_SKILL_SAMI = 1u << 2,   /* speaks Northern Sámi at work */
};

typedef struct {
	char *id;       /* "D", "N1"; unique */
	int length;     /* minutes, > 0 */
	int start;      /* minute of the day it starts, or -1 if unknown */
	rota_category category;
	/* forbidden_next[t] != 0: shift t may not be worked the day after. */
	unsigned char *forbidden_next; /* n_shifts entries */
} rota_shift;

typedef struct {
	char *id;
	unsigned skills;      /* ROTA_SKILL_* */
	int *max_shifts;      /* per shift type; ROTA_UNLIMITED or >= 0 */
	int max_minutes;      /* over the horizon; ROTA_UNLIMITED */
	int min_minutes;      /* over the horizon; 0 for none */
	int max_consecutive;  /* working days in a row; ROTA_UNLIMITED */
	int min_consecutive;  /* working days in a row; 1 for none */
	int min_days_off;     /* days off in a row; 1 for none */
	int max_weekends;     /* weekends with Sat or Sun worked; ROTA_UNLIMITED */
	unsigned char *day_off; /* n_days entries; 1 = must not work */
	int fte_permille;     /* contract size (1000 = full time); 0 if unknown */
} rota_employee;

/* A wish to work (on) or not to work (off) a shift on a day. */
typedef struct {
	int employee, day, shift; /* indexes */
	int weight;               /* penalty when the wish is not met */
	int on;                   /* 1 = shift-on request, 0 = shift-off */
} rota_request;

/*
 * A cover row: on `day`, shift `shift` wants `need` employees having a
 * skill in `skills` (0 = anyone). Each one missing costs `under_weight`,
 * each one above costs `over_weight`. Several rows may name the same day
 * and shift (a minimum with a heavy weight, a preferred level with a light
 * one, a nurse row, a Sámi-speaker row).
 */
typedef struct {
	int day, shift;
	unsigned skills;
	int need;
	int under_weight, over_weight;
} rota_cover;

/*
 * Working Environment Act (arbeidsmiljøloven) limits, checked when shifts
 * have start times. 0 switches a rule off (the benchmark instances have no
 * clock times and switch them all off).
 */
typedef struct {
	int min_daily_rest;   /* § 10-8 (1): minutes between shifts, 660 or 480 */
	int min_weekly_rest;  /* § 10-8 (2): minutes off once per calendar
				 week, 2100 or 1680 */
	int max_day_minutes;  /* § 10-5: longest shift, e.g. 750 */
	int max_week_minutes; /* § 10-5: per calendar week, e.g. 2880/3240 */
	/* § 10-8 (4): after a Sunday worked the next one off (ROTA_SUNDAY_
	 * NEXT_OFF), or by written agreement every other Sunday off on
	 * average: at most half the period's Sundays worked, rounded up
	 * (ROTA_SUNDAY_AVERAGE). A Sunday is worked when a shift overlaps
	 * Saturday 18:00 to Sunday 22:00 (§ 10-10); a shift without a clock
	 * time counts on the day it falls. 0 switches it off. */
	int sunday_rule;
	/* § 10-11 (6): an employee mostly on nights (more than half of the
	 * shifts worked are night shifts) works at most this many minutes
	 * per 24 hours on average, the weekly rest days (one in seven) left
	 * out of the average as the EU directive 2003/88 art. 16 does:
	 * minutes worked <= night_avg_minutes * (days - days / 7). 0: off. */
	int night_avg_minutes;
} rota_law;

enum { ROTA_SUNDAY_NEXT_OFF = 1, ROTA_SUNDAY_AVERAGE = 2 };

typedef struct {
	char *name;       /* instance or unit name; may be NULL */
	int n_days;       /* day 0 is a Monday */
	int n_shifts;
	rota_shift *shifts;
	int n_employees;
	rota_employee *employees;
	int n_requests;
	rota_request *requests;
	int n_cover;
	rota_cover *cover;
	rota_law law;
} rota_problem;

/*
 * A roster: assign[e * n_days + d] is a shift index or ROTA_OFF.
 * Owned by whoever allocated it; free with rota_roster_free.
 */
typedef struct {
	int n_employees, n_days;
	int *assign;
} rota_roster;

/* --- problem (rota_problem.c) --- */

/* A zeroed problem, or NULL when out of memory. Free with rota_problem_free. */
rota_problem *rota_problem_new(void);
/* Frees p and everything it owns; p may be NULL. */
void rota_problem_free(rota_problem *p);
/* Index of the shift or employee with that id, or -1. */
int rota_shift_index(const rota_problem *p, const char *id);
int rota_employee_index(const rota_problem *p, const char *id);
/*
 * Fills forbidden_next from the shifts' start times and law.min_daily_rest
 * (a shift may not follow one that leaves less rest than that). Shifts
 * without a start time are left as they are.
 */
void rota_apply_daily_rest(rota_problem *p);
/*
 * Checks that the problem is well formed (indexes in range, positive
 * lengths, limits that can hold). OV_E_INPUT with the field named
 * ("employee[3].min_minutes") otherwise.
 */
ov_status rota_problem_validate(const rota_problem *p, ov_err *err);

/* A roster with every day off, or NULL. */
rota_roster *rota_roster_new(int n_employees, int n_days);
void rota_roster_free(rota_roster *r);

/* --- the Curtois & Qu text format (rota_cq.c) --- */

/*
 * Reads an instance of the Curtois & Qu shift-scheduling benchmark from
 * `path` (LF or CRLF). On success *out is an owned problem. On failure
 * returns OV_E_INPUT (file, line and field named in err) or OV_E_IO.
 */
ov_status rota_read_cq(const char *path, rota_problem **out, ov_err *err);
/* As rota_read_cq, from text in memory; `name` is used in messages. */
ov_status rota_parse_cq(const char *text, const char *name,
			rota_problem **out, ov_err *err);

/* --- the solver (rota_solve.c, rota_eval.c, rota_dp.c, rota_cg.c) --- */

typedef struct {
	double seconds;      /* wall-clock limit, > 0 */
	uint64_t seed;       /* the random choices of the search */
	long max_iterations; /* 0 = until the time runs out */
	/* Called now and then with the best objective so far; may be NULL. */
	void (*progress)(void *ctx, double seconds, int64_t objective,
			 int feasible);
	void *progress_ctx;
} rota_solve_opts;

typedef struct {
	int feasible;        /* every hard rule holds */
	int64_t objective;   /* as rota_check computes it */
	double seconds;      /* time spent */
	long iterations;
	/* A proven lower bound on the objective of any roster (from the
	 * linear relaxation), valid when bound_valid; when it equals the
	 * objective the roster is optimal. */
	int64_t lower_bound;
	int bound_valid;
} rota_solve_info;

/*
 * Solves p and fills *out with an owned roster (free with
 * rota_roster_free). The roster is the best found; it may break hard rules
 * when none that keeps them was found (info->feasible says). The phases
 * (best responses, column generation, diving, local search) share the
 * time limit by the clock, so two runs with one seed give the same roster
 * only when every phase finishes before its share of the time runs out
 * (small problems, or a limit the search does not need); a roster proven
 * optimal (objective == lower_bound) is reached the same way each time.
 * At most ROTA_MAX_SHIFTS shift types.
 */
ov_status rota_solve(const rota_problem *p, const rota_solve_opts *opts,
		     rota_roster **out, rota_solve_info *info, ov_err *err);

/* --- the checker (rota_check.c), independent of the solver --- */

/* What a hard-rule breach is. */
typedef enum {
	ROTA_V_DAY_OFF,         /* works on a fixed day off */
	ROTA_V_SUCCESSION,      /* forbidden shift the next day */
	ROTA_V_MAX_SHIFTS,      /* too many of one shift type */
	ROTA_V_MAX_MINUTES,
	ROTA_V_MIN_MINUTES,
	ROTA_V_MAX_CONSECUTIVE,
	ROTA_V_MIN_CONSECUTIVE,
	ROTA_V_MIN_DAYS_OFF,
	ROTA_V_MAX_WEEKENDS,
	ROTA_V_DAILY_REST,      /* AML § 10-8 (1) */
	ROTA_V_WEEKLY_REST,     /* AML § 10-8 (2) */
	ROTA_V_DAY_MINUTES,     /* AML § 10-5 */
	ROTA_V_WEEK_MINUTES,    /* AML § 10-5 */
	ROTA_V_SUNDAY,          /* AML § 10-8 (4) */
	ROTA_V_NIGHT_AVERAGE,   /* AML § 10-11 (6) */
	ROTA_V_BAD_SHIFT,       /* an assignment that is not a shift index */
	ROTA_V_COUNT
} rota_violation_kind;

typedef struct {
	rota_violation_kind kind;
	int employee;   /* index */
	int day;        /* first day concerned */
	int value;      /* what was found (count, minutes, run length) */
	int limit;      /* the limit it broke */
} rota_violation;

typedef struct {
	int n_violations;             /* all hard breaches */
	rota_violation *violations;   /* owned; at most ROTA_CHECK_MAX_LISTED */
	int n_listed;
	int by_kind[ROTA_V_COUNT];
	int64_t request_on;    /* penalty of unmet shift-on requests */
	int64_t request_off;   /* penalty of unmet shift-off requests */
	int64_t cover_under;   /* penalty of missing staff */
	int64_t cover_over;    /* penalty of staff above need */
	int64_t objective;     /* the sum of the four */
} rota_report;

#define ROTA_CHECK_MAX_LISTED 200

/*
 * Checks roster r against every hard rule of p and recomputes every
 * penalty into *rep (free its contents with rota_report_clear). Returns
 * OV_E_INPUT if the roster's size does not match the problem, OV_E_NOMEM.
 */
ov_status rota_check(const rota_problem *p, const rota_roster *r,
		     rota_report *rep, ov_err *err);
void rota_report_clear(rota_report *rep);
/* Stable English identifier of a breach kind ("max_consecutive"). */
const char *rota_violation_name(rota_violation_kind k);

#endif
