/*
 * cmd_audit.c - `ovttas audit [--since DATE] [--limit N]`: the audit
 * trail, oldest first: who changed what, when, before and after.
 */
#include "auth/auth.h"
#include "base/ov_date.h"
#include "base/ov_i18n.h"
#include "cli.h"

int cmd_audit(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *since = NULL, *limit_s = NULL;
	int npos, code;
	const cli_opt opts[] = {{"since", CLI_STRING, &since, NULL},
				{"limit", CLI_STRING, &limit_s, NULL},
				{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	long long limit = 0;
	if ((rc = cli_number_opt(ctx, "--limit", limit_s, 1, 1000000,
				 &limit)) >= 0)
		return rc;
	ov_day day;
	if (since && ov_date_parse(since, &day) != 0)
		return cli_usage_error(ctx, "--since",
				       _("'%s' is not a date (YYYY-MM-DD)."),
				       since);
	db *d = cli_open_db(ctx, DB_READ, &code);
	if (!d)
		return code;
	auth_audit_row *a = NULL;
	int n = 0;
	ov_err e;
	ov_status st = auth_audit_list(d, since, (int)limit, &a, &n, &e);
	db_close(d);
	if (st != OV_OK)
		return cli_fail(ctx, &e);
	if (ctx->json) {
		json_t *arr = json_array();
		for (int i = 0; i < n; i++) {
			json_t *o = json_pack(
				"{s:I,s:s,s:s,s:s,s:s,s:s}", "id",
				(json_int_t)a[i].id, "at", a[i].at, "actor",
				a[i].actor, "action", a[i].action, "entity",
				a[i].entity, "entity_id", a[i].entity_id);
			json_object_set_new(o, "municipality_id",
					    a[i].municipality_id
						    ? json_integer(
							      a[i].municipality_id)
						    : json_null());
			json_object_set_new(o, "before",
					    a[i].before
						    ? json_loads(a[i].before, 0,
								 NULL)
						    : json_null());
			json_object_set_new(o, "after",
					    a[i].after
						    ? json_loads(a[i].after, 0,
								 NULL)
						    : json_null());
			json_array_append_new(arr, o);
		}
		auth_audit_free(a, n);
		return cli_print_json(ctx, arr);
	}
	const char *h[] = {_("When"), _("Who"), _("Action"), _("What"),
			   _("After")};
	cli_table *t = cli_table_new(5, h);
	for (int i = 0; t && i < n; i++) {
		cli_table_cell(t, "%s", a[i].at);
		cli_table_cell(t, "%s", a[i].actor);
		cli_table_cell(t, "%s", a[i].action);
		cli_table_cell(t, "%s %s", a[i].entity, a[i].entity_id);
		/* the whole state is in --json; a glimpse here */
		cli_table_cell(t, "%.60s", a[i].after ? a[i].after : "-");
	}
	if (t) {
		cli_table_print(t, ctx->out);
		cli_table_free(t);
	}
	if (!n)
		fprintf(ctx->out, "%s\n", _("No entries."));
	auth_audit_free(a, n);
	return 0;
}
