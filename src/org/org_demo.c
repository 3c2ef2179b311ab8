/*
 * org_demo.c - the demo organisation of Karasjok and Kautokeino:
 * municipalities, sectors, units with ansvar codes, and the
 * employees and positions drawn from the rng. Called by demo_load.
 * Sámi texts marked "se: review" need a native speaker's check.
 */
#include <stdio.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "org.h"

enum { KJK, KTK, NMUNI };

static const struct {
	int64_t id;
	const char *code, *nb, *se, *org_no;
	int64_t inhabitants, area;
	const char *kostra_group;
	double lat, lon;
} munis[NMUNI] = {
	/* kostra_group "6" is unverified (BRIEF §2): import the real one. */
	{1, "5610", "Karasjok", "Kárášjohka", "963376030", 2565, 5453, "6",
	 69.4719, 25.5112},
	{2, "5612", "Kautokeino", "Guovdageaidnu", "945475056", 2840, 9707,
	 "6", 69.0122, 23.0408},
};

enum { S_HELSE, S_OPPVEKST, S_PTMN, S_ADM, NSECT };

static const struct {
	const char *code, *nb, *se;
} sectors[NSECT] = {
	{"helse", "Helse og omsorg",
	 "Dearvvašvuohta ja fuolahus"}, /* se: review */
	{"oppvekst", "Oppvekst", "Bajásšaddan"}, /* se: review */
	{"ptmn", "Plan, teknisk, miljø og næring",
	 "Plána, teknihkka, biras ja ealáhus"}, /* se: review */
	{"adm", "Administrasjon og økonomi",
	 "Hálddahus ja ekonomiija"}, /* se: review */
};

/*
 * How a unit is staffed: ROTA units run round the clock with many small
 * part-time posts and few nurses (the programme's "vulnerable nurse
 * competence"); HEALTH units are day services with the given competence;
 * DAY units (other sectors) are mostly full time, competence 'other'.
 */
enum staffing { ROTA, HEALTH, DAY };

typedef struct {
	int muni, sector;
	const char *ansvar, *nb, *se, *funksjon;
	int rtc;
	enum staffing kind;
	int size; /* posts, the leader's included */
	/* the usual post, and a second one for every third post */
	const char *title_nb, *title_se, *comp;
	const char *title2_nb, *title2_se, *comp2;
} unit_def;

/*
 * Karasjok numbers ansvar by sector in hundreds (1xxx adm, 2xxx
 * oppvekst, 3xxx helse, 6xxx ptmn); Kautokeino in tens (10xx adm,
 * 20xx oppvekst, 40xx helse, 60xx ptmn), so the schemes do not overlap.
 */
static const unit_def units[] = {
	/* Karasjok: Administrasjon og økonomi */
	{KJK, S_ADM, "1100", "Kommunedirektør", "Gielddadirektevra", "120",
	 0, DAY, 3, "Rådgiver", "Ráđđeaddi", "other", NULL, NULL, NULL},
	{KJK, S_ADM, "1200", "Økonomi", "Ekonomiija", "120", 0, DAY, 6,
	 "Økonomikonsulent", "Ekonomiijakonsulenta", "other", "Controller",
	 "Controller", "other"},
	{KJK, S_ADM, "1300", "Personal og organisasjon",
	 "Bargiid- ja organisašuvdnaáššit", /* se: review */
	 "120", 0, DAY, 4, "HR-rådgiver", "HR-ráđđeaddi", "other", NULL,
	 NULL, NULL},
	{KJK, S_ADM, "1400", "Servicekontor og IKT",
	 "Bálvaluskantuvra ja IKT", /* se: review */
	 "120", 0, DAY, 6, "Konsulent", "Konsulenta", "other",
	 "IKT-konsulent", "IKT-konsulenta", "other"},
	{KJK, S_ADM, "1500", "Politisk styring", "Politihkalaš stivren",
	 "100", 0, DAY, 2, "Politisk sekretær",
	 "Politihkalaš čálli", /* se: review */
	 "other", NULL, NULL, NULL},
	/* Karasjok: Oppvekst */
	{KJK, S_OPPVEKST, "2100", "Karasjok skole", "Kárášjoga skuvla", "202",
	 0, DAY, 28, "Lærer", "Oahpaheaddji", "other", "Fagarbeider skole",
	 "Skuvlla fágabargi", /* se: review */ "other"},
	{KJK, S_OPPVEKST, "2200", "Barnehagene", "Mánáidgárddit", "201", 0,
	 DAY, 16, "Barnehagelærer", "Mánáidgárdeoahpaheaddji", "other",
	 "Barne- og ungdomsarbeider",
	 "Mánáid- ja nuoraidbargi", /* se: review */ "other"},
	{KJK, S_OPPVEKST, "2300", "Kulturskolen", "Kulturskuvla", "383", 0,
	 DAY, 4, "Kulturskolelærer", "Kulturskuvlaoahpaheaddji", "other",
	 NULL, NULL, NULL},
	{KJK, S_OPPVEKST, "2400", "Voksenopplæringen",
	 "Rávesolbmuidoahpahus", /* se: review */
	 "213", 0, DAY, 3, "Lærer", "Oahpaheaddji", "other", NULL, NULL,
	 NULL},
	/* Karasjok: Helse og omsorg */
	{KJK, S_HELSE, "3100", "Hjemmetjenesten", "Ruovttubálvalusat", "258",
	 0, ROTA, 22, NULL, NULL, NULL, NULL, NULL, NULL},
	{KJK, S_HELSE, "3200", "Karasjok sykehjem",
	 "Kárášjoga buhcciidruoktu", "253", 1, ROTA, 34, NULL, NULL, NULL,
	 NULL, NULL, NULL},
	{KJK, S_HELSE, "3300", "Bofellesskap og omsorgsboliger",
	 "Ovttasorrunsajit ja fuolahusviesut", /* se: review */
	 "257", 1, ROTA, 16, NULL, NULL, NULL, NULL, NULL, NULL},
	{KJK, S_HELSE, "3400", "Helsestasjonen",
	 "Dearvvašvuođastašuvdna", "232", 0, HEALTH, 5, "Helsesykepleier",
	 "Dearvvašvuođabuohccedivššár", /* se: review */ "nurse",
	 "Jordmor", "Jordemor", /* se: review */ "nurse"},
	{KJK, S_HELSE, "3500", "Legekontoret", "Doaktárkantuvra", "241", 0,
	 HEALTH, 7, "Lege", "Doavttir", "other", "Helsesekretær",
	 "Dearvvašvuođačálli", /* se: review */ "health_worker"},
	{KJK, S_HELSE, "3600", "Psykisk helse og rus",
	 "Psyhkalaš dearvvašvuohta ja gárrenávnnasat", /* se: review */
	 "241", 0, HEALTH, 6, "Miljøterapeut", "Birasterapevta",
	 "health_worker", "Psykiatrisk sykepleier",
	 "Psykiatriija buohccedivššár", /* se: review */ "nurse"},
	{KJK, S_HELSE, "3700", "Tildelingskontoret",
	 "Juolludankantuvra", /* se: review */
	 "234", 0, HEALTH, 3, "Saksbehandler", "Áššemeannudeaddji", "nurse",
	 NULL, NULL, NULL},
	/* Karasjok: Plan, teknisk, miljø og næring */
	{KJK, S_PTMN, "6100", "Plan og byggesak", "Plána ja huksenáššit",
	 "302", 0, DAY, 4, "Saksbehandler", "Áššemeannudeaddji", "other",
	 NULL, NULL, NULL},
	{KJK, S_PTMN, "6200", "Vann og avløp", "Čáhci ja kloahkka", "345", 0,
	 DAY, 5, "Driftsoperatør", "Doaibmaoperatevra", /* se: review */
	 "other", NULL, NULL, NULL},
	{KJK, S_PTMN, "6300", "Brann og redning",
	 "Buollin ja gádjun", /* se: review */
	 "339", 0, DAY, 6, "Brannkonstabel", "Buollinkonstábel",
	 /* se: review */ "other", NULL, NULL, NULL},
	{KJK, S_PTMN, "6400", "Eiendom og drift",
	 "Opmodagat ja doaibma", /* se: review */
	 "121", 0, DAY, 5, "Vaktmester", "Vákteolmmái", "other", NULL,
	 NULL, NULL},
	{KJK, S_PTMN, "6500", "Renhold", "Buhtisdoallan", /* se: review */
	 "130", 0, DAY, 7, "Renholder", "Buhtisteaddji", "other", NULL,
	 NULL, NULL},
	{KJK, S_PTMN, "6600", "Svømmehallen", "Vuodjanhállá", "381", 0, DAY,
	 3, "Badevakt", "Vuodjanvákta", /* se: review */ "other", NULL,
	 NULL, NULL},
	{KJK, S_PTMN, "6700", "Landbruk", "Eanandoallu", "329", 0, DAY, 2,
	 "Landbruksrådgiver", "Eanandoalloráđđeaddi", "other", NULL, NULL,
	 NULL},

	/* Kautokeino: Administrasjon og økonomi */
	{KTK, S_ADM, "1010", "Kommunedirektør", "Suohkandirektevra", "120",
	 0, DAY, 3, "Rådgiver", "Ráđđeaddi", "other", NULL, NULL, NULL},
	{KTK, S_ADM, "1020", "Økonomi", "Ekonomiija", "120", 0, DAY, 5,
	 "Økonomikonsulent", "Ekonomiijakonsulenta", "other", NULL, NULL,
	 NULL},
	{KTK, S_ADM, "1030", "Personal", "Bargiidáššit", /* se: review */
	 "120", 0, DAY, 3, "HR-rådgiver", "HR-ráđđeaddi", "other", NULL,
	 NULL, NULL},
	{KTK, S_ADM, "1040", "Servicetorget og IKT",
	 "Bálvalusguovddáš ja IKT", /* se: review */
	 "120", 0, DAY, 5, "Konsulent", "Konsulenta", "other",
	 "IKT-konsulent", "IKT-konsulenta", "other"},
	{KTK, S_ADM, "1050", "Politisk styring", "Politihkalaš stivren",
	 "100", 0, DAY, 2, "Politisk sekretær",
	 "Politihkalaš čálli", /* se: review */
	 "other", NULL, NULL, NULL},
	/* Kautokeino: Oppvekst */
	{KTK, S_OPPVEKST, "2010", "Kautokeino skole", "Guovdageainnu skuvla",
	 "202", 0, DAY, 26, "Lærer", "Oahpaheaddji", "other",
	 "Fagarbeider skole", "Skuvlla fágabargi", /* se: review */ "other"},
	{KTK, S_OPPVEKST, "2020", "Masi skole", "Máze skuvla", "202", 0, DAY,
	 8, "Lærer", "Oahpaheaddji", "other", NULL, NULL, NULL},
	{KTK, S_OPPVEKST, "2030", "Barnehagene", "Mánáidgárddit", "201", 0,
	 DAY, 16, "Barnehagelærer", "Mánáidgárdeoahpaheaddji", "other",
	 "Barne- og ungdomsarbeider",
	 "Mánáid- ja nuoraidbargi", /* se: review */ "other"},
	{KTK, S_OPPVEKST, "2040", "Kulturskolen", "Kulturskuvla", "383", 0,
	 DAY, 3, "Kulturskolelærer", "Kulturskuvlaoahpaheaddji", "other",
	 NULL, NULL, NULL},
	{KTK, S_OPPVEKST, "2050", "Voksenopplæringen",
	 "Rávesolbmuidoahpahus", /* se: review */
	 "213", 0, DAY, 2, "Lærer", "Oahpaheaddji", "other", NULL, NULL,
	 NULL},
	/* Kautokeino: Helse og omsorg */
	{KTK, S_HELSE, "4010", "Hjemmesykepleien", "Ruoktobuohccedikšu",
	 "258", 0, ROTA, 20, NULL, NULL, NULL, NULL, NULL, NULL},
	{KTK, S_HELSE, "4020", "Kautokeino sykehjem",
	 "Guovdageainnu buhcciidruoktu", "253", 1, ROTA, 30, NULL, NULL,
	 NULL, NULL, NULL, NULL},
	{KTK, S_HELSE, "4030", "Omsorgsboligene",
	 "Fuolahusviesut", /* se: review */
	 "257", 1, ROTA, 14, NULL, NULL, NULL, NULL, NULL, NULL},
	{KTK, S_HELSE, "4040", "Helsestasjonen", "Dearvvašvuođastašuvdna",
	 "232", 0, HEALTH, 4, "Helsesykepleier",
	 "Dearvvašvuođabuohccedivššár", /* se: review */ "nurse", NULL, NULL,
	 NULL},
	{KTK, S_HELSE, "4050", "Legekontoret", "Doaktárkantuvra", "241", 0,
	 HEALTH, 6, "Lege", "Doavttir", "other", "Helsesekretær",
	 "Dearvvašvuođačálli", /* se: review */ "health_worker"},
	{KTK, S_HELSE, "4060", "Psykisk helse og rus",
	 "Psyhkalaš dearvvašvuohta ja gárrenávnnasat", /* se: review */
	 "241", 0, HEALTH, 5, "Miljøterapeut", "Birasterapevta",
	 "health_worker", NULL, NULL, NULL},
	{KTK, S_HELSE, "4070", "Tildelingskontoret",
	 "Juolludankantuvra", /* se: review */
	 "234", 0, HEALTH, 3, "Saksbehandler", "Áššemeannudeaddji", "nurse",
	 NULL, NULL, NULL},
	/* Kautokeino: Plan, teknisk, miljø og næring */
	{KTK, S_PTMN, "6010", "Plan og byggesak", "Plána ja huksenáššit",
	 "301", 0, DAY, 3, "Saksbehandler", "Áššemeannudeaddji", "other",
	 NULL, NULL, NULL},
	{KTK, S_PTMN, "6020", "Vann og avløp", "Čáhci ja kloahkka", "340", 0,
	 DAY, 4, "Driftsoperatør", "Doaibmaoperatevra", /* se: review */
	 "other", NULL, NULL, NULL},
	{KTK, S_PTMN, "6030", "Brann og redning",
	 "Buollin ja gádjun", /* se: review */
	 "339", 0, DAY, 6, "Brannkonstabel", "Buollinkonstábel",
	 /* se: review */ "other", NULL, NULL, NULL},
	{KTK, S_PTMN, "6040", "Eiendom", "Opmodagat", /* se: review */
	 "121", 0, DAY, 4, "Vaktmester", "Vákteolmmái", "other", NULL, NULL,
	 NULL},
	{KTK, S_PTMN, "6050", "Renhold", "Buhtisdoallan", /* se: review */
	 "130", 0, DAY, 6, "Renholder", "Buhtisteaddji", "other", NULL,
	 NULL, NULL},
	{KTK, S_PTMN, "6060", "Svømmehallen", "Vuodjanhállá", "381", 0, DAY,
	 2, "Badevakt", "Vuodjanvákta", /* se: review */ "other", NULL, NULL,
	 NULL},
	{KTK, S_PTMN, "6070", "Landbruk og reindrift",
	 "Eanandoallu ja boazodoallu", "329", 0, DAY, 3,
	 "Landbruksrådgiver", "Eanandoalloráđđeaddi", "other", NULL, NULL,
	 NULL},
};

#define NUNITS ((int)(sizeof units / sizeof *units))

/* Runs a prepared insert and readies it for the next row. */
static ov_status exec_reset(db_stmt *st, ov_err *err)
{
	ov_status rc = db_run(st, err);
	db_reset(st);
	return rc;
}

static ov_status load_structure(db *d, ov_err *err)
{
	db_stmt *st = NULL;
	ov_status rc = db_prepare(d,
			    "INSERT INTO municipality (id, code, name_nb, "
			    "name_se, org_no, inhabitants, area_km2, "
			    "kostra_group, lat, lon) VALUES ($1, $2, $3, $4, "
			    "$5, $6, $7, $8, $9, $10)",
			    &st, err);
	for (int m = 0; rc == OV_OK && m < NMUNI; m++) {
		db_bind_int(st, 1, munis[m].id);
		db_bind_text(st, 2, munis[m].code);
		db_bind_text(st, 3, munis[m].nb);
		db_bind_text(st, 4, munis[m].se);
		db_bind_text(st, 5, munis[m].org_no);
		db_bind_int(st, 6, munis[m].inhabitants);
		db_bind_int(st, 7, munis[m].area);
		db_bind_text(st, 8, munis[m].kostra_group);
		db_bind_double(st, 9, munis[m].lat);
		db_bind_double(st, 10, munis[m].lon);
		rc = exec_reset(st, err);
	}
	db_finalize(st);
	st = NULL;
	if (rc == OV_OK)
		rc = db_prepare(d,
			  "INSERT INTO sector (id, municipality_id, code, "
			  "name_nb, name_se) VALUES ($1, $2, $3, $4, $5)",
			  &st, err);
	for (int m = 0; rc == OV_OK && m < NMUNI; m++)
		for (int s = 0; rc == OV_OK && s < NSECT; s++) {
			db_bind_int(st, 1, m * NSECT + s + 1);
			db_bind_int(st, 2, munis[m].id);
			db_bind_text(st, 3, sectors[s].code);
			db_bind_text(st, 4, sectors[s].nb);
			db_bind_text(st, 5, sectors[s].se);
			rc = exec_reset(st, err);
		}
	db_finalize(st);
	st = NULL;
	if (rc == OV_OK)
		rc = db_prepare(d,
			  "INSERT INTO unit (id, municipality_id, sector_id, "
			  "ansvar, name_nb, name_se, funksjon, "
			  "round_the_clock) VALUES ($1, $2, $3, $4, $5, $6, "
			  "$7, $8)",
			  &st, err);
	for (int u = 0; rc == OV_OK && u < NUNITS; u++) {
		db_bind_int(st, 1, u + 1);
		db_bind_int(st, 2, munis[units[u].muni].id);
		db_bind_int(st, 3, units[u].muni * NSECT + units[u].sector + 1);
		db_bind_text(st, 4, units[u].ansvar);
		db_bind_text(st, 5, units[u].nb);
		db_bind_text(st, 6, units[u].se);
		db_bind_text(st, 7, units[u].funksjon);
		db_bind_int(st, 8, units[u].rtc);
		rc = exec_reset(st, err);
	}
	db_finalize(st);
	return rc;
}

/* Family names common in the area, Sámi and Norwegian, with rough
 * weights (invented for the demo, not statistics). */
static const struct {
	const char *name;
	int weight;
} family_names[] = {
	{"Sara", 9},      {"Hætta", 8},     {"Eira", 8},    {"Gaup", 7},
	{"Buljo", 6},     {"Somby", 7},     {"Turi", 6},    {"Bongo", 5},
	{"Utsi", 5},      {"Mienna", 4},    {"Anti", 4},    {"Balto", 4},
	{"Guttorm", 5},   {"Porsanger", 3}, {"Siri", 5},    {"Oskal", 4},
	{"Skum", 4},      {"Mathisen", 5},  {"Juuso", 3},   {"Aslaksen", 4},
	{"Persen", 4},    {"Smuk", 3},      {"Vars", 3},    {"Labba", 3},
	{"Nilsen", 5},    {"Olsen", 4},     {"Johansen", 4}, {"Hansen", 4},
	{"Logje", 2},     {"Kemi", 2},      {"Triumf", 2},  {"Nystad", 2},
	{"Kitti", 2},     {"Boine", 2},     {"Magga", 3},   {"Partapuoli", 1},
	{"Berg", 2},      {"Pedersen", 2},  {"Andersen", 2}, {"Larsen", 2},
};

static const char *const given_names[] = {
	"Máret",  "Ánde",   "Elle",   "Inga",    "Biret",   "Ánne",
	"Sárá",   "Risten", "Niillas", "Áslak",  "Mikkel",  "Johan",
	"Piera",  "Ovllá",  "Issát",  "Marit",   "Kari",    "Ellen",
	"Berit",  "Inger",  "Nils",   "Per",     "Ole",     "Jon",
	"Isak",   "Heidi",  "Silje",  "Karen",   "Ristin",  "Máhtte",
	"Ásllat", "Elen",   "Kristine", "Anders", "Mathis", "Ingá",
	"Gunn",   "Torill", "Berit Anne", "Nils Ánte", "Marja", "Ánte",
	"Hege",   "Lise",   "Siv",    "Tor",     "Espen",   "Aili",
};

#define NGIVEN ((int)(sizeof given_names / sizeof *given_names))
#define NFAMILY ((int)(sizeof family_names / sizeof *family_names))

enum { C_NURSE, C_HEALTH_WORKER, C_UNSKILLED, C_OTHER, NCOMP };

static const char *const comp_codes[NCOMP] = {"nurse", "health_worker",
					      "unskilled", "other"};

static int comp_index(const char *code)
{
	for (int c = 0; c < NCOMP; c++)
		if (!strcmp(comp_codes[c], code))
			return c;
	return C_OTHER;
}

/* Titles in the round-the-clock units, by competence. */
static const struct {
	const char *nb, *se;
} rota_titles[NCOMP] = {
	{"Sykepleier", "Buohccedivššár"},
	{"Helsefagarbeider", "Dearvvašvuođafágabargi"}, /* se: review */
	{"Assistent", "Assisteanta"},
	{"Miljøarbeider", "Birasbargi"}, /* se: review */
};

/*
 * Sámi proficiency weights (none, understands, speaks, writes). Most
 * staff speak Sámi, more in Kautokeino; nurses recruited from outside
 * are more often Norwegian-only (invented shares for the demo).
 */
static const int prof_weights[NMUNI][2][4] = {
	{{12, 13, 35, 40}, {40, 20, 20, 20}},
	{{6, 8, 36, 50}, {32, 18, 22, 28}},
};

/* One employee made so far, for giving a few of them a second post. */
typedef struct {
	int64_t id;
	int unit, comp;
	int fte;
} held;

typedef struct {
	ov_rng *rng;
	db_stmt *emp, *pos;
	int64_t next_emp, next_pos;
	int next_no[NMUNI];
	held recent[NMUNI][8]; /* last part-timers in rota units */
	int nrecent[NMUNI];
} gen;

static const char *leader_title(const unit_def *u, int se)
{
	if (!strcmp(u->funksjon, "202"))
		return "Rektor";
	if (!strcmp(u->funksjon, "201"))
		return se ? "Mánáidgárdejođiheaddji" : "Styrer";
	if (!strcmp(u->nb, "Kommunedirektør"))
		return se ? u->se : u->nb;
	if (u->kind != DAY)
		return se ? "Ovttadatjođiheaddji" /* se: review */
			  : "Enhetsleder";
	return se ? "Ossodatjođiheaddji" /* se: review */ : "Avdelingsleder";
}

static ov_status add_employee(gen *g, int muni, int comp, int leader,
			      int64_t *id, ov_err *err)
{
	int w[NFAMILY];
	for (int i = 0; i < NFAMILY; i++)
		w[i] = family_names[i].weight;
	const char *family = family_names[ov_rng_weighted(g->rng, w,
							   NFAMILY)].name;
	const char *given = given_names[ov_rng_range(g->rng, 0, NGIVEN - 1)];
	int born = (int)(leader ? ov_rng_range(g->rng, 1962, 1988)
				: ov_rng_range(g->rng, 1959, 2003));
	int first = born + 20 > 1990 ? born + 20 : 1990;
	int hired = (int)ov_rng_range(g->rng, first, 2024);
	char hired_on[16], no[16];
	snprintf(hired_on, sizeof hired_on, "%04d-%02d-%02d", hired,
		 (int)ov_rng_range(g->rng, 1, 12),
		 (int)ov_rng_range(g->rng, 1, 28));
	snprintf(no, sizeof no, "%d", g->next_no[muni]++);
	int prof = ov_rng_weighted(g->rng,
				   prof_weights[muni][comp == C_NURSE], 4);
	*id = g->next_emp++;
	db_bind_int(g->emp, 1, *id);
	db_bind_int(g->emp, 2, munis[muni].id);
	db_bind_text(g->emp, 3, no);
	db_bind_text(g->emp, 4, given);
	db_bind_text(g->emp, 5, family);
	db_bind_int(g->emp, 6, born);
	db_bind_int(g->emp, 7, prof);
	db_bind_text(g->emp, 8, hired_on);
	return exec_reset(g->emp, err);
}

static ov_status add_position(gen *g, int unit, int64_t emp_id,
			      const char *nb, const char *se, int fte,
			      int comp, ov_err *err)
{
	db_bind_int(g->pos, 1, g->next_pos++);
	db_bind_int(g->pos, 2, unit + 1);
	if (emp_id)
		db_bind_int(g->pos, 3, emp_id);
	else
		db_bind_null(g->pos, 3);
	db_bind_text(g->pos, 4, nb);
	db_bind_text(g->pos, 5, se);
	db_bind_int(g->pos, 6, fte);
	db_bind_text(g->pos, 7, comp_codes[comp]);
	return exec_reset(g->pos, err);
}

/* Post sizes in basis points and their weights. Rota units are mostly
 * part time (KS 2018: about a quarter of rota staff work full time). */
static const int rota_fte[] = {2000, 3500, 4000, 5000, 6000, 6500,
			       7000, 7500, 8000, 9000, 10000};
static const int rota_fte_w[] = {4, 5, 8, 10, 11, 5, 8, 9, 11, 5, 24};
static const int day_fte[] = {4000, 5000, 6000, 8000, 10000};
static const int day_fte_w[] = {2, 4, 3, 4, 87};

#define NROTA_FTE ((int)(sizeof rota_fte / sizeof *rota_fte))
#define NDAY_FTE ((int)(sizeof day_fte / sizeof *day_fte))

/*
 * A part-time post in a rota unit goes now and then to someone who
 * already holds a small post in another rota unit of the municipality:
 * the pattern behind the programme's wish for larger posts.
 */
static int64_t second_post(gen *g, int muni, int unit, int fte, int *comp)
{
	if (fte > 5000 || !ov_rng_chance(g->rng, 200))
		return 0;
	for (int i = g->nrecent[muni] - 1; i >= 0; i--) {
		held *h = &g->recent[muni][i];
		if (h->unit != unit && h->fte + fte <= 10000) {
			int64_t id = h->id;
			*comp = h->comp;
			/* once is enough: drop it from the list */
			memmove(h, h + 1, (size_t)(g->nrecent[muni] - i - 1) *
						  sizeof *h);
			g->nrecent[muni]--;
			return id;
		}
	}
	return 0;
}

static void remember(gen *g, int muni, int64_t id, int unit, int comp,
		     int fte)
{
	int n = g->nrecent[muni];
	if (n == 8) {
		memmove(g->recent[muni], g->recent[muni] + 1,
			7 * sizeof g->recent[muni][0]);
		n = 7;
	}
	g->recent[muni][n] = (held){id, unit, comp, fte};
	g->nrecent[muni] = n + 1;
}

static ov_status staff_unit(gen *g, int ui, ov_err *err)
{
	const unit_def *u = &units[ui];
	int64_t emp;
	int lcomp = u->kind == DAY ? C_OTHER
		    : u->comp && !strcmp(u->comp, "other") ? C_OTHER
							   : C_NURSE;
	ov_status rc = add_employee(g, u->muni, lcomp, 1, &emp, err);
	if (rc == OV_OK)
		rc = add_position(g, ui, emp, leader_title(u, 0),
				  leader_title(u, 1), 10000, lcomp, err);
	for (int i = 1; rc == OV_OK && i < u->size; i++) {
		int comp, fte, vacant;
		const char *nb = NULL, *se = NULL;
		if (u->kind == ROTA) {
			static const int cw[] = {13, 37, 50};
			comp = ov_rng_weighted(g->rng, cw, 3);
			fte = rota_fte[ov_rng_weighted(g->rng, rota_fte_w,
						       NROTA_FTE)];
			vacant = ov_rng_chance(g->rng,
					       comp == C_NURSE ? 300 : 120);
		} else {
			int alt = u->title2_nb && i % 3 == 2;
			nb = alt ? u->title2_nb : u->title_nb;
			se = alt ? u->title2_se : u->title_se;
			comp = comp_index(alt ? u->comp2 : u->comp);
			fte = day_fte[ov_rng_weighted(g->rng, day_fte_w,
						      NDAY_FTE)];
			vacant = ov_rng_chance(g->rng,
					       u->kind == HEALTH ? 100 : 40);
		}
		emp = 0;
		if (!vacant && u->kind == ROTA)
			emp = second_post(g, u->muni, ui, fte, &comp);
		if (!vacant && !emp) {
			rc = add_employee(g, u->muni, comp, 0, &emp, err);
			if (u->kind == ROTA && fte <= 5000)
				remember(g, u->muni, emp, ui, comp, fte);
		}
		if (u->kind == ROTA) {
			nb = rota_titles[comp].nb;
			se = rota_titles[comp].se;
		}
		if (rc == OV_OK)
			rc = add_position(g, ui, vacant ? 0 : emp, nb, se,
					  fte, comp, err);
	}
	return rc;
}

/* Mobile home care (258) is nurse-led (insulin, medication and wounds
 * need a nurse on the round) and has more people than its first draw
 * gives: these posts come after every unit's, so the draws of the other
 * units, and all their data, stay as they were. */
#define HOME_CARE_EXTRA 20

static ov_status home_care_extra(gen *g, int ui, ov_err *err)
{
	static const int cw[] = {40, 45, 15};
	ov_status rc = OV_OK;
	for (int i = 0; rc == OV_OK && i < HOME_CARE_EXTRA; i++) {
		int comp = ov_rng_weighted(g->rng, cw, 3);
		int fte = rota_fte[ov_rng_weighted(g->rng, rota_fte_w,
						   NROTA_FTE)];
		int vacant = ov_rng_chance(g->rng, 60);
		int64_t emp = 0;
		if (!vacant)
			rc = add_employee(g, units[ui].muni, comp, 0, &emp,
					  err);
		if (rc == OV_OK)
			rc = add_position(g, ui, emp, rota_titles[comp].nb,
					  rota_titles[comp].se, fte, comp, err);
	}
	return rc;
}

static ov_status load_people(db *d, ov_rng *rng, ov_err *err)
{
	gen g = {.rng = rng, .next_emp = 1, .next_pos = 1,
		 .next_no = {10001, 20001}};
	ov_status rc = db_prepare(d,
				  "INSERT INTO employee (id, municipality_id, "
				  "employee_no, given_name, family_name, "
				  "birth_year, sami_proficiency, hired_on) "
				  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
				  &g.emp, err);
	if (rc == OV_OK)
		rc = db_prepare(d,
				"INSERT INTO position (id, unit_id, "
				"employee_id, title_nb, title_se, fte_bp, "
				"competence) VALUES ($1, $2, $3, $4, $5, $6, "
				"$7)",
				&g.pos, err);
	for (int u = 0; rc == OV_OK && u < NUNITS; u++)
		rc = staff_unit(&g, u, err);
	for (int u = 0; rc == OV_OK && u < NUNITS; u++)
		if (!strcmp(units[u].funksjon, "258"))
			rc = home_care_extra(&g, u, err);
	db_finalize(g.emp);
	db_finalize(g.pos);
	return rc;
}

ov_status org_demo_load(db *d, ov_rng *rng, ov_err *err)
{
	ov_status rc = load_structure(d, err);
	if (rc == OV_OK)
		rc = load_people(d, rng, err);
	return rc;
}
