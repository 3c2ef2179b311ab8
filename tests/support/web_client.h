/*
 * web_client.h - the web API as the tests call it: a demo database
 * with its users' log-ins, requests through web_handle (no socket),
 * logging in.
 */
#ifndef TEST_WEB_CLIENT_H
#define TEST_WEB_CLIENT_H

#include <jansson.h>

#include "web/web_int.h"

/* A fresh demo (made with init --demo --json, so its passwords are
 * known) opened for web_handle; jobs run the sanitizer binary. */
typedef struct {
	char *dir, *path;
	web_app app;
	json_t *users; /* the log-ins init printed */
} web_demo;

void web_demo_open(web_demo *w);
void web_demo_close(web_demo *w);

/* The demo password of username; fails the test if there is none. */
const char *web_demo_password(const web_demo *w, const char *username);

/* One request; args are name, value pairs ending in NULL. A body is
 * sent as application/json unless content_type says otherwise. */
typedef struct {
	const char *method, *path, *session, *csrf, *body, *content_type;
	const char *args[8];
} web_call;

web_response web_demo_call(web_demo *w, const web_call *c);

/* A logged-in user: the cookie's token and the CSRF token. */
typedef struct {
	char token[65], csrf[65];
} web_login;

/* Logs username in (password NULL: the demo's); fails the test unless
 * it answers 200 with the cookie. */
web_login web_demo_login(web_demo *w, const char *username,
			 const char *password);

/* The status of a GET with one optional argument. */
int web_demo_status(web_demo *w, const char *path, const web_login *l,
		    const char *arg, const char *value);

/* The response body as JSON (owned); fails the test if it is not. */
json_t *web_body(const web_response *res);

#endif
