/*
 * care_route.h - the day's home-care routes (M7): the routing problem of
 * one municipality, day and shift built from the database (the visits
 * due, the caregivers the stored rota puts on the shift), and the lists
 * the planner made, stored and read back. Owns the SQL on route_plan,
 * route_caregiver, route_stop and route_unserved. The engine is
 * src/routes/; who is at work comes from src/staffing/.
 */
#ifndef CARE_ROUTE_H
#define CARE_ROUTE_H

#include <stdint.h>

#include "auth/auth.h"
#include "base/ov_date.h"
#include "base/ov_err.h"
#include "care.h"
#include "db/db.h"
#include "routes/routes.h"

typedef enum { CARE_SHIFT_DAY, CARE_SHIFT_EVENING } care_shift;

/* "day" / "evening", and back (-1 for anything else). */
const char *care_shift_name(care_shift s);
int care_shift_parse(const char *s);
/* "day shift" / "evening shift" in the reader's language. */
const char *care_shift_label(care_shift s);

/* Travel from coordinates: great-circle distance times this factor
 * (roads wind round lakes and rivers) at this mean speed. */
#define CARE_ROAD_FACTOR 1.35
#define CARE_SPEED_KMH 60.0

/* What a preference is worth, in minutes of driving: served in
 * Norwegian when the recipient asks for Sámi; another caregiver than
 * the one who came last time; and, when re-planning, a visit moved off
 * the list of a caregiver who is still at work. The order of the
 * objective (every visit served, then driving, then these) is kept by
 * the engine for the first and traded off for the others: a strict
 * order would let one minute of driving outweigh a recipient's right to
 * be served in Sámi (Sameloven § 3-5). */
/* Breaks (arbeidsmiljøloven § 10-9): at least one when the day is over
 * 5.5 hours, 30 minutes in all when it is 8 hours or more. Home care
 * takes it at the office, starting in the middle third of the shift. */
#define CARE_BREAK_LONG 30
#define CARE_BREAK_SHORT 20

#define CARE_SAMI_WEIGHT 20.0
#define CARE_KEEP_WEIGHT 10.0
#define CARE_CONTACT_WEIGHT 15.0 /* the recipient's contact not sent */
#define CARE_STAY_WEIGHT 60.0

/* A caregiver on the shift. */
typedef struct {
	int64_t employee_id;
	char employee_no[16];
	char given_name[64];
	char family_name[64];
	char competence[16]; /* nurse, health_worker, unskilled, other */
	int sami_speaker;
	char shift_code[16];
	int start_min, end_min; /* minutes after midnight */
	int from_home;          /* starts and ends at home (caregiver_home) */
	double home_lat, home_lon;
	/* The break: its length (0: none), the window for its start, and
	 * on stored lists where it fell: its start (-1: no room), the
	 * visits before it and the drive to the office. */
	int break_min, break_from, break_to;
	double break_start;
	int break_after;
	double break_drive;
	double back_drive; /* stored lists: last stop to the office/home */
} care_caregiver;

/* A visit due on the day, with what the lists show about it. */
typedef struct {
	int64_t visit_request_id;
	int64_t recipient_id;
	char code[16]; /* the recipient's pseudonymous code */
	char name[130];
	char settlement[64];
	char language[4]; /* "se" or "nb" */
	char task[32];
	char competence[16]; /* nurse, health_worker, any */
	int two_caregivers;
	int part; /* two caregivers: 0 the one with the task, 1 the other */
	int break_of; /* k + 1: not a visit but caregiver k's break */
	int window_start, window_end, duration_min;
	int n_more; /* further windows, in time order */
	int more_start[CARE_MORE_WINDOWS], more_end[CARE_MORE_WINDOWS];
	double lat, lon;
} care_visit_due;

/* The day's problem. Node i (1..n_visits) of `problem` is visits[i-1]
 * (a visit for two caregivers is there twice, as parts 0 and 1, twins
 * in the engine; each caregiver's break is there too, at the office,
 * owned by that caregiver);
 * its vehicle k is caregivers[k]; the depot is the municipality's
 * office. */
typedef struct {
	int64_t municipality_id;
	int64_t unit_id; /* the home-care unit (KOSTRA 258) */
	ov_day day;
	care_shift shift;
	int64_t rota_plan_id; /* the rota the caregivers come from */
	int n_caregivers;
	care_caregiver *caregivers;
	int n_visits;
	care_visit_due *visits;
	routes_problem *problem;
} care_day;

struct care_route;

/* A change to a planned day, for re-planning; zero for none. */
typedef struct {
	int64_t sick_employee_id; /* off the lists */
	int64_t late_employee_id; /* starts late_min later */
	int late_min;
	/* A recipient's visits of the shift not made today (code, and the
	 * task or NULL for all), and a recipient's visit made today though
	 * its pattern does not say so (code and task). */
	const char *cancel_code, *cancel_task;
	const char *add_code, *add_task;
	/* Only visits on these lists (served or not) come, plus the added
	 * one: what earlier changes cancelled stays cancelled. */
	const struct care_route *base;
} care_change;

/*
 * Builds the problem of municipality_id's home care on `day` and shift:
 * the visit requests whose weekday pattern has the day and whose window
 * opens before the evening shift starts (day) or from then on
 * (evening); the caregivers the newest stored rota covering the day
 * puts on a shift of that category (day and long count as day), each
 * with a break. Visits of Sámi speakers get the Sámi preference; each
 * visit prefers the recipient's best-ranked contact at work
 * (recipient_contact; the primærkontakt first) who has the skill, or
 * else the caregiver who served it on the newest earlier stored plan of
 * the shift, when that one is at work. chg (may be NULL)
 * changes the day as it says. *out is owned (care_day_free).
 * Errors: OV_E_NOTFOUND ("unit": no home-care unit; "rota": no stored
 * rota covers the day, with how to make one; "--sick", "--late": not on
 * the shift; "--cancel", "--add": no such visit in the shift),
 * OV_E_INPUT ("caregivers": nobody is on the shift; "--add": already
 * due; "--minutes": later than the shift's end), OV_E_DB, OV_E_NOMEM.
 */
ov_status care_day_build(db *d, int64_t municipality_id, ov_day day,
			 care_shift shift, const care_change *chg,
			 care_day **out, ov_err *err);
void care_day_free(care_day *cd);

/* --- stored lists --- */

/* A stop of a stored list, or an unserved visit (row -1). */
typedef struct {
	care_visit_due visit;
	int row;         /* caregiver row, -1 when unserved */
	double arrive;   /* minutes after midnight */
	double start;
	double drive;    /* from the stop before (or the office) */
	char why[8];     /* unserved: skill, window or time */
} care_stop;

/* A stored planning of a day and shift. */
typedef struct care_route {
	int64_t id;
	int64_t municipality_id;
	int64_t unit_id;
	ov_day day;
	care_shift shift;
	int64_t rota_plan_id;
	int64_t replaces; /* 0: the first planning of the day */
	char reason[64];
	char created_at[32];
	double travel_min, soft_cost, seconds;
	uint64_t seed;
	int n_caregivers;
	care_caregiver *caregivers;
	int n_stops;        /* served stops by caregiver row and order,
			     * then the unserved */
	care_stop *stops;
} care_route;

/*
 * Stores the solved plan of cd (routes from routes_solve on
 * cd->problem) in one transaction (or the caller's, when one is open):
 * the header, the caregivers, every stop with its times, and every
 * visit left out with the reason from routes_unserved_reason. replaces
 * (0: none) and reason describe a re-planning. *id (may be NULL) gets
 * the new plan's id.
 *
 * who (the actor, see auth_actor) gets one audit row in the same
 * transaction: action "routes.plan", or "routes.replan" when replaces
 * is not 0, on entity route_plan with the new plan's id and the
 * municipality's id; after {municipality, date, shift, plan_id,
 * rota_plan_id, replaces, reason, caregivers, stops, unserved,
 * travel_min}, before {plan_id} of the day and shift's current lists
 * until now (NULL when there were none). who NULL writes no audit row,
 * which only tests of the store itself may do.
 *
 * Errors: OV_E_INPUT (the plan breaks a hard rule: nothing is stored),
 * OV_E_DB, OV_E_NOMEM.
 */
ov_status care_route_store(db *d, const auth_actor *who, const care_day *cd,
			   const routes_plan *r, const routes_solve_info *info,
			   uint64_t seed, int64_t replaces, const char *reason,
			   int64_t *id, ov_err *err);

/*
 * The current (newest) planning of municipality_id's day and shift.
 * *out is owned (care_route_free). Errors: OV_E_NOTFOUND ("date": none
 * stored; the message says how to make one), OV_E_DB, OV_E_NOMEM.
 */
ov_status care_route_current(db *d, int64_t municipality_id, ov_day day,
			     care_shift shift, care_route **out, ov_err *err);
void care_route_free(care_route *r);

/* The caregiver row of r serving part `part` of visit_request_id, or
 * -1. */
int care_route_row_of(const care_route *r, int64_t visit_request_id,
		      int part);

#endif
