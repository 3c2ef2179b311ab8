/*
 * cmd_rota_export.c - `ovttas rota export --plan ID --format csv|xlsx|ics
 * --out PATH [--force]`: writes a stored rota (from `rota plan`) as CSV,
 * as an Excel workbook, or as one iCalendar file per employee into a
 * folder. The formats themselves are in staffing/staff_export.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "base/ov_str.h"
#include "cli.h"
#include "staffing/staff.h"

/* Errors of the staffing module name its own fields; the user knows
 * the options. */
static int fail_opt(cli_ctx *ctx, ov_err *e)
{
	if (!strcmp(e->field, "plan"))
		snprintf(e->field, sizeof e->field, "--plan");
	else if (!strcmp(e->field, "path"))
		snprintf(e->field, sizeof e->field, "--out");
	return cli_fail(ctx, e);
}

/* The files an export wrote, as a JSON array of paths. */
static json_t *files_json(const char *format, const char *out,
			  const staff_map *m)
{
	json_t *a = json_array();
	if (strcmp(format, "ics") != 0) {
		json_array_append_new(a, json_string(out));
		return a;
	}
	for (int e = 0; a && e < m->n_employees; e++) {
		char name[64];
		staff_export_ics_name(m->employees[e].employee_no, name,
				      sizeof name);
		ov_buf b = OV_BUF_INIT;
		if (ov_buf_printf(&b, "%s/%s", out, name) == 0)
			json_array_append_new(a, json_string(ov_buf_str(&b)));
		ov_buf_free(&b);
	}
	return a;
}

int cmd_rota_export(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *plan_s = NULL, *format = NULL, *out = NULL;
	int npos, code, force = 0;
	const cli_opt opts[] = {{"plan", CLI_STRING, &plan_s, NULL},
				{"format", CLI_STRING, &format, NULL},
				{"out", CLI_STRING, &out, NULL},
				{"force", CLI_FLAG, NULL, &force},
				{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	long long plan_id;
	if (!plan_s)
		return cli_usage_error(ctx, "--plan",
				       _("name the rota with --plan ID (the "
					 "id 'rota plan' printed)"));
	if (ov_parse_int(plan_s, 1, INT64_MAX, &plan_id))
		return cli_usage_error(ctx, "--plan",
				       _("'%s' is not a rota id (a whole "
					 "number from 1)"),
				       plan_s);
	if (!format)
		return cli_usage_error(ctx, "--format",
				       _("choose --format csv, xlsx or ics"));
	if (strcmp(format, "csv") && strcmp(format, "xlsx") &&
	    strcmp(format, "ics"))
		return cli_usage_error(ctx, "--format",
				       _("unknown format '%s'; choose csv, "
					 "xlsx or ics"),
				       format);
	if (!out || !*out)
		return cli_usage_error(ctx, "--out",
				       _("name the file (or, for ics, the "
					 "folder) to write with --out PATH"));

	db *d = cli_open_db(ctx, DB_READ, &code);
	if (!d)
		return code;
	staff_plan plan;
	staff_map *m;
	rota_roster *r;
	ov_err e;
	ov_status st = staff_load_rota(d, (int64_t)plan_id, &plan, &m, &r, &e);
	db_close(d);
	if (st != OV_OK)
		return fail_opt(ctx, &e);
	if (!strcmp(format, "csv"))
		st = staff_export_csv(&plan, m, r, out, force, &e);
	else if (!strcmp(format, "xlsx"))
		st = staff_export_xlsx(&plan, m, r, out, force, &e);
	else
		st = staff_export_ics(&plan, m, r, out, force, &e);
	if (st != OV_OK) {
		rota_roster_free(r);
		staff_map_free(m);
		return fail_opt(ctx, &e);
	}
	if (ctx->json) {
		rc = cli_print_json(ctx, json_pack("{s:I,s:s,s:o}", "plan",
						   (json_int_t)plan_id,
						   "format", format, "files",
						   files_json(format, out, m)));
	} else if (!strcmp(format, "ics")) {
		fprintf(ctx->out,
			ngettext("Rota %lld: %d calendar written to %s\n",
				 "Rota %lld: %d calendars written to %s\n",
				 (unsigned long)m->n_employees),
			plan_id, m->n_employees, out);
		rc = 0;
	} else {
		fprintf(ctx->out, _("Rota %lld written to %s\n"), plan_id, out);
		rc = 0;
	}
	rota_roster_free(r);
	staff_map_free(m);
	return rc;
}
