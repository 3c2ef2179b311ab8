/*
 * routes.h - the routing engine's whole public contract: a problem (a
 * depot, visits with a time window, a service time and a demand, a fleet,
 * a travel-time matrix) in, routes out; an independent checker; readers
 * for the Solomon benchmark in VRPLIB and in Solomon's own text layout.
 * Pure C over src/base only: no database, no I/O but the readers'.
 *
 * Times and distances are doubles in the instance's own unit (minutes
 * for home care); travel time equals the matrix entry. A visit's window
 * bounds the start of its service; arriving early means waiting.
 */
#ifndef ROUTES_H
#define ROUTES_H

#include <stdint.h>

#include "base/ov_err.h"

/* How arc lengths are rounded when the matrix is built from coordinates:
 * DIMACS truncates each to one decimal (the Solomon best-known rows in
 * ../shared/bench/vrptw/bks.csv); NONE keeps them unrounded. */
typedef enum { ROUTES_ROUND_DIMACS, ROUTES_ROUND_NONE } routes_rounding;

/* What is minimised: total distance alone, or fewer vehicles first and
 * then distance (the classic literature tables). */
typedef enum { ROUTES_MIN_DISTANCE, ROUTES_MIN_VEHICLES } routes_objective;

/* Windows a visit may have: [ready, due] and up to this many more. */
#define ROUTES_MAX_WINDOWS 4

/* Skills a visit may require and a caregiver may have (bits). */
#define ROUTES_SKILL_NURSE 1u         /* sykepleier: medication, wounds */
#define ROUTES_SKILL_HEALTH_WORKER 2u /* helsefagarbeider */

typedef struct {
	char *id;      /* as the user knows it: Solomon's customer number */
	double x, y;   /* coordinates (longitude, latitude when geo) */
	int demand;    /* load it takes from the vehicle */
	double ready;  /* earliest start of service */
	double due;    /* latest start of service */
	double service; /* duration of the visit */
	/* Further windows, after [ready, due] and in time order: service
	 * starts inside one of them (home care: "09-11 or 13-14"). */
	int n_more;
	double more_ready[ROUTES_MAX_WINDOWS - 1];
	double more_due[ROUTES_MAX_WINDOWS - 1];
	/* Home care; all zero in the benchmarks. */
	unsigned skills;   /* every one of these the caregiver must have */
	int sami;          /* wants service in Northern Sámi (Sameloven 3-5) */
	double sami_weight; /* cost when served by one who does not speak it */
	/* Continuity: with keep_weight > 0, the cost when another
	 * caregiver than vehicle `preferred` comes. */
	int preferred;
	double keep_weight;
	/* Two caregivers together: the node of the other half of the
	 * visit (0: none). Both halves are served or neither, on two
	 * routes, starting at the same time. */
	int twin;
	/* 0: any vehicle may serve it; k + 1: only vehicle k (a
	 * caregiver's own break, a visit that must stay on a list). */
	int owner;
} routes_visit;

/* A vehicle with its own shift: a caregiver. */
typedef struct {
	char *id;
	double start, end; /* leaves the depot at or after start, back by end */
	unsigned skills;
	int sami; /* speaks Northern Sámi */
	/* Starts (ends) the route at its own place, e.g. at home, instead
	 * of the depot: coordinates as the nodes' (geo: longitude x). */
	int own_start, own_end;
	double start_x, start_y, end_x, end_y;
} routes_vehicle;

typedef struct {
	char *name;
	/* Node 0 is the depot; nodes 1..n_visits are the visits, in input
	 * order. The depot's ready/due are the horizon: leave at or after
	 * ready, be back by due. */
	int n_visits;
	routes_visit *nodes; /* n_visits + 1 */
	int n_vehicles;      /* fleet size: at most this many routes */
	int capacity;        /* per vehicle */
	/* NULL: n_vehicles alike, each working the depot's hours with every
	 * skill. Otherwise n_vehicles entries, one per caregiver. */
	routes_vehicle *vehicles;
	routes_rounding rounding;
	routes_objective objective;
	/* Coordinates are degrees (x longitude, y latitude): travel time is
	 * the great-circle distance times road_factor at speed_kmh, in
	 * minutes, instead of the plane distance. */
	int geo;
	double road_factor, speed_kmh;
	/* (n_visits + 1)^2 travel times, row-major; routes_problem_matrix
	 * fills it from the coordinates. */
	double *travel;
	/* When some vehicle starts or ends at its own place: n_vehicles x
	 * (n_visits + 1) times from its start to each node (leave) and
	 * from each node to its end (back); NULL otherwise. Filled by
	 * routes_problem_matrix. */
	double *leave, *back;
} routes_problem;

/* Travel from node a to node b on vehicle veh's route: node 0 at a
 * route's ends is the vehicle's own start or end when it has one. */
static inline double routes_leg(const routes_problem *p, int veh, int a,
				int b)
{
	size_t n = (size_t)p->n_visits + 1;
	if (p->leave && veh >= 0 && veh < p->n_vehicles) {
		if (a == 0 && p->vehicles[veh].own_start)
			return p->leave[(size_t)veh * n + (size_t)b];
		if (b == 0 && p->vehicles[veh].own_end)
			return p->back[(size_t)veh * n + (size_t)a];
	}
	return p->travel[(size_t)a * n + (size_t)b];
}

/* A solution: each route lists visit node numbers (1..n_visits) in
 * order, the depot left out. Visits in no route are unserved. */
typedef struct {
	int n_routes;
	int *route_start; /* n_routes + 1 offsets into seq */
	int *seq;
	/* n_routes: which vehicle drives each (0-based); NULL: route i is
	 * vehicle i. */
	int *vehicle;
} routes_plan;

typedef enum {
	ROUTES_V_TWICE,    /* a visit appears more than once */
	ROUTES_V_UNKNOWN,  /* a node number outside 1..n_visits */
	ROUTES_V_LATE,     /* service starts after the window closes */
	ROUTES_V_OVERLOAD, /* a route's demand exceeds the capacity */
	ROUTES_V_RETURN,   /* back at the depot after its horizon */
	ROUTES_V_FLEET,    /* more routes than vehicles, or one used twice */
	ROUTES_V_SKILL,    /* the caregiver lacks a skill the visit needs */
	ROUTES_V_SYNC,     /* two-caregiver halves: one alone, one route,
			    * or different start times */
	ROUTES_V_OWNER,    /* on another vehicle than the one it belongs to */
	ROUTES_V_N
} routes_violation_kind;

typedef struct {
	routes_violation_kind kind;
	int route; /* 0-based, -1 if none */
	int node;  /* the visit, or 0 for the depot */
	double value, limit;
} routes_violation;

#define ROUTES_MAX_LISTED 32

/* The checker's verdict, recomputed from the problem alone. */
typedef struct {
	int vehicles;    /* non-empty routes */
	double distance; /* sum of travel over every route */
	int unserved;    /* visits in no route */
	/* Soft costs (home care): visits served without the Sámi they
	 * want, visits not kept with their caregiver, and what those cost
	 * by the visits' weights. */
	int sami_missed, keep_missed;
	double soft_cost;
	int n_violations;
	int n_listed; /* at most ROUTES_MAX_LISTED */
	routes_violation violations[ROUTES_MAX_LISTED];
} routes_report;

typedef struct {
	double seconds; /* time limit, > 0 */
	uint64_t seed;
	/* Stop after this many iterations (0: none); with it one seed gives
	 * one plan whatever the machine. */
	long max_iterations;
	/* Called about once a second with the best so far (may be NULL). */
	void (*progress)(void *ctx, double seconds, int vehicles,
			 double distance, int unserved);
	void *progress_ctx;
} routes_solve_opts;

typedef struct {
	double seconds;
	long iterations;
	int vehicles;
	double distance;
	int unserved;
	double soft_cost; /* as routes_report counts it */
} routes_solve_info;

/* Life cycle. routes_problem_new gives an empty problem with n_visits
 * visits (and the depot) zeroed; free with routes_problem_free. */
routes_problem *routes_problem_new(int n_visits);
void routes_problem_free(routes_problem *p);
/* Builds p->travel from the coordinates under p->rounding (plane) or
 * from degrees when p->geo. */
ov_status routes_problem_matrix(routes_problem *p, ov_err *err);
/* Checks what the solver relies on (windows, demands, capacity, matrix);
 * names the first bad node. */
ov_status routes_problem_validate(const routes_problem *p, ov_err *err);

/*
 * Reads an instance: VRPLIB CVRPTW (.vrp, a `NAME :` header and
 * sections) or Solomon's text layout (a name line, then VEHICLE and
 * CUSTOMER blocks), told apart by their content. Fills the matrix with
 * the default convention of the layout (DIMACS + distance for VRPLIB,
 * unrounded + vehicles for Solomon's text) unless the caller changes
 * p->rounding and calls routes_problem_matrix again. Every error names
 * the file, the line and the field.
 */
ov_status routes_read(const char *path, routes_problem **out, ov_err *err);

/*
 * Replaces travel times with those of a CSV file of `from,to,minutes`
 * rows (first, optionally, the header line from,to,minutes) keyed by
 * node ids, e.g. made by a road router such as OSRM: every node with
 * id `from` to every node
 * with id `to`. Pairs not in the file keep their time; unknown ids are
 * skipped. *applied counts the matrix entries set. On an error (naming
 * the file, line and field) p is unchanged.
 */
ov_status routes_matrix_read(const char *path, routes_problem *p,
			     int *applied, ov_err *err);

void routes_plan_free(routes_plan *r);

/* The plan's distance of route i, straight from the matrix. */
double routes_route_distance(const routes_problem *p, const routes_plan *r,
			     int i);

/* The referee, written apart from the solver: every hard rule, the
 * distance and the vehicles. Fails only on allocation. */
ov_status routes_check(const routes_problem *p, const routes_plan *r,
		       routes_report *rep, ov_err *err);
const char *routes_violation_name(routes_violation_kind k);

/* The start of service of every visit under plan r as the referee
 * times it (the halves of a two-caregiver visit wait for each other):
 * start[v] for v in 0..n_visits, -1 when v is unserved (and for the
 * depot). Fails only on allocation. */
ov_status routes_plan_starts(const routes_problem *p, const routes_plan *r,
			     double *start, ov_err *err);

/* Window w (0..n_more) of visit x. */
static inline double routes_win_ready(const routes_visit *x, int w)
{
	return w ? x->more_ready[w - 1] : x->ready;
}

static inline double routes_win_due(const routes_visit *x, int w)
{
	return w ? x->more_due[w - 1] : x->due;
}

/* Why a visit may be left unserved: no caregiver has the skill it
 * needs; no qualified caregiver could reach it inside its window even
 * on a route of its own (and be back by the end of the shift); or it
 * could be reached but the routes have no room for it. */
typedef enum {
	ROUTES_WHY_SKILL,
	ROUTES_WHY_WINDOW,
	ROUTES_WHY_TIME
} routes_unserved_why;

/* The reason for visit v (1..n_visits), from the problem alone. */
routes_unserved_why routes_unserved_reason(const routes_problem *p, int v);

/* Solves p; *out is owned by the caller. */
ov_status routes_solve(const routes_problem *p, const routes_solve_opts *opts,
		       routes_plan **out, routes_solve_info *info,
		       ov_err *err);

#endif
