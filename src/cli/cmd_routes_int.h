/*
 * cmd_routes_int.h - what the home-care route commands share
 * (cmd_routes_plan.c, cmd_routes_show.c): option parsing of the day and
 * shift, and printing a stored day's lists as text or JSON.
 */
#ifndef CMD_ROUTES_INT_H
#define CMD_ROUTES_INT_H

#include "care/care_route.h"
#include "cli.h"

/* The day and shift options: --date (required) and --shift (default
 * day). Returns -1 to go on, or the exit code after a usage error. */
int routes_day_opts(cli_ctx *ctx, const char *date_s, const char *shift_s,
		    ov_day *day, care_shift *shift);

/* Prints the stored lists r of municipality m: each caregiver's list in
 * order and the day's totals; only caregiver employee_no when it is not
 * NULL. With ctx->json one object instead. Returns the exit code. */
int routes_print_day(cli_ctx *ctx, const org_municipality *m,
		     const care_route *r, const char *employee_no);

/* The solver's progress line on ctx->err (routes_solve_opts.progress;
 * vctx is the cli_ctx). */
void routes_progress(void *vctx, double seconds, int vehicles,
		     double distance, int unserved);

/* A stored task code ("wound_care") in the reader's language. */
const char *routes_task_name(const char *code);

/* A competence ("nurse", "any", ...), a stored reason for a visit left
 * out ("skill", "window", "time") and a length of time ("1 h 05 min")
 * in the reader's language. */
const char *routes_competence_name(const char *competence);
const char *routes_why_text(const char *why);
const char *routes_duration(double minutes, char *buf, size_t n);

/* "07:05" for minute 425 of the day (rounded to the minute). */
const char *routes_clock(double minute, char *buf, size_t n);

#endif
