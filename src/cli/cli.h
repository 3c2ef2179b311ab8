/*
 * cli.h - the command line: one table of commands, option parsing,
 * error reporting and the table and JSON writers every command uses.
 * Commands are thin: parse options, call a module, render the result.
 */
#ifndef CLI_H
#define CLI_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>

#include "base/ov_err.h"
#include "db/db.h"
#include "org/org.h"

/* What every command gets: where to write and the global options. */
typedef struct {
	FILE *out;           /* results */
	FILE *err;           /* errors and progress */
	const char *db_path; /* --db, else OVTTAS_DB, else ./ovttas.db */
	int json;            /* --json: one JSON document on out */
	const char *name;    /* "org units", for messages */
} cli_ctx;

typedef struct cli_command {
	const char *group;   /* "db", or NULL for a top-level command */
	const char *verb;    /* "migrate" */
	const char *args;    /* usage after the command name, untranslated */
	const char *summary; /* N_() one line for `ovttas help` */
	const char *help;    /* N_() paragraph for --help */
	int (*run)(cli_ctx *ctx, int argc, char **argv);
} cli_command;

/* The command table (cli_commands.c), terminated by a NULL verb. */
extern const cli_command cli_commands[];

/*
 * Runs ovttas with argv (argv[0] is the program name) and returns the
 * process exit code: 0 ok, 1 the user's input was wrong, 2 internal.
 * Reentrant: keeps no state between calls, so tests call it directly.
 */
int cli_main(int argc, char **argv, FILE *out, FILE *err);

/* One option of a command. */
typedef enum { CLI_FLAG, CLI_STRING } cli_opt_kind;
/* Values and positional arguments are borrowed from argv. */
typedef struct {
	const char *name;   /* "month" for --month */
	cli_opt_kind kind;
	const char **value; /* CLI_STRING: set to the argument */
	int *flag;          /* CLI_FLAG: set to 1 */
} cli_opt;

/*
 * Parses argv against opts (terminated by a NULL name); --help prints the
 * command's help. Positional arguments are stored in pos (up to max_pos).
 * Returns -1 to continue, or an exit code the command must return now
 * (0 after --help, 1 after a bad option, which is reported).
 */
int cli_parse(cli_ctx *ctx, int argc, char **argv, const cli_opt *opts,
	      const char **pos, int max_pos, int *npos);

/* Reports err on ctx->err (as JSON with --json) and returns its exit
 * code. */
int cli_fail(cli_ctx *ctx, const ov_err *err);

/* Parses the value of option `name` (NULL: not given, *out untouched) as
 * a whole number in [lo, hi]. Returns -1 to go on, or the exit code after
 * reporting a bad value. */
int cli_number_opt(cli_ctx *ctx, const char *name, const char *text,
		   long long lo, long long hi, long long *out);

/* A solver's progress callback (rota_solve_opts.progress): one line on
 * ctx->err per call, a JSON object {"progress": {...}} with --json;
 * vctx is the cli_ctx. */
void cli_solve_progress(void *vctx, double seconds, int64_t objective,
			int feasible);

/* Reports a usage error about one option and returns 1. */
int cli_usage_error(cli_ctx *ctx, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Opens ctx->db_path. The db is owned by the caller (db_close). On
 * failure reports and returns NULL, with the exit code in *code. */
db *cli_open_db(cli_ctx *ctx, db_mode mode, int *code);

/*
 * Opens ctx->db_path for reading and resolves a --municipality value
 * (number or name, as org_municipality_find takes it) into *m; text NULL
 * means "all" and zeroes *m (id 0). The db is owned by the caller
 * (db_close). On failure reports, closes and returns NULL, with the exit
 * code in *code.
 */
db *cli_open_db_for(cli_ctx *ctx, const char *text, org_municipality *m,
		    int *code);

/* Prints j on ctx->out, pretty, with a newline; takes ownership. */
int cli_print_json(cli_ctx *ctx, json_t *j);

/* Prints `ovttas help` (all commands) on out. */
void cli_print_overview(FILE *out);

/* Prints the help of one command on out. */
void cli_print_command_help(FILE *out, const cli_command *c);

/* A plain-text table with aligned columns (UTF-8 aware). */
typedef struct cli_table cli_table;

/* ncols columns with the given (already translated) headers. Owned:
 * free with cli_table_free. NULL on allocation failure. */
cli_table *cli_table_new(int ncols, const char *const *headers);

/* Right-aligns column col (numbers). */
void cli_table_right(cli_table *t, int col);

/* Appends a cell (copied) to the current row; a row is complete after
 * ncols cells. printf-style. */
void cli_table_cell(cli_table *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Draws a rule under the rows so far (before a totals row). */
void cli_table_rule(cli_table *t);

void cli_table_print(const cli_table *t, FILE *out);
void cli_table_free(cli_table *t);

/* Command entry points (one file each: cmd_<name>.c). */
int cmd_help(cli_ctx *ctx, int argc, char **argv);
int cmd_version(cli_ctx *ctx, int argc, char **argv);
int cmd_init(cli_ctx *ctx, int argc, char **argv);
int cmd_status(cli_ctx *ctx, int argc, char **argv);
int cmd_db_migrate(cli_ctx *ctx, int argc, char **argv);
int cmd_db_check(cli_ctx *ctx, int argc, char **argv);
int cmd_db_backup(cli_ctx *ctx, int argc, char **argv);
int cmd_org_units(cli_ctx *ctx, int argc, char **argv);
int cmd_org_employees(cli_ctx *ctx, int argc, char **argv);
int cmd_programme_show(cli_ctx *ctx, int argc, char **argv);
int cmd_economy_summary(cli_ctx *ctx, int argc, char **argv);
int cmd_rota_solve_file(cli_ctx *ctx, int argc, char **argv);
int cmd_routes_solve_file(cli_ctx *ctx, int argc, char **argv);
int cmd_routes_plan(cli_ctx *ctx, int argc, char **argv);
int cmd_routes_replan(cli_ctx *ctx, int argc, char **argv);
int cmd_routes_show(cli_ctx *ctx, int argc, char **argv);
int cmd_routes_export(cli_ctx *ctx, int argc, char **argv);
int cmd_rota_plan(cli_ctx *ctx, int argc, char **argv);
int cmd_rota_heltid(cli_ctx *ctx, int argc, char **argv);
int cmd_rota_export(cli_ctx *ctx, int argc, char **argv);
int cmd_rota_shifts(cli_ctx *ctx, int argc, char **argv);
int cmd_rota_shift_set(cli_ctx *ctx, int argc, char **argv);
int cmd_rota_rhythm(cli_ctx *ctx, int argc, char **argv);
int cmd_rota_rhythm_set(cli_ctx *ctx, int argc, char **argv);
int cmd_rota_needs(cli_ctx *ctx, int argc, char **argv);
int cmd_rota_need_set(cli_ctx *ctx, int argc, char **argv);
int cmd_rota_derive(cli_ctx *ctx, int argc, char **argv);
int cmd_user_add(cli_ctx *ctx, int argc, char **argv);
int cmd_user_passwd(cli_ctx *ctx, int argc, char **argv);
int cmd_user_disable(cli_ctx *ctx, int argc, char **argv);
int cmd_user_list(cli_ctx *ctx, int argc, char **argv);
int cmd_audit(cli_ctx *ctx, int argc, char **argv);
int cmd_serve(cli_ctx *ctx, int argc, char **argv);
int cmd_ui(cli_ctx *ctx, int argc, char **argv);

#endif
