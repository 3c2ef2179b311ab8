/*
 * bench/http/bare.c - the peer of the HTTP benchmark: libmicrohttpd
 * alone, with the daemon flags of src/web/web_server.c (one internal
 * polling thread answering every request in turn, error log on) and
 * nothing behind it. Every request, whatever its method and path, gets
 * 200 and the same JSON body of --bytes N bytes (run.sh passes the size
 * of the ovttas answer it compares with: 7,197 bytes for GET /api/v1/units
 * as karasjok.leader in the demo database, 26 for /api/v1/health), with
 * the headers ovttas sends on every answer, so that the two put the same
 * bytes on the wire. The response is built per request from a copied
 * buffer, as web_server.c does.
 *
 * Usage: bare [--bytes N] [PORT]   (PORT 0, the default, picks a free one)
 * Prints "bare 127.0.0.1:PORT (N-byte body)" and serves until SIGINT or
 * SIGTERM.
 */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *body;
static size_t body_len;

/* {"pad":"aaaa..."}, exactly n bytes (at least 10). */
static char *make_body(size_t n)
{
	static const char head[] = "{\"pad\":\"", tail[] = "\"}";
	size_t fixed = sizeof head - 1 + sizeof tail - 1;
	if (n < fixed)
		n = fixed;
	char *b = malloc(n + 1);
	if (!b)
		return NULL;
	memcpy(b, head, sizeof head - 1);
	memset(b + sizeof head - 1, 'a', n - fixed);
	memcpy(b + n - (sizeof tail - 1), tail, sizeof tail - 1);
	b[n] = '\0';
	body_len = n;
	return b;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn,
			      const char *url, const char *method,
			      const char *version, const char *data,
			      size_t *data_size, void **con_cls)
{
	(void)cls;
	(void)url;
	(void)method;
	(void)version;
	(void)data;
	static int first_call_marker;
	/* As web_server.c: the first call only sees the headers. */
	if (!*con_cls) {
		*con_cls = &first_call_marker;
		return MHD_YES;
	}
	if (*data_size) {
		*data_size = 0;
		return MHD_YES;
	}
	struct MHD_Response *r = MHD_create_response_from_buffer(
		body_len, body, MHD_RESPMEM_MUST_COPY);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
				"application/json; charset=utf-8");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Content-Security-Policy",
				"default-src 'self'; img-src 'self' data:; "
				"style-src 'self' 'unsafe-inline'; "
				"frame-ancestors 'none'");
	enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ret;
}

int main(int argc, char **argv)
{
	size_t bytes = 7197;
	int port = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--bytes") && i + 1 < argc)
			bytes = (size_t)strtoul(argv[++i], NULL, 10);
		else if (argv[i][0] >= '0' && argv[i][0] <= '9')
			port = atoi(argv[i]);
		else {
			fprintf(stderr, "usage: %s [--bytes N] [PORT]\n",
				argv[0]);
			return 2;
		}
	}
	body = make_body(bytes);
	if (!body)
		return 1;

	/* Signals are blocked before the daemon's thread starts, so that
	 * only this thread takes them (as ovttas serve does). */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);

	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)port);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG,
		(uint16_t)port, NULL, NULL, answer, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "bare: cannot listen on 127.0.0.1:%d\n", port);
		return 1;
	}
	const union MHD_DaemonInfo *info =
		MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	printf("bare 127.0.0.1:%d (%zu-byte body)\n",
	       info ? (int)info->port : port, body_len);
	fflush(stdout);
	int sig = 0;
	sigwait(&set, &sig);
	MHD_stop_daemon(d);
	free(body);
	return 0;
}
