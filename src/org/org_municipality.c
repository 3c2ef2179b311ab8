/*
 * org_municipality.c - looking up municipalities by number or name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "base/ov_str.h"
#include "org.h"

static const char *const cols =
	"SELECT id, code, name_nb, name_se, inhabitants, area_km2, "
	"coalesce(kostra_group, ''), coalesce(lat, 0), coalesce(lon, 0) "
	"FROM municipality ";

static void read_row(db_stmt *st, org_municipality *m)
{
	memset(m, 0, sizeof *m);
	m->id = db_col_int(st, 0);
	snprintf(m->code, sizeof m->code, "%s", db_col_text(st, 1));
	snprintf(m->name_nb, sizeof m->name_nb, "%s", db_col_text(st, 2));
	snprintf(m->name_se, sizeof m->name_se, "%s", db_col_text(st, 3));
	m->inhabitants = db_col_int(st, 4);
	m->area_km2 = db_col_int(st, 5);
	snprintf(m->kostra_group, sizeof m->kostra_group, "%s",
		 db_col_text(st, 6));
	m->lat = db_col_double(st, 7);
	m->lon = db_col_double(st, 8);
}

ov_status org_municipality_list(db *d, org_municipality **out, size_t *n,
				ov_err *err)
{
	*out = NULL;
	*n = 0;
	ov_buf sql = OV_BUF_INIT;
	ov_buf_printf(&sql, "%sORDER BY code", cols);
	db_stmt *st;
	ov_status rc = db_prepare(d, ov_buf_str(&sql), &st, err);
	ov_buf_free(&sql);
	if (rc != OV_OK)
		return rc;
	size_t cap = 0;
	int r;
	while ((r = db_step(st, err)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			org_municipality *p = realloc(*out, cap * sizeof *p);
			if (!p) {
				r = -2;
				break;
			}
			*out = p;
		}
		read_row(st, &(*out)[(*n)++]);
	}
	db_finalize(st);
	if (r < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return r == -2 ? OV_FAIL(err, OV_E_NOMEM, NULL,
					 _("out of memory"))
			       : OV_E_DB;
	}
	return OV_OK;
}

ov_status org_municipality_get(db *d, int64_t id, org_municipality *out,
			       ov_err *err)
{
	/* two rows in practice: the list is the one query */
	org_municipality *all;
	size_t n;
	ov_status rc = org_municipality_list(d, &all, &n, err);
	if (rc != OV_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (all[i].id == id) {
			*out = all[i];
			free(all);
			return OV_OK;
		}
	free(all);
	return OV_FAIL(err, OV_E_NOTFOUND, "municipality",
		       _("no municipality with id %lld"), (long long)id);
}

ov_status org_municipality_find(db *d, const char *text, org_municipality *out,
				ov_err *err)
{
	org_municipality *all;
	size_t n;
	ov_status rc = org_municipality_list(d, &all, &n, err);
	if (rc != OV_OK)
		return rc;
	char want[128], a[128], b[128];
	ov_utf8_fold(text, want, sizeof want);
	ov_buf choices = OV_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		ov_utf8_fold(all[i].name_nb, a, sizeof a);
		ov_utf8_fold(all[i].name_se, b, sizeof b);
		if (!strcmp(want, all[i].code) || !strcmp(want, a) ||
		    !strcmp(want, b)) {
			*out = all[i];
			free(all);
			ov_buf_free(&choices);
			return OV_OK;
		}
		ov_buf_printf(&choices, "%s%s (%s)", i ? ", " : "",
			      all[i].name_nb, all[i].code);
	}
	rc = OV_FAIL(err, OV_E_NOTFOUND, "--municipality",
		     _("no municipality '%s'; choose one of: %s"), text,
		     n ? ov_buf_str(&choices) : _("(none in this database)"));
	free(all);
	ov_buf_free(&choices);
	return rc;
}
