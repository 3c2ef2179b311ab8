/*
 * test_err.c - ov_err: every status has a stable name and an exit class
 * (user's input 1, ovttas or its environment 2), and OV_FAIL fills the
 * record and returns the code.
 */
#include <string.h>

#include "base/ov_err.h"
#include "support/support.h"

static void test_status_names(void **state)
{
	(void)state;
	assert_string_equal(ov_status_name(OV_OK), "OV_OK");
	assert_string_equal(ov_status_name(OV_E_USAGE), "OV_E_USAGE");
	assert_string_equal(ov_status_name(OV_E_INPUT), "OV_E_INPUT");
	assert_string_equal(ov_status_name(OV_E_NOTFOUND), "OV_E_NOTFOUND");
	assert_string_equal(ov_status_name(OV_E_EXISTS), "OV_E_EXISTS");
	assert_string_equal(ov_status_name(OV_E_READONLY), "OV_E_READONLY");
	assert_string_equal(ov_status_name(OV_E_DB), "OV_E_DB");
	assert_string_equal(ov_status_name(OV_E_NOMEM), "OV_E_NOMEM");
	assert_string_equal(ov_status_name(OV_E_IO), "OV_E_IO");
	assert_string_equal(ov_status_name(OV_E_INTERNAL), "OV_E_INTERNAL");
	assert_int_equal(OV_OK, 0);
}

static void test_exit_classes(void **state)
{
	(void)state;
	assert_int_equal(ov_status_exit(OV_OK), 0);
	const ov_status user[] = {OV_E_USAGE, OV_E_INPUT, OV_E_NOTFOUND,
				  OV_E_EXISTS, OV_E_READONLY};
	for (size_t i = 0; i < sizeof user / sizeof *user; i++)
		assert_int_equal(ov_status_exit(user[i]), 1);
	const ov_status ours[] = {OV_E_DB, OV_E_NOMEM, OV_E_IO,
				  OV_E_INTERNAL};
	for (size_t i = 0; i < sizeof ours / sizeof *ours; i++)
		assert_int_equal(ov_status_exit(ours[i]), 2);
}

static ov_status fails(ov_err *e, int *line)
{
	*line = __LINE__ + 1;
	return OV_FAIL(e, OV_E_INPUT, "--month", "bad month '%s' (%d)",
		       "2026-13", 13);
}

static void test_fail_fills_record(void **state)
{
	(void)state;
	ov_err e;
	memset(&e, 0x5a, sizeof e); /* garbage first: all must be reset */
	int line;
	assert_int_equal(fails(&e, &line), OV_E_INPUT);
	assert_int_equal(e.code, OV_E_INPUT);
	assert_string_equal(e.field, "--month");
	assert_string_equal(e.msg, "bad month '2026-13' (13)");
	assert_string_equal(e.file, "");
	assert_int_equal(e.line, 0);
	assert_string_equal(e.src_file, __FILE__);
	assert_int_equal(e.src_line, line);

	/* No err to fill: still returns the code. */
	assert_int_equal(OV_FAIL(NULL, OV_E_DB, NULL, "x"), OV_E_DB);
	/* A NULL field leaves it empty. */
	assert_int_equal(OV_FAIL(&e, OV_E_IO, NULL, "%s", "disk"), OV_E_IO);
	assert_string_equal(e.field, "");
	assert_string_equal(e.msg, "disk");
}

static void test_fail_at_names_file_and_line(void **state)
{
	(void)state;
	ov_err e;
	assert_int_equal(OV_FAIL_AT(&e, OV_E_INPUT, "budget.csv", 17, "art",
				    "unknown art %s", "999"),
			 OV_E_INPUT);
	assert_string_equal(e.file, "budget.csv");
	assert_int_equal(e.line, 17);
	assert_string_equal(e.field, "art");
	assert_string_equal(e.msg, "unknown art 999");
	/* A later plain failure does not keep the old file. */
	OV_FAIL(&e, OV_E_NOTFOUND, "--unit", "no unit");
	assert_string_equal(e.file, "");
	assert_int_equal(e.line, 0);
}

static void test_long_text_is_truncated(void **state)
{
	(void)state;
	char big[2000];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ov_err e;
	OV_FAIL_AT(&e, OV_E_INPUT, big, 1, big, "%s", big);
	assert_int_equal(strlen(e.file), sizeof e.file - 1);
	assert_int_equal(strlen(e.field), sizeof e.field - 1);
	assert_int_equal(strlen(e.msg), sizeof e.msg - 1);
}

static void test_clear(void **state)
{
	(void)state;
	ov_err e;
	OV_FAIL(&e, OV_E_DB, "x", "y");
	ov_err_clear(&e);
	assert_int_equal(e.code, OV_OK);
	assert_string_equal(e.msg, "");
	assert_string_equal(e.field, "");
	assert_null(e.src_file);
	ov_err_clear(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_names),
		cmocka_unit_test(test_exit_classes),
		cmocka_unit_test(test_fail_fills_record),
		cmocka_unit_test(test_fail_at_names_file_and_line),
		cmocka_unit_test(test_long_text_is_truncated),
		cmocka_unit_test(test_clear),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
