/*
 * test_file.c - files put in place whole: a new file written, an
 * existing one kept without force and replaced with it, a folder or a
 * missing folder refused naming the option, no temporary file left.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/ov_file.h"
#include "support/support.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[256];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int entries(const char *dir)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
	FILE *p = popen(cmd, "r");
	int n = -1;
	assert_int_equal(fscanf(p, "%d", &n), 1);
	pclose(p);
	return n;
}

static void test_write(void **state)
{
	(void)state;
	char *dir = tmp_dir(), *path = path_join(dir, "out.txt");
	ov_err e;
	assert_int_equal(ov_file_write(path, "one", 3, 0, "--out", &e), OV_OK);
	assert_string_equal(slurp(path), "one");
	/* there already: kept without force */
	assert_int_equal(ov_file_write(path, "two", 3, 0, "--out", &e),
			 OV_E_EXISTS);
	assert_string_equal(e.field, "--out");
	assert_string_equal(slurp(path), "one");
	/* replaced with it */
	assert_int_equal(ov_file_write(path, "two", 3, 1, "--out", &e), OV_OK);
	assert_string_equal(slurp(path), "two");
	/* a folder is not a file; a missing folder is the user's input */
	assert_int_equal(ov_file_write(dir, "x", 1, 1, "--out", &e),
			 OV_E_INPUT);
	char *missing = path_join(dir, "no/such.txt");
	assert_int_equal(ov_file_write(missing, "x", 1, 0, "path", &e),
			 OV_E_INPUT);
	assert_string_equal(e.field, "path");
	assert_int_equal(entries(dir), 1); /* no temporary file left */
	free(missing);
	free(path);
	rm_rf(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
