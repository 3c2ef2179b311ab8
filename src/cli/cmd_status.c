/*
 * cmd_status.c - `ovttas status [--municipality M]`: the one-screen
 * overview of both municipalities (people, staffing, sick leave, home
 * care, economy so far this year) and of the change programme.
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_date.h"
#include "base/ov_i18n.h"
#include "base/ov_money.h"
#include "care/care.h"
#include "cli.h"
#include "economy/econ.h"
#include "org/org.h"
#include "programme/prog.h"
#include "view/view.h"

static char *pct(int64_t tenths, char *buf, size_t n)
{
	char p[32];
	snprintf(buf, n, "%s %%", ov_pct_format(tenths, p, sizeof p));
	return buf;
}

/* part / whole in tenths of a per cent, rounded; 0 when whole is 0. */
static int64_t share(int64_t part, int64_t whole)
{
	return whole ? (part * 2000 / whole + 1) / 2 : 0;
}

/* One row of the overview: a label and one cell per municipality. */
#define ROW(label, ...)                                                       \
	do {                                                                  \
		cli_table_cell(t, "%s", label);                               \
		for (size_t i = 0; i < n; i++) {                              \
			const view_muni_status *s = &ms[i];                        \
			char b1[48], b2[48];                                  \
			(void)b1;                                             \
			(void)b2;                                             \
			cli_table_cell(t, __VA_ARGS__);                       \
		}                                                             \
	} while (0)

static void print_table(cli_ctx *ctx, const view_muni_status *ms, size_t n)
{
	const char *head[3] = {"", "", ""};
	for (size_t i = 0; i < n; i++)
		head[i + 1] = ov_i18n_pick(ms[i].m.name_nb, ms[i].m.name_se);
	cli_table *t = cli_table_new((int)n + 1, head);
	if (!t)
		return;
	for (size_t i = 0; i < n; i++)
		cli_table_right(t, (int)i + 1);

	ROW(_("Municipality number"), "%s", s->m.code);
	ROW(_("Inhabitants"), "%s",
	    ov_money_kr(OV_KR(s->m.inhabitants), b1, sizeof b1));
	ROW(_("Area (km²)"), "%s",
	    ov_money_kr(OV_KR(s->m.area_km2), b1, sizeof b1));
	cli_table_rule(t);
	ROW(_("Units"), "%d", s->org.units);
	ROW(_("Employees"), "%d", s->org.employees);
	ROW(_("FTEs in filled positions"), "%s",
	    ov_pct_format((s->org.filled_fte_bp + 500) / 1000, b1,
			  sizeof b1));
	ROW(_("Vacant positions"), "%d", s->org.vacant_positions);
	ROW(_("Full-time share"), "%s",
	    pct(s->org.fulltime_permille, b1, sizeof b1));
	ROW(_("Sámi-speaking employees"), "%s",
	    pct(share(s->org.sami_speakers, s->org.employees), b1,
		sizeof b1));
	ROW(_("Nurses"), "%d", s->org.nurses);
	/* "–" when no absence is recorded for the period (no data) */
	ROW(_("Sick leave (last 3 months)"), "%s",
	    s->sick_leave.absences
		    ? pct(s->sick_leave.permille, b1, sizeof b1)
		    : "–");
	/* "–" when no rota unit has a stored rota yet */
	ROW(_("Rota coverage (newest rotas)"), "%s",
	    s->rota.needed ? pct(s->rota.permille, b1, sizeof b1) : "–");
	cli_table_rule(t);
	ROW(_("Home-care recipients"), "%lld", (long long)s->care.recipients);
	ROW(_("  preferring Sámi"), "%s",
	    pct(share(s->care.recipients_se, s->care.recipients), b1,
		sizeof b1));
	ROW(_("Visits per week"), "%lld", (long long)s->care.visits_per_week);
	ROW(_("  needing a nurse"), "%lld",
	    (long long)s->care.nurse_visits_per_week);
	cli_table_rule(t);
	ROW(_("Budget so far (kr)"), "%s",
	    ov_money_kr(s->econ.all.budget_ytd, b1, sizeof b1));
	ROW(_("Accounts so far (kr)"), "%s",
	    ov_money_kr(s->econ.all.accounts_ytd, b1, sizeof b1));
	ROW(_("Deviation (kr)"), "%s",
	    ov_money_kr(s->econ.all.deviation, b1, sizeof b1));
	ROW(_("Use of budget"), "%s", pct(s->econ.all.use_tenths, b1, sizeof b1));
	ROW(_("Health and care: deviation (kr)"), "%s",
	    ov_money_kr(s->econ.health.deviation, b1, sizeof b1));
	ROW(_("Health and care: use of budget"), "%s",
	    pct(s->econ.health.use_tenths, b1, sizeof b1));
	ROW(_("Year-end forecast, deviation (kr)"), "%s",
	    ov_money_kr(s->econ.all.forecast - s->econ.all.budget_year, b1,
			sizeof b1));
	cli_table_print(t, ctx->out);
	cli_table_free(t);
}

int cmd_status(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *muni = NULL;
	int npos, code;
	const cli_opt opts[] = {{"municipality", CLI_STRING, &muni, NULL},
				{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	org_municipality one;
	db *d = cli_open_db_for(ctx, muni, &one, &code);
	if (!d)
		return code;

	ov_err e;
	org_municipality *all = NULL; /* owned list when no --municipality */
	const org_municipality *list = &one;
	size_t n = 1;
	ov_status st = OV_OK;
	if (!muni) {
		st = org_municipality_list(d, &all, &n, &e);
		list = all;
	}
	if (st == OV_OK && n == 0)
		st = OV_FAIL_AT(&e, OV_E_NOTFOUND, ctx->db_path, 0, "--db",
				_("%s holds no municipalities yet; load the "
				  "demo with 'ovttas init --demo --force'"),
				ctx->db_path);
	if (n > 2 && st == OV_OK)
		n = 2; /* the table has room for the two partners */
	view_muni_status ms[2];
	memset(ms, 0, sizeof ms);
	for (size_t i = 0; st == OV_OK && i < n; i++) {
		ms[i].m = list[i];
		st = view_muni_gather(d, &ms[i], &e);
	}
	free(all);
	prog_summary ps;
	int has_prog = 0;
	if (st == OV_OK) {
		ov_err pe;
		has_prog = prog_summary_get(d, &ps, &pe) == OV_OK;
	}
	db_close(d);
	if (st != OV_OK)
		return cli_fail(ctx, &e);

	ov_day today = ov_today();
	int stage = has_prog ? prog_summary_stage_at(&ps, today) : 0;
	char date[16];
	ov_date_format(today, date, sizeof date);

	if (ctx->json) {
		json_t *j = json_pack("{s:s}", "date", date);
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, view_muni_json(&ms[i]));
		json_object_set_new(j, "municipalities", arr);
		if (has_prog)
			json_object_set_new(j, "programme",
					    view_programme_json(&ps, stage));
		return cli_print_json(ctx, j);
	}

	fprintf(ctx->out, "%s %s\n\n", _("ovttas overview as of"), date);
	print_table(ctx, ms, n);
	if (ms[0].econ.month)
		fprintf(ctx->out, "\n%s %s–%s %d\n", _("Economy:"),
			ov_i18n_month(1), ov_i18n_month(ms[0].econ.month),
			ms[0].econ.year);
	if (n > 0) { /* the sick-leave row's months, below the economy's */
		int fy, fm, ty, tm, dd;
		if (!ms[0].econ.month)
			fputc('\n', ctx->out);
		ov_date_to_ymd(ms[0].sick_leave.from, &fy, &fm, &dd);
		ov_date_to_ymd(ms[0].sick_leave.to, &ty, &tm, &dd);
		if (fy == ty)
			fprintf(ctx->out, "%s %s–%s %d\n", _("Sick leave:"),
				ov_i18n_month(fm), ov_i18n_month(tm), ty);
		else
			fprintf(ctx->out, "%s %s %d–%s %d\n",
				_("Sick leave:"), ov_i18n_month(fm), fy,
				ov_i18n_month(tm), ty);
	}
	if (has_prog) {
		fprintf(ctx->out, "\n%s: %s\n",
			_("Programme"), ov_i18n_pick(ps.name_nb, ps.name_se));
		fprintf(ctx->out, _("  stage %d of %d; measures: %d done, %d "
				    "ongoing, %d late, %d planned\n"),
			stage, ps.nstages, ps.measures_done,
			ps.measures_ongoing, ps.measures_late,
			ps.measures_planned);
		fprintf(ctx->out, _("  %d working groups, %d reference "
				    "groups\n"),
			ps.working_groups, ps.reference_groups);
	}
	return 0;
}
