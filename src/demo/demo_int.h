/*
 * demo_int.h - the parts of the demo that live in demo/ itself because
 * they read one domain module to write another; shared by the files of
 * src/demo/ only.
 */
#ifndef DEMO_INT_H
#define DEMO_INT_H

#include <stdlib.h>

#include "base/ov_err.h"
#include "base/ov_rng.h"
#include "db/db.h"
#include "demo.h"

/*
 * Shift types (day, evening) and a bemanningsplan for every mobile
 * home-care unit (KOSTRA 258), sized to the visits of its
 * municipality's recipients. Runs inside demo_load's transaction after
 * the care and staffing parts. Errors: OV_E_DB, OV_E_NOMEM.
 */
ov_status demo_home_care_load(db *d, ov_rng *rng, ov_err *err);

/*
 * One web user per role in each municipality, named
 * "<municipality>.<role>" and linked to an employee of its home-care
 * unit, with a random password (not from rng); the log-ins go to *out (may be
 * NULL). Runs inside demo_load's transaction after the organisation.
 */
ov_status demo_users_load(db *d, ov_rng *rng, demo_logins *out,
			  ov_err *err);

#endif
