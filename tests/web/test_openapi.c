/*
 * test_openapi.c - docs/api/openapi.json and the server's route table
 * describe the same API: every route is documented with its method, who
 * may call it (x-roles) and whether it needs the CSRF token, and every
 * documented operation is a route.
 */
#include <ctype.h>
#include <jansson.h>
#include <string.h>

#include "support/support.h"
#include "web/web_int.h"

static json_t *load_spec(void)
{
	char *path = repo_file("docs/api", "openapi.json");
	json_error_t je;
	json_t *spec = json_load_file(path, 0, &je);
	if (!spec)
		fail_msg("%s:%d: %s", path, je.line, je.text);
	free(path);
	return spec;
}

static void lower(const char *in, char *out, size_t n)
{
	size_t i = 0;
	for (; in[i] && i + 1 < n; i++)
		out[i] = (char)tolower((unsigned char)in[i]);
	out[i] = '\0';
}

static unsigned roles_of(json_t *op)
{
	unsigned mask = 0;
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(op, "x-roles"), i, r)
	{
		int role = auth_role_from_code(json_string_value(r));
		assert_true(role > 0);
		mask |= AUTH_BIT(role);
	}
	return mask;
}

static int has_csrf(json_t *op)
{
	size_t i;
	json_t *p;
	json_array_foreach(json_object_get(op, "parameters"), i, p)
	{
		const char *ref = json_string_value(json_object_get(p, "$ref"));
		if (ref && strstr(ref, "Csrf"))
			return 1;
	}
	return 0;
}

static void test_every_route_is_documented(void **state)
{
	(void)state;
	json_t *spec = load_spec();
	json_t *paths = json_object_get(spec, "paths");
	for (const web_route *r = web_routes; r->method; r++) {
		char m[16];
		lower(r->method, m, sizeof m);
		json_t *op = json_object_get(json_object_get(paths, r->pattern),
					     m);
		if (!op)
			fail_msg("%s %s is not in openapi.json", r->method,
				 r->pattern);
		assert_int_equal(roles_of(op), r->roles);
		json_t *sec = json_object_get(op, "security");
		/* public routes say so with an empty security list */
		assert_int_equal(!r->roles,
				 sec && json_array_size(sec) == 0);
		assert_int_equal(r->roles && r->write, has_csrf(op));
		assert_non_null(json_object_get(op, "responses"));
		if (r->roles) {
			json_t *resp = json_object_get(op, "responses");
			assert_non_null(json_object_get(resp, "401"));
			assert_non_null(json_object_get(resp, "403"));
		}
	}
	json_decref(spec);
}

static void test_every_documented_operation_is_a_route(void **state)
{
	(void)state;
	json_t *spec = load_spec();
	const char *path;
	json_t *item;
	json_object_foreach(json_object_get(spec, "paths"), path, item)
	{
		const char *method;
		json_t *op;
		json_object_foreach(item, method, op)
		{
			int found = 0;
			for (const web_route *r = web_routes; r->method; r++) {
				char m[16];
				lower(r->method, m, sizeof m);
				found |= !strcmp(m, method) &&
					 !strcmp(r->pattern, path);
			}
			if (!found)
				fail_msg("openapi.json has %s %s, the server "
					 "has not",
					 method, path);
		}
	}
	json_decref(spec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_route_is_documented),
		cmocka_unit_test(test_every_documented_operation_is_a_route),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
