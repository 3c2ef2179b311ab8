/*
 * ov_i18n.c - gettext set-up. The catalogues are looked up through the
 * LANGUAGE variable on a C.UTF-8 locale, so no nb_NO or se_NO system
 * locale has to be generated on the machine.
 */
#include "ov_i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef OV_LOCALEDIR
#define OV_LOCALEDIR "/usr/share/locale"
#endif

/* The chosen language: set once by ov_i18n_init, read-only after. */
static char current[3] = "nb";

int ov_i18n_valid(const char *code)
{
	return code && (!strcmp(code, "nb") || !strcmp(code, "se") ||
			!strcmp(code, "en"));
}

/* OVTTAS_LOCALEDIR, else "locale" beside the executable, else the
 * build-time default. */
static const char *locale_dir(char *buf, size_t n)
{
	const char *env = getenv("OVTTAS_LOCALEDIR");
	if (env && *env)
		return env;
	ssize_t len = readlink("/proc/self/exe", buf, n - 1);
	if (len > 0 && (size_t)len < n - 8) {
		buf[len] = '\0';
		char *slash = strrchr(buf, '/');
		if (slash) {
			strcpy(slash + 1, "locale");
			struct stat st;
			if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode))
				return buf;
		}
	}
	return OV_LOCALEDIR;
}

int ov_i18n_init(const char *lang)
{
	if (!lang || !*lang)
		lang = getenv("OVTTAS_LANG");
	if (!lang || !*lang)
		lang = "nb";
	if (!ov_i18n_valid(lang))
		return -1;
	memcpy(current, lang, 3);

	/* Keep the user's locale for character classes if it is a real
	 * one; gettext ignores LANGUAGE under the plain "C" locale. */
	const char *loc = setlocale(LC_ALL, "");
	if (!loc || !strcmp(loc, "C") || !strcmp(loc, "POSIX"))
		setlocale(LC_ALL, "C.UTF-8");
	/* Numbers are always printed the same way, whatever the locale. */
	setlocale(LC_NUMERIC, "C");
	setenv("LANGUAGE", current, 1);

	char buf[PATH_MAX];
	bindtextdomain(OV_TEXTDOMAIN, locale_dir(buf, sizeof buf));
	bind_textdomain_codeset(OV_TEXTDOMAIN, "UTF-8");
	/* textdomain() also makes gettext drop its cache, which a switch
	 * of LANGUAGE inside one process needs. */
	textdomain(OV_TEXTDOMAIN);
	return 0;
}

const char *ov_i18n_lang(void)
{
	return current;
}

const char *ov_i18n_pick(const char *nb, const char *se)
{
	if (!strcmp(current, "se") && se && *se)
		return se;
	if (nb)
		return nb;
	return se ? se : "";
}

/* The weekdays in English, the msgids of their translations. */
static const char *const weekday_names[] = {N_("Monday"),   N_("Tuesday"),
					    N_("Wednesday"), N_("Thursday"),
					    N_("Friday"),   N_("Saturday"),
					    N_("Sunday")};

const char *ov_i18n_weekday(int wd)
{
	/* not _("") out of range: that would be the catalogue's header */
	return (wd >= 0 && wd < 7) ? _(weekday_names[wd]) : "";
}

const char *ov_i18n_weekday_en(int wd)
{
	return (wd >= 0 && wd < 7) ? weekday_names[wd] : "";
}

const char *ov_i18n_month(int m)
{
	static const char *names[] = {
		N_("January"), N_("February"), N_("March"),
		N_("April"),   N_("May"),      N_("June"),
		N_("July"),    N_("August"),   N_("September"),
		N_("October"), N_("November"), N_("December")};
	return (m >= 1 && m <= 12) ? _(names[m - 1]) : "";
}
