/*
 * staff_rota_view.c - a stored rota ready to show: its header, map and
 * roster with the summary against the unit's bemanningsplan (what the
 * rota page and the overview's coverage figure read), and the newest
 * rota of a unit whatever its period.
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "staff.h"

ov_status staff_rota_latest(db *d, int64_t unit_id, int64_t *plan_id,
			    ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d,
				  "SELECT max(id) FROM rota_plan WHERE "
				  "unit_id = $1",
				  &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, unit_id);
	rc = db_first_int(st, plan_id, err);
	if (rc != OV_OK)
		return rc;
	if (!*plan_id)
		return OV_FAIL(err, OV_E_NOTFOUND, "rota", "%s",
			       _("The unit has no stored rota."));
	return OV_OK;
}

void staff_rota_view_free(staff_rota_view *v)
{
	staff_map_free(v->map);
	rota_roster_free(v->roster);
	staff_rota_summary_clear(&v->sum);
	memset(v, 0, sizeof *v);
}

ov_status staff_rota_view_load(db *d, int64_t plan_id, staff_rota_view *v,
			       ov_err *err)
{
	memset(v, 0, sizeof *v);
	staff_need *needs = NULL;
	size_t n = 0;
	ov_status rc = staff_load_rota(d, plan_id, &v->plan, &v->map,
				       &v->roster, err);
	if (rc == OV_OK)
		rc = staff_needs_list(d, v->plan.unit_id, &needs, &n, err);
	if (rc == OV_OK)
		rc = staff_rota_summarize(v->map, needs, n, v->roster, &v->sum,
					  err);
	free(needs);
	if (rc != OV_OK)
		staff_rota_view_free(v);
	return rc;
}
