/*
 * routes_read.c - readers for the vehicle-routing benchmark layouts:
 * VRPLIB CVRPTW (`KEY : value` header, then NODE_COORD_SECTION,
 * DEMAND_SECTION, TIME_WINDOW_SECTION, optionally SERVICE_TIME_SECTION,
 * DEPOT_SECTION, EOF) and Solomon's original text (a name, a VEHICLE
 * block with number and capacity, a CUSTOMER table of number, x, y,
 * demand, ready time, due date, service time; customer 0 the depot).
 * Hand-written: no Debian library reads either layout. Every error
 * names the file, the line and the field; CRLF line ends are taken.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "routes/routes.h"

#define MAX_TOKENS 16

typedef struct {
	const char *path;
	FILE *f;
	char *raw;  /* the line as read */
	size_t cap;
	char *work; /* its copy, cut into the tokens */
	size_t cap_work;
	int line;
	ov_err *err;
	char *tok[MAX_TOKENS];
	int ntok;
} lexer;

/* Cuts the current line into tokens at blanks (and at ':' when colon is
 * set). Returns 0, or -1 on allocation failure. */
static int tokenize(lexer *lx, int colon)
{
	size_t n = strlen(lx->raw) + 1;
	if (n > lx->cap_work) {
		char *w = realloc(lx->work, n);
		if (!w)
			return -1;
		lx->work = w;
		lx->cap_work = n;
	}
	memcpy(lx->work, lx->raw, n);
	lx->ntok = 0;
	for (char *c = lx->work; *c;) {
		while (*c && (isspace((unsigned char)*c) || (colon && *c == ':')))
			*c++ = '\0';
		if (!*c)
			break;
		if (lx->ntok < MAX_TOKENS)
			lx->tok[lx->ntok++] = c;
		while (*c && !isspace((unsigned char)*c) && !(colon && *c == ':'))
			c++;
	}
	return 0;
}

/* Next line, cut as tokenize does; returns 0, or -1 at the end of the
 * file (or when memory runs out, which ends the file early and is
 * reported as such by the caller's checks). */
static int next_line(lexer *lx, int colon)
{
	if (getline(&lx->raw, &lx->cap, lx->f) < 0)
		return -1;
	lx->line++;
	return tokenize(lx, colon);
}

static ov_status bad(lexer *lx, const char *field, const char *msg,
		     const char *arg)
{
	return OV_FAIL_AT(lx->err, OV_E_INPUT, lx->path, lx->line, field, msg,
			  arg ? arg : "");
}

/* A finite number in [lo, hi]. */
static ov_status number(lexer *lx, const char *text, const char *field,
			double lo, double hi, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(text, &end);
	if (end == text || *end || errno || !isfinite(v) || v < lo || v > hi)
		return bad(lx, field, _("expected a number, got \"%s\""), text);
	*out = v;
	return OV_OK;
}

static ov_status whole(lexer *lx, const char *text, const char *field,
		       int lo, int hi, int *out)
{
	double v;
	ov_status s = number(lx, text, field, lo, hi, &v);
	if (s)
		return s;
	if (v != floor(v))
		return bad(lx, field, _("expected a whole number, got \"%s\""),
			   text);
	*out = (int)v;
	return OV_OK;
}

static char *dup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

/* Visit ids are Solomon's customer numbers: node k is customer k. */
static ov_status name_nodes(routes_problem *p, ov_err *err)
{
	for (int i = 0; i <= p->n_visits; i++) {
		char id[16];
		snprintf(id, sizeof id, "%d", i);
		if (!(p->nodes[i].id = dup(id)))
			return OV_FAIL(err, OV_E_NOMEM, "", "%s",
				       _("out of memory"));
	}
	return OV_OK;
}

enum { SEC_COORD, SEC_DEMAND, SEC_WINDOW, SEC_SERVICE, SEC_N };

static const char *const sec_names[SEC_N] = {
	"NODE_COORD_SECTION", "DEMAND_SECTION", "TIME_WINDOW_SECTION",
	"SERVICE_TIME_SECTION"};

/* One row "node values..." of a VRPLIB section with `want` values. */
static ov_status vrplib_row(lexer *lx, routes_problem *p, int sec, int want,
			    unsigned char *seen)
{
	const char *field = sec_names[sec];
	if (lx->ntok != want + 1)
		return bad(lx, field,
			   _("expected a node number and its values, got "
			     "\"%s\""),
			   lx->ntok ? lx->tok[0] : "");
	int node;
	ov_status s = whole(lx, lx->tok[0], field, 1, p->n_visits + 1, &node);
	if (s)
		return s;
	if (seen[(size_t)(node - 1) * SEC_N + (size_t)sec])
		return bad(lx, field, _("node %s is listed twice"), lx->tok[0]);
	seen[(size_t)(node - 1) * SEC_N + (size_t)sec] = 1;
	routes_visit *v = &p->nodes[node - 1];
	double a, b = 0;
	if ((s = number(lx, lx->tok[1], field, -1e9, 1e9, &a)) ||
	    (want > 1 && (s = number(lx, lx->tok[2], field, -1e9, 1e9, &b))))
		return s;
	switch (sec) {
	case SEC_COORD:
		v->x = a;
		v->y = b;
		break;
	case SEC_DEMAND:
		if (a < 0 || a != floor(a) || a > 1e9)
			return bad(lx, field,
				   _("expected a whole number, got \"%s\""),
				   lx->tok[1]);
		v->demand = (int)a;
		break;
	case SEC_WINDOW:
		if (a > b)
			return bad(lx, field,
				   _("node %s: its time window closes before "
				     "it opens"),
				   lx->tok[0]);
		v->ready = a;
		v->due = b;
		break;
	default:
		if (a < 0)
			return bad(lx, field, _("expected a number, got \"%s\""),
				   lx->tok[1]);
		v->service = a;
	}
	return OV_OK;
}

static ov_status read_vrplib(lexer *lx, routes_problem **out)
{
	int dim = -1, vehicles = -1, capacity = -1, sec = -1;
	double service = 0;
	char *name = NULL;
	unsigned char *seen = NULL;
	routes_problem *p = NULL;
	ov_status s = OV_OK;
	int have[SEC_N] = {0};
	/* The first line is already split (with colons). */
	do {
		if (lx->ntok == 0)
			continue;
		const char *k = lx->tok[0];
		if (!strcmp(k, "EOF"))
			break;
		int is_sec = -1;
		for (int i = 0; i < SEC_N; i++)
			if (!strcmp(k, sec_names[i]))
				is_sec = i;
		if (is_sec >= 0 || !strcmp(k, "DEPOT_SECTION")) {
			if (dim < 0) {
				s = bad(lx, "DIMENSION", "%s",
					_("DIMENSION must come before the "
					  "sections"));
				break;
			}
			if (!p) {
				if (capacity < 0) {
					s = bad(lx, "CAPACITY", "%s",
						_("CAPACITY must come before "
						  "the sections"));
					break;
				}
				p = routes_problem_new(dim - 1);
				seen = calloc((size_t)dim * SEC_N, 1);
				if (!p || !seen) {
					s = OV_FAIL(lx->err, OV_E_NOMEM, "",
						    "%s", _("out of memory"));
					break;
				}
				p->n_vehicles = vehicles > 0 ? vehicles : dim - 1;
				p->capacity = capacity;
				p->name = name;
				name = NULL;
				for (int i = 1; i <= p->n_visits; i++)
					p->nodes[i].service = service;
			}
			sec = is_sec >= 0 ? is_sec : SEC_N;
			if (is_sec >= 0)
				have[is_sec] = 1;
			continue;
		}
		if (sec == SEC_N) {
			/* DEPOT_SECTION: node 1, then -1. */
			if (!strcmp(k, "-1"))
				sec = -1;
			else if (strcmp(k, "1") != 0) {
				s = bad(lx, "DEPOT_SECTION",
					_("only node 1 can be the depot, got "
					  "\"%s\""),
					k);
				break;
			}
			continue;
		}
		if (sec >= 0 && (isdigit((unsigned char)k[0]) || k[0] == '-')) {
			if ((s = vrplib_row(lx, p, sec, sec == SEC_COORD ||
							  sec == SEC_WINDOW
						  ? 2
						  : 1,
					    seen)))
				break;
			continue;
		}
		sec = -1;
		if (lx->ntok < 2) {
			s = bad(lx, k, _("expected \"%s : value\""), k);
			break;
		}
		const char *v = lx->tok[1];
		if (!strcmp(k, "NAME")) {
			free(name);
			name = dup(v);
		} else if (!strcmp(k, "DIMENSION")) {
			s = whole(lx, v, k, 1, 1000000, &dim);
		} else if (!strcmp(k, "VEHICLES")) {
			s = whole(lx, v, k, 1, 1000000, &vehicles);
		} else if (!strcmp(k, "CAPACITY")) {
			s = whole(lx, v, k, 0, 1000000000, &capacity);
		} else if (!strcmp(k, "SERVICE_TIME")) {
			s = number(lx, v, k, 0, 1e9, &service);
		} else if (!strcmp(k, "EDGE_WEIGHT_TYPE")) {
			if (strcmp(v, "EUC_2D") != 0)
				s = bad(lx, k,
					_("only EUC_2D distances are read, "
					  "got \"%s\""),
					v);
		} else if (!strcmp(k, "TYPE")) {
			if (strcmp(v, "CVRPTW") != 0 && strcmp(v, "VRPTW") != 0)
				s = bad(lx, k,
					_("expected TYPE CVRPTW, got \"%s\""),
					v);
		}
		/* Other keys (COMMENT, ...) carry nothing the solver needs. */
		if (s)
			break;
	} while (next_line(lx, 1) == 0);
	if (!s && !p)
		s = bad(lx, "NODE_COORD_SECTION", "%s",
			_("the file has no node sections"));
	for (int i = 0; !s && i < SEC_WINDOW + 1; i++)
		if (!have[i])
			s = bad(lx, sec_names[i], _("%s is missing"),
				sec_names[i]);
	for (int i = 0; !s && i < dim; i++)
		for (int j = 0; j < SEC_WINDOW + 1 && !s; j++)
			if (!seen[(size_t)i * SEC_N + (size_t)j]) {
				char n[16];
				snprintf(n, sizeof n, "%d", i + 1);
				s = bad(lx, sec_names[j],
					_("node %s has no row in this section"),
					n);
			}
	free(name);
	free(seen);
	if (!s)
		s = name_nodes(p, lx->err);
	if (s) {
		routes_problem_free(p);
		return s;
	}
	p->rounding = ROUTES_ROUND_DIMACS;
	p->objective = ROUTES_MIN_DISTANCE;
	*out = p;
	return OV_OK;
}

/* Skips blank lines; returns -1 at the end of the file. */
static int next_filled(lexer *lx)
{
	while (next_line(lx, 0) == 0)
		if (lx->ntok > 0)
			return 0;
	return -1;
}

static ov_status read_solomon(lexer *lx, routes_problem **out)
{
	ov_status s;
	char *name = dup(lx->tok[0]);
	int vehicles = 0, capacity = 0;
	if (next_filled(lx) || strcmp(lx->tok[0], "VEHICLE") != 0) {
		free(name);
		return bad(lx, "VEHICLE", "%s",
			   _("expected the VEHICLE block after the name"));
	}
	/* The header (NUMBER CAPACITY), then the two numbers. */
	if (next_filled(lx) || next_filled(lx) || lx->ntok != 2) {
		free(name);
		return bad(lx, "VEHICLE", "%s",
			   _("expected the number of vehicles and their "
			     "capacity"));
	}
	if ((s = whole(lx, lx->tok[0], "NUMBER", 1, 1000000, &vehicles)) ||
	    (s = whole(lx, lx->tok[1], "CAPACITY", 0, 1000000000, &capacity))) {
		free(name);
		return s;
	}
	if (next_filled(lx) || strcmp(lx->tok[0], "CUSTOMER") != 0) {
		free(name);
		return bad(lx, "CUSTOMER", "%s",
			   _("expected the CUSTOMER table after VEHICLE"));
	}
	static const char *const cols[7] = {"CUST NO.", "XCOORD.",
					    "YCOORD.", "DEMAND",
					    "READY TIME", "DUE DATE",
					    "SERVICE TIME"};
	routes_visit *rows = NULL;
	int n = 0, cap = 0;
	s = OV_OK;
	while (next_filled(lx) == 0) {
		/* Header words before the first row. */
		if (n == 0 && !isdigit((unsigned char)lx->tok[0][0]))
			continue;
		if (lx->ntok != 7) {
			s = bad(lx, "CUSTOMER",
				_("expected 7 numbers in a customer row, got "
				  "\"%s\""),
				lx->tok[0]);
			break;
		}
		int no;
		double v[6];
		if ((s = whole(lx, lx->tok[0], cols[0], 0, 1000000, &no)))
			break;
		for (int i = 0; i < 6 && !s; i++)
			s = number(lx, lx->tok[i + 1], cols[i + 1], -1e9, 1e9,
				   &v[i]);
		if (s)
			break;
		if (no != n) {
			char want[16];
			snprintf(want, sizeof want, "%d", n);
			s = bad(lx, cols[0],
				_("customers must be numbered 0, 1, 2, ... in "
				  "order; expected %s"),
				want);
			break;
		}
		if (v[2] < 0 || v[2] != floor(v[2]) || v[5] < 0) {
			s = bad(lx, v[2] < 0 || v[2] != floor(v[2]) ? cols[3]
								    : cols[6],
				_("expected a number, got \"%s\""),
				lx->tok[v[2] < 0 || v[2] != floor(v[2]) ? 3 : 6]);
			break;
		}
		if (v[3] > v[4]) {
			s = bad(lx, cols[5],
				_("node %s: its time window closes before it "
				  "opens"),
				lx->tok[0]);
			break;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 128;
			routes_visit *q = realloc(rows, (size_t)cap * sizeof *q);
			if (!q) {
				s = OV_FAIL(lx->err, OV_E_NOMEM, "", "%s",
					    _("out of memory"));
				break;
			}
			rows = q;
		}
		rows[n++] = (routes_visit){.x = v[0], .y = v[1],
					   .demand = (int)v[2], .ready = v[3],
					   .due = v[4], .service = v[5]};
	}
	routes_problem *p = NULL;
	if (!s && n == 0)
		s = bad(lx, "CUSTOMER", "%s",
			_("the CUSTOMER table has no rows"));
	if (!s && !(p = routes_problem_new(n - 1)))
		s = OV_FAIL(lx->err, OV_E_NOMEM, "", "%s", _("out of memory"));
	if (!s) {
		memcpy(p->nodes, rows, (size_t)n * sizeof *rows);
		p->name = name;
		name = NULL;
		p->n_vehicles = vehicles;
		p->capacity = capacity;
		p->rounding = ROUTES_ROUND_NONE;
		p->objective = ROUTES_MIN_VEHICLES;
		s = name_nodes(p, lx->err);
	}
	free(rows);
	free(name);
	if (s) {
		routes_problem_free(p);
		return s;
	}
	*out = p;
	return OV_OK;
}

ov_status routes_read(const char *path, routes_problem **out, ov_err *err)
{
	*out = NULL;
	lexer lx = {.path = path, .err = err};
	if (!(lx.f = fopen(path, "r")))
		return OV_FAIL_AT(err, OV_E_IO, path, 0, "", "%s: %s",
				  _("cannot open the file"), strerror(errno));
	ov_status s;
	/* The first filled line tells the layouts apart: VRPLIB opens with
	 * `KEY : value`, Solomon's text with the bare instance name. */
	int r;
	while ((r = next_line(&lx, 0)) == 0 && lx.ntok == 0)
		;
	if (r) {
		s = OV_FAIL_AT(err, OV_E_INPUT, path, lx.line, "", "%s",
			       _("the file is empty"));
	} else if (strchr(lx.raw, ':') || lx.ntok > 1) {
		if (tokenize(&lx, 1))
			s = OV_FAIL(err, OV_E_NOMEM, "", "%s", _("out of memory"));
		else
			s = read_vrplib(&lx, out);
	} else {
		s = read_solomon(&lx, out);
	}
	if (!s && ferror(lx.f))
		s = OV_FAIL_AT(err, OV_E_IO, path, lx.line, "", "%s",
			       _("the file could not be read"));
	fclose(lx.f);
	free(lx.raw);
	free(lx.work);
	if (!s && (s = routes_problem_matrix(*out, err)) == OV_OK)
		s = routes_problem_validate(*out, err);
	if (s) {
		routes_problem_free(*out);
		*out = NULL;
	}
	return s;
}
