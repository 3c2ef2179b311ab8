/*
 * web.h - the web server in the binary (libmicrohttpd): the JSON API
 * under /api/v1/ and the front-end's files, over the same modules as the
 * command line. `ovttas serve` and `ovttas ui` start it.
 */
#ifndef WEB_H
#define WEB_H

#include "base/ov_err.h"

typedef struct web_server web_server;

typedef struct {
	const char *db_path;
	const char *address; /* "127.0.0.1"; NULL = all interfaces */
	int port;            /* 0 = any free port (see web_server_port) */
	int secure_cookies;  /* 1 behind TLS: cookies get Secure */
} web_config;

/*
 * Opens the database (schema brought up to date) and starts serving on
 * its own thread. Every request is handled on that one thread, in turn.
 * Errors: those of db_open; OV_E_IO if the address cannot be bound.
 */
ov_status web_server_start(const web_config *cfg, web_server **out,
			   ov_err *err);

/* The port it listens on (the one chosen when cfg->port was 0). */
int web_server_port(const web_server *s);

/* Stops serving, closes the database and frees s (NULL is allowed). */
void web_server_stop(web_server *s);

#endif
