/*
 * care_demo.c - the demo home care of `ovttas init --demo`: recipients
 * living in the real settlements of Karasjok and Kautokeino, their needs
 * and the recurring visits that follow from them. Called by demo_load
 * after the organisation demo, which created the municipality rows.
 */
#include <math.h>
#include <stdio.h>

#include "base/ov_i18n.h"
#include "care.h"

/* A settlement centre in 1e-5 degrees, so every coordinate is exact
 * to 5 decimals and prints the same everywhere. */
typedef struct {
	const char *name; /* the local (Northern Sámi) place name */
	int lat_e5, lon_e5;
	int weight; /* share of the municipality's recipients */
} settlement;

typedef struct {
	const char *code;   /* SSB number of the municipality row */
	const char *prefix; /* of the pseudonymous recipient code */
	int min, max;       /* number of recipients */
	int se_permille;    /* chance a recipient prefers Sámi */
	settlement places[5];
} demo_muni;

/*
 * Centres from BRIEF.md §9: the two villages and Máze are sourced, the
 * rest are estimates good to 5-10 km. Most recipients live in the
 * villages (Dorvonjárga is part of Karasjok village); a few far out.
 * Kautokeino has the larger Sámi-speaking majority.
 */
static const demo_muni munis[] = {
	{"5610", "K", 53, 57, 830,
	 {{"Kárášjohka", 6947190, 2551120, 62},
	  {"Dorvonjárga", 6948000, 2549000, 18},
	  {"Váljohka", 6970000, 2595000, 7},
	  {"Ássebákti", 6940000, 2508000, 6},
	  {"Šuoššjávri", 6938000, 2427000, 7}}},
	{"5612", "G", 63, 67, 920,
	 {{"Guovdageaidnu", 6901220, 2304080, 66},
	  {"Máze", 6944360, 2366690, 16},
	  {"Láhpoluoppal", 6918000, 2370000, 7},
	  {"Ávži", 6900000, 2335000, 6},
	  {"Suolovuopmi", 6958000, 2353000, 5}}},
};

#define NPLACES 5
#define JITTER_M 1500
#define M_PER_DEG_LAT 111320

static const char *const female[] = {
	"Ánne",   "Máret", "Elle",  "Inger",  "Sára",   "Kirsten", "Berit",
	"Biret",  "Ristin", "Karen", "Ellen", "Marit",  "Áile",    "Láilá",
	"Rávdná", "Gádjá", "Siri",  "Ingá",   "Margit", "Susanne", "Risten",
};
static const char *const male[] = {
	"Ánte",  "Niillas", "Ovllá", "Jovnna", "Máhtte", "Biera", "Isak",
	"Per",   "Johan",   "Mikkal", "Áslat", "Nils",   "Anders", "Mathis",
	"Heaika", "Piera",  "Hánsa", "Jon",    "Ivar",   "Lásse",
};
static const char *const family[] = {
	"Somby",  "Hætta",  "Gaup",   "Sara",     "Eira",      "Buljo",
	"Utsi",   "Anti",   "Logje",  "Bongo",    "Turi",      "Oskal",
	"Triumf", "Kemi",   "Mienna", "Balto",    "Nango",     "Porsanger",
	"Keskitalo", "Siri", "Guttorm", "Skum",   "Aslaksen",  "Eriksen",
	"Henriksen", "Mathisen", "Laiti", "Magga", "Labba",    "Kalstad",
};

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))

/* Needs in the order they are stored and turned into visits. */
enum {
	N_INSULIN,
	N_MEDICATION,
	N_PERSONAL_CARE,
	N_MOBILITY, /* needs lifting: personal care takes two caregivers */
	N_MEALS,
	N_WOUND_CARE,
	N_SUPERVISION,
	N_PRACTICAL_HELP,
	N_RESPITE,
	N_COUNT
};

static const char *const need_name[N_COUNT] = {
	"insulin", "medication",  "personal_care",  "mobility", "meals",
	"wound_care", "supervision", "practical_help", "respite",
};

/* Chance (permille) of each need for an elderly recipient and for a
 * younger one with a disability; mobility is conditional on personal
 * care. */
static const int need_old[N_COUNT] = {110, 600, 450, 250, 300,
				      100, 200, 550, 30};
static const int need_young[N_COUNT] = {40,  300, 800, 300, 200,
					50,  600, 500, 500};

typedef struct {
	db_stmt *recipient, *need, *visit;
	ov_err *err;
} loader;

/* Rounds a/b to the nearest integer, halves away from zero. */
static long div_round(long a, long b)
{
	return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
}

static ov_status find_municipality(db *d, const char *code, int64_t *id,
				   ov_err *err)
{
	db_stmt *st;
	ov_status rc = db_prepare(d, "SELECT id FROM municipality "
				     "WHERE code = $1", &st, err);
	if (rc != OV_OK)
		return rc;
	db_bind_text(st, 1, code);
	int r = db_step(st, err);
	if (r == 1)
		*id = db_col_int(st, 0);
	db_finalize(st);
	if (r < 0)
		return OV_E_DB;
	if (r == 0)
		return OV_FAIL(err, OV_E_NOTFOUND, NULL,
			       _("municipality %s is missing; the "
				 "organisation must be loaded first"),
			       code);
	return OV_OK;
}

static ov_status add_visit(loader *L, int64_t rid, const char *weekdays,
			   int start, int end, int duration,
			   const char *competence, const char *task, int two)
{
	db_bind_int(L->visit, 1, rid);
	db_bind_text(L->visit, 2, weekdays);
	db_bind_int(L->visit, 3, start);
	db_bind_int(L->visit, 4, end);
	db_bind_int(L->visit, 5, duration);
	db_bind_text(L->visit, 6, competence);
	db_bind_text(L->visit, 7, task);
	db_bind_int(L->visit, 8, two);
	ov_status rc = db_run(L->visit, L->err);
	db_reset(L->visit);
	return rc;
}

/* A pattern with only the given weekday (0 = Monday) set. */
static void one_day(char *out, int wd)
{
	for (int i = 0; i < 7; i++)
		out[i] = i == wd ? '1' : '0';
	out[7] = '\0';
}

/*
 * The visits that follow from the needs. Times follow common home-care
 * practice: insulin in tight windows morning and afternoon, medication
 * and wound care by a nurse, personal care morning and evening, lunch,
 * weekly practical help by anyone.
 */
static ov_status add_visits(loader *L, ov_rng *rng, int64_t rid,
			    const int *has)
{
	static const char *const twice_weekly[] = {"1001000", "0100100",
						   "0010010"};
	static const int care_len[] = {30, 45, 60};
	static const int care_len_w[] = {2, 5, 2};
	const char *daily = "1111111";
	char day[8];
	ov_status rc = OV_OK;
	int two = has[N_MOBILITY];

	if (has[N_INSULIN]) {
		rc = add_visit(L, rid, daily, 450, 510, 15, "nurse",
			       "insulin", 0);
		if (rc == OV_OK)
			rc = add_visit(L, rid, daily, 990, 1050, 15, "nurse",
				       "insulin", 0);
	}
	if (rc == OV_OK && has[N_MEDICATION]) {
		if (ov_rng_chance(rng, 300)) {
			/* Weekly: the nurse fills the pill organiser. */
			one_day(day, (int)ov_rng_range(rng, 0, 4));
			rc = add_visit(L, rid, day, 600, 840, 30, "nurse",
				       "medication", 0);
		} else {
			rc = add_visit(L, rid, daily, 480, 570, 15, "nurse",
				       "medication", 0);
			if (rc == OV_OK && ov_rng_chance(rng, 400))
				rc = add_visit(L, rid, daily, 1140, 1230, 15,
					       "nurse", "medication", 0);
		}
	}
	if (rc == OV_OK && has[N_PERSONAL_CARE]) {
		/* Some have family who help at weekends. */
		const char *pat = ov_rng_chance(rng, 150) ? "1111100" : daily;
		int len = care_len[ov_rng_weighted(rng, care_len_w, 3)];
		rc = add_visit(L, rid, pat, 450, 600, len, "health_worker",
			       "personal_care", two);
		if (rc == OV_OK && ov_rng_chance(rng, 550))
			rc = add_visit(L, rid, pat, 1200, 1290, 30,
				       "health_worker", "personal_care", two);
	}
	if (rc == OV_OK && has[N_MEALS])
		rc = add_visit(L, rid,
			       ov_rng_chance(rng, 600) ? daily : "1111100",
			       690, 780, 30, "any", "meals", 0);
	if (rc == OV_OK && has[N_WOUND_CARE])
		rc = add_visit(L, rid,
			       twice_weekly[ov_rng_range(rng, 0, 2)], 600,
			       840, (int)ov_rng_range(rng, 2, 3) * 15,
			       "nurse", "wound_care", 0);
	if (rc == OV_OK && has[N_SUPERVISION])
		rc = add_visit(L, rid, daily, 1080, 1200, 15, "health_worker",
			       "supervision", 0);
	if (rc == OV_OK && has[N_PRACTICAL_HELP]) {
		one_day(day, (int)ov_rng_range(rng, 0, 4));
		rc = add_visit(L, rid, day, 540, 840,
			       ov_rng_chance(rng, 500) ? 60 : 90, "any",
			       "practical_help", 0);
	}
	if (rc == OV_OK && has[N_RESPITE]) {
		/* Relief for the family: a long Saturday or Wednesday
		 * afternoon. */
		if (ov_rng_chance(rng, 500))
			rc = add_visit(L, rid, "0000010", 600, 660, 240,
				       "health_worker", "respite", 0);
		else
			rc = add_visit(L, rid, "0010000", 780, 840, 180,
				       "health_worker", "respite", 0);
	}
	return rc;
}

static ov_status add_recipient(loader *L, ov_rng *rng, const demo_muni *m,
			       int64_t mid, int seq)
{
	int w[NPLACES];
	for (int i = 0; i < NPLACES; i++)
		w[i] = m->places[i].weight;
	const settlement *p = &m->places[ov_rng_weighted(rng, w, NPLACES)];

	/* A uniform point in a disc of JITTER_M metres, in whole metres so
	 * no floating point reaches the stored coordinate. */
	long dx, dy;
	do {
		dx = (long)ov_rng_range(rng, -JITTER_M, JITTER_M);
		dy = (long)ov_rng_range(rng, -JITTER_M, JITTER_M);
	} while (dx * dx + dy * dy > (long)JITTER_M * JITTER_M);
	long m_per_deg_lon =
		lround(M_PER_DEG_LAT * cos(p->lat_e5 * 1e-5 * M_PI / 180));
	long lat_e5 = p->lat_e5 + div_round(dy * 100000, M_PER_DEG_LAT);
	long lon_e5 = p->lon_e5 + div_round(dx * 100000, m_per_deg_lon);

	int woman = ov_rng_chance(rng, 600); /* women live longer */
	const char *given =
		woman ? female[ov_rng_range(rng, 0, COUNT(female) - 1)]
		      : male[ov_rng_range(rng, 0, COUNT(male) - 1)];
	const char *fam = family[ov_rng_range(rng, 0, COUNT(family) - 1)];
	int young = ov_rng_chance(rng, 80);
	int birth;
	if (young) {
		birth = (int)ov_rng_range(rng, 1965, 2003);
	} else {
		/* Most home-care users are over 80. */
		static const int from[] = {1925, 1935, 1945, 1955};
		static const int to[] = {1934, 1944, 1954, 1960};
		static const int age_w[] = {3, 8, 10, 4};
		int k = ov_rng_weighted(rng, age_w, 4);
		birth = (int)ov_rng_range(rng, from[k], to[k]);
	}
	const char *lang = ov_rng_chance(rng, m->se_permille) ? "se" : "nb";

	int has[N_COUNT] = {0}, any = 0;
	const int *chance = young ? need_young : need_old;
	for (int i = 0; i < N_COUNT; i++) {
		int roll = ov_rng_chance(rng, chance[i]);
		if (i == N_MOBILITY)
			roll = roll && has[N_PERSONAL_CARE];
		has[i] = roll;
		any |= roll;
	}
	if (!any)
		has[N_PRACTICAL_HELP] = 1;

	char code[16];
	snprintf(code, sizeof code, "%s-%03d", m->prefix, seq);
	db_bind_int(L->recipient, 1, mid);
	db_bind_text(L->recipient, 2, code);
	db_bind_text(L->recipient, 3, given);
	db_bind_text(L->recipient, 4, fam);
	db_bind_int(L->recipient, 5, birth);
	db_bind_text(L->recipient, 6, p->name);
	db_bind_double(L->recipient, 7, (double)lat_e5 / 1e5);
	db_bind_double(L->recipient, 8, (double)lon_e5 / 1e5);
	db_bind_text(L->recipient, 9, lang);
	int r = db_step(L->recipient, L->err);
	int64_t rid = r == 1 ? db_col_int(L->recipient, 0) : 0;
	db_reset(L->recipient);
	if (r != 1)
		return r < 0 ? OV_E_DB
			     : OV_FAIL(L->err, OV_E_INTERNAL, NULL,
				       "insert of recipient %s returned no id",
				       code);

	for (int i = 0; i < N_COUNT; i++) {
		if (!has[i])
			continue;
		db_bind_int(L->need, 1, rid);
		db_bind_text(L->need, 2, need_name[i]);
		ov_status rc = db_run(L->need, L->err);
		db_reset(L->need);
		if (rc != OV_OK)
			return rc;
	}
	return add_visits(L, rng, rid, has);
}

ov_status care_demo_load(db *d, ov_rng *rng, ov_err *err)
{
	int64_t mid[COUNT(munis)];
	for (int i = 0; i < COUNT(munis); i++) {
		ov_status rc =
			find_municipality(d, munis[i].code, &mid[i], err);
		if (rc != OV_OK)
			return rc;
	}
	loader L = {NULL, NULL, NULL, err};
	ov_status rc = db_prepare(
		d,
		"INSERT INTO care_recipient (municipality_id, code, "
		"given_name, family_name, birth_year, settlement, lat, lon, "
		"preferred_language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
		"$9) RETURNING id",
		&L.recipient, err);
	if (rc == OV_OK)
		rc = db_prepare(d,
				"INSERT INTO recipient_need (recipient_id, "
				"need) VALUES ($1, $2)",
				&L.need, err);
	if (rc == OV_OK)
		rc = db_prepare(
			d,
			"INSERT INTO visit_request (recipient_id, weekdays, "
			"window_start, window_end, duration_min, competence, "
			"task, two_caregivers) VALUES ($1, $2, $3, $4, $5, "
			"$6, $7, $8)",
			&L.visit, err);
	for (int i = 0; rc == OV_OK && i < COUNT(munis); i++) {
		int n = (int)ov_rng_range(rng, munis[i].min, munis[i].max);
		for (int k = 1; rc == OV_OK && k <= n; k++)
			rc = add_recipient(&L, rng, &munis[i], mid[i], k);
	}
	db_finalize(L.recipient);
	db_finalize(L.need);
	db_finalize(L.visit);
	return rc;
}
