/*
 * cmd_help.c - `ovttas help [COMMAND...]` and `ovttas version`.
 */
#include <string.h>

#include "base/ov_i18n.h"
#include "cli.h"

#define OVTTAS_VERSION "0.1.0"

int cmd_help(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2];
	int npos;
	int rc = cli_parse(ctx, argc, argv, NULL, pos, 2, &npos);
	if (rc >= 0)
		return rc;
	if (npos == 0) {
		cli_print_overview(ctx->out);
		return 0;
	}
	int shown = 0;
	for (const cli_command *c = cli_commands; c->verb; c++) {
		int match = npos == 1 ? (c->group ? !strcmp(c->group, pos[0])
						  : !strcmp(c->verb, pos[0]))
				      : (c->group && !strcmp(c->group, pos[0]) &&
					 !strcmp(c->verb, pos[1]));
		if (match) {
			if (shown++)
				fputc('\n', ctx->out);
			cli_print_command_help(ctx->out, c);
		}
	}
	if (!shown)
		return cli_usage_error(ctx, pos[npos - 1],
				       _("unknown command; see 'ovttas help'"));
	return 0;
}

int cmd_version(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos;
	int rc = cli_parse(ctx, argc, argv, NULL, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	int schema = db_migrations[db_migrations_count - 1].version;
	if (ctx->json)
		return cli_print_json(ctx, json_pack("{s:s,s:i}", "version",
						     OVTTAS_VERSION, "schema",
						     schema));
	fprintf(ctx->out, "ovttas %s (%s %d)\n", OVTTAS_VERSION,
		_("schema version"), schema);
	return 0;
}
