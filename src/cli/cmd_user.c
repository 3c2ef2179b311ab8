/*
 * cmd_user.c - `ovttas user add|passwd|disable|list`: the users of the
 * web interface, their roles and municipalities. Passwords are never
 * taken on the command line (where `ps` would show them): from a file
 * (--password-file, "-" for standard input) or typed at the terminal.
 */
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "auth/auth.h"
#include "base/ov_i18n.h"
#include "cli.h"

/* Reads one line (without its end) into buf. 0 on success, -1 if there
 * is none, -2 if it does not fit (a password is never cut short). */
static int read_line(FILE *f, char *buf, size_t n)
{
	if (!fgets(buf, (int)n, f))
		return -1;
	size_t len = strcspn(buf, "\r\n");
	if (buf[len] == '\0' && len == n - 1 && !feof(f))
		return -2;
	buf[len] = '\0';
	return 0;
}

/* Room for the longest password policy allows, its line end and NUL. */
#define PW_BUF (AUTH_PASSWORD_MAX + 3)

/* The password from --password-file, or typed twice at the terminal
 * without echo. Returns -1 to go on, else the exit code. */
static int get_password(cli_ctx *ctx, const char *file, char *buf, size_t n)
{
	if (file) {
		FILE *f = strcmp(file, "-") ? fopen(file, "r") : stdin;
		int got = f ? read_line(f, buf, n) : -1;
		if (f && f != stdin)
			fclose(f);
		if (got == -2)
			return cli_usage_error(ctx, "--password-file",
					       _("A password has at most %d "
						 "characters."),
					       AUTH_PASSWORD_MAX);
		if (got != 0)
			return cli_usage_error(ctx, "--password-file",
					       _("Cannot read a password from "
						 "%s."),
					       file);
		return -1;
	}
	if (!isatty(STDIN_FILENO))
		return cli_usage_error(ctx, "--password-file",
				       _("Give the password with "
					 "--password-file FILE (or - for "
					 "standard input)."));
	struct termios old, quiet;
	tcgetattr(STDIN_FILENO, &old);
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	char again[PW_BUF];
	fprintf(ctx->err, "%s", _("Password: "));
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	int bad = read_line(stdin, buf, n);
	fprintf(ctx->err, "\n%s", _("Password again: "));
	bad = bad || read_line(stdin, again, sizeof again);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fputc('\n', ctx->err);
	bad = bad || strcmp(buf, again) != 0;
	memset(again, 0, sizeof again);
	if (bad)
		return cli_usage_error(ctx, "password",
				       _("The two passwords differ."));
	return -1;
}

/* Parses "leader,rota_planner" into grants in municipality m. */
static int parse_roles(cli_ctx *ctx, const char *text, int64_t m,
		       auth_grant *g, int *n)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", text);
	*n = 0;
	for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		int r = auth_role_from_code(tok);
		if (!r)
			return cli_usage_error(
				ctx, "--role",
				_("Unknown role '%s'. The roles: admin, "
				  "leader, budget_holder, rota_planner, "
				  "homecare_coordinator, case_worker, "
				  "employee, steering_group."),
				tok);
		if (*n == AUTH_MAX_GRANTS)
			return cli_usage_error(ctx, "--role", "%s",
					       _("Too many roles."));
		g[*n].role = r;
		g[*n].municipality_id = m;
		++*n;
	}
	return *n ? -1
		  : cli_usage_error(ctx, "--role", "%s",
				    _("A user needs at least one role."));
}

int cmd_user_add(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *name = NULL, *roles = NULL, *muni = NULL,
			   *emp_s = NULL, *pwfile = NULL;
	int npos, code;
	const cli_opt opts[] = {{"name", CLI_STRING, &name, NULL},
				{"role", CLI_STRING, &roles, NULL},
				{"municipality", CLI_STRING, &muni, NULL},
				{"employee", CLI_STRING, &emp_s, NULL},
				{"password-file", CLI_STRING, &pwfile, NULL},
				{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 1, &npos);
	if (rc >= 0)
		return rc;
	if (npos != 1)
		return cli_usage_error(ctx, "USERNAME", "%s",
				       _("Name the user to add."));
	if (!roles || !muni)
		return cli_usage_error(ctx, roles ? "--municipality" : "--role",
				       "%s",
				       _("Give --role and --municipality (a "
					 "municipality, or 'both')."));
	long long emp = 0;
	if ((rc = cli_number_opt(ctx, "--employee", emp_s, 1, INT64_MAX,
				 &emp)) >= 0)
		return rc;
	char pw[PW_BUF];
	if ((rc = get_password(ctx, pwfile, pw, sizeof pw)) >= 0)
		return rc;
	db *d = cli_open_db(ctx, DB_WRITE, &code);
	if (!d)
		return code;
	org_municipality m = {0};
	ov_err e;
	ov_status st = OV_OK;
	if (strcmp(muni, "both"))
		st = org_municipality_find(d, muni, &m, &e);
	auth_grant g[AUTH_MAX_GRANTS];
	int ng = 0;
	if (st == OV_OK &&
	    (rc = parse_roles(ctx, roles, m.id, g, &ng)) >= 0) {
		db_close(d);
		return rc;
	}
	int64_t id = 0;
	char actor_buf[80];
	auth_actor who = auth_actor_cli(actor_buf);
	auth_user_spec spec = {pos[0], name ? name : pos[0], pw, emp, ng, g};
	if (st == OV_OK)
		st = auth_user_add(d, &who, &spec, &id, &e);
	memset(pw, 0, sizeof pw);
	db_close(d);
	if (st != OV_OK)
		return cli_fail(ctx, &e);
	if (ctx->json)
		return cli_print_json(ctx, json_pack("{s:I,s:s}", "id",
						     (json_int_t)id,
						     "username", pos[0]));
	fprintf(ctx->out, _("Added user %s.\n"), pos[0]);
	return 0;
}

int cmd_user_passwd(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *pwfile = NULL;
	int npos, code;
	const cli_opt opts[] = {{"password-file", CLI_STRING, &pwfile, NULL},
				{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 1, &npos);
	if (rc >= 0)
		return rc;
	if (npos != 1)
		return cli_usage_error(ctx, "USERNAME", "%s",
				       _("Name the user."));
	char pw[PW_BUF];
	if ((rc = get_password(ctx, pwfile, pw, sizeof pw)) >= 0)
		return rc;
	db *d = cli_open_db(ctx, DB_WRITE, &code);
	if (!d)
		return code;
	ov_err e;
	char actor_buf[80];
	auth_actor who = auth_actor_cli(actor_buf);
	ov_status st = auth_user_passwd(d, &who, pos[0], pw, &e);
	memset(pw, 0, sizeof pw);
	db_close(d);
	if (st != OV_OK)
		return cli_fail(ctx, &e);
	fprintf(ctx->out, _("New password set for %s.\n"), pos[0]);
	return 0;
}

int cmd_user_disable(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos, code;
	int rc = cli_parse(ctx, argc, argv, NULL, pos, 1, &npos);
	if (rc >= 0)
		return rc;
	if (npos != 1)
		return cli_usage_error(ctx, "USERNAME", "%s",
				       _("Name the user."));
	db *d = cli_open_db(ctx, DB_WRITE, &code);
	if (!d)
		return code;
	ov_err e;
	char actor_buf[80];
	auth_actor who = auth_actor_cli(actor_buf);
	ov_status st = auth_user_disable(d, &who, pos[0], &e);
	db_close(d);
	if (st != OV_OK)
		return cli_fail(ctx, &e);
	fprintf(ctx->out, _("Disabled %s; their sessions are closed.\n"),
		pos[0]);
	return 0;
}

/* "leader@5610, admin@both" into buf; m[0..nm) names the places. */
static const char *grants_text(const org_municipality *m, size_t nm,
			       const auth_grant *g, int n, char *buf,
			       size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < n && used < size; i++) {
		const char *where = _("both");
		for (size_t k = 0; k < nm; k++)
			if (m[k].id == g[i].municipality_id)
				where = m[k].code;
		used += (size_t)snprintf(buf + used, size - used, "%s%s@%s",
					 i ? ", " : "",
					 auth_role_code(g[i].role), where);
	}
	return buf;
}

int cmd_user_list(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1];
	int npos, code;
	int rc = cli_parse(ctx, argc, argv, NULL, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	db *d = cli_open_db(ctx, DB_READ, &code);
	if (!d)
		return code;
	auth_user_row *u = NULL;
	int n = 0;
	ov_err e;
	if (auth_user_list(d, (int64_t)time(NULL), &u, &n, &e) != OV_OK) {
		db_close(d);
		return cli_fail(ctx, &e);
	}
	org_municipality *m = NULL;
	size_t nm = 0;
	if (org_municipality_list(d, &m, &nm, &e) != OV_OK)
		nm = 0;
	char buf[512];
	if (ctx->json) {
		json_t *a = json_array();
		for (int i = 0; i < n; i++)
			json_array_append_new(
				a, json_pack("{s:s,s:s,s:s,s:b,s:b}", "username",
					     u[i].username, "name",
					     u[i].full_name, "roles",
					     grants_text(m, nm, u[i].grants,
							 u[i].ngrants, buf,
							 sizeof buf),
					     "disabled", u[i].disabled,
					     "locked", u[i].locked));
		free(u);
		free(m);
		db_close(d);
		return cli_print_json(ctx, a);
	}
	const char *h[] = {_("Username"), _("Name"), _("Roles"), _("State")};
	cli_table *t = cli_table_new(4, h);
	for (int i = 0; t && i < n; i++) {
		cli_table_cell(t, "%s", u[i].username);
		cli_table_cell(t, "%s", u[i].full_name);
		cli_table_cell(t, "%s",
			       grants_text(m, nm, u[i].grants, u[i].ngrants, buf,
					   sizeof buf));
		cli_table_cell(t, "%s",
			       u[i].disabled ? _("disabled")
			       : u[i].locked ? _("locked")
					     : _("active"));
	}
	if (t) {
		cli_table_print(t, ctx->out);
		cli_table_free(t);
	}
	free(u);
	free(m);
	db_close(d);
	return 0;
}
