/*
 * test_api_data.c - the programme and the economy through the web API
 * (web_handle, no socket): the same objects as `programme show --json`
 * and `economy summary --json`, who may read them, the programme and
 * the accounts staying in their municipality, and bad arguments.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "economy/econ.h"
#include "support/support.h"
#include "support/web_client.h"
#include "web/web_int.h"

static web_demo W;

/* A user with a role in both municipalities (a shared service). */
#define BOTH_USER "shared.steering"
#define BOTH_PASSWORD "shared-steering-2026"

static int setup(void **state)
{
	(void)state;
	/* the programme's current stage is 3 on this day */
	setenv("OVTTAS_TODAY", "2026-05-04", 1);
	web_demo_open(&W);
	const auth_grant g = {AUTH_STEERING_GROUP, 0};
	const auth_user_spec spec = {BOTH_USER, "Shared Steering",
				     BOTH_PASSWORD, 0, 1, &g};
	const auth_actor who = {0, "test"};
	ov_err e;
	assert_int_equal(auth_user_add(W.app.d, &who, &spec, NULL, &e), OV_OK);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	web_demo_close(&W);
	unsetenv("OVTTAS_TODAY");
	return 0;
}

static web_response get(const char *path, const char *session,
			const char *const *args)
{
	web_call c = {"GET", path, session, NULL, NULL, NULL, {NULL}};
	for (int i = 0; args && args[i] && i < 6; i += 2) {
		c.args[i] = args[i];
		c.args[i + 1] = args[i + 1];
	}
	return web_demo_call(&W, &c);
}

/* A logged-in user. */
typedef web_login login;

static login log_in(const char *username)
{
	return web_demo_login(&W, username,
			      strcmp(username, BOTH_USER) ? NULL
							  : BOTH_PASSWORD);
}

/* GET path as user with args (name, value pairs ending in NULL); checks
 * the status and returns the body (owned). */
static json_t *get_json(const char *user, const char *path, int status,
			const char *const *args)
{
	login l = log_in(user);
	web_response res = get(path, l.token, args);
	if (res.status != status)
		fail_msg("GET %s as %s: %d, not %d: %.300s", path, user,
			 res.status, status, ov_buf_str(&res.body));
	json_t *j = web_body(&res);
	web_response_free(&res);
	return j;
}

/* Fails unless j is {"error": {"field": field, ...}}. */
static void assert_error_is(json_t *j, const char *code, const char *field)
{
	json_t *e = json_object_get(j, "error");
	assert_non_null(e);
	assert_string_equal(json_string_value(json_object_get(e, "code")),
			    code);
	assert_string_equal(json_string_value(json_object_get(e, "field")),
			    field);
	assert_true(strlen(json_string_value(json_object_get(e, "message"))) >
		    0);
}

/* What the command line prints for the same question (owned). */
static json_t *cli_json(const char *a, const char *b, const char *c,
			const char *d, const char *e, const char *f)
{
	run_result r = run_cli("--db", W.path, "--json", a, b, c, d, e, f,
			       NULL);
	assert_int_equal(r.code, 0);
	json_t *j = parse_json(r.out);
	run_free(&r);
	return j;
}

static void assert_same_json(json_t *web, json_t *cli)
{
	if (!json_equal(web, cli)) {
		char *w = json_dumps(web, JSON_COMPACT);
		char *c = json_dumps(cli, JSON_COMPACT);
		fail_msg("web and command line differ:\n%.600s\n%.600s", w, c);
	}
}

/* ---- the programme ---- */

static void test_programme_is_what_the_cli_prints(void **state)
{
	(void)state;
	json_t *j = get_json("karasjok.leader", "/api/v1/programme", 200,
			     NULL);
	assert_string_equal(json_string_value(json_object_get(j, "code")),
			    "FK");
	assert_string_equal(
		json_string_value(json_object_get(j, "municipality")), "5610");
	assert_string_equal(json_string_value(json_object_get(j, "name_nb")),
			    "Framtidens Karasjok");
	assert_string_equal(json_string_value(json_object_get(j, "today")),
			    "2026-05-04");
	assert_int_equal(
		json_integer_value(json_object_get(j, "current_stage")), 3);
	assert_true(json_is_null(json_object_get(j, "stage_filter")));
	json_t *stages = json_object_get(j, "stages");
	assert_int_equal(json_array_size(stages), 3);
	assert_true(json_is_true(
		json_object_get(json_array_get(stages, 2), "current")));
	assert_true(json_array_size(json_object_get(j, "challenges")) > 0);
	assert_true(json_array_size(json_object_get(j, "groups")) > 0);
	json_t *subs = json_object_get(j, "subprojects");
	assert_true(json_array_size(subs) > 0);
	json_t *sub = json_array_get(subs, 0);
	assert_true(json_array_size(json_object_get(sub, "effect_goals")) > 0);
	assert_true(json_array_size(json_object_get(sub, "measures")) > 0);
	json_t *cli = cli_json("programme", "show", NULL, NULL, NULL, NULL);
	assert_same_json(j, cli);
	json_decref(cli);
	json_decref(j);
}

static void test_programme_stage_filter(void **state)
{
	(void)state;
	const char *args[] = {"stage", "2", NULL};
	json_t *j = get_json("karasjok.steering_group", "/api/v1/programme",
			     200, args);
	assert_int_equal(json_integer_value(json_object_get(j, "stage_filter")),
			 2);
	size_t i, k, shown = 0;
	json_t *s, *m;
	json_array_foreach(json_object_get(j, "subprojects"), i, s)
	{
		json_array_foreach(json_object_get(s, "measures"), k, m)
		{
			assert_int_equal(
				json_integer_value(json_object_get(m, "stage")),
				2);
			shown++;
		}
	}
	assert_true(shown > 0);
	json_t *cli = cli_json("programme", "show", "--stage", "2", NULL,
			       NULL);
	assert_same_json(j, cli);
	json_decref(cli);
	json_decref(j);
}

static void test_programme_bad_stage(void **state)
{
	(void)state;
	const char *bad[] = {"0", "x", "2x", "", "-1", "4", "999"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		const char *args[] = {"stage", bad[i], NULL};
		json_t *j = get_json("karasjok.leader", "/api/v1/programme",
				     400, args);
		assert_error_is(j, "OV_E_INPUT", "stage");
		json_decref(j);
	}
}

/* Every role but the employee, and only in the programme's own
 * municipality (Karasjok); a Kautokeino user gets 403 for it. */
static void test_programme_roles_and_municipality(void **state)
{
	(void)state;
	for (int role = 1; role < AUTH_ROLE_END; role++) {
		char name[64];
		snprintf(name, sizeof name, "karasjok.%s",
			 auth_role_code(role));
		int want = role == AUTH_EMPLOYEE ? 403 : 200;
		json_decref(get_json(name, "/api/v1/programme", want, NULL));
		snprintf(name, sizeof name, "kautokeino.%s",
			 auth_role_code(role));
		json_t *j = get_json(name, "/api/v1/programme", 403, NULL);
		assert_error_is(j, "OV_E_DENIED",
				role == AUTH_EMPLOYEE ? "" : "municipality");
		assert_null(json_object_get(j, "code"));
		json_decref(j);
	}
	/* budget holders see the overview pages, the programme too */
	json_decref(get_json("karasjok.budget_holder", "/api/v1/programme",
			     200, NULL));
	/* a role in both municipalities covers Karasjok's programme */
	json_decref(get_json(BOTH_USER, "/api/v1/programme", 200, NULL));
	/* the stage argument tells nothing to the others */
	const char *args[] = {"stage", "9", NULL};
	json_decref(get_json("kautokeino.leader", "/api/v1/programme", 403,
			     args));
}

/* ---- the economy ---- */

static json_int_t amount(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	if (!json_is_integer(v))
		fail_msg("no integer %s", key);
	return json_integer_value(v);
}

static const char *const FIGURES[] = {"budget_ytd_ore", "accounts_ytd_ore",
				      "budget_year_ore", "forecast_ore"};

/* Checks that every sector's total is the sum of its units and every
 * municipality's the sum of its sectors; returns the municipalities. */
static json_t *check_sums(json_t *j)
{
	json_t *munis = json_object_get(j, "municipalities");
	assert_true(json_is_array(munis));
	size_t i, k, u;
	json_t *m, *s, *unit;
	json_array_foreach(munis, i, m)
	{
		json_t *sectors = json_object_get(m, "sectors");
		assert_true(json_array_size(sectors) > 0);
		for (size_t f = 0; f < 4; f++) {
			json_int_t msum = 0;
			json_array_foreach(sectors, k, s)
			{
				assert_non_null(json_object_get(s, "code"));
				assert_non_null(json_object_get(s, "name_nb"));
				assert_non_null(json_object_get(s, "name_se"));
				json_int_t sum = 0;
				json_array_foreach(json_object_get(s, "units"),
						   u, unit)
				{
					assert_non_null(
						json_object_get(unit, "ansvar"));
					sum += amount(unit, FIGURES[f]);
				}
				json_t *t = json_object_get(s, "total");
				assert_int_equal(amount(t, FIGURES[f]), sum);
				msum += sum;
			}
			assert_int_equal(amount(json_object_get(m, "total"),
						FIGURES[f]),
					 msum);
		}
	}
	return munis;
}

static void test_economy_is_what_the_cli_prints(void **state)
{
	(void)state;
	/* without month: the latest month with accounts */
	json_t *j = get_json("karasjok.budget_holder", "/api/v1/economy", 200,
			     NULL);
	assert_int_equal(amount(j, "year"), ECON_DEMO_YEAR);
	assert_int_equal(amount(j, "month"), ECON_DEMO_LAST_MONTH);
	json_t *munis = check_sums(j);
	assert_int_equal(json_array_size(munis), 1);
	json_t *m = json_array_get(munis, 0);
	assert_string_equal(json_string_value(json_object_get(m, "code")),
			    "5610");
	/* what a chart of budget against accounts per sector draws */
	json_t *total = json_object_get(
		json_array_get(json_object_get(m, "sectors"), 0), "total");
	assert_true(amount(total, "budget_ytd_ore") > 0);
	assert_true(amount(total, "accounts_ytd_ore") > 0);
	json_t *cli = cli_json("economy", "summary", "--month", "2026-10",
			       "--municipality", "5610");
	assert_same_json(j, cli);
	json_decref(cli);
	json_decref(j);

	/* an earlier month, named */
	const char *args[] = {"month", "2026-03", NULL};
	j = get_json("karasjok.leader", "/api/v1/economy", 200, args);
	assert_int_equal(amount(j, "month"), 3);
	check_sums(j);
	cli = cli_json("economy", "summary", "--month", "2026-03",
		       "--municipality", "Karasjok");
	assert_same_json(j, cli);
	json_decref(cli);
	json_decref(j);
}

/* A role in both municipalities sees both, as the command line does
 * without --municipality. */
static void test_economy_of_both_municipalities(void **state)
{
	(void)state;
	json_t *j = get_json(BOTH_USER, "/api/v1/economy", 200, NULL);
	json_t *munis = check_sums(j);
	assert_int_equal(json_array_size(munis), 2);
	assert_string_equal(json_string_value(json_object_get(
				    json_array_get(munis, 0), "code")),
			    "5610");
	assert_string_equal(json_string_value(json_object_get(
				    json_array_get(munis, 1), "code")),
			    "5612");
	json_t *cli = cli_json("economy", "summary", "--month", "2026-10",
			       NULL, NULL);
	assert_same_json(j, cli);
	json_decref(cli);
	json_decref(j);
}

static void test_economy_stays_in_its_municipality(void **state)
{
	(void)state;
	json_t *j = get_json("kautokeino.leader", "/api/v1/economy", 200,
			     NULL);
	json_t *munis = check_sums(j);
	assert_int_equal(json_array_size(munis), 1);
	assert_string_equal(json_string_value(json_object_get(
				    json_array_get(munis, 0), "code")),
			    "5612");
	json_t *cli = cli_json("economy", "summary", "--month", "2026-10",
			       "--municipality", "5612");
	assert_same_json(j, cli);
	json_decref(cli);
	json_decref(j);

	const char *other[] = {"5610", "Karasjok", "Kárášjohka"};
	for (int i = 0; i < 3; i++) {
		const char *args[] = {"municipality", other[i], NULL};
		j = get_json("kautokeino.budget_holder", "/api/v1/economy",
			     403, args);
		assert_error_is(j, "OV_E_DENIED", "municipality");
		json_decref(j);
		const char *with_month[] = {"municipality", other[i], "month",
					    "2026-10", NULL};
		json_decref(get_json("kautokeino.steering_group",
				     "/api/v1/economy", 403, with_month));
	}
	const char *own[] = {"municipality", "Guovdageaidnu", NULL};
	json_decref(get_json("kautokeino.admin", "/api/v1/economy", 200,
			     own));
	const char *none[] = {"municipality", "Oslo", NULL};
	json_decref(get_json("kautokeino.admin", "/api/v1/economy", 404,
			     none));
}

static void test_economy_roles(void **state)
{
	(void)state;
	const unsigned economy =
		AUTH_BIT(AUTH_ADMIN) | AUTH_BIT(AUTH_LEADER) |
		AUTH_BIT(AUTH_BUDGET_HOLDER) | AUTH_BIT(AUTH_STEERING_GROUP);
	for (int role = 1; role < AUTH_ROLE_END; role++) {
		for (int k = 0; k < 2; k++) {
			char name[64];
			snprintf(name, sizeof name, "%s.%s",
				 k ? "kautokeino" : "karasjok",
				 auth_role_code(role));
			int want = (economy & AUTH_BIT(role)) ? 200 : 403;
			json_decref(get_json(name, "/api/v1/economy", want,
					     NULL));
		}
	}
	/* and no session: 401 */
	web_response res = get("/api/v1/economy", NULL, NULL);
	assert_int_equal(res.status, 401);
	web_response_free(&res);
	res = get("/api/v1/programme", NULL, NULL);
	assert_int_equal(res.status, 401);
	web_response_free(&res);
}

static void test_economy_bad_month(void **state)
{
	(void)state;
	const char *bad[] = {"2026-13", "2026-00", "x",       "",
			     "2026-1",  "2026/10", "2026-10-01"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		const char *args[] = {"month", bad[i], NULL};
		json_t *j = get_json("karasjok.leader", "/api/v1/economy",
				     400, args);
		assert_error_is(j, "OV_E_INPUT", "month");
		json_decref(j);
	}
	/* a month without accounts names the latest one that has */
	const char *args[] = {"month", "2026-11", NULL};
	json_t *j = get_json("karasjok.leader", "/api/v1/economy", 400, args);
	assert_error_is(j, "OV_E_INPUT", "month");
	const char *msg = json_string_value(
		json_object_get(json_object_get(j, "error"), "message"));
	assert_true(contains(msg, "2026-10"));
	json_decref(j);
}

/* The default month is the latest with accounts in the municipalities
 * the user sees, not in the other one. Runs last: it deletes accounts. */
static void test_economy_months_follow_the_scope(void **state)
{
	(void)state;
	ov_err e;
	assert_int_equal(
		db_exec(W.app.d,
			"DELETE FROM account_line WHERE month > 8 AND "
			"municipality_id = (SELECT id FROM municipality WHERE "
			"code = '5612')",
			&e),
		OV_OK);
	json_t *j = get_json("kautokeino.leader", "/api/v1/economy", 200,
			     NULL);
	assert_int_equal(amount(j, "month"), 8);
	json_decref(j);
	j = get_json("karasjok.leader", "/api/v1/economy", 200, NULL);
	assert_int_equal(amount(j, "month"), ECON_DEMO_LAST_MONTH);
	json_decref(j);
	j = get_json(BOTH_USER, "/api/v1/economy", 200, NULL);
	assert_int_equal(amount(j, "month"), ECON_DEMO_LAST_MONTH);
	assert_int_equal(json_array_size(json_object_get(j, "municipalities")),
			 2);
	json_decref(j);
	const char *args[] = {"month", "2026-10", NULL};
	j = get_json("kautokeino.leader", "/api/v1/economy", 400, args);
	assert_error_is(j, "OV_E_INPUT", "month");
	assert_true(contains(json_string_value(json_object_get(
				     json_object_get(j, "error"), "message")),
			     "2026-08"));
	json_decref(j);

	/* no accounts at all: nothing to default to */
	assert_int_equal(
		db_exec(W.app.d,
			"DELETE FROM account_line WHERE municipality_id = "
			"(SELECT id FROM municipality WHERE code = '5612')",
			&e),
		OV_OK);
	j = get_json("kautokeino.leader", "/api/v1/economy", 404, NULL);
	assert_error_is(j, "OV_E_NOTFOUND", "month");
	json_decref(j);
	const char *may[] = {"month", "2026-05", NULL};
	j = get_json("kautokeino.leader", "/api/v1/economy", 400, may);
	assert_error_is(j, "OV_E_INPUT", "month");
	json_decref(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_programme_is_what_the_cli_prints),
		cmocka_unit_test(test_programme_stage_filter),
		cmocka_unit_test(test_programme_bad_stage),
		cmocka_unit_test(test_programme_roles_and_municipality),
		cmocka_unit_test(test_economy_is_what_the_cli_prints),
		cmocka_unit_test(test_economy_of_both_municipalities),
		cmocka_unit_test(test_economy_stays_in_its_municipality),
		cmocka_unit_test(test_economy_roles),
		cmocka_unit_test(test_economy_bad_month),
		cmocka_unit_test(test_economy_months_follow_the_scope),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
