/*
 * ov_err.h - status codes and the error record every layer fills in.
 * Engines and modules return an ov_status and describe the cause in an
 * ov_err; only cli/ and web/ turn that into text for people.
 */
#ifndef OV_ERR_H
#define OV_ERR_H

#include <stdarg.h>

/*
 * X-macro: name, exit code class. OV_E_INPUT-style codes mean the user's
 * input was wrong (exit 1); OV_E_INTERNAL-style codes mean ovttas or its
 * environment failed (exit 2).
 */
#define OV_STATUS_MAP(X)                                                      \
	X(OV_OK, 0)                                                           \
	X(OV_E_USAGE, 1)     /* unknown command or option, bad value */        \
	X(OV_E_INPUT, 1)     /* bad data in a file or field */                 \
	X(OV_E_NOTFOUND, 1)  /* a named thing does not exist */                \
	X(OV_E_EXISTS, 1)    /* would overwrite something */                   \
	X(OV_E_READONLY, 1)  /* the target cannot be written */                \
	X(OV_E_AUTH, 1)      /* not logged in, wrong password, locked out */   \
	X(OV_E_DENIED, 1)    /* logged in, but the role does not allow it */   \
	X(OV_E_DB, 2)        /* the store failed */                            \
	X(OV_E_NOMEM, 2)     /* allocation failed */                           \
	X(OV_E_IO, 2)        /* file system or stream failed */                \
	X(OV_E_INTERNAL, 2)  /* a bug */

typedef enum {
#define OV_X(name, exit_class) name,
	OV_STATUS_MAP(OV_X)
#undef OV_X
} ov_status;

/* Why something failed; every field may be empty. */
typedef struct {
	ov_status code;
	char file[256];  /* the user's file the error is about, if any */
	int line;        /* 1-based line in that file, 0 if none */
	char field[64];  /* field or option name, e.g. "--month" */
	char msg[512];   /* already translated, one sentence */
	const char *src_file; /* where in ovttas the error was raised */
	int src_line;
} ov_err;

/* Stable identifier of a status ("OV_E_INPUT"). Never NULL. */
const char *ov_status_name(ov_status s);

/* Process exit code for a status: 0, 1 (user's input) or 2 (internal). */
int ov_status_exit(ov_status s);

/* Resets *e to "no error". e may be NULL. */
void ov_err_clear(ov_err *e);

/*
 * Fills *e (if not NULL) and returns code, so callers can write
 * `return OV_FAIL(err, OV_E_INPUT, "--month", _("..."), ...)`.
 */
ov_status ov_err_set(ov_err *e, ov_status code, const char *src_file,
		     int src_line, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* As ov_err_set, also recording the user's file and line. */
ov_status ov_err_set_at(ov_err *e, ov_status code, const char *src_file,
			int src_line, const char *file, int line,
			const char *field, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

#define OV_FAIL(e, code, field, ...)                                          \
	ov_err_set((e), (code), __FILE__, __LINE__, (field), __VA_ARGS__)
#define OV_FAIL_AT(e, code, file, line, field, ...)                           \
	ov_err_set_at((e), (code), __FILE__, __LINE__, (file), (line),        \
		      (field), __VA_ARGS__)

#endif
