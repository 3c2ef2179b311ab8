/*
 * test_staff_export.c - exports of a stored rota: CSV rows and RFC 4180
 * quoting, an xlsx that is a zip with both sheets, iCalendar files that
 * libical parses back with the right events, local times and zone (also
 * across the switch to summer time), overwrites refused without force,
 * failed exports that leave no file behind, calendar exports that fail
 * midway putting every old file back (and naming the backup of one they
 * cannot), and the same error from every export for a failed rename.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libical/ical.h>
#include <sys/stat.h>
#include <unistd.h>

#include "staff_fixture.h"

/*
 * rename() and link() as the exporter sees them (the test program is
 * linked with the library's objects, so these definitions are the ones
 * it calls): the real ones, except that one rename onto fail_rename_to
 * fails with fail_rename_errno (EIO if 0: a disk error midway through
 * an export), one rename of a file whose name starts with
 * fail_rename_from fails with EIO (a backup that cannot be put back),
 * and link fails with EPERM while no_links is set (a file system
 * without hard links).
 */
static char *fail_rename_to, *fail_rename_from;
static int fail_rename_errno, renames_failed, no_links;

int rename(const char *from, const char *to)
{
	if (fail_rename_to && !strcmp(to, fail_rename_to)) {
		fail_rename_to = NULL; /* once */
		renames_failed++;
		errno = fail_rename_errno ? fail_rename_errno : EIO;
		return -1;
	}
	if (fail_rename_from &&
	    !strncmp(from, fail_rename_from, strlen(fail_rename_from))) {
		fail_rename_from = NULL; /* once */
		renames_failed++;
		errno = EIO;
		return -1;
	}
	return renameat(AT_FDCWD, from, AT_FDCWD, to);
}

int link(const char *from, const char *to)
{
	if (no_links) {
		errno = EPERM;
		return -1;
	}
	return linkat(AT_FDCWD, from, AT_FDCWD, to, 0);
}

typedef struct {
	char *dir, *dbpath;
	db *d;
	staff_plan plan;
	staff_map *m;
	rota_roster *r;
} fx_exp;

/* Index of the map's shift with that category ("night"), or fails. */
static int shift_of(const staff_map *m, const char *category)
{
	for (int s = 0; s < m->n_shifts; s++)
		if (!strcmp(m->shifts[s].category, category))
			return s;
	fail_msg("no %s shift", category);
	return -1;
}

/*
 * A copy of the demo with a made-up rota of Karasjok sykehjem from
 * `from` for `weeks` weeks, stored and loaded back; the first
 * employee's given name holds a comma and quotes. Employee 0 works the
 * night shift on day 5 (a Saturday).
 */
static fx_exp make(const char *from, int weeks)
{
	fx_exp f = {0};
	ov_err e;
	f.dir = tmp_dir();
	f.dbpath = fx_demo_copy(f.dir);
	ov_i18n_init("en"); /* building the demo switched to Bokmål */
	assert_int_equal(db_open(f.dbpath, DB_WRITE, &f.d, &e), OV_OK);
	int64_t unit = fx_unit(f.d, "3200");
	ov_day day0;
	assert_int_equal(ov_date_parse(from, &day0), 0);
	rota_problem *p;
	staff_map *m;
	assert_int_equal(staff_build_problem(f.d, unit, day0, weeks, &p, &m,
					     &e),
			 OV_OK);
	rota_roster *r = rota_roster_new(p->n_employees, p->n_days);
	assert_non_null(r);
	for (int i = 0; i < p->n_employees; i++)
		for (int day = 0; day < p->n_days; day++)
			r->assign[i * p->n_days + day] =
				(i + day) % 3 ? (i + day) % p->n_shifts
					      : ROTA_OFF;
	r->assign[5] = shift_of(m, "night");
	int64_t id;
	assert_int_equal(staff_store_rota(f.d, NULL, unit, day0, weeks, m, r,
					  NULL, 7, &id, &e),
			 OV_OK);
	char sql[160];
	snprintf(sql, sizeof sql,
		 "UPDATE employee SET given_name = 'Ola \"Jr\", Nils' "
		 "WHERE id = %lld",
		 (long long)m->employees[0].employee_id);
	assert_int_equal(db_exec(f.d, sql, &e), OV_OK);
	rota_roster_free(r);
	staff_map_free(m);
	rota_problem_free(p);
	assert_int_equal(staff_load_rota(f.d, id, &f.plan, &f.m, &f.r, &e),
			 OV_OK);
	return f;
}

static void done(fx_exp *f)
{
	rota_roster_free(f->r);
	staff_map_free(f->m);
	db_close(f->d);
	rm_rf(f->dir);
	free(f->dbpath);
	free(f->dir);
}

/* The whole file (owned), its size in *n. */
static char *slurp(const char *path, size_t *n)
{
	FILE *in = fopen(path, "rb");
	assert_non_null(in);
	fseek(in, 0, SEEK_END);
	long len = ftell(in);
	fseek(in, 0, SEEK_SET);
	char *buf = malloc((size_t)len + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)len, in), (size_t)len);
	buf[len] = 0;
	fclose(in);
	if (n)
		*n = (size_t)len;
	return buf;
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Entries in dir other than . and .. */
static int dir_entries(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		n += strcmp(de->d_name, ".") && strcmp(de->d_name, "..");
	closedir(d);
	return n;
}

/*
 * Splits one CSV record (RFC 4180) starting at *p into fields (each
 * malloc'd into f, at most max); moves *p past its CRLF. Returns the
 * field count.
 */
static int csv_record(const char **p, char **f, int max)
{
	int n = 0;
	const char *s = *p;
	for (;;) {
		ov_buf b = OV_BUF_INIT;
		ov_buf_add(&b, "", 0);
		if (*s == '"') {
			for (s++;; s++) {
				assert_true(*s != 0);
				if (*s == '"' && s[1] == '"')
					ov_buf_add(&b, s++, 1);
				else if (*s == '"')
					break;
				else
					ov_buf_add(&b, s, 1);
			}
			s++;
		} else {
			for (; *s && *s != ',' && *s != '\r' && *s != '\n'; s++)
				ov_buf_add(&b, s, 1);
		}
		assert_true(n < max);
		f[n++] = b.data;
		if (*s == ',') {
			s++;
			continue;
		}
		assert_true(s[0] == '\r' && s[1] == '\n');
		*p = s + 2;
		return n;
	}
}

static void free_fields(char **f, int n)
{
	for (int i = 0; i < n; i++)
		free(f[i]);
}

static void test_csv(void **state)
{
	(void)state;
	fx_exp f = make("2026-01-05", 6);
	ov_err e;
	char *path = path_join(f.dir, "rota.csv");
	assert_int_equal(staff_export_csv(&f.plan, f.m, f.r, path, 0, &e),
			 OV_OK);
	char *text = slurp(path, NULL);
	const char *p = text;
	char *fld[16];
	assert_int_equal(csv_record(&p, fld, 16), 7);
	const char *head[] = {"Date", "Employee no.", "Name", "Shift",
			      "Start", "End", "Hours"};
	for (int i = 0; i < 7; i++)
		assert_string_equal(fld[i], head[i]);
	free_fields(fld, 7);
	assert_true(contains(text, "\"Ola \"\"Jr\"\", Nils "));

	int rows = 0, minutes_e0 = 0, night_seen = 0;
	while (*p) {
		assert_int_equal(csv_record(&p, fld, 16), 7);
		int e_i = rows / f.m->n_days, day = rows % f.m->n_days;
		const staff_map_employee *me = &f.m->employees[e_i];
		char date[16];
		assert_string_equal(fld[0], ov_date_format(f.m->from_day + day,
							   date, sizeof date));
		assert_string_equal(fld[1], me->employee_no);
		char name[160];
		snprintf(name, sizeof name, "%s %s", me->given_name,
			 me->family_name);
		assert_string_equal(fld[2], name);
		int a = f.r->assign[e_i * f.m->n_days + day];
		if (a == ROTA_OFF) {
			for (int i = 3; i < 7; i++)
				assert_string_equal(fld[i], "");
		} else {
			const staff_shift_type *s = &f.m->shifts[a];
			char want[16];
			assert_string_equal(fld[3], s->code);
			snprintf(want, sizeof want, "%02d:%02d",
				 s->start_min / 60, s->start_min % 60);
			assert_string_equal(fld[4], want);
			int end = (s->start_min + s->length_min) % 1440;
			snprintf(want, sizeof want, "%02d:%02d", end / 60,
				 end % 60);
			assert_string_equal(fld[5], want);
			snprintf(want, sizeof want, "%.2f",
				 s->length_min / 60.0);
			assert_string_equal(fld[6], want);
			if (e_i == 0)
				minutes_e0 += s->length_min;
			if (e_i == 0 && day == 5) {
				/* the night passes midnight */
				assert_string_equal(s->category, "night");
				assert_true(strcmp(fld[5], fld[4]) < 0);
				night_seen = 1;
			}
		}
		free_fields(fld, 7);
		rows++;
	}
	assert_int_equal(rows, f.m->n_employees * f.m->n_days);
	assert_true(night_seen);
	assert_true(minutes_e0 > 0);
	free(text);

	/* the stream version writes the same bytes */
	char *mem = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&mem, &n);
	assert_int_equal(staff_export_csv_stream(&f.plan, f.m, f.r, out, &e),
			 OV_OK);
	fclose(out);
	size_t flen;
	text = slurp(path, &flen);
	assert_int_equal(n, flen);
	assert_memory_equal(mem, text, n);
	free(mem);
	free(text);
	free(path);
	done(&f);
}

static int have_unzip(void)
{
	return system("command -v unzip >/dev/null 2>&1") == 0;
}

/* What `unzip -p xlsx part` prints (owned), or NULL. */
static char *unzip_part(const char *xlsx, const char *part)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s' 2>/dev/null", xlsx, part);
	FILE *in = popen(cmd, "r");
	assert_non_null(in);
	ov_buf b = OV_BUF_INIT;
	char chunk[4096];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, in)) > 0)
		ov_buf_add(&b, chunk, k);
	int rc = pclose(in);
	if (rc != 0) {
		ov_buf_free(&b);
		return NULL;
	}
	return b.data;
}

static void test_xlsx(void **state)
{
	(void)state;
	fx_exp f = make("2026-01-05", 6);
	ov_err e;
	char *path = path_join(f.dir, "rota.xlsx");
	int before = dir_entries(f.dir);
	assert_int_equal(staff_export_xlsx(&f.plan, f.m, f.r, path, 0, &e),
			 OV_OK);
	assert_int_equal(dir_entries(f.dir), before + 1); /* no temp file */
	size_t n;
	char *data = slurp(path, &n);
	assert_true(n > 4000);
	assert_memory_equal(data, "PK\x03\x04", 4);
	free(data);
	/* the same plan gives the same bytes */
	char *again = path_join(f.dir, "again.xlsx");
	assert_int_equal(staff_export_xlsx(&f.plan, f.m, f.r, again, 0, &e),
			 OV_OK);
	size_t n2;
	data = slurp(path, &n);
	char *data2 = slurp(again, &n2);
	assert_int_equal(n, n2);
	assert_memory_equal(data, data2, n);
	free(data);
	free(data2);
	free(again);
	if (have_unzip()) {
		char cmd[512];
		snprintf(cmd, sizeof cmd, "unzip -tqq '%s' >/dev/null 2>&1",
			 path);
		assert_int_equal(system(cmd), 0);
		char *wb = unzip_part(path, "xl/workbook.xml");
		char *strings = unzip_part(path, "xl/sharedStrings.xml");
		char *grid = unzip_part(path, "xl/worksheets/sheet1.xml");
		char *hours = unzip_part(path, "xl/worksheets/sheet2.xml");
		assert_non_null(wb);
		assert_non_null(strings);
		assert_non_null(grid);
		assert_non_null(hours);
		assert_true(contains(wb, "name=\"Rota\""));
		assert_true(contains(wb, "name=\"Hours\""));
		assert_true(contains(strings, "Employee no."));
		assert_true(contains(strings, "Saturday"));
		assert_true(contains(strings, "Contract hours"));
		assert_true(contains(strings, f.m->employees[1].employee_no));
		assert_true(contains(strings, "Ola &quot;Jr&quot;, Nils") ||
			    contains(strings, "Ola \"Jr\", Nils"));
		/* the frozen header and the shading */
		assert_true(contains(grid, "state=\"frozen\""));
		assert_true(contains(hours, "state=\"frozen\""));
		char *styles = unzip_part(path, "xl/styles.xml");
		assert_non_null(styles);
		assert_true(contains(styles, "FFD9D9D9"));
		free(styles);
		free(wb);
		free(strings);
		free(grid);
		free(hours);
	}
	free(path);
	done(&f);
}

/* The file of employee e in dir (owned). */
static char *ics_path(const char *dir, const staff_map *m, int e)
{
	char name[64];
	staff_export_ics_name(m->employees[e].employee_no, name, sizeof name);
	return path_join(dir, name);
}

/* Parses a calendar file with libical (owned component). */
static icalcomponent *parse_ics(const char *path)
{
	char *text = slurp(path, NULL);
	icalcomponent *c = icalparser_parse_string(text);
	free(text);
	assert_non_null(c);
	assert_int_equal(icalcomponent_isa(c), ICAL_VCALENDAR_COMPONENT);
	return c;
}

/* UTC seconds of a DTSTART/DTEND resolved through the calendar's own
 * VTIMEZONE. */
static time_t utc_of(struct icaltimetype t)
{
	assert_non_null(t.zone);
	assert_string_equal(icaltimezone_get_tzid((icaltimezone *)t.zone),
			    "Europe/Oslo");
	return icaltime_as_timet_with_zone(t, t.zone);
}

static time_t utc(int y, int mo, int d, int h, int mi)
{
	struct tm tm = {0};
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	return timegm(&tm);
}

static void test_ics(void **state)
{
	(void)state;
	fx_exp f = make("2026-01-05", 6);
	ov_err e;
	char *dir = path_join(f.dir, "calendars");
	assert_false(exists(dir));
	assert_int_equal(staff_export_ics(&f.plan, f.m, f.r, dir, 0, &e),
			 OV_OK);
	assert_int_equal(dir_entries(dir), f.m->n_employees);
	int y, mo, d, h, mi, s;
	assert_int_equal(sscanf(f.plan.created_at, "%d-%d-%dT%d:%d:%dZ", &y,
				&mo, &d, &h, &mi, &s),
			 6);
	for (int i = 0; i < f.m->n_employees; i++) {
		char *path = ics_path(dir, f.m, i);
		icalcomponent *cal = parse_ics(path);
		int worked = 0;
		for (int day = 0; day < f.m->n_days; day++)
			worked += f.r->assign[i * f.m->n_days + day] !=
				  ROTA_OFF;
		assert_int_equal(icalcomponent_count_components(
					 cal, ICAL_VEVENT_COMPONENT),
				 worked);
		assert_int_equal(icalcomponent_count_components(
					 cal, ICAL_VTIMEZONE_COMPONENT),
				 1);
		int day = 0;
		for (icalcomponent *ev = icalcomponent_get_first_component(
			     cal, ICAL_VEVENT_COMPONENT);
		     ev; ev = icalcomponent_get_next_component(
				 cal, ICAL_VEVENT_COMPONENT)) {
			while (f.r->assign[i * f.m->n_days + day] == ROTA_OFF)
				day++;
			const staff_shift_type *st =
				&f.m->shifts[f.r->assign[i * f.m->n_days +
							 day]];
			int yy, mm, dd;
			ov_date_to_ymd(f.m->from_day + day, &yy, &mm, &dd);
			char uid[128];
			snprintf(uid, sizeof uid, "%lld-%s-%04d%02d%02d@ovttas",
				 (long long)f.plan.id,
				 f.m->employees[i].employee_no, yy, mm, dd);
			assert_string_equal(icalcomponent_get_uid(ev), uid);
			assert_string_equal(icalcomponent_get_summary(ev),
					    st->name_nb);
			struct icaltimetype t0 = icalcomponent_get_dtstart(ev);
			assert_int_equal(t0.year, yy);
			assert_int_equal(t0.month, mm);
			assert_int_equal(t0.day, dd);
			assert_int_equal(t0.hour * 60 + t0.minute,
					 st->start_min);
			icalproperty *pp = icalcomponent_get_first_property(
				ev, ICAL_DTSTART_PROPERTY);
			icalparameter *tz = icalproperty_get_first_parameter(
				pp, ICAL_TZID_PARAMETER);
			assert_non_null(tz);
			assert_string_equal(icalparameter_get_tzid(tz),
					    "Europe/Oslo");
			/* January: Oslo is UTC+1, and the clock time the
			 * shift ends, past midnight or not, is its length
			 * later */
			struct icaltimetype t1 = icalcomponent_get_dtend(ev);
			assert_int_equal(utc_of(t0),
					 utc(yy, mm, dd, 0, 0) +
						 (st->start_min - 60) * 60);
			assert_int_equal(utc_of(t1) - utc_of(t0),
					 st->length_min * 60);
			struct icaltimetype stamp =
				icalcomponent_get_dtstamp(ev);
			assert_true(icaltime_is_utc(stamp));
			assert_int_equal(stamp.year, y);
			assert_int_equal(stamp.month, mo);
			assert_int_equal(stamp.day, d);
			assert_int_equal(stamp.hour, h);
			assert_int_equal(stamp.minute, mi);
			assert_int_equal(stamp.second, s);
			day++;
		}
		if (i == 0) {
			/* the Saturday night ends on Sunday morning */
			icalcomponent *ev = icalcomponent_get_first_component(
				cal, ICAL_VEVENT_COMPONENT);
			while (ev && icalcomponent_get_dtstart(ev).day != 10)
				ev = icalcomponent_get_next_component(
					cal, ICAL_VEVENT_COMPONENT);
			assert_non_null(ev);
			assert_int_equal(icalcomponent_get_dtend(ev).day, 11);
		}
		icalcomponent_free(cal);
		free(path);
	}
	/* CRLF lines; the calendar's name, with its comma and quotes,
	 * reads back whole */
	char *path = ics_path(dir, f.m, 0);
	char *text = slurp(path, NULL);
	assert_true(contains(text, "BEGIN:VCALENDAR\r\n"));
	assert_true(contains(text, "TZID=Europe/Oslo:20260110T"));
	free(text);
	icalcomponent *cal = parse_ics(path);
	icalproperty *xp =
		icalcomponent_get_first_property(cal, ICAL_X_PROPERTY);
	while (xp && strcmp(icalproperty_get_x_name(xp), "X-WR-CALNAME"))
		xp = icalcomponent_get_next_property(cal, ICAL_X_PROPERTY);
	assert_non_null(xp);
	char want[200];
	snprintf(want, sizeof want, "Rota of Ola \"Jr\", Nils %s",
		 f.m->employees[0].family_name);
	assert_string_equal(icalproperty_get_x(xp), want);
	icalcomponent_free(cal);
	free(path);
	free(dir);
	done(&f);
}

/* A fresh calendar folder inside f's directory (free the path). */
static char *cal_dir(const fx_exp *f)
{
	char *dir = path_join(f->dir, "cal");
	assert_int_equal(mkdir(dir, 0700), 0);
	return dir;
}

static void test_ics_summer_time(void **state)
{
	(void)state;
	/* summer time starts on Sunday 29 March 2026 at 02:00 */
	fx_exp f = make("2026-03-23", 1);
	ov_err e;
	char *dir = cal_dir(&f);
	assert_int_equal(staff_export_ics(&f.plan, f.m, f.r, dir, 0, &e),
			 OV_OK);
	char *path = ics_path(dir, f.m, 0);
	icalcomponent *cal = parse_ics(path);
	icalcomponent *ev = icalcomponent_get_first_component(
		cal, ICAL_VEVENT_COMPONENT);
	while (ev && icalcomponent_get_dtstart(ev).day != 28)
		ev = icalcomponent_get_next_component(cal,
						      ICAL_VEVENT_COMPONENT);
	assert_non_null(ev);
	const staff_shift_type *st = &f.m->shifts[shift_of(f.m, "night")];
	int end = st->start_min + st->length_min - 1440;
	/* starts in winter time (UTC+1), ends in summer time (UTC+2) */
	assert_int_equal(utc_of(icalcomponent_get_dtstart(ev)),
			 utc(2026, 3, 28, 0, 0) + (st->start_min - 60) * 60);
	assert_int_equal(utc_of(icalcomponent_get_dtend(ev)),
			 utc(2026, 3, 29, 0, 0) + (end - 120) * 60);
	icalcomponent_free(cal);
	/* a shift in summer time */
	for (int i = 0; i < f.m->n_employees; i++) {
		free(path);
		path = ics_path(dir, f.m, i);
		cal = parse_ics(path);
		for (ev = icalcomponent_get_first_component(
			     cal, ICAL_VEVENT_COMPONENT);
		     ev; ev = icalcomponent_get_next_component(
				 cal, ICAL_VEVENT_COMPONENT)) {
			struct icaltimetype t = icalcomponent_get_dtstart(ev);
			if (t.day == 29 && t.hour >= 5)
				assert_int_equal(
					utc_of(t),
					utc(2026, 3, 29, t.hour - 2,
					    t.minute));
		}
		icalcomponent_free(cal);
	}
	free(path);
	free(dir);
	done(&f);
}

static void test_overwrite_needs_force(void **state)
{
	(void)state;
	fx_exp f = make("2026-01-05", 6);
	ov_err e;
	char *csv = path_join(f.dir, "rota.csv");
	char *xlsx = path_join(f.dir, "rota.xlsx");
	char *dir = path_join(f.dir, "cal");
	FILE *o = fopen(csv, "w");
	fputs("mine", o);
	fclose(o);
	o = fopen(xlsx, "w");
	fputs("mine", o);
	fclose(o);
	assert_int_equal(staff_export_csv(&f.plan, f.m, f.r, csv, 0, &e),
			 OV_E_EXISTS);
	assert_string_equal(e.field, "path");
	assert_int_equal(staff_export_xlsx(&f.plan, f.m, f.r, xlsx, 0, &e),
			 OV_E_EXISTS);
	char *t = slurp(csv, NULL);
	assert_string_equal(t, "mine");
	free(t);
	t = slurp(xlsx, NULL);
	assert_string_equal(t, "mine");
	free(t);
	assert_int_equal(staff_export_csv(&f.plan, f.m, f.r, csv, 1, &e),
			 OV_OK);
	assert_int_equal(staff_export_xlsx(&f.plan, f.m, f.r, xlsx, 1, &e),
			 OV_OK);
	t = slurp(csv, NULL);
	assert_true(contains(t, "Date,"));
	free(t);

	/* ics: one existing calendar stops the export before any is
	 * written; other files in the folder are left alone */
	assert_int_equal(mkdir(dir, 0700), 0);
	char *other = path_join(dir, "notes.txt");
	char *last = ics_path(dir, f.m, f.m->n_employees - 1);
	o = fopen(other, "w");
	fclose(o);
	o = fopen(last, "w");
	fputs("mine", o);
	fclose(o);
	assert_int_equal(staff_export_ics(&f.plan, f.m, f.r, dir, 0, &e),
			 OV_E_EXISTS);
	assert_int_equal(dir_entries(dir), 2);
	assert_int_equal(staff_export_ics(&f.plan, f.m, f.r, dir, 1, &e),
			 OV_OK);
	assert_int_equal(dir_entries(dir), f.m->n_employees + 1);
	t = slurp(last, NULL);
	assert_true(contains(t, "BEGIN:VCALENDAR"));
	free(t);
	/* a folder where a file was asked for, and the other way round */
	assert_int_equal(staff_export_csv(&f.plan, f.m, f.r, dir, 1, &e),
			 OV_E_INPUT);
	assert_int_equal(staff_export_ics(&f.plan, f.m, f.r, csv, 1, &e),
			 OV_E_INPUT);
	free(other);
	free(last);
	free(dir);
	free(csv);
	free(xlsx);
	done(&f);
}

static void test_failure_leaves_nothing(void **state)
{
	(void)state;
	fx_exp f = make("2026-01-05", 6);
	ov_err e;
	int before = dir_entries(f.dir);
	/* a folder that does not exist */
	char *missing = path_join(f.dir, "no/such/rota.csv");
	assert_int_equal(staff_export_csv(&f.plan, f.m, f.r, missing, 0, &e),
			 OV_E_INPUT);
	assert_string_equal(e.field, "path");
	assert_int_equal(staff_export_xlsx(&f.plan, f.m, f.r, missing, 0,
					   &e),
			 OV_E_INPUT);
	assert_int_equal(staff_export_ics(&f.plan, f.m, f.r, missing, 0, &e),
			 OV_E_INPUT);
	/* a roster that does not fit its map */
	char *csv = path_join(f.dir, "rota.csv");
	char *dir = path_join(f.dir, "cal");
	f.r->assign[3] = f.m->n_shifts;
	assert_int_equal(staff_export_csv(&f.plan, f.m, f.r, csv, 0, &e),
			 OV_E_INPUT);
	assert_string_equal(e.field, "roster");
	assert_int_equal(staff_export_xlsx(&f.plan, f.m, f.r, csv, 0, &e),
			 OV_E_INPUT);
	assert_int_equal(staff_export_ics(&f.plan, f.m, f.r, dir, 0, &e),
			 OV_E_INPUT);
	f.r->assign[3] = ROTA_OFF;
	/* two employees whose file names would clash */
	snprintf(f.m->employees[0].employee_no,
		 sizeof f.m->employees[0].employee_no, "x/1");
	snprintf(f.m->employees[1].employee_no,
		 sizeof f.m->employees[1].employee_no, "x:1");
	assert_int_equal(staff_export_ics(&f.plan, f.m, f.r, dir, 0, &e),
			 OV_E_INPUT);
	assert_int_equal(dir_entries(f.dir), before);
	char name[32];
	assert_string_equal(staff_export_ics_name("../a b", name, sizeof name),
			    "___a_b.ics");
	free(missing);
	free(csv);
	free(dir);
	done(&f);
}

static void put(const char *path, const char *text)
{
	FILE *o = fopen(path, "w");
	assert_non_null(o);
	fputs(text, o);
	fclose(o);
}

/* Exports the calendars of f into dir with force, the rename onto
 * employee k's file failing; checks the error. */
static void export_failing_at(fx_exp *f, const char *dir, int k)
{
	ov_err e;
	char *target = ics_path(dir, f->m, k);
	fail_rename_to = target;
	renames_failed = 0;
	assert_int_equal(staff_export_ics(&f->plan, f->m, f->r, dir, 1, &e),
			 OV_E_IO);
	assert_int_equal(renames_failed, 1);
	assert_non_null(strstr(e.msg, target));
	free(target);
}

/* dir holds notes.txt and the files of employees 0 and 1 as written by
 * old_files, and nothing else: no temporary files or backups. */
static void check_old_files(fx_exp *f, const char *dir)
{
	assert_int_equal(dir_entries(dir), 3);
	for (int i = 0; i < 2; i++) {
		char *path = ics_path(dir, f->m, i);
		char *t = slurp(path, NULL);
		assert_string_equal(t, i ? "old 1" : "old 0");
		free(t);
		free(path);
	}
}

/* Old files for employees 0 and 1 in dir, none for the others. */
static void old_files(fx_exp *f, const char *dir)
{
	for (int i = 0; i < f->m->n_employees; i++) {
		char *path = ics_path(dir, f->m, i);
		if (i < 2)
			put(path, i ? "old 1" : "old 0");
		else
			unlink(path);
		free(path);
	}
}

/*
 * A rename failing midway through a calendar export: the files already
 * renamed into place get their old contents back (or go, if new), and
 * no temporary file or backup is left. Also where the file system has
 * no hard links (old files are then moved aside), and in a folder the
 * export made (it goes again).
 */
static void test_ics_all_or_nothing(void **state)
{
	(void)state;
	fx_exp f = make("2026-01-05", 2);
	int n = f.m->n_employees;
	assert_true(n >= 4);
	char *dir = cal_dir(&f);
	char *notes = path_join(dir, "notes.txt");
	put(notes, "mine");
	for (no_links = 0; no_links < 2; no_links++) {
		old_files(&f, dir);
		/* the 2nd file: an old one, after one old one */
		export_failing_at(&f, dir, 1);
		check_old_files(&f, dir);
		/* the 3rd: a new one, after two old ones */
		export_failing_at(&f, dir, 2);
		check_old_files(&f, dir);
		/* the last, after new ones too */
		export_failing_at(&f, dir, n - 1);
		check_old_files(&f, dir);
		/* and when nothing fails, every file is new and no backup
		 * is left */
		ov_err e;
		assert_int_equal(staff_export_ics(&f.plan, f.m, f.r, dir, 1,
						  &e),
				 OV_OK);
		assert_int_equal(dir_entries(dir), n + 1);
		for (int i = 0; i < n; i++) {
			char *path = ics_path(dir, f.m, i);
			char *t = slurp(path, NULL);
			assert_true(contains(t, "BEGIN:VCALENDAR"));
			free(t);
			free(path);
		}
		char *t = slurp(notes, NULL);
		assert_string_equal(t, "mine");
		free(t);
	}
	no_links = 0;
	/* a folder made by the failed export goes again */
	int before = dir_entries(f.dir);
	char *fresh = path_join(f.dir, "new");
	export_failing_at(&f, fresh, 1);
	assert_false(exists(fresh));
	assert_int_equal(dir_entries(f.dir), before);
	free(fresh);
	free(notes);
	free(dir);
	done(&f);
}

/*
 * A calendar export that fails midway and then cannot put an old file
 * back from its backup: the backup stays (the only copy of the old
 * file) and the error names it and the file it should restore. Both
 * ways of keeping the old file: a hard link (employee 0's old file,
 * restored after employee 1's rename fails) and, without hard links, a
 * move aside (employee 1's own, restored at once).
 */
static void test_ics_restore_failure_named(void **state)
{
	(void)state;
	fx_exp f = make("2026-01-05", 2);
	char *dir = cal_dir(&f);
	char *notes = path_join(dir, "notes.txt");
	put(notes, "mine");
	for (no_links = 0; no_links < 2; no_links++) {
		old_files(&f, dir);
		int k = no_links ? 1 : 0; /* whose backup stays */
		char *target = ics_path(dir, f.m, 1);
		char *kept = ics_path(dir, f.m, k);
		char prefix[600], bak[640];
		snprintf(prefix, sizeof prefix, "%s.bak-", kept);
		snprintf(bak, sizeof bak, "%s%ld-0", prefix, (long)getpid());
		fail_rename_to = target;
		fail_rename_from = prefix;
		renames_failed = 0;
		ov_err e;
		assert_int_equal(staff_export_ics(&f.plan, f.m, f.r, dir, 1,
						  &e),
				 OV_E_IO);
		assert_int_equal(renames_failed, 2);
		assert_null(fail_rename_from);
		/* why it rolled back, the backup and the file it restores */
		assert_non_null(strstr(e.msg, target));
		assert_non_null(strstr(e.msg, bak));
		assert_non_null(strstr(e.msg, kept));
		assert_string_equal(e.file, kept);
		assert_string_equal(e.field, "path");
		/* the backup holds the old file and was not removed */
		char *t = slurp(bak, NULL);
		assert_string_equal(t, k ? "old 1" : "old 0");
		free(t);
		/* the rest was rolled back: put the backup back by hand and
		 * all is as before */
		assert_int_equal(renameat(AT_FDCWD, bak, AT_FDCWD, kept), 0);
		check_old_files(&f, dir);
		free(kept);
		free(target);
	}
	no_links = 0;
	free(notes);
	free(dir);
	done(&f);
}

/* Exports to csv, xlsx and the calendar folder with force, the rename
 * onto the target (for the calendars employee 0's file) failing with
 * errno e: each export's status in rc, its error in err and its target
 * (owned) in target. Nothing is left behind. */
static void exports_failing(fx_exp *f, int e, ov_status rc[3],
			    ov_err err[3], char *target[3])
{
	char *dir = path_join(f->dir, "cal");
	target[0] = path_join(f->dir, "rota.csv");
	target[1] = path_join(f->dir, "rota.xlsx");
	target[2] = ics_path(dir, f->m, 0);
	for (int i = 0; i < 3; i++) {
		fail_rename_to = target[i];
		fail_rename_errno = e;
		renames_failed = 0;
		if (i == 0)
			rc[i] = staff_export_csv(&f->plan, f->m, f->r,
						 target[i], 1, &err[i]);
		else if (i == 1)
			rc[i] = staff_export_xlsx(&f->plan, f->m, f->r,
						  target[i], 1, &err[i]);
		else
			rc[i] = staff_export_ics(&f->plan, f->m, f->r, dir, 1,
						 &err[i]);
		assert_int_equal(renames_failed, 1);
		assert_false(exists(target[i]));
	}
	fail_rename_errno = 0;
	assert_false(exists(dir));
	free(dir);
}

/* Every export reports a target it cannot put in place the same way:
 * a disk error as "cannot write PATH: reason" (OV_E_IO) naming the
 * file, the system out of memory as out of memory. */
static void test_rename_errors_alike(void **state)
{
	(void)state;
	fx_exp f = make("2026-01-05", 1);
	ov_status rc[3];
	ov_err e[3];
	char *target[3];
	exports_failing(&f, EIO, rc, e, target);
	for (int i = 0; i < 3; i++) {
		char want[700];
		snprintf(want, sizeof want, "cannot write %s: %s", target[i],
			 strerror(EIO));
		assert_int_equal(rc[i], OV_E_IO);
		assert_string_equal(e[i].msg, want);
		assert_string_equal(e[i].file, target[i]);
		assert_string_equal(e[i].field, "path");
		free(target[i]);
	}
	exports_failing(&f, ENOMEM, rc, e, target);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(rc[i], OV_E_NOMEM);
		assert_string_equal(e[i].msg, "out of memory");
		free(target[i]);
	}
	done(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_csv, fx_english),
		cmocka_unit_test_setup(test_xlsx, fx_english),
		cmocka_unit_test_setup(test_ics, fx_english),
		cmocka_unit_test_setup(test_ics_summer_time, fx_english),
		cmocka_unit_test_setup(test_overwrite_needs_force, fx_english),
		cmocka_unit_test_setup(test_failure_leaves_nothing,
				       fx_english),
		cmocka_unit_test_setup(test_ics_all_or_nothing, fx_english),
		cmocka_unit_test_setup(test_ics_restore_failure_named,
				       fx_english),
		cmocka_unit_test_setup(test_rename_errors_alike, fx_english),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
