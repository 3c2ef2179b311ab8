/*
 * test_care_demo.c - the demo home care: plausible counts, homes near
 * their settlement, valid visit windows, nurse tasks, Sámi majority,
 * determinism, and the summary and list queries against direct SQL.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_str.h"
#include "care/care.h"
#include "db/db.h"
#include "support/support.h"

/* Municipality ids deliberately not 1 and 2: the loader must look the
 * rows up by their number. */
#define KARASJOK 7
#define KAUTOKEINO 9

/* The shared scratch database of tests/support. */
typedef scratch_db fixture;

static fixture load(uint64_t seed)
{
	fixture f = scratch_open("care.db");
	ov_err e;
	assert_int_equal(
		db_exec(f.d,
			"INSERT INTO municipality (id, code, name_nb, name_se, "
			"inhabitants, area_km2) VALUES "
			"(7, '5610', 'Karasjok', 'Kárášjohka', 2565, 5453), "
			"(9, '5612', 'Kautokeino', 'Guovdageaidnu', 2840, "
			"9707)",
			&e),
		OV_OK);
	ov_rng rng;
	ov_rng_seed(&rng, seed);
	assert_int_equal(db_begin(f.d, &e), OV_OK);
	ov_status rc = care_demo_load(f.d, &rng, &e);
	if (rc != OV_OK)
		fail_msg("care_demo_load: %s", e.msg);
	assert_int_equal(db_commit(f.d, &e), OV_OK);
	return f;
}

static void unload(fixture *f)
{
	scratch_close(f);
}

static int64_t count(db *d, const char *sql, int64_t param)
{
	db_stmt *st;
	assert_int_equal(db_prepare(d, sql, &st, NULL), OV_OK);
	if (strstr(sql, "$1"))
		db_bind_int(st, 1, param);
	assert_int_equal(db_step(st, NULL), 1);
	int64_t n = db_col_int(st, 0);
	db_finalize(st);
	return n;
}

static void test_counts_in_range(void **state)
{
	(void)state;
	fixture f = load(2019);
	const char *per = "SELECT count(*) FROM care_recipient "
			  "WHERE municipality_id = $1";
	int64_t k = count(f.d, per, KARASJOK);
	int64_t g = count(f.d, per, KAUTOKEINO);
	assert_in_range(k, 50, 60);
	assert_in_range(g, 60, 70);
	assert_in_range(k + g, 110, 130);
	/* Everyone needs something and receives at least one visit. */
	assert_int_equal(count(f.d, "SELECT count(*) FROM care_recipient r "
				    "WHERE NOT EXISTS (SELECT 1 FROM "
				    "recipient_need n WHERE n.recipient_id "
				    "= r.id)", 0),
			 0);
	assert_int_equal(count(f.d, "SELECT count(*) FROM care_recipient r "
				    "WHERE NOT EXISTS (SELECT 1 FROM "
				    "visit_request v WHERE v.recipient_id "
				    "= r.id)", 0),
			 0);
	assert_in_range(count(f.d, "SELECT count(*) FROM visit_request", 0),
			200, 600);
	/* Mostly elderly, a few younger people with disabilities. */
	assert_int_equal(count(f.d, "SELECT count(*) FROM care_recipient "
				    "WHERE birth_year < 1925 OR birth_year "
				    "> 2010", 0),
			 0);
	int64_t old = count(f.d, "SELECT count(*) FROM care_recipient WHERE "
				 "birth_year BETWEEN 1925 AND 1960", 0);
	assert_true(old * 100 >= (k + g) * 80);
	assert_true(old < k + g);
	/* Pseudonymous codes: K-001 ... in Karasjok, unique. */
	assert_int_equal(count(f.d, "SELECT count(*) FROM care_recipient "
				    "WHERE municipality_id = $1 AND code "
				    "LIKE 'K-___'", KARASJOK),
			 k);
	assert_int_equal(count(f.d, "SELECT count(DISTINCT code) FROM "
				    "care_recipient WHERE municipality_id = "
				    "$1", KARASJOK),
			 k);
	unload(&f);
}

static double haversine_km(double lat1, double lon1, double lat2,
			   double lon2)
{
	double r = M_PI / 180;
	double dlat = (lat2 - lat1) * r, dlon = (lon2 - lon1) * r;
	double a = sin(dlat / 2) * sin(dlat / 2) +
		   cos(lat1 * r) * cos(lat2 * r) * sin(dlon / 2) *
			   sin(dlon / 2);
	return 2 * 6371.0 * asin(sqrt(a));
}

static void test_homes_near_their_settlement(void **state)
{
	(void)state;
	/* Centres from BRIEF.md §9, written out again here on purpose. */
	static const struct {
		const char *name;
		int muni;
		double lat, lon;
	} places[] = {
		{"Kárášjohka", KARASJOK, 69.4719, 25.5112},
		{"Dorvonjárga", KARASJOK, 69.48, 25.49},
		{"Váljohka", KARASJOK, 69.70, 25.95},
		{"Ássebákti", KARASJOK, 69.40, 25.08},
		{"Šuoššjávri", KARASJOK, 69.38, 24.27},
		{"Guovdageaidnu", KAUTOKEINO, 69.0122, 23.0408},
		{"Máze", KAUTOKEINO, 69.4436, 23.6669},
		{"Láhpoluoppal", KAUTOKEINO, 69.18, 23.70},
		{"Ávži", KAUTOKEINO, 69.00, 23.35},
		{"Suolovuopmi", KAUTOKEINO, 69.58, 23.53},
	};
	size_t np = sizeof places / sizeof *places;
	fixture f = load(2019);
	db_stmt *st;
	assert_int_equal(db_prepare(f.d,
				    "SELECT settlement, lat, lon, "
				    "municipality_id, code FROM "
				    "care_recipient",
				    &st, NULL),
			 OV_OK);
	int rows = 0, in_village = 0, far = 0;
	while (db_step(st, NULL) == 1) {
		const char *s = db_col_text(st, 0);
		double lat = db_col_double(st, 1), lon = db_col_double(st, 2);
		size_t i = 0;
		while (i < np && strcmp(places[i].name, s) != 0)
			i++;
		if (i == np)
			fail_msg("unknown settlement '%s'", s);
		assert_int_equal(places[i].muni, db_col_int(st, 3));
		double km = haversine_km(lat, lon, places[i].lat,
					 places[i].lon);
		if (km > 3.0)
			fail_msg("%s is %.2f km from %s", db_col_text(st, 4),
				 km, s);
		/* Stored to 5 decimals, so printing is stable. */
		assert_true(fabs(lat * 1e5 - round(lat * 1e5)) < 1e-4);
		assert_true(fabs(lon * 1e5 - round(lon * 1e5)) < 1e-4);
		in_village += i == 0 || i == 1 || i == 5;
		far += i != 0 && i != 1 && i != 5;
		rows++;
	}
	db_finalize(st);
	assert_true(rows > 0);
	assert_true(in_village * 100 >= rows * 60);
	assert_true(far > 0);
	unload(&f);
}

static void test_windows_are_valid(void **state)
{
	(void)state;
	fixture f = load(2019);
	db_stmt *st;
	assert_int_equal(db_prepare(f.d,
				    "SELECT weekdays, window_start, "
				    "window_end, duration_min, competence, "
				    "two_caregivers FROM visit_request",
				    &st, NULL),
			 OV_OK);
	int rows = 0, two = 0, weekly = 0;
	while (db_step(st, NULL) == 1) {
		const char *wd = db_col_text(st, 0);
		int start = (int)db_col_int(st, 1);
		int end = (int)db_col_int(st, 2);
		int dur = (int)db_col_int(st, 3);
		assert_int_equal(strlen(wd), 7);
		assert_int_equal(strspn(wd, "01"), 7);
		assert_true(care_weekdays_count(wd) >= 1);
		weekly += care_weekdays_count(wd) == 1;
		assert_in_range(start, 0, 1440);
		assert_in_range(end, start, 1440);
		assert_true(dur > 0);
		/* Started at the latest moment, the visit still ends today. */
		assert_true(end + dur <= 1440);
		const char *c = db_col_text(st, 4);
		assert_true(!strcmp(c, "nurse") ||
			    !strcmp(c, "health_worker") || !strcmp(c, "any"));
		two += db_col_int(st, 5) == 1;
		rows++;
	}
	db_finalize(st);
	assert_true(rows > 0);
	assert_true(two > 0);
	assert_true(weekly > 0);
	unload(&f);
}

static void test_nurse_tasks_need_a_nurse(void **state)
{
	(void)state;
	fixture f = load(2019);
	assert_int_equal(count(f.d, "SELECT count(*) FROM visit_request "
				    "WHERE task IN ('insulin', 'wound_care', "
				    "'medication') AND competence <> 'nurse'",
			       0),
			 0);
	/* Insulin twice a day in tight windows; wound care twice a week. */
	assert_int_equal(count(f.d, "SELECT count(*) FROM recipient_need n "
				    "WHERE n.need = 'insulin' AND (SELECT "
				    "count(*) FROM visit_request v WHERE "
				    "v.recipient_id = n.recipient_id AND "
				    "v.task = 'insulin' AND v.weekdays = "
				    "'1111111' AND v.window_end - "
				    "v.window_start <= 60) <> 2", 0),
			 0);
	assert_int_equal(count(f.d, "SELECT count(*) FROM visit_request "
				    "WHERE task = 'wound_care' AND "
				    "length(replace(weekdays, '0', '')) <> 2",
			       0),
			 0);
	/* Every visit follows from a need of the recipient. */
	assert_int_equal(count(f.d, "SELECT count(*) FROM visit_request v "
				    "WHERE NOT EXISTS (SELECT 1 FROM "
				    "recipient_need n WHERE n.recipient_id "
				    "= v.recipient_id AND n.need = v.task)",
			       0),
			 0);
	unload(&f);
}

static void test_most_prefer_sami(void **state)
{
	(void)state;
	fixture f = load(2019);
	for (int m = 0; m < 2; m++) {
		int64_t id = m ? KAUTOKEINO : KARASJOK;
		int64_t all = count(f.d, "SELECT count(*) FROM care_recipient "
					 "WHERE municipality_id = $1", id);
		int64_t se = count(f.d, "SELECT count(*) FROM care_recipient "
					"WHERE municipality_id = $1 AND "
					"preferred_language = 'se'", id);
		assert_true(se * 100 >= all * 66);
	}
	/* ... but not everyone: some are served in Norwegian. */
	assert_true(count(f.d, "SELECT count(*) FROM care_recipient WHERE "
			       "preferred_language = 'nb'", 0) > 0);
	unload(&f);
}

/* Every stored row of the three tables as text, in a fixed order. */
static char *dump(db *d)
{
	static const struct {
		const char *sql;
		int cols;
	} q[] = {
		{"SELECT id, municipality_id, code, given_name, family_name, "
		 "birth_year, settlement, lat, lon, preferred_language FROM "
		 "care_recipient ORDER BY id", 10},
		{"SELECT recipient_id, need FROM recipient_need ORDER BY "
		 "recipient_id, need", 2},
		{"SELECT id, recipient_id, weekdays, window_start, window_end, "
		 "duration_min, competence, task, two_caregivers FROM "
		 "visit_request ORDER BY id", 9},
	};
	ov_buf b = OV_BUF_INIT;
	for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
		db_stmt *st;
		assert_int_equal(db_prepare(d, q[i].sql, &st, NULL), OV_OK);
		while (db_step(st, NULL) == 1) {
			for (int c = 0; c < q[i].cols; c++)
				ov_buf_printf(&b, "%s|", db_col_text(st, c));
			ov_buf_adds(&b, "\n");
		}
		db_finalize(st);
	}
	return b.data;
}

static void test_same_seed_same_rows(void **state)
{
	(void)state;
	fixture a = load(2019), b = load(2019), c = load(7);
	char *da = dump(a.d), *db_ = dump(b.d), *dc = dump(c.d);
	assert_true(strlen(da) > 1000);
	assert_string_equal(da, db_);
	assert_string_not_equal(da, dc);
	free(da);
	free(db_);
	free(dc);
	unload(&a);
	unload(&b);
	unload(&c);
}

#define DAYS "(length(weekdays) - length(replace(weekdays, '1', '')))"

static void check_summary(db *d, int64_t mid)
{
	care_summary s;
	ov_err e;
	assert_int_equal(care_summary_get(d, mid, &s, &e), OV_OK);
	const char *in = mid ? " WHERE municipality_id = $1"
			     : " WHERE $1 = 0";
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM care_recipient%s",
		 in);
	assert_int_equal(s.recipients, count(d, sql, mid));
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM care_recipient%s AND "
		 "preferred_language = 'se'", in);
	assert_int_equal(s.recipients_se, count(d, sql, mid));
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM (SELECT DISTINCT settlement FROM "
		 "care_recipient%s) t", in);
	assert_int_equal(s.settlements, count(d, sql, mid));
	const char *vis = "SELECT %s FROM visit_request WHERE recipient_id "
			  "IN (SELECT id FROM care_recipient%s)%s";
	snprintf(sql, sizeof sql, vis, "count(*)", in, "");
	assert_int_equal(s.visit_requests, count(d, sql, mid));
	snprintf(sql, sizeof sql, vis, "coalesce(sum(" DAYS "), 0)", in, "");
	assert_int_equal(s.visits_per_week, count(d, sql, mid));
	snprintf(sql, sizeof sql, vis, "coalesce(sum(" DAYS "), 0)", in,
		 " AND competence = 'nurse'");
	assert_int_equal(s.nurse_visits_per_week, count(d, sql, mid));
	snprintf(sql, sizeof sql, vis, "coalesce(sum(" DAYS "), 0)", in,
		 " AND two_caregivers = 1");
	assert_int_equal(s.two_caregiver_visits_per_week, count(d, sql, mid));

	/* And counted a third way, in C over the list. */
	care_list *l;
	assert_int_equal(care_list_get(d, mid, &l, &e), OV_OK);
	int64_t week = 0, nurse = 0, two = 0, se = 0;
	for (size_t i = 0; i < l->n; i++)
		se += !strcmp(l->recipients[i].language, "se");
	for (size_t i = 0; i < l->nvisits; i++) {
		int days = care_weekdays_count(l->visits[i].weekdays);
		week += days;
		nurse += strcmp(l->visits[i].competence, "nurse") ? 0 : days;
		two += l->visits[i].two_caregivers ? days : 0;
	}
	assert_int_equal((int64_t)l->n, s.recipients);
	assert_int_equal(se, s.recipients_se);
	assert_int_equal((int64_t)l->nvisits, s.visit_requests);
	assert_int_equal(week, s.visits_per_week);
	assert_int_equal(nurse, s.nurse_visits_per_week);
	assert_int_equal(two, s.two_caregiver_visits_per_week);
	care_list_free(l);
}

static void test_summary_equals_direct_counts(void **state)
{
	(void)state;
	fixture f = load(2019);
	check_summary(f.d, KARASJOK);
	check_summary(f.d, KAUTOKEINO);
	check_summary(f.d, 0);
	care_summary s;
	assert_int_equal(care_summary_get(f.d, 0, &s, NULL), OV_OK);
	assert_true(s.nurse_visits_per_week > 0);
	assert_true(s.two_caregiver_visits_per_week > 0);
	assert_int_equal(s.settlements, 10);
	/* An unknown municipality has no recipients; not an error. */
	assert_int_equal(care_summary_get(f.d, 12345, &s, NULL), OV_OK);
	assert_int_equal(s.recipients, 0);
	assert_int_equal(s.visits_per_week, 0);
	unload(&f);
}

static void test_list_groups_visits_by_recipient(void **state)
{
	(void)state;
	fixture f = load(2019);
	care_list *l;
	ov_err e;
	assert_int_equal(care_list_get(f.d, KAUTOKEINO, &l, &e), OV_OK);
	assert_int_equal((int64_t)l->n,
			 count(f.d, "SELECT count(*) FROM care_recipient "
				    "WHERE municipality_id = $1", KAUTOKEINO));
	size_t seen = 0;
	for (size_t i = 0; i < l->n; i++) {
		const care_recipient *r = &l->recipients[i];
		assert_int_equal(r->municipality_id, KAUTOKEINO);
		assert_true(r->code[0] == 'G');
		if (i > 0)
			assert_true(strcmp(l->recipients[i - 1].code,
					   r->code) < 0);
		assert_true(r->needs[0] != '\0');
		assert_true(r->nvisits > 0);
		assert_ptr_equal(r->visits, l->visits + seen);
		assert_int_equal((int64_t)r->nvisits,
				 count(f.d, "SELECT count(*) FROM "
					    "visit_request WHERE recipient_id "
					    "= $1", r->id));
		for (size_t k = 0; k < r->nvisits; k++) {
			const care_visit *v = &r->visits[k];
			assert_true(contains(r->needs, v->task));
			if (k > 0)
				assert_true(r->visits[k - 1].window_start <=
					    v->window_start);
			assert_int_equal(
				count(f.d, "SELECT recipient_id FROM "
					   "visit_request WHERE id = $1",
				      v->id),
				r->id);
		}
		seen += r->nvisits;
	}
	assert_int_equal(seen, l->nvisits);
	care_list_free(l);

	/* No recipients: an empty list, not an error. */
	assert_int_equal(care_list_get(f.d, 12345, &l, &e), OV_OK);
	assert_int_equal(l->n, 0);
	assert_int_equal(l->nvisits, 0);
	care_list_free(l);
	care_list_free(NULL);
	unload(&f);
}

static void test_needs_municipalities_first(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	char *path = path_join(dir, "empty.db");
	db *d;
	ov_err e;
	assert_int_equal(db_open(path, DB_CREATE, &d, &e), OV_OK);
	ov_rng rng;
	ov_rng_seed(&rng, 1);
	assert_int_equal(care_demo_load(d, &rng, &e), OV_E_NOTFOUND);
	assert_true(contains(e.msg, "5610"));
	db_close(d);
	rm_rf(dir);
	free(path);
	free(dir);
}

static void test_full_demo_has_home_care(void **state)
{
	(void)state;
	db *d;
	ov_err e;
	assert_int_equal(db_open(demo_db(), DB_READ, &d, &e), OV_OK);
	care_summary s;
	assert_int_equal(care_summary_get(d, 0, &s, &e), OV_OK);
	assert_in_range(s.recipients, 110, 130);
	assert_true(s.recipients_se * 100 >= s.recipients * 75);
	assert_true(s.visits_per_week > s.visit_requests);
	assert_int_equal(count(d, "SELECT count(*) FROM care_recipient r "
				  "JOIN municipality m ON m.id = "
				  "r.municipality_id WHERE m.code NOT IN "
				  "('5610', '5612')", 0),
			 0);
	db_close(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_in_range),
		cmocka_unit_test(test_homes_near_their_settlement),
		cmocka_unit_test(test_windows_are_valid),
		cmocka_unit_test(test_nurse_tasks_need_a_nurse),
		cmocka_unit_test(test_most_prefer_sami),
		cmocka_unit_test(test_same_seed_same_rows),
		cmocka_unit_test(test_summary_equals_direct_counts),
		cmocka_unit_test(test_list_groups_visits_by_recipient),
		cmocka_unit_test(test_needs_municipalities_first),
		cmocka_unit_test(test_full_demo_has_home_care),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
