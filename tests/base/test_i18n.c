/*
 * test_i18n.c - ov_i18n's weekday names: translated in the chosen
 * language, and in English whatever the language (the source strings,
 * which input such as `--weekday Wednesday` is also read in).
 */
#include <string.h>

#include "base/ov_i18n.h"
#include "support/support.h"

static const char *const english[] = {"Monday",   "Tuesday", "Wednesday",
				      "Thursday", "Friday",  "Saturday",
				      "Sunday"};

static void test_weekday_en(void **state)
{
	(void)state;
	for (int wd = 0; wd < 7; wd++)
		assert_string_equal(ov_i18n_weekday_en(wd), english[wd]);
	assert_string_equal(ov_i18n_weekday_en(-1), "");
	assert_string_equal(ov_i18n_weekday_en(7), "");
}

/* The English names are the translations' source: the same as the
 * translated names in "en", and untouched by a switch of language. */
static void test_weekday_en_in_every_language(void **state)
{
	(void)state;
	assert_int_equal(ov_i18n_init("en"), 0);
	for (int wd = 0; wd < 7; wd++)
		assert_string_equal(ov_i18n_weekday(wd),
				    ov_i18n_weekday_en(wd));
	assert_int_equal(ov_i18n_init("nb"), 0);
	assert_string_equal(ov_i18n_weekday(2), "onsdag");
	assert_string_equal(ov_i18n_weekday_en(2), "Wednesday");
	assert_int_equal(ov_i18n_init("se"), 0);
	assert_string_equal(ov_i18n_weekday_en(6), "Sunday");
	assert_string_equal(ov_i18n_weekday(7), "");
	assert_int_equal(ov_i18n_init("nb"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekday_en),
		cmocka_unit_test(test_weekday_en_in_every_language),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
