/*
 * rota_cq.c - reader for the Curtois & Qu shift-scheduling benchmark
 * format (SECTION_HORIZON, _SHIFTS, _STAFF, _DAYS_OFF, _SHIFT_ON_REQUESTS,
 * _SHIFT_OFF_REQUESTS, _COVER). Called by `ovttas rota solve-file`, the
 * benchmark and the tests. Every error names the file, line and field.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "base/ov_str.h"
#include "rota/rota.h"

enum section {
	SEC_NONE,
	SEC_HORIZON,
	SEC_SHIFTS,
	SEC_STAFF,
	SEC_DAYS_OFF,
	SEC_ON,
	SEC_OFF,
	SEC_COVER,
};

static const struct {
	const char *name;
	enum section sec;
} sections[] = {
	{"SECTION_HORIZON", SEC_HORIZON},
	{"SECTION_SHIFTS", SEC_SHIFTS},
	{"SECTION_STAFF", SEC_STAFF},
	{"SECTION_DAYS_OFF", SEC_DAYS_OFF},
	{"SECTION_SHIFT_ON_REQUESTS", SEC_ON},
	{"SECTION_SHIFT_OFF_REQUESTS", SEC_OFF},
	{"SECTION_COVER", SEC_COVER},
};

#define MAX_FIELDS 64

typedef struct {
	const char *file;
	int line;
	ov_err *err;
	rota_problem *p;
	/* Forbidden-successor lists kept as text until all shifts are known. */
	char **succ_text;
	int *succ_line;
	int cap_shifts, cap_text, cap_line, cap_emps, cap_req, cap_cover;
} reader;

/* Grows *arr (of elem-size items) to hold at least n + 1. */
static int grow(void *arr, int *cap, int n, size_t elem)
{
	if (n < *cap)
		return 0;
	int ncap = *cap ? *cap * 2 : 16;
	void *q = realloc(*(void **)arr, (size_t)ncap * elem);
	if (!q)
		return -1;
	memset((char *)q + (size_t)*cap * elem, 0,
	       (size_t)(ncap - *cap) * elem);
	*(void **)arr = q;
	*cap = ncap;
	return 0;
}

static ov_status fail(reader *rd, const char *field, const char *fmt,
		      const char *arg)
{
	char msg[256];
	snprintf(msg, sizeof msg, fmt, arg ? arg : "");
	/* The file, line and field travel in err; cli/ and web/ show them. */
	return OV_FAIL_AT(rd->err, OV_E_INPUT, rd->file, rd->line, field, "%s",
			  msg);
}

static ov_status nomem(reader *rd)
{
	return OV_FAIL(rd->err, OV_E_NOMEM, "", "%s", _("out of memory"));
}

/* Strict non-negative integer; on failure names the field. */
static ov_status int_field(reader *rd, const char *text, const char *field,
			   int *out)
{
	long long v;
	if (ov_parse_int(text, 0, 100000000, &v) != 0)
		return fail(rd, field, _("expected a whole number, got \"%s\""),
			    text);
	*out = (int)v;
	return OV_OK;
}

static int shift_of(reader *rd, const char *id)
{
	return rota_shift_index(rd->p, id);
}

/* Linear search is fine at these sizes; keeps the reader small. */
static int employee_of(reader *rd, const char *id)
{
	return rota_employee_index(rd->p, id);
}

/* Splits s in place at `sep`, trimming blanks; returns the field count. */
static int split(char *s, char sep, char **f, int max)
{
	int n = 0;
	char *start = s;
	for (char *c = s;; c++) {
		if (*c == sep || *c == '\0') {
			int end = (*c == '\0');
			*c = '\0';
			if (n < max) {
				char *a = start;
				while (*a == ' ' || *a == '\t')
					a++;
				char *z = a + strlen(a);
				while (z > a && (z[-1] == ' ' || z[-1] == '\t'))
					*--z = '\0';
				f[n++] = a;
			} else {
				n++;
			}
			if (end)
				break;
			start = c + 1;
		}
	}
	return n;
}

static ov_status need_fields(reader *rd, int n, int want, const char *what)
{
	if (n < want)
		return fail(rd, what, _("too few fields (%s)"), "");
	return OV_OK;
}

static ov_status read_horizon(reader *rd, char **f, int n)
{
	ov_status st = need_fields(rd, n, 1, "horizon");
	if (st)
		return st;
	if (rd->p->n_days)
		return fail(rd, "horizon", _("given twice%s"), "");
	st = int_field(rd, f[0], "horizon", &rd->p->n_days);
	if (!st && (rd->p->n_days < 1 || rd->p->n_days > 3660))
		return fail(rd, "horizon", _("must be 1 to 3660 days%s"), "");
	return st;
}

static ov_status read_shift(reader *rd, char **f, int n)
{
	rota_problem *p = rd->p;
	ov_status st = need_fields(rd, n, 2, "shift");
	if (st)
		return st;
	if (!*f[0])
		return fail(rd, "shift.id", _("empty id%s"), "");
	if (shift_of(rd, f[0]) >= 0)
		return fail(rd, "shift.id", _("shift \"%s\" is defined twice"),
			    f[0]);
	if (grow(&p->shifts, &rd->cap_shifts, p->n_shifts, sizeof *p->shifts) ||
	    grow(&rd->succ_text, &rd->cap_text, p->n_shifts,
		 sizeof *rd->succ_text) ||
	    grow(&rd->succ_line, &rd->cap_line, p->n_shifts,
		 sizeof *rd->succ_line))
		return nomem(rd);
	rota_shift *sh = &p->shifts[p->n_shifts];
	sh->start = -1;
	sh->category = ROTA_CAT_OTHER;
	if (!(sh->id = ov_strdup(f[0])))
		return nomem(rd);
	p->n_shifts++;
	st = int_field(rd, f[1], "shift.length", &sh->length);
	if (st)
		return st;
	if (sh->length < 1 || sh->length > 24 * 60)
		return fail(rd, "shift.length",
			    _("a shift lasts 1 to 1440 minutes%s"), "");
	rd->succ_text[p->n_shifts - 1] = ov_strdup(n >= 3 ? f[2] : "");
	rd->succ_line[p->n_shifts - 1] = rd->line;
	if (!rd->succ_text[p->n_shifts - 1])
		return nomem(rd);
	return OV_OK;
}

/* After SECTION_SHIFTS: resolve the successor lists to indexes. */
static ov_status finish_shifts(reader *rd)
{
	rota_problem *p = rd->p;
	int line = rd->line;
	for (int s = 0; s < p->n_shifts; s++) {
		p->shifts[s].forbidden_next = calloc((size_t)p->n_shifts, 1);
		if (!p->shifts[s].forbidden_next)
			return nomem(rd);
	}
	for (int s = 0; s < p->n_shifts; s++) {
		char *f[MAX_FIELDS * 4];
		char *text = rd->succ_text[s];
		if (!*text)
			continue;
		int n = split(text, '|', f, MAX_FIELDS * 4);
		rd->line = rd->succ_line[s];
		if (n > MAX_FIELDS * 4)
			return fail(rd, "shift.forbidden_next",
				    _("too many shifts listed%s"), "");
		for (int i = 0; i < n && i < MAX_FIELDS * 4; i++) {
			if (!*f[i])
				continue;
			int t = shift_of(rd, f[i]);
			if (t < 0)
				return fail(rd, "shift.forbidden_next",
					    _("unknown shift \"%s\""), f[i]);
			p->shifts[s].forbidden_next[t] = 1;
		}
	}
	rd->line = line;
	return OV_OK;
}

static ov_status read_staff(reader *rd, char **f, int n)
{
	rota_problem *p = rd->p;
	ov_status st = need_fields(rd, n, 8, "staff");
	if (st)
		return st;
	if (!p->n_shifts)
		return fail(rd, "staff", _("SECTION_SHIFTS must come first%s"),
			    "");
	if (employee_of(rd, f[0]) >= 0)
		return fail(rd, "staff.id",
			    _("employee \"%s\" is defined twice"), f[0]);
	if (grow(&p->employees, &rd->cap_emps, p->n_employees,
		 sizeof *p->employees))
		return nomem(rd);
	rota_employee *em = &p->employees[p->n_employees++];
	em->id = ov_strdup(f[0]);
	em->max_shifts = malloc((size_t)p->n_shifts * sizeof *em->max_shifts);
	em->day_off = calloc((size_t)p->n_days ? (size_t)p->n_days : 1, 1);
	if (!em->id || !em->max_shifts || !em->day_off)
		return nomem(rd);
	for (int s = 0; s < p->n_shifts; s++)
		em->max_shifts[s] = ROTA_UNLIMITED;
	em->skills = 0;

	char *pairs[MAX_FIELDS * 4];
	int np = *f[1] ? split(f[1], '|', pairs, MAX_FIELDS * 4) : 0;
	if (np > MAX_FIELDS * 4)
		return fail(rd, "staff.max_shifts",
			    _("too many shifts listed%s"), "");
	for (int i = 0; i < np && i < MAX_FIELDS * 4; i++) {
		char *eq = strchr(pairs[i], '=');
		if (!eq)
			return fail(rd, "staff.max_shifts",
				    _("expected SHIFT=COUNT, got \"%s\""),
				    pairs[i]);
		*eq = '\0';
		int s = shift_of(rd, pairs[i]);
		if (s < 0)
			return fail(rd, "staff.max_shifts",
				    _("unknown shift \"%s\""), pairs[i]);
		if ((st = int_field(rd, eq + 1, "staff.max_shifts",
				    &em->max_shifts[s])))
			return st;
	}
	if ((st = int_field(rd, f[2], "staff.max_total_minutes",
			    &em->max_minutes)) ||
	    (st = int_field(rd, f[3], "staff.min_total_minutes",
			    &em->min_minutes)) ||
	    (st = int_field(rd, f[4], "staff.max_consecutive_shifts",
			    &em->max_consecutive)) ||
	    (st = int_field(rd, f[5], "staff.min_consecutive_shifts",
			    &em->min_consecutive)) ||
	    (st = int_field(rd, f[6], "staff.min_consecutive_days_off",
			    &em->min_days_off)) ||
	    (st = int_field(rd, f[7], "staff.max_weekends",
			    &em->max_weekends)))
		return st;
	if (em->min_consecutive < 1)
		em->min_consecutive = 1;
	if (em->min_days_off < 1)
		em->min_days_off = 1;
	if (em->max_consecutive < 1)
		return fail(rd, "staff.max_consecutive_shifts",
			    _("must be at least 1%s"), "");
	if (em->min_minutes > em->max_minutes)
		return fail(rd, "staff.min_total_minutes",
			    _("is above the maximum%s"), "");
	if (em->min_consecutive > em->max_consecutive)
		return fail(rd, "staff.min_consecutive_shifts",
			    _("is above the maximum%s"), "");
	return OV_OK;
}

static ov_status employee_field(reader *rd, const char *id, const char *field,
				int *e)
{
	*e = employee_of(rd, id);
	if (*e < 0)
		return fail(rd, field, _("unknown employee \"%s\""), id);
	return OV_OK;
}

static ov_status day_field(reader *rd, const char *text, const char *field,
			   int *d)
{
	ov_status st = int_field(rd, text, field, d);
	if (st)
		return st;
	if (*d >= rd->p->n_days)
		return fail(rd, field, _("day %s is beyond the horizon"), text);
	return OV_OK;
}

static ov_status read_days_off(reader *rd, char **f, int n)
{
	int e, d;
	ov_status st = need_fields(rd, n, 1, "days_off");
	if (st || (st = employee_field(rd, f[0], "days_off.employee", &e)))
		return st;
	for (int i = 1; i < n; i++) {
		if (!*f[i])
			continue;
		if ((st = day_field(rd, f[i], "days_off.day", &d)))
			return st;
		rd->p->employees[e].day_off[d] = 1;
	}
	return OV_OK;
}

static ov_status read_request(reader *rd, char **f, int n, int on)
{
	rota_problem *p = rd->p;
	const char *what = on ? "shift_on_request" : "shift_off_request";
	char field[64];
	int e, d, s, w;
	ov_status st = need_fields(rd, n, 4, what);
	if (st)
		return st;
	snprintf(field, sizeof field, "%s.employee", what);
	if ((st = employee_field(rd, f[0], field, &e)))
		return st;
	snprintf(field, sizeof field, "%s.day", what);
	if ((st = day_field(rd, f[1], field, &d)))
		return st;
	snprintf(field, sizeof field, "%s.shift", what);
	if ((s = shift_of(rd, f[2])) < 0)
		return fail(rd, field, _("unknown shift \"%s\""), f[2]);
	snprintf(field, sizeof field, "%s.weight", what);
	if ((st = int_field(rd, f[3], field, &w)))
		return st;
	if (grow(&p->requests, &rd->cap_req, p->n_requests,
		 sizeof *p->requests))
		return nomem(rd);
	p->requests[p->n_requests++] =
		(rota_request){.employee = e, .day = d, .shift = s,
			       .weight = w, .on = on};
	return OV_OK;
}

static ov_status read_cover(reader *rd, char **f, int n)
{
	rota_problem *p = rd->p;
	int d, s, need, wu, wo;
	ov_status st = need_fields(rd, n, 5, "cover");
	if (st || (st = day_field(rd, f[0], "cover.day", &d)))
		return st;
	if ((s = shift_of(rd, f[1])) < 0)
		return fail(rd, "cover.shift", _("unknown shift \"%s\""), f[1]);
	if ((st = int_field(rd, f[2], "cover.requirement", &need)) ||
	    (st = int_field(rd, f[3], "cover.weight_under", &wu)) ||
	    (st = int_field(rd, f[4], "cover.weight_over", &wo)))
		return st;
	if (grow(&p->cover, &rd->cap_cover, p->n_cover, sizeof *p->cover))
		return nomem(rd);
	p->cover[p->n_cover++] = (rota_cover){.day = d, .shift = s,
					      .skills = 0, .need = need,
					      .under_weight = wu,
					      .over_weight = wo};
	return OV_OK;
}

static ov_status read_fields(reader *rd, enum section sec, char **f,
			     int n);

static ov_status read_line(reader *rd, enum section sec, char *line)
{
	/* As many fields as the line has: a days-off line lists any number
	 * of days. */
	int max = 1;
	for (const char *c = line; *c; c++)
		max += *c == ',';
	char **f = malloc((size_t)max * sizeof *f);
	if (!f)
		return nomem(rd);
	int n = split(line, ',', f, max);
	/* A trailing comma leaves an empty last field; drop it. */
	while (n > 0 && !*f[n - 1])
		n--;
	ov_status st = read_fields(rd, sec, f, n);
	free(f);
	return st;
}

static ov_status read_fields(reader *rd, enum section sec, char **f, int n)
{
	switch (sec) {
	case SEC_HORIZON: return read_horizon(rd, f, n);
	case SEC_SHIFTS: return read_shift(rd, f, n);
	case SEC_STAFF: return read_staff(rd, f, n);
	case SEC_DAYS_OFF: return read_days_off(rd, f, n);
	case SEC_ON: return read_request(rd, f, n, 1);
	case SEC_OFF: return read_request(rd, f, n, 0);
	case SEC_COVER: return read_cover(rd, f, n);
	case SEC_NONE: break;
	}
	return fail(rd, "section", _("data before the first SECTION_ line%s"),
		    "");
}

ov_status rota_parse_cq(const char *text, const char *name,
			rota_problem **out, ov_err *err)
{
	reader rd = {.file = name ? name : "-", .err = err};
	enum section sec = SEC_NONE;
	int shifts_done = 0;
	ov_status st = OV_OK;
	char *copy = ov_strdup(text);

	*out = NULL;
	rd.p = rota_problem_new();
	if (!copy || !rd.p) {
		st = nomem(&rd);
		goto done;
	}
	char *cur = copy;
	for (rd.line = 1; cur; rd.line++) {
		char *nl = strchr(cur, '\n');
		if (nl)
			*nl = '\0';
		char *line = cur;
		cur = nl ? nl + 1 : NULL;
		size_t len = strlen(line);
		if (len && line[len - 1] == '\r')
			line[--len] = '\0';
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		if (!*line)
			continue;
		if (strncmp(line, "SECTION_", 8) == 0) {
			char *z = line + strlen(line);
			while (z > line && (z[-1] == ' ' || z[-1] == '\t'))
				*--z = '\0';
			enum section next = SEC_NONE;
			for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
				if (strcmp(line, sections[i].name) == 0)
					next = sections[i].sec;
			if (next == SEC_NONE) {
				st = fail(&rd, "section",
					  _("unknown section \"%s\""), line);
				goto done;
			}
			if (sec == SEC_SHIFTS && !shifts_done) {
				if ((st = finish_shifts(&rd)))
					goto done;
				shifts_done = 1;
			}
			if (next != SEC_HORIZON && !rd.p->n_days) {
				st = fail(&rd, "horizon",
					  _("SECTION_HORIZON must come first%s"),
					  "");
				goto done;
			}
			if (next == SEC_SHIFTS && rd.p->n_shifts) {
				st = fail(&rd, "section",
					  _("SECTION_SHIFTS given twice%s"), "");
				goto done;
			}
			if (next > SEC_SHIFTS && !shifts_done) {
				st = fail(&rd, "section",
					  _("SECTION_SHIFTS must come before %s"),
					  line);
				goto done;
			}
			sec = next;
			continue;
		}
		if ((st = read_line(&rd, sec, line)))
			goto done;
	}
	rd.line = 0;
	if (sec == SEC_SHIFTS && !shifts_done && (st = finish_shifts(&rd)))
		goto done;
	if (!rd.p->n_days) {
		st = fail(&rd, "horizon", _("SECTION_HORIZON is missing%s"), "");
		goto done;
	}
	if (!rd.p->n_shifts) {
		st = fail(&rd, "shifts", _("SECTION_SHIFTS is missing%s"), "");
		goto done;
	}
	if (!rd.p->n_employees) {
		st = fail(&rd, "staff", _("SECTION_STAFF is missing%s"), "");
		goto done;
	}
	const char *base = strrchr(rd.file, '/');
	base = base ? base + 1 : rd.file;
	if (!(rd.p->name = ov_strdup(base))) {
		st = nomem(&rd);
		goto done;
	}
	char *dot = strrchr(rd.p->name, '.');
	if (dot && dot != rd.p->name)
		*dot = '\0';
	*out = rd.p;
	rd.p = NULL;
done:
	if (rd.succ_text)
		for (int s = 0; s < rd.cap_text; s++)
			free(rd.succ_text[s]);
	free(rd.succ_text);
	free(rd.succ_line);
	rota_problem_free(rd.p);
	free(copy);
	return st;
}

ov_status rota_read_cq(const char *path, rota_problem **out, ov_err *err)
{
	*out = NULL;
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return OV_FAIL_AT(err, errno == ENOENT ? OV_E_NOTFOUND : OV_E_IO,
				  path, 0, "", "%s: %s", path, strerror(errno));
	ov_buf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		if (ov_buf_add(&b, chunk, n) != 0) {
			fclose(fp);
			ov_buf_free(&b);
			return OV_FAIL(err, OV_E_NOMEM, "", "%s",
				       _("out of memory"));
		}
	int bad = ferror(fp);
	fclose(fp);
	if (bad) {
		ov_buf_free(&b);
		return OV_FAIL_AT(err, OV_E_IO, path, 0, "", "%s: %s", path,
				  _("could not read the file"));
	}
	if (b.len && memchr(b.data, '\0', b.len)) {
		ov_buf_free(&b);
		return OV_FAIL_AT(err, OV_E_INPUT, path, 0, "", "%s: %s", path,
				  _("not a text file"));
	}
	/* Ids end up as JSON keys and in exports, which need UTF-8. */
	size_t at = ov_utf8_check(b.data, b.len);
	if (at < b.len) {
		int line = 1;
		for (size_t i = 0; i < at; i++)
			line += b.data[i] == '\n';
		ov_buf_free(&b);
		return OV_FAIL_AT(err, OV_E_INPUT, path, line, "", "%s: %s", path,
				  _("the text is not UTF-8"));
	}
	ov_status st = rota_parse_cq(ov_buf_str(&b), path, out, err);
	ov_buf_free(&b);
	return st;
}
