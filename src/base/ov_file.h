/*
 * ov_file.h - files put in place whole: written to a temporary file
 * beside the target, synced, then renamed over it, so a failed export
 * never leaves half a file; an existing target is replaced only when
 * the caller says force. `field` is the option the user named the path
 * with ("--out", "path"), for the error.
 */
#ifndef OV_FILE_H
#define OV_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "ov_err.h"

/* OV_E_IO "cannot write PATH: strerror(e)" (OV_E_NOMEM for ENOMEM). */
ov_status ov_file_error(const char *path, int e, const char *field,
			ov_err *err);

/* Refuses a target that is not a regular file (OV_E_INPUT), or that
 * exists without force (OV_E_EXISTS). */
ov_status ov_file_check(const char *path, int force, const char *field,
			ov_err *err);

/* Creates "<path>.tmp-<pid>-<n>" (mode 0666 less the umask) open as *f;
 * *tmp is its owned name. A folder that is missing or read-only is the
 * user's input (OV_E_INPUT). */
ov_status ov_file_temp(const char *path, const char *field, char **tmp,
		       FILE **f, ov_err *err);

/* Flushes, syncs and closes f (always closed); OV_E_IO if any failed. */
ov_status ov_file_close(FILE *f, const char *path, const char *field,
			ov_err *err);

/*
 * Puts tmp at path. With force a rename, which replaces atomically.
 * Without, a hard link, which fails if path has appeared since it was
 * checked (a rename would replace it silently); where the file system
 * has no hard links, the check again and a rename. On failure tmp is
 * removed.
 */
ov_status ov_file_commit(const char *tmp, const char *path, int force,
			 const char *field, ov_err *err);

/* All of the above for data already in memory. */
ov_status ov_file_write(const char *path, const char *data, size_t len,
			int force, const char *field, ov_err *err);

#endif
