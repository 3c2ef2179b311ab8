/*
 * test_str.c - ov_str: the growable buffer, UTF-8 display width and
 * prefixes on Sámi text, and integer parsing with bounds.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_str.h"
#include "support/support.h"

static void test_buf_starts_empty(void **state)
{
	(void)state;
	ov_buf b = OV_BUF_INIT;
	assert_string_equal(ov_buf_str(&b), "");
	assert_int_equal(b.len, 0);
	assert_int_equal(ov_buf_add(&b, "", 0), 0);
	assert_string_equal(ov_buf_str(&b), "");
	ov_buf_free(&b);
	ov_buf_free(&b); /* twice is harmless */
	assert_null(b.data);
	assert_int_equal(b.cap, 0);
}

static void test_buf_grows(void **state)
{
	(void)state;
	ov_buf b = OV_BUF_INIT;
	char expect[10001];
	for (int i = 0; i < 10000; i++) {
		char c = (char)('a' + i % 26);
		expect[i] = c;
		assert_int_equal(ov_buf_add(&b, &c, 1), 0);
		assert_true(b.cap >= b.len + 1);
	}
	expect[10000] = '\0';
	assert_int_equal(b.len, 10000);
	assert_string_equal(ov_buf_str(&b), expect);
	/* Embedded bytes count by n, not by strlen. */
	assert_int_equal(ov_buf_add(&b, "xyz", 2), 0);
	assert_int_equal(b.len, 10002);
	assert_string_equal(ov_buf_str(&b) + 10000, "xy");
	ov_buf_free(&b);
	/* Usable again after free. */
	assert_int_equal(ov_buf_adds(&b, "Kárášjohka"), 0);
	assert_string_equal(ov_buf_str(&b), "Kárášjohka");
	ov_buf_free(&b);
}

static void test_buf_printf(void **state)
{
	(void)state;
	ov_buf b = OV_BUF_INIT;
	assert_int_equal(ov_buf_printf(&b, "%s-%03d", "K", 7), 0);
	assert_string_equal(ov_buf_str(&b), "K-007");
	for (int i = 0; i < 1000; i++)
		assert_int_equal(ov_buf_printf(&b, ",%d", i), 0);
	assert_int_equal(strlen(ov_buf_str(&b)), b.len);
	assert_true(contains(ov_buf_str(&b), ",998,999"));
	assert_true(ov_buf_str(&b)[b.len] == '\0');
	/* One print larger than the first allocation. */
	ov_buf c = OV_BUF_INIT;
	char big[300];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(ov_buf_printf(&c, "[%s]", big), 0);
	assert_int_equal(c.len, 301);
	assert_int_equal(ov_buf_printf(&c, "%s", ""), 0);
	assert_int_equal(c.len, 301);
	ov_buf_free(&b);
	ov_buf_free(&c);
}

static void test_utf8_width_and_prefix(void **state)
{
	(void)state;
	assert_int_equal(ov_utf8_width(""), 0);
	assert_int_equal(ov_utf8_width("Karasjok"), 8);
	assert_int_equal(strlen("Kárášjohka"), 13);
	assert_int_equal(ov_utf8_width("Kárášjohka"), 10);
	assert_int_equal(ov_utf8_width("Guovdageaidnu"), 13);
	assert_int_equal(ov_utf8_width("Čálit sisa"), 10);
	assert_int_equal(ov_utf8_width("ŋđŧžčšá"), 7);
	assert_int_equal(ov_utf8_width("Ævre Øvre Å"), 11);

	const char *s = "Kárášjohka";
	assert_int_equal(ov_utf8_prefix(s, 0), 0);
	assert_int_equal(ov_utf8_prefix(s, 1), 1);  /* K */
	assert_int_equal(ov_utf8_prefix(s, 2), 3);  /* Ká: whole letters */
	assert_int_equal(ov_utf8_prefix(s, 3), 4);  /* Kár */
	assert_int_equal(ov_utf8_prefix(s, 5), 8);  /* Káráš */
	assert_int_equal(ov_utf8_prefix(s, 10), 13);
	assert_int_equal(ov_utf8_prefix(s, 100), 13);
	assert_int_equal(ov_utf8_prefix("", 5), 0);
	/* A prefix of width n is n columns wide. */
	for (size_t n = 0; n <= 10; n++) {
		char buf[32];
		size_t len = ov_utf8_prefix(s, n);
		memcpy(buf, s, len);
		buf[len] = '\0';
		assert_int_equal(ov_utf8_width(buf), n);
	}
}

static void test_parse_int(void **state)
{
	(void)state;
	long long v = 0;
	assert_int_equal(ov_parse_int("42", 0, 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(ov_parse_int("-7", -10, 10, &v), 0);
	assert_int_equal(v, -7);
	/* Bounds are inclusive. */
	assert_int_equal(ov_parse_int("10", -10, 10, &v), 0);
	assert_int_equal(ov_parse_int("-10", -10, 10, &v), 0);
	assert_int_equal(v, -10);
	assert_int_equal(ov_parse_int("9223372036854775807", LLONG_MIN,
				      LLONG_MAX, &v), 0);
	assert_true(v == LLONG_MAX);
	assert_int_equal(ov_parse_int("-9223372036854775808", LLONG_MIN,
				      LLONG_MAX, &v), 0);
	assert_true(v == LLONG_MIN);

	v = 99;
	static const char *bad[] = {"11", "-11", "", "12a", "a12", "1.5",
				    "0x10", "10 ", "9223372036854775808",
				    "-9223372036854775809", "-", " 5", "+5"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (ov_parse_int(bad[i], -10, 10, &v) != -1)
			fail_msg("accepted '%s'", bad[i]);
	assert_int_equal(v, 99); /* untouched on failure */
	assert_int_equal(ov_parse_int(NULL, 0, 1, &v), -1);
	assert_int_equal(ov_parse_int("9223372036854775808", 0, LLONG_MAX,
				      &v), -1);
}

static void test_utf8_fold(void **state)
{
	(void)state;
	char a[64], b[64];
	ov_utf8_fold("KÁRÁŠJOHKA", a, sizeof a);
	ov_utf8_fold("Kárášjohka", b, sizeof b);
	assert_string_equal(a, b);
	ov_utf8_fold("ČĐŊŠŦŽ ÆØÅ", a, sizeof a);
	assert_string_equal(a, "čđŋšŧž æøå");
	/* Too small a buffer still ends in NUL and never splits a letter. */
	char small[6];
	ov_utf8_fold("ÁÁÁÁÁ", small, sizeof small);
	assert_true(strlen(small) < sizeof small);
	assert_int_equal(strlen(small) % 2, 0);
}

/* Well-formed UTF-8 passes whole; the first bad byte's offset else. */
static void test_utf8_check(void **state)
{
	(void)state;
	const char *ok = "Kárášjohka Guovdageaidnu \xf0\x9f\x98\x80 ŋ";
	assert_int_equal(ov_utf8_check(ok, strlen(ok)), strlen(ok));
	assert_int_equal(ov_utf8_check("", 0), 0);
	struct {
		const char *s;
		size_t at;
	} bad[] = {
		{"ab\xf8", 2},              /* Latin-1 ø */
		{"a\xc3", 1},               /* cut short */
		{"\xc0\xaf", 0},           /* overlong '/' */
		{"x\xe0\x80\xaf", 1},       /* overlong, three bytes */
		{"\xed\xa0\x80", 0},        /* a surrogate */
		{"\xf4\x90\x80\x80", 0},     /* past U+10FFFF */
		{"\xe2\x82", 0},            /* cut short, three bytes */
		{"\xe2\x28\xa1", 0},        /* bad continuation */
		{"ok\x80", 2},              /* a lone continuation byte */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(ov_utf8_check(bad[i].s, strlen(bad[i].s)),
				 bad[i].at);
}

static void test_small_helpers(void **state)
{
	(void)state;
	assert_true(ov_is_digits("0123456789"));
	assert_false(ov_is_digits(""));
	assert_false(ov_is_digits(NULL));
	assert_false(ov_is_digits("12 3"));
	assert_false(ov_is_digits("-1"));
	char *p = ov_strdup("Máze");
	assert_string_equal(p, "Máze");
	free(p);
	assert_null(ov_strdup(NULL));
}

/* CSV fields: plain, or quoted with quotes doubled (RFC 4180). */
static void test_csv_field(void **state)
{
	(void)state;
	ov_buf b = OV_BUF_INIT;
	assert_int_equal(ov_buf_csv_field(&b, "plain", 0), 0);
	assert_int_equal(ov_buf_csv_field(&b, "a,b", 0), 0);
	assert_int_equal(ov_buf_csv_field(&b, "say \"hi\"", 0), 0);
	assert_int_equal(ov_buf_csv_field(&b, "", 1), 0);
	assert_string_equal(ov_buf_str(&b),
			    "plain,\"a,b\",\"say \"\"hi\"\"\",\r\n");
	ov_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_starts_empty),
		cmocka_unit_test(test_buf_grows),
		cmocka_unit_test(test_buf_printf),
		cmocka_unit_test(test_utf8_width_and_prefix),
		cmocka_unit_test(test_parse_int),
		cmocka_unit_test(test_utf8_fold),
		cmocka_unit_test(test_utf8_check),
		cmocka_unit_test(test_small_helpers),
		cmocka_unit_test(test_csv_field),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
