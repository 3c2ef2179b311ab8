/*
 * prog.h - the change programme (M1): stages, cross-cutting challenges,
 * sub-projects with effect goals and measures, working and reference
 * groups. Owns the SQL on those tables. Called by `ovttas programme`,
 * `ovttas status` and the demo loader.
 */
#ifndef PROG_H
#define PROG_H

#include <stddef.h>
#include <stdint.h>

#include "base/ov_date.h"
#include "base/ov_err.h"
#include "base/ov_rng.h"
#include "db/db.h"

/*
 * Every char * below is owned by the prog_programme it hangs from and
 * freed by prog_free; it is never NULL ("" when the column is NULL).
 * Dates are ISO "YYYY-MM-DD" ("" when unset). Texts come in Bokmål (_nb)
 * and Northern Sámi (_se); show them with ov_i18n_pick.
 */

typedef struct {
	int64_t id;
	int number;        /* 1, 2, 3 */
	char *code;        /* "BASIS", "NY GIV", "BESTE PRAKSIS" */
	char *name_nb, *name_se;
	ov_day starts_on, ends_on; /* inclusive */
} prog_stage;

typedef struct {
	int64_t id;
	int number;
	char *name_nb, *name_se;
} prog_challenge;

/* An effect goal (effektmål), grouped by area within its sub-project. */
typedef struct {
	int64_t id;
	int number;        /* order within the sub-project */
	int challenge;     /* challenge number, 0 if none */
	char *area_nb, *area_se;
	char *text_nb, *text_se;
	char *indicator_nb, *indicator_se; /* "" if none */
	char *baseline, *target;           /* "" if none */
} prog_goal;

/* A measure (tiltak). status is one of "planned", "ongoing", "done",
 * "late", "cancelled" as stored, never computed from the clock. */
typedef struct {
	int64_t id;
	int number;        /* within the sub-project */
	int stage;         /* stage number */
	int challenge;     /* challenge number, 0 if none */
	char *text_nb, *text_se;
	int64_t owner_id;  /* employee id, 0 if none */
	char *owner;       /* "Given Family", "" if none */
	char *deadline;
	char *status;
} prog_measure;

typedef struct {
	int64_t id;
	char *code;        /* "HO" */
	char *sector_code; /* "helse", "" if not tied to a sector */
	char *name_nb, *name_se;
	prog_goal *goals;       /* ordered by number */
	size_t ngoals;
	prog_measure *measures; /* ordered by number */
	size_t nmeasures;
} prog_subproject;

/* A member of a group: an employee or an outside body by name. role is
 * "leader", "member", "employee_rep", "user_rep" or "stakeholder". */
typedef struct {
	int64_t employee_id; /* 0 for an outsider */
	char *name;
	char *role;
} prog_member;

typedef struct {
	int64_t id;
	char *kind;            /* "working" or "reference" */
	char *subproject_code; /* "" if programme-wide */
	char *name_nb, *name_se;
	char *mandate_nb, *mandate_se;
	int64_t leader_id;     /* 0 if none */
	char *leader;          /* "" if none */
	char *established_on;
	prog_member *members;  /* everyone but the leader, in insertion order */
	size_t nmembers;
} prog_group;

typedef struct {
	int64_t id;
	char *code;              /* "FK" */
	char *municipality_code; /* "5610" */
	char *municipality_nb, *municipality_se;
	char *name_nb, *name_se;
	char *purpose_nb, *purpose_se;
	ov_day starts_on, ends_on;
	prog_stage *stages;         /* ordered by number */
	size_t nstages;
	prog_challenge *challenges; /* ordered by number */
	size_t nchallenges;
	prog_subproject *subprojects; /* ordered by id (load order) */
	size_t nsubprojects;
	prog_group *groups;  /* working groups first, then reference groups */
	size_t ngroups;
} prog_programme;

/*
 * Loads the programme with the given code, or the first one when code is
 * NULL, with everything under it. On success *out is owned by the caller
 * (free with prog_free). Errors: OV_E_NOTFOUND (no such programme; the
 * message says so), OV_E_DB, OV_E_NOMEM.
 */
ov_status prog_get(db *d, const char *code, prog_programme **out,
		   ov_err *err);

/* Frees p and everything it owns. NULL is allowed. */
void prog_free(prog_programme *p);

/* The number of the stage that contains today, or 0 if none does. */
int prog_stage_at(const prog_programme *p, ov_day today);

/* The stage with that number (borrowed from p), or NULL. */
const prog_stage *prog_stage_find(const prog_programme *p, int number);

/* The challenge with that number (borrowed from p), or NULL. */
const prog_challenge *prog_challenge_find(const prog_programme *p,
					  int number);

#define PROG_MAX_STAGES 8

/* The status overview of the (first) programme, for `ovttas status`. */
typedef struct {
	char code[16];
	int64_t municipality_id; /* whose programme it is */
	char name_nb[128], name_se[128];
	ov_day starts_on, ends_on;
	int nstages; /* stages 1..nstages, at most PROG_MAX_STAGES */
	ov_day stage_starts[PROG_MAX_STAGES], stage_ends[PROG_MAX_STAGES];
	int measures_total; /* every measure, cancelled ones included */
	int measures_done, measures_ongoing, measures_late;
	int measures_planned, measures_cancelled;
	int working_groups, reference_groups;
} prog_summary;

/*
 * Fills *out for the first programme in the database (counts with SQL,
 * no allocation). Errors: OV_E_NOTFOUND (no programme), OV_E_DB.
 */
ov_status prog_summary_get(db *d, prog_summary *out, ov_err *err);

/*
 * The current stage of a summary: the number of the stage that contains
 * today, or 0 before, after or between stages. The caller supplies today
 * (the CLI takes it from the clock), so the answer is testable.
 */
int prog_summary_stage_at(const prog_summary *s, ov_day today);

/*
 * Loads the demo programme "Framtidens Karasjok" into Karasjok (5610):
 * stages, challenges, one sub-project per sector, effect goals, measures
 * with owners from the sector's employees, working and reference groups.
 * Runs after org_demo_load inside demo_load's transaction and uses only
 * rng. Finds municipality, sectors and employees by SQL; a missing sector
 * or no employees leave sector, owners and leaders NULL.
 * Errors: OV_E_INTERNAL (no municipality 5610), OV_E_DB.
 */
ov_status prog_demo_load(db *d, ov_rng *rng, ov_err *err);

#endif
