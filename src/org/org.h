/*
 * org.h - the organisation (M3): municipalities, sectors, units (with
 * their ansvar code), employees and positions. Owns the SQL on those
 * tables. Other modules find a municipality through org_municipality_find.
 */
#ifndef ORG_H
#define ORG_H

#include <stdint.h>

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
} org_municipality;

/*
 * Finds a municipality by its number ("5610"), or by its Bokmål or Sámi
 * name, case-insensitive ("karasjok", "Kárášjohka"). Fills *out.
 * Errors: OV_E_NOTFOUND (message names the text and the valid choices).
 */
ov_status org_municipality_find(db *d, const char *text, org_municipality *out,
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

#endif
