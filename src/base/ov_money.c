/*
 * ov_money.c - formatting and parsing of øre amounts.
 */
#include "ov_money.h"

#include <stdio.h>
#include <string.h>

/* Groups the digits of a non-negative value in threes with spaces. */
static void group(uint64_t v, char *out, size_t n)
{
	char digits[32];
	snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
	size_t len = strlen(digits), o = 0;
	for (size_t i = 0; i < len && o + 2 < n; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ' ';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

char *ov_money_kr(ov_ore amount, char *buf, size_t n)
{
	int neg = amount < 0;
	uint64_t a = neg ? (uint64_t)0 - (uint64_t)amount : (uint64_t)amount;
	uint64_t kr = (a + 50) / 100;
	char g[40];
	group(kr, g, sizeof g);
	snprintf(buf, n, "%s%s", neg && kr ? "-" : "", g);
	return buf;
}

char *ov_money_kr_ore(ov_ore amount, char *buf, size_t n)
{
	int neg = amount < 0;
	uint64_t a = neg ? (uint64_t)0 - (uint64_t)amount : (uint64_t)amount;
	char g[40];
	group(a / 100, g, sizeof g);
	snprintf(buf, n, "%s%s,%02llu", neg ? "-" : "", g,
		 (unsigned long long)(a % 100));
	return buf;
}

int64_t ov_permille_of(ov_ore part, ov_ore whole)
{
	if (whole == 0)
		return 0;
	/* Amounts stay far below 2^63 / 2000, so this cannot overflow. */
	int64_t num = part * 2000;
	int64_t q = num / whole;
	/* q is twice the result; round half away from zero. */
	return q >= 0 ? (q + 1) / 2 : -((-q + 1) / 2);
}

char *ov_pct_format(int64_t tenths, char *buf, size_t n)
{
	int neg = tenths < 0;
	int64_t a = neg ? -tenths : tenths;
	snprintf(buf, n, "%s%lld,%lld", neg ? "-" : "", (long long)(a / 10),
		 (long long)(a % 10));
	return buf;
}

int ov_money_parse(const char *s, ov_ore *out)
{
	if (!s || !*s)
		return -1;
	int neg = 0;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (*s < '0' || *s > '9')
		return -1;
	int64_t kr = 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (kr > (INT64_MAX / 100 - 9) / 10)
			return -1;
		kr = kr * 10 + (*s - '0');
	}
	int64_t ore = 0;
	if (*s == ',' || *s == '.') {
		s++;
		int nd = 0;
		for (; *s >= '0' && *s <= '9'; s++, nd++) {
			if (nd == 2)
				return -1;
			ore = ore * 10 + (*s - '0');
		}
		if (nd == 0)
			return -1;
		if (nd == 1)
			ore *= 10;
	}
	if (*s)
		return -1;
	int64_t v = kr * 100 + ore;
	*out = neg ? -v : v;
	return 0;
}
