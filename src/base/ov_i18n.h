/*
 * ov_i18n.h - the translation catalogue (GNU gettext) and the choice of
 * language: Bokmål "nb" (default) or Northern Sámi "se"; "en" shows the
 * untranslated English source strings.
 */
#ifndef OV_I18N_H
#define OV_I18N_H

#include <libintl.h>

#define OV_TEXTDOMAIN "ovttas"

/* Marks a string for translation and translates it now. */
#define _(s) gettext(s)
/* Marks a string for translation; the caller translates it later. */
#define N_(s) (s)

/* Nonzero if code names a supported language ("nb", "se", "en"). */
int ov_i18n_valid(const char *code);

/*
 * Sets the language for gettext and for ov_i18n_pick. lang may be NULL
 * (then OVTTAS_LANG, else "nb"). Call before printing anything; calling
 * again switches language. Returns 0, or -1 if lang is not supported
 * (the previous language stays).
 */
int ov_i18n_init(const char *lang);

/* The current language code ("nb", "se" or "en"); never NULL. */
const char *ov_i18n_lang(void);

/*
 * Of a datum stored in both languages, the one to show: the Sámi text
 * when the language is "se" and it is not empty, else the Bokmål text.
 * Returns one of its arguments (borrowed), or "" if both are NULL.
 */
const char *ov_i18n_pick(const char *nb, const char *se);

/* Translated weekday name, 0 = Monday. */
const char *ov_i18n_weekday(int wd);

/* The English weekday name, 0 = Monday: the untranslated source string
 * of ov_i18n_weekday, for reading input that may name a day in English
 * whatever the language; "" if wd is not 0-6. */
const char *ov_i18n_weekday_en(int wd);

/* Translated month name, 1 = January. */
const char *ov_i18n_month(int m);

#endif
