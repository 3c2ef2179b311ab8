/*
 * view.h - the JSON views of the domain's data that both the command
 * line (--json) and the web API answer with, so the two never drift
 * apart. Sits above the domain modules and below cli/ and web/.
 */
#ifndef VIEW_H
#define VIEW_H

#include <jansson.h>

#include "care/care.h"
#include "care/care_route.h"
#include "economy/econ.h"
#include "org/org.h"
#include "programme/prog.h"
#include "staffing/staff.h"

/* Everything the overview shows of one municipality. */
typedef struct {
	org_municipality m;
	org_summary org;
	care_summary care;
	econ_status econ;
	/* sick leave of the last three full months before today
	 * (ov_today): on 2026-12-07, 2026-09-01 to 2026-11-30 */
	org_sick_leave sick_leave;
	/* the newest stored rota of each rota unit against its
	 * bemanningsplan: days on which a shift's minimum of a skill was
	 * met, of the days it was needed, summed over shifts and skills */
	struct {
		int units;      /* units with shift types */
		int with_rota;  /* of those, units with a stored rota */
		int needed, met;
		int permille;   /* met of needed; 0 when nothing is needed */
	} rota;
} view_muni_status;

/* Fills s for s->m (set by the caller). Errors: those of the modules. */
ov_status view_muni_gather(db *d, view_muni_status *s, ov_err *err);

/* The overview of one municipality (new reference). */
json_t *view_muni_json(const view_muni_status *s);

/* The programme's status; stage is the current stage (0: none). */
json_t *view_programme_json(const prog_summary *ps, int stage);

/*
 * The whole programme, as `programme show --json` prints it: today's
 * date, the current stage (0: none; null in the JSON), every stage,
 * challenge, sub-project with its effect goals and measures, and group.
 * With stage > 0 only that stage's measures are listed (stage_filter).
 */
json_t *view_programme_detail_json(const prog_programme *p, ov_day today,
				   int current, int stage);

/*
 * Budget against accounts January..month of year, as `economy summary
 * --json` prints it: {year, month, municipalities: [{code, name_nb,
 * name_se, sectors: [{code, name_nb, name_se, units: [...], total}],
 * total}], total}, amounts in øre. rows are econ_unit_summary's (of one
 * or more municipalities, in its order: the rows of one municipality
 * and of one sector consecutive); the totals are their exact sums.
 */
json_t *view_economy_json(const econ_unit_row *rows, size_t n, int year,
			  int month);

/* A unit with its staffing totals; names in the current language and
 * in both. */
json_t *view_unit_json(const org_unit *u);

/* One filled post and its holder. */
json_t *view_employee_json(const org_employee *e);

/* A visit's task code ("wound_care") in the reader's language. */
const char *view_task_name(const char *code);

/* Why a visit is not served ("skill", "window", else full lists), as a
 * sentence in the reader's language. */
const char *view_unserved_reason(const char *why);

/* Minutes after midnight as "07:05". */
const char *view_clock(double minute, char *buf, size_t n);

/* A day's lists in figures: visits (a visit for two counts once),
 * unserved, Sámi speakers served in Norwegian, minutes of driving and
 * of care. */
typedef struct {
	int visits, unserved, sami_missed;
	double drive, care;
} view_route_totals;

view_route_totals view_route_totals_of(const care_route *r);

/* The day's lists of m (only: one caregiver's employee number, or
 * NULL for all) as `routes show --json` prints them. With own_only (and
 * only set) it is that caregiver's own view: their list and its totals,
 * without the visits nobody serves or the re-plan's reason, which name
 * other people. */
json_t *view_route_day_json(const org_municipality *m, const care_route *r,
			    const char *only, int own_only);

/* A stored rota day's coverage: "met", "sami" (only the Sámi-speaker
 * minimum short) or "short". */
const char *view_rota_day_status(const staff_rota_summary *s, int day);

/* A stored rota for the rota page: shift types, employees' rows (only
 * one employee's if only_employee is not 0) and each day's coverage. */
json_t *view_rota_json(const staff_plan *plan, const staff_map *m,
		       const rota_roster *r, const staff_rota_summary *s,
		       int64_t only_employee);

#endif
