/*
 * test_rota_cq.c - the Curtois & Qu reader: the benchmark instances in
 * tests/rota/data parse to what the files say, CRLF and LF give the same
 * problem, comments and blank lines are ignored, and every malformed line
 * is an OV_E_INPUT naming the file, the exact line and the field. Also
 * rota_problem_validate on the instances and on hand-broken problems.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rota/rota.h"
#include "support/support.h"

/* A file of tests/rota/data (owned). */
static char *data_path(const char *name)
{
	return repo_file("tests/rota/data", name);
}

static rota_problem *read_ok(const char *name)
{
	char *path = data_path(name);
	rota_problem *p = NULL;
	ov_err e;
	ov_status st = rota_read_cq(path, &p, &e);
	if (st != OV_OK)
		fail_msg("%s: %s", path, e.msg);
	free(path);
	assert_non_null(p);
	return p;
}

static rota_problem *parse_ok(const char *text, const char *name)
{
	rota_problem *p = NULL;
	ov_err e;
	if (rota_parse_cq(text, name, &p, &e) != OV_OK)
		fail_msg("%s: %s", name, e.msg);
	assert_non_null(p);
	return p;
}

/* The whole file as a string (owned). */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

/* text with every "\n" turned into "\r\n" (owned). */
static char *to_crlf(const char *text)
{
	size_t n = strlen(text), k = 0;
	char *s = malloc(2 * n + 1);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\n')
			s[k++] = '\r';
		s[k++] = text[i];
	}
	s[k] = '\0';
	return s;
}

/* text with every "\r\n" turned into "\n" (owned). */
static char *to_lf(const char *text)
{
	size_t n = strlen(text), k = 0;
	char *s = malloc(n + 1);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		if (!(text[i] == '\r' && text[i + 1] == '\n'))
			s[k++] = text[i];
	s[k] = '\0';
	return s;
}

/* text with its 1-based line `line` replaced by `with` (owned). */
static char *replace_line(const char *text, int line, const char *with)
{
	const char *a = text;
	for (int l = 1; l < line; l++) {
		a = strchr(a, '\n');
		assert_non_null(a);
		a++;
	}
	const char *z = strchr(a, '\n');
	if (!z)
		z = a + strlen(a);
	size_t n = (size_t)(a - text) + strlen(with) + strlen(z) + 1;
	char *s = malloc(n);
	assert_non_null(s);
	snprintf(s, n, "%.*s%s%s", (int)(a - text), text, with, z);
	return s;
}

/* Fails unless a and b are the same problem, field by field. */
static void assert_same_problem(const rota_problem *a, const rota_problem *b)
{
	assert_int_equal(a->n_days, b->n_days);
	assert_int_equal(a->n_shifts, b->n_shifts);
	assert_int_equal(a->n_employees, b->n_employees);
	assert_int_equal(a->n_requests, b->n_requests);
	assert_int_equal(a->n_cover, b->n_cover);
	for (int s = 0; s < a->n_shifts; s++) {
		const rota_shift *x = &a->shifts[s], *y = &b->shifts[s];
		assert_string_equal(x->id, y->id);
		assert_int_equal(x->length, y->length);
		assert_int_equal(x->start, y->start);
		assert_int_equal(x->category, y->category);
		assert_memory_equal(x->forbidden_next, y->forbidden_next,
				    (size_t)a->n_shifts);
	}
	for (int e = 0; e < a->n_employees; e++) {
		const rota_employee *x = &a->employees[e], *y = &b->employees[e];
		assert_string_equal(x->id, y->id);
		assert_int_equal(x->skills, y->skills);
		assert_memory_equal(x->max_shifts, y->max_shifts,
				    (size_t)a->n_shifts * sizeof(int));
		assert_int_equal(x->max_minutes, y->max_minutes);
		assert_int_equal(x->min_minutes, y->min_minutes);
		assert_int_equal(x->max_consecutive, y->max_consecutive);
		assert_int_equal(x->min_consecutive, y->min_consecutive);
		assert_int_equal(x->min_days_off, y->min_days_off);
		assert_int_equal(x->max_weekends, y->max_weekends);
		assert_memory_equal(x->day_off, y->day_off, (size_t)a->n_days);
		assert_int_equal(x->fte_permille, y->fte_permille);
	}
	for (int i = 0; i < a->n_requests; i++) {
		const rota_request *x = &a->requests[i], *y = &b->requests[i];
		assert_int_equal(x->employee, y->employee);
		assert_int_equal(x->day, y->day);
		assert_int_equal(x->shift, y->shift);
		assert_int_equal(x->weight, y->weight);
		assert_int_equal(x->on, y->on);
	}
	for (int i = 0; i < a->n_cover; i++) {
		const rota_cover *x = &a->cover[i], *y = &b->cover[i];
		assert_int_equal(x->day, y->day);
		assert_int_equal(x->shift, y->shift);
		assert_int_equal(x->skills, y->skills);
		assert_int_equal(x->need, y->need);
		assert_int_equal(x->under_weight, y->under_weight);
		assert_int_equal(x->over_weight, y->over_weight);
	}
	assert_memory_equal(&a->law, &b->law, sizeof a->law);
}

static void test_instance1(void **state)
{
	(void)state;
	rota_problem *p = read_ok("Instance1.txt");
	assert_string_equal(p->name, "Instance1");
	assert_int_equal(p->n_days, 14);
	assert_int_equal(p->n_shifts, 1);
	assert_string_equal(p->shifts[0].id, "D");
	assert_int_equal(p->shifts[0].length, 480);
	assert_int_equal(p->shifts[0].start, -1);
	assert_int_equal(p->shifts[0].forbidden_next[0], 0);
	assert_memory_equal(&p->law, &(rota_law){0}, sizeof p->law);

	assert_int_equal(p->n_employees, 8);
	/* Each employee has exactly one fixed day off, at these days. */
	static const int off[8] = {0, 5, 8, 2, 9, 5, 1, 7};
	for (int e = 0; e < 8; e++) {
		const rota_employee *em = &p->employees[e];
		char id[2] = {(char)('A' + e), 0};
		assert_string_equal(em->id, id);
		assert_int_equal(rota_employee_index(p, id), e);
		assert_int_equal(em->max_shifts[0], 14);
		assert_int_equal(em->max_minutes, 4320);
		assert_int_equal(em->min_minutes, 3360);
		assert_int_equal(em->max_consecutive, 5);
		assert_int_equal(em->min_consecutive, 2);
		assert_int_equal(em->min_days_off, 2);
		assert_int_equal(em->max_weekends, 1);
		assert_int_equal(em->skills, 0);
		for (int d = 0; d < 14; d++)
			assert_int_equal(em->day_off[d], d == off[e]);
	}

	assert_int_equal(p->n_requests, 26);
	int n_on = 0, n_off = 0, w_on = 0, w_off = 0;
	for (int i = 0; i < p->n_requests; i++) {
		const rota_request *q = &p->requests[i];
		assert_int_equal(q->shift, 0);
		if (q->on)
			n_on++, w_on += q->weight;
		else
			n_off++, w_off += q->weight;
	}
	assert_int_equal(n_on, 21);
	assert_int_equal(n_off, 5);
	assert_int_equal(w_on, 37);
	assert_int_equal(w_off, 11);
	/* The first on-request is A,2,D,2; the last off-request H,3,D,3. */
	assert_int_equal(p->requests[0].employee, 0);
	assert_int_equal(p->requests[0].day, 2);
	assert_int_equal(p->requests[0].weight, 2);
	assert_int_equal(p->requests[0].on, 1);
	const rota_request *last = &p->requests[25];
	assert_int_equal(last->employee, 7);
	assert_int_equal(last->day, 3);
	assert_int_equal(last->weight, 3);
	assert_int_equal(last->on, 0);

	assert_int_equal(p->n_cover, 14);
	static const int need[14] = {5, 7, 6, 4, 5, 5, 5, 6, 7, 4, 2, 5, 6, 4};
	for (int d = 0; d < 14; d++) {
		const rota_cover *c = &p->cover[d];
		assert_int_equal(c->day, d);
		assert_int_equal(c->shift, 0);
		assert_int_equal(c->skills, 0);
		assert_int_equal(c->need, need[d]);
		assert_int_equal(c->under_weight, 100);
		assert_int_equal(c->over_weight, 1);
	}
	ov_err e;
	assert_int_equal(rota_problem_validate(p, &e), OV_OK);
	rota_problem_free(p);
}

static void test_successions_resolved(void **state)
{
	(void)state;
	/* Instance2: E, L; L may not be followed by E. */
	rota_problem *p = read_ok("Instance2.txt");
	assert_string_equal(p->name, "Instance2");
	assert_int_equal(p->n_days, 14);
	assert_int_equal(p->n_shifts, 2);
	int E = rota_shift_index(p, "E"), L = rota_shift_index(p, "L");
	assert_int_equal(E, 0);
	assert_int_equal(L, 1);
	assert_int_equal(p->shifts[L].forbidden_next[E], 1);
	assert_int_equal(p->shifts[L].forbidden_next[L], 0);
	assert_int_equal(p->shifts[E].forbidden_next[E], 0);
	assert_int_equal(p->shifts[E].forbidden_next[L], 0);
	assert_int_equal(p->n_employees, 14);
	/* D,E=14|L=0,... and K,E=0|L=14,2160,1200,5,1,1,1 */
	int D = rota_employee_index(p, "D"), K = rota_employee_index(p, "K");
	assert_int_equal(p->employees[D].max_shifts[E], 14);
	assert_int_equal(p->employees[D].max_shifts[L], 0);
	assert_int_equal(p->employees[K].max_shifts[E], 0);
	assert_int_equal(p->employees[K].max_shifts[L], 14);
	assert_int_equal(p->employees[K].max_minutes, 2160);
	assert_int_equal(p->employees[K].min_minutes, 1200);
	assert_int_equal(p->employees[K].min_consecutive, 1);
	assert_int_equal(p->employees[K].min_days_off, 1);
	assert_string_equal(p->employees[13].id, "N");
	ov_err e;
	assert_int_equal(rota_problem_validate(p, &e), OV_OK);
	rota_problem_free(p);

	/* Instance3: E, D, L; D forbids E next; L forbids E and D. */
	p = read_ok("Instance3.txt");
	assert_int_equal(p->n_shifts, 3);
	assert_int_equal(p->n_employees, 20);
	static const unsigned char want[3][3] = {
		{0, 0, 0}, /* E */
		{1, 0, 0}, /* D */
		{1, 1, 0}, /* L */
	};
	const char *ids[3] = {"E", "D", "L"};
	for (int s = 0; s < 3; s++) {
		assert_string_equal(p->shifts[s].id, ids[s]);
		assert_memory_equal(p->shifts[s].forbidden_next, want[s], 3);
	}
	assert_int_equal(rota_problem_validate(p, &e), OV_OK);
	rota_problem_free(p);
}

/* A small instance; the error cases below replace one of its lines. */
static const char tiny[] =
	"# tiny\n"                       /* 1 */
	"SECTION_HORIZON\n"              /* 2 */
	"7\n"                            /* 3 */
	"\n"                             /* 4 */
	"SECTION_SHIFTS\n"               /* 5 */
	"D,480,\n"                       /* 6 */
	"N,600,D\n"                      /* 7 */
	"\n"                             /* 8 */
	"SECTION_STAFF\n"                /* 9 */
	"A,D=7|N=3,2880,0,5,1,1,2\n"     /* 10 */
	"B,D=7,2880,0,5,1,1,2\n"         /* 11 */
	"\n"                             /* 12 */
	"SECTION_DAYS_OFF\n"             /* 13 */
	"A,0,1\n"                        /* 14 */
	"\n"                             /* 15 */
	"SECTION_SHIFT_ON_REQUESTS\n"    /* 16 */
	"B,2,D,2\n"                      /* 17 */
	"\n"                             /* 18 */
	"SECTION_SHIFT_OFF_REQUESTS\n"   /* 19 */
	"A,3,N,1\n"                      /* 20 */
	"\n"                             /* 21 */
	"SECTION_COVER\n"                /* 22 */
	"0,D,1,100,1\n"                  /* 23 */
	"6,N,2,50,3\n";                  /* 24 */

static void test_tiny(void **state)
{
	(void)state;
	rota_problem *p = parse_ok(tiny, "dir/tiny.txt");
	assert_string_equal(p->name, "tiny");
	assert_int_equal(p->n_days, 7);
	assert_int_equal(p->n_shifts, 2);
	assert_int_equal(p->shifts[1].length, 600);
	assert_int_equal(p->shifts[0].forbidden_next[0], 0);
	assert_int_equal(p->shifts[0].forbidden_next[1], 0);
	assert_int_equal(p->shifts[1].forbidden_next[0], 1);
	assert_int_equal(p->shifts[1].forbidden_next[1], 0);
	/* B names no N limit: unlimited. */
	assert_int_equal(p->employees[0].max_shifts[1], 3);
	assert_int_equal(p->employees[1].max_shifts[0], 7);
	assert_int_equal(p->employees[1].max_shifts[1], ROTA_UNLIMITED);
	assert_int_equal(p->employees[0].min_minutes, 0);
	assert_int_equal(p->employees[0].max_weekends, 2);
	assert_memory_equal(p->employees[0].day_off,
			    ((unsigned char[7]){1, 1, 0, 0, 0, 0, 0}), 7);
	assert_memory_equal(p->employees[1].day_off,
			    ((unsigned char[7]){0}), 7);
	assert_int_equal(p->n_requests, 2);
	assert_int_equal(p->requests[1].employee, 0);
	assert_int_equal(p->requests[1].day, 3);
	assert_int_equal(p->requests[1].shift, 1);
	assert_int_equal(p->requests[1].on, 0);
	assert_int_equal(p->n_cover, 2);
	assert_int_equal(p->cover[1].day, 6);
	assert_int_equal(p->cover[1].shift, 1);
	assert_int_equal(p->cover[1].need, 2);
	assert_int_equal(p->cover[1].under_weight, 50);
	assert_int_equal(p->cover[1].over_weight, 3);
	rota_problem_free(p);

	/* A successor named before it is defined (D forbids N). */
	char *t = replace_line(tiny, 6, "D,480,N");
	p = parse_ok(t, "fwd");
	assert_int_equal(p->shifts[0].forbidden_next[1], 1);
	assert_int_equal(p->shifts[0].forbidden_next[0], 0);
	rota_problem_free(p);
	free(t);
}

static void test_crlf_same_as_lf(void **state)
{
	(void)state;
	char *crlf = to_crlf(tiny);
	rota_problem *a = parse_ok(tiny, "tiny");
	rota_problem *b = parse_ok(crlf, "tiny");
	assert_same_problem(a, b);
	rota_problem_free(b);
	free(crlf);

	/* Each instance as stored (Instance1 has LF, 2 and 3 CRLF), as LF
	 * and as a CRLF file on disk: the same problem. */
	char *dir = tmp_dir();
	assert_non_null(dir);
	const char *names[] = {"Instance1.txt", "Instance2.txt",
			       "Instance3.txt"};
	for (int i = 0; i < 3; i++) {
		char *path = data_path(names[i]);
		char *text = slurp(path);
		char *lf = to_lf(text), *cr = to_crlf(lf);
		assert_null(strchr(lf, '\r'));
		rota_problem *f = read_ok(names[i]);
		rota_problem *x = parse_ok(lf, names[i]);
		assert_same_problem(f, x);
		char *crpath = path_join(dir, names[i]);
		FILE *fp = fopen(crpath, "wb");
		assert_non_null(fp);
		fputs(cr, fp);
		fclose(fp);
		rota_problem *y = NULL;
		ov_err e;
		assert_int_equal(rota_read_cq(crpath, &y, &e), OV_OK);
		assert_same_problem(f, y);
		assert_string_equal(y->name, f->name);
		rota_problem_free(f);
		rota_problem_free(x);
		rota_problem_free(y);
		free(crpath);
		free(lf);
		free(cr);
		free(text);
		free(path);
	}
	rm_rf(dir);
	free(dir);
	rota_problem_free(a);
}

static void test_comments_blanks_trailing_comma(void **state)
{
	(void)state;
	rota_problem *a = parse_ok(tiny, "tiny");
	/* Comments at the ends of lines, indented comments, blank lines with
	 * blanks, spaces around fields, no final newline. */
	static const char noisy[] =
		"\n\n   # header\n"
		"SECTION_HORIZON   \n"
		"\t7   # days\n"
		"  \t \n"
		"SECTION_SHIFTS # shifts\n"
		"# id, length, successors\n"
		"D, 480\n"
		"  N ,600 , D ,\n"
		"SECTION_STAFF\n"
		"A, D=7 | N=3 ,2880,0,5,1,1,2\n"
		"\n"
		"B,D=7,2880,0,5,1,1,2,\n"
		"SECTION_DAYS_OFF\n"
		"A,0,1,\n"
		"SECTION_SHIFT_ON_REQUESTS\n"
		"# none of these\n"
		"B,2,D,2\n"
		"SECTION_SHIFT_OFF_REQUESTS\n"
		"A,3,N,1#trailing\n"
		"SECTION_COVER\n"
		"0,D,1,100,1\n"
		"6,N,2,50,3";
	rota_problem *b = parse_ok(noisy, "tiny");
	assert_same_problem(a, b);
	rota_problem_free(b);
	rota_problem_free(a);
}

typedef struct {
	int line;          /* of tiny, to replace */
	const char *with;  /* the new text of that line */
	int err_line;      /* expected err.line */
	const char *field; /* expected err.field */
} bad_case;

static const bad_case bad_cases[] = {
	/* unknown shift: cover, requests, max-shifts, successor list */
	{23, "0,X,1,100,1", 23, "cover.shift"},
	{17, "B,2,X,2", 17, "shift_on_request.shift"},
	{20, "A,3,X,1", 20, "shift_off_request.shift"},
	{10, "A,D=7|X=3,2880,0,5,1,1,2", 10, "staff.max_shifts"},
	{10, "A,D=7|N3,2880,0,5,1,1,2", 10, "staff.max_shifts"},
	{7, "N,600,D|X", 7, "shift.forbidden_next"},
	/* unknown employee */
	{14, "Z,0", 14, "days_off.employee"},
	{17, "Z,2,D,2", 17, "shift_on_request.employee"},
	{20, "Z,3,N,1", 20, "shift_off_request.employee"},
	/* a day beyond the horizon (days 0..6) */
	{14, "A,0,7", 14, "days_off.day"},
	{17, "B,7,D,2", 17, "shift_on_request.day"},
	{20, "A,99,N,1", 20, "shift_off_request.day"},
	{24, "7,N,2,50,3", 24, "cover.day"},
	/* not a whole number */
	{3, "12a", 3, "horizon"},
	{3, "0", 3, "horizon"},
	{6, "D,48O,", 6, "shift.length"},
	{6, "D,0,", 6, "shift.length"},
	{10, "A,D=7|N=3,12a,0,5,1,1,2", 10, "staff.max_total_minutes"},
	{10, "A,D=7|N=x,2880,0,5,1,1,2", 10, "staff.max_shifts"},
	{11, "B,D=7,2880,0,5,1,1,-2", 11, "staff.max_weekends"},
	{14, "A,0,1a", 14, "days_off.day"},
	{17, "B,2,D,2x", 17, "shift_on_request.weight"},
	{23, "0,D,12a,100,1", 23, "cover.requirement"},
	{23, "0,D,1,1e2,1", 23, "cover.weight_under"},
	/* too few fields */
	{6, "D", 6, "shift"},
	{11, "B,D=7,2880,0,5,1,1", 11, "staff"},
	{17, "B,2,D", 17, "shift_on_request"},
	{20, "A,3,N,", 20, "shift_off_request"},
	{23, "0,D,1,100", 23, "cover"},
	/* defined twice */
	{7, "D,600,", 7, "shift.id"},
	{11, "A,D=7,2880,0,5,1,1,2", 11, "staff.id"},
	/* limits that cannot hold */
	{11, "B,D=7,2880,3000,5,1,1,2", 11, "staff.min_total_minutes"},
	{11, "B,D=7,2880,0,2,3,1,2", 11, "staff.min_consecutive_shifts"},
	/* structure */
	{1, "7", 1, "section"},                 /* data before any section */
	{13, "SECTION_HOLIDAYS", 13, "section"}, /* unknown section */
	{13, "SECTION_SHIFTS", 13, "section"},   /* shifts twice */
	{3, "3661", 3, "horizon"},              /* ten years and more */
	{5, "SECTION_STAFF", 5, "section"},     /* staff before shifts */
	{3, "# no horizon", 5, "horizon"},      /* horizon left empty */
	{2, "# SECTION_HORIZON", 3, "section"}, /* "7" is data before any */
};

/* Parses text expecting OV_E_INPUT at that line and field (carried in
 * err, not repeated in the message, which cli_fail prefixes with them);
 * returns 0 if so, else prints what came instead and returns 1. */
static int bad_at(const char *text, const char *name, int line,
		  const char *field, const char *what)
{
	rota_problem *p = (rota_problem *)&p; /* must be reset to NULL */
	ov_err e;
	memset(&e, 0, sizeof e);
	ov_status st = rota_parse_cq(text, name, &p, &e);
	char at[64];
	snprintf(at, sizeof at, "%s:%d:", name, line);
	if (st == OV_OK)
		rota_problem_free(p);
	if (st != OV_E_INPUT || e.line != line || strcmp(e.field, field) ||
	    strcmp(e.file, name) || contains(e.msg, at) || !e.msg[0] ||
	    p != NULL) {
		print_message("%s: got %s line %d field \"%s\" file \"%s\" "
			      "(%s), want line %d field \"%s\"\n",
			      what, ov_status_name(st), e.line, e.field,
			      e.file, e.msg, line, field);
		return 1;
	}
	return 0;
}

static void expect_bad(const char *text, const char *name, int line,
		       const char *field, const char *what)
{
	assert_int_equal(bad_at(text, name, line, field, what), 0);
}

static void test_errors_name_line_and_field(void **state)
{
	(void)state;
	int failed = 0;
	for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
		const bad_case *c = &bad_cases[i];
		char *t = replace_line(tiny, c->line, c->with);
		failed += bad_at(t, "bad.txt", c->err_line, c->field, c->with);
		/* The same line with CRLF line ends. */
		char *cr = to_crlf(t);
		failed += bad_at(cr, "bad.txt", c->err_line, c->field, c->with);
		free(cr);
		free(t);
	}
	assert_int_equal(failed, 0);
}

/*
 * The line numbers after a shift with a successor list: N's list ("D",
 * line 7) must not shift the count for the sections that follow.
 */
static void test_line_numbers_after_successors(void **state)
{
	(void)state;
	char *t = replace_line(tiny, 23, "0,X,1,100,1");
	int failed = bad_at(t, "succ.txt", 23, "cover.shift", "cover line 23");
	free(t);
	/* Without any successor list the same error is on line 23 too. */
	char *a = replace_line(tiny, 7, "N,600,");
	t = replace_line(a, 23, "0,X,1,100,1");
	failed += bad_at(t, "nosucc.txt", 23, "cover.shift", "no successors");
	free(t);
	free(a);
	assert_int_equal(failed, 0);
}

static void test_missing_horizon(void **state)
{
	(void)state;
	/* No SECTION_HORIZON at all: the first other section is refused. */
	char *a = replace_line(tiny, 2, "# none");
	char *b = replace_line(a, 3, "");
	expect_bad(b, "nohz", 5, "horizon", "no horizon section");
	free(a);
	free(b);
	/* Only a horizon header and nothing else. */
	rota_problem *p = NULL;
	ov_err e;
	assert_int_equal(rota_parse_cq("SECTION_HORIZON\n", "h", &p, &e),
			 OV_E_INPUT);
	assert_null(p);
	assert_string_equal(e.field, "horizon");
	/* Empty text. */
	assert_int_equal(rota_parse_cq("", "h", &p, &e), OV_E_INPUT);
	assert_null(p);
	/* Shifts but no staff. */
	assert_int_equal(rota_parse_cq("SECTION_HORIZON\n7\nSECTION_SHIFTS\n"
				       "D,480,\n",
				       "h", &p, &e),
			 OV_E_INPUT);
	assert_null(p);
	assert_string_equal(e.field, "staff");
}

static void test_many_days_off_on_one_line(void **state)
{
	(void)state;
	/* 100 days, employee A off on days 0..79: all 80 must be read. */
	char text[4096];
	int k = snprintf(text, sizeof text,
			 "SECTION_HORIZON\n100\nSECTION_SHIFTS\nD,480,\n"
			 "SECTION_STAFF\nA,D=100,48000,0,100,1,1,100\n"
			 "SECTION_DAYS_OFF\nA");
	for (int d = 0; d < 80; d++)
		k += snprintf(text + k, sizeof text - (size_t)k, ",%d", d);
	snprintf(text + k, sizeof text - (size_t)k, "\n");
	rota_problem *p = parse_ok(text, "long");
	int n = 0;
	for (int d = 0; d < 100; d++)
		n += p->employees[0].day_off[d];
	assert_int_equal(n, 80);
	assert_int_equal(p->employees[0].day_off[79], 1);
	assert_int_equal(p->employees[0].day_off[80], 0);
	rota_problem_free(p);
}

static void test_read_file_errors(void **state)
{
	(void)state;
	char *dir = tmp_dir();
	assert_non_null(dir);
	rota_problem *p = (rota_problem *)&p;
	ov_err e;

	char *missing = path_join(dir, "nope.txt");
	assert_int_equal(rota_read_cq(missing, &p, &e), OV_E_NOTFOUND);
	assert_null(p);
	assert_string_equal(e.file, missing);

	/* A file holding a NUL byte is not a text file. */
	char *bin = path_join(dir, "bin.txt");
	FILE *f = fopen(bin, "wb");
	assert_non_null(f);
	fwrite("SECTION_HORIZON\n7\0\n", 1, 19, f);
	fclose(f);
	p = (rota_problem *)&p;
	assert_int_equal(rota_read_cq(bin, &p, &e), OV_E_INPUT);
	assert_null(p);
	assert_string_equal(e.file, bin);

	/* An id in Latin-1, not UTF-8: the line is named, and nothing
	 * reaches the JSON output that would silently drop it. */
	char *latin = path_join(dir, "latin1.txt");
	char *tl = replace_line(tiny, 7, "N\xf8,600,");
	f = fopen(latin, "wb");
	assert_non_null(f);
	fputs(tl, f);
	fclose(f);
	p = (rota_problem *)&p;
	assert_int_equal(rota_read_cq(latin, &p, &e), OV_E_INPUT);
	assert_null(p);
	assert_string_equal(e.file, latin);
	assert_int_equal(e.line, 7);
	free(tl);
	free(latin);

	/* A malformed file on disk: the path and line are named. (N's
	 * successor list is dropped here; test_line_numbers_after_successors
	 * covers line numbers after one.) */
	char *badf = path_join(dir, "bad.txt");
	char *t0 = replace_line(tiny, 7, "N,600,");
	char *t = replace_line(t0, 23, "0,X,1,100,1");
	free(t0);
	f = fopen(badf, "wb");
	assert_non_null(f);
	fputs(t, f);
	fclose(f);
	p = (rota_problem *)&p;
	assert_int_equal(rota_read_cq(badf, &p, &e), OV_E_INPUT);
	assert_null(p);
	assert_string_equal(e.file, badf);
	assert_int_equal(e.line, 23);
	assert_string_equal(e.field, "cover.shift");
	assert_true(contains(e.msg, "X"));

	/* The good file on disk reads, named after the file. */
	f = fopen(badf, "wb");
	assert_non_null(f);
	fputs(tiny, f);
	fclose(f);
	assert_int_equal(rota_read_cq(badf, &p, &e), OV_OK);
	assert_non_null(p);
	assert_string_equal(p->name, "bad");
	rota_problem_free(p);

	free(t);
	free(badf);
	free(bin);
	free(missing);
	rm_rf(dir);
	free(dir);
}

/* Checks validate rejects p with a field containing `field`. */
static void expect_invalid(rota_problem *p, const char *field)
{
	ov_err e;
	memset(&e, 0, sizeof e);
	assert_int_equal(rota_problem_validate(p, &e), OV_E_INPUT);
	if (!contains(e.field, field))
		fail_msg("field \"%s\", want \"%s\"", e.field, field);
}

static void test_validate(void **state)
{
	(void)state;
	rota_problem *p = read_ok("Instance1.txt");
	ov_err e;
	assert_int_equal(rota_problem_validate(p, &e), OV_OK);
	rota_employee *em = &p->employees[2];

	em->min_minutes = em->max_minutes + 1;
	expect_invalid(p, "employee[C].min_minutes");
	/* With no maximum any minimum is allowed. */
	em->max_minutes = ROTA_UNLIMITED;
	assert_int_equal(rota_problem_validate(p, &e), OV_OK);
	em->max_minutes = 4320, em->min_minutes = 3360;

	em->max_consecutive = 1; /* below min_consecutive 2 */
	expect_invalid(p, "employee[C]");
	em->max_consecutive = 0;
	expect_invalid(p, "employee[C]");
	em->max_consecutive = 5;
	em->min_consecutive = 0;
	expect_invalid(p, "employee[C]");
	em->min_consecutive = 2;
	em->min_days_off = 0;
	expect_invalid(p, "employee[C]");
	em->min_days_off = 2;
	assert_int_equal(rota_problem_validate(p, &e), OV_OK);

	p->shifts[0].length = 0;
	expect_invalid(p, "shift[D].length");
	p->shifts[0].length = 1441;
	expect_invalid(p, "shift[D].length");
	p->shifts[0].length = 480;
	p->shifts[0].start = 1440;
	expect_invalid(p, "shift[D].start");
	p->shifts[0].start = -1;

	p->requests[4].day = 14;
	expect_invalid(p, "request[5]");
	p->requests[4].day = 4;
	p->requests[4].shift = 1;
	expect_invalid(p, "request[5]");
	p->requests[4].shift = 0;
	p->requests[4].employee = 8;
	expect_invalid(p, "request[5]");
	p->requests[4].employee = 1;
	p->requests[4].weight = -1;
	expect_invalid(p, "request[5]");
	p->requests[4].weight = 3;

	p->cover[13].shift = 1;
	expect_invalid(p, "cover[14]");
	p->cover[13].shift = 0;
	p->cover[13].day = -1;
	expect_invalid(p, "cover[14]");
	p->cover[13].day = 13;
	p->cover[13].need = -1;
	expect_invalid(p, "cover[14]");
	p->cover[13].need = 4;
	p->cover[13].under_weight = -100;
	expect_invalid(p, "cover[14]");
	p->cover[13].under_weight = 100;
	assert_int_equal(rota_problem_validate(p, &e), OV_OK);

	p->n_days = 0;
	expect_invalid(p, "horizon");
	p->n_days = 14;
	int ns = p->n_shifts;
	p->n_shifts = 0;
	expect_invalid(p, "shifts");
	p->n_shifts = ns;
	assert_int_equal(rota_problem_validate(p, &e), OV_OK);
	rota_problem_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_instance1),
		cmocka_unit_test(test_successions_resolved),
		cmocka_unit_test(test_tiny),
		cmocka_unit_test(test_crlf_same_as_lf),
		cmocka_unit_test(test_comments_blanks_trailing_comma),
		cmocka_unit_test(test_errors_name_line_and_field),
		cmocka_unit_test(test_line_numbers_after_successors),
		cmocka_unit_test(test_missing_horizon),
		cmocka_unit_test(test_many_days_off_on_one_line),
		cmocka_unit_test(test_read_file_errors),
		cmocka_unit_test(test_validate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
