/*
 * econ_fixture.h - a small organisation for the economy tests, so they
 * do not depend on the size or names of the demo organisation: two
 * municipalities, four sectors each, a few units with positions.
 * Included by tests/economy/ and tests/cli/test_cmd_economy.c.
 */
#ifndef ECON_FIXTURE_H
#define ECON_FIXTURE_H

#include <stdio.h>

#include "base/ov_rng.h"
#include "db/db.h"
#include "economy/econ.h"

static const char econ_fixture_sql[] =
	"INSERT INTO municipality (id, code, name_nb, name_se, inhabitants,"
	" area_km2) VALUES (1, '5610', 'Karasjok', 'Kárášjohka', 2565, 5453),"
	" (2, '5612', 'Kautokeino', 'Guovdageaidnu', 2840, 9707);"
	"INSERT INTO sector (id, municipality_id, code, name_nb, name_se)"
	" VALUES (1, 1, 'helse', 'Helse og omsorg', 'Dearvvašvuohta'),"
	" (2, 1, 'oppvekst', 'Oppvekst', 'Bajásšaddan'),"
	" (3, 1, 'ptmn', 'Teknisk', 'Teknihkka'),"
	" (4, 1, 'adm', 'Administrasjon', 'Hálddahus'),"
	" (5, 2, 'helse', 'Helse og omsorg', 'Dearvvašvuohta'),"
	" (6, 2, 'oppvekst', 'Oppvekst', 'Bajásšaddan'),"
	" (7, 2, 'ptmn', 'Teknisk', 'Teknihkka'),"
	" (8, 2, 'adm', 'Administrasjon', 'Hálddahus');"
	/* Karasjok: a 24/7 nursing home, home care still coded 254. */
	"INSERT INTO unit (id, municipality_id, sector_id, ansvar, name_nb,"
	" name_se, funksjon, round_the_clock) VALUES"
	" (1, 1, 1, 'K31', 'Sykehjemmet', 'Buhcciidruoktu', '253', 1),"
	" (2, 1, 1, 'K32', 'Hjemmetjenesten', 'Ruovttubálvalusat', '254', 1),"
	" (3, 1, 1, 'K33', 'Legekontoret', 'Doaktárkantuvra', '241', 0),"
	" (4, 1, 2, 'K21', 'Skolen', 'Skuvla', '202', 0),"
	" (5, 1, 2, 'K22', 'Barnehagen', 'Mánáidgárdi', '201', 0),"
	" (6, 1, 3, 'K61', 'Vann', 'Čáhci', '345', 0),"
	" (7, 1, 3, 'K62', 'Brann', 'Buollin', '339', 0),"
	" (8, 1, 4, 'K11', 'Sentraladministrasjonen', 'Guovddášhálddahus',"
	"  '120', 0),"
	" (9, 2, 5, 'G31', 'Sykehjemmet', 'Buhcciidruoktu', '253', 1),"
	" (10, 2, 5, 'G32', 'Hjemmetjenesten', 'Ruovttubálvalusat', '258', 0),"
	" (11, 2, 6, 'G21', 'Skolen', 'Skuvla', '202', 0),"
	" (12, 2, 7, 'G61', 'Veier', 'Geainnut', '332', 0),"
	" (13, 2, 8, 'G11', 'Sentraladministrasjonen', 'Guovddášhálddahus',"
	"  '120', 0),"
	" (14, 2, 8, 'G12', 'Politisk styring', 'Politihkka', '100', 0);";

/* Posts per unit: n posts of fte_bp each (a post is at most 100 %). */
static const struct {
	int unit, n, fte_bp;
	const char *competence;
} econ_fixture_posts[] = {
	{1, 9, 10000, "nurse"},  {1, 15, 8000, "health_worker"},
	{1, 6, 5000, "unskilled"}, {2, 6, 10000, "nurse"},
	{2, 10, 8000, "health_worker"}, {3, 3, 10000, "other"},
	{3, 2, 10000, "nurse"},  {4, 25, 10000, "other"},
	{5, 8, 10000, "other"},  {5, 8, 7500, "unskilled"},
	{6, 2, 10000, "other"},  {7, 8, 5000, "other"},
	{8, 10, 10000, "other"}, {9, 8, 10000, "nurse"},
	{9, 14, 8000, "health_worker"}, {9, 8, 5000, "unskilled"},
	{10, 5, 10000, "nurse"}, {10, 9, 8000, "health_worker"},
	{11, 28, 10000, "other"}, {12, 3, 10000, "other"},
	{13, 11, 10000, "other"},
};

/* Creates a database at path with the fixture organisation and, if
 * rng is not NULL, the demo economy loaded from it. Returns the open
 * database (close with db_close) or NULL. */
static db *econ_fixture_open(const char *path, ov_rng *rng)
{
	db *d;
	ov_err e;
	if (db_open(path, DB_CREATE, &d, &e) != OV_OK)
		return NULL;
	ov_status rc = db_begin(d, &e);
	if (rc == OV_OK)
		rc = db_exec(d, econ_fixture_sql, &e);
	db_stmt *st = NULL;
	if (rc == OV_OK)
		rc = db_prepare(d,
				"INSERT INTO position (unit_id, title_nb, "
				"title_se, fte_bp, competence) VALUES ($1, "
				"'Stilling', 'Virgi', $2, $3)",
				&st, &e);
	size_t np = sizeof econ_fixture_posts / sizeof *econ_fixture_posts;
	for (size_t i = 0; rc == OV_OK && i < np; i++)
		for (int k = 0; rc == OV_OK && k < econ_fixture_posts[i].n;
		     k++) {
			db_bind_int(st, 1, econ_fixture_posts[i].unit);
			db_bind_int(st, 2, econ_fixture_posts[i].fte_bp);
			db_bind_text(st, 3, econ_fixture_posts[i].competence);
			rc = db_run(st, &e);
			db_reset(st);
		}
	db_finalize(st);
	if (rc == OV_OK && rng)
		rc = econ_demo_load(d, rng, &e);
	if (rc == OV_OK)
		rc = db_commit(d, &e);
	if (rc != OV_OK) {
		fprintf(stderr, "fixture: %s\n", e.msg);
		db_rollback(d);
		db_close(d);
		return NULL;
	}
	return d;
}

#endif
