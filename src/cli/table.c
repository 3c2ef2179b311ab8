/*
 * table.c - plain-text tables with aligned columns for people reading a
 * terminal (commands print JSON instead with --json).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_str.h"
#include "cli.h"

struct cli_table {
	int ncols;
	char **cells; /* row-major, owned */
	size_t ncells, cap;
	int *right;   /* per column: right-aligned */
	size_t *rules; /* rows after which a rule is drawn */
	size_t nrules;
};

cli_table *cli_table_new(int ncols, const char *const *headers)
{
	cli_table *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->ncols = ncols;
	t->right = calloc((size_t)ncols, sizeof *t->right);
	if (!t->right) {
		free(t);
		return NULL;
	}
	for (int i = 0; i < ncols; i++)
		cli_table_cell(t, "%s", headers[i]);
	cli_table_rule(t);
	return t;
}

void cli_table_right(cli_table *t, int col)
{
	if (col >= 0 && col < t->ncols)
		t->right[col] = 1;
}

void cli_table_cell(cli_table *t, const char *fmt, ...)
{
	if (t->ncells == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		char **p = realloc(t->cells, cap * sizeof *p);
		if (!p)
			return;
		t->cells = p;
		t->cap = cap;
	}
	ov_buf b = OV_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	ov_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	t->cells[t->ncells++] = b.data ? b.data : ov_strdup("");
}

void cli_table_rule(cli_table *t)
{
	size_t *p = realloc(t->rules, (t->nrules + 1) * sizeof *p);
	if (!p)
		return;
	t->rules = p;
	t->rules[t->nrules++] = t->ncells / (size_t)t->ncols;
}

static void pad(FILE *out, size_t n)
{
	while (n--)
		fputc(' ', out);
}

void cli_table_print(const cli_table *t, FILE *out)
{
	size_t nrows = t->ncells / (size_t)t->ncols;
	size_t *w = calloc((size_t)t->ncols, sizeof *w);
	if (!w)
		return;
	for (size_t i = 0; i < nrows * (size_t)t->ncols; i++) {
		size_t cw = ov_utf8_width(t->cells[i]);
		if (cw > w[i % (size_t)t->ncols])
			w[i % (size_t)t->ncols] = cw;
	}
	size_t total = 0;
	for (int c = 0; c < t->ncols; c++)
		total += w[c] + (c ? 2 : 0);
	size_t next_rule = 0;
	for (size_t r = 0; r <= nrows; r++) {
		while (next_rule < t->nrules && t->rules[next_rule] == r) {
			if (r > 0 && r < nrows + 1) {
				for (size_t k = 0; k < total; k++)
					fputs("─", out);
				fputc('\n', out);
			}
			next_rule++;
		}
		if (r == nrows)
			break;
		/* Blanks are only written before something visible, so no
		 * line ends in spaces when its last cells are empty. */
		size_t owed = 0;
		for (int c = 0; c < t->ncols; c++) {
			const char *s = t->cells[r * (size_t)t->ncols + (size_t)c];
			size_t gap = w[c] - ov_utf8_width(s);
			if (c)
				owed += 2;
			if (t->right[c])
				owed += gap;
			if (*s) {
				pad(out, owed);
				fputs(s, out);
				owed = 0;
			}
			if (!t->right[c])
				owed += gap;
		}
		fputc('\n', out);
	}
	free(w);
}

void cli_table_free(cli_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->right);
	free(t->rules);
	free(t);
}
