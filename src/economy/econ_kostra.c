/*
 * econ_kostra.c - the KOSTRA funksjon and art code lists as data, with
 * the years they are valid. Loaded by the demo (and by a fresh install
 * before any import) through econ_kostra_load.
 * Bokmål names follow SSB where known; names marked ≈ in BRIEF.md §1 are
 * approximate. The Northern Sámi names are ours and want a native
 * speaker's review (Divvun / Sámediggi terminology).
 */
#include <stddef.h>
#include <stdio.h>

#include "econ.h"

typedef struct {
	const char *code, *nb, *se;
	int valid_from, valid_to; /* valid_to 0 = still valid */
} kostra_code;

/* Old enough that every year ovttas meets is inside the range. */
#define FROM_EVER 2000

static const kostra_code funksjoner[] = {
	{"100", "Politisk styring", "Politihkalaš stivren", FROM_EVER, 0},
	{"110", "Kontroll og revisjon", "Dárkkisteapmi ja revišuvdna",
	 FROM_EVER, 0},
	{"120", "Administrasjon", "Hálddahus", FROM_EVER, 0},
	{"121", "Forvaltningsutgifter i eiendomsforvaltningen",
	 "Opmodathálddašeami hálddahusgolut", /* se: review */ FROM_EVER, 0},
	{"130", "Administrasjonslokaler", "Hálddahuslanjat", FROM_EVER, 0},
	{"201", "Barnehage", "Mánáidgárdi", FROM_EVER, 0},
	{"202", "Grunnskole", "Vuođđoskuvla", FROM_EVER, 0},
	{"211", "Styrket tilbud til barn i barnehage",
	 "Nannejuvvon fálaldat mánáidgárdemánáide", /* se: review */
	 FROM_EVER, 0},
	{"213", "Voksenopplæring", "Rávesolbmuidoahpahus", FROM_EVER, 0},
	{"215", "Skolefritidstilbud", "Skuvlla astoáigefálaldat",
	 /* se: review */ FROM_EVER, 0},
	{"221", "Barnehagelokaler og skyss",
	 "Mánáidgárdelanjat ja fievrrideapmi", FROM_EVER, 0},
	{"222", "Skolelokaler", "Skuvlalanjat", FROM_EVER, 0},
	{"223", "Skoleskyss", "Skuvlafievrrideapmi", FROM_EVER, 0},
	{"232", "Helsestasjons- og skolehelsetjeneste",
	 "Dearvvašvuođastašuvdna ja skuvladearvvašvuođabálvalus", FROM_EVER,
	 0},
	{"233", "Annet forebyggende helsearbeid",
	 "Eará eastadeaddji dearvvašvuođabargu", FROM_EVER, 0},
	{"234",
	 "Aktivisering og servicetjenester overfor eldre og personer med "
	 "funksjonsnedsettelser",
	 "Aktiveren ja bálvalusat boarrásiidda ja olbmuide geain lea "
	 "doaibmahehttehus", /* se: review */
	 FROM_EVER, 0},
	{"241", "Diagnose, behandling, re-/habilitering",
	 "Diagnosa, dikšu, habiliteren ja rehabiliteren", FROM_EVER, 0},
	{"242", "Råd, veiledning og sosialt forebyggende arbeid",
	 "Rávvagat, bagadeapmi ja sosiála eastadanbargu", /* se: review */
	 FROM_EVER, 0},
	{"243", "Tilbud til personer med rusproblemer",
	 "Fálaldat olbmuide geain leat gárrenváttisvuođat", /* se: review */
	 FROM_EVER, 0},
	{"244", "Barneverntjeneste", "Mánáidsuodjalusbálvalus", FROM_EVER, 0},
	{"251", "Barneverntiltak i familien",
	 "Mánáidsuodjalusdoaibmabijut bearrašis", FROM_EVER, 0},
	{"252", "Barneverntiltak utenfor familien",
	 "Mánáidsuodjalusdoaibmabijut bearraša olggobealde", FROM_EVER, 0},
	{"253", "Helse- og omsorgstjenester i institusjon",
	 "Dearvvašvuođa- ja fuolahusbálvalusat ásahusas", FROM_EVER, 0},
	/* Split into 257 and 258 from the 2024 accounts (SSB). */
	{"254", "Helse- og omsorgstjenester til hjemmeboende",
	 "Dearvvašvuođa- ja fuolahusbálvalusat ruovttus orrumiidda",
	 /* se: review */ FROM_EVER, 2023},
	{"256", "Akutthjelp helse og omsorg",
	 "Akuhttaveahkki dearvvašvuođas ja fuolahusas", /* se: review */
	 FROM_EVER, 0},
	{"257",
	 "Hjemmetjenester – personellbase knyttet til bofellesskap/"
	 "samlokaliserte omsorgsboliger",
	 "Ruovttubálvalusat – bargiidvuođđu ovttasássamis/"
	 "oktiibiddjon fuolahusássamiin", /* se: review */
	 2024, 0},
	{"258", "Hjemmetjenester – ambulerende virksomhet m.m.",
	 "Ruovttubálvalusat – johtti doaibma", /* se: review */ 2024, 0},
	{"261", "Institusjonslokaler", "Ásahuslanjat", FROM_EVER, 0},
	{"265", "Kommunalt disponerte boliger",
	 "Gieldda hálddašan ássanviesut", /* se: review */ FROM_EVER, 0},
	{"273", "Arbeidsrettede tiltak i kommunal regi",
	 "Bargui čatnon doaibmabijut gieldda ovddasvástádusas",
	 /* se: review */ FROM_EVER, 0},
	{"275", "Introduksjonsordningen", "Álggahanortnet", /* se: review */
	 FROM_EVER, 0},
	{"276", "Kvalifiseringsordningen", "Gelbbolašvuođaortnet",
	 /* se: review */ FROM_EVER, 0},
	{"281", "Ytelse til livsopphold", "Eallinbirgejupmi",
	 /* se: review */ FROM_EVER, 0},
	{"283", "Bistand til etablering og opprettholdelse av egen bolig",
	 "Veahkki iežas ássanbáikki ásaheapmái ja bisuheapmái",
	 /* se: review */ FROM_EVER, 0},
	{"290", "Interkommunale samarbeid", "Gielddaidgaskasaš ovttasbargu",
	 FROM_EVER, 0},
	{"301", "Plansaksbehandling", "Plánaáššemeannudeapmi", FROM_EVER, 0},
	{"302", "Byggesak og eierseksjonering",
	 "Huksenáššit ja oamastanoasit", /* se: review */ FROM_EVER, 0},
	{"303", "Kart og oppmåling", "Kárta ja mihtideapmi", FROM_EVER, 0},
	{"329", "Landbruksforvaltning", "Eanandoallohálddašeapmi", FROM_EVER,
	 0},
	{"332", "Kommunale veier", "Gieldda geainnut", FROM_EVER, 0},
	{"338", "Forebygging av branner og andre ulykker",
	 "Buollimiid ja eará lihkohisvuođaid eastadeapmi", FROM_EVER, 0},
	{"339", "Beredskap mot branner og andre ulykker",
	 "Gearggusvuohta buollimiid ja eará lihkohisvuođaid vuostá",
	 FROM_EVER, 0},
	{"340", "Produksjon av vann", "Čáhcebuvttadeapmi", FROM_EVER, 0},
	{"345", "Distribusjon av vann", "Čáhcejuohkin", FROM_EVER, 0},
	{"350", "Avløpsrensing", "Kloahkkačázi buhtisteapmi",
	 /* se: review */ FROM_EVER, 0},
	{"353", "Avløpsnett", "Kloahkkafierpmádat", /* se: review */
	 FROM_EVER, 0},
	{"355", "Innsamling av husholdningsavfall",
	 "Ruovttudoallobázahusaid čoaggin", /* se: review */ FROM_EVER, 0},
	{"370", "Bibliotek", "Girjerádju", FROM_EVER, 0},
	{"381", "Kommunale idrettsbygg og idrettsanlegg",
	 "Gieldda valáštallanvisttit ja -rusttegat", FROM_EVER, 0},
	{"383", "Kulturskole", "Kulturskuvla", FROM_EVER, 0},
	{"385", "Andre kulturaktiviteter", "Eará kulturdoaimmat", FROM_EVER,
	 0},
	{"386", "Kommunale kulturbygg", "Gieldda kulturvisttit", FROM_EVER,
	 0},
	{"390", "Den norske kirke", "Norgga girku", FROM_EVER, 0},
	{"393", "Gravplasser og krematorier", "Hávdeeatnamat ja krematoriat",
	 /* se: review */ FROM_EVER, 0},
	{"800", "Skatt på inntekt og formue", "Vearru boađus ja opmodagas",
	 /* se: review */ FROM_EVER, 0},
	{"840", "Statlig rammetilskudd og øvrige generelle statstilskudd",
	 "Stáhta rámmadoarjja ja eará oppalaš stáhtadoarjagat",
	 /* se: review */ FROM_EVER, 0},
	{"850", "Generelt statstilskudd vedrørende flyktninger m.v.",
	 "Oppalaš stáhtadoarjja báhtareddjiid várás", /* se: review */
	 FROM_EVER, 0},
	{"860", "Motpost avskrivninger", "Árvovuolideamit, vuostepoasta",
	 /* se: review */ FROM_EVER, 0},
	{"870", "Renter/utbytte og lån", "Reanttut, vuoitooasit ja loanat",
	 /* se: review */ FROM_EVER, 0},
	{"880", "Interne finansieringstransaksjoner",
	 "Siskkáldas ruhtadantransakšuvnnat", /* se: review */ FROM_EVER, 0},
	{"899", "Overskudd/underskudd", "Badjebáza/vuollebáza",
	 /* se: review */ FROM_EVER, 0},
};

static const kostra_code arter[] = {
	{"010", "Fastlønn", "Bissovaš bálká", FROM_EVER, 0},
	{"020", "Lønn til vikarer", "Sadjásaččaid bálká", FROM_EVER, 0},
	{"030", "Lønn til ekstrahjelp", "Lassiveahki bálká", FROM_EVER, 0},
	{"040", "Overtidslønn", "Liigebargobálká", FROM_EVER, 0},
	{"050", "Annen lønn og trekkpliktige godtgjørelser",
	 "Eará bálká ja vearrogeatnegas buhtadusat", /* se: review */
	 FROM_EVER, 0},
	{"080", "Godtgjørelse til folkevalgte",
	 "Álbmotválljejuvvon áirasiid buhtadus", /* se: review */ FROM_EVER,
	 0},
	{"090", "Pensjon", "Ealáhat", FROM_EVER, 0},
	{"099", "Arbeidsgiveravgift", "Bargoaddidivat", FROM_EVER, 0},
	{"110", "Medisinsk forbruksmateriell og medikamenter",
	 "Dálkkasat ja medisiinnalaš geavahusdávvirat", /* se: review */
	 FROM_EVER, 0},
	{"120", "Annet forbruksmateriell, råvarer og tjenester",
	 "Eará geavahusdávvirat, álgoávdnasat ja bálvalusat",
	 /* se: review */ FROM_EVER, 0},
	{"150", "Opplæring og kurs", "Oahpahus ja kursa", FROM_EVER, 0},
	{"160", "Reiser, diett og bilgodtgjørelse",
	 "Mátkkit, beaiveruhta ja biilabuhtadus", /* se: review */ FROM_EVER,
	 0},
	{"180", "Energi", "Energiija", FROM_EVER, 0},
	{"190", "Leie av lokaler og grunn", "Lanjaid ja eatnama láigu",
	 FROM_EVER, 0},
	{"230", "Vedlikehold, byggetjenester og nybygg",
	 "Bajásdoallu, huksenbálvalusat ja ođđahuksen", FROM_EVER, 0},
	/* Replaced by 271/272 in the 2026 reporting set; names of the new
	 * arts are not confirmed (BRIEF.md §1). */
	{"270", "Konsulenttjenester", "Konsuleantabálvalusat", FROM_EVER,
	 2025},
	{"271", "Konsulenttjenester som inngår i egenproduksjon",
	 "Konsuleantabálvalusat iežas buvttadeapmái", /* se: review */ 2026,
	 0},
	{"272", "Andre konsulenttjenester", "Eará konsuleantabálvalusat",
	 2026, 0},
	{"290", "Internkjøp", "Siskkáldas oastin", FROM_EVER, 0},
	{"350", "Kjøp fra kommuner", "Oastin eará gielddain", FROM_EVER, 0},
	{"370", "Kjøp fra andre (private)", "Oastin earáin (priváhtain)",
	 FROM_EVER, 0},
	{"380", "Kjøp fra kommunale foretak og IKS",
	 "Oastin gieldda fitnodagain ja gielddaidgaskasaš fitnodagain",
	 /* se: review */ FROM_EVER, 0},
	{"470", "Overføring til andre (private)",
	 "Sirdimat earáide (priváhtaide)", /* se: review */ FROM_EVER, 0},
	{"500", "Renteutgifter og provisjoner", "Reantogolut ja provišuvnnat",
	 /* se: review */ FROM_EVER, 0},
	{"510", "Avdrag på lån", "Loatnamáksu", FROM_EVER, 0},
	{"590", "Avskrivninger", "Árvovuolideamit", /* se: review */
	 FROM_EVER, 0},
	{"600", "Brukerbetaling for kommunale tjenester",
	 "Geavaheaddjimáksu gieldda bálvalusain", FROM_EVER, 0},
	{"630", "Husleieinntekter", "Láigosisaboađut", /* se: review */
	 FROM_EVER, 0},
	{"700", "Refusjon fra staten", "Ruovttoluottamáksu stáhtas",
	 FROM_EVER, 0},
	{"710", "Sykelønnsrefusjon", "Buohccevuođaruđaid ruovttoluottamáksu",
	 /* se: review */ FROM_EVER, 0},
	{"729", "Kompensasjon for merverdiavgift",
	 "Lassiárvodivada buhtadus", /* se: review */ FROM_EVER, 0},
	{"750", "Refusjon fra kommuner", "Ruovttoluottamáksu gielddain",
	 FROM_EVER, 0},
	{"790", "Internsalg", "Siskkáldas vuovdin", FROM_EVER, 0},
	{"800", "Rammetilskudd", "Rámmadoarjja", FROM_EVER, 0},
	{"870", "Skatt på inntekt og formue", "Vearru boađus ja opmodagas",
	 /* se: review */ FROM_EVER, 0},
};

static ov_status load_list(db *d, const char *table, const kostra_code *list,
			   size_t n, ov_err *err)
{
	/* The table name is one of two constants, never user input. */
	char q[160], ins[200];
	snprintf(q, sizeof q, "SELECT count(*) FROM %s WHERE code = $1", table);
	snprintf(ins, sizeof ins,
		 "INSERT INTO %s (code, name_nb, name_se, valid_from, "
		 "valid_to) VALUES ($1, $2, $3, $4, $5)",
		 table);
	db_stmt *sq = NULL, *si = NULL;
	ov_status rc = db_prepare(d, q, &sq, err);
	if (rc == OV_OK)
		rc = db_prepare(d, ins, &si, err);
	for (size_t i = 0; rc == OV_OK && i < n; i++) {
		db_bind_text(sq, 1, list[i].code);
		int r = db_step(sq, err);
		int64_t have = r == 1 ? db_col_int(sq, 0) : 0;
		db_reset(sq);
		if (r < 0) {
			rc = OV_E_DB;
			break;
		}
		if (have)
			continue;
		db_bind_text(si, 1, list[i].code);
		db_bind_text(si, 2, list[i].nb);
		db_bind_text(si, 3, list[i].se);
		db_bind_int(si, 4, list[i].valid_from);
		if (list[i].valid_to)
			db_bind_int(si, 5, list[i].valid_to);
		else
			db_bind_null(si, 5);
		rc = db_run(si, err);
		db_reset(si);
	}
	if (sq)
		db_finalize(sq);
	if (si)
		db_finalize(si);
	return rc;
}

ov_status econ_kostra_load(db *d, ov_err *err)
{
	ov_status rc = load_list(d, "kostra_funksjon", funksjoner,
				 sizeof funksjoner / sizeof *funksjoner, err);
	if (rc == OV_OK)
		rc = load_list(d, "kostra_art", arter,
			       sizeof arter / sizeof *arter, err);
	return rc;
}
