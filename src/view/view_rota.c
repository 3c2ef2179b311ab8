/*
 * view_rota.c - a stored rota as JSON for the rota page: the shift
 * types, each employee's row (a shift code or "" a day), and each day's
 * coverage against the bemanningsplan ("met", "sami" when only the
 * Sámi-speaker minimum is short, "short" otherwise, with the shortfalls).
 */
#include <string.h>

#include "base/ov_date.h"
#include "rota/rota.h"
#include "view.h"

const char *view_rota_day_status(const staff_rota_summary *s, int day)
{
	int any = 0, other = 0;
	for (int i = 0; i < s->n_short; i++) {
		if (s->shorts[i].day != day)
			continue;
		any = 1;
		other |= strcmp(s->shorts[i].skill, "sami") != 0;
	}
	return !any ? "met" : other ? "short" : "sami";
}

static json_t *days_json(const staff_map *m, const staff_rota_summary *s)
{
	json_t *days = json_array();
	for (int d = 0; d < m->n_days; d++) {
		char date[16];
		json_t *shorts = json_array();
		for (int i = 0; i < s->n_short; i++) {
			const staff_short_day *x = &s->shorts[i];
			if (x->day != d)
				continue;
			json_array_append_new(
				shorts,
				json_pack("{s:s,s:s,s:i,s:i}", "shift",
					  m->shifts[x->shift].code, "skill",
					  x->skill, "need", x->need, "have",
					  x->have));
		}
		json_array_append_new(
			days,
			json_pack("{s:s,s:i,s:s,s:o}", "date",
				  ov_date_format(m->from_day + d, date,
						 sizeof date),
				  "weekday", d % 7, "status",
				  view_rota_day_status(s, d), "shorts",
				  shorts));
	}
	return days;
}

json_t *view_rota_json(const staff_plan *plan, const staff_map *m,
		       const rota_roster *r, const staff_rota_summary *s,
		       int64_t only_employee)
{
	char from[16];
	json_t *shifts = json_array();
	for (int k = 0; k < m->n_shifts; k++) {
		const staff_shift_type *t = &m->shifts[k];
		json_array_append_new(
			shifts, json_pack("{s:s,s:s,s:s,s:i,s:i,s:s}", "code",
					  t->code, "name_nb", t->name_nb,
					  "name_se", t->name_se, "start_min",
					  t->start_min, "length_min",
					  t->length_min, "category",
					  t->category));
	}
	json_t *rows = json_array();
	for (int e = 0; e < m->n_employees; e++) {
		const staff_map_employee *em = &m->employees[e];
		if (only_employee && em->employee_id != only_employee)
			continue;
		json_t *cells = json_array();
		for (int d = 0; d < m->n_days; d++) {
			int a = r->assign[e * r->n_days + d];
			json_array_append_new(
				cells, json_string(a == ROTA_OFF
							   ? ""
							   : m->shifts[a].code));
		}
		json_array_append_new(
			rows,
			json_pack("{s:s,s:s,s:s,s:i,s:s,s:b,s:i,s:i,s:o}",
				  "employee_no", em->employee_no, "given_name",
				  em->given_name, "family_name",
				  em->family_name, "fte_bp", em->fte_bp,
				  "competence", em->competence,
				  "sami_speaker", em->sami_speaker,
				  "target_minutes", em->target_minutes,
				  "minutes", s->employees[e].minutes, "days",
				  cells));
	}
	return json_pack("{s:I,s:s,s:i,s:I,s:b,s:s,s:i,s:o,s:o,s:o}", "plan",
			 (json_int_t)plan->id, "from",
			 ov_date_format(plan->from_day, from, sizeof from),
			 "weeks", plan->weeks, "objective",
			 (json_int_t)plan->objective, "feasible",
			 plan->feasible, "created_at", plan->created_at,
			 "fulltime_permille", s->fulltime_permille, "shifts",
			 shifts, "employees", rows, "days", days_json(m, s));
}
