/*
 * org.h - the organisation (M3): municipalities, sectors, units (with
 * their ansvar code), employees and positions, and the employees' sick
 * leave (table absence). Owns the SQL on those tables. Other modules
 * find a municipality through org_municipality_find.
 */
#ifndef ORG_H
#define ORG_H

#include <stdint.h>

#include "base/ov_date.h"
#include "base/ov_err.h"
#include "base/ov_rng.h"
#include "db/db.h"

typedef struct {
	int64_t id;
	char code[8];      /* SSB kommunenummer, "5610" */
	char name_nb[64];
	char name_se[64];
	int64_t inhabitants;
	int64_t area_km2;
	char kostra_group[16];
	double lat, lon; /* the town hall (WGS84); 0, 0 when not set */
} org_municipality;

/*
 * Finds a municipality by its number ("5610"), or by its Bokmål or Sámi
 * name, case-insensitive ("karasjok", "Kárášjohka"). Fills *out.
 * Errors: OV_E_NOTFOUND (message names the text and the valid choices).
 */
ov_status org_municipality_find(db *d, const char *text, org_municipality *out,
				ov_err *err);

/* The municipality with that id. Errors: OV_E_NOTFOUND, OV_E_DB. */
ov_status org_municipality_get(db *d, int64_t id, org_municipality *out,
			       ov_err *err);

/*
 * All municipalities ordered by number. *out is owned (free()); *n their
 * count.
 */
ov_status org_municipality_list(db *d, org_municipality **out, size_t *n,
				ov_err *err);

/*
 * Loads the demo organisation: both municipalities, their sectors and
 * units, roles, employees and positions. Called inside demo_load's
 * transaction on an empty database.
 */
ov_status org_demo_load(db *d, ov_rng *rng, ov_err *err);

/*
 * One unit with its staffing totals. By convention a unit's first
 * position (lowest id) is its leader's post; leader is the holder's
 * name, "" when that post is vacant.
 */
typedef struct {
	int64_t id;
	int64_t municipality_id;
	char municipality_code[8];
	char municipality_nb[64];
	char municipality_se[64];
	char sector_code[16];
	char sector_nb[96];
	char sector_se[96];
	char ansvar[16];
	char name_nb[96];
	char name_se[96];
	char funksjon[8];   /* "" when none is set */
	int round_the_clock;
	int positions;      /* all posts, vacant ones included */
	int vacancies;      /* posts with no employee */
	int64_t fte_bp;     /* sum over all posts */
	int64_t filled_fte_bp;
	char leader[160];
} org_unit;

/*
 * Units of one municipality (municipality_id > 0) or of all (0),
 * ordered by municipality number, sector, ansvar. *out is owned
 * (free()); *n their count (0 gives *out NULL).
 */
ov_status org_units_list(db *d, int64_t municipality_id, org_unit **out,
			 size_t *n, ov_err *err);

/*
 * Finds a unit by its ansvar code or its Bokmål or Sámi name,
 * case-insensitive, in one municipality (municipality_id > 0) or in
 * all (0). Fills *out.
 * Errors: OV_E_NOTFOUND (no such unit; the message names --unit and
 * the text), OV_E_USAGE with field "--unit" (the text matches units in
 * more than one municipality: add --municipality).
 */
ov_status org_unit_find(db *d, int64_t municipality_id, const char *text,
			org_unit *out, ov_err *err);

/* One filled post and the employee holding it; an employee with two
 * posts gives two rows. */
typedef struct {
	int64_t employee_id;
	int64_t position_id;
	int64_t unit_id;
	int64_t municipality_id;
	char municipality_code[8];
	char municipality_nb[64];
	char municipality_se[64];
	char employee_no[16];
	char given_name[64];
	char family_name[64];
	int birth_year;       /* 0 when unknown */
	int sami_proficiency; /* 0 none, 1 understands, 2 speaks, 3 writes */
	char sector_code[16];
	char ansvar[16];
	char unit_nb[96];
	char unit_se[96];
	char title_nb[96];
	char title_se[96];
	int fte_bp;
	char competence[16];  /* nurse, health_worker, unskilled, other */
} org_employee;

/*
 * Filled posts with their employees, in one municipality
 * (municipality_id > 0) or all (0), in one unit (unit_id > 0) or all
 * (0); ordered by municipality, sector, ansvar, family and given name.
 * *out is owned (free()); *n their count.
 */
ov_status org_employees_list(db *d, int64_t municipality_id, int64_t unit_id,
			     org_employee **out, size_t *n, ov_err *err);

/* The posts one employee holds (none: *n 0), as org_employees_list
 * gives them. */
ov_status org_employee_posts(db *d, int64_t employee_id, org_employee **out,
			     size_t *n, ov_err *err);

/* Staffing figures of a municipality for the status overview. */
typedef struct {
	int64_t municipality_id;  /* 0 = both together */
	int units;
	int employees;
	int filled_positions;
	int vacant_positions;
	int64_t filled_fte_bp;    /* sum of filled posts' FTE */
	int fulltime_positions;   /* filled posts at 10000 bp */
	int fulltime_permille;    /* of filled posts; 0 when none */
	int sami_speakers;        /* employees with proficiency >= 2 */
	int nurses;               /* employees holding a nurse post */
} org_summary;

/*
 * Fills *out for one municipality (municipality_id > 0) or for all
 * together (0). An unknown id gives zeros, not an error.
 */
ov_status org_summary_get(db *d, int64_t municipality_id, org_summary *out,
			  ov_err *err);

/*
 * Sick leave (sykefravær) of a period, counted the way NAV and SSB
 * count it (see org_absence.c for the formula and its source). Days of
 * work are kept in millionths of a full-time working day (dagsverk),
 * so that FTE (basis points) times the absence percent stays exact:
 * 1 000 000 = one day of a full-time post fully lost or agreed.
 */
typedef struct {
	int64_t municipality_id;   /* 0 = both together */
	ov_day from, to;           /* the period, both days included */
	/* avtalte dagsverk: working days (Monday-Friday, not a public
	 * holiday) of the period times the FTE of every post held */
	int64_t agreed_e6;
	/* tapte dagsverk: absence days on those working days, times the
	 * FTE of the absent employee's posts and the absence percent;
	 * the total and its self- and doctor-certified parts */
	int64_t lost_e6;
	int64_t lost_self_certified_e6;  /* egenmelding */
	int64_t lost_doctor_certified_e6; /* sykmelding */
	/* lost / agreed in tenths of a per cent (64 = 6.4 %), rounded;
	 * the parts over the same agreed days, so they add up to the total
	 * give or take rounding. All 0 when agreed_e6 is 0. */
	int permille;
	int self_certified_permille;
	int doctor_certified_permille;
	int employees_absent;      /* with an absence day in the period */
	int absences;              /* spells with a day in the period; 0
				    * means no sick-leave data for it */
} org_sick_leave;

/*
 * Fills *out with the sick leave of one municipality (municipality_id
 * > 0) or of all together (0) from day from to day to (inclusive),
 * over the employees holding a post there (a post with starts_on or
 * ends_on counts on its days only). An unknown id or a period with no
 * posts gives zeros, not an error.
 * Errors: OV_E_USAGE (to before from), OV_E_NOMEM, OV_E_DB.
 */
ov_status org_sick_leave_get(db *d, int64_t municipality_id, ov_day from,
			     ov_day to, org_sick_leave *out, ov_err *err);

/*
 * As org_sick_leave_get, over the posts in units of one sector only
 * (sector code "helse", "oppvekst", ...; NULL or "" = every sector).
 */
ov_status org_sick_leave_sector_get(db *d, int64_t municipality_id,
				    const char *sector_code, ov_day from,
				    ov_day to, org_sick_leave *out,
				    ov_err *err);

/*
 * Loads the demo's sick leave: absences of the demo employees from
 * 2026-01-01 to 2026-11-30, drawn from rng. Called inside demo_load's
 * transaction after org_demo_load (and every other part).
 */
ov_status org_absence_demo_load(db *d, ov_rng *rng, ov_err *err);

/* Translated word for a competence code ("nurse" -> "sykepleier");
 * the code itself when unknown. Static storage. */
const char *org_competence_label(const char *code);

/* Translated word for a Sámi proficiency 0-3 ("speaks"). Static. */
const char *org_proficiency_label(int level);

#endif
