/*
 * routes_matrix.c - travel times from a road router instead of the
 * great-circle estimate: reads a CSV of `from,to,minutes` rows (what a
 * router such as OSRM's table service gives, flattened) keyed by node
 * ids, and puts each time on every pair of nodes with those ids. A node
 * id may stand for several nodes (a recipient with two visits; the
 * office and the breaks taken there). Pairs the file does not give keep
 * the time they had; ids the problem does not have are skipped (a
 * municipality's matrix covers every recipient, a day only some).
 *
 * Written by hand: the format is three plain fields per line, and
 * libcsv is not packaged for this machine; quoted fields are not
 * accepted, and the error says so.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "routes/routes.h"

/* Splits line (modified) into at most 3 comma-separated fields, each
 * trimmed of blanks and a trailing CR; returns how many there were. */
static int fields(char *line, char *f[3])
{
	int n = 0;
	char *p = line;
	for (;;) {
		char *comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		char *e = p + strlen(p);
		while (e > p && (e[-1] == ' ' || e[-1] == '\t' ||
				 e[-1] == '\r' || e[-1] == '\n'))
			*--e = '\0';
		if (n < 3)
			f[n] = p;
		n++;
		if (!comma)
			return n;
		p = comma + 1;
	}
}

/* Every node whose id is `id`, into out (room for n_visits + 1). */
static int nodes_with(const routes_problem *p, const char *id, int *out)
{
	int k = 0;
	for (int i = 0; i <= p->n_visits; i++)
		if (p->nodes[i].id && !strcmp(p->nodes[i].id, id))
			out[k++] = i;
	return k;
}

ov_status routes_matrix_read(const char *path, routes_problem *p,
			     int *applied, ov_err *err)
{
	*applied = 0;
	FILE *f = fopen(path, "r");
	if (!f)
		return OV_FAIL_AT(err, OV_E_INPUT, path, 0, "", "%s",
				  _("cannot open the file"));
	size_t n = (size_t)p->n_visits + 1;
	int *from = malloc(n * sizeof *from), *to = malloc(n * sizeof *to);
	double *t = malloc(n * n * sizeof *t);
	if (!from || !to || !t) {
		free(from);
		free(to);
		free(t);
		fclose(f);
		return OV_FAIL(err, OV_E_NOMEM, "", "%s", _("out of memory"));
	}
	/* work on a copy: a bad line leaves the problem as it was */
	memcpy(t, p->travel, n * n * sizeof *t);
	char *line = NULL;
	size_t cap = 0;
	long lineno = 0;
	ov_status rc = OV_OK;
	while (rc == OV_OK && getline(&line, &cap, f) >= 0) {
		lineno++;
		char *fl[3];
		int nf = fields(line, fl);
		if (nf == 1 && !fl[0][0])
			continue; /* blank line */
		if (nf != 3 || strchr(line, '"')) {
			rc = OV_FAIL_AT(err, OV_E_INPUT, path, lineno, "",
					_("expected three plain fields, from,to,"
					  "minutes; got %d"),
					nf);
			break;
		}
		char *end;
		errno = 0;
		double minutes = strtod(fl[2], &end);
		if (lineno == 1 && !strcmp(fl[0], "from") &&
		    !strcmp(fl[1], "to"))
			continue; /* the header line */
		if (end == fl[2] || *end || errno || !isfinite(minutes) ||
		    minutes < 0) {
			rc = OV_FAIL_AT(err, OV_E_INPUT, path, lineno,
					"minutes",
					_("'%s' is not a travel time in minutes"),
					fl[2]);
			break;
		}
		int nfrom = nodes_with(p, fl[0], from);
		int nto = nodes_with(p, fl[1], to);
		for (int a = 0; a < nfrom; a++)
			for (int b = 0; b < nto; b++)
				if (from[a] != to[b]) {
					t[(size_t)from[a] * n + (size_t)to[b]] =
						minutes;
					(*applied)++;
				}
	}
	if (rc == OV_OK && ferror(f))
		rc = OV_FAIL_AT(err, OV_E_INPUT, path, lineno, "", "%s",
				_("the file could not be read"));
	if (rc == OV_OK)
		memcpy(p->travel, t, n * n * sizeof *t);
	free(line);
	free(from);
	free(to);
	free(t);
	fclose(f);
	return rc;
}
