/*
 * staff_fixture.h - a tiny organisation for the staffing tests, so they
 * do not depend on the demo's random staff: one municipality, a unit
 * with a nurse, health workers and assistants (one of them holding two
 * posts), and a unit with no nurse. Also the usual three shifts, and a
 * private copy of the demo database. Included by tests/staffing/.
 */
#ifndef STAFF_FIXTURE_H
#define STAFF_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "db/db.h"
#include "org/org.h"
#include "staffing/staff.h"
#include "support/support.h"

enum { FX_UNIT = 1, FX_NO_NURSE = 2, FX_EMPTY = 3 };

static const char staff_fixture_sql[] =
	"INSERT INTO municipality (id, code, name_nb, name_se, inhabitants,"
	" area_km2) VALUES (1, '5610', 'Karasjok', 'Kárášjohka', 2565, 5453);"
	"INSERT INTO sector (id, municipality_id, code, name_nb, name_se)"
	" VALUES (1, 1, 'helse', 'Helse og omsorg', 'Dearvvašvuohta');"
	"INSERT INTO unit (id, municipality_id, sector_id, ansvar, name_nb,"
	" name_se, funksjon, round_the_clock) VALUES"
	" (1, 1, 1, 'T1', 'Testheimen', 'Geahččanruoktu', '253', 1),"
	" (2, 1, 1, 'T2', 'Bofellesskapet', 'Ovttasorrunsadji', '257', 1),"
	" (3, 1, 1, 'T3', 'Tomt', 'Guorus', '253', 1);"
	"INSERT INTO employee (id, municipality_id, employee_no, given_name,"
	" family_name, sami_proficiency) VALUES"
	" (1, 1, '101', 'Leder', 'Aas', 3),"
	" (2, 1, '102', 'Nina', 'Berg', 0),"
	" (3, 1, '103', 'Ánde', 'Gaup', 3),"
	" (4, 1, '104', 'Per', 'Hansen', 1),"
	" (5, 1, '105', 'Máret', 'Sara', 2),"
	" (6, 1, '106', 'Inga', 'Utsi', 2),"
	" (7, 1, '107', 'Leder', 'Eira', 2),"
	" (8, 1, '108', 'Elle', 'Somby', 3),"
	" (9, 1, '109', 'Jon', 'Turi', 0);"
	"INSERT INTO position (id, unit_id, employee_id, title_nb, title_se,"
	" fte_bp, competence) VALUES"
	" (1, 1, 1, 'Enhetsleder', 'Ovttadatjođiheaddji', 10000, 'nurse'),"
	" (2, 1, 2, 'Sykepleier', 'Buohccedivššár', 8000, 'nurse'),"
	" (3, 1, 3, 'Helsefagarbeider', 'Dearvvašvuođafágabargi', 10000,"
	"  'health_worker'),"
	" (4, 1, 4, 'Assistent', 'Assisteanta', 5000, 'unskilled'),"
	" (5, 1, 5, 'Helsefagarbeider', 'Dearvvašvuođafágabargi', 6000,"
	"  'health_worker'),"
	" (6, 1, 6, 'Assistent', 'Assisteanta', 4000, 'unskilled'),"
	" (7, 1, 6, 'Helsefagarbeider', 'Dearvvašvuođafágabargi', 2000,"
	"  'health_worker'),"
	" (8, 1, NULL, 'Sykepleier', 'Buohccedivššár', 5000, 'nurse'),"
	" (9, 2, 7, 'Enhetsleder', 'Ovttadatjođiheaddji', 10000, 'nurse'),"
	" (10, 2, 8, 'Helsefagarbeider', 'Dearvvašvuođafágabargi', 10000,"
	"  'health_worker'),"
	" (11, 2, 9, 'Assistent', 'Assisteanta', 7500, 'unskilled'),"
	" (12, 3, 7, 'Enhetsleder', 'Ovttadatjođiheaddji', 2000, 'nurse');";

/* Dag 07:30-15:30, aften 15:00-22:30, natt 22:00-07:45. */
static inline void fx_shifts(db *d, int64_t unit)
{
	static const staff_shift_type sh[] = {
		{0, 0, "D", "Dagvakt", "Beaivevuorru", 450, 480, "day"},
		{0, 0, "A", "Aftenvakt", "Eahketvuorru", 900, 450, "evening"},
		{0, 0, "N", "Nattevakt", "Idjavuorru", 1320, 585, "night"},
	};
	ov_err e;
	for (size_t i = 0; i < sizeof sh / sizeof *sh; i++)
		if (staff_shift_type_set(d, NULL, unit, &sh[i], NULL, &e) !=
		    OV_OK)
			fail_msg("shift %s: %s", sh[i].code, e.msg);
}

/* cmocka setup: messages in English (running the CLI for demo_db()
 * switches the language to its default, Bokmål). */
static inline int fx_english(void **state)
{
	(void)state;
	ov_i18n_init("en");
	return 0;
}

/* A scratch database with the fixture organisation. */
static inline scratch_db fx_open(void)
{
	scratch_db s = scratch_open("staff.db");
	ov_err e;
	if (db_exec(s.d, staff_fixture_sql, &e) != OV_OK)
		fail_msg("fixture: %s", e.msg);
	return s;
}

/* A writable copy of the demo database in dir (owned path). */
static inline char *fx_demo_copy(const char *dir)
{
	db *d;
	ov_err e;
	char *p = path_join(dir, "demo-copy.db");
	if (db_open(demo_db(), DB_READ, &d, &e) != OV_OK ||
	    db_backup(d, p, 0, &e) != OV_OK)
		fail_msg("copy: %s", e.msg);
	db_close(d);
	return p;
}

/* The id of a unit found by ansvar in the demo. */
static inline int64_t fx_unit(db *d, const char *ansvar)
{
	org_unit u;
	ov_err e;
	if (org_unit_find(d, 0, ansvar, &u, &e) != OV_OK)
		fail_msg("unit %s: %s", ansvar, e.msg);
	return u.id;
}

#endif
