/*
 * staff.h - staffing (M6): a unit's shift types, døgnrytmeplan and
 * bemanningsplan, the rota_problem built from them and its employees for
 * the engine (src/rota/), and the solved rotas stored. Owns the SQL on
 * shift_type, rhythm_hour, staffing_need and rota_plan*. Called by demo/
 * and cli/ (the web server runs the command line for its writes).
 *
 * The audit trail. Every function that writes takes `who`, the actor of
 * the change, and appends one row to the audit trail (auth_audit, table
 * audit_log) in the same transaction as the write, so the two are
 * stored together or not at all; a function joins its caller's
 * transaction when one is open (the caller then commits or rolls back
 * both). Each row names the action ("rota.plan", "rota.shift_set",
 * "rota.rhythm_set", "rota.need_set", "rota.derive"), the table and the
 * row's key as entity and entity_id, the unit's municipality, and the
 * row as JSON before and after (NULL where it did not exist). who NULL
 * writes no audit row: that is only for a bulk load that is itself one
 * unaudited transaction (demo_load, `init --demo`) and for tests; every
 * user's change passes an actor (auth_actor_cli on the command line).
 */
#ifndef STAFF_H
#define STAFF_H

#include <stddef.h>
#include <stdint.h>

#include "auth/auth.h"
#include "base/ov_date.h"
#include "base/ov_err.h"
#include "base/ov_money.h"
#include "base/ov_rng.h"
#include "db/db.h"
#include "rota/rota.h"

/*
 * Terms. A døgnrytmeplan ("day-rhythm plan") lists, hour by hour over a
 * week, what happens in a unit and how many staff of which skill it
 * takes. A bemanningsplan ("staffing plan") turns that into staff per
 * weekday, shift and skill. A turnus is the rota that gives each
 * employee a shift or a day off on every day of a period (often 6
 * weeks). A langvakt is a long shift of 12-12.5 h (here 08:00-20:00),
 * used so that fewer people need to work each weekend.
 */

/* Weekly hours of a full-time rota post (KS HTA § 4.2: 35.5 h for rota
 * work under aml. § 10-4 (4)). */
#define STAFF_WEEK_MINUTES (35 * 60 + 30)
/* How far a rota may run from an employee's contracted hours over the
 * whole period, either way (see staff_build_problem). */
#define STAFF_HOURS_TOLERANCE 240

/* --- shift types --- */

/* One shift a unit works (a shift_type row). */
typedef struct {
	int64_t id;
	int64_t unit_id;
	char code[16];     /* "D", "A", "N", "L" */
	char name_nb[64];
	char name_se[64];
	int start_min;     /* minute of the day, 0-1439 */
	int length_min;    /* 1-1440; may run past midnight */
	char category[8];  /* day, evening, night, long, other */
} staff_shift_type;

/*
 * The unit's shift types ordered by start time, then id. *out is owned
 * (free()); *n their count (0 gives *out NULL).
 * Errors: OV_E_NOTFOUND (no such unit, field "unit"), OV_E_DB, OV_E_NOMEM.
 */
ov_status staff_shift_types_list(db *d, int64_t unit_id,
				 staff_shift_type **out, size_t *n,
				 ov_err *err);

/*
 * Adds a shift type to unit_id, or updates the one with the same code.
 * Checks code (1-15 bytes), name_nb (not empty), start_min (0-1439),
 * length_min (1-1440) and category; name_se may be empty (Bokmål is then
 * shown). st->id and st->unit_id are ignored. *id (may be NULL) gets the
 * row's id. Audited as "rota.shift_set" on shift_type (entity_id the
 * row's id; before NULL for a new code). Errors: OV_E_INPUT naming the
 * field, OV_E_NOTFOUND ("unit"), OV_E_DB. Nothing is written on failure.
 */
ov_status staff_shift_type_set(db *d, const auth_actor *who, int64_t unit_id,
			       const staff_shift_type *st, int64_t *id,
			       ov_err *err);

/* --- the døgnrytmeplan --- */

/* One hour of a unit's week: staff needed in it, by skill. The counts
 * are separate heads (a nurse is not also counted as a health worker). */
typedef struct {
	int weekday;        /* 0 = Monday */
	int hour;           /* 0-23: the hour from hour:00 to hour+1:00 */
	int nurses;
	int health_workers; /* helsefagarbeidere, nurses not included */
	int others;         /* assistants and other staff */
	int sami_needed;    /* how many of them must speak Northern Sámi */
	char task_nb[128];  /* what happens then ("Morgenstell") */
	char task_se[128];
} staff_rhythm_hour;

/*
 * The unit's døgnrytmeplan ordered by weekday and hour; hours not stored
 * are missing (they need nobody). *out is owned (free()), *n its count.
 * Errors: OV_E_NOTFOUND ("unit"), OV_E_DB, OV_E_NOMEM.
 */
ov_status staff_rhythm_list(db *d, int64_t unit_id, staff_rhythm_hour **out,
			    size_t *n, ov_err *err);

/*
 * Stores one hour (h->weekday, h->hour) of the unit's døgnrytmeplan,
 * replacing what was there. Counts must be >= 0, weekday 0-6, hour 0-23.
 * Does not touch the bemanningsplan: call staff_derive_plan for that.
 * Audited as "rota.rhythm_set" on rhythm_hour, entity_id
 * "unit_id:weekday:hour" (before NULL for an hour not stored).
 * Errors: OV_E_INPUT naming the field ("nurses"), OV_E_NOTFOUND ("unit"),
 * OV_E_DB. Nothing is written on failure.
 */
ov_status staff_rhythm_set(db *d, const auth_actor *who, int64_t unit_id,
			   const staff_rhythm_hour *h, ov_err *err);

/* --- the bemanningsplan --- */

/* Skills a staffing need can ask for, as stored in staffing_need.skill. */
#define STAFF_SKILL_NURSE "nurse"   /* nurses */
#define STAFF_SKILL_HEALTH "health" /* health workers or nurses */
#define STAFF_SKILL_ANY "any"       /* everyone on the shift */
#define STAFF_SKILL_SAMI "sami"     /* Northern Sámi speakers */

/* One row of the bemanningsplan. Counts are cumulative: "health" counts
 * nurses too, "any" is the whole shift. */
typedef struct {
	int weekday;          /* 0 = Monday */
	int64_t shift_type_id;
	char shift_code[16];
	char skill[8];        /* nurse, health, any, sami */
	int min_count;        /* must have */
	int preferred_count;  /* would like; >= min_count */
} staff_need;

/*
 * The unit's bemanningsplan ordered by weekday, shift start, skill.
 * *out is owned (free()); *n its count.
 * Errors: OV_E_NOTFOUND ("unit"), OV_E_DB, OV_E_NOMEM.
 */
ov_status staff_needs_list(db *d, int64_t unit_id, staff_need **out,
			   size_t *n, ov_err *err);

/*
 * Sets one need: on weekday (0-6), the unit's shift with code
 * shift_code wants min_count..preferred_count staff with skill. Both 0
 * removes the row. Errors: OV_E_INPUT naming the field ("weekday",
 * "skill", "min_count", "preferred_count": counts must be >= 0 and
 * min <= preferred), OV_E_NOTFOUND ("unit", or "shift" for an unknown
 * code), OV_E_DB. Nothing is written on failure. On success *changed
 * (unless NULL) is how many rows it wrote or removed (0: the row to
 * remove was not there). Audited as "rota.need_set" on staffing_need,
 * entity_id "unit_id:weekday:shift_type_id:skill" (before NULL for a
 * new row, after NULL for a removed one); removing a row that is not
 * there writes nothing and is not audited.
 */
ov_status staff_need_set(db *d, const auth_actor *who, int64_t unit_id,
			 int weekday, const char *shift_code, const char *skill,
			 int min_count, int preferred_count, int *changed,
			 ov_err *err);

/*
 * Recomputes the unit's bemanningsplan from its døgnrytmeplan, replacing
 * its rows for every shift that is not a langvakt, in one transaction.
 *
 * Each hour belongs to one shift: of the shifts on duty at hh:30, the one
 * that started last (so a handover hour belongs to the incoming shift:
 * with dag 07:30-15:30 and aften 15:00-22:30, 07-14 is dag's and 15-21
 * aften's; natt 22:00-07:45 owns 22-06). Langvakter (category 'long')
 * own no hours: how many a unit wants is a choice the planner sets with
 * staff_need_set, and the staff they put on duty (their min_count) is
 * subtracted from the hours they cover before the other shifts are
 * derived. For each shift, weekday and skill, over the hours it owns:
 * preferred_count is the peak (the largest need), min_count the level
 * at least half of those hours need (the upper median), so a short
 * morning peak is wished for and the rest of the shift is required.
 * A shift that starts on Monday evening owns Tuesday's night hours.
 * Audited as one "rota.derive" row on staffing_need, entity_id the
 * unit's id, before and after {"unit", "needs": [...]}: the unit's whole
 * bemanningsplan. Errors: OV_E_NOTFOUND ("unit"), OV_E_INPUT
 * ("rhythm_hour": an hour that needs staff but no shift covers),
 * OV_E_DB. On failure the old plan stays.
 */
ov_status staff_derive_plan(db *d, const auth_actor *who, int64_t unit_id,
			    ov_err *err);

/* --- the rota problem --- */

/* An employee of a rota problem, at the same index as in the problem. */
typedef struct {
	int64_t employee_id;
	char employee_no[16];  /* the problem's employee id */
	char given_name[64];
	char family_name[64];
	int fte_bp;            /* the posts in the unit together, <= 10000 */
	char competence[16];   /* nurse, health_worker, unskilled, other */
	int sami_speaker;      /* sami_proficiency >= 2 */
	unsigned skills;       /* ROTA_SKILL_* */
	int target_minutes;    /* contracted minutes over the horizon */
} staff_map_employee;

/* Engine indexes back to the database. Owned; free with staff_map_free. */
typedef struct {
	int64_t unit_id;
	ov_day from_day;   /* the Monday of day 0 */
	int weeks;
	int n_days;
	int n_employees;
	staff_map_employee *employees;
	int n_shifts;
	staff_shift_type *shifts; /* the problem's shift s is shifts[s] */
} staff_map;

void staff_map_free(staff_map *m);

/*
 * Builds the rota problem of unit_id for `weeks` (1-52) weeks from
 * from_day, which must be a Monday.
 *
 * Shifts are the unit's shift types (ids = codes), with the daily rest
 * of aml. § 10-8 (1) (11 h) turned into forbidden successions; law:
 * weekly rest 35 h (§ 10-8 (2)), at most 12.5 h a day and 54 h a week
 * (§ 10-5 (3), the averaging agreements rota units have).
 *
 * Employees are those holding a post in the unit except the leader's
 * (the unit's first post: leaders work days, outside the turnus); two
 * posts of one person are merged. Contract: FTE x 35.5 h a week, and the
 * rota may run STAFF_HOURS_TOLERANCE (4 h) over or under it across the
 * whole period: with shifts of 7.5-9.75 h an exact match is often
 * impossible, and a few plus or minus hours are settled in the next
 * period (plusstid/minustid). Skills: nurse -> NURSE|HEALTH,
 * health_worker -> HEALTH, Sámi proficiency >= 2 -> SAMI. At most 5
 * working days in a row, days off at least 2 in a row; at least 2
 * working days in a row for posts of 50 % or more (single days are
 * tiring and disliked), 1 for smaller posts (whose weekends often come
 * alone). Weekends: every third (weeks/3 rounded up), the usual goal;
 * but when the unit's weekend minimum staffing cannot be covered by its
 * people working every third weekend, every other (weeks/2 rounded up),
 * the most § 10-8 (4) allows on average.
 *
 * Cover, for each day (public holidays use Sunday's plan) and need row:
 * min_count with weight 1000 per missing person (500 for Sámi speakers),
 * preferred_count above the minimum with weight 10; the "any" row also
 * costs 5 per person above preferred, and a shift with no "any" need on
 * a day costs 5 per person put on it.
 *
 * On success *out (free with rota_problem_free) and *map (free with
 * staff_map_free) are owned by the caller; on failure both are NULL.
 * Errors: OV_E_NOTFOUND ("unit"); OV_E_INPUT naming the field: "from"
 * (not a Monday), "weeks", "shift_type" (none), "employees" (nobody in
 * a rota post), "staffing_need" (no bemanningsplan, or a need for a
 * skill no employee has: the message names the shift and weekday);
 * OV_E_DB, OV_E_NOMEM.
 */
ov_status staff_build_problem(db *d, int64_t unit_id, ov_day from_day,
			      int weeks, rota_problem **out, staff_map **map,
			      ov_err *err);

/* --- stored rotas --- */

/* A stored rota's header (a rota_plan row). */
typedef struct {
	int64_t id;
	int64_t unit_id;
	ov_day from_day;
	int weeks;
	char created_at[32];  /* UTC, "2026-11-26T10:00:00Z" */
	int64_t objective;
	int feasible;
	double seconds;
	uint64_t seed;
} staff_plan;

/*
 * Stores a solved roster of unit_id (as built by staff_build_problem,
 * whose map names its rows and shifts) with the solver's info and seed,
 * in one transaction: on failure nothing is written. *plan_id (may be
 * NULL) gets the new plan's id. Audited as "rota.plan" on rota_plan
 * (entity_id the new plan's id): after {unit, from, weeks, plan_id,
 * objective, feasible, employees}, before {unit, plan_id} of the rota
 * that covered from_day until now (staff_rota_covering), NULL if none
 * did.
 * Errors: OV_E_INPUT (map, roster, unit, from_day or weeks do not fit
 * together, or an assignment is not a shift), OV_E_NOTFOUND ("unit"),
 * OV_E_DB.
 */
ov_status staff_store_rota(db *d, const auth_actor *who, int64_t unit_id,
			   ov_day from_day, int weeks, const staff_map *map,
			   const rota_roster *roster,
			   const rota_solve_info *info, uint64_t seed,
			   int64_t *plan_id, ov_err *err);

/*
 * Loads stored plan plan_id: *plan its header, *map its employees (in
 * the stored order, with the contract stored with the plan and today's
 * names) and the unit's shift types, *roster the assignments. *map and
 * *roster are owned (staff_map_free, rota_roster_free); NULL on failure.
 * Errors: OV_E_NOTFOUND ("plan"), OV_E_DB, OV_E_NOMEM.
 */
ov_status staff_load_rota(db *d, int64_t plan_id, staff_plan *plan,
			  staff_map **map, rota_roster **roster, ov_err *err);

/* --- who is at work on a day --- */

/* An employee on a shift on one day, from a stored rota. */
typedef struct {
	staff_map_employee employee; /* with the contract stored with it */
	staff_shift_type shift;
} staff_duty;

/*
 * The newest stored rota of unit_id whose period holds day: its id in
 * *plan_id. Errors: OV_E_NOTFOUND (field "rota": none covers the day;
 * the message says how to make one), OV_E_DB.
 */
ov_status staff_rota_covering(db *d, int64_t unit_id, ov_day day,
			      int64_t *plan_id, ov_err *err);

/*
 * Everyone on a shift on `day` in that rota, in the rota's order. *out
 * is owned (free()), *n its count (0 when the rota gives the whole unit
 * the day off); *plan_id (may be NULL) the rota's id. Errors: those of
 * staff_rota_covering and staff_load_rota.
 */
ov_status staff_on_duty(db *d, int64_t unit_id, ov_day day,
			staff_duty **out, int *n, int64_t *plan_id,
			ov_err *err);

/* --- demo --- */

/*
 * Loads the demo staffing: for every round-the-clock unit, shift types
 * (dag, aften, natt; a weekend langvakt in nursing homes), a
 * døgnrytmeplan sized to the unit's staff and the bemanningsplan derived
 * from it. Reads the organisation only, so it is deterministic for a
 * demo seed; rng is unused. Called by demo_load inside its transaction
 * after org_demo_load. Errors: OV_E_DB, OV_E_NOMEM.
 */
ov_status staff_demo_load(db *d, ov_rng *rng, ov_err *err);

/* --- exports --- */

#include <stdio.h> /* FILE, for staff_export_csv_stream */

/*
 * Exports of a stored rota, owned by staff_export.c; called by `ovttas
 * rota export` (cli/cmd_rota_export.c) and later the web UI. plan, map and
 * roster are as staff_load_rota gives them. Files are written to a
 * temporary file beside the target and renamed into place, so a failed
 * export never leaves a half-written file; an existing target is only
 * replaced when force is nonzero. Errors name the field "path" (the
 * target) or "roster": OV_E_EXISTS (target exists, force 0),
 * OV_E_INPUT (target is not a file/folder or cannot be created, or the
 * roster does not fit the map), OV_E_IO (writing failed), OV_E_NOMEM.
 * Texts (headers, shift and weekday names) follow the current language.
 */

/*
 * CSV (RFC 4180: comma-separated, CRLF, fields with a comma, quote or
 * line break quoted) with a header row, then one row per employee and
 * day, employee by employee: date (YYYY-MM-DD), employee number, name,
 * shift code, start and end (HH:MM; an end before the start is on the
 * next day) and hours ("7.50"); a day off has an empty code, start, end
 * and hours. The stream version writes to out and does not close it.
 */
ov_status staff_export_csv_stream(const staff_plan *plan, const staff_map *map,
				  const rota_roster *roster, FILE *out,
				  ov_err *err);
ov_status staff_export_csv(const staff_plan *plan, const staff_map *map,
			   const rota_roster *roster, const char *path,
			   int force, ov_err *err);

/*
 * An Excel workbook (xlsx) at path: sheet 1 the rota grid (employees by
 * dates, weekday names and dates in two frozen header rows, shift codes
 * in the cells, weekends and public holidays shaded, a legend of the
 * shifts below), sheet 2 hours per employee (contract against rota).
 */
ov_status staff_export_xlsx(const staff_plan *plan, const staff_map *map,
			    const rota_roster *roster, const char *path,
			    int force, ov_err *err);

/*
 * One iCalendar file (RFC 5545) per employee in folder dir, created if
 * missing (its parent must exist), named staff_export_ics_name(). Each
 * worked day is a VEVENT with DTSTART/DTEND in local time (TZID
 * Europe/Oslo, with its VTIMEZONE), SUMMARY the shift's name, UID
 * "<plan>-<employee_no>-<YYYYMMDD>@ovttas" and DTSTAMP the plan's
 * created_at. Every file is written to a temporary file first; they are
 * renamed into place only when all were written. Without force, any
 * existing target fails the export before anything is written; other
 * files in dir are left alone.
 */
ov_status staff_export_ics(const staff_plan *plan, const staff_map *map,
			   const rota_roster *roster, const char *dir,
			   int force, ov_err *err);

/*
 * The file name of an employee's calendar: employee_no with ".ics", any
 * byte but ASCII letters, digits, '-' and '_' replaced by '_'. Returns
 * buf (truncated to n bytes).
 */
char *staff_export_ics_name(const char *employee_no, char *buf, size_t n);

/* --- rota reports (staff_report.c) --- */

/*
 * Pay assumed when costing a rota, in øre per hour. ASSUMPTIONS, not
 * tariff text: plausible 2026 levels under the KS Hovedtariffavtale
 * (ordinary hourly pay of a nurse, a health worker (fagarbeider) and an
 * unskilled assistant with some seniority; the kvelds-/natt- and
 * helgetillegg of HTA § 5 as flat amounts per hour). Wages only: no
 * holiday pay, pension or employer's tax (zone 5: 0 %), no overtime,
 * and public holidays cost like weekdays (their 133 % supplement is not
 * included). Change them here when the real figures are known.
 */
#define STAFF_WAGE_NURSE OV_KR(300)     /* sykepleier */
#define STAFF_WAGE_HEALTH OV_KR(260)    /* helsefagarbeider */
#define STAFF_WAGE_UNSKILLED OV_KR(230) /* assistent, and "other" */
#define STAFF_SUPP_EVENING OV_KR(60)    /* 17:00-21:00 */
#define STAFF_SUPP_NIGHT OV_KR(60)      /* 21:00-06:00, aml. § 10-11 */
#define STAFF_SUPP_WEEKEND OV_KR(60)    /* Sat 00:00-Sun 24:00 */
/* Clock limits of the supplements, minutes of the day. */
#define STAFF_EVENING_FROM (17 * 60)
#define STAFF_NIGHT_FROM (21 * 60)
#define STAFF_NIGHT_TO (6 * 60)

/* The hourly wage assumed for a competence code (nurse, health_worker,
 * unskilled, other). */
ov_ore staff_hourly_wage(const char *competence);

/* How one shift and skill of the bemanningsplan was covered. */
typedef struct {
	int shift;             /* index in the map's shifts */
	char skill[8];         /* STAFF_SKILL_* */
	int min_lo, min_hi;    /* range of min_count over the period */
	int pref_lo, pref_hi;  /* range of preferred_count */
	int days_needed;       /* days with min_count > 0 */
	int days_met;          /* of those, days the minimum was met */
	int missing;           /* staff-shifts below the minimum, all days */
	int preferred_missing; /* staff-shifts between the minimum and the
				  preferred level that were not filled */
} staff_cover_line;

/* A day on which a shift had fewer staff of a skill than its minimum. */
typedef struct {
	int day;       /* from the map's from_day */
	int shift;     /* index in the map's shifts */
	char skill[8];
	int need;      /* min_count */
	int have;
} staff_short_day;

/* One employee's rota, at the map's index. */
typedef struct {
	int minutes;         /* worked over the period */
	int shifts;          /* shifts worked */
	int weekends;        /* weekends with a shift on Saturday or Sunday */
	int evening_minutes; /* of minutes, those in each supplement's hours */
	int night_minutes;
	int weekend_minutes;
	ov_ore cost;         /* wage and supplements */
} staff_employee_sum;

/* The rota's cost by part; total is their sum. */
typedef struct {
	ov_ore wages, evening, night, weekend, total;
} staff_cost;

/* What a roster gives: coverage, hours, full-time share and cost. */
typedef struct {
	int n_cover;
	staff_cover_line *cover;   /* by shift, then skill (any, health,
				      nurse, sami) */
	int n_short;
	staff_short_day *shorts;   /* by day, shift, skill */
	int missing;               /* sums of the cover lines */
	int preferred_missing;
	int n_employees, n_shifts;
	staff_employee_sum *employees;
	int *shift_counts;         /* [e * n_shifts + s]: shifts of type s */
	int posts;                 /* employees with an FTE above 0 */
	int fulltime;              /* of those, at 100 % */
	int fulltime_permille;     /* fulltime of posts; 0 when none */
	int average_fte_bp;        /* mean FTE of the posts */
	int64_t fte_total_bp;
	staff_cost cost;
} staff_rota_summary;

/*
 * Summarises roster r of the problem built with map m from the unit's
 * bemanningsplan needs[0..n_needs) (staff_needs_list): coverage of each
 * need on each day (a public holiday uses Sunday's plan, as
 * staff_build_problem does), hours, shift counts and weekends per
 * employee, the full-time share of the posts and the cost at the
 * STAFF_WAGE_* and STAFF_SUPP_* rates. *out owns its arrays (free with
 * staff_rota_summary_clear, also after a failure). Errors: OV_E_INPUT
 * (roster and map differ in size, or an assignment is not a shift),
 * OV_E_NOMEM.
 */
ov_status staff_rota_summarize(const staff_map *m, const staff_need *needs,
			       size_t n_needs, const rota_roster *r,
			       staff_rota_summary *out, ov_err *err);
void staff_rota_summary_clear(staff_rota_summary *s);

/* --- a stored rota to show (staff_rota_view.c) --- */

/* A stored rota with its summary against the unit's bemanningsplan. */
typedef struct {
	staff_plan plan;
	staff_map *map;
	rota_roster *roster;
	staff_rota_summary sum;
} staff_rota_view;

/* Loads plan_id and summarises it. Free with staff_rota_view_free (also
 * safe after a failure). Errors: those of staff_load_rota,
 * staff_needs_list and staff_rota_summarize. */
ov_status staff_rota_view_load(db *d, int64_t plan_id, staff_rota_view *v,
			       ov_err *err);
void staff_rota_view_free(staff_rota_view *v);

/* The newest stored rota of unit_id, whatever its period. Errors:
 * OV_E_NOTFOUND (field "rota"), OV_E_DB. */
ov_status staff_rota_latest(db *d, int64_t unit_id, int64_t *plan_id,
			    ov_err *err);

/* --- full-time variants (staff_report.c) --- */

/* A post the spreading of a variant would make smaller than this is left
 * vacant (a "vacancy" of the variant) and its FTE spread over the rest. */
#define STAFF_MIN_POST_BP 2000

/*
 * The same FTE budget as map m's employees hold together, with the k
 * largest posts (ties: in map order) made full time and what is left
 * spread over the others in proportion to their posts, in whole per
 * cent, largest first; a post that would shrink below STAFF_MIN_POST_BP
 * is left vacant (0) and its share spread over the rest, smallest
 * first. k = the current number of full-time posts gives today's posts.
 * fte_bp (m->n_employees entries) gets each employee's new FTE.
 * Returns 0, or -1 when k posts of 100 % do not fit in the budget or k
 * exceeds the number of employees.
 */
int staff_fulltime_spread(const staff_map *m, int k, int *fte_bp);

/*
 * A copy of problem p and map m (built by staff_build_problem, with the
 * bemanningsplan needs[0..n_needs)) in which employee e has FTE
 * fte_bp[e]: contract minutes, min/max minutes, days in a row and
 * weekends recomputed by staff_build_problem's rules; an FTE of 0
 * leaves the post vacant (every day off, no hours). *out and *omap are
 * owned (rota_problem_free, staff_map_free); NULL on failure.
 * Errors: OV_E_INPUT (an FTE outside 0-10000), OV_E_NOMEM.
 */
ov_status staff_problem_with_fte(const rota_problem *p, const staff_map *m,
				 const staff_need *needs, size_t n_needs,
				 const int *fte_bp, rota_problem **out,
				 staff_map **omap, ov_err *err);

#endif
