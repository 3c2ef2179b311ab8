/*
 * demo.h - the deterministic demo of Karasjok and Kautokeino that
 * `ovttas init --demo` loads. Sits above the domain modules: it asks each
 * to load its part, all in one transaction.
 */
#ifndef DEMO_H
#define DEMO_H

#include <stdint.h>

#include "base/ov_err.h"
#include "db/db.h"

#define DEMO_DEFAULT_SEED 2019 /* the year the programme's mapping began */

/*
 * Loads the demo into an empty, migrated database d, in one transaction
 * (on failure nothing is stored). The same seed gives byte-identical
 * data. Each module draws from its own stream derived from seed, so a
 * change in one module's data leaves the others' unchanged.
 */
ov_status demo_load(db *d, uint64_t seed, ov_err *err);

#endif
