/*
 * cmd_programme.c - `ovttas programme show [--stage N]`: the change
 * programme as a report (stages with the current one marked, challenges,
 * sub-projects with effect goals and measures, working and reference
 * groups), or with --json as one JSON object (view/view_programme.c,
 * the same the web API answers).
 */
#include <stdarg.h>
#include <string.h>
#include <time.h>

#include "base/ov_i18n.h"
#include "base/ov_str.h"
#include "cli.h"
#include "programme/prog.h"
#include "view/view.h"

/* Width that wrapped paragraphs are filled to. */
#define WRAP_COLS 78

/* Prints text word-wrapped to WRAP_COLS, every line indented by indent
 * columns; the first line continues after `first` columns already used
 * on the current line (0 = start a fresh indented line). */
static void wrap(FILE *out, int indent, int first, const char *text)
{
	size_t col = first ? (size_t)first : 0;
	if (!first)
		col = (size_t)fprintf(out, "%*s", indent, "");
	int start = 1;
	const char *p = text;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t n = strcspn(p, " ");
		char word[512];
		size_t k = n < sizeof word - 1 ? n : sizeof word - 1;
		memcpy(word, p, k);
		word[k] = '\0';
		size_t w = ov_utf8_width(word);
		if (!start && col + 1 + w > WRAP_COLS) {
			fprintf(out, "\n%*s", indent, "");
			col = (size_t)indent;
			start = 1;
		}
		if (!start) {
			fputc(' ', out);
			col++;
		}
		fwrite(p, 1, n, out);
		col += w;
		start = 0;
		p += n;
	}
	fputc('\n', out);
}

/*
 * Appends a printf-style piece to a line that wrap() will fill, after a
 * " · " separator. With glue, the piece's own spaces become no-break
 * spaces so "target: ≥ 95 %" never splits; the separator always sticks
 * to the piece before it.
 */
static void chunk(ov_buf *b, int glue, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void chunk(ov_buf *b, int glue, const char *fmt, ...)
{
	ov_buf piece = OV_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	ov_buf_vprintf(&piece, fmt, ap);
	va_end(ap);
	if (b->len)
		ov_buf_adds(b, "\xc2\xa0· ");
	for (const char *q = ov_buf_str(&piece); *q; q++) {
		if (glue && *q == ' ')
			ov_buf_adds(b, "\xc2\xa0"); /* no-break space */
		else
			ov_buf_add(b, q, 1);
	}
	ov_buf_free(&piece);
}

static const char *status_label(const char *status)
{
	if (!strcmp(status, "done"))
		return _("done");
	if (!strcmp(status, "ongoing"))
		return _("ongoing");
	if (!strcmp(status, "late"))
		return _("late");
	if (!strcmp(status, "planned"))
		return _("planned");
	if (!strcmp(status, "cancelled"))
		return _("cancelled");
	return status;
}

static const char *role_label(const char *role)
{
	if (!strcmp(role, "employee_rep"))
		return _("employee representative");
	if (!strcmp(role, "user_rep"))
		return _("user representative");
	if (!strcmp(role, "stakeholder"))
		return _("stakeholder");
	return NULL;
}

static const char *day_str(ov_day d, char *buf)
{
	return ov_date_format(d, buf, 11);
}

static void print_head(cli_ctx *ctx, const prog_programme *p, int current)
{
	FILE *out = ctx->out;
	char a[11], b[11];
	fprintf(out, "%s (%s) – %s\n",
		ov_i18n_pick(p->name_nb, p->name_se), p->code,
		ov_i18n_pick(p->municipality_nb, p->municipality_se));
	fprintf(out, "%s: %s – %s\n\n", _("Period"), day_str(p->starts_on, a),
		day_str(p->ends_on, b));
	fprintf(out, "%s\n", _("Purpose"));
	wrap(out, 2, 0, ov_i18n_pick(p->purpose_nb, p->purpose_se));

	fprintf(out, "\n%s\n", _("Stages"));
	const char *h[] = {_("No."), _("Stage"), _("Name"), _("From"),
			   _("To"), ""};
	cli_table *t = cli_table_new(6, h);
	if (t) {
		cli_table_right(t, 0);
		for (size_t i = 0; i < p->nstages; i++) {
			const prog_stage *s = &p->stages[i];
			cli_table_cell(t, "%d", s->number);
			cli_table_cell(t, "%s", s->code);
			cli_table_cell(t, "%s",
				       ov_i18n_pick(s->name_nb, s->name_se));
			cli_table_cell(t, "%s", day_str(s->starts_on, a));
			cli_table_cell(t, "%s", day_str(s->ends_on, b));
			cli_table_cell(t, "%s",
				       s->number == current ? _("(current)")
							    : "");
		}
		cli_table_print(t, out);
		cli_table_free(t);
	}

	fprintf(out, "\n%s\n", _("Challenges"));
	for (size_t i = 0; i < p->nchallenges; i++)
		fprintf(out, "  %d. %s\n", p->challenges[i].number,
			ov_i18n_pick(p->challenges[i].name_nb,
				     p->challenges[i].name_se));
}

static void print_goals(cli_ctx *ctx, const prog_programme *p,
			const prog_subproject *s)
{
	FILE *out = ctx->out;
	fprintf(out, "  %s\n", _("Effect goals"));
	const char *area = NULL;
	for (size_t i = 0; i < s->ngoals; i++) {
		const prog_goal *g = &s->goals[i];
		const char *a = ov_i18n_pick(g->area_nb, g->area_se);
		if (!area || strcmp(area, a) != 0) {
			fprintf(out, "    %s\n", a);
			area = a;
		}
		int used = fprintf(out, "    %3d. ", g->number);
		wrap(out, 9, used, ov_i18n_pick(g->text_nb, g->text_se));
		const char *ind = ov_i18n_pick(g->indicator_nb,
					       g->indicator_se);
		ov_buf line = OV_BUF_INIT;
		if (*ind)
			chunk(&line, 0, "%s: %s", _("Indicator"), ind);
		if (*g->target)
			chunk(&line, 1, "%s: %s", _("target"), g->target);
		const prog_challenge *c = prog_challenge_find(p, g->challenge);
		if (c)
			chunk(&line, 1, "%s: %s", _("challenge"),
			      ov_i18n_pick(c->name_nb, c->name_se));
		if (line.len)
			wrap(out, 9, 0, ov_buf_str(&line));
		ov_buf_free(&line);
	}
}

static void print_measures(cli_ctx *ctx, const prog_programme *p,
			   const prog_subproject *s, int stage)
{
	FILE *out = ctx->out;
	if (stage)
		fprintf(out, "  %s (%s %d)\n", _("Measures"), _("stage"),
			stage);
	else
		fprintf(out, "  %s\n", _("Measures"));
	int shown = 0;
	for (size_t i = 0; i < s->nmeasures; i++) {
		const prog_measure *m = &s->measures[i];
		if (stage && m->stage != stage)
			continue;
		shown++;
		int used = fprintf(out, "    %3d. ", m->number);
		wrap(out, 9, used, ov_i18n_pick(m->text_nb, m->text_se));
		const prog_stage *st = prog_stage_find(p, m->stage);
		ov_buf line = OV_BUF_INIT;
		chunk(&line, 1, "%s %d %s", _("stage"), m->stage,
		      st ? st->code : "");
		chunk(&line, 1, "%s: %s", _("owner"),
		      *m->owner ? m->owner : _("none"));
		chunk(&line, 1, "%s: %s", _("deadline"),
		      *m->deadline ? m->deadline : _("none"));
		chunk(&line, 1, "%s", status_label(m->status));
		wrap(out, 9, 0, ov_buf_str(&line));
		ov_buf_free(&line);
	}
	if (!shown)
		fprintf(out, "    %s\n", _("(none)"));
}

static void print_groups(cli_ctx *ctx, const prog_programme *p,
			 const char *kind, const char *title)
{
	FILE *out = ctx->out;
	fprintf(out, "\n%s\n", title);
	for (size_t i = 0; i < p->ngroups; i++) {
		const prog_group *g = &p->groups[i];
		if (strcmp(g->kind, kind) != 0)
			continue;
		fprintf(out, "  %s", ov_i18n_pick(g->name_nb, g->name_se));
		if (*g->subproject_code)
			fprintf(out, " (%s)", g->subproject_code);
		fputc('\n', out);
		fprintf(out, "    %s: %s\n", _("Leader"),
			*g->leader ? g->leader : _("none"));
		ov_buf line = OV_BUF_INIT;
		ov_buf_printf(&line, "%s (%zu):", _("Members"), g->nmembers);
		for (size_t k = 0; k < g->nmembers; k++) {
			const char *r = role_label(g->members[k].role);
			ov_buf_printf(&line, " %s", g->members[k].name);
			if (r)
				ov_buf_printf(&line, " (%s)", r);
			if (k + 1 < g->nmembers)
				ov_buf_adds(&line, ",");
		}
		fputs("    ", out);
		wrap(out, 6, 4, ov_buf_str(&line));
		ov_buf_free(&line);
		int used = fprintf(out, "    %s: ", _("Mandate"));
		wrap(out, 6, used, ov_i18n_pick(g->mandate_nb, g->mandate_se));
	}
}

static void print_report(cli_ctx *ctx, const prog_programme *p, int current,
			 int stage)
{
	print_head(ctx, p, current);
	for (size_t i = 0; i < p->nsubprojects; i++) {
		const prog_subproject *s = &p->subprojects[i];
		fprintf(ctx->out, "\n%s %s: %s\n", _("Sub-project"), s->code,
			ov_i18n_pick(s->name_nb, s->name_se));
		print_goals(ctx, p, s);
		print_measures(ctx, p, s, stage);
	}
	print_groups(ctx, p, "working", _("Working groups"));
	print_groups(ctx, p, "reference", _("Reference groups"));
}

int cmd_programme_show(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *stage_s = NULL;
	int npos, code;
	const cli_opt opts[] = {{"stage", CLI_STRING, &stage_s, NULL},
				{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	long long stage = 0;
	if (stage_s && ov_parse_int(stage_s, 1, 1000, &stage))
		return cli_usage_error(ctx, "--stage",
				       _("'%s' is not a stage number (1, 2, "
					 "...)"),
				       stage_s);
	db *d = cli_open_db(ctx, DB_READ, &code);
	if (!d)
		return code;
	prog_programme *p;
	ov_err e;
	ov_status st = prog_get(d, NULL, &p, &e);
	db_close(d);
	if (st != OV_OK)
		return cli_fail(ctx, &e);
	if (stage && !prog_stage_find(p, (int)stage)) {
		rc = cli_usage_error(ctx, "--stage",
				     _("the programme has no stage %lld; its "
				       "stages are 1 to %zu"),
				     stage, p->nstages);
		prog_free(p);
		return rc;
	}
	ov_day today = ov_today();
	int current = prog_stage_at(p, today);
	rc = 0;
	if (ctx->json)
		rc = cli_print_json(ctx, view_programme_detail_json(
						  p, today, current, (int)stage));
	else
		print_report(ctx, p, current, (int)stage);
	prog_free(p);
	return rc;
}
