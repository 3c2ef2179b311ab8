/*
 * staff_export.c - exports of a stored rota: CSV, an Excel workbook and
 * one iCalendar file per employee, each written beside its target and
 * renamed into place. Called by `ovttas rota export` (cli/
 * cmd_rota_export.c) and later the web UI, after staff_load_rota.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* libical does RFC 5545 for us: property escaping, line folding at 75
 * octets, CRLF and the time/zone value syntax; tests parse it back. */
#include <libical/ical.h>
/* libxlsxwriter writes the xlsx container (a zip of SpreadsheetML
 * parts), which is far too much to produce by hand. */
#include <xlsxwriter.h>

#include "base/ov_file.h"
#include "base/ov_i18n.h"
#include "base/ov_str.h"
#include "staff_int.h"

#define TZID "Europe/Oslo"

/*
 * Europe/Oslo as a VTIMEZONE with the EU rules (since 1996: summer time
 * from the last Sunday of March 02:00 to the last Sunday of October
 * 03:00). Fixed text rather than libical's built-in zones, which depend
 * on the machine's zoneinfo and vary with its version.
 */
static const char oslo_vtimezone[] =
	"BEGIN:VTIMEZONE\r\n"
	"TZID:" TZID "\r\n"
	"X-LIC-LOCATION:" TZID "\r\n"
	"BEGIN:DAYLIGHT\r\n"
	"TZOFFSETFROM:+0100\r\n"
	"TZOFFSETTO:+0200\r\n"
	"TZNAME:CEST\r\n"
	"DTSTART:19700329T020000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
	"END:DAYLIGHT\r\n"
	"BEGIN:STANDARD\r\n"
	"TZOFFSETFROM:+0200\r\n"
	"TZOFFSETTO:+0100\r\n"
	"TZNAME:CET\r\n"
	"DTSTART:19701025T030000\r\n"
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
	"END:STANDARD\r\n"
	"END:VTIMEZONE\r\n";

/* --- shared checks --- */

static ov_status check_input(const staff_plan *plan, const staff_map *m,
			     const rota_roster *r, ov_err *err)
{
	if (!plan || !m || !r)
		return OV_FAIL(err, OV_E_INPUT, "roster",
			       _("there is no rota to export"));
	if (r->n_employees != m->n_employees || r->n_days != m->n_days ||
	    m->n_days < 0 || m->n_employees < 0)
		return OV_FAIL(err, OV_E_INPUT, "roster",
			       _("the rota has %d employees and %d days, its "
				 "problem %d and %d"),
			       r->n_employees, r->n_days, m->n_employees,
			       m->n_days);
	for (int e = 0; e < r->n_employees; e++)
		for (int day = 0; day < r->n_days; day++) {
			int a = r->assign[e * r->n_days + day];
			if (a != ROTA_OFF && (a < 0 || a >= m->n_shifts))
				return OV_FAIL(err, OV_E_INPUT, "roster",
					       _("day %d of employee %s is "
						 "not a shift (%d)"),
					       day + 1,
					       m->employees[e].employee_no, a);
		}
	return OV_OK;
}

static int assigned(const rota_roster *r, int e, int day)
{
	return r->assign[e * r->n_days + day];
}

static const char *shift_name(const staff_shift_type *s)
{
	return ov_i18n_pick(s->name_nb, s->name_se);
}

/* "HH:MM" of a minute of the day (taken modulo a day). */
static char *clock_text(int min, char *buf, size_t n)
{
	min %= 1440;
	snprintf(buf, n, "%02d:%02d", min / 60, min % 60);
	return buf;
}

/* "7.50" */
static char *hours_text(int minutes, char *buf, size_t n)
{
	snprintf(buf, n, "%.2f", minutes / 60.0);
	return buf;
}

static void full_name(const staff_map_employee *e, char *buf, size_t n)
{
	snprintf(buf, n, "%s %s", e->given_name, e->family_name);
	ov_utf8_trim_partial(buf);
}

/* created_at ("2026-11-26T10:00:00Z") as broken-down UTC; the epoch if
 * it is malformed. */
static void created_tm(const staff_plan *plan, struct tm *tm)
{
	memset(tm, 0, sizeof *tm);
	int y, mo, d, h, mi, s;
	if (sscanf(plan->created_at, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d,
		   &h, &mi, &s) == 6 &&
	    mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24 &&
	    mi >= 0 && mi < 60 && s >= 0 && s <= 60) {
		tm->tm_year = y - 1900;
		tm->tm_mon = mo - 1;
		tm->tm_mday = d;
		tm->tm_hour = h;
		tm->tm_min = mi;
		tm->tm_sec = s;
	} else {
		tm->tm_year = 70;
		tm->tm_mday = 1;
	}
}

/* --- safe writes: a temporary file beside the target --- */

static ov_status nomem(ov_err *err)
{
	return OV_FAIL(err, OV_E_NOMEM, NULL, _("out of memory"));
}

/* Writing path failed with errno e (see ov_file.h for the rest). */
static ov_status cannot_write(const char *path, int e, ov_err *err)
{
	return ov_file_error(path, e, "path", err);
}

/* --- CSV --- */

/* One field, quoted when it holds a comma, quote or line break. */
/* Writes the row built in b to out and empties b; -1 if building it
 * ran out of memory. */
static int put_row(FILE *out, ov_buf *b, int bad)
{
	if (!bad)
		fputs(ov_buf_str(b), out);
	ov_buf_free(b);
	return bad ? -1 : 0;
}

ov_status staff_export_csv_stream(const staff_plan *plan, const staff_map *m,
				  const rota_roster *r, FILE *out,
				  ov_err *err)
{
	ov_status rc = check_input(plan, m, r, err);
	if (rc != OV_OK)
		return rc;
	const char *head[] = {_("Date"),  _("Employee no."), _("Name"),
			      _("Shift"), _("Start"),        _("End"),
			      _("Hours")};
	ov_buf b = OV_BUF_INIT;
	int bad = 0;
	for (int i = 0; i < 7; i++)
		bad |= ov_buf_csv_field(&b, head[i], i == 6);
	bad = put_row(out, &b, bad);
	for (int e = 0; !bad && e < m->n_employees; e++) {
		const staff_map_employee *me = &m->employees[e];
		char name[160];
		full_name(me, name, sizeof name);
		for (int day = 0; !bad && day < m->n_days; day++) {
			char date[16], start[8] = "", end[8] = "";
			char hours[16] = "";
			int a = assigned(r, e, day);
			const char *code = "";
			if (a != ROTA_OFF) {
				const staff_shift_type *s = &m->shifts[a];
				code = s->code;
				clock_text(s->start_min, start, sizeof start);
				clock_text(s->start_min + s->length_min, end,
					   sizeof end);
				hours_text(s->length_min, hours, sizeof hours);
			}
			const char *f[7] = {
				ov_date_format(m->from_day + day, date,
					       sizeof date),
				me->employee_no, name, code, start, end, hours};
			for (int k = 0; k < 7; k++)
				bad |= ov_buf_csv_field(&b, f[k], k == 6);
			bad = put_row(out, &b, bad);
		}
	}
	if (bad)
		return nomem(err);
	if (ferror(out))
		return OV_FAIL(err, OV_E_IO, "path",
			       _("cannot write the CSV: %s"),
			       strerror(errno ? errno : EIO));
	return OV_OK;
}

ov_status staff_export_csv(const staff_plan *plan, const staff_map *m,
			   const rota_roster *r, const char *path, int force,
			   ov_err *err)
{
	ov_status rc = check_input(plan, m, r, err);
	if (rc == OV_OK)
		rc = ov_file_check(path, force, "path", err);
	if (rc != OV_OK)
		return rc;
	char *tmp;
	FILE *f;
	rc = ov_file_temp(path, "path", &tmp, &f, err);
	if (rc != OV_OK)
		return rc;
	rc = staff_export_csv_stream(plan, m, r, f, err);
	ov_status rc2 = ov_file_close(f, path, "path", err);
	if (rc == OV_OK)
		rc = rc2;
	if (rc == OV_OK)
		rc = ov_file_commit(tmp, path, force, "path", err);
	else
		unlink(tmp);
	free(tmp);
	return rc;
}

/* --- xlsx --- */

/* Shaded columns: Saturdays, Sundays and public holidays. */
static int shaded(ov_day day)
{
	return ov_date_weekday(day) >= 5 || ov_is_public_holiday(day);
}

typedef struct {
	lxw_format *head, *head_we, *date, *date_we, *cell, *cell_we, *num,
		*num_bold, *bold;
} xlsx_formats;

static lxw_format *fmt(lxw_workbook *wb, int bold, int center, int shade,
		       const char *num)
{
	lxw_format *f = workbook_add_format(wb);
	if (!f)
		return NULL;
	if (bold)
		format_set_bold(f);
	if (center)
		format_set_align(f, LXW_ALIGN_CENTER);
	if (shade) {
		format_set_pattern(f, LXW_PATTERN_SOLID);
		format_set_bg_color(f, 0xD9D9D9);
	}
	if (num)
		format_set_num_format(f, num);
	return f;
}

static int make_formats(lxw_workbook *wb, xlsx_formats *x)
{
	x->head = fmt(wb, 1, 1, 0, NULL);
	x->head_we = fmt(wb, 1, 1, 1, NULL);
	x->date = fmt(wb, 1, 1, 0, "dd.mm");
	x->date_we = fmt(wb, 1, 1, 1, "dd.mm");
	x->cell = fmt(wb, 0, 1, 0, NULL);
	x->cell_we = fmt(wb, 0, 1, 1, NULL);
	x->num = fmt(wb, 0, 0, 0, "0.00");
	x->num_bold = fmt(wb, 1, 0, 0, "0.00");
	x->bold = fmt(wb, 1, 0, 0, NULL);
	return x->head && x->head_we && x->date && x->date_we && x->cell &&
	       x->cell_we && x->num && x->num_bold && x->bold;
}

/* Keeps the first error of a sequence of libxlsxwriter calls. */
#define XL(call)                                                              \
	do {                                                                  \
		lxw_error xl_e_ = (call);                                     \
		if (xl_e_ != LXW_NO_ERROR && *xe == LXW_NO_ERROR)             \
			*xe = xl_e_;                                          \
	} while (0)

/* A sheet name the user's language gives, or NULL (Sheet1, ...) when
 * Excel would not accept it. */
static const char *sheet_name(lxw_workbook *wb, const char *name)
{
	return workbook_validate_sheet_name(wb, name) == LXW_NO_ERROR ? name
								       : NULL;
}

static void grid_sheet(lxw_worksheet *ws, const xlsx_formats *x,
		       const staff_map *m, const rota_roster *r,
		       lxw_error *xe)
{
	XL(worksheet_set_column(ws, 0, 0, 12, NULL));
	XL(worksheet_set_column(ws, 1, 1, 26, NULL));
	if (m->n_days > 0)
		XL(worksheet_set_column(ws, 2, (lxw_col_t)(m->n_days + 1), 12,
					NULL));
	XL(worksheet_write_string(ws, 1, 0, _("Employee no."), x->bold));
	XL(worksheet_write_string(ws, 1, 1, _("Name"), x->bold));
	for (int day = 0; day < m->n_days; day++) {
		ov_day d = m->from_day + day;
		int we = shaded(d), y, mo, dd;
		lxw_col_t c = (lxw_col_t)(day + 2);
		ov_date_to_ymd(d, &y, &mo, &dd);
		lxw_datetime dt = {y, mo, dd, 0, 0, 0};
		XL(worksheet_write_string(ws, 0, c,
					  ov_i18n_weekday(ov_date_weekday(d)),
					  we ? x->head_we : x->head));
		XL(worksheet_write_datetime(ws, 1, c, &dt,
					    we ? x->date_we : x->date));
	}
	for (int e = 0; e < m->n_employees; e++) {
		const staff_map_employee *me = &m->employees[e];
		lxw_row_t row = (lxw_row_t)(e + 2);
		char name[160];
		full_name(me, name, sizeof name);
		XL(worksheet_write_string(ws, row, 0, me->employee_no, NULL));
		XL(worksheet_write_string(ws, row, 1, name, NULL));
		for (int day = 0; day < m->n_days; day++) {
			int a = assigned(r, e, day);
			lxw_format *f = shaded(m->from_day + day) ? x->cell_we
								  : x->cell;
			lxw_col_t c = (lxw_col_t)(day + 2);
			if (a == ROTA_OFF)
				XL(worksheet_write_blank(ws, row, c, f));
			else
				XL(worksheet_write_string(
					ws, row, c, m->shifts[a].code, f));
		}
	}
	/* the legend of the shifts, below the grid */
	lxw_row_t row = (lxw_row_t)(m->n_employees + 3);
	XL(worksheet_write_string(ws, row, 0, _("Shift"), x->bold));
	XL(worksheet_write_string(ws, row, 1, _("Name"), x->bold));
	XL(worksheet_write_string(ws, row, 2, _("Start"), x->bold));
	XL(worksheet_write_string(ws, row, 3, _("End"), x->bold));
	XL(worksheet_write_string(ws, row, 4, _("Hours"), x->bold));
	for (int s = 0; s < m->n_shifts; s++) {
		const staff_shift_type *st = &m->shifts[s];
		char a[8], b[8];
		row++;
		XL(worksheet_write_string(ws, row, 0, st->code, NULL));
		XL(worksheet_write_string(ws, row, 1, shift_name(st), NULL));
		XL(worksheet_write_string(ws, row, 2,
					  clock_text(st->start_min, a,
						     sizeof a),
					  NULL));
		XL(worksheet_write_string(ws, row, 3,
					  clock_text(st->start_min +
							     st->length_min,
						     b, sizeof b),
					  NULL));
		XL(worksheet_write_number(ws, row, 4, st->length_min / 60.0,
					  x->num));
	}
	worksheet_freeze_panes(ws, 2, 2);
}

static void hours_sheet(lxw_worksheet *ws, const xlsx_formats *x,
			const staff_map *m, const rota_roster *r,
			lxw_error *xe)
{
	const char *head[] = {_("Employee no."), _("Name"),
			      _("FTE %"),        _("Contract hours"),
			      _("Rota hours"),   _("Difference")};
	XL(worksheet_set_column(ws, 0, 0, 12, NULL));
	XL(worksheet_set_column(ws, 1, 1, 26, NULL));
	XL(worksheet_set_column(ws, 2, 5, 14, NULL));
	for (int i = 0; i < 6; i++)
		XL(worksheet_write_string(ws, 0, (lxw_col_t)i, head[i],
					  x->bold));
	double sum_contract = 0, sum_rota = 0;
	for (int e = 0; e < m->n_employees; e++) {
		const staff_map_employee *me = &m->employees[e];
		lxw_row_t row = (lxw_row_t)(e + 1);
		int minutes = 0;
		for (int day = 0; day < m->n_days; day++) {
			int a = assigned(r, e, day);
			if (a != ROTA_OFF)
				minutes += m->shifts[a].length_min;
		}
		char name[160];
		full_name(me, name, sizeof name);
		double contract = me->target_minutes / 60.0,
		       rota = minutes / 60.0;
		sum_contract += contract;
		sum_rota += rota;
		XL(worksheet_write_string(ws, row, 0, me->employee_no, NULL));
		XL(worksheet_write_string(ws, row, 1, name, NULL));
		XL(worksheet_write_number(ws, row, 2, me->fte_bp / 100.0,
					  x->num));
		XL(worksheet_write_number(ws, row, 3, contract, x->num));
		XL(worksheet_write_number(ws, row, 4, rota, x->num));
		XL(worksheet_write_number(ws, row, 5, rota - contract,
					  x->num));
	}
	lxw_row_t row = (lxw_row_t)(m->n_employees + 1);
	XL(worksheet_write_string(ws, row, 0, _("Total"), x->bold));
	XL(worksheet_write_number(ws, row, 3, sum_contract, x->num_bold));
	XL(worksheet_write_number(ws, row, 4, sum_rota, x->num_bold));
	XL(worksheet_write_number(ws, row, 5, sum_rota - sum_contract,
				  x->num_bold));
	worksheet_freeze_panes(ws, 1, 0);
}

/* Writes the workbook to file tmp; the error of libxlsxwriter or
 * LXW_ERROR_MEMORY_MALLOC_FAILED. */
static lxw_error write_workbook(const staff_plan *plan, const staff_map *m,
				const rota_roster *r, const char *tmp)
{
	lxw_workbook_options opts = {0};
	lxw_workbook *wb = workbook_new_opt(tmp, &opts);
	if (!wb)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	lxw_error err0 = LXW_NO_ERROR, *xe = &err0;
	/* Same plan, same document properties: the plan's creation time
	 * rather than now. */
	struct tm tm;
	created_tm(plan, &tm);
	char title[128];
	snprintf(title, sizeof title, _("Rota %lld"), (long long)plan->id);
	lxw_doc_properties props = {0};
	props.title = title;
	props.created = timegm(&tm);
	XL(workbook_set_properties(wb, &props));
	xlsx_formats x;
	if (!make_formats(wb, &x)) {
		*xe = LXW_ERROR_MEMORY_MALLOC_FAILED;
	} else {
		lxw_worksheet *grid =
			workbook_add_worksheet(wb, sheet_name(wb, _("Rota")));
		lxw_worksheet *hours =
			workbook_add_worksheet(wb, sheet_name(wb, _("Hours")));
		if (!grid || !hours) {
			*xe = LXW_ERROR_MEMORY_MALLOC_FAILED;
		} else {
			grid_sheet(grid, &x, m, r, xe);
			hours_sheet(hours, &x, m, r, xe);
		}
	}
	/* workbook_close writes the file and always frees the workbook. */
	lxw_error ce = workbook_close(wb);
	return err0 != LXW_NO_ERROR ? err0 : ce;
}

ov_status staff_export_xlsx(const staff_plan *plan, const staff_map *m,
			    const rota_roster *r, const char *path, int force,
			    ov_err *err)
{
	ov_status rc = check_input(plan, m, r, err);
	if (rc == OV_OK)
		rc = ov_file_check(path, force, "path", err);
	if (rc != OV_OK)
		return rc;
	char *tmp;
	FILE *f;
	rc = ov_file_temp(path, "path", &tmp, &f, err);
	if (rc != OV_OK)
		return rc;
	fclose(f); /* libxlsxwriter opens the file by name */
	lxw_error xe = write_workbook(plan, m, r, tmp);
	if (xe == LXW_ERROR_MEMORY_MALLOC_FAILED) {
		rc = nomem(err);
	} else if (xe != LXW_NO_ERROR) {
		rc = OV_FAIL_AT(err, OV_E_IO, path, 0, "path",
				_("cannot write %s: %s"), path,
				lxw_strerror(xe));
	} else {
		/* libxlsxwriter closed the file; sync it before the rename */
		int fd = open(tmp, O_RDONLY);
		if (fd < 0 || (fsync(fd) != 0 && errno != EINVAL))
			rc = cannot_write(path, errno, err);
		if (fd >= 0)
			close(fd);
	}
	if (rc == OV_OK)
		rc = ov_file_commit(tmp, path, force, "path", err);
	else
		unlink(tmp);
	free(tmp);
	return rc;
}

/* --- iCalendar --- */

char *staff_export_ics_name(const char *employee_no, char *buf, size_t n)
{
	if (!n)
		return buf;
	size_t i = 0;
	for (const char *p = employee_no; *p && i + 5 < n; p++, i++) {
		unsigned char c = (unsigned char)*p;
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			 (c >= '0' && c <= '9') || c == '-' || c == '_';
		buf[i] = ok ? (char)c : '_';
	}
	snprintf(buf + i, n - i, ".ics");
	return buf;
}

/* A local time of the rota's day `day` plus `min` minutes (which may
 * pass midnight), without zone: written with TZID=Europe/Oslo. */
static struct icaltimetype local_time(ov_day day, int min)
{
	struct icaltimetype t = icaltime_null_time();
	int y, mo, d;
	ov_date_to_ymd(day + min / 1440, &y, &mo, &d);
	t.year = y;
	t.month = mo;
	t.day = d;
	t.hour = min % 1440 / 60;
	t.minute = min % 60;
	t.is_date = 0;
	return t;
}

static icalproperty *with_tzid(icalproperty *p)
{
	if (p)
		icalproperty_add_parameter(p, icalparameter_new_tzid(TZID));
	return p;
}

/* Adds p to c; 0 if p is NULL (out of memory). */
static int add_prop(icalcomponent *c, icalproperty *p)
{
	if (!p)
		return 0;
	icalcomponent_add_property(c, p);
	return 1;
}

/*
 * An X- property (X-WR-CALNAME, X-WR-TIMEZONE: the calendar's name and
 * zone as calendar apps show them). Its value type is unknown to
 * libical, which writes it as given (a comma is then not a list
 * separator: there is no list in an x-prop's value).
 */
static icalproperty *x_prop(const char *name, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);
	if (p)
		icalproperty_set_x_name(p, name);
	return p;
}

/* The calendar of employee e as an owned string (free()), or NULL when
 * out of memory. */
static char *employee_calendar(const staff_plan *plan, const staff_map *m,
			       const rota_roster *r, int e)
{
	const staff_map_employee *me = &m->employees[e];
	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalcomponent *tz = icalcomponent_new_from_string(oslo_vtimezone);
	if (!cal || !tz) {
		icalcomponent_free(cal);
		icalcomponent_free(tz);
		return NULL;
	}
	char name[160], calname[256];
	full_name(me, name, sizeof name);
	snprintf(calname, sizeof calname, _("Rota of %s"), name);
	ov_utf8_trim_partial(calname);
	int ok = add_prop(cal, icalproperty_new_prodid("-//ovttas//rota "
						       "export//EN")) &&
		 add_prop(cal, icalproperty_new_version("2.0")) &&
		 add_prop(cal, icalproperty_new_calscale("GREGORIAN")) &&
		 add_prop(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH)) &&
		 add_prop(cal, x_prop("X-WR-CALNAME", calname)) &&
		 add_prop(cal, x_prop("X-WR-TIMEZONE", TZID));
	icalcomponent_add_component(cal, tz);

	struct tm tm;
	created_tm(plan, &tm);
	struct icaltimetype stamp = icaltime_null_time();
	stamp.year = tm.tm_year + 1900;
	stamp.month = tm.tm_mon + 1;
	stamp.day = tm.tm_mday;
	stamp.hour = tm.tm_hour;
	stamp.minute = tm.tm_min;
	stamp.second = tm.tm_sec;
	stamp.zone = icaltimezone_get_utc_timezone();

	for (int day = 0; ok && day < m->n_days; day++) {
		int a = assigned(r, e, day);
		if (a == ROTA_OFF)
			continue;
		const staff_shift_type *s = &m->shifts[a];
		ov_day d = m->from_day + day;
		int y, mo, dd;
		ov_date_to_ymd(d, &y, &mo, &dd);
		char uid[128];
		snprintf(uid, sizeof uid, "%lld-%s-%04d%02d%02d@ovttas",
			 (long long)plan->id, me->employee_no, y, mo, dd);
		icalcomponent *ev = icalcomponent_new_vevent();
		if (!ev) {
			ok = 0;
			break;
		}
		icalcomponent_add_component(cal, ev);
		ok = add_prop(ev, icalproperty_new_uid(uid)) &&
		     add_prop(ev, icalproperty_new_dtstamp(stamp)) &&
		     add_prop(ev, with_tzid(icalproperty_new_dtstart(
					  local_time(d, s->start_min)))) &&
		     add_prop(ev, with_tzid(icalproperty_new_dtend(local_time(
					  d, s->start_min + s->length_min)))) &&
		     add_prop(ev, icalproperty_new_summary(shift_name(s))) &&
		     add_prop(ev, icalproperty_new_categories(s->code));
	}
	char *text = ok ? icalcomponent_as_ical_string_r(cal) : NULL;
	icalcomponent_free(cal);
	return text;
}

/* Removes the temporary files written so far. */
static void unlink_all(char **tmp, int n)
{
	for (int i = 0; i < n; i++)
		if (tmp[i])
			unlink(tmp[i]);
}

/*
 * --- all or nothing: many temporary files renamed into place ---
 *
 * POSIX renames one file atomically, not several. So each existing
 * target first gets a second name, a backup: a hard link, which leaves
 * the target in place; where the file system has no hard links, the
 * target is moved to it just before its replacement. If a rename then
 * fails, the targets replaced so far get their old files back (or go,
 * if they are new), and if all succeed the backups go.
 */

enum { OLD_NONE, OLD_LINKED, OLD_MOVE };

/* A free backup name "<path>.bak-<pid>-<n>" (owned) as *bak, trying
 * try(path, name) on each until it does not fail with EEXIST. Returns
 * 0, or -1 with errno set (ENOMEM when out of memory). */
static int backup_name(const char *path, int (*try)(const char *, const char *),
		       char **bak)
{
	*bak = NULL;
	for (int i = 0; i < 100; i++) {
		ov_buf b = OV_BUF_INIT;
		if (ov_buf_printf(&b, "%s.bak-%ld-%d", path, (long)getpid(),
				  i)) {
			errno = ENOMEM;
			return -1;
		}
		if (try(path, ov_buf_str(&b)) == 0) {
			*bak = b.data;
			return 0;
		}
		int e = errno;
		ov_buf_free(&b);
		if (e != EEXIST) {
			errno = e;
			return -1;
		}
	}
	errno = EEXIST;
	return -1;
}

/* rename(path, bak) unless bak exists (rename would replace it). */
static int move_aside(const char *path, const char *bak)
{
	struct stat st;
	if (lstat(bak, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(path, bak);
}

/*
 * A rollback could not put the old file path back from its backup bak
 * (rename failed with errno e). The backup stays, now the only copy of
 * the old file, so the error (already set: why the export rolled back)
 * is extended to name both, for the user to rename it by hand. Returns
 * OV_E_IO, the error's new code.
 */
static ov_status restore_failed(const char *bak, const char *path, int e,
				ov_err *err)
{
	char why[sizeof err->msg] = "";
	if (err)
		snprintf(why, sizeof why, "%s", err->msg);
	return OV_FAIL_AT(err, OV_E_IO, path, 0, "path",
			  _("%s; and the old %s could not be put back (%s): "
			    "it is kept as %s, rename it to %s by hand"),
			  why, path, strerror(e), bak, path);
}

/*
 * Renames tmp[i] to paths[i] for each of the n files, all or nothing
 * (see above). The temporary files not renamed are left to the caller.
 */
static ov_status commit_all(char **tmp, char **paths, int n, ov_err *err)
{
	char **bak = calloc((size_t)n + 1, sizeof *bak);
	unsigned char *old = calloc((size_t)n + 1, 1);
	if (!bak || !old) {
		free(bak);
		free(old);
		return nomem(err);
	}
	ov_status rc = OV_OK;
	/* the old files get their second names ... */
	for (int i = 0; rc == OV_OK && i < n; i++) {
		struct stat st;
		if (lstat(paths[i], &st) != 0)
			continue; /* a new file */
		if (backup_name(paths[i], link, &bak[i]) == 0)
			old[i] = OLD_LINKED;
		else if (errno == ENOMEM)
			rc = nomem(err);
		else
			old[i] = OLD_MOVE; /* no hard links here */
	}
	/* ... then the new files go into place */
	int done = 0;
	for (; rc == OV_OK && done < n; done++) {
		int i = done;
		if (old[i] == OLD_MOVE &&
		    backup_name(paths[i], move_aside, &bak[i]) != 0) {
			if (errno != ENOENT) {
				rc = cannot_write(paths[i], errno, err);
				break;
			}
			old[i] = OLD_NONE; /* gone meanwhile */
		}
		if (rename(tmp[i], paths[i]) != 0) {
			rc = cannot_write(paths[i], errno, err);
			/* A moved old file comes back (if that fails, its
			 * backup stays: the only copy); a linked one never
			 * left, and its backup goes below. */
			if (old[i] == OLD_MOVE) {
				if (rename(bak[i], paths[i]) != 0)
					rc = restore_failed(bak[i], paths[i],
							    errno, err);
				free(bak[i]);
				bak[i] = NULL;
			}
			break;
		}
	}
	/* On failure the targets replaced so far get their old files back.
	 * A backup that cannot be renamed back is kept: it is then the only
	 * copy of the old file. */
	for (int i = done - 1; rc != OV_OK && i >= 0; i--) {
		if (old[i] == OLD_NONE)
			unlink(paths[i]);
		else if (rename(bak[i], paths[i]) == 0) {
			free(bak[i]);
			bak[i] = NULL;
		} else {
			rc = restore_failed(bak[i], paths[i], errno, err);
		}
	}
	/* The backups left are second names of files now replaced (on
	 * success) or still in place (not reached). */
	for (int i = 0; i < n; i++) {
		if (bak[i] && (rc == OV_OK || i >= done))
			unlink(bak[i]);
		free(bak[i]);
	}
	free(bak);
	free(old);
	return rc;
}

static ov_status ics_targets(const staff_map *m, const char *dir, int force,
			     char ***paths, ov_err *err)
{
	char **p = calloc((size_t)m->n_employees + 1, sizeof *p);
	if (!p)
		return nomem(err);
	*paths = p;
	for (int e = 0; e < m->n_employees; e++) {
		char name[64];
		staff_export_ics_name(m->employees[e].employee_no, name,
				      sizeof name);
		ov_buf b = OV_BUF_INIT;
		if (ov_buf_printf(&b, "%s/%s", dir, name))
			return nomem(err);
		p[e] = b.data;
		for (int j = 0; j < e; j++)
			if (!strcmp(p[j], p[e]))
				return OV_FAIL_AT(
					err, OV_E_INPUT, p[e], 0, "path",
					_("employees %s and %s would share "
					  "the file %s"),
					m->employees[j].employee_no,
					m->employees[e].employee_no, p[e]);
		ov_status rc = ov_file_check(p[e], force, "path", err);
		if (rc != OV_OK)
			return rc;
	}
	return OV_OK;
}

static void free_list(char **p, int n)
{
	if (!p)
		return;
	for (int i = 0; i < n; i++)
		free(p[i]);
	free(p);
}

ov_status staff_export_ics(const staff_plan *plan, const staff_map *m,
			   const rota_roster *r, const char *dir, int force,
			   ov_err *err)
{
	ov_status rc = check_input(plan, m, r, err);
	if (rc != OV_OK)
		return rc;
	struct stat st;
	int made_dir = 0;
	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			return OV_FAIL_AT(err, OV_E_INPUT, dir, 0, "path",
					  _("%s is not a folder"), dir);
	}
	char **paths = NULL, **tmp = NULL;
	rc = ics_targets(m, dir, force, &paths, err);
	if (rc == OV_OK && !(tmp = calloc((size_t)m->n_employees + 1,
					  sizeof *tmp)))
		rc = nomem(err);
	if (rc == OV_OK && stat(dir, &st) != 0) {
		if (mkdir(dir, 0777) != 0)
			rc = OV_FAIL_AT(err, OV_E_INPUT, dir, 0, "path",
					_("cannot create folder %s: %s"), dir,
					strerror(errno));
		else
			made_dir = 1;
	}
	/* every file to a temporary file first ... */
	int written = 0;
	for (; rc == OV_OK && written < m->n_employees; written++) {
		char *text = employee_calendar(plan, m, r, written);
		if (!text) {
			rc = nomem(err);
			break;
		}
		FILE *f;
		rc = ov_file_temp(paths[written], "path", &tmp[written], &f,
				  err);
		if (rc == OV_OK) {
			fputs(text, f);
			rc = ov_file_close(f, paths[written], "path", err);
		}
		icalmemory_free_buffer(text);
		if (rc != OV_OK) {
			written++; /* its temporary file, if any, goes too */
			break;
		}
	}
	/* ... then all renamed into place, or none */
	if (rc == OV_OK)
		rc = commit_all(tmp, paths, m->n_employees, err);
	if (rc != OV_OK) {
		/* the temporary files left (renamed ones are gone) */
		if (tmp)
			unlink_all(tmp, written);
		if (made_dir)
			rmdir(dir); /* fails, harmlessly, if not empty */
	}
	free_list(tmp, m->n_employees);
	free_list(paths, m->n_employees);
	return rc;
}
