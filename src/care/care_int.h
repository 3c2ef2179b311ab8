/*
 * care_int.h - helpers shared by the files of src/care/ only.
 */
#ifndef CARE_INT_H
#define CARE_INT_H

#include <stdio.h>

#include "base/ov_err.h"
#include "base/ov_i18n.h"

/* A bounded copy into a char array. */
#define CARE_COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

/* OV_E_NOMEM with the usual message. */
static inline ov_status care_nomem(ov_err *err)
{
	return OV_FAIL(err, OV_E_NOMEM, NULL, "%s", _("out of memory"));
}

#endif
