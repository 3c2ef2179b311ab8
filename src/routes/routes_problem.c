/*
 * routes_problem.c - the problem's life cycle, the travel-time matrix
 * built from coordinates, and validation of what the solver relies on.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "routes/routes.h"

routes_problem *routes_problem_new(int n_visits)
{
	if (n_visits < 0)
		return NULL;
	routes_problem *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->n_visits = n_visits;
	p->nodes = calloc((size_t)n_visits + 1, sizeof *p->nodes);
	if (!p->nodes) {
		free(p);
		return NULL;
	}
	return p;
}

void routes_problem_free(routes_problem *p)
{
	if (!p)
		return;
	for (int i = 0; i <= p->n_visits; i++)
		free(p->nodes[i].id);
	for (int i = 0; p->vehicles && i < p->n_vehicles; i++)
		free(p->vehicles[i].id);
	free(p->vehicles);
	free(p->nodes);
	free(p->travel);
	free(p->leave);
	free(p->back);
	free(p->name);
	free(p);
}

/* Great-circle distance in km between two points given in degrees
 * (haversine, mean Earth radius). */
static double km_between(const routes_visit *a, const routes_visit *b)
{
	const double rad = 3.14159265358979323846 / 180.0;
	double dlat = (b->y - a->y) * rad, dlon = (b->x - a->x) * rad;
	double h = sin(dlat / 2) * sin(dlat / 2) +
		   cos(a->y * rad) * cos(b->y * rad) * sin(dlon / 2) *
			   sin(dlon / 2);
	return 2.0 * 6371.0 * asin(sqrt(h < 1 ? h : 1));
}

/*
 * One arc. DIMACS truncates the length to one decimal: sqrt(100 * q)
 * is the length in tenths, and the small epsilon keeps a square root
 * that should be whole (13.0 computed as 12.9999999) from losing a
 * tenth.
 */
static double arc(const routes_problem *p, const routes_visit *a,
		  const routes_visit *b)
{
	if (p->geo)
		return km_between(a, b) * p->road_factor / p->speed_kmh * 60.0;
	routes_rounding r = p->rounding;
	double dx = a->x - b->x, dy = a->y - b->y, q = dx * dx + dy * dy;
	if (r == ROUTES_ROUND_DIMACS)
		return floor(sqrt(100.0 * q) + 1e-9) / 10.0;
	return sqrt(q);
}

/* The leave and back rows of vehicles with places of their own (the
 * rest copy the depot's rows). */
static ov_status homes(routes_problem *p, ov_err *err)
{
	free(p->leave);
	free(p->back);
	p->leave = p->back = NULL;
	int any = 0;
	for (int k = 0; p->vehicles && k < p->n_vehicles; k++)
		any |= p->vehicles[k].own_start || p->vehicles[k].own_end;
	if (!any)
		return OV_OK;
	size_t n = (size_t)p->n_visits + 1, V = (size_t)p->n_vehicles;
	p->leave = malloc(V * n * sizeof *p->leave);
	p->back = malloc(V * n * sizeof *p->back);
	if (!p->leave || !p->back)
		return OV_FAIL(err, OV_E_NOMEM, "", "%s", _("out of memory"));
	for (size_t k = 0; k < V; k++) {
		const routes_vehicle *v = &p->vehicles[k];
		routes_visit from = {.x = v->start_x, .y = v->start_y};
		routes_visit to = {.x = v->end_x, .y = v->end_y};
		for (size_t j = 0; j < n; j++) {
			p->leave[k * n + j] =
				v->own_start ? arc(p, &from, &p->nodes[j])
					     : p->travel[j];
			p->back[k * n + j] =
				v->own_end ? arc(p, &p->nodes[j], &to)
					   : p->travel[j * n];
		}
	}
	return OV_OK;
}

ov_status routes_problem_matrix(routes_problem *p, ov_err *err)
{
	if (p->geo && !(p->road_factor > 0 && p->speed_kmh > 0))
		return OV_FAIL(err, OV_E_INPUT, "speed", "%s",
			       _("the road factor and the speed must be above "
				 "zero"));
	size_t n = (size_t)p->n_visits + 1;
	double *t = malloc(n * n * sizeof *t);
	if (!t)
		return OV_FAIL(err, OV_E_NOMEM, "", "%s", _("out of memory"));
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			t[i * n + j] = i == j ? 0.0
					      : arc(p, &p->nodes[i], &p->nodes[j]);
	free(p->travel);
	p->travel = t;
	return homes(p, err);
}

ov_status routes_problem_validate(const routes_problem *p, ov_err *err)
{
	if (!p->travel)
		return OV_FAIL(err, OV_E_INPUT, "", "%s",
			       _("the problem has no travel times"));
	if (p->n_vehicles < 1)
		return OV_FAIL(err, OV_E_INPUT, "vehicles", "%s",
			       _("the fleet must have at least one vehicle"));
	if (p->capacity < 0)
		return OV_FAIL(err, OV_E_INPUT, "capacity", "%s",
			       _("the capacity must not be negative"));
	for (int i = 0; i <= p->n_visits; i++) {
		const routes_visit *v = &p->nodes[i];
		const char *id = v->id ? v->id : "?";
		if (!(v->ready <= v->due) || !isfinite(v->ready) ||
		    !isfinite(v->due))
			return OV_FAIL(err, OV_E_INPUT, id,
				       _("node %s: its time window closes "
					 "before it opens"),
				       id);
		int bad = v->n_more < 0 || v->n_more >= ROUTES_MAX_WINDOWS;
		for (int w = 0; !bad && w < v->n_more; w++)
			bad = !(v->more_ready[w] <= v->more_due[w]) ||
			      !(v->more_ready[w] > routes_win_due(v, w)) ||
			      !isfinite(v->more_due[w]);
		if (bad)
			return OV_FAIL(err, OV_E_INPUT, id,
				       _("node %s: its further time windows "
					 "must open and close in order, each "
					 "after the one before"),
				       id);
		if (!(v->service >= 0) || v->demand < 0)
			return OV_FAIL(err, OV_E_INPUT, id,
				       _("node %s: service time and demand "
					 "must not be negative"),
				       id);
	}
	for (int i = 0; p->vehicles && i < p->n_vehicles; i++) {
		const routes_vehicle *v = &p->vehicles[i];
		const char *id = v->id ? v->id : "?";
		if (!(v->start <= v->end) || !isfinite(v->start) ||
		    !isfinite(v->end))
			return OV_FAIL(err, OV_E_INPUT, id,
				       _("caregiver %s: the shift ends before "
					 "it starts"),
				       id);
	}
	for (int i = 1; i <= p->n_visits; i++) {
		int k = p->nodes[i].preferred;
		if ((p->nodes[i].keep_weight > 0 &&
		     (k < 0 || k >= (p->vehicles ? p->n_vehicles : 0))) ||
		    !(p->nodes[i].sami_weight >= 0) ||
		    !(p->nodes[i].keep_weight >= 0))
			return OV_FAIL(err, OV_E_INPUT, p->nodes[i].id ? p->nodes[i].id : "?",
				       _("node %s: its preferred caregiver or a "
					 "weight is out of range"),
				       p->nodes[i].id ? p->nodes[i].id : "?");
	}
	for (int i = 1; i <= p->n_visits; i++) {
		int o = p->nodes[i].owner;
		if (o < 0 || o > (p->vehicles ? p->n_vehicles : 0))
			return OV_FAIL(err, OV_E_INPUT,
				       p->nodes[i].id ? p->nodes[i].id : "?",
				       _("node %s belongs to a caregiver that "
					 "is not in the problem"),
				       p->nodes[i].id ? p->nodes[i].id : "?");
	}
	for (int i = 1; i <= p->n_visits; i++) {
		int t = p->nodes[i].twin;
		if (!t)
			continue;
		int same = t >= 1 && t <= p->n_visits && t != i &&
			   p->nodes[t].twin == i;
		/* the halves start together: one set of windows */
		const routes_visit *a = &p->nodes[i];
		for (int w = 0; same && w <= a->n_more; w++) {
			const routes_visit *b = &p->nodes[t];
			same = a->n_more == b->n_more &&
			       routes_win_ready(a, w) == routes_win_ready(b, w) &&
			       routes_win_due(a, w) == routes_win_due(b, w);
		}
		if (!same)
			return OV_FAIL(err, OV_E_INPUT,
				       p->nodes[i].id ? p->nodes[i].id : "?",
				       _("node %s: its other half (two "
					 "caregivers) must be a node that "
					 "names it back, with the same "
					 "windows"),
				       p->nodes[i].id ? p->nodes[i].id : "?");
	}
	size_t n = (size_t)p->n_visits + 1;
	for (size_t i = 0; i < n * n; i++)
		if (!(p->travel[i] >= 0) || !isfinite(p->travel[i]))
			return OV_FAIL(err, OV_E_INPUT, "", "%s",
				       _("a travel time is negative or not a "
					 "number"));
	return OV_OK;
}

void routes_plan_free(routes_plan *r)
{
	if (!r)
		return;
	free(r->vehicle);
	free(r->route_start);
	free(r->seq);
	free(r);
}

double routes_route_distance(const routes_problem *p, const routes_plan *r,
			     int i)
{
	int veh = r->vehicle ? r->vehicle[i] : i;
	double d = 0;
	int prev = 0;
	for (int k = r->route_start[i]; k < r->route_start[i + 1]; k++) {
		int v = r->seq[k];
		if (v < 1 || v > p->n_visits)
			continue;
		d += routes_leg(p, veh, prev, v);
		prev = v;
	}
	return d + routes_leg(p, veh, prev, 0);
}
