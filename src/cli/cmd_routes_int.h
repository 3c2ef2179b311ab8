/*
 * cmd_routes_int.h - what the home-care route commands share
 * (cmd_routes_plan.c, cmd_routes_show.c): option parsing of the day and
 * shift, and printing a stored day's lists as text or JSON.
 */
#ifndef CMD_ROUTES_INT_H
#define CMD_ROUTES_INT_H

#include "care/care_route.h"
#include "cli.h"

/* The options `routes plan` and `routes replan` take. */
typedef struct {
	const char *muni, *date, *shift, *seconds, *seed, *travel;
	const char *sick, *late, *minutes, *cancel, *add; /* replan */
	int quiet;
	ov_day day;
	care_shift sh;
	long long secs, seed_n, late_n;
} plan_opts;

/* Parses them (replan: exactly one change is required). -1 to go on,
 * or the exit code after a usage error. */
int routes_plan_parse(cli_ctx *ctx, int argc, char **argv, plan_opts *o,
		      int replan);

/* Opens the database for writing and finds --municipality; NULL with
 * the exit code in *code after reporting. */
db *routes_open_for(cli_ctx *ctx, const plan_opts *o, org_municipality *m,
		     int *code);

/* With --travel FILE, the day's travel times from that CSV (see
 * routes_matrix_read); a line on stderr says how many it set. */
ov_status routes_apply_travel(cli_ctx *ctx, const plan_opts *o,
			      care_day *cd, ov_err *e);

/* Solves cd, stores it (replacing plan `replaces` when not 0, for the
 * stored `reason`), audited as the command line's actor
 * (auth_actor_cli), and loads the stored lists into *out. */
ov_status routes_solve_store(cli_ctx *ctx, db *d, const care_day *cd,
			     const plan_opts *o, int64_t replaces,
			     const char *reason, care_route **out, ov_err *e);

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

/* A stored re-planning reason ("sick:10075", "late:10075:30",
 * "cancel:K-003", "add:K-003:meals") in the reader's language. */
const char *routes_reason_text(const char *reason, char *buf, size_t n);

/* A visit's windows, "09:00-10:30, 13:00-14:00". */
const char *routes_windows_text(const care_visit_due *v, char *buf, size_t n);

/* "07:05" for minute 425 of the day (rounded to the minute). */
const char *routes_clock(double minute, char *buf, size_t n);

#endif
