/*
 * cmd_db.c - `ovttas db migrate|check|backup`: schema upgrade, integrity
 * check and online backup of the store.
 */
#include "base/ov_i18n.h"
#include "cli.h"

int cmd_db_migrate(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos, code;
	int rc = cli_parse(ctx, argc, argv, NULL, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	/* Opening for writing applies the pending migrations. */
	db *d = cli_open_db(ctx, DB_WRITE, &code);
	if (!d)
		return code;
	int v = db_schema_version(d);
	db_close(d);
	if (ctx->json)
		return cli_print_json(ctx, json_pack("{s:s,s:i}", "database",
						     ctx->db_path, "schema", v));
	fprintf(ctx->out, _("%s: schema version %d, up to date\n"),
		ctx->db_path, v);
	return 0;
}

int cmd_db_check(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos, code;
	int rc = cli_parse(ctx, argc, argv, NULL, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	db *d = cli_open_db(ctx, DB_READ, &code);
	if (!d)
		return code;
	ov_buf report = OV_BUF_INIT;
	int problems = 0;
	ov_err e;
	ov_status st = db_check(d, &report, &problems, &e);
	db_close(d);
	if (st != OV_OK) {
		ov_buf_free(&report);
		return cli_fail(ctx, &e);
	}
	rc = 0;
	if (ctx->json) {
		rc = cli_print_json(ctx, json_pack("{s:s,s:b,s:i,s:s}",
						   "database", ctx->db_path,
						   "ok", problems == 0,
						   "problems", problems,
						   "report",
						   ov_buf_str(&report)));
	} else if (problems == 0) {
		fprintf(ctx->out,
			_("%s: integrity and foreign keys are in order\n"),
			ctx->db_path);
	} else {
		fputs(ov_buf_str(&report), ctx->out);
		fprintf(ctx->out,
			ngettext("%s: %d problem found\n",
				 "%s: %d problems found\n",
				 (unsigned long)problems),
			ctx->db_path, problems);
	}
	ov_buf_free(&report);
	return problems ? 1 : rc;
}

int cmd_db_backup(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos, code, force = 0;
	const cli_opt opts[] = {{"force", CLI_FLAG, NULL, &force},
				{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 1, &npos);
	if (rc >= 0)
		return rc;
	if (npos != 1)
		return cli_usage_error(ctx, "FILE",
				       _("name the backup file: 'ovttas db "
					 "backup FILE'"));
	db *d = cli_open_db(ctx, DB_READ, &code);
	if (!d)
		return code;
	ov_err e;
	ov_status st = db_backup(d, pos[0], force, &e);
	db_close(d);
	if (st != OV_OK)
		return cli_fail(ctx, &e);
	if (ctx->json)
		return cli_print_json(ctx, json_pack("{s:s,s:s}", "database",
						     ctx->db_path, "backup",
						     pos[0]));
	fprintf(ctx->out, _("%s copied to %s\n"), ctx->db_path, pos[0]);
	return 0;
}
