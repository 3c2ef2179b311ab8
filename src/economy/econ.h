/* econ.h - placeholder, replaced by the module's real header. */
#ifndef ECON_H
#define ECON_H
#include "base/ov_err.h"
#include "base/ov_rng.h"
#include "db/db.h"
ov_status econ_demo_load(db *d, ov_rng *rng, ov_err *err);
#endif
