/*
 * care.h - home care (first part of M7): recipients, their needs and the
 * recurring visits those needs call for. Owns the SQL on care_recipient,
 * recipient_need and visit_request. `status` reads the summary; the route
 * planner reads the recipient list.
 */
#ifndef CARE_H
#define CARE_H

#include <stddef.h>
#include <stdint.h>

#include "base/ov_err.h"
#include "base/ov_rng.h"
#include "db/db.h"

/* Windows a visit may have besides its own (the engine's
 * ROUTES_MAX_WINDOWS - 1). */
#define CARE_MORE_WINDOWS 3

/* One recurring visit of a recipient (a visit_request row). */
typedef struct {
	int64_t id;
	char weekdays[8];   /* '1111100' = Monday to Friday */
	int window_start;   /* the visit starts inside [start, end], */
	int window_end;     /* minutes after midnight */
	int duration_min;
	char competence[16]; /* "nurse", "health_worker" or "any" */
	char task[32];       /* "insulin", "personal_care", ... */
	int two_caregivers;  /* 1 if two people must come (lifting) */
	/* Further windows (visit_request_window), in time order. */
	int n_more;
	int more_start[CARE_MORE_WINDOWS], more_end[CARE_MORE_WINDOWS];
} care_visit;

/* A home-care recipient with the visits they receive. */
typedef struct {
	int64_t id;
	int64_t municipality_id;
	char code[16]; /* pseudonymous, "K-001" */
	char given_name[64];
	char family_name[64];
	int birth_year; /* 0 if unknown */
	char settlement[64];
	double lat, lon; /* WGS84 */
	char language[4]; /* preferred: "se" or "nb" */
	char needs[192];  /* comma-separated, alphabetical */
	care_visit *visits; /* borrowed from the owning care_list */
	size_t nvisits;
} care_recipient;

/* A list of recipients; each one's visits point into `visits`. */
typedef struct {
	care_recipient *recipients;
	size_t n;
	care_visit *visits; /* all visits, grouped by recipient */
	size_t nvisits;
} care_list;

/* Figures for the status overview. Visits count per week: a request
 * with pattern '0100100' is two visits. */
typedef struct {
	int64_t recipients;
	int64_t recipients_se;      /* preferring Northern Sámi */
	int64_t visit_requests;
	int64_t visits_per_week;
	int64_t nurse_visits_per_week;
	int64_t two_caregiver_visits_per_week;
	int64_t settlements;        /* distinct settlements served */
} care_summary;

/* Days a weekday pattern covers (count of '1'); 0 for NULL. */
int care_weekdays_count(const char *weekdays);

/*
 * Fills *out for one municipality (its id), or for all when
 * municipality_id is 0. An unknown id gives all zeros, not an error.
 * Errors: OV_E_DB.
 */
ov_status care_summary_get(db *d, int64_t municipality_id, care_summary *out,
			   ov_err *err);

/*
 * Recipients of one municipality (0 = all), ordered by municipality and
 * code, each with its visits ordered by window start. On success *out
 * is owned by the caller (free with care_list_free); an empty list is
 * not an error. Errors: OV_E_DB, OV_E_NOMEM (*out is then NULL).
 */
ov_status care_list_get(db *d, int64_t municipality_id, care_list **out,
			ov_err *err);

/* Frees a list from care_list_get; NULL is allowed. */
void care_list_free(care_list *l);

/*
 * Loads the demo home care: about 120 recipients in the settlements of
 * Karasjok (5610) and Kautokeino (5612) with their needs and visits.
 * Uses only rng, so the same seed gives the same rows. Called inside
 * demo_load's transaction after org_demo_load.
 * Errors: OV_E_NOTFOUND (a municipality row is missing), OV_E_DB.
 */
ov_status care_demo_load(db *d, ov_rng *rng, ov_err *err);

#endif
