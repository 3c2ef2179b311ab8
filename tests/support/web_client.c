/*
 * web_client.c - see web_client.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "support.h"
#include "web_client.h"

void web_demo_open(web_demo *w)
{
	memset(w, 0, sizeof *w);
	w->dir = tmp_dir();
	w->path = path_join(w->dir, "web.db");
	run_result r = run_cli("--db", w->path, "init", "--demo", "--json",
			       NULL);
	assert_int_equal(r.code, 0);
	json_t *j = parse_json(r.out);
	w->users = json_incref(json_object_get(j, "users"));
	json_decref(j);
	run_free(&r);
	ov_err e;
	assert_int_equal(db_open(w->path, DB_WRITE, &w->app.d, &e), OV_OK);
	w->app.db_path = w->path;
	/* tests/run.sh names the sanitizer build of the program */
	w->app.exe = getenv("OVTTAS_ASAN_BIN");
}

void web_demo_close(web_demo *w)
{
	web_jobs_free(&w->app);
	db_close(w->app.d);
	json_decref(w->users);
	rm_rf(w->dir);
	free(w->dir);
	free(w->path);
	memset(w, 0, sizeof *w);
}

const char *web_demo_password(const web_demo *w, const char *username)
{
	size_t i;
	json_t *u;
	json_array_foreach(w->users, i, u)
	{
		if (!strcmp(json_string_value(json_object_get(u, "username")),
			    username))
			return json_string_value(json_object_get(u, "password"));
	}
	fail_msg("no demo user %s", username);
	return NULL;
}

web_response web_demo_call(web_demo *w, const web_call *c)
{
	web_request req;
	memset(&req, 0, sizeof req);
	req.method = c->method;
	req.path = c->path;
	req.session = c->session;
	req.csrf = c->csrf;
	req.body = c->body;
	req.body_len = c->body ? strlen(c->body) : 0;
	req.content_type = c->content_type ? c->content_type
			   : c->body       ? "application/json"
					   : NULL;
	req.now = (int64_t)time(NULL);
	for (int i = 0; c->args[i] && req.nargs < WEB_MAX_ARGS; i += 2) {
		req.arg_name[req.nargs] = c->args[i];
		req.arg_value[req.nargs++] = c->args[i + 1];
	}
	web_response res;
	web_handle(&w->app, &req, &res);
	return res;
}

web_login web_demo_login(web_demo *w, const char *username,
			 const char *password)
{
	json_t *b = json_pack("{s:s,s:s}", "username", username, "password",
			      password ? password
				       : web_demo_password(w, username));
	char *body = json_dumps(b, 0);
	json_decref(b);
	web_response res = web_demo_call(
		w, &(web_call){"POST", "/api/v1/session", NULL, NULL, body,
			       NULL, {NULL}});
	free(body);
	if (res.status != 200)
		fail_msg("log-in as %s: %d %s", username, res.status,
			 ov_buf_str(&res.body));
	assert_int_equal(res.ncookies, 1);
	web_login l;
	assert_int_equal(sscanf(res.cookie[0], "ovttas_session=%64[0-9a-f]",
				l.token),
			 1);
	json_t *j = web_body(&res);
	snprintf(l.csrf, sizeof l.csrf, "%s",
		 json_string_value(json_object_get(j, "csrf")));
	json_decref(j);
	web_response_free(&res);
	return l;
}

int web_demo_status(web_demo *w, const char *path, const web_login *l,
		    const char *arg, const char *value)
{
	web_response res = web_demo_call(
		w, &(web_call){"GET", path, l ? l->token : NULL, NULL, NULL,
			       NULL, {arg, value, NULL}});
	int status = res.status;
	web_response_free(&res);
	return status;
}

json_t *web_body(const web_response *res)
{
	return parse_json(ov_buf_str(&res->body));
}
