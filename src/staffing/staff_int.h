/*
 * staff_int.h - helpers shared by the files of src/staffing/ only: the
 * unit lookup, array growth, the audit row, and the derivation without its own transaction (the demo
 * runs it inside demo_load's).
 */
#ifndef STAFF_INT_H
#define STAFF_INT_H

#include <jansson.h>

#include "org/org.h"
#include "staff.h"

#define STAFF_COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

/* Fills *u with unit unit_id. OV_E_NOTFOUND (field "unit") if none. */
ov_status staff_unit_get(db *d, int64_t unit_id, org_unit *u, ov_err *err);

/* Room for item n of an array of elem-sized items: arr itself, or it
 * reallocated (the old pointer is then gone), or NULL when out of memory
 * (arr is then still valid). */
void *staff_grow(void *arr, size_t elem, size_t n, size_t *cap);

/* OV_E_NOMEM with the usual message. */
ov_status staff_nomem(ov_err *err);

/* Reads one shift_type row selected as id, unit_id, code, name_nb,
 * name_se, start_min, length_min, category. */
void staff_read_shift(db_stmt *st, staff_shift_type *s);

/* The columns staff_read_shift reads, for SELECTs from shift_type. */
#define STAFF_SHIFT_COLS \
	"id, unit_id, code, name_nb, name_se, start_min, length_min, category"

/*
 * The people in the unit's rota posts: everyone holding a post there
 * but the leader's (the unit's first post), two posts of one person
 * merged, in org's order (family and given name), with skills and the
 * contracted minutes over `weeks`. *out is owned (free()), *n its count.
 */
ov_status staff_rota_staff(db *d, int64_t unit_id, int weeks,
			   staff_map_employee **out, int *n, ov_err *err);

/* Appends the audit row of a write of unit u (its municipality) unless
 * who is NULL. Takes over before and after (either may be NULL: the
 * row did not exist) and stores them as compact JSON in the order they
 * were built. */
ov_status staff_audit(db *d, const auth_actor *who, const org_unit *u,
		      const char *action, const char *entity,
		      const char *entity_id, json_t *before, json_t *after,
		      ov_err *err);

/* staff_derive_plan without a transaction: the caller holds one. */
ov_status staff_derive_plan_in_tx(db *d, int64_t unit_id, ov_err *err);

#endif
