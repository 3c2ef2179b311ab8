/*
 * test_jobs.c - the plan buttons through the API: a rota planned and a
 * day's routes planned and re-planned as jobs (the sanitizer binary in
 * a child process), followed to the end with GET /api/v1/jobs/{id};
 * who may start them, CSRF, bad input, a job that fails, and a job
 * another user cannot see.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/support.h"
#include "support/web_client.h"

static web_demo W;

static int setup(void **state)
{
	(void)state;
	web_demo_open(&W);
	assert_non_null(W.app.exe);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	web_demo_close(&W);
	return 0;
}

static web_response post(const web_login *l, const char *path,
			 const char *body)
{
	return web_demo_call(&W, &(web_call){"POST", path, l->token, l->csrf,
					     body, NULL, {NULL}});
}

/* Starts a job and returns its id; fails unless the answer is 202. */
static int start(const web_login *l, const char *path, const char *body)
{
	web_response res = post(l, path, body);
	if (res.status != 202)
		fail_msg("%s: %d %s", path, res.status, ov_buf_str(&res.body));
	json_t *j = web_body(&res);
	int id = (int)json_integer_value(json_object_get(j, "job"));
	json_decref(j);
	web_response_free(&res);
	assert_true(id > 0);
	return id;
}

/* Polls the job until it ends (at most 120 s); its final state. */
static json_t *wait_job(const web_login *l, int id)
{
	char path[64];
	snprintf(path, sizeof path, "/api/v1/jobs/%d", id);
	for (int i = 0; i < 1200; i++) {
		web_response res = web_demo_call(
			&W, &(web_call){"GET", path, l->token, NULL, NULL,
					NULL, {NULL}});
		assert_int_equal(res.status, 200);
		json_t *j = web_body(&res);
		web_response_free(&res);
		const char *state = json_string_value(json_object_get(j, "state"));
		if (strcmp(state, "running"))
			return j;
		json_decref(j);
		usleep(100000);
	}
	fail_msg("job %d did not end", id);
	return NULL;
}

static const char *job_state(json_t *j)
{
	return json_string_value(json_object_get(j, "state"));
}

static void test_plan_a_rota_then_the_routes_then_a_sick_call(void **state)
{
	(void)state;
	web_login planner = web_demo_login(&W, "karasjok.rota_planner", NULL);
	int64_t before = sql_int(W.app.d, "SELECT count(*) FROM rota_plan");
	int id = start(&planner, "/api/v1/rota/plan",
		       "{\"unit\":\"3100\",\"from\":\"2027-01-04\","
		       "\"weeks\":2,\"seconds\":1}");
	json_t *j = wait_job(&planner, id);
	if (strcmp(job_state(j), "done"))
		fail_msg("rota job: %s", json_dumps(j, 0));
	json_t *result = json_object_get(j, "result");
	assert_non_null(json_object_get(result, "coverage"));
	assert_true(json_number_value(json_object_get(j, "seconds")) > 0);
	json_decref(j);
	assert_int_equal(sql_int(W.app.d, "SELECT count(*) FROM rota_plan"),
			 before + 1);

	web_login coord = web_demo_login(&W, "karasjok.homecare_coordinator",
					 NULL);
	id = start(&coord, "/api/v1/routes/plan",
		   "{\"municipality\":\"5610\",\"date\":\"2027-01-05\","
		   "\"shift\":\"day\",\"seconds\":1}");
	j = wait_job(&coord, id);
	if (strcmp(job_state(j), "done"))
		fail_msg("routes job: %s", json_dumps(j, 0));
	json_decref(j);
	/* the first caregiver of the day falls ill */
	char body[256], sick[16];
	snprintf(sick, sizeof sick, "%lld",
		 (long long)sql_int(W.app.d,
				    "SELECT e.employee_no FROM route_caregiver "
				    "c JOIN employee e ON e.id = c.employee_id "
				    "ORDER BY c.plan_id DESC, c.row_no LIMIT 1"));
	snprintf(body, sizeof body,
		 "{\"municipality\":\"Karasjok\",\"date\":\"2027-01-05\","
		 "\"sick\":\"%s\",\"seconds\":1}",
		 sick);
	id = start(&coord, "/api/v1/routes/replan", body);
	j = wait_job(&coord, id);
	if (strcmp(job_state(j), "done"))
		fail_msg("replan job: %s", json_dumps(j, 0));
	json_decref(j);

	/* what was planned is read back, and only in its municipality */
	web_response res = web_demo_call(
		&W, &(web_call){"GET", "/api/v1/routes", coord.token, NULL, NULL,
				NULL, {"date", "2027-01-05", NULL}});
	assert_int_equal(res.status, 200);
	j = web_body(&res);
	assert_true(json_array_size(json_object_get(j, "caregivers")) > 3);
	json_decref(j);
	web_response_free(&res);
	assert_int_equal(web_demo_status(&W, "/api/v1/rota/3100", &planner,
					 "from", "2027-01-04"),
			 200);
	web_login kc = web_demo_login(&W, "kautokeino.homecare_coordinator",
				      NULL);
	res = web_demo_call(&W, &(web_call){"GET", "/api/v1/routes", kc.token,
					    NULL, NULL, NULL,
					    {"municipality", "5610", "date",
					     "2027-01-05", NULL}});
	assert_int_equal(res.status, 403);
	web_response_free(&res);
	web_login kp = web_demo_login(&W, "kautokeino.rota_planner", NULL);
	assert_int_equal(web_demo_status(&W, "/api/v1/rota/3100", &kp, "from",
					 "2027-01-04"),
			 403);
	/* the employee: their own row of the rota, nobody else's */
	web_login em = web_demo_login(&W, "karasjok.employee", NULL);
	res = web_demo_call(&W, &(web_call){"GET", "/api/v1/rota/3100",
					    em.token, NULL, NULL, NULL,
					    {"from", "2027-01-04", NULL}});
	assert_int_equal(res.status, 200);
	j = web_body(&res);
	assert_int_equal(json_array_size(json_object_get(j, "employees")), 1);
	json_decref(j);
	web_response_free(&res);
	/* an employee's view of the day: their list, never the visits
	 * nobody serves (they name other recipients) */
	res = web_demo_call(&W, &(web_call){"GET", "/api/v1/routes", em.token,
					    NULL, NULL, NULL,
					    {"date", "2027-01-05", NULL}});
	assert_int_equal(res.status, 200);
	j = web_body(&res);
	assert_int_equal(json_array_size(json_object_get(j, "unserved")), 0);
	assert_int_equal(json_integer_value(json_object_get(j,
							    "unserved_count")),
			 0);
	assert_string_equal(json_string_value(json_object_get(j, "reason")),
			    "");
	assert_true(json_array_size(json_object_get(j, "caregivers")) <= 1);
	json_decref(j);
	web_response_free(&res);
	web_login kem = web_demo_login(&W, "kautokeino.employee", NULL);
	assert_int_equal(web_demo_status(&W, "/api/v1/rota/3100", &kem, "from",
					 "2027-01-04"),
			 403);
}

static void test_who_may_plan(void **state)
{
	(void)state;
	const char *rota = "{\"unit\":\"3100\",\"from\":\"2027-01-04\"}";
	const char *routes = "{\"municipality\":\"5610\",\"date\":"
			     "\"2027-01-05\"}";
	/* the other municipality's planner and coordinator */
	web_login kp = web_demo_login(&W, "kautokeino.rota_planner", NULL);
	web_response res = post(&kp, "/api/v1/rota/plan", rota);
	assert_int_equal(res.status, 403);
	web_response_free(&res);
	web_login kc = web_demo_login(&W, "kautokeino.homecare_coordinator",
				      NULL);
	res = post(&kc, "/api/v1/routes/plan", routes);
	assert_int_equal(res.status, 403);
	web_response_free(&res);
	/* a role that does not plan */
	web_login leader = web_demo_login(&W, "karasjok.leader", NULL);
	res = post(&leader, "/api/v1/rota/plan", rota);
	assert_int_equal(res.status, 403);
	web_response_free(&res);
	/* no CSRF token */
	web_login kjp = web_demo_login(&W, "karasjok.rota_planner", NULL);
	res = web_demo_call(&W, &(web_call){"POST", "/api/v1/rota/plan",
					    kjp.token, NULL, rota, NULL,
					    {NULL}});
	assert_int_equal(res.status, 403);
	web_response_free(&res);
}

static void test_bad_input_and_failed_jobs(void **state)
{
	(void)state;
	web_login p = web_demo_login(&W, "karasjok.rota_planner", NULL);
	const struct {
		const char *body;
		int status;
		const char *field;
	} bad[] = {
		{"{\"from\":\"2027-01-04\"}", 400, "unit"},
		{"{\"unit\":\"3100\",\"from\":\"4 January\"}", 400, "from"},
		{"{\"unit\":\"3100\",\"from\":\"2027-01-04\",\"weeks\":99}", 400,
		 "weeks"},
		{"{\"unit\":\"3100\",\"from\":\"2027-01-04\",\"seconds\":0}", 400,
		 "seconds"},
		{"{\"unit\":\"9999\",\"from\":\"2027-01-04\"}", 404, "unit"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		web_response res = post(&p, "/api/v1/rota/plan", bad[i].body);
		if (res.status != bad[i].status)
			fail_msg("%s: %d", bad[i].body, res.status);
		json_t *j = web_body(&res);
		assert_string_equal(json_string_value(json_object_get(
					    json_object_get(j, "error"),
					    "field")),
				    bad[i].field);
		json_decref(j);
		web_response_free(&res);
	}
	/* a Tuesday: the command refuses it, and the job says why */
	int id = start(&p, "/api/v1/rota/plan",
		       "{\"unit\":\"3100\",\"from\":\"2027-01-05\","
		       "\"seconds\":1}");
	json_t *j = wait_job(&p, id);
	assert_string_equal(job_state(j), "failed");
	json_t *err = json_object_get(j, "error");
	assert_non_null(json_string_value(json_object_get(err, "message")));
	assert_string_equal(json_string_value(json_object_get(err, "field")),
			    "--from");
	json_decref(j);
	/* a value that looks like an option is refused, not passed on */
	web_login coord = web_demo_login(&W, "karasjok.homecare_coordinator",
					 NULL);
	web_response r2 = post(&coord, "/api/v1/routes/replan",
			       "{\"municipality\":\"5610\",\"date\":"
			       "\"2027-01-05\",\"sick\":\"--db\"}");
	assert_int_equal(r2.status, 400);
	web_response_free(&r2);
	/* nobody else sees the job */
	web_login other = web_demo_login(&W, "karasjok.leader", NULL);
	char path[64];
	snprintf(path, sizeof path, "/api/v1/jobs/%d", id);
	assert_int_equal(web_demo_status(&W, path, &other, NULL, NULL), 404);
	assert_int_equal(web_demo_status(&W, "/api/v1/jobs/x", &p, NULL, NULL),
			 404);
}

/* A user runs at most WEB_JOBS_PER_USER jobs at once; jobs nobody
 * follows are reaped when they end and free their places. */
static void test_jobs_per_user_and_reaping(void **state)
{
	(void)state;
	web_login p = web_demo_login(&W, "kautokeino.rota_planner", NULL);
	const char *body = "{\"unit\":\"4010\",\"from\":\"2027-01-04\","
			   "\"weeks\":1,\"seconds\":2}";
	for (int i = 0; i < WEB_JOBS_PER_USER; i++)
		start(&p, "/api/v1/rota/plan", body);
	web_response res = post(&p, "/api/v1/rota/plan", body);
	assert_int_equal(res.status, 429);
	web_response_free(&res);
	/* never polled: once they have ended, new jobs may start */
	for (int tries = 0; tries < 600; tries++) {
		res = post(&p, "/api/v1/rota/plan", body);
		int status = res.status;
		web_response_free(&res);
		if (status == 202)
			return;
		assert_int_equal(status, 429);
		usleep(100000);
	}
	fail_msg("the finished jobs were not reaped");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_a_rota_then_the_routes_then_a_sick_call),
		cmocka_unit_test(test_who_may_plan),
		cmocka_unit_test(test_bad_input_and_failed_jobs),
		cmocka_unit_test(test_jobs_per_user_and_reaping),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
