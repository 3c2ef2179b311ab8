/*
 * cli.c - dispatch and option parsing for the command line.
 * Options are parsed by hand rather than with getopt_long because
 * getopt keeps global state (the web server will call commands' modules
 * from threads, and tests call cli_main many times) and prints its own
 * untranslated messages.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "base/ov_str.h"

/* Global options, accepted anywhere on the line. */
typedef struct {
	const char *db;
	const char *lang;
	int json;
	int help;
} globals;

/* Takes --db, --lang, --json out of argv (in place); returns the new
 * argc, or -1 with *bad set to the option that lacks its value. */
static int take_globals(int argc, char **argv, globals *g, const char **bad)
{
	int n = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;
		if (!strcmp(a, "--json")) {
			g->json = 1;
			continue;
		}
		if (!strncmp(a, "--db", 4))
			slot = &g->db;
		else if (!strncmp(a, "--lang", 6))
			slot = &g->lang;
		if (slot) {
			size_t k = slot == &g->db ? 4 : 6;
			if (a[k] == '=') {
				*slot = a + k + 1;
				continue;
			}
			if (a[k] == '\0') {
				if (i + 1 >= argc) {
					*bad = a;
					return -1;
				}
				*slot = argv[++i];
				continue;
			}
		}
		argv[n++] = argv[i];
	}
	return n;
}

static const cli_command *find(const char *group, const char *verb)
{
	for (const cli_command *c = cli_commands; c->verb; c++) {
		if (group && c->group && !strcmp(c->group, group) &&
		    verb && !strcmp(c->verb, verb))
			return c;
		if (!group && !c->group && !strcmp(c->verb, verb))
			return c;
	}
	return NULL;
}

static int is_group(const char *word)
{
	for (const cli_command *c = cli_commands; c->verb; c++)
		if (c->group && !strcmp(c->group, word))
			return 1;
	return 0;
}

static void command_name(const cli_command *c, char *buf, size_t n)
{
	if (c->group)
		snprintf(buf, n, "%s %s", c->group, c->verb);
	else
		snprintf(buf, n, "%s", c->verb);
}

void cli_print_command_help(FILE *out, const cli_command *c)
{
	char name[64];
	command_name(c, name, sizeof name);
	fprintf(out, "%s: ovttas %s %s\n\n%s\n\n%s\n", _("Usage"), name,
		c->args, _(c->summary), _(c->help));
	fprintf(out, "\n%s\n", _("Options for every command:"));
	fprintf(out, "  --db PATH        %s\n",
		_("database file (default ./ovttas.db, or OVTTAS_DB)"));
	fprintf(out, "  --lang nb|se|en  %s\n",
		_("language: Bokmål, Northern Sámi or English (or OVTTAS_LANG)"));
	fprintf(out, "  --json           %s\n", _("machine-readable output"));
	fprintf(out, "  --help           %s\n", _("show this help"));
}

void cli_print_overview(FILE *out)
{
	fprintf(out, "%s\n\n%s: ovttas %s\n\n",
		_("ovttas - change programme and service cooperation of "
		  "Karasjok and Kautokeino"),
		_("Usage"), _("COMMAND [OPTIONS]"));
	for (const cli_command *c = cli_commands; c->verb; c++) {
		char name[64];
		command_name(c, name, sizeof name);
		fprintf(out, "  %-20s %s\n", name, _(c->summary));
	}
	fprintf(out, "\n%s\n",
		_("'ovttas COMMAND --help' shows the options of a command."));
}

int cli_usage_error(cli_ctx *ctx, const char *field, const char *fmt, ...)
{
	ov_err e;
	ov_err_clear(&e);
	e.code = OV_E_USAGE;
	if (field)
		snprintf(e.field, sizeof e.field, "%s", field);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e.msg, sizeof e.msg, fmt, ap);
	va_end(ap);
	ov_utf8_trim_partial(e.msg);
	return cli_fail(ctx, &e);
}

int cli_fail(cli_ctx *ctx, const ov_err *e)
{
	int code = ov_status_exit(e->code);
	if (code == 0)
		code = 2; /* a failure reported with OV_OK is a bug */
	if (ctx->json) {
		json_t *j = json_pack("{s:{s:s,s:s}}", "error", "code",
				      ov_status_name(e->code), "message",
				      e->msg);
		json_t *o = json_object_get(j, "error");
		if (e->file[0])
			json_object_set_new(o, "file", json_string(e->file));
		if (e->line)
			json_object_set_new(o, "line", json_integer(e->line));
		if (e->field[0])
			json_object_set_new(o, "field", json_string(e->field));
		/* json_pack refuses text that is not UTF-8 (a user's bytes
		 * echoed in the message); then fall back to plain text. */
		if (j) {
			json_dumpf(j, ctx->err, JSON_INDENT(2));
			fputc('\n', ctx->err);
			json_decref(j);
			return code;
		}
	}
	fprintf(ctx->err, "ovttas: %s: ", _("error"));
	/* The message already names a file it is about; add the line. */
	if (e->file[0] && e->line)
		fprintf(ctx->err, "%s:%d: ", e->file, e->line);
	/* Name the option or field at fault, unless the message is about
	 * the database file, which it already names. */
	if (e->field[0] && (e->code == OV_E_USAGE || strcmp(e->field, "--db")))
		fprintf(ctx->err, "%s: ", e->field);
	fprintf(ctx->err, "%s\n", e->msg);
	if (code == 2 && e->src_file)
		fprintf(ctx->err, "ovttas: (%s:%d)\n", e->src_file, e->src_line);
	return code;
}

static const char *opt_name(const char *arg, size_t *len)
{
	const char *eq = strchr(arg, '=');
	*len = eq ? (size_t)(eq - arg) : strlen(arg);
	return eq ? eq + 1 : NULL;
}

int cli_parse(cli_ctx *ctx, int argc, char **argv, const cli_opt *opts,
	      const char **pos, int max_pos, int *npos)
{
	*npos = 0;
	int only_pos = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (only_pos || a[0] != '-' || a[1] == '\0') {
			if (*npos >= max_pos)
				return cli_usage_error(
					ctx, a,
					_("unexpected argument for 'ovttas "
					  "%s'"),
					ctx->name);
			pos[(*npos)++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			only_pos = 1;
			continue;
		}
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			for (const cli_command *c = cli_commands; c->verb; c++) {
				char name[64];
				command_name(c, name, sizeof name);
				if (!strcmp(name, ctx->name))
					cli_print_command_help(ctx->out, c);
			}
			return 0;
		}
		const cli_opt *o = NULL;
		size_t len;
		const char *inline_val = opt_name(a, &len);
		if (a[1] == '-')
			for (const cli_opt *p = opts; p && p->name; p++)
				if (strlen(p->name) == len - 2 &&
				    !strncmp(a + 2, p->name, len - 2))
					o = p;
		if (!o)
			return cli_usage_error(
				ctx, a,
				_("unknown option for 'ovttas %s' (see "
				  "'ovttas %s --help')"),
				ctx->name, ctx->name);
		if (o->kind == CLI_FLAG) {
			if (inline_val)
				return cli_usage_error(ctx, a,
						       _("this option takes "
							 "no value"));
			*o->flag = 1;
			continue;
		}
		if (inline_val) {
			*o->value = inline_val;
		} else if (i + 1 < argc) {
			*o->value = argv[++i];
		} else {
			return cli_usage_error(ctx, a,
					       _("this option needs a value"));
		}
	}
	return -1;
}

db *cli_open_db(cli_ctx *ctx, db_mode mode, int *code)
{
	db *d = NULL;
	ov_err e;
	ov_status rc = db_open(ctx->db_path, mode, &d, &e);
	if (rc != OV_OK) {
		*code = cli_fail(ctx, &e);
		return NULL;
	}
	*code = 0;
	return d;
}

db *cli_open_db_for(cli_ctx *ctx, const char *text, org_municipality *m,
		    int *code)
{
	memset(m, 0, sizeof *m);
	db *d = cli_open_db(ctx, DB_READ, code);
	if (!d || !text)
		return d;
	ov_err e;
	if (org_municipality_find(d, text, m, &e) != OV_OK) {
		db_close(d);
		*code = cli_fail(ctx, &e);
		return NULL;
	}
	return d;
}

int cli_print_json(cli_ctx *ctx, json_t *j)
{
	if (!j) {
		ov_err e;
		OV_FAIL(&e, OV_E_NOMEM, NULL, _("out of memory"));
		return cli_fail(ctx, &e);
	}
	json_dumpf(j, ctx->out, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
	fputc('\n', ctx->out);
	json_decref(j);
	return 0;
}

int cli_main(int argc, char **argv, FILE *out, FILE *err)
{
	globals g = {0};
	cli_ctx ctx = {out, err, NULL, 0, ""};
	const char *bad = NULL;
	/* argv[0] is the program name; work on a copy we may reorder. */
	char **args = calloc((size_t)argc + 1, sizeof *args);
	if (!args)
		return 2;
	for (int i = 1; i < argc; i++)
		args[i - 1] = argv[i];
	int n = take_globals(argc - 1, args, &g, &bad);
	ctx.json = g.json;

	if (ov_i18n_init(g.lang) != 0) {
		const char *wrong = g.lang ? g.lang : getenv("OVTTAS_LANG");
		ov_i18n_init("nb");
		int code = cli_usage_error(
			&ctx, g.lang ? "--lang" : "OVTTAS_LANG",
			_("unknown language '%s'; use nb, se or en"), wrong);
		free(args);
		return code;
	}
	if (n < 0) {
		int code = cli_usage_error(&ctx, bad,
					   _("this option needs a value"));
		free(args);
		return code;
	}
	/* Text from the command line goes into the database and out as
	 * JSON and exports: all of it must be UTF-8. Not echoed back. */
	for (int i = 0; i < argc - 1; i++) {
		size_t len = strlen(argv[i + 1]);
		if (ov_utf8_check(argv[i + 1], len) < len) {
			/* The value of an option is named by the option:
			 * --opt=value, or --opt before it (a flag taking no
			 * value may be named so too; the position is exact). */
			const char *a = argv[i + 1], *eq = strchr(a, '=');
			char opt[64] = "";
			if (!strncmp(a, "--", 2) && eq && eq - a > 2)
				snprintf(opt, sizeof opt, "%.*s", (int)(eq - a), a);
			else if (i > 0 && !strncmp(argv[i], "--", 2) &&
				 argv[i][2] && !strchr(argv[i], '=') &&
				 strncmp(a, "--", 2))
				snprintf(opt, sizeof opt, "%s", argv[i]);
			int code = cli_usage_error(
				&ctx, opt, _("argument %d is not UTF-8 text"), i + 1);
			free(args);
			return code;
		}
	}
	ctx.db_path = g.db ? g.db : getenv("OVTTAS_DB");
	if (!ctx.db_path || !*ctx.db_path)
		ctx.db_path = "ovttas.db";

	int code;
	if (n == 0 || !strcmp(args[0], "--help") || !strcmp(args[0], "-h")) {
		cli_print_overview(out);
		code = n == 0 ? 1 : 0;
		free(args);
		return code;
	}
	const cli_command *c = NULL;
	int used = 1;
	if (is_group(args[0])) {
		if (n >= 2)
			c = find(args[0], args[1]);
		used = 2;
		if (!c && n >= 2 &&
		    (!strcmp(args[1], "--help") || !strcmp(args[1], "-h"))) {
			for (c = cli_commands; c->verb; c++)
				if (c->group && !strcmp(c->group, args[0]))
					cli_print_command_help(out, c);
			free(args);
			return 0;
		}
		if (!c) {
			code = cli_usage_error(
				&ctx, n >= 2 ? args[1] : args[0],
				n >= 2 ? _("unknown command; see 'ovttas help'")
				       : _("missing command; see 'ovttas help'"));
			free(args);
			return code;
		}
	} else {
		c = find(NULL, args[0]);
		if (!c) {
			code = cli_usage_error(
				&ctx, args[0],
				_("unknown command; see 'ovttas help'"));
			free(args);
			return code;
		}
	}
	char name[64];
	command_name(c, name, sizeof name);
	ctx.name = name;
	code = c->run(&ctx, n - used, args + used);
	free(args);
	return code;
}

int cli_number_opt(cli_ctx *ctx, const char *name, const char *text,
		   long long lo, long long hi, long long *out)
{
	if (!text)
		return -1;
	if (ov_parse_int(text, lo, hi, out))
		return cli_usage_error(ctx, name,
				       _("'%s' is not a whole number from %lld "
					 "to %lld"),
				       text, lo, hi);
	return -1;
}

void cli_solve_progress(void *vctx, double seconds, int64_t objective,
			int feasible)
{
	cli_ctx *ctx = vctx;
	if (ctx->json) /* one JSON object a line, for whoever reads it */
		fprintf(ctx->err,
			"{\"progress\":{\"seconds\":%.1f,\"objective\":%lld,"
			"\"feasible\":%s}}\n",
			seconds, (long long)objective,
			feasible ? "true" : "false");
	else
		fprintf(ctx->err, _("%6.1f s  best %lld%s\n"), seconds,
			(long long)objective,
			feasible ? "" : _(" (breaks rules)"));
	fflush(ctx->err);
}
