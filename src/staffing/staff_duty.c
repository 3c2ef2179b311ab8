/*
 * staff_duty.c - who is at work on a given day: the newest stored rota
 * of a unit that covers the day, read as one row per employee on a
 * shift. The home-care route planner (src/care/) takes its caregivers
 * from here.
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "staff_int.h"

ov_status staff_rota_covering(db *d, int64_t unit_id, ov_day day,
			      int64_t *plan_id, ov_err *err)
{
	db_stmt *st;
	/* The period test is done in C: date arithmetic is spelt
	 * differently in SQLite and PostgreSQL. */
	ov_status rc = db_prepare(d,
				  "SELECT id, from_date, weeks FROM rota_plan "
				  "WHERE unit_id = $1 ORDER BY id DESC",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, unit_id);
	int r;
	*plan_id = 0;
	while ((r = db_step(st, err)) == 1) {
		ov_day from;
		if (ov_date_parse(db_col_text(st, 1), &from))
			continue;
		int weeks = (int)db_col_int(st, 2);
		if (day >= from && day < from + weeks * 7) {
			*plan_id = db_col_int(st, 0);
			break;
		}
	}
	db_finalize(st);
	if (r < 0)
		return OV_E_DB;
	if (!*plan_id) {
		char buf[16];
		return OV_FAIL(err, OV_E_NOTFOUND, "rota",
			       _("no stored rota of the unit covers %s; make "
				 "one first with 'ovttas rota plan'"),
			       ov_date_format(day, buf, sizeof buf));
	}
	return OV_OK;
}

ov_status staff_on_duty(db *d, int64_t unit_id, ov_day day,
			staff_duty **out, int *n, int64_t *plan_id,
			ov_err *err)
{
	*out = NULL;
	*n = 0;
	int64_t pid;
	ov_status rc = staff_rota_covering(d, unit_id, day, &pid, err);
	if (rc != OV_OK)
		return rc;
	staff_plan plan;
	staff_map *m;
	rota_roster *ro;
	rc = staff_load_rota(d, pid, &plan, &m, &ro, err);
	if (rc != OV_OK)
		return rc;
	int k = (int)(day - plan.from_day);
	staff_duty *v = calloc((size_t)m->n_employees + 1, sizeof *v);
	if (!v) {
		rota_roster_free(ro);
		staff_map_free(m);
		return staff_nomem(err);
	}
	int c = 0;
	for (int e = 0; e < m->n_employees; e++) {
		int s = ro->assign[e * m->n_days + k];
		if (s == ROTA_OFF)
			continue;
		v[c].employee = m->employees[e];
		v[c].shift = m->shifts[s];
		c++;
	}
	rota_roster_free(ro);
	staff_map_free(m);
	*out = v;
	*n = c;
	if (plan_id)
		*plan_id = pid;
	return OV_OK;
}
