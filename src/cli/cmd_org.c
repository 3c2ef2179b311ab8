/*
 * cmd_org.c - `ovttas org units [--municipality M]` and `ovttas org
 * employees [--unit U] [--municipality M]`: the organisation as tables
 * grouped by municipality and sector, or as a JSON array with --json.
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "base/ov_money.h"
#include "cli.h"
#include "org/org.h"
#include "view/view.h"

/* FTE sum in årsverk with two decimals and a decimal comma ("12,50"). */
static const char *fte_years(int64_t bp, char *buf, size_t n)
{
	snprintf(buf, n, "%lld,%02lld", (long long)(bp / 10000),
		 (long long)(bp % 10000 / 100));
	return buf;
}

/* One table per municipality; the sector is named on its first row. */
static void print_units(cli_ctx *ctx, const org_unit *u, size_t n)
{
	const char *h[] = {_("Sector"),    _("Ansvar"), _("Unit"),
			   _("Funksjon"),  _("Positions"), _("FTE"),
			   _("Vacant"),    _("24/7")};
	size_t i = 0;
	char buf[32];
	while (i < n) {
		cli_table *t = cli_table_new(8, h);
		if (!t)
			return;
		for (int c = 4; c <= 6; c++)
			cli_table_right(t, c);
		int64_t muni = u[i].municipality_id;
		int positions = 0, vacant = 0, count = 0;
		int64_t fte = 0;
		fprintf(ctx->out, "%s%s (%s)\n", i ? "\n" : "",
			ov_i18n_pick(u[i].municipality_nb,
				     u[i].municipality_se),
			u[i].municipality_code);
		const char *sector = "";
		for (; i < n && u[i].municipality_id == muni; i++) {
			int first = strcmp(sector, u[i].sector_code) != 0;
			sector = u[i].sector_code;
			cli_table_cell(t, "%s",
				       first ? ov_i18n_pick(u[i].sector_nb,
							    u[i].sector_se)
					     : "");
			cli_table_cell(t, "%s", u[i].ansvar);
			cli_table_cell(t, "%s",
				       ov_i18n_pick(u[i].name_nb,
						    u[i].name_se));
			cli_table_cell(t, "%s", u[i].funksjon);
			cli_table_cell(t, "%d", u[i].positions);
			cli_table_cell(t, "%s",
				       fte_years(u[i].fte_bp, buf,
						 sizeof buf));
			cli_table_cell(t, "%d", u[i].vacancies);
			cli_table_cell(t, "%s",
				       u[i].round_the_clock ? _("yes") : "");
			positions += u[i].positions;
			vacant += u[i].vacancies;
			fte += u[i].fte_bp;
			count++;
		}
		cli_table_rule(t);
		cli_table_cell(t, "%s", _("Total"));
		cli_table_cell(t, "%s", "");
		cli_table_cell(t, ngettext("%d unit", "%d units", (unsigned long)count), count);
		cli_table_cell(t, "%s", "");
		cli_table_cell(t, "%d", positions);
		cli_table_cell(t, "%s", fte_years(fte, buf, sizeof buf));
		cli_table_cell(t, "%d", vacant);
		cli_table_cell(t, "%s", "");
		cli_table_print(t, ctx->out);
		cli_table_free(t);
	}
}

int cmd_org_units(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *muni_s = NULL;
	int npos, code;
	const cli_opt opts[] = {{"municipality", CLI_STRING, &muni_s, NULL},
				{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	org_municipality m;
	db *d = cli_open_db_for(ctx, muni_s, &m, &code);
	if (!d)
		return code;
	int64_t muni = m.id;
	org_unit *u;
	size_t n;
	ov_err e;
	ov_status st = org_units_list(d, muni, &u, &n, &e);
	db_close(d);
	if (st != OV_OK)
		return cli_fail(ctx, &e);
	if (ctx->json) {
		json_t *a = json_array();
		for (size_t i = 0; a && i < n; i++)
			json_array_append_new(a, view_unit_json(&u[i]));
		free(u);
		return cli_print_json(ctx, a);
	}
	if (n == 0)
		fprintf(ctx->out, "%s\n", _("No units in this database."));
	print_units(ctx, u, n);
	free(u);
	return 0;
}


/* Employees counted once even when they hold two posts. */
static int distinct_employees(const org_employee *e, size_t n)
{
	int count = 0;
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;
		while (j < i && e[j].employee_id != e[i].employee_id)
			j++;
		count += j == i;
	}
	return count;
}

static void print_employees(cli_ctx *ctx, const org_employee *e, size_t n)
{
	const char *h[] = {_("Name"),     _("Employee no."), _("Unit"),
			   _("Position"), _("FTE %"),        _("Competence"),
			   _("Sámi")};
	size_t i = 0;
	char buf[32];
	while (i < n) {
		cli_table *t = cli_table_new(7, h);
		if (!t)
			return;
		cli_table_right(t, 4);
		int64_t muni = e[i].municipality_id;
		size_t start = i;
		int64_t fte = 0;
		fprintf(ctx->out, "%s%s (%s)\n", i ? "\n" : "",
			ov_i18n_pick(e[i].municipality_nb,
				     e[i].municipality_se),
			e[i].municipality_code);
		for (; i < n && e[i].municipality_id == muni; i++) {
			cli_table_cell(t, "%s %s", e[i].given_name,
				       e[i].family_name);
			cli_table_cell(t, "%s", e[i].employee_no);
			cli_table_cell(t, "%s %s", e[i].ansvar,
				       ov_i18n_pick(e[i].unit_nb,
						    e[i].unit_se));
			cli_table_cell(t, "%s",
				       ov_i18n_pick(e[i].title_nb,
						    e[i].title_se));
			cli_table_cell(t, "%s",
				       ov_pct_format((e[i].fte_bp + 5) / 10, buf,
						     sizeof buf));
			cli_table_cell(t, "%s",
				       org_competence_label(e[i].competence));
			cli_table_cell(t, "%s",
				       org_proficiency_label(
					       e[i].sami_proficiency));
			fte += e[i].fte_bp;
		}
		cli_table_rule(t);
		cli_table_cell(t, "%s", _("Total"));
		int people = distinct_employees(e + start, i - start);
		cli_table_cell(t, ngettext("%d employee", "%d employees",
					 (unsigned long)people),
			       people);
		cli_table_cell(t, "%s", "");
		cli_table_cell(t, ngettext("%d position", "%d positions",
					 (unsigned long)(i - start)),
			       (int)(i - start));
		cli_table_cell(t, _("%s FTE"), fte_years(fte, buf, sizeof buf));
		cli_table_cell(t, "%s", "");
		cli_table_cell(t, "%s", "");
		cli_table_print(t, ctx->out);
		cli_table_free(t);
	}
}

int cmd_org_employees(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *muni_s = NULL, *unit_s = NULL;
	int npos, code;
	const cli_opt opts[] = {{"municipality", CLI_STRING, &muni_s, NULL},
				{"unit", CLI_STRING, &unit_s, NULL},
				{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	org_municipality m;
	db *d = cli_open_db_for(ctx, muni_s, &m, &code);
	if (!d)
		return code;
	int64_t muni = m.id;
	ov_err e;
	org_unit unit = {0};
	if (unit_s && org_unit_find(d, muni, unit_s, &unit, &e) != OV_OK) {
		db_close(d);
		return cli_fail(ctx, &e);
	}
	org_employee *emp;
	size_t n;
	ov_status st = org_employees_list(d, muni, unit.id, &emp, &n, &e);
	db_close(d);
	if (st != OV_OK)
		return cli_fail(ctx, &e);
	if (ctx->json) {
		json_t *a = json_array();
		for (size_t i = 0; a && i < n; i++)
			json_array_append_new(a, view_employee_json(&emp[i]));
		free(emp);
		return cli_print_json(ctx, a);
	}
	if (n == 0)
		fprintf(ctx->out, "%s\n", _("No employees found."));
	print_employees(ctx, emp, n);
	free(emp);
	return 0;
}
