/*
 * cmd_serve.c - `ovttas serve --listen ADDR:PORT` (the shared server)
 * and `ovttas ui` (this machine only, creating the demo database when
 * there is none): start the web server and wait for Ctrl-C or SIGTERM.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/ov_i18n.h"
#include "cli.h"
#include "web/web.h"

/* "127.0.0.1:8080", ":8080" or "8080" into address and port. */
static int parse_listen(cli_ctx *ctx, const char *text, char *addr,
			size_t n, int *port)
{
	const char *colon = strrchr(text, ':');
	const char *port_s = colon ? colon + 1 : text;
	size_t alen = colon ? (size_t)(colon - text) : 0;
	char *end;
	long p = strtol(port_s, &end, 10);
	if (!*port_s || *end || p < 0 || p > 65535 || alen >= n)
		return cli_usage_error(ctx, "--listen",
				       _("'%s' is not ADDRESS:PORT, e.g. "
					 "0.0.0.0:8080."),
				       text);
	if (alen) { /* ":8080" and "8080" keep the default address */
		memcpy(addr, text, alen);
		addr[alen] = '\0';
	}
	*port = (int)p;
	return -1;
}

/* Serves until SIGINT or SIGTERM. The signals are blocked before the
 * server's thread starts, so it inherits the mask and only this thread
 * takes them, with sigwait. */
static int serve(cli_ctx *ctx, const web_config *cfg, int show_url)
{
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	web_server *s = NULL;
	ov_err e;
	if (web_server_start(cfg, &s, &e) != OV_OK) {
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		return cli_fail(ctx, &e);
	}
	const char *host = cfg->address && *cfg->address ? cfg->address
							 : "0.0.0.0";
	if (show_url)
		fprintf(ctx->out, _("ovttas is ready at http://%s:%d/ (Ctrl-C "
				    "stops it)\n"),
			strcmp(host, "0.0.0.0") ? host : "127.0.0.1",
			web_server_port(s));
	else
		fprintf(ctx->out, _("Serving %s on %s:%d\n"), cfg->db_path,
			host, web_server_port(s));
	fflush(ctx->out);
	int sig = 0;
	sigwait(&set, &sig);
	web_server_stop(s);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	fprintf(ctx->err, "%s\n", _("Stopped."));
	return 0;
}

int cmd_serve(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *listen = NULL;
	int npos, secure = 0;
	const cli_opt opts[] = {{"listen", CLI_STRING, &listen, NULL},
				{"secure-cookies", CLI_FLAG, NULL, &secure},
				{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	char addr[64] = "0.0.0.0";
	int port = 8080;
	if (listen &&
	    (rc = parse_listen(ctx, listen, addr, sizeof addr, &port)) >= 0)
		return rc;
	if (access(ctx->db_path, F_OK) != 0)
		return cli_usage_error(ctx, "--db",
				       _("There is no database %s; create it "
					 "with 'ovttas init'."),
				       ctx->db_path);
	web_config cfg = {ctx->db_path, addr, port, secure};
	return serve(ctx, &cfg, 0);
}

int cmd_ui(cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[1], *port_s = NULL;
	int npos;
	const cli_opt opts[] = {{"port", CLI_STRING, &port_s, NULL},
				{NULL, CLI_FLAG, NULL, NULL}};
	int rc = cli_parse(ctx, argc, argv, opts, pos, 0, &npos);
	if (rc >= 0)
		return rc;
	long long port = 8080;
	if ((rc = cli_number_opt(ctx, "--port", port_s, 0, 65535, &port)) >=
	    0)
		return rc;
	if (access(ctx->db_path, F_OK) != 0) {
		/* the first start: make the demo, which prints the log-ins */
		char demo[] = "--demo";
		char *args[] = {demo, NULL};
		if ((rc = cmd_init(ctx, 1, args)) != 0)
			return rc;
	}
	web_config cfg = {ctx->db_path, "127.0.0.1", (int)port, 0};
	return serve(ctx, &cfg, 1);
}
