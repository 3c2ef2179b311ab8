/*
 * test_api.c - the JSON API as a browser meets it, through web_handle
 * (no socket): status codes and JSON shapes, 401 on every protected
 * route without a session, 403 for roles and municipalities that may
 * not, CSRF on every write, the cookie's attributes, lock-out, and the
 * front-end's files.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "support/support.h"
#include "support/web_client.h"
#include "web/web_int.h"

static web_demo W;

static int setup(void **state)
{
	(void)state;
	web_demo_open(&W);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	web_demo_close(&W);
	return 0;
}

static void test_health_is_public(void **state)
{
	(void)state;
	web_response res = web_demo_call(&W, &(web_call){"GET", "/api/v1/health", NULL,
					     NULL, NULL, NULL, {NULL}});
	assert_int_equal(res.status, 200);
	json_t *j = web_body(&res);
	assert_string_equal(json_string_value(json_object_get(j, "status")),
			    "ok");
	assert_true(json_integer_value(json_object_get(j, "schema")) >= 4);
	json_decref(j);
	web_response_free(&res);
}

static void test_every_protected_route_needs_a_session(void **state)
{
	(void)state;
	web_login bogus;
	memset(bogus.token, 'a', 64);
	bogus.token[64] = '\0';
	for (const web_route *r = web_routes; r->method; r++) {
		if (!r->roles)
			continue;
		for (int k = 0; k < 2; k++) {
			web_response res = web_demo_call(&W, &(web_call){
				r->method, r->pattern, k ? bogus.token : NULL,
				NULL, NULL, NULL, {NULL}});
			if (res.status != 401)
				fail_msg("%s %s without a session: %d",
					 r->method, r->pattern, res.status);
			json_t *j = web_body(&res);
			assert_string_equal(
				json_string_value(json_object_get(
					json_object_get(j, "error"), "code")),
				"OV_E_AUTH");
			json_decref(j);
			web_response_free(&res);
		}
	}
}

static void test_login_cookie_and_me(void **state)
{
	(void)state;
	char body[256];
	snprintf(body, sizeof body,
		 "{\"username\":\"karasjok.leader\",\"password\":\"%s\"}",
		 web_demo_password(&W, "karasjok.leader"));
	web_response res = web_demo_call(&W, &(web_call){"POST", "/api/v1/session", NULL,
					     NULL, body, NULL, {NULL}});
	assert_int_equal(res.status, 200);
	assert_true(contains(res.cookie[0], "HttpOnly"));
	assert_true(contains(res.cookie[0], "SameSite=Strict"));
	assert_true(contains(res.cookie[0], "Path=/"));
	assert_false(contains(res.cookie[0], "Secure"));
	web_response_free(&res);
	/* behind TLS the cookie is Secure */
	W.app.secure_cookies = 1;
	res = web_demo_call(&W, &(web_call){"POST", "/api/v1/session", NULL, NULL, body,
				NULL, {NULL}});
	W.app.secure_cookies = 0;
	assert_true(contains(res.cookie[0], "; Secure"));
	web_response_free(&res);

	web_login l = web_demo_login(&W, "karasjok.leader", NULL);
	res = web_demo_call(&W, &(web_call){"GET", "/api/v1/me", l.token, NULL, NULL,
				NULL, {NULL}});
	assert_int_equal(res.status, 200);
	json_t *j = web_body(&res);
	assert_string_equal(json_string_value(json_object_get(j, "username")),
			    "karasjok.leader");
	assert_string_equal(json_string_value(json_object_get(j, "csrf")),
			    l.csrf);
	json_t *role = json_array_get(json_object_get(j, "roles"), 0);
	assert_string_equal(json_string_value(json_object_get(role, "role")),
			    "leader");
	assert_string_equal(
		json_string_value(json_object_get(role, "municipality")),
		"5610");
	json_decref(j);
	web_response_free(&res);
}

static void test_bad_logins(void **state)
{
	(void)state;
	const char *bodies[] = {
		"{\"username\":\"karasjok.leader\",\"password\":\"wrongwrong\"}",
		"{\"username\":\"nobody\",\"password\":\"wrongwrong\"}",
	};
	for (int i = 0; i < 2; i++) {
		web_response res = web_demo_call(&W, &(web_call){"POST", "/api/v1/session",
						     NULL, NULL, bodies[i],
						     NULL, {NULL}});
		assert_int_equal(res.status, 401);
		assert_int_equal(res.ncookies, 0);
		web_response_free(&res);
	}
	/* not JSON, or not sent as JSON */
	web_response res = web_demo_call(&W, &(web_call){"POST", "/api/v1/session", NULL,
					     NULL, "username=x", NULL,
					     {NULL}});
	assert_int_equal(res.status, 400);
	web_response_free(&res);
	res = web_demo_call(&W, &(web_call){"POST", "/api/v1/session", NULL, NULL,
				"{\"username\":\"a\",\"password\":\"b\"}",
				"application/x-www-form-urlencoded", {NULL}});
	assert_int_equal(res.status, 415);
	web_response_free(&res);
	res = web_demo_call(&W, &(web_call){"POST", "/api/v1/session", NULL, NULL,
				"{\"username\":\"a\",\"password\":\"b\"}",
				"application/jsonfoo", {NULL}});
	assert_int_equal(res.status, 415);
	web_response_free(&res);
}

static void test_lock_out_after_failures(void **state)
{
	(void)state;
	const char *wrong = "{\"username\":\"kautokeino.case_worker\","
			    "\"password\":\"wrongwrong\"}";
	for (int i = 0; i < AUTH_MAX_FAILURES; i++) {
		web_response res = web_demo_call(&W, &(web_call){"POST", "/api/v1/session",
						     NULL, NULL, wrong, NULL,
						     {NULL}});
		assert_int_equal(res.status, 401);
		web_response_free(&res);
	}
	char body[256];
	snprintf(body, sizeof body,
		 "{\"username\":\"kautokeino.case_worker\",\"password\":"
		 "\"%s\"}",
		 web_demo_password(&W, "kautokeino.case_worker"));
	web_response res = web_demo_call(&W, &(web_call){"POST", "/api/v1/session", NULL,
					     NULL, body, NULL, {NULL}});
	assert_int_equal(res.status, 401);
	json_t *j = web_body(&res);
	const char *msg = json_string_value(
		json_object_get(json_object_get(j, "error"), "message"));
	assert_non_null(msg);
	assert_true(strstr(msg, "15") != NULL); /* minutes left */
	json_decref(j);
	web_response_free(&res);
}

static void test_csrf_on_writes(void **state)
{
	(void)state;
	web_login l = web_demo_login(&W, "kautokeino.leader", NULL);
	char wrong[65];
	memcpy(wrong, l.csrf, 65);
	wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
	const char *bad[] = {NULL, "short", wrong};
	for (int i = 0; i < 3; i++) {
		web_response res = web_demo_call(&W, &(web_call){"DELETE",
						     "/api/v1/session",
						     l.token, bad[i], NULL,
						     NULL, {NULL}});
		assert_int_equal(res.status, 403);
		json_t *j = web_body(&res);
		assert_string_equal(
			json_string_value(json_object_get(
				json_object_get(j, "error"), "code")),
			"csrf");
		json_decref(j);
		web_response_free(&res);
	}
	/* still logged in; the right token logs out */
	assert_int_equal(web_demo_status(&W, "/api/v1/me", &l, NULL, NULL), 200);
	web_response res = web_demo_call(&W, &(web_call){"DELETE", "/api/v1/session",
					     l.token, l.csrf, NULL, NULL,
					     {NULL}});
	assert_int_equal(res.status, 200);
	assert_true(contains(res.cookie[0], "Max-Age=0"));
	web_response_free(&res);
	assert_int_equal(web_demo_status(&W, "/api/v1/me", &l, NULL, NULL), 401);
}

/* Roles: each GET route lets a role it lists past the role check (200,
 * or 400/404 for the arguments a bare path lacks) and answers 403 to
 * one it does not. The plain routes must answer 200. */
static void test_roles_on_every_route(void **state)
{
	(void)state;
	for (int role = 1; role < AUTH_ROLE_END; role++) {
		char name[64];
		snprintf(name, sizeof name, "karasjok.%s",
			 auth_role_code(role));
		web_login l = web_demo_login(&W, name, NULL);
		for (const web_route *r = web_routes; r->method; r++) {
			if (!r->roles || strcmp(r->method, "GET"))
				continue;
			int allowed = (r->roles & AUTH_BIT(role)) != 0;
			int got = web_demo_status(&W, r->pattern, &l, NULL, NULL);
			int needs_args = strchr(r->pattern, '{') ||
					 !strcmp(r->pattern, "/api/v1/rota") ||
					 !strcmp(r->pattern, "/api/v1/routes");
			int ok = !allowed ? got == 403
				 : needs_args
					 ? got == 200 || got == 400 || got == 404
					 : got == 200;
			if (!ok)
				fail_msg("%s as %s: %d (%s)", r->pattern, name,
					 got, allowed ? "allowed" : "not allowed");
		}
	}
}

static int64_t municipality_id(const char *code)
{
	char sql[96];
	snprintf(sql, sizeof sql,
		 "SELECT id FROM municipality WHERE code = '%s'", code);
	return sql_int(W.app.d, sql);
}

/* A Kautokeino user never reads Karasjok's recipients, and the
 * reverse, by any argument. */
static void test_care_data_stays_in_its_municipality(void **state)
{
	(void)state;
	const char *own[] = {"5612", "5610"}, *other[] = {"5610", "5612"};
	const char *user[] = {"kautokeino.homecare_coordinator",
			      "karasjok.case_worker"};
	for (int u = 0; u < 2; u++) {
		web_login l = web_demo_login(&W, user[u], NULL);
		char sql[256];
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM audit_log WHERE action = 'read' "
			 "AND entity = 'care_recipient' AND actor = '%s'",
			 user[u]);
		int64_t reads = sql_int(W.app.d, sql);
		web_response res = web_demo_call(&W, &(web_call){"GET",
						     "/api/v1/recipients",
						     l.token, NULL, NULL, NULL,
						     {NULL}});
		assert_int_equal(res.status, 200);
		json_t *j = web_body(&res);
		assert_true(json_array_size(j) > 10);
		size_t i;
		json_t *rec;
		json_array_foreach(j, i, rec)
		{
			assert_int_equal(json_integer_value(json_object_get(
						 rec, "municipality_id")),
					 municipality_id(own[u]));
		}
		json_decref(j);
		web_response_free(&res);
		const char *names[] = {other[u], u ? "Guovdageaidnu"
						   : "Kárášjohka"};
		for (int k = 0; k < 2; k++)
			assert_int_equal(web_demo_status(&W, "/api/v1/recipients", &l,
						    "municipality", names[k]),
					 403);
		assert_int_equal(web_demo_status(&W, "/api/v1/recipients", &l,
					    "municipality", own[u]),
				 200);
		/* every read of health data is in the access log, and
		 * only the reads that were answered */
		assert_int_equal(sql_int(W.app.d, sql), reads + 2);
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM audit_log WHERE action = 'read' "
			 "AND actor = '%s' AND municipality_id <> %lld",
			 user[u], (long long)municipality_id(own[u]));
		assert_int_equal(sql_int(W.app.d, sql), 0);
		/* the other municipality's units and dashboard too */
		assert_int_equal(web_demo_status(&W, "/api/v1/units", &l,
					    "municipality", other[u]),
				 403);
	}
}

static void test_dashboard_shape(void **state)
{
	(void)state;
	web_login l = web_demo_login(&W, "karasjok.steering_group", NULL);
	web_response res = web_demo_call(&W, &(web_call){"GET", "/api/v1/dashboard",
					     l.token, NULL, NULL, NULL,
					     {NULL}});
	assert_int_equal(res.status, 200);
	json_t *j = web_body(&res);
	json_t *ms = json_object_get(j, "municipalities");
	assert_int_equal(json_array_size(ms), 1);
	json_t *m = json_array_get(ms, 0);
	assert_string_equal(json_string_value(json_object_get(m, "code")),
			    "5610");
	assert_non_null(json_object_get(json_object_get(m, "staff"),
					"fulltime_permille"));
	assert_non_null(json_object_get(json_object_get(m, "economy"),
					"all"));
	assert_non_null(json_object_get(json_object_get(j, "programme"),
					"measures"));
	json_decref(j);
	web_response_free(&res);
}

static void test_audit_is_scoped_to_the_admin(void **state)
{
	(void)state;
	web_login l = web_demo_login(&W, "kautokeino.admin", NULL);
	web_response res = web_demo_call(&W, &(web_call){"GET", "/api/v1/audit", l.token,
					     NULL, NULL, NULL, {NULL}});
	assert_int_equal(res.status, 200);
	json_t *j = web_body(&res);
	/* the demo's eight Kautokeino users, and the lock-out above */
	assert_true(json_array_size(j) >= 8);
	size_t i;
	json_t *a;
	json_array_foreach(j, i, a)
	{
		assert_int_equal(
			json_integer_value(json_object_get(a, "municipality_id")),
			municipality_id("5612"));
		char *text = json_dumps(a, 0);
		assert_false(contains(text, "argon2"));
		free(text);
	}
	json_decref(j);
	web_response_free(&res);
	res = web_demo_call(&W, &(web_call){"GET", "/api/v1/users", l.token, NULL, NULL,
				NULL, {NULL}});
	j = web_body(&res);
	assert_int_equal(json_array_size(j), 8);
	json_decref(j);
	web_response_free(&res);
}

static void test_texts_in_both_languages(void **state)
{
	(void)state;
	web_response res = web_demo_call(&W, &(web_call){"GET", "/api/v1/i18n", NULL,
					     NULL, NULL, NULL,
					     {"lang", "se", NULL}});
	assert_int_equal(res.status, 200);
	json_t *j = web_body(&res);
	assert_string_equal(json_string_value(json_object_get(j, "lang")),
			    "se");
	assert_true(json_object_size(json_object_get(j, "messages")) > 0);
	json_decref(j);
	web_response_free(&res);
	assert_int_equal(web_demo_status(&W, "/api/v1/i18n", NULL, "lang", "fi"), 400);
	/* arguments that are not UTF-8 */
	assert_int_equal(web_demo_status(&W, "/api/v1/i18n", NULL, "lang",
					 "\xff"),
			 400);
}

static void test_front_end_files_and_unknown_paths(void **state)
{
	(void)state;
	web_response res = web_demo_call(&W, &(web_call){"GET", "/", NULL, NULL, NULL,
					     NULL, {NULL}});
	assert_int_equal(res.status, 200);
	assert_true(contains(res.content_type, "text/html"));
	assert_non_null(res.asset);
	web_response_free(&res);
	res = web_demo_call(&W, &(web_call){"GET", "/app.js", NULL, NULL, NULL, NULL,
				{NULL}});
	assert_int_equal(res.status, 200);
	assert_true(contains(res.content_type, "javascript"));
	web_response_free(&res);
	/* the app's own pages get index.html; missing files do not */
	res = web_demo_call(&W, &(web_call){"GET", "/rota", NULL, NULL, NULL, NULL,
				{NULL}});
	assert_int_equal(res.status, 200);
	web_response_free(&res);
	assert_int_equal(web_demo_status(&W, "/missing.png", NULL, NULL, NULL), 404);
	assert_int_equal(web_demo_status(&W, "/api/v1/nothing", NULL, NULL, NULL),
			 404);
	res = web_demo_call(&W, &(web_call){"PUT", "/api/v1/me", NULL, NULL, NULL, NULL,
				{NULL}});
	assert_int_equal(res.status, 405);
	web_response_free(&res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_health_is_public),
		cmocka_unit_test(test_every_protected_route_needs_a_session),
		cmocka_unit_test(test_login_cookie_and_me),
		cmocka_unit_test(test_bad_logins),
		cmocka_unit_test(test_lock_out_after_failures),
		cmocka_unit_test(test_csrf_on_writes),
		cmocka_unit_test(test_roles_on_every_route),
		cmocka_unit_test(test_care_data_stays_in_its_municipality),
		cmocka_unit_test(test_dashboard_shape),
		cmocka_unit_test(test_audit_is_scoped_to_the_admin),
		cmocka_unit_test(test_texts_in_both_languages),
		cmocka_unit_test(test_front_end_files_and_unknown_paths),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
