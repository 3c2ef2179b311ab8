/*
 * view_status.c - the overview of a municipality (people, staffing,
 * home care, economy so far this year, sick leave of the last three
 * months) and of the change programme, as JSON: what `ovttas status
 * --json` prints and the web dashboard shows.
 */
#include <stdlib.h>

#include "view.h"

#include "base/ov_date.h"

/* The last three full months before today: from the first day of the
 * month three months back to the last day of the month before. */
static void last_three_months(ov_day today, ov_day *from, ov_day *to)
{
	int y, m, d;
	ov_date_to_ymd(today, &y, &m, &d);
	*to = ov_date_from_ymd(y, m, 1) - 1;
	m -= 3;
	if (m < 1) {
		m += 12;
		y--;
	}
	*from = ov_date_from_ymd(y, m, 1);
}

/* The coverage of each rota unit's newest stored rota (see view.h). */
static ov_status unit_rota_cover(db *d, view_muni_status *s, ov_err *err)
{
	org_unit *u = NULL;
	size_t n = 0;
	ov_status rc = org_units_list(d, s->m.id, &u, &n, err);
	for (size_t i = 0; rc == OV_OK && i < n; i++) {
		staff_shift_type *st = NULL;
		size_t ns = 0;
		rc = staff_shift_types_list(d, u[i].id, &st, &ns, err);
		free(st);
		if (rc != OV_OK || !ns)
			continue;
		s->rota.units++;
		int64_t plan;
		ov_err none;
		if (staff_rota_latest(d, u[i].id, &plan, &none) != OV_OK)
			continue;
		staff_rota_view v;
		rc = staff_rota_view_load(d, plan, &v, err);
		if (rc != OV_OK)
			break;
		s->rota.with_rota++;
		for (int k = 0; k < v.sum.n_cover; k++) {
			s->rota.needed += v.sum.cover[k].days_needed;
			s->rota.met += v.sum.cover[k].days_met;
		}
		staff_rota_view_free(&v);
	}
	free(u);
	s->rota.permille = s->rota.needed
				   ? (int)((s->rota.met * 2000LL /
					    s->rota.needed + 1) / 2)
				   : 0;
	return rc;
}

ov_status view_muni_gather(db *d, view_muni_status *s, ov_err *err)
{
	ov_status rc = org_summary_get(d, s->m.id, &s->org, err);
	if (rc == OV_OK)
		rc = care_summary_get(d, s->m.id, &s->care, err);
	if (rc == OV_OK)
		rc = econ_status_get(d, s->m.id, &s->econ, err);
	if (rc == OV_OK) {
		ov_day from, to;
		last_three_months(ov_today(), &from, &to);
		rc = org_sick_leave_get(d, s->m.id, from, to, &s->sick_leave,
					err);
	}
	if (rc == OV_OK)
		rc = unit_rota_cover(d, s, err);
	return rc;
}

static json_t *figures_json(const econ_figures *f)
{
	return json_pack("{s:I,s:I,s:I,s:I,s:I,s:I}", "budget_year_ore",
			 (json_int_t)f->budget_year, "budget_ytd_ore",
			 (json_int_t)f->budget_ytd, "accounts_ytd_ore",
			 (json_int_t)f->accounts_ytd, "deviation_ore",
			 (json_int_t)f->deviation, "use_permille",
			 (json_int_t)f->use_tenths, "forecast_ore",
			 (json_int_t)f->forecast);
}

json_t *view_muni_json(const view_muni_status *s)
{
	const org_summary *o = &s->org;
	const care_summary *c = &s->care;
	json_t *j = json_pack(
		"{s:s,s:s,s:s,s:I,s:I,s:s}", "code", s->m.code, "name_nb",
		s->m.name_nb, "name_se", s->m.name_se, "inhabitants",
		(json_int_t)s->m.inhabitants, "area_km2",
		(json_int_t)s->m.area_km2, "kostra_group", s->m.kostra_group);
	json_object_set_new(
		j, "staff",
		json_pack("{s:i,s:i,s:i,s:i,s:I,s:i,s:i,s:i,s:i}", "units",
			  o->units, "employees", o->employees,
			  "filled_positions", o->filled_positions,
			  "vacant_positions", o->vacant_positions,
			  "filled_fte_bp", (json_int_t)o->filled_fte_bp,
			  "fulltime_positions", o->fulltime_positions,
			  "fulltime_permille", o->fulltime_permille,
			  "sami_speakers", o->sami_speakers, "nurses",
			  o->nurses));
	json_object_set_new(
		j, "home_care",
		json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I}", "recipients",
			  (json_int_t)c->recipients, "recipients_sami",
			  (json_int_t)c->recipients_se, "visit_requests",
			  (json_int_t)c->visit_requests, "visits_per_week",
			  (json_int_t)c->visits_per_week,
			  "nurse_visits_per_week",
			  (json_int_t)c->nurse_visits_per_week,
			  "two_caregiver_visits_per_week",
			  (json_int_t)c->two_caregiver_visits_per_week,
			  "settlements", (json_int_t)c->settlements));
	json_t *e = json_pack("{s:i,s:i}", "year", s->econ.year, "month",
			      s->econ.month);
	json_object_set_new(e, "all", figures_json(&s->econ.all));
	json_object_set_new(e, "health_and_care",
			    figures_json(&s->econ.health));
	json_object_set_new(j, "economy", e);
	const org_sick_leave *sl = &s->sick_leave;
	char from[16], to[16];
	json_object_set_new(
		j, "sick_leave",
		json_pack("{s:s,s:s,s:i,s:i,s:i,s:i}", "from",
			  ov_date_format(sl->from, from, sizeof from), "to",
			  ov_date_format(sl->to, to, sizeof to), "permille",
			  sl->permille, "self_certified_permille",
			  sl->self_certified_permille,
			  "doctor_certified_permille",
			  sl->doctor_certified_permille, "employees_absent",
			  sl->employees_absent));
	json_object_set_new(
		j, "rota",
		json_pack("{s:i,s:i,s:i,s:i,s:i}", "units", s->rota.units,
			  "with_rota", s->rota.with_rota, "needed",
			  s->rota.needed, "met", s->rota.met, "permille",
			  s->rota.permille));
	return j;
}

json_t *view_programme_json(const prog_summary *ps, int stage)
{
	return json_pack("{s:s,s:s,s:s,s:i,s:i,s:{s:i,s:i,s:i,s:i,s:i,s:i},"
			 "s:i,s:i}",
			 "code", ps->code, "name_nb", ps->name_nb, "name_se",
			 ps->name_se, "stages", ps->nstages, "current_stage",
			 stage, "measures", "total", ps->measures_total,
			 "done", ps->measures_done, "ongoing",
			 ps->measures_ongoing, "late", ps->measures_late,
			 "planned", ps->measures_planned, "cancelled",
			 ps->measures_cancelled, "working_groups",
			 ps->working_groups, "reference_groups",
			 ps->reference_groups);
}
