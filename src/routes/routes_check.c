/*
 * routes_check.c - the referee: walks every route from the problem's
 * data alone (not the solver's bookkeeping) and lists every broken hard
 * rule, the distance, the vehicles used and the visits left unserved.
 * The tests run it on every plan the solver returns.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "routes/routes.h"

/* Times are sums of doubles; a start this much past a window's close is
 * rounding, not lateness. */
#define EPS 1e-6

static const char *const names[ROUTES_V_N] = {
	"twice", "unknown_node", "late", "overload", "late_return", "fleet",
	"skill", "together", "owner"};

const char *routes_violation_name(routes_violation_kind k)
{
	return k < ROUTES_V_N ? names[k] : "?";
}

static void add(routes_report *rep, routes_violation_kind k, int route,
		int node, double value, double limit)
{
	if (rep->n_listed < ROUTES_MAX_LISTED)
		rep->violations[rep->n_listed++] = (routes_violation){
			.kind = k, .route = route, .node = node,
			.value = value, .limit = limit};
	rep->n_violations++;
}

/* The start of service at x for an arrival at t: in the first window
 * that has not closed by then. *closed (may be NULL) is set when every
 * window has; the start is then the arrival. */
static double window_start(const routes_visit *x, double t, int *closed)
{
	for (int w = 0; w <= x->n_more; w++)
		if (t <= routes_win_due(x, w) + EPS) {
			if (closed)
				*closed = 0;
			double r = routes_win_ready(x, w);
			return t < r ? r : t;
		}
	if (closed)
		*closed = 1;
	return t;
}

/* Where route i starts: the later of the depot's opening and the
 * caregiver's shift, or -1 for a vehicle outside the fleet. */
static double route_opens(const routes_problem *p, const routes_plan *r,
			  int i)
{
	int veh = r->vehicle ? r->vehicle[i] : i;
	double t = p->nodes[0].ready;
	if (p->vehicles && veh >= 0 && veh < p->n_vehicles &&
	    p->vehicles[veh].start > t)
		t = p->vehicles[veh].start;
	return t;
}

/*
 * Starts of service when the halves of a two-caregiver visit wait for
 * each other: each half starts at the later of the two arrivals. That
 * can delay what follows on either route and so other pairs, so the
 * walk is repeated until nothing moves (starts only grow; a pair that
 * waits on itself around two routes stops growing once late, and is
 * judged by the walk in routes_check). hold[v] is the start the pair
 * imposes, -1 for none.
 */
static void pair_holds(const routes_problem *p, const routes_plan *r,
		       double *hold, double *began, int *on)
{
	size_t n = (size_t)p->n_visits + 1;
	for (size_t v = 0; v < n; v++) {
		hold[v] = -1;
		on[v] = -1;
	}
	for (int round = 0; round <= p->n_visits; round++) {
		for (int i = 0; i < r->n_routes; i++) {
			double t = route_opens(p, r, i);
			size_t prev = 0;
			for (int k = r->route_start[i];
			     k < r->route_start[i + 1]; k++) {
				int v = r->seq[k];
				if (v < 1 || v > p->n_visits)
					continue;
				t += routes_leg(p, r->vehicle ? r->vehicle[i] : i,
						(int)prev, v);
				t = window_start(&p->nodes[v], t, NULL);
				if (t < hold[v])
					t = hold[v];
				began[v] = t;
				on[v] = i;
				t += p->nodes[v].service;
				prev = (size_t)v;
			}
		}
		int moved = 0;
		for (size_t v = 1; v < n; v++) {
			size_t w = (size_t)p->nodes[v].twin;
			if (!w || w >= n || on[v] < 0 || on[w] < 0 ||
			    on[v] == on[w])
				continue;
			double m = began[v] > began[w] ? began[v] : began[w];
			int closed;
			window_start(&p->nodes[v], m, &closed);
			if (m > began[v] + EPS && closed)
				continue; /* late already: no use waiting */
			if (m > began[v] + EPS) {
				hold[v] = m;
				moved = 1;
			}
		}
		if (!moved)
			break;
	}
}

ov_status routes_check(const routes_problem *p, const routes_plan *r,
		       routes_report *rep, ov_err *err)
{
	memset(rep, 0, sizeof *rep);
	size_t n = (size_t)p->n_visits + 1;
	unsigned char *seen = calloc(n, 1);
	unsigned char *driving = calloc((size_t)p->n_vehicles + 1, 1);
	/* Each visit's route and start, for the two-caregiver rule. */
	int *on = malloc(n * sizeof *on);
	double *began = malloc(n * sizeof *began);
	double *hold = malloc(n * sizeof *hold);
	if (!seen || !driving || !on || !began || !hold) {
		free(seen);
		free(driving);
		free(on);
		free(began);
		free(hold);
		return OV_FAIL(err, OV_E_NOMEM, "", "%s", _("out of memory"));
	}
	pair_holds(p, r, hold, began, on);
	const routes_visit *depot = &p->nodes[0];
	for (int i = 0; i < r->n_routes; i++) {
		int a = r->route_start[i], b = r->route_start[i + 1];
		if (a == b)
			continue;
		rep->vehicles++;
		/* The caregiver's shift narrows the depot's hours. */
		int veh = r->vehicle ? r->vehicle[i] : i;
		const routes_vehicle *cg = NULL;
		if (veh >= 0 && veh < p->n_vehicles) {
			if (driving[veh]++)
				add(rep, ROUTES_V_FLEET, i, 0, veh, p->n_vehicles);
			cg = p->vehicles ? &p->vehicles[veh] : NULL;
		} else if (p->vehicles) {
			add(rep, ROUTES_V_FLEET, i, 0, veh, p->n_vehicles);
		}
		double t = depot->ready, end = depot->due;
		if (cg && cg->start > t)
			t = cg->start;
		if (cg && cg->end < end)
			end = cg->end;
		long load = 0;
		size_t prev = 0;
		for (int k = a; k < b; k++) {
			int v = r->seq[k];
			if (v < 1 || v > p->n_visits) {
				add(rep, ROUTES_V_UNKNOWN, i, v, v, p->n_visits);
				continue;
			}
			if (seen[v]++)
				add(rep, ROUTES_V_TWICE, i, v, seen[v], 1);
			const routes_visit *x = &p->nodes[v];
			double leg = routes_leg(p, veh, (int)prev, v);
			rep->distance += leg;
			t += leg;
			int closed;
			t = window_start(x, t, &closed);
			if (t < hold[v])
				t = window_start(x, hold[v], &closed);
			if (closed)
				add(rep, ROUTES_V_LATE, i, v, t,
				    routes_win_due(x, x->n_more));
			on[v] = i;
			began[v] = t;
			unsigned has = cg ? cg->skills : ~0u;
			if (x->skills & ~has)
				add(rep, ROUTES_V_SKILL, i, v, x->skills, has);
			if (x->owner && x->owner - 1 != veh)
				add(rep, ROUTES_V_OWNER, i, v, veh,
				    x->owner - 1);
			if (x->sami && !(cg && cg->sami)) {
				rep->sami_missed++;
				rep->soft_cost += x->sami_weight;
			}
			if (x->keep_weight > 0 && x->preferred != veh) {
				rep->keep_missed++;
				rep->soft_cost += x->keep_weight;
			}
			t += x->service;
			load += x->demand;
			prev = (size_t)v;
		}
		double back = routes_leg(p, veh, (int)prev, 0);
		rep->distance += back;
		t += back;
		if (t > end + EPS)
			add(rep, ROUTES_V_RETURN, i, 0, t, end);
		if (load > p->capacity)
			add(rep, ROUTES_V_OVERLOAD, i, 0, (double)load,
			    p->capacity);
	}
	if (rep->vehicles > p->n_vehicles)
		add(rep, ROUTES_V_FLEET, -1, 0, rep->vehicles, p->n_vehicles);
	for (size_t v = 1; v < n; v++) {
		rep->unserved += !seen[v];
		size_t w = (size_t)p->nodes[v].twin;
		if (!w || w < v || w >= n)
			continue; /* each pair once, from its lower node */
		if (!seen[v] != !seen[w] ||
		    (seen[v] && (on[v] == on[w] ||
				 fabs(began[v] - began[w]) > EPS)))
			add(rep, ROUTES_V_SYNC, seen[v] ? on[v] : -1, (int)v,
			    seen[w] ? began[w] : -1, seen[v] ? began[v] : -1);
	}
	free(seen);
	free(driving);
	free(on);
	free(began);
	free(hold);
	return OV_OK;
}

/* Could vehicle veh (or an alike one, veh -1) serve visit v on a route
 * of its own, inside the window and back by the end of its shift? */
static int reachable_alone(const routes_problem *p, int veh, int v)
{
	const routes_visit *depot = &p->nodes[0], *x = &p->nodes[v];
	double t = depot->ready, end = depot->due;
	if (veh >= 0 && p->vehicles[veh].start > t)
		t = p->vehicles[veh].start;
	if (veh >= 0 && p->vehicles[veh].end < end)
		end = p->vehicles[veh].end;
	int closed;
	t = window_start(x, t + routes_leg(p, veh, 0, v), &closed);
	return !closed && t + x->service + routes_leg(p, veh, v, 0) <= end + EPS;
}

routes_unserved_why routes_unserved_reason(const routes_problem *p, int v)
{
	if (!p->vehicles)
		return reachable_alone(p, -1, v) ? ROUTES_WHY_TIME
						 : ROUTES_WHY_WINDOW;
	int qualified = 0;
	for (int k = 0; k < p->n_vehicles; k++) {
		if ((p->nodes[v].skills & ~p->vehicles[k].skills) ||
		    (p->nodes[v].owner && p->nodes[v].owner - 1 != k))
			continue;
		qualified = 1;
		if (reachable_alone(p, k, v))
			return ROUTES_WHY_TIME;
	}
	return qualified ? ROUTES_WHY_WINDOW : ROUTES_WHY_SKILL;
}

ov_status routes_plan_starts(const routes_problem *p, const routes_plan *r,
			     double *start, ov_err *err)
{
	size_t n = (size_t)p->n_visits + 1;
	double *hold = malloc(n * sizeof *hold);
	int *on = malloc(n * sizeof *on);
	if (!hold || !on) {
		free(hold);
		free(on);
		return OV_FAIL(err, OV_E_NOMEM, "", "%s", _("out of memory"));
	}
	pair_holds(p, r, hold, start, on);
	for (size_t v = 0; v < n; v++)
		if (!v || on[v] < 0)
			start[v] = -1;
	free(hold);
	free(on);
	return OV_OK;
}
