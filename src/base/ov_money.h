/*
 * ov_money.h - money as int64 øre (1/100 krone) and its Norwegian
 * formatting; no floating point touches an amount.
 */
#ifndef OV_MONEY_H
#define OV_MONEY_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t ov_ore;

#define OV_KR(kroner) ((ov_ore)(kroner) * 100)

/*
 * Writes whole kroner, rounded half away from zero, with a space as the
 * thousands separator ("-1 234 567"). Returns buf.
 */
char *ov_money_kr(ov_ore amount, char *buf, size_t n);

/* Writes kroner and øre the Norwegian way ("1 234,50"). Returns buf. */
char *ov_money_kr_ore(ov_ore amount, char *buf, size_t n);

/*
 * part / whole as a percentage with one decimal in tenths (e.g. 1034 =
 * 103.4 %), rounded half away from zero; 0 when whole is 0.
 */
int64_t ov_permille_of(ov_ore part, ov_ore whole);

/* Writes a tenths-of-percent value as "103,4". Returns buf. */
char *ov_pct_format(int64_t tenths, char *buf, size_t n);

/*
 * Parses an amount in kroner: optional sign, digits, optional ',' or '.'
 * and one or two øre digits ("1234,5" = 123450 øre). No separators.
 * Returns 0, or -1 if s is not such an amount.
 */
int ov_money_parse(const char *s, ov_ore *out);

#endif
