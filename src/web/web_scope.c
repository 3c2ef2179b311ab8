/*
 * web_scope.c - which municipalities a request may read: the rule that a
 * Karasjok user never sees Kautokeino's rows, in one place; and the log
 * of who read health data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "web_int.h"

int web_scope(web_ctx *c, unsigned mask, org_municipality **ms_out,
	      size_t *n_out)
{
	*ms_out = NULL;
	*n_out = 0;
	ov_err e;
	const char *want = web_arg(c->req, "municipality");
	if (want) {
		org_municipality *m = calloc(1, sizeof *m);
		if (!m) {
			web_error(c, 500, "OV_E_NOMEM", "", "%s",
				  _("out of memory"));
			return -1;
		}
		if (org_municipality_find(c->app->d, want, m, &e) != OV_OK) {
			free(m);
			web_fail(c, &e);
			return -1;
		}
		if (!auth_may(c->who, mask, m->id)) {
			free(m);
			web_error(c, 403, "OV_E_DENIED", "municipality", "%s",
				  _("You have no access to this "
				    "municipality's data."));
			return -1;
		}
		*ms_out = m;
		*n_out = 1;
		return 0;
	}
	org_municipality *all = NULL;
	size_t n = 0, k = 0;
	if (org_municipality_list(c->app->d, &all, &n, &e) != OV_OK) {
		web_fail(c, &e);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (auth_may(c->who, mask, all[i].id))
			all[k++] = all[i];
	if (!k) {
		free(all);
		all = NULL;
	}
	*ms_out = all;
	*n_out = k;
	return 0;
}

int web_log_read(web_ctx *c, int64_t municipality_id, const char *entity,
		 const char *entity_id, size_t rows)
{
	const auth_actor who = {c->who->user_id, c->who->username};
	char after[64];
	snprintf(after, sizeof after, "{\"rows\":%zu}", rows);
	ov_err e;
	if (auth_audit(c->app->d, &who, municipality_id, "read", entity,
		       entity_id, NULL, after, &e) != OV_OK) {
		web_fail(c, &e);
		return -1;
	}
	return 0;
}
