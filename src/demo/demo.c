/*
 * demo.c - loads the whole demo: organisation and people first (the
 * others refer to them), then the programme, economy, home care and
 * staffing, then the staffing of home care, which joins the two, and
 * last the employees' sick leave.
 */
#include "demo.h"
#include "demo_int.h"

#include "base/ov_rng.h"
#include "care/care.h"
#include "economy/econ.h"
#include "org/org.h"
#include "programme/prog.h"
#include "staffing/staff.h"

typedef ov_status (*loader)(db *, ov_rng *, ov_err *);

ov_status demo_load(db *d, uint64_t seed, demo_logins *logins, ov_err *err)
{
	static const struct {
		uint64_t stream;
		loader load;
	} parts[] = {
		{0x6f7267, org_demo_load},   /* "org" */
		{0x70726f67, prog_demo_load}, /* "prog" */
		{0x65636f6e, econ_demo_load}, /* "econ" */
		{0x63617265, care_demo_load}, /* "care" */
		{0x7374616666, staff_demo_load}, /* "staff" */
		{0x686f6d65, demo_home_care_load}, /* "home" */
		/* new parts go last, so the streams and ids of the ones
		 * above, and all their data, stay as they were */
		{0x6162736e, org_absence_demo_load}, /* "absn" */
	};
	ov_status rc = db_begin(d, err);
	for (size_t i = 0; rc == OV_OK && i < sizeof parts / sizeof *parts;
	     i++) {
		ov_rng rng;
		ov_rng_seed(&rng, seed ^ (parts[i].stream << 20));
		rc = parts[i].load(d, &rng, err);
	}
	if (rc == OV_OK) {
		ov_rng rng;
		ov_rng_seed(&rng, seed ^ ((uint64_t)0x75736572 << 20)); /* "user" */
		rc = demo_users_load(d, &rng, logins, err);
	}
	if (rc == OV_OK)
		return db_commit(d, err);
	db_rollback(d);
	return rc;
}
