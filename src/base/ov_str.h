/*
 * ov_str.h - a growable byte buffer and small string helpers
 * (UTF-8 display width for tables, trimming, safe copies).
 */
#ifndef OV_STR_H
#define OV_STR_H

#include <stdarg.h>
#include <stddef.h>

/* A growable NUL-terminated buffer. Zero-initialise, or use OV_BUF_INIT. */
typedef struct {
	char *data; /* owned; NULL until the first append */
	size_t len;
	size_t cap;
} ov_buf;

#define OV_BUF_INIT {NULL, 0, 0}

/* Appends; returns 0, or -1 on allocation failure (buffer unchanged). */
int ov_buf_add(ov_buf *b, const char *s, size_t n);
int ov_buf_adds(ov_buf *b, const char *s);
int ov_buf_printf(ov_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int ov_buf_vprintf(ov_buf *b, const char *fmt, va_list ap);

/* Appends s as one CSV field (RFC 4180: quoted, with quotes doubled,
 * when it holds a comma, quote or line break), then "," or, when last,
 * "\r\n". Returns 0, or -1 on allocation failure. Written here because
 * libcsv is not packaged for the target machines. */
int ov_buf_csv_field(ov_buf *b, const char *s, int last);

/* The contents, never NULL ("" when empty); borrowed until the next add. */
const char *ov_buf_str(const ov_buf *b);

/* Frees the storage and resets to empty. */
void ov_buf_free(ov_buf *b);

/* Number of terminal columns a UTF-8 string takes (1 per code point). */
size_t ov_utf8_width(const char *s);

/* Byte length of the longest prefix of s at most `cols` columns wide. */
size_t ov_utf8_prefix(const char *s, size_t cols);

/*
 * Case-folds s into out (n bytes, always NUL-terminated): ASCII and the
 * capitals of Norwegian and Northern Sámi (Á Č Đ Ŋ Š Ŧ Ž Æ Ø Å Ä Ö), so
 * "KÁRÁŠJOHKA" and "Kárášjohka" compare equal. SQL lower() cannot do
 * this: SQLite's is ASCII-only.
 */
void ov_utf8_fold(const char *s, char *out, size_t n);

/*
 * Offset of the first byte of s[0..n) that does not start a well-formed
 * UTF-8 sequence (RFC 3629: no overlong forms, surrogates or code points
 * past U+10FFFF), or n when all of it is UTF-8.
 */
size_t ov_utf8_check(const char *s, size_t n);

/* Cuts a UTF-8 sequence left incomplete at the end of s (as snprintf
 * truncation can leave), so s stays valid UTF-8. */
void ov_utf8_trim_partial(char *s);

/* malloc'd copy of s (owned); NULL if s is NULL or on allocation failure. */
char *ov_strdup(const char *s);

/* Nonzero if s is non-empty and only ASCII digits. */
int ov_is_digits(const char *s);

/*
 * Parses a decimal integer in [min, max] from the whole of s.
 * Returns 0 and stores it in *out, or -1 if s is not such a number.
 */
int ov_parse_int(const char *s, long long min, long long max, long long *out);

#endif
