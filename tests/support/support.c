/*
 * support.c - test helpers: in-process CLI runs with captured output,
 * scratch directories and a shared demo database.
 */
#define _GNU_SOURCE
#include "support.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "db/db.h"

run_result run_cli(const char *arg, ...)
{
	const char *argv[64];
	int argc = 0;
	argv[argc++] = "ovttas";
	va_list ap;
	va_start(ap, arg);
	for (const char *a = arg; a && argc < 63; a = va_arg(ap, const char *))
		argv[argc++] = a;
	va_end(ap);
	argv[argc] = NULL;

	run_result r = {0, NULL, NULL};
	size_t on = 0, en = 0;
	FILE *out = open_memstream(&r.out, &on);
	FILE *err = open_memstream(&r.err, &en);
	r.code = cli_main(argc, (char **)argv, out, err);
	fclose(out);
	fclose(err);
	return r;
}

void run_free(run_result *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

char *tmp_dir(void)
{
	char tmpl[] = "/tmp/ovttas-test-XXXXXX";
	char *d = mkdtemp(tmpl);
	return d ? strdup(d) : NULL;
}

void rm_rf(const char *path)
{
	char cmd[600];
	/* Only our own scratch directories. */
	if (strncmp(path, "/tmp/ovttas-test-", 17) != 0)
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", path);
}

char *path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static char *demo_dir, *demo_path;

static void demo_cleanup(void)
{
	if (demo_dir)
		rm_rf(demo_dir);
	free(demo_dir);
	free(demo_path);
}

const char *demo_db(void)
{
	if (demo_path)
		return demo_path;
	demo_dir = tmp_dir();
	demo_path = path_join(demo_dir, "demo.db");
	atexit(demo_cleanup);
	run_result r = run_cli("--db", demo_path, "init", "--demo", NULL);
	if (r.code != 0) {
		fprintf(stderr, "demo init failed: %s\n", r.err);
		abort();
	}
	run_free(&r);
	return demo_path;
}

int contains(const char *haystack, const char *needle)
{
	return haystack && needle && strstr(haystack, needle) != NULL;
}

int64_t sql_int(db *d, const char *sql)
{
	db_stmt *st;
	ov_err e;
	if (db_prepare(d, sql, &st, &e) != OV_OK)
		fail_msg("%s: %s", sql, e.msg);
	if (db_step(st, &e) != 1)
		fail_msg("%s: no row", sql);
	int64_t n = db_col_int(st, 0);
	db_finalize(st);
	return n;
}

int64_t sql_int_at(const char *path, const char *sql)
{
	db *d;
	ov_err e;
	if (db_open(path, DB_READ, &d, &e) != OV_OK)
		fail_msg("%s: %s", path, e.msg);
	int64_t n = sql_int(d, sql);
	db_close(d);
	return n;
}

copy_db *demo_copy_as(const char *user)
{
	copy_db *c = malloc(sizeof *c);
	assert_non_null(c);
	*c = demo_copy();
	setenv("USER", user, 1);
	unsetenv("OVTTAS_ACTOR");
	unsetenv("OVTTAS_ACTOR_ID");
	return c;
}

copy_db demo_copy(void)
{
	copy_db c = {tmp_dir(), NULL};
	assert_non_null(c.dir);
	c.path = path_join(c.dir, "demo.db");
	run_result r = run_cli("--db", demo_db(), "db", "backup", c.path, NULL);
	assert_int_equal(r.code, 0);
	run_free(&r);
	return c;
}

void copy_free(copy_db *c)
{
	rm_rf(c->dir);
	free(c->dir);
	free(c->path);
}

json_t *parse_json(const char *text)
{
	json_error_t je;
	json_t *j = json_loads(text, 0, &je);
	if (!j)
		fail_msg("not JSON: %s", je.text);
	return j;
}

void assert_error_field(const char *err, const char *field)
{
	json_t *j = parse_json(err);
	assert_string_equal(json_string_value(json_object_get(
				json_object_get(j, "error"), "field")),
			    field);
	json_decref(j);
}

scratch_db scratch_open(const char *name)
{
	scratch_db s;
	s.dir = tmp_dir();
	s.path = path_join(s.dir, name);
	ov_err e;
	if (db_open(s.path, DB_CREATE, &s.d, &e) != OV_OK)
		fail_msg("%s: %s", s.path, e.msg);
	return s;
}

void scratch_close(scratch_db *s)
{
	db_close(s->d);
	rm_rf(s->dir);
	free(s->path);
	free(s->dir);
}

char *repo_file(const char *dir, const char *name)
{
	char root[1024], buf[2048];
	/* __FILE__ is "tests/support/support.c" (or absolute) when built
	 * from the repository's root: its root is two folders up. */
	snprintf(root, sizeof root, "%s", __FILE__);
	for (int up = 0; up < 3; up++) {
		char *slash = strrchr(root, '/');
		if (slash)
			*slash = '\0';
		else
			snprintf(root, sizeof root, ".");
	}
	snprintf(buf, sizeof buf, "%s/%s/%s", root, dir, name);
	if (access(buf, R_OK) == 0)
		return strdup(buf);
	/* Else walk up from the test binary (<repo>/<B>/asan/tests/...). */
	char exe[1024];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		for (char *c = strrchr(exe, '/'); c; c = strrchr(exe, '/')) {
			*c = '\0';
			snprintf(buf, sizeof buf, "%s/%s/%s", exe, dir, name);
			if (access(buf, R_OK) == 0)
				return strdup(buf);
		}
	}
	fail_msg("test data %s/%s not found", dir, name);
	return NULL;
}
