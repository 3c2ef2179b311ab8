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

/*
 * Shift types (day, evening) and a bemanningsplan for every mobile
 * home-care unit (KOSTRA 258), sized to the visits of its
 * municipality's recipients. Runs inside demo_load's transaction after
 * the care and staffing parts. Errors: OV_E_DB, OV_E_NOMEM.
 */
ov_status demo_home_care_load(db *d, ov_rng *rng, ov_err *err);

#endif
