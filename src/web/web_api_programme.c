/*
 * web_api_programme.c - the change programme, the same object as
 * `ovttas programme show --json`. A programme belongs to one
 * municipality (programme.municipality_id): only a user holding one of
 * the route's roles there may read it; anyone else gets 403, also when
 * the programme exists (so a Kautokeino user reading Karasjok's).
 */
#include "base/ov_date.h"
#include "base/ov_i18n.h"
#include "base/ov_str.h"
#include "view/view.h"
#include "web_int.h"


void web_api_programme(web_ctx *c)
{
	const char *stage_s = web_arg(c->req, "stage");
	long long stage = 0;
	if (stage_s && ov_parse_int(stage_s, 1, 1000, &stage)) {
		web_error(c, 400, "OV_E_INPUT", "stage", "%s",
			  _("The stage must be a stage number: 1, 2, ..."));
		return;
	}
	/* Like the command line: the (first) programme of the database;
	 * OV_E_NOTFOUND (404) when there is none. */
	prog_programme *p;
	ov_err e;
	if (prog_get(c->app->d, NULL, &p, &e) != OV_OK) {
		web_fail(c, &e);
		return;
	}
	org_municipality m;
	if (org_municipality_find(c->app->d, p->municipality_code, &m, &e) !=
	    OV_OK) {
		prog_free(p);
		web_fail(c, &e);
		return;
	}
	if (!auth_may(c->who, c->roles, m.id)) {
		prog_free(p);
		web_error(c, 403, "OV_E_DENIED", "municipality", "%s",
			  _("You have no access to this municipality's "
			    "data."));
		return;
	}
	if (stage && !prog_stage_find(p, (int)stage)) {
		web_error(c, 400, "OV_E_INPUT", "stage",
			  _("The programme has no stage %lld; its stages are "
			    "1 to %zu."),
			  stage, p->nstages);
		prog_free(p);
		return;
	}
	ov_day today = ov_today();
	json_t *j = view_programme_detail_json(p, today, prog_stage_at(p, today),
					       (int)stage);
	prog_free(p);
	web_json(c, 200, j);
}
