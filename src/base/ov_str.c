/*
 * ov_str.c - growable buffer and UTF-8 width helpers used by the table
 * renderer and the report writers.
 */
#include "ov_str.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(ov_buf *b, size_t need)
{
	if (b->len + need + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + need + 1)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p)
		return -1;
	b->data = p;
	b->cap = cap;
	return 0;
}

int ov_buf_add(ov_buf *b, const char *s, size_t n)
{
	if (grow(b, n))
		return -1;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int ov_buf_adds(ov_buf *b, const char *s)
{
	return ov_buf_add(b, s, strlen(s));
}

int ov_buf_vprintf(ov_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || grow(b, (size_t)n))
		return -1;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int ov_buf_printf(ov_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = ov_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

const char *ov_buf_str(const ov_buf *b)
{
	return b->data ? b->data : "";
}

void ov_buf_free(ov_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/*
 * Counting code points is enough for the Latin scripts ovttas prints
 * (Norwegian and Sámi letters are all single-width), so no wcwidth table.
 */
size_t ov_utf8_width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

size_t ov_utf8_prefix(const char *s, size_t cols)
{
	size_t i = 0, w = 0;
	while (s[i]) {
		size_t j = i + 1;
		while (s[j] && ((unsigned char)s[j] & 0xC0) == 0x80)
			j++;
		if (w + 1 > cols)
			break;
		w++;
		i = j;
	}
	return i;
}

void ov_utf8_fold(const char *s, char *out, size_t n)
{
	/* Each capital and its small letter have the same UTF-8 length. */
	static const char *const pairs[][2] = {
		{"Á", "á"}, {"Č", "č"}, {"Đ", "đ"}, {"Ŋ", "ŋ"}, {"Š", "š"},
		{"Ŧ", "ŧ"}, {"Ž", "ž"}, {"Æ", "æ"}, {"Ø", "ø"}, {"Å", "å"},
		{"Ä", "ä"}, {"Ö", "ö"}};
	size_t o = 0;
	if (n == 0)
		return;
	while (*s && o + 4 < n) {
		int done = 0;
		for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
			size_t k = strlen(pairs[i][0]);
			if (!strncmp(s, pairs[i][0], k)) {
				memcpy(out + o, pairs[i][1], k);
				o += k;
				s += k;
				done = 1;
				break;
			}
		}
		if (!done) {
			char c = *s++;
			out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
		}
	}
	out[o] = '\0';
}

void ov_utf8_trim_partial(char *s)
{
	size_t len = strlen(s), i = len;
	/* Back up over at most three continuation bytes to the lead. */
	while (i > 0 && len - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (len - (i - 1) < need)
		s[i - 1] = '\0';
}

char *ov_strdup(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

int ov_is_digits(const char *s)
{
	if (!s || !*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

int ov_parse_int(const char *s, long long min, long long max, long long *out)
{
	/* strtoll would skip blanks and take a '+': the contract is the
	 * whole of s as an optional '-' and digits. */
	if (!s || !*s || (*s != '-' && (*s < '0' || *s > '9')))
		return -1;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* By hand: none of the project's libraries exposes a UTF-8 check
 * (jansson validates only inside json_string), and libunistring's
 * u8_check would be a new dependency for these few lines. */
size_t ov_utf8_check(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned c = u[i];
		size_t len;
		unsigned lo = 0x80, hi = 0xBF; /* range of the second byte */
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			if (c == 0xE0)
				lo = 0xA0; /* overlong */
			else if (c == 0xED)
				hi = 0x9F; /* surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			if (c == 0xF0)
				lo = 0x90; /* overlong */
			else if (c == 0xF4)
				hi = 0x8F; /* past U+10FFFF */
		} else {
			return i;
		}
		if (n - i < len || u[i + 1] < lo || u[i + 1] > hi)
			return i;
		for (size_t k = 2; k < len; k++)
			if ((u[i + k] & 0xC0) != 0x80)
				return i;
		i += len;
	}
	return n;
}

int ov_buf_csv_field(ov_buf *b, const char *s, int last)
{
	int rc = 0;
	if (strpbrk(s, ",\"\r\n")) {
		rc |= ov_buf_add(b, "\"", 1);
		for (const char *p = s; *p && !rc; p++)
			rc |= ov_buf_add(b, p, 1) |
			      (*p == '"' ? ov_buf_add(b, "\"", 1) : 0);
		rc |= ov_buf_add(b, "\"", 1);
	} else {
		rc |= ov_buf_adds(b, s);
	}
	return rc | ov_buf_adds(b, last ? "\r\n" : ",");
}
