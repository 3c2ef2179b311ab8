/*
 * cmd_init.c - `ovttas init [--demo] [--seed N] [--force]`: creates a
 * database. The new database is built beside the target and renamed into
 * place, so a failure (or an interrupted demo load) never leaves a
 * half-written file and an existing database is replaced whole or not.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/ov_i18n.h"
#include "base/ov_str.h"
#include "cli.h"
#include "demo/demo.h"

static void unlink_with_suffix(const char *path, const char *suffix)
{
	ov_buf b = OV_BUF_INIT;
	if (ov_buf_printf(&b, "%s%s", path, suffix) == 0)
		unlink(ov_buf_str(&b));
	ov_buf_free(&b);
}

/* Nonzero if the folder path would be created in does not exist. */
static int parent_missing(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash || slash == path)
		return 0;
	ov_buf dir = OV_BUF_INIT;
	ov_buf_add(&dir, path, (size_t)(slash - path));
	struct stat st;
	int missing = stat(ov_buf_str(&dir), &st) != 0 || !S_ISDIR(st.st_mode);
	ov_buf_free(&dir);
	return missing;
}

int cmd_init(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *seed_s = NULL;
	int npos, demo = 0, force = 0;
	const cli_opt opts[] = {{"demo", CLI_FLAG, NULL, &demo},
				{"force", CLI_FLAG, NULL, &force},
				{"seed", CLI_STRING, &seed_s, NULL},
				{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	long long seed = DEMO_DEFAULT_SEED;
	if (seed_s && ov_parse_int(seed_s, 0, INT64_MAX, &seed))
		return cli_usage_error(ctx, "--seed",
				       _("'%s' is not a whole number of 0 or "
					 "more"),
				       seed_s);
	if (seed_s && !demo)
		return cli_usage_error(ctx, "--seed",
				       _("--seed only applies with --demo"));

	const char *path = ctx->db_path;
	ov_err e;
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		OV_FAIL_AT(&e, OV_E_INPUT, path, 0, "--db",
			   _("%s is not a database file"), path);
		return cli_fail(ctx, &e);
	}
	if (parent_missing(path)) {
		OV_FAIL_AT(&e, OV_E_INPUT, path, 0, "--db",
			   _("cannot create %s: its folder does not exist"),
			   path);
		return cli_fail(ctx, &e);
	}
	if (stat(path, &st) == 0) {
		if ((st.st_mode & 0222) == 0 || access(path, W_OK) != 0) {
			OV_FAIL_AT(&e, OV_E_READONLY, path, 0, "--db",
				   _("database %s is read-only; nothing was "
				     "changed"),
				   path);
			return cli_fail(ctx, &e);
		}
		if (!force) {
			OV_FAIL_AT(&e, OV_E_EXISTS, path, 0, "--db",
				   _("database %s already exists; use --force "
				     "to replace it, or --db to name another"),
				   path);
			return cli_fail(ctx, &e);
		}
	}

	ov_buf tmp = OV_BUF_INIT;
	ov_buf_printf(&tmp, "%s.new-%ld", path, (long)getpid());
	const char *tpath = ov_buf_str(&tmp);
	unlink(tpath);
	db *d = NULL;
	ov_status s = db_open(tpath, DB_CREATE, &d, &e);
	demo_logins logins = {0};
	/* The demo is one bulk load into a new database, in one
	 * transaction: its staffing, care and other data are not audited
	 * row by row (the staffing writes pass no actor); only the demo
	 * users it adds are on the trail, as user.add by "demo". */
	if (s == OV_OK && demo)
		s = demo_load(d, (uint64_t)seed, &logins, &e);
	int version = d ? db_schema_version(d) : 0;
	db_close(d);
	if (s == OV_OK) {
		unlink_with_suffix(path, "-wal");
		unlink_with_suffix(path, "-shm");
		if (rename(tpath, path) != 0)
			s = OV_FAIL_AT(&e, OV_E_IO, path, 0, "--db",
				       _("cannot write %s: %s"), path,
				       strerror(errno));
	}
	if (s != OV_OK) {
		unlink(tpath);
		unlink_with_suffix(tpath, "-wal");
		unlink_with_suffix(tpath, "-shm");
		ov_buf_free(&tmp);
		return cli_fail(ctx, &e);
	}
	ov_buf_free(&tmp);

	if (ctx->json) {
		json_t *users = json_array();
		for (int i = 0; i < logins.n; i++)
			json_array_append_new(
				users,
				json_pack("{s:s,s:s,s:s,s:s,s:s}", "username",
					  logins.login[i].username, "password",
					  logins.login[i].password, "role",
					  logins.login[i].role, "municipality",
					  logins.login[i].municipality, "name",
					  logins.login[i].full_name));
		return cli_print_json(
			ctx, json_pack("{s:s,s:i,s:b,s:I,s:o}", "database", path,
				       "schema", version, "demo", demo, "seed",
				       (json_int_t)(demo ? seed : 0), "users",
				       users));
	}
	fprintf(ctx->out, _("Created %s (schema version %d).\n"), path,
		version);
	if (demo)
		fprintf(ctx->out,
			_("Loaded the demo of Karasjok and Kautokeino (seed "
			  "%lld).\n"),
			seed);
	if (logins.n) {
		fprintf(ctx->out, "\n%s\n",
			_("Log-ins of the web interface (ovttas ui), one per "
			  "role in each municipality; they are shown only "
			  "now:"));
		const char *h[] = {_("Username"), _("Password"), _("Name")};
		cli_table *t = cli_table_new(3, h);
		for (int i = 0; t && i < logins.n; i++) {
			cli_table_cell(t, "%s", logins.login[i].username);
			cli_table_cell(t, "%s", logins.login[i].password);
			cli_table_cell(t, "%s", logins.login[i].full_name);
		}
		if (t) {
			cli_table_print(t, ctx->out);
			cli_table_free(t);
		}
		memset(&logins, 0, sizeof logins);
		fputc('\n', ctx->out);
	}
	fprintf(ctx->out, _("Next: 'ovttas status' for an overview, 'ovttas "
			    "help' for all commands.\n"));
	return 0;
}
