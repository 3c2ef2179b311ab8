/*
 * demo_home_care.c - the demo staffing of mobile home care (KOSTRA 258):
 * a day and an evening shift, and a bemanningsplan sized to the visits
 * the recipients of the municipality receive on each weekday. Lives in
 * demo/ because it reads home care (care/) to write staffing
 * (staffing/), and staffing/ does not call care/ (care/ calls
 * staffing/ for who is at work).
 */
#include <string.h>

#include "demo_int.h"

#include "care/care.h"
#include "org/org.h"
#include "staffing/staff.h"

/* The shifts of home care: no night (the emergency alarm goes to the
 * nursing home then). Day 07:30-15:30, evening 15:00-22:30, overlapping
 * for the handover. se: review. */
static const staff_shift_type shifts[2] = {
	{0, 0, "D", "Dagvakt", "Beaivevuorru", 7 * 60 + 30, 480, "day"},
	{0, 0, "A", "Aftenvakt", "Eahketvuorru", 15 * 60, 450, "evening"},
};

/* Minutes of a shift that go to visits and driving: report at the
 * start, the break and notes at the end take the rest. */
#define USABLE(len) ((len) - 60)
/* Driving per visit assumed when sizing (the planner computes it). */
#define DRIVE_PER_VISIT 12

/* Visits starting before the evening shift belong to the day shift. */
static int shift_of(const care_visit *v)
{
	return v->window_start >= shifts[1].start_min;
}

/* Staff needed per weekday and shift, from the visits' minutes:
 * [0] everyone, [1] health workers or nurses, [2] nurses. */
typedef struct {
	int need[7][2][3];
} sizing;

static void size_need(const care_list *l, sizing *z)
{
	long minutes[7][2][3] = {{{0}}};
	for (size_t i = 0; i < l->nvisits; i++) {
		const care_visit *v = &l->visits[i];
		int s = shift_of(v);
		int level = !strcmp(v->competence, "nurse")	      ? 2
			    : !strcmp(v->competence, "health_worker") ? 1
								      : 0;
		long m = (long)v->duration_min * (1 + v->two_caregivers) +
			 DRIVE_PER_VISIT;
		for (int wd = 0; wd < 7; wd++)
			if (v->weekdays[wd] == '1')
				for (int k = 0; k <= level; k++)
					minutes[wd][s][k] += m;
	}
	for (int wd = 0; wd < 7; wd++)
		for (int s = 0; s < 2; s++)
			for (int k = 0; k < 3; k++) {
				long u = USABLE(shifts[s].length_min);
				z->need[wd][s][k] =
					(int)((minutes[wd][s][k] + u - 1) / u);
			}
}

static int at_most(int a, int b)
{
	return a < b ? a : b;
}

static ov_status load_unit(db *d, const org_unit *u, ov_err *err)
{
	care_list *l = NULL;
	ov_status rc = care_list_get(d, u->municipality_id, &l, err);
	if (rc != OV_OK)
		return rc;
	sizing z;
	size_need(l, &z);
	care_list_free(l);
	/* What the unit's posts can staff per day (a full-time rota post
	 * works 35.5 h a week), shared between the shifts like the need:
	 * the minimum asks no more than that, the preferred count is the
	 * whole need, so the rota shows how short the unit is. A nurse is
	 * required on every day shift; in the evening nurses are wanted,
	 * not required: few home-care nurses work hours enough for both. */
	long cap = (long)u->filled_fte_bp * STAFF_WEEK_MINUTES / 10000 / 7;
	/* who NULL: the demo is a bulk load, not audited (see demo_load) */
	for (int s = 0; rc == OV_OK && s < 2; s++)
		rc = staff_shift_type_set(d, NULL, u->id, &shifts[s], NULL,
					  err);
	for (int wd = 0; rc == OV_OK && wd < 7; wd++) {
		long total = z.need[wd][0][0] + z.need[wd][1][0];
		for (int s = 0; rc == OV_OK && s < 2; s++) {
			const int *n = z.need[wd][s];
			long mins = total ? cap * n[0] / total : 0;
			int fit = (int)(mins / shifts[s].length_min);
			int lo = at_most(n[0], fit);
			const char *code = shifts[s].code;
			rc = staff_need_set(d, NULL, u->id, wd, code,
					    STAFF_SKILL_ANY, lo, n[0], NULL,
					    err);
			if (rc == OV_OK && n[1])
				rc = staff_need_set(d, NULL, u->id, wd, code,
						    STAFF_SKILL_HEALTH,
						    at_most(n[1], lo), n[1],
						    NULL, err);
			if (rc == OV_OK && n[2])
				rc = staff_need_set(d, NULL, u->id, wd, code,
						    STAFF_SKILL_NURSE, s == 0,
						    n[2], NULL, err);
			if (rc == OV_OK && lo > 0)
				rc = staff_need_set(d, NULL, u->id, wd, code,
						    STAFF_SKILL_SAMI, 1, 1,
						    NULL, err);
		}
	}
	return rc;
}

ov_status demo_home_care_load(db *d, ov_rng *rng, ov_err *err)
{
	(void)rng; /* everything follows from the organisation and care */
	org_unit *units = NULL;
	size_t n = 0;
	ov_status rc = org_units_list(d, 0, &units, &n, err);
	for (size_t i = 0; rc == OV_OK && i < n; i++)
		if (!strcmp(units[i].funksjon, "258"))
			rc = load_unit(d, &units[i], err);
	free(units);
	return rc;
}
