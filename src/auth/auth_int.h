/*
 * auth_int.h - what the files of src/auth/ share, and no one else.
 */
#ifndef AUTH_INT_H
#define AUTH_INT_H

#include <stdio.h>

#include "auth.h"
#include "base/ov_i18n.h"

/* A bounded copy into a char array. */
#define AUTH_COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

/* The user's state as JSON for the audit trail (never the hash): owned,
 * free(); NULL if there is no such user. */
char *auth_user_json(db *d, int64_t user_id, ov_err *err);

/* The user's grants into grants[0..*n). */
ov_status auth_grants_load(db *d, int64_t user_id, auth_grant *grants,
			   int *n, ov_err *err);

/* The one municipality all grants share, else 0 (for an audit row). */
int64_t auth_grants_municipality(const auth_grant *g, int n);

#endif
