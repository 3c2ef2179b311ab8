/*
 * web_server.c - the socket side, on libmicrohttpd: collects one
 * request's cookies, headers, arguments and body into a web_request,
 * lets web_handle answer it, and sends the web_response with the
 * security headers every answer carries. One internal polling thread
 * handles every request in turn: the database connection and the
 * gettext language are that thread's alone.
 */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/ov_i18n.h"
#include "web.h"
#include "web_int.h"

struct web_server {
	struct MHD_Daemon *daemon;
	web_app app;
	int port;
	char exe[4096];
	char *db_path;
};

/* What one connection collects before it is answered. */
typedef struct {
	ov_buf body;
	int too_big;
} upload;

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind,
				   const char *key, const char *value)
{
	(void)kind;
	web_request *req = cls;
	if (req->nargs < WEB_MAX_ARGS) {
		req->arg_name[req->nargs] = key;
		req->arg_value[req->nargs] = value ? value : "";
		req->nargs++;
	}
	return MHD_YES;
}

static void add_headers(struct MHD_Response *r, const web_response *res)
{
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
				res->content_type ? res->content_type
						  : "text/plain");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
				res->cache ? res->cache : "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	/* Everything comes from this server; no inline script. */
	MHD_add_response_header(r, "Content-Security-Policy",
				"default-src 'self'; img-src 'self' data:; "
				"style-src 'self' 'unsafe-inline'; "
				"frame-ancestors 'none'");
	for (int i = 0; i < res->ncookies; i++)
		MHD_add_response_header(r, MHD_HTTP_HEADER_SET_COOKIE,
					res->cookie[i]);
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn,
			      const char *url, const char *method,
			      const char *version, const char *data,
			      size_t *data_size, void **con_cls)
{
	(void)version;
	web_server *s = cls;
	upload *up = *con_cls;
	if (!up) {
		up = calloc(1, sizeof *up);
		if (!up)
			return MHD_NO;
		*con_cls = up;
		return MHD_YES;
	}
	if (*data_size) {
		if (up->body.len + *data_size > WEB_MAX_BODY)
			up->too_big = 1;
		else if (ov_buf_add(&up->body, data, *data_size) != 0)
			up->too_big = 1;
		*data_size = 0;
		return MHD_YES;
	}
	web_request req;
	memset(&req, 0, sizeof req);
	req.method = method;
	req.path = url;
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_arg,
				  &req);
	req.session = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND,
						  WEB_SESSION_COOKIE);
	req.lang = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND,
					       WEB_LANG_COOKIE);
	req.csrf = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
					       "X-CSRF-Token");
	req.content_type = MHD_lookup_connection_value(
		conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	req.body = up->body.len ? ov_buf_str(&up->body) : NULL;
	req.body_len = up->body.len;
	req.now = (int64_t)time(NULL);

	web_response res;
	if (up->too_big) {
		memset(&res, 0, sizeof res);
		res.status = 413;
		res.content_type = "application/json; charset=utf-8";
		ov_buf_adds(&res.body, "{\"error\":{\"code\":\"too_large\"}}");
	} else {
		web_handle(&s->app, &req, &res);
	}
	struct MHD_Response *r =
		res.asset ? MHD_create_response_from_buffer(
				    res.asset_len, (void *)res.asset,
				    MHD_RESPMEM_PERSISTENT)
			  : MHD_create_response_from_buffer(
				    res.body.len, (void *)ov_buf_str(&res.body),
				    MHD_RESPMEM_MUST_COPY);
	enum MHD_Result ret = MHD_NO;
	if (r) {
		add_headers(r, &res);
		ret = MHD_queue_response(conn, (unsigned)res.status, r);
		MHD_destroy_response(r);
	}
	web_response_free(&res);
	return ret;
}

static void completed(void *cls, struct MHD_Connection *conn,
		      void **con_cls, enum MHD_RequestTerminationCode why)
{
	(void)cls;
	(void)conn;
	(void)why;
	upload *up = *con_cls;
	if (up) {
		ov_buf_free(&up->body);
		free(up);
		*con_cls = NULL;
	}
}

ov_status web_server_start(const web_config *cfg, web_server **out,
			   ov_err *err)
{
	*out = NULL;
	web_server *s = calloc(1, sizeof *s);
	if (!s)
		return OV_FAIL(err, OV_E_NOMEM, "", "%s", _("out of memory"));
	ov_status rc = db_open(cfg->db_path, DB_WRITE, &s->app.d, err);
	if (rc != OV_OK) {
		free(s);
		return rc;
	}
	s->app.secure_cookies = cfg->secure_cookies;
	/* the jobs run this program on the same database */
	ssize_t n = readlink("/proc/self/exe", s->exe, sizeof s->exe - 1);
	s->exe[n > 0 ? n : 0] = '\0';
	s->db_path = strdup(cfg->db_path);
	s->app.exe = s->exe;
	s->app.db_path = s->db_path;
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)cfg->port);
	addr.sin_addr.s_addr = htonl(INADDR_ANY);
	if (cfg->address &&
	    inet_pton(AF_INET, cfg->address, &addr.sin_addr) != 1) {
		db_close(s->app.d);
		free(s->db_path);
		free(s);
		return OV_FAIL(err, OV_E_USAGE, "--listen",
			       _("'%s' is not an IPv4 address."),
			       cfg->address);
	}
	s->daemon = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG,
		(uint16_t)cfg->port, NULL, NULL, answer, s,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_END);
	if (!s->daemon) {
		db_close(s->app.d);
		free(s->db_path);
		free(s);
		return OV_FAIL(err, OV_E_IO, "--listen",
			       _("Cannot listen on %s:%d (in use, or not "
				 "allowed)."),
			       cfg->address ? cfg->address : "0.0.0.0",
			       cfg->port);
	}
	const union MHD_DaemonInfo *info =
		MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
	s->port = info ? info->port : cfg->port;
	*out = s;
	return OV_OK;
}

int web_server_port(const web_server *s)
{
	return s->port;
}

void web_server_stop(web_server *s)
{
	if (!s)
		return;
	MHD_stop_daemon(s->daemon);
	web_jobs_free(&s->app);
	db_close(s->app.d);
	free(s->db_path);
	free(s);
}
