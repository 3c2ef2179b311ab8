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

/* One log-in of the demo's users, to print once: the password is stored
 * only as its hash. */
typedef struct {
	char username[64];
	char password[24];
	char role[32];        /* role code */
	char municipality[8]; /* SSB number */
	char full_name[128];
} demo_login;

#define DEMO_MAX_LOGINS 32

typedef struct {
	int n;
	demo_login login[DEMO_MAX_LOGINS];
} demo_logins;

/*
 * Loads the demo into an empty, migrated database d, in one transaction
 * (on failure nothing is stored). The same seed gives byte-identical
 * data, apart from the password hashes' random salts. Each module draws
 * from its own stream derived from seed, so a change in one module's
 * data leaves the others' unchanged. The demo's users (one per role in
 * each municipality) and their passwords go into *logins if not NULL.
 */
ov_status demo_load(db *d, uint64_t seed, demo_logins *logins, ov_err *err);

#endif
