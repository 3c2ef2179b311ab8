/*
 * view.h - the JSON views of the domain's data that both the command
 * line (--json) and the web API answer with, so the two never drift
 * apart. Sits above the domain modules and below cli/ and web/.
 */
#ifndef VIEW_H
#define VIEW_H

#include <jansson.h>

#include "care/care.h"
#include "economy/econ.h"
#include "org/org.h"
#include "programme/prog.h"

/* Everything the overview shows of one municipality. */
typedef struct {
	org_municipality m;
	org_summary org;
	care_summary care;
	econ_status econ;
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

#endif
