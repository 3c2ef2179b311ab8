/*
 * ov_err.c - status names, exit codes and filling in ov_err records.
 */
#include "ov_err.h"

#include "ov_str.h"

#include <stdio.h>
#include <string.h>

const char *ov_status_name(ov_status s)
{
	switch (s) {
#define OV_X(name, exit_class)                                                \
	case name:                                                            \
		return #name;
		OV_STATUS_MAP(OV_X)
#undef OV_X
	}
	return "OV_E_UNKNOWN";
}

int ov_status_exit(ov_status s)
{
	switch (s) {
#define OV_X(name, exit_class)                                                \
	case name:                                                            \
		return exit_class;
		OV_STATUS_MAP(OV_X)
#undef OV_X
	}
	return 2;
}

void ov_err_clear(ov_err *e)
{
	if (e)
		memset(e, 0, sizeof *e);
}

static void fill(ov_err *e, ov_status code, const char *src_file,
		 int src_line, const char *file, int line, const char *field,
		 const char *fmt, va_list ap)
{
	ov_err_clear(e);
	e->code = code;
	e->src_file = src_file;
	e->src_line = src_line;
	e->line = line;
	if (file)
		snprintf(e->file, sizeof e->file, "%s", file);
	if (field)
		snprintf(e->field, sizeof e->field, "%s", field);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	ov_utf8_trim_partial(e->msg);
	ov_utf8_trim_partial(e->file);
}

ov_status ov_err_set(ov_err *e, ov_status code, const char *src_file,
		     int src_line, const char *field, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		va_start(ap, fmt);
		fill(e, code, src_file, src_line, NULL, 0, field, fmt, ap);
		va_end(ap);
	}
	return code;
}

ov_status ov_err_set_at(ov_err *e, ov_status code, const char *src_file,
			int src_line, const char *file, int line,
			const char *field, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		va_start(ap, fmt);
		fill(e, code, src_file, src_line, file, line, field, fmt, ap);
		va_end(ap);
	}
	return code;
}
