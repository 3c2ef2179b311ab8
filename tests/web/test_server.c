/*
 * test_server.c - the server over a real socket: it answers on the
 * port it reports, every answer carries the security headers, a body
 * over the limit gets 413, and a missing database is refused at start.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "support/support.h"
#include "web/web.h"

/* Sends raw HTTP to 127.0.0.1:port and returns the whole answer
 * (malloc'd). */
static char *http(int port, const char *head, size_t body_len)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
	assert_true(write(fd, head, strlen(head)) == (ssize_t)strlen(head));
	char chunk[8192];
	memset(chunk, 'x', sizeof chunk);
	for (size_t sent = 0; sent < body_len;) {
		size_t n = body_len - sent < sizeof chunk ? body_len - sent
							  : sizeof chunk;
		ssize_t w = write(fd, chunk, n);
		if (w <= 0)
			break; /* the server may close early: fine */
		sent += (size_t)w;
	}
	shutdown(fd, SHUT_WR);
	size_t cap = 1 << 16, len = 0;
	char *out = malloc(cap);
	ssize_t r;
	while ((r = read(fd, out + len, cap - len - 1)) > 0) {
		len += (size_t)r;
		if (len + 1 == cap)
			out = realloc(out, cap *= 2);
	}
	out[len] = '\0';
	close(fd);
	return out;
}

static void test_answers_with_security_headers(void **state)
{
	(void)state;
	copy_db c = demo_copy();
	web_config cfg = {c.path, "127.0.0.1", 0, 0};
	web_server *s = NULL;
	ov_err e;
	assert_int_equal(web_server_start(&cfg, &s, &e), OV_OK);
	int port = web_server_port(s);
	assert_true(port > 0);
	char *out = http(port,
			 "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n"
			 "Connection: close\r\n\r\n",
			 0);
	assert_true(contains(out, "HTTP/1.1 200"));
	assert_true(contains(out, "\"status\":\"ok\""));
	assert_true(contains(out, "X-Content-Type-Options: nosniff"));
	assert_true(contains(out, "X-Frame-Options: DENY"));
	assert_true(contains(out, "Content-Security-Policy: default-src "
				  "'self'"));
	assert_true(contains(out, "Cache-Control: no-store"));
	free(out);
	/* the front-end itself */
	out = http(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		   0);
	assert_true(contains(out, "HTTP/1.1 200"));
	assert_true(contains(out, "<div id=\"app\">"));
	free(out);
	web_server_stop(s);
	copy_free(&c);
}

static void test_refuses_a_body_over_the_limit(void **state)
{
	(void)state;
	copy_db c = demo_copy();
	web_config cfg = {c.path, "127.0.0.1", 0, 0};
	web_server *s = NULL;
	ov_err e;
	assert_int_equal(web_server_start(&cfg, &s, &e), OV_OK);
	size_t n = (1u << 20) + 10;
	char head[256];
	snprintf(head, sizeof head,
		 "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: "
		 "application/json\r\nContent-Length: %zu\r\nConnection: "
		 "close\r\n\r\n",
		 n);
	char *out = http(web_server_port(s), head, n);
	assert_true(contains(out, "HTTP/1.1 413"));
	free(out);
	web_server_stop(s);
	copy_free(&c);
}

static void test_missing_database_is_refused(void **state)
{
	(void)state;
	web_config cfg = {"/nonexistent/ovttas.db", "127.0.0.1", 0, 0};
	web_server *s = NULL;
	ov_err e;
	assert_int_equal(web_server_start(&cfg, &s, &e), OV_E_NOTFOUND);
	assert_null(s);
	web_config bad = {demo_db(), "not-an-address", 0, 0};
	assert_int_equal(web_server_start(&bad, &s, &e), OV_E_USAGE);
	assert_string_equal(e.field, "--listen");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_answers_with_security_headers),
		cmocka_unit_test(test_refuses_a_body_over_the_limit),
		cmocka_unit_test(test_missing_database_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
