/*
 * prog_demo.c - the demo change programme "Framtidens Karasjok", taken
 * from the programme documents: three stages, four challenges, one
 * sub-project per sector with its effect goals and measures, and the
 * working and reference groups. Called by demo_load after org_demo_load.
 */
#include <stdlib.h>
#include <string.h>

#include "base/ov_i18n.h"
#include "prog.h"

/* A text people read, in Bokmål and Northern Sámi. */
typedef struct {
	const char *nb, *se;
} text2;

static const struct {
	const char *code;
	text2 name;
	const char *from, *to;
} stages[] = {
	{"BASIS",
	 {"Omstilling og etablering av BASIS",
	  "Nuppástuhttin ja BASIS ásaheapmi"},
	 "2020-01-01", "2021-12-31"},
	{"NY GIV",
	 {"Utviklingskraft og NY GIV",
	  "Ovdánahttinfápmu ja NY GIV"}, /* se: review */
	 "2022-01-01", "2024-12-31"},
	{"BESTE PRAKSIS",
	 {"Innovasjon, samskaping og BESTE PRAKSIS",
	  "Innovašuvdna, ovttasráhkadeapmi ja BESTE PRAKSIS"},
	 "2025-01-01", "2027-12-31"},
};

/* The four cross-cutting challenges, numbered 1-4 in this order. */
static const text2 challenges[] = {
	{"Samspill og ledelse", "Ovttasdoaibma ja jođiheapmi"},
	{"Organisasjonsklarhet",
	 "Organisašuvnna čielggasvuohta"}, /* se: review */
	{"Kvalitet og tjenesteleveranser", "Kvalitehta ja bálvalusfállan"},
	{"Økonomi og styring", "Ekonomiija ja stivren"},
};

/* Sub-projects: one per sector of Karasjok. */
static const struct {
	const char *code;
	const char *sector;
	text2 name;
} subprojects[] = {
	{"HO", "helse", {"Helse og omsorg", "Dearvvašvuohta ja fuolahus"}},
	{"OPP", "oppvekst", {"Oppvekst", "Bajásšaddan"}},
	{"PTMN", "ptmn",
	 {"Plan, teknisk, miljøutvikling og næring",
	  "Plána, teknihkka, birasovddideapmi ja ealáhus"}},
	{"OS", "adm", {"Økonomi og styring", "Ekonomiija ja stivren"}},
};

/* Areas that effect goals are grouped by. */
static const text2 a_led = {"Ledelse", "Jođiheapmi"};
static const text2 a_bem = {"Bemanning", "Bargoveahka"}; /* se: review */
static const text2 a_drift = {"Avklart tjenestenivå og bærekraftig drift",
			      "Čielggaduvvon bálvalusdássi ja guoddevaš "
			      "doaibma"};
static const text2 a_sp = {"Effektmål for delprosjektet",
			   "Oasseprošeavtta váikkuhusulbmilat"};
static const text2 a_econ = {"Økonomi", "Ekonomiija"};
static const text2 a_org = {"Organisasjon og styring",
			    "Organisašuvdna ja stivren"};
static const text2 a_serv = {"Tjenester og forvaltning",
			     "Bálvalusat ja hálddašeapmi"};
static const text2 a_sami = {"Samisk språk", "Sámegiella"};

/* Indicators used by several goals. */
static const text2 i_budget = {"Avvik mellom regnskap og budsjett",
			       "Spiehkasteapmi rehketdoalu ja bušeahta "
			       "gaskka"};
static const text2 i_jobdesc = {"Andel ansatte med stillingsbeskrivelse",
				"Oassi bargiin geain lea virgekuvvádus"};
static const text2 i_deleg = {"Andel ledere med skriftlig delegering",
			      "Oassi jođiheddjiin geain lea čálalaš "
			      "fápmudus"};
static const text2 i_sick = {"Sykefravær",
			     "Buohcanjávkan"}; /* se: review */
static const text2 none = {NULL, NULL};

/* Effect goals, in order within each sub-project; challenge 1-4. */
static const struct {
	const char *sp;
	int challenge;
	const text2 *area;
	text2 text;
	const text2 *indicator;
	const char *target;
} goals[] = {
	/* Helse og omsorg: the three areas of the sub-project plan. */
	{"HO", 1, &a_led,
	 {"Helse og omsorg har en robust ledergruppe der ansvaret er "
	  "tydelig delegert i linjen",
	  "Dearvvašvuođas ja fuolahusas lea nanu jođihanjoavku, ja "
	  "ovddasvástádus lea čielgasit fápmuduvvon linnjá mielde"},
	 &i_deleg, "100 %"},
	{"HO", 1, &a_led,
	 {"Ledergruppen jobber strategisk og helhetlig",
	  "Jođihanjoavku bargá strategalaččat ja ollislaččat"},
	 &(const text2){"Strategisk plan for sektoren vedtatt (år)",
			"Suorggi strategalaš plána mearriduvvon (jahki)"},
	 "2022"},
	{"HO", 1, &a_led,
	 {"Mestringsorientert ledelse kjennetegner ledergruppen",
	  "Jođihanjoavkku dovdomearka lea jođiheapmi mii deattuha "
	  "birgema ja meašttirvuođa"}, /* se: review */
	 &(const text2){"Medarbeiderundersøkelsen, ledelse (skala 1–5)",
			"Bargiidiskkadeapmi, jođiheapmi (skála 1–5)"},
	 "≥ 4,0"},
	{"HO", 3, &a_bem,
	 {"Helse og omsorg har arbeidstidsordninger som kjennetegnes av "
	  "kontinuitet, som ivaretar kompetansebehovet uken gjennom, og der "
	  "kompetansen brukes målrettet og effektivt",
	  "Dearvvašvuođas ja fuolahusas leat joatkevaš bargoáigeortnegat "
	  "mat gokčet gelbbolašvuođadárbbu olles vahku, ja gelbbolašvuohta "
	  "geavahuvvo ulbmillaččat ja beaktilit"},
	 &(const text2){"Andel vakter med sykepleier på vakt",
			"Oassi vuoruin main buohccedivššár lea vávttas"},
	 "100 %"},
	{"HO", 3, &a_bem,
	 {"Helse og omsorg har en etablert heltidskultur",
	  "Dearvvašvuođas ja fuolahusas lea ásahuvvon "
	  "ollesáiggekultuvra"},
	 &(const text2){"Heltidsandel (ansatte i 100 % stilling)",
			"Ollesáiggeoassi (bargit 100 % virggis)"},
	 "≥ 50 %"},
	{"HO", 1, &a_bem,
	 {"Helse og omsorg har et høyt frisknærvær",
	  "Dearvvašvuođa ja fuolahusa bargit leat dávjá dearvvasat "
	  "bargguin"}, /* se: review */
	 &i_sick, "≤ 8 %"},
	{"HO", 3, &a_drift,
	 {"Helse og omsorg har gode tjenestebeskrivelser",
	  "Dearvvašvuođas ja fuolahusas leat buorit "
	  "bálvaluskuvvádusat"},
	 &(const text2){"Andel tjenester med vedtatt tjenestebeskrivelse",
			"Oassi bálvalusain main lea mearriduvvon "
			"bálvaluskuvvádus"},
	 "100 %"},
	{"HO", 2, &a_drift,
	 {"Helse- og omsorgssektoren har god forvaltningspraksis som "
	  "ivaretar innbyggernes rettssikkerhet",
	  "Dearvvašvuođa- ja fuolahussuorggis lea buorre hálddašanpraksis "
	  "mii sihkkarastá ássiid riektesihkarvuođa"},
	 &(const text2){"Andel enkeltvedtak fattet innen fristen",
			"Oassi ovttaskasmearrádusain mat dahkkojit "
			"áigemeari siste"},
	 "≥ 95 %"},
	{"HO", 1, &a_drift,
	 {"Helse og omsorg preges av godt internt samarbeid, og brukeren "
	  "opplever sammenheng i tjenesten",
	  "Dearvvašvuođas ja fuolahusas lea buorre siskkáldas ovttasbargu, "
	  "ja geavaheaddji vásiha ahte bálvalus lea ollislaš"},
	 &(const text2){"Brukerundersøkelsen, helhet og sammenheng "
			"(skala 1–5)",
			"Geavaheddjiidiskkadeapmi, ollislašvuohta "
			"(skála 1–5)"},
	 "≥ 4,0"},
	{"HO", 4, &a_drift,
	 {"Helse og omsorg har en drift i balanse",
	  "Dearvvašvuođa ja fuolahusa doaibma lea ekonomalaččat "
	  "dássedeattus"},
	 &i_budget, "≤ 0 %"},

	/* Oppvekst: "Etter endt prosjekt har sektoren: ..." */
	{"OPP", 2, &a_sp,
	 {"Gode rutiner for forvaltning og rapportering",
	  "Buorit rutiinnat hálddašeapmái ja raporteremii"},
	 &(const text2){"Andel rapporter levert innen fristen",
			"Oassi raporttain mat addojit áigemeari siste"},
	 "100 %"},
	{"OPP", 3, &a_sp,
	 {"Ansatte og ledere med nødvendig kompetanse til å etterleve krav "
	  "og forventninger",
	  "Bargit ja jođiheaddjit geain lea dárbbašlaš gelbbolašvuohta "
	  "čuovvut gáibádusaid ja vuordámušaid"},
	 &(const text2){"Andel ledere med opplæring i regelverket",
			"Oassi jođiheddjiin geat leat ožžon oahpahusa "
			"njuolggadusain"},
	 "100 %"},
	{"OPP", 4, &a_sp,
	 {"God budsjettdisiplin, noe som gir gode muligheter for fremtidige "
	  "investeringer, for eksempel ny barneskole",
	  "Buorre bušeahttadisipliidna, mii addá buriid vejolašvuođaid "
	  "boahtteáiggi investeremiidda, omd. ođđa "
	  "mánáidskuvlii"}, /* se: review */
	 &i_budget, "≤ 0 %"},
	{"OPP", 1, &a_sp,
	 {"Kapasitet til å jobbe med strategisk planlegging og overordnede "
	  "planer, og til å følge opp og gjennomføre dem",
	  "Kapasitehta bargat strategalaš plánemiin ja bajitdási "
	  "plánaiguin, ja čuovvolit ja čađahit daid"},
	 &(const text2){"Sektorplan for oppvekst vedtatt (år)",
			"Bajásšaddansuorggi plána mearriduvvon (jahki)"},
	 "2023"},
	{"OPP", 1, &a_sp,
	 {"Samarbeid på tvers av fag og med andre sektorer",
	  "Ovttasbargu fágaid rastá ja eará suorggiiguin"},
	 &none, NULL},
	{"OPP", 1, &a_sp,
	 {"Et godt arbeidsmiljø som bidrar til høyere nærvær, velvære, "
	  "fremtidsoptimisme og god tjenestekvalitet",
	  "Buorre bargobiras mii lasiha bargguin leahkima, buresveadjima ja "
	  "boahtteáiggi doaivvu, ja mii addá buori "
	  "bálvaluskvalitehta"}, /* se: review */
	 &i_sick, "≤ 7 %"},

	/* Plan, teknisk, miljøutvikling og næring. */
	{"PTMN", 1, &a_sp,
	 {"Klar og tydelig ledelse", "Čielga ja áddehahtti jođiheapmi"},
	 &none, NULL},
	{"PTMN", 1, &a_sp,
	 {"Fokus på strategisk og langsiktig tenkning",
	  "Deaddu strategalaš ja guhkesáigásaš jurddašeapmái"},
	 &none, NULL},
	{"PTMN", 2, &a_sp,
	 {"Effektiv organisering og god arbeidsflyt",
	  "Beaktilis organiseren ja buorre bargogolgan"},
	 &(const text2){"Andel byggesaker behandlet innen fristen",
			"Oassi huksenáššiin mat meannuduvvojit áigemeari "
			"siste"},
	 "≥ 95 %"},
	{"PTMN", 2, &a_sp,
	 {"Roller og ansvarsområder er avklart og akseptert",
	  "Rollat ja ovddasvástádussuorggit leat čielggaduvvon ja "
	  "dohkkehuvvon"},
	 &i_jobdesc, "100 %"},
	{"PTMN", 2, &a_sp,
	 {"Oppgavefordeling og delegasjoner er forstått og etablert både "
	  "internt i avdelingen og i organisasjonen for øvrig",
	  "Bargojuohku ja fápmudeamit leat áddejuvvon ja ásahuvvon sihke "
	  "ossodaga siskkobealde ja muđui organisašuvnnas"},
	 &i_deleg, "100 %"},
	{"PTMN", 4, &a_sp,
	 {"En drift i balanse",
	  "Doaibma lea ekonomalaččat dássedeattus"},
	 &i_budget, "≤ 0 %"},

	/* Økonomi og styring: built from the programme's purpose. */
	{"OS", 4, &a_econ,
	 {"Kommunen har en økonomisk omstillingsplan som er vedtatt og "
	  "følges opp",
	  "Gielddas lea ekonomalaš nuppástuhttinplána mii lea mearriduvvon "
	  "ja čuovvoluvvo"},
	 &(const text2){"Netto driftsresultat i prosent av brutto "
			"driftsinntekter",
			"Netto doaibmaboađus proseanttain brutto "
			"doaibmasisaboađuin"},
	 "≥ 1,75 %"},
	{"OS", 2, &a_org,
	 {"Organisasjonsbeskrivelser og arbeidsgiverpolitikk er utarbeidet "
	  "og kjent i hele organisasjonen",
	  "Organisašuvdnačilgehusat ja bargoaddipolitihkka leat ráhkaduvvon "
	  "ja dovddus olles organisašuvnnas"},
	 &i_jobdesc, "100 %"},
	{"OS", 2, &a_org,
	 {"Delegasjoner, ansvarsplassering og styring er tydelige på alle "
	  "nivåer",
	  "Fápmudeamit, ovddasvástádusa bidjan ja stivren leat čielgasat "
	  "buot dásiin"},
	 &i_deleg, "100 %"},
	{"OS", 1, &a_org,
	 {"Alle ledere har gjennomført lederutvikling",
	  "Buot jođiheaddjit leat čađahan jođiheaddjiovdánahttima"},
	 &(const text2){"Andel ledere som har gjennomført "
			"lederutviklingsprogrammet",
			"Oassi jođiheddjiin geat leat čađahan "
			"jođiheaddjiovdánahttinprográmma"},
	 "100 %"},
	{"OS", 2, &a_serv,
	 {"Hensiktsmessig forvaltningspraksis: interne reglementer og "
	  "rutiner er gjennomgått og forbedret",
	  "Ulbmillaš hálddašanpraksis: siskkáldas njuolggadusat ja "
	  "rutiinnat leat guorahallon ja buoriduvvon"},
	 &(const text2){"Andel reglementer revidert i perioden",
			"Oassi njuolggadusain mat leat ođasmahttojuvvon "
			"áigodagas"},
	 "100 %"},
	{"OS", 3, &a_serv,
	 {"Sektorplaner sikrer riktige tjenester på riktig nivå, i riktig "
	  "omfang og med riktig kompetanse",
	  "Suorgeplánat sihkkarastet rievttes bálvalusaid rievttes dásis, "
	  "rievttes viidodagas ja rievttes gelbbolašvuođain"},
	 &(const text2){"Antall sektorer med vedtatt sektorplan",
			"Man galle suorggis lea mearriduvvon suorgeplána"},
	 "4"},
	{"OS", 3, &a_sami,
	 {"Samisk språk er et komplett og samfunnsbærende språk innen de "
	  "fleste samfunnsområder og i tjenestene kommunen yter",
	  "Sámegiella lea ollislaš ja servodatguoddi giella eanaš "
	  "servodatsurggiin ja bálvalusain maid gielda fállá"},
	 &(const text2){"Andel ansatte som snakker samisk",
			"Oassi bargiin geat hállet sámegiela"},
	 "≥ 70 %"},
};

/* Measures, numbered in order within each sub-project. Statuses are as
 * of the demo's reporting date; they are data, not derived from the
 * clock. */
static const struct {
	const char *sp;
	int stage, challenge;
	text2 text;
	const char *deadline;
	const char *status;
} measures[] = {
	{"HO", 1, 3,
	 {"Utarbeide tjenestebeskrivelser for alle tjenester i helse og "
	  "omsorg",
	  "Ráhkadit bálvaluskuvvádusaid buot dearvvašvuođa- ja "
	  "fuolahusbálvalusaide"},
	 "2021-06-30", "done"},
	{"HO", 1, 3,
	 {"Opplæring i helse- og omsorgslovgivning og forvaltningsloven for "
	  "ansatte og ledere i saksbehandlingen (igangsatt desember 2019)",
	  "Oahpahus dearvvašvuođa- ja fuolahuslágain ja hálddašanlágas "
	  "bargiide ja jođiheddjiide geat barget áššemeannudemiin (álggahuvvon "
	  "juovlamánus 2019)"},
	 "2020-12-31", "done"},
	{"HO", 1, 1,
	 {"Avklare ansvar og delegering i linjen for ledergruppen",
	  "Čielggadit jođihanjoavkku ovddasvástádusa ja fápmudeami linnjá "
	  "mielde"},
	 "2020-09-30", "done"},
	{"HO", 1, 4,
	 {"Ny bemanningsplan, døgnrytmeplan og turnus i tråd med ny "
	  "årsverksramme",
	  "Ođđa bargoveahkaplána, jándorrytmaplána ja vuorrolistu ođđa "
	  "jahkebargorámma mielde"}, /* se: review */
	 "2021-10-31", "late"},
	{"HO", 2, 3,
	 {"Etablere faste pasientruter og lister i hjemmetjenesten",
	  "Ásahit bissovaš pasieantaruvttuid ja listtaid "
	  "ruovttubálvalusas"},
	 "2022-06-30", "done"},
	{"HO", 2, 3,
	 {"System for oppdatering av pasientruter og lister",
	  "Vuogádat pasieantaruvttuid ja listtaid ođasmahttimii"},
	 "2023-03-31", "done"},
	{"HO", 2, 2,
	 {"Forbedret system for fordeling av arbeidsoppgaver og ansvar i den "
	  "daglige driften",
	  "Buoriduvvon vuogádat bargguid ja ovddasvástádusa juohkimii "
	  "beaivválaš doaimmas"},
	 "2023-12-31", "late"},
	{"HO", 2, 1,
	 {"Strategisk plan for helse- og omsorgssektoren",
	  "Dearvvašvuođa- ja fuolahussuorggi strategalaš plána"},
	 "2022-12-31", "done"},
	{"HO", 2, 3,
	 {"Øke heltidsandelen: ledige timer tilbys deltidsansatte først",
	  "Lasihit ollesáiggeoasi: guorus diimmut fállojuvvojit "
	  "oasseáiggebargiide vuosttažettiin"},
	 "2024-06-30", "ongoing"},
	{"HO", 3, 3,
	 {"Samisktalende personell på alle vakter i tråd med samelovens "
	  "språkregler (§§ 3-2, 3-3 og 3-5)",
	  "Sámegielat bargit buot vuoruin sámelága giellanjuolggadusaid "
	  "mielde (§§ 3-2, 3-3 ja 3-5)"},
	 "2026-06-30", "ongoing"},
	{"HO", 3, 4,
	 {"Tilpasse tjenestenivået til den økende andelen eldre over 67 år",
	  "Heivehit bálvalusdási dan lassáneaddji oassái boarrásiin geat "
	  "leat badjel 67 jagi"},
	 "2027-06-30", "planned"},

	{"OPP", 1, 2,
	 {"Forslag til organisering av opplæringen",
	  "Evttohus oahpahusa organiseremii"},
	 "2021-03-31", "done"},
	{"OPP", 1, 3,
	 {"Forslag til overordnet plan for tidlig innsats og god "
	  "forebygging for barn og unge",
	  "Evttohus bajitdási plánii árra áŋgiruššamii ja buori "
	  "eastadeapmái mánáid ja nuoraid várás"},
	 "2021-06-30", "done"},
	{"OPP", 1, 4,
	 {"Økonomiverksted hver måned for budsjettansvarlige i oppvekst",
	  "Ekonomiijabargobádji juohke mánus bajásšaddansuorggi "
	  "bušeahttaovddasvástideddjiide"},
	 "2020-06-30", "done"},
	{"OPP", 1, 2,
	 {"Rutiner for forvaltning og rapportering i skoler og barnehager",
	  "Rutiinnat hálddašeapmái ja raporteremii skuvllain ja "
	  "mánáidgárddiin"},
	 "2021-12-31", "done"},
	{"OPP", 2, 1,
	 {"Sektorplan for oppvekst",
	  "Bajásšaddansuorggi plána"},
	 "2023-06-30", "done"},
	{"OPP", 2, 4,
	 {"Sammenheng mellom rammetimer i skolen og budsjett",
	  "Oktavuohta skuvlla rámmadiimmuid ja bušeahta gaskka"},
	 "2022-12-31", "done"},
	{"OPP", 2, 1,
	 {"Møtestruktur med lærende og effektive møter",
	  "Čoahkkinstruktuvra oahppi ja beaktilis čoahkkimiiguin"},
	 "2023-12-31", "late"},
	{"OPP", 2, 1,
	 {"Tiltak for nærvær og arbeidsmiljø: kommunikasjon, "
	  "organisasjonskultur og relasjoner",
	  "Doaibmabijut bargguin leahkima ja bargobirrasa várás: "
	  "gulahallan, organisašuvdnakultuvra ja oktavuođat"},
	 "2024-06-30", "ongoing"},
	{"OPP", 3, 3,
	 {"Opplæringsmodeller som utvikler samisk språk, kultur og "
	  "identitet i skoler og barnehager",
	  "Oahpahusmodeallat mat ovddidit sámegiela, sámi kultuvrra ja "
	  "identitehta skuvllain ja mánáidgárddiin"},
	 "2026-12-31", "ongoing"},
	{"OPP", 3, 4,
	 {"Beslutningsgrunnlag for ny barneskole",
	  "Mearrádusvuođđu ođđa mánáidskuvlla várás"}, /* se: review */
	 "2027-06-30", "planned"},

	{"PTMN", 1, 2,
	 {"Etablere arbeidsgrupper for brann, FDV, renhold, bassengdrift, "
	  "saksbehandling og felles teknisk vakt",
	  "Ásahit bargojoavkkuid buollinsuodjalussii, FDV:i, buhtisteapmái, "
	  "vuodjanbáseanga doibmii, áššemeannudeapmái ja oktasaš "
	  "teknihkalaš váktii"}, /* se: review */
	 "2020-03-31", "done"},
	{"PTMN", 1, 2,
	 {"Stillingsbeskrivelser og stillingsinstrukser for alle ansatte, "
	  "med ansvarsområder og oppgaver",
	  "Virgekuvvádusat ja virgebagadusat buot bargiide, "
	  "ovddasvástádussurggiiguin ja bargguiguin"},
	 "2021-06-30", "late"},
	{"PTMN", 1, 4,
	 {"Økonomiverksted hver måned for de med budsjettansvar, slik at "
	  "endringer fremmes tidlig",
	  "Ekonomiijabargobádji juohke mánus sidjiide geain lea "
	  "bušeahttaovddasvástádus, vai rievdadusat ovdanbuktojuvvojit "
	  "árrat"},
	 "2020-09-30", "done"},
	{"PTMN", 1, 2,
	 {"Felles teknisk vakt etablert",
	  "Oktasaš teknihkalaš vákta ásahuvvon"},
	 "2021-12-31", "done"},
	{"PTMN", 2, 1,
	 {"Mål- og resultatoppfølging for sektoren",
	  "Suorggi ulbmil- ja boađusčuovvoleapmi"},
	 "2022-12-31", "done"},
	{"PTMN", 2, 2,
	 {"Digitale verktøy i saksbehandling og arbeidsflyt",
	  "Digitála reaiddut áššemeannudeamis ja bargogolgamis"},
	 "2023-06-30", "ongoing"},
	{"PTMN", 2, 3,
	 {"Vedlikeholdsplan for kommunale bygg og anlegg (FDV)",
	  "Bajásdoallanplána gielddalaš visttiide ja rusttegiidda (FDV)"},
	 "2024-06-30", "late"},
	{"PTMN", 3, 1,
	 {"Styrke samspillet mellom politisk og administrativ ledelse",
	  "Nannet ovttasdoaimma politihkalaš ja hálddahuslaš jođiheami "
	  "gaskka"},
	 "2026-06-30", "ongoing"},
	{"PTMN", 3, 3,
	 {"Beste praksis for behandling av plan- og byggesaker",
	  "Buoremus praksis plána- ja huksenáššiid meannudeapmái"},
	 "2027-06-30", "planned"},

	{"OS", 1, 4,
	 {"Økonomisk omstillingsplan",
	  "Ekonomalaš nuppástuhttinplána"},
	 "2020-06-30", "done"},
	{"OS", 1, 2,
	 {"Organisasjonsbeskrivelser og arbeidsgiverpolitikk",
	  "Organisašuvdnačilgehusat ja bargoaddipolitihkka"},
	 "2021-06-30", "done"},
	{"OS", 1, 2,
	 {"Gjennomgang av delegeringsreglementet, ansvarsplassering og "
	  "styring",
	  "Fápmudannjuolggadusaid, ovddasvástádusa bidjama ja stivrema "
	  "guorahallan"},
	 "2021-12-31", "done"},
	{"OS", 1, 1,
	 {"Lederutvikling for alle ledere, første kull",
	  "Jođiheaddjiovdánahttin buot jođiheddjiide, vuosttaš joavku"},
	 "2021-12-31", "done"},
	{"OS", 2, 4,
	 {"Månedlig rapportering med årsprognose for alle "
	  "budsjettansvarlige",
	  "Mánnosaš raporteren jahkeprognosain buot "
	  "bušeahttaovddasvástideddjiide"},
	 "2022-06-30", "done"},
	{"OS", 2, 2,
	 {"Gjennomgang og forbedring av interne reglementer og rutiner",
	  "Siskkáldas njuolggadusaid ja rutiinnaid guorahallan ja "
	  "buorideapmi"},
	 "2023-06-30", "ongoing"},
	{"OS", 2, 3,
	 {"Sektorplaner for riktige tjenester på riktig nivå, i riktig "
	  "omfang og med riktig kompetanse",
	  "Suorgeplánat rievttes bálvalusaid várás rievttes dásis, rievttes "
	  "viidodagas ja rievttes gelbbolašvuođain"},
	 "2024-06-30", "late"},
	{"OS", 2, 1,
	 {"Lederutvikling for alle ledere, andre kull",
	  "Jođiheaddjiovdánahttin buot jođiheddjiide, nubbi joavku"},
	 "2024-12-31", "ongoing"},
	{"OS", 3, 3,
	 {"Språkplan: samisk som arbeidsspråk og tjenestespråk i hele "
	  "kommunen",
	  "Giellaplána: sámegiella bargogiellan ja bálvalusgiellan olles "
	  "gielddas"},
	 "2026-12-31", "ongoing"},
	{"OS", 3, 1,
	 {"Innovasjon og samskaping med innbyggere, frivillige og "
	  "næringsliv",
	  "Innovašuvdna ja ovttasráhkadeapmi ássiiguin, eaktodáhtolaččaiguin "
	  "ja ealáhuseallimiin"},
	 "2027-06-30", "planned"},
	{"OS", 3, 2,
	 {"Ny evaluering av forvaltningspraksisen med Kommunekompasset",
	  "Ođđa árvvoštallan hálddašanpraksisis Kommunekompasset "
	  "vehkiin"},
	 "2027-12-31", "planned"},
};

#define MAX_EXTERNAL 6

/* Working groups first, then reference groups. sector names the sector
 * whose employees lead and staff the group. */
static const struct {
	const char *kind;
	const char *sp;     /* sub-project, NULL = programme-wide */
	const char *sector;
	text2 name;
	text2 mandate;
	const char *established;
	int staff_min, staff_max; /* employees besides the leader */
	struct {
		const char *name;
		const char *role;
	} external[MAX_EXTERNAL];
} groups[] = {
	{"working", "HO", "helse",
	 {"Tjenestebeskrivelser", "Bálvaluskuvvádusat"},
	 {"Utarbeide tjenestebeskrivelser for alle tjenester i helse og "
	  "omsorg, sikre sammenheng og helhet i tjenesten og mellom "
	  "tjenestene, og sikre innbyggernes rettssikkerhet.",
	  "Ráhkadit bálvaluskuvvádusaid buot dearvvašvuođa- ja "
	  "fuolahusbálvalusaide, sihkkarastit oktavuođa ja ollislašvuođa "
	  "bálvalusas ja bálvalusaid gaskka, ja sihkkarastit ássiid "
	  "riektesihkarvuođa."},
	 "2020-01-15", 3, 5, {{NULL, NULL}}},
	{"working", "HO", "helse",
	 {"Bemanningsplan, døgnrytmeplan og turnus",
	  "Bargoveahkaplána, jándorrytmaplána ja vuorrolistu"},
	 {"Utarbeide ny bemanningsplan, døgnrytmeplan og turnus i tråd med "
	  "ny årsverksramme for avdelingen, som sikrer gjennomgående "
	  "kontinuitet og kompetanse og ivaretar bærekraftig drift innenfor "
	  "de økonomiske rammene, økt heltidsandel, riktig bruk av "
	  "kompetanse og det samiske perspektivet i henhold til samelovens "
	  "språkregler, jf. §§ 3-2, 3-3 og 3-5.",
	  "Ráhkadit ođđa bargoveahkaplána, jándorrytmaplána ja vuorrolisttu "
	  "ossodaga ođđa jahkebargorámma mielde, mii sihkkarastá "
	  "joatkevašvuođa ja gelbbolašvuođa, ja mii vuhtiiváldá guoddevaš "
	  "doaimma ekonomalaš rámmaid siskkobealde, lassánan "
	  "ollesáiggeoasi, gelbbolašvuođa rievttes geavaheami ja sámi "
	  "perspektiivva sámelága giellanjuolggadusaid mielde, gč. §§ 3-2, "
	  "3-3 ja 3-5."}, /* se: review */
	 "2020-01-15", 4, 6, {{NULL, NULL}}},
	{"working", "HO", "helse",
	 {"Arbeidsflyt og logistikk i hjemmetjenesten",
	  "Bargogolgan ja logistihkka ruovttubálvalusas"},
	 {"Forbedre arbeidsflyten og logistikken i de hjemmebaserte "
	  "tjenestene for å redusere risikoen for feil og effektivisere den "
	  "daglige driften. Arbeidet skal gi faste pasientruter og lister, "
	  "et system for oppdatering av dem og et forbedret system for "
	  "fordeling av arbeidsoppgaver og ansvar i den daglige driften.",
	  "Buoridit bargogolgama ja logistihka ruovttubálvalusain vai "
	  "meattáhusaid riskka unnu ja beaivválaš doaibma šaddá "
	  "beaktilabbo. Bargu galgá addit bissovaš pasieantaruvttuid ja "
	  "listtaid, vuogádaga daid ođasmahttimii ja buoret vuogádaga "
	  "bargguid ja ovddasvástádusa juohkimii beaivválaš doaimmas."},
	 "2020-09-01", 3, 5, {{NULL, NULL}}},
	{"working", "OPP", "oppvekst",
	 {"Organisering av opplæringen", "Oahpahusa organiseren"},
	 {"Arbeidsgruppen skal komme med forslag til organisering av "
	  "opplæringen som er i tråd med budsjettrammen, FNs bærekraftsmål, "
	  "fagfornyelsen, kvalitetsmeldingen og relevante kommunale "
	  "planer.",
	  "Bargojoavku galgá evttohit got oahpahus organiserejuvvo "
	  "bušeahttarámma, ON:a guoddevašvuođaulbmiliid, fágaođasmahttima, "
	  "kvalitehtadieđáhusa ja guoskevaš gielddalaš plánaid "
	  "mielde."}, /* se: review */
	 "2020-02-01", 4, 6, {{NULL, NULL}}},
	{"working", "OPP", "oppvekst",
	 {"Tidlig innsats og god forebygging",
	  "Árra áŋgiruššan ja buorre eastadeapmi"},
	 {"Komme med forslag til en overordnet plan for tidlig innsats og "
	  "god forebygging for barn og unge, med forslag til tiltak, i tråd "
	  "med FNs barnekonvensjon (art. 3 og 12), Meld. St. 6 (2019–2020) "
	  "«Tett på», barnevernloven, opplæringsloven, barnehageloven, "
	  "offentlighetsloven, forvaltningsloven, lov om behandling av "
	  "personopplysninger, andre nasjonale føringer og relevante "
	  "kommunale planer.",
	  "Evttohit bajitdási plána árra áŋgiruššamii ja buori eastadeapmái "
	  "mánáid ja nuoraid várás, doaibmabidjoevttohusaiguin, ON:a "
	  "mánáidkonvenšuvnna (art. 3 ja 12), Meld. St. 6 (2019–2020) "
	  "«Tett på», mánáidsuodjalusláhka, oahpahusláhka, mánáidgárdeláhka, "
	  "almmolašvuođaláhka, hálddašanláhka, persovdnadiehtoláhka, eará "
	  "riikkalaš njuolggadusaid ja guoskevaš gielddalaš plánaid "
	  "mielde."}, /* se: review */
	 "2020-02-01", 4, 6, {{NULL, NULL}}},
	{"working", "PTMN", "ptmn",
	 {"Brann", "Buollinsuodjalus"},
	 {"Gjennomgå brannvesenets organisering, beredskap og forebyggende "
	  "arbeid, og foreslå tiltak.",
	  "Guorahallat buollinsuodjalusa organiserema, gearggusvuođa ja "
	  "eastadanbarggu, ja evttohit doaibmabijuid."},
	 "2020-03-01", 3, 4, {{NULL, NULL}}},
	{"working", "PTMN", "ptmn",
	 {"FDV", "FDV (hálddašeapmi, doaibma ja bajásdoallan)"},
	 {"Gjennomgå forvaltning, drift og vedlikehold (FDV) av kommunale "
	  "bygg og anlegg, og foreslå tiltak.",
	  "Guorahallat gielddalaš visttiid ja rusttegiid hálddašeami, "
	  "doaimma ja bajásdoallama (FDV), ja evttohit doaibmabijuid."},
	 "2020-03-01", 3, 5, {{NULL, NULL}}},
	{"working", "PTMN", "ptmn",
	 {"Renhold", "Buhtisteapmi"},
	 {"Gjennomgå organisering, omfang og kvalitet på renholdet i "
	  "kommunale bygg, og foreslå tiltak.",
	  "Guorahallat gielddalaš visttiid buhtisteami organiserema, "
	  "viidodaga ja kvalitehta, ja evttohit doaibmabijuid."},
	 "2020-03-01", 3, 4, {{NULL, NULL}}},
	{"working", "PTMN", "ptmn",
	 {"Bassengdrift", "Vuodjanbáseanga doaibma"}, /* se: review */
	 {"Gjennomgå driften av svømmebassenget og foreslå tiltak for en "
	  "forsvarlig og økonomisk bærekraftig drift.",
	  "Guorahallat vuodjanbáseanga doaimma ja evttohit doaibmabijuid "
	  "dohkálaš ja ekonomalaččat guoddevaš doaimma "
	  "várás."}, /* se: review */
	 "2020-03-01", 3, 4, {{NULL, NULL}}},
	{"working", "PTMN", "ptmn",
	 {"Saksbehandling", "Áššemeannudeapmi"},
	 {"Gjennomgå saksbehandlingen i sektoren (kapasitet, rutiner, "
	  "frister og digitale verktøy), og foreslå tiltak.",
	  "Guorahallat suorggi áššemeannudeami (kapasitehta, rutiinnaid, "
	  "áigemeriid ja digitála reaidduid), ja evttohit doaibmabijuid."},
	 "2020-03-01", 3, 5, {{NULL, NULL}}},
	{"working", "PTMN", "ptmn",
	 {"Felles teknisk vakt", "Oktasaš teknihkalaš vákta"},
	 {"Foreslå en felles teknisk vaktordning for kommunale bygg, vann, "
	  "avløp og veier.",
	  "Evttohit oktasaš teknihkalaš váktaortnega gielddalaš visttiide, "
	  "čáhcái, kloáhkkii ja geainnuide."}, /* se: review */
	 "2020-03-01", 3, 4, {{NULL, NULL}}},

	{"reference", "HO", "helse",
	 {"Brukere og pårørende i helse og omsorg",
	  "Geavaheaddjit ja fuolkkit dearvvašvuođas ja fuolahusas"},
	 {"Gi brukere og pårørende innflytelse på arbeidet i delprosjektet "
	  "helse og omsorg, særlig på tjenestebeskrivelser, tjenestenivå og "
	  "samisk språk i tjenestene.",
	  "Addit geavaheddjiide ja fulkkiide vejolašvuođa váikkuhit "
	  "dearvvašvuođa ja fuolahusa oasseprošeavtta bargui, "
	  "earenoamážit bálvaluskuvvádusaide, bálvalusdássái ja sámegillii "
	  "bálvalusain."},
	 "2020-04-01", 1, 1,
	 {{"Eldrerådet", "user_rep"},
	  {"Rådet for personer med funksjonsnedsettelse", "user_rep"},
	  {"Pasient- og brukerombudet i Troms og Finnmark", "stakeholder"},
	  {"Fagforbundet", "employee_rep"},
	  {"Norsk Sykepleierforbund (NSF)", "employee_rep"}}},
	{"reference", NULL, "adm",
	 {"Samisk språk", "Sámegiella"},
	 {"Gi råd om hvordan samisk språk og kultur skal ivaretas i "
	  "prosjektet og i delprosjektene, og følge opp samelovens "
	  "språkregler.",
	  "Rávvet movt sámegiella ja sámi kultuvra vuhtiiváldojuvvojit "
	  "prošeavttas ja oasseprošeavttain, ja čuovvolit sámelága "
	  "giellanjuolggadusaid."},
	 "2020-04-01", 1, 2,
	 {{"Sametinget", "stakeholder"},
	  {"Eldrerådet", "user_rep"},
	  {"Ungdomsrådet", "user_rep"}}},
	{"reference", NULL, "adm",
	 {"Arbeidstakerorganisasjonene", "Bargiidorganisašuvnnat"},
	 {"Sikre medvirkning fra de ansatte gjennom tillitsvalgte og "
	  "verneombud i omstillingsarbeidet.",
	  "Sihkkarastit bargiid oassálastima luohttámušolbmuid ja "
	  "bargosuodjalanáittardeddjiid bokte nuppástuhttinbarggus."},
	 "2020-01-15", 0, 0,
	 {{"Fagforbundet", "employee_rep"},
	  {"Norsk Sykepleierforbund (NSF)", "employee_rep"},
	  {"Utdanningsforbundet", "employee_rep"},
	  {"Delta", "employee_rep"},
	  {"Hovedverneombudet", "employee_rep"}}},
};

#define N(a) (sizeof(a) / sizeof *(a))

/* The employees of one sector, by id: those who hold a post there. */
typedef struct {
	int64_t *ids;
	size_t n;
} staff;

/* State of the load: looked-up ids and the prepared inserts. */
typedef struct {
	db *d;
	ov_rng *rng;
	ov_err *err;
	int64_t municipality, programme;
	int64_t stage_id[N(stages)];
	int64_t challenge_id[N(challenges)];
	int64_t sub_id[N(subprojects)];
	staff sub_staff[N(subprojects)];
} demo;

/* Runs an insert ... RETURNING id (or a lookup) and resets st. */
static ov_status one_id(db_stmt *st, int64_t *id, ov_err *err)
{
	int step = db_step(st, err);
	*id = step > 0 ? db_col_int(st, 0) : 0;
	db_reset(st);
	return step < 0 ? OV_E_DB : OV_OK;
}

static void bind_id(db_stmt *st, int n, int64_t id)
{
	if (id)
		db_bind_int(st, n, id);
	else
		db_bind_null(st, n);
}

static ov_status load_staff(demo *m, int64_t sector_id, staff *s)
{
	s->ids = NULL;
	s->n = 0;
	if (!sector_id)
		return OV_OK;
	db_stmt *st;
	ov_status rc = db_prepare(
		m->d,
		"SELECT DISTINCT e.id FROM employee e "
		"JOIN position p ON p.employee_id = e.id "
		"JOIN unit u ON u.id = p.unit_id "
		"WHERE u.sector_id = $1 ORDER BY e.id",
		&st, m->err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, sector_id);
	size_t cap = 0;
	int step;
	while ((step = db_step(st, m->err)) > 0) {
		if (s->n == cap) {
			cap = cap ? cap * 2 : 32;
			int64_t *p = realloc(s->ids, cap * sizeof *p);
			if (!p) {
				db_finalize(st);
				return OV_FAIL(m->err, OV_E_NOMEM, NULL,
					       _("out of memory"));
			}
			s->ids = p;
		}
		s->ids[s->n++] = db_col_int(st, 0);
	}
	db_finalize(st);
	return step < 0 ? OV_E_DB : OV_OK;
}

static int sub_index(const char *code)
{
	for (size_t i = 0; i < N(subprojects); i++)
		if (!strcmp(subprojects[i].code, code))
			return (int)i;
	return -1;
}

static ov_status find_sector(demo *m, const char *code, int64_t *id)
{
	db_stmt *st;
	ov_status rc = db_prepare(m->d,
				  "SELECT id FROM sector WHERE "
				  "municipality_id = $1 AND code = $2",
				  &st, m->err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, m->municipality);
	db_bind_text(st, 2, code);
	rc = one_id(st, id, m->err);
	db_finalize(st);
	return rc;
}

static ov_status load_head(demo *m)
{
	db_stmt *st;
	ov_status rc = db_prepare(m->d,
				  "SELECT id FROM municipality WHERE "
				  "code = '5610'",
				  &st, m->err);
	if (rc != OV_OK)
		return rc;
	rc = one_id(st, &m->municipality, m->err);
	db_finalize(st);
	if (rc != OV_OK)
		return rc;
	if (!m->municipality)
		return OV_FAIL(m->err, OV_E_INTERNAL, NULL,
			       "the demo programme needs municipality 5610 "
			       "(load the organisation first)");

	rc = db_prepare(
		m->d,
		"INSERT INTO programme (municipality_id, code, name_nb, "
		"name_se, purpose_nb, purpose_se, starts_on, ends_on) "
		"VALUES ($1, 'FK', $2, $3, $4, $5, '2020-01-01', "
		"'2027-12-31') RETURNING id",
		&st, m->err);
	if (rc != OV_OK)
		return rc;
	db_bind_int(st, 1, m->municipality);
	db_bind_text(st, 2, "Framtidens Karasjok");
	db_bind_text(st, 3, "Boahtteáiggi Kárášjohka"); /* se: review */
	db_bind_text(st, 4,
		     "Et omfattende og langsiktig (8 år) endrings- og "
		     "kvalitetsløftingsprosjekt i Karasjok kommune, organisert "
		     "i tre trinn. Etter endt prosjekt skal kommunen kunne "
		     "levere tjenester til innbyggerne innenfor rammen av god "
		     "forvaltningsskikk, ha en god organisasjonspraksis og en "
		     "sunn og bærekraftig økonomi. Samisk språk og kultur skal "
		     "ivaretas i prosjektet og i alle delprosjekter.");
	db_bind_text(st, 5,
		     "Viiddis ja guhkesáigásaš (8 jagi) rievdadan- ja "
		     "kvalitehtaloktenprošeakta Kárášjoga gielddas, mii lea "
		     "organiserejuvvon golmma ceahkkái. Go prošeakta lea "
		     "loahpahuvvon, de galgá gielda sáhttit addit ássiide "
		     "bálvalusaid buori hálddašanvieru rámmaid siskkobealde, ja "
		     "gielddas galgá leat buorre organisašuvdnapraksis ja "
		     "dearvvaš ja guoddevaš ekonomiija. Sámegiella ja sámi "
		     "kultuvra galget vuhtiiváldojuvvot prošeavttas ja buot "
		     "oasseprošeavttain.");
	rc = one_id(st, &m->programme, m->err);
	db_finalize(st);
	if (rc != OV_OK)
		return rc;

	rc = db_prepare(m->d,
			"INSERT INTO programme_stage (programme_id, number, "
			"code, name_nb, name_se, starts_on, ends_on) VALUES "
			"($1, $2, $3, $4, $5, $6, $7) RETURNING id",
			&st, m->err);
	for (size_t i = 0; rc == OV_OK && i < N(stages); i++) {
		db_bind_int(st, 1, m->programme);
		db_bind_int(st, 2, (int64_t)i + 1);
		db_bind_text(st, 3, stages[i].code);
		db_bind_text(st, 4, stages[i].name.nb);
		db_bind_text(st, 5, stages[i].name.se);
		db_bind_text(st, 6, stages[i].from);
		db_bind_text(st, 7, stages[i].to);
		rc = one_id(st, &m->stage_id[i], m->err);
	}
	db_finalize(st);
	if (rc != OV_OK)
		return rc;

	rc = db_prepare(m->d,
			"INSERT INTO challenge (programme_id, number, name_nb, "
			"name_se) VALUES ($1, $2, $3, $4) RETURNING id",
			&st, m->err);
	for (size_t i = 0; rc == OV_OK && i < N(challenges); i++) {
		db_bind_int(st, 1, m->programme);
		db_bind_int(st, 2, (int64_t)i + 1);
		db_bind_text(st, 3, challenges[i].nb);
		db_bind_text(st, 4, challenges[i].se);
		rc = one_id(st, &m->challenge_id[i], m->err);
	}
	db_finalize(st);
	if (rc != OV_OK)
		return rc;

	rc = db_prepare(m->d,
			"INSERT INTO subproject (programme_id, sector_id, "
			"code, name_nb, name_se) VALUES ($1, $2, $3, $4, $5) "
			"RETURNING id",
			&st, m->err);
	if (rc != OV_OK)
		return rc;
	for (size_t i = 0; rc == OV_OK && i < N(subprojects); i++) {
		int64_t sector = 0;
		/* Statement st stays prepared while find_sector runs its
		 * own; SQLite and libpq both allow that. */
		rc = find_sector(m, subprojects[i].sector, &sector);
		if (rc == OV_OK)
			rc = load_staff(m, sector, &m->sub_staff[i]);
		if (rc != OV_OK)
			break;
		db_bind_int(st, 1, m->programme);
		bind_id(st, 2, sector);
		db_bind_text(st, 3, subprojects[i].code);
		db_bind_text(st, 4, subprojects[i].name.nb);
		db_bind_text(st, 5, subprojects[i].name.se);
		rc = one_id(st, &m->sub_id[i], m->err);
	}
	db_finalize(st);
	return rc;
}

static ov_status load_goals(demo *m)
{
	db_stmt *st;
	ov_status rc = db_prepare(
		m->d,
		"INSERT INTO effect_goal (subproject_id, challenge_id, number, "
		"area_nb, area_se, text_nb, text_se, indicator_nb, "
		"indicator_se, target) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
		"$9, $10)",
		&st, m->err);
	if (rc != OV_OK)
		return rc;
	int number[N(subprojects)] = {0};
	for (size_t i = 0; rc == OV_OK && i < N(goals); i++) {
		int s = sub_index(goals[i].sp);
		db_bind_int(st, 1, m->sub_id[s]);
		db_bind_int(st, 2, m->challenge_id[goals[i].challenge - 1]);
		db_bind_int(st, 3, ++number[s]);
		db_bind_text(st, 4, goals[i].area->nb);
		db_bind_text(st, 5, goals[i].area->se);
		db_bind_text(st, 6, goals[i].text.nb);
		db_bind_text(st, 7, goals[i].text.se);
		db_bind_text(st, 8, goals[i].indicator->nb);
		db_bind_text(st, 9, goals[i].indicator->se);
		db_bind_text(st, 10, goals[i].target);
		rc = db_run(st, m->err);
		db_reset(st);
	}
	db_finalize(st);
	return rc;
}

/* An employee of the sub-project's sector, or 0 when it has none. */
static int64_t pick(demo *m, const staff *s)
{
	if (!s->n)
		return 0;
	return s->ids[ov_rng_range(m->rng, 0, (int64_t)s->n - 1)];
}

static ov_status load_measures(demo *m)
{
	db_stmt *st;
	ov_status rc = db_prepare(
		m->d,
		"INSERT INTO measure (subproject_id, stage_id, challenge_id, "
		"number, text_nb, text_se, owner_employee_id, deadline, "
		"status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
		&st, m->err);
	if (rc != OV_OK)
		return rc;
	int number[N(subprojects)] = {0};
	for (size_t i = 0; rc == OV_OK && i < N(measures); i++) {
		int s = sub_index(measures[i].sp);
		db_bind_int(st, 1, m->sub_id[s]);
		db_bind_int(st, 2, m->stage_id[measures[i].stage - 1]);
		db_bind_int(st, 3, m->challenge_id[measures[i].challenge - 1]);
		db_bind_int(st, 4, ++number[s]);
		db_bind_text(st, 5, measures[i].text.nb);
		db_bind_text(st, 6, measures[i].text.se);
		bind_id(st, 7, pick(m, &m->sub_staff[s]));
		db_bind_text(st, 8, measures[i].deadline);
		db_bind_text(st, 9, measures[i].status);
		rc = db_run(st, m->err);
		db_reset(st);
	}
	db_finalize(st);
	return rc;
}

/* Draws up to k distinct employees of s into out (a partial
 * Fisher-Yates shuffle of a copy); returns how many were drawn. */
static size_t draw(demo *m, const staff *s, size_t k, int64_t *out)
{
	if (k > s->n)
		k = s->n;
	if (!k)
		return 0;
	int64_t *pool = malloc(s->n * sizeof *pool);
	if (!pool)
		return 0;
	memcpy(pool, s->ids, s->n * sizeof *pool);
	for (size_t i = 0; i < k; i++) {
		size_t j = (size_t)ov_rng_range(m->rng, (int64_t)i,
						(int64_t)s->n - 1);
		int64_t t = pool[i];
		pool[i] = pool[j];
		pool[j] = t;
		out[i] = pool[i];
	}
	free(pool);
	return k;
}

static ov_status add_member(db_stmt *st, int64_t group, int64_t employee,
			    const char *external, const char *role,
			    ov_err *err)
{
	db_bind_int(st, 1, group);
	bind_id(st, 2, employee);
	db_bind_text(st, 3, external);
	db_bind_text(st, 4, role);
	ov_status rc = db_run(st, err);
	db_reset(st);
	return rc;
}

static ov_status load_groups(demo *m)
{
	db_stmt *gs, *ms;
	ov_status rc = db_prepare(
		m->d,
		"INSERT INTO work_group (programme_id, subproject_id, kind, "
		"name_nb, name_se, mandate_nb, mandate_se, leader_employee_id, "
		"established_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
		"RETURNING id",
		&gs, m->err);
	if (rc != OV_OK)
		return rc;
	rc = db_prepare(m->d,
			"INSERT INTO group_member (group_id, employee_id, "
			"external_name, member_role) VALUES ($1, $2, $3, $4)",
			&ms, m->err);
	if (rc != OV_OK) {
		db_finalize(gs);
		return rc;
	}
	for (size_t i = 0; rc == OV_OK && i < N(groups); i++) {
		/* The sector's staff: a sub-project's, or looked up for the
		 * programme-wide groups. */
		staff own = {NULL, 0};
		const staff *s = &own;
		int sp = groups[i].sp ? sub_index(groups[i].sp) : -1;
		if (sp >= 0) {
			s = &m->sub_staff[sp];
		} else {
			int64_t sector = 0;
			rc = find_sector(m, groups[i].sector, &sector);
			if (rc == OV_OK)
				rc = load_staff(m, sector, &own);
			if (rc != OV_OK) {
				free(own.ids);
				break;
			}
		}
		int64_t picked[8];
		size_t want = 1 + (size_t)ov_rng_range(m->rng,
						       groups[i].staff_min,
						       groups[i].staff_max);
		size_t got = draw(m, s, want, picked);
		free(own.ids);
		int64_t leader = got ? picked[0] : 0;

		int64_t gid = 0;
		db_bind_int(gs, 1, m->programme);
		bind_id(gs, 2, sp >= 0 ? m->sub_id[sp] : 0);
		db_bind_text(gs, 3, groups[i].kind);
		db_bind_text(gs, 4, groups[i].name.nb);
		db_bind_text(gs, 5, groups[i].name.se);
		db_bind_text(gs, 6, groups[i].mandate.nb);
		db_bind_text(gs, 7, groups[i].mandate.se);
		bind_id(gs, 8, leader);
		db_bind_text(gs, 9, groups[i].established);
		rc = one_id(gs, &gid, m->err);
		if (rc == OV_OK && leader)
			rc = add_member(ms, gid, leader, NULL, "leader",
					m->err);
		/* Working groups secure the employees' participation: the
		 * last employee drawn sits as their representative. */
		for (size_t k = 1; rc == OV_OK && k < got; k++) {
			int rep = !strcmp(groups[i].kind, "working") &&
				  k == got - 1 && got > 2;
			rc = add_member(ms, gid, picked[k], NULL,
					rep ? "employee_rep" : "member",
					m->err);
		}
		for (size_t k = 0; rc == OV_OK && k < MAX_EXTERNAL &&
				   groups[i].external[k].name;
		     k++)
			rc = add_member(ms, gid, 0, groups[i].external[k].name,
					groups[i].external[k].role, m->err);
	}
	db_finalize(gs);
	db_finalize(ms);
	return rc;
}

ov_status prog_demo_load(db *d, ov_rng *rng, ov_err *err)
{
	demo m;
	memset(&m, 0, sizeof m);
	m.d = d;
	m.rng = rng;
	m.err = err;
	ov_status rc = load_head(&m);
	if (rc == OV_OK)
		rc = load_goals(&m);
	if (rc == OV_OK)
		rc = load_measures(&m);
	if (rc == OV_OK)
		rc = load_groups(&m);
	for (size_t i = 0; i < N(subprojects); i++)
		free(m.sub_staff[i].ids);
	return rc;
}
