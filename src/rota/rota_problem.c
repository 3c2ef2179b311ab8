/*
 * rota_problem.c - life cycle and sanity checks of a rota problem and a
 * roster. Called by every reader and builder of problems.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "rota/rota.h"

rota_problem *rota_problem_new(void)
{
	return calloc(1, sizeof(rota_problem));
}

void rota_problem_free(rota_problem *p)
{
	if (!p)
		return;
	for (int s = 0; s < p->n_shifts; s++) {
		free(p->shifts[s].id);
		free(p->shifts[s].forbidden_next);
	}
	free(p->shifts);
	for (int e = 0; e < p->n_employees; e++) {
		free(p->employees[e].id);
		free(p->employees[e].max_shifts);
		free(p->employees[e].day_off);
	}
	free(p->employees);
	free(p->requests);
	free(p->cover);
	free(p->name);
	free(p);
}

int rota_shift_index(const rota_problem *p, const char *id)
{
	for (int s = 0; s < p->n_shifts; s++)
		if (strcmp(p->shifts[s].id, id) == 0)
			return s;
	return -1;
}

int rota_employee_index(const rota_problem *p, const char *id)
{
	for (int e = 0; e < p->n_employees; e++)
		if (strcmp(p->employees[e].id, id) == 0)
			return e;
	return -1;
}

void rota_apply_daily_rest(rota_problem *p)
{
	if (p->law.min_daily_rest <= 0)
		return;
	for (int s = 0; s < p->n_shifts; s++) {
		const rota_shift *a = &p->shifts[s];
		if (a->start < 0)
			continue;
		for (int t = 0; t < p->n_shifts; t++) {
			const rota_shift *b = &p->shifts[t];
			if (b->start < 0)
				continue;
			/* b starts the next day: 1440 + b->start minutes after
			 * midnight of a's day. */
			int rest = 1440 + b->start - (a->start + a->length);
			if (rest < p->law.min_daily_rest)
				p->shifts[s].forbidden_next[t] = 1;
		}
	}
}

static ov_status bad(ov_err *err, const char *field, const char *what)
{
	return OV_FAIL(err, OV_E_INPUT, field, "%s", what);
}

ov_status rota_problem_validate(const rota_problem *p, ov_err *err)
{
	char field[64];

	if (p->n_days <= 0)
		return bad(err, "horizon", _("the horizon must be at least one day"));
	if (p->n_shifts <= 0)
		return bad(err, "shifts", _("there must be at least one shift type"));
	if (p->n_shifts > ROTA_MAX_SHIFTS)
		return bad(err, "shifts", _("there are more than 64 shift types"));
	for (int s = 0; s < p->n_shifts; s++) {
		const rota_shift *sh = &p->shifts[s];
		snprintf(field, sizeof field, "shift[%s].length", sh->id);
		if (sh->length <= 0 || sh->length > 24 * 60)
			return bad(err, field,
				   _("a shift lasts between 1 minute and 24 hours"));
		snprintf(field, sizeof field, "shift[%s].start", sh->id);
		if (sh->start >= 24 * 60)
			return bad(err, field,
				   _("a shift starts before midnight"));
	}
	for (int e = 0; e < p->n_employees; e++) {
		const rota_employee *em = &p->employees[e];
		if (em->max_minutes != ROTA_UNLIMITED &&
		    em->min_minutes > em->max_minutes) {
			snprintf(field, sizeof field, "employee[%s].min_minutes",
				 em->id);
			return bad(err, field,
				   _("the minimum is above the maximum"));
		}
		if (em->max_consecutive != ROTA_UNLIMITED &&
		    (em->max_consecutive < 1 ||
		     em->min_consecutive > em->max_consecutive)) {
			snprintf(field, sizeof field,
				 "employee[%s].max_consecutive", em->id);
			return bad(err, field,
				   _("the longest run of working days is shorter than the shortest"));
		}
		if (em->min_consecutive < 1 || em->min_days_off < 1) {
			snprintf(field, sizeof field,
				 "employee[%s].min_consecutive", em->id);
			return bad(err, field, _("a run must be at least one day"));
		}
	}
	for (int i = 0; i < p->n_requests; i++) {
		const rota_request *q = &p->requests[i];
		if (q->employee < 0 || q->employee >= p->n_employees ||
		    q->day < 0 || q->day >= p->n_days || q->shift < 0 ||
		    q->shift >= p->n_shifts || q->weight < 0) {
			snprintf(field, sizeof field, "request[%d]", i + 1);
			return bad(err, field, _("out of range"));
		}
	}
	for (int i = 0; i < p->n_cover; i++) {
		const rota_cover *c = &p->cover[i];
		if (c->day < 0 || c->day >= p->n_days || c->shift < 0 ||
		    c->shift >= p->n_shifts || c->need < 0 ||
		    c->under_weight < 0 || c->over_weight < 0) {
			snprintf(field, sizeof field, "cover[%d]", i + 1);
			return bad(err, field, _("out of range"));
		}
	}
	return OV_OK;
}

rota_roster *rota_roster_new(int n_employees, int n_days)
{
	rota_roster *r = calloc(1, sizeof *r);
	size_t n = (size_t)n_employees * (size_t)n_days;
	if (!r)
		return NULL;
	r->assign = malloc((n ? n : 1) * sizeof *r->assign);
	if (!r->assign) {
		free(r);
		return NULL;
	}
	r->n_employees = n_employees;
	r->n_days = n_days;
	for (size_t i = 0; i < n; i++)
		r->assign[i] = ROTA_OFF;
	return r;
}

void rota_roster_free(rota_roster *r)
{
	if (!r)
		return;
	free(r->assign);
	free(r);
}
