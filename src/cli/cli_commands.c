/*
 * cli_commands.c - the one table of commands: name, usage, help text and
 * entry point. `ovttas help` and every --help are printed from here.
 */
#include "cli.h"

#include "base/ov_i18n.h"

const cli_command cli_commands[] = {
	{NULL, "help", "[COMMAND...]", N_("Show the commands, or the help of one"),
	 N_("Without arguments, lists every command. With a command name, "
	    "shows its options."),
	 cmd_help},
	{NULL, "version", "", N_("Show the version of ovttas"),
	 N_("Prints the version of ovttas and of the database schema it "
	    "knows."),
	 cmd_version},
	{NULL, "init", "[--demo] [--seed N] [--force]",
	 N_("Create the database, optionally with the demo data"),
	 N_("Creates a new database with the current schema. --demo loads "
	    "the demo of Karasjok and Kautokeino; the same --seed gives the "
	    "same data. An existing database is only replaced with --force."),
	 cmd_init},
	{NULL, "status", "[--municipality M]",
	 N_("One-screen overview of both municipalities"),
	 N_("Inhabitants, staff and full-time share, Sámi-speaking staff, "
	    "programme progress, budget against accounts so far this year "
	    "and home-care recipients, per municipality."),
	 cmd_status},
	{"db", "migrate", "", N_("Bring the database schema up to date"),
	 N_("Applies all pending schema migrations in one transaction; a "
	    "failing migration leaves the database as it was."),
	 cmd_db_migrate},
	{"db", "check", "", N_("Check integrity and foreign keys"),
	 N_("Runs SQLite's integrity check and the foreign-key check, and "
	    "lists every problem. Exit code 1 if any is found."),
	 cmd_db_check},
	{"db", "backup", "FILE [--force]",
	 N_("Copy the database to FILE while it is in use"),
	 N_("Makes a consistent copy with SQLite's online backup. FILE is "
	    "written completely or not at all; an existing FILE is only "
	    "replaced with --force."),
	 cmd_db_backup},
	{"org", "units", "[--municipality M]",
	 N_("List sectors and units with their ansvar code"),
	 N_("Every unit with its sector, ansvar (cost centre), KOSTRA "
	    "funksjon, positions, FTEs and vacancies."),
	 cmd_org_units},
	{"org", "employees", "[--unit U] [--municipality M]",
	 N_("List employees with position, FTE and competence"),
	 N_("Employees with their unit, position, FTE %, competence and "
	    "Sámi proficiency. --unit takes an ansvar code or a unit name."),
	 cmd_org_employees},
	{"programme", "show", "[--stage N]",
	 N_("Show the change programme"),
	 N_("Stages, challenges, sub-projects with effect goals and "
	    "measures, and the working and reference groups. --stage limits "
	    "the measures to one stage (1, 2 or 3)."),
	 cmd_programme_show},
	{"economy", "summary", "--month YYYY-MM [--municipality M]",
	 N_("Budget against accounts up to a month"),
	 N_("Per unit: budget and accounts from January to the given month, "
	    "deviation, use in per cent and a year-end forecast."),
	 cmd_economy_summary},
	{"rota", "solve-file", "INSTANCE [--seconds S] [--seed N] [--quiet]",
	 N_("Solve a rota problem from a benchmark file"),
	 N_("Reads an instance in the Curtois & Qu shift-scheduling format, "
	    "searches for S seconds (default 10) and prints the objective by "
	    "rule, every broken hard rule and the roster (. = day off). "
	    "--json prints one object with the roster by employee id. "
	    "Progress goes to stderr unless --quiet."),
	 cmd_rota_solve_file},
	{"rota", "shifts", "--unit U [--municipality M]",
	 N_("List a unit's shift types"),
	 N_("Lists the shift types of unit U (ansvar code or name): code, "
	    "name, start, end, length (hours:minutes; a shift that ends "
	    "before it starts ends the next day) and category."),
	 cmd_rota_shifts},
	{"rota", "shift-set",
	 "--unit U --code C [--name TEXT] [--name-se TEXT] [--start HH:MM] "
	 "[--length MIN|H:MM | --end HH:MM] "
	 "[--category day|evening|night|long|other] [--municipality M]",
	 N_("Add or change a shift type"),
	 N_("Adds shift type C to unit U, or changes the one with that code: "
	    "only the options given change. A new shift type needs --name "
	    "(Bokmål; --name-se in Northern Sámi, else cleared when --name "
	    "changes, so Bokmål is shown), --start, --length in "
	    "minutes or hours:minutes (or --end) and --category. Langvakter "
	    "(category long) own no hours of the døgnrytmeplan when the "
	    "bemanningsplan is derived. Prints the unit's shift types."),
	 cmd_rota_shift_set},
	{"rota", "rhythm",
	 "--unit U [--weekday D] [--hour H] [--municipality M]",
	 N_("Show a unit's døgnrytmeplan (staff needed per hour)"),
	 N_("Shows hour by hour what unit U needs: nurses, health workers "
	    "(not counting nurses), others, how many of them must speak "
	    "Northern Sámi, and the task. Consecutive hours that need the "
	    "same are one row. --weekday (0 = Monday to 6 = Sunday, a day's "
	    "name, or a range such as 0-4) and --hour (0-23 or a range such "
	    "as 7-14) limit the hours shown."),
	 cmd_rota_rhythm},
	{"rota", "rhythm-set",
	 "--unit U --weekday D --hour H [--nurses N] [--health N] "
	 "[--others N] [--sami N] [--task TEXT] [--task-se TEXT] "
	 "[--municipality M]",
	 N_("Set the staff a unit needs in some hours"),
	 N_("Sets, for every hour in --hour (0-23 or a range such as 7-14) "
	    "on every day in --weekday (0 = Monday to 6 = Sunday, a day's "
	    "name, or a range such as 0-4), the nurses, health workers (not "
	    "counting nurses), others and Sámi speakers needed, and the task "
	    "(--task in Bokmål, --task-se in Northern Sámi, else cleared when "
	    "--task changes, so Bokmål is shown); what is not given stays. All hours are saved or none. The bemanningsplan is "
	    "not changed: run 'rota derive' for that."),
	 cmd_rota_rhythm_set},
	{"rota", "needs", "--unit U [--weekday D] [--municipality M]",
	 N_("Show a unit's bemanningsplan (staff per shift and skill)"),
	 N_("Shows for each weekday and shift of unit U the staff it needs "
	    "by skill, as minimum–preferred: any (everyone on the shift), "
	    "health (health workers and nurses), nurse, sami (Northern Sámi "
	    "speakers). --weekday limits the days (0 = Monday to 6 = "
	    "Sunday, a day's name, or a range such as 0-4)."),
	 cmd_rota_needs},
	{"rota", "need-set",
	 "--unit U --weekday D --shift CODE --skill any|health|nurse|sami "
	 "--min N [--preferred N] [--municipality M]",
	 N_("Set the staff a shift needs"),
	 N_("Sets, on every day in --weekday (0 = Monday to 6 = Sunday, a "
	    "day's name, or a range such as 0-4), how many staff with the "
	    "skill shift CODE must have (--min) and would like to have "
	    "(--preferred, default the minimum). --min 0 without --preferred "
	    "removes the row. All days are saved or none. 'rota derive' "
	    "replaces these rows for every shift but langvakter."),
	 cmd_rota_need_set},
	{"rota", "derive", "--unit U [--municipality M]",
	 N_("Derive the bemanningsplan from the døgnrytmeplan"),
	 N_("Recomputes the bemanningsplan of unit U from its døgnrytmeplan: "
	    "each hour belongs to the shift that started last before it; "
	    "for each shift, weekday and skill the preferred count is the "
	    "peak of its hours and the minimum the level at least half of "
	    "them need. Rows of langvakter are kept (set them with 'rota "
	    "need-set'), and the staff they put on duty is subtracted "
	    "first. Fails, changing nothing, if an hour needs staff but no "
	    "shift covers it. Prints the new bemanningsplan."),
	 cmd_rota_derive},
	{"rota", "plan",
	 "--unit U --from YYYY-MM-DD [--weeks 6] [--seconds S] [--seed N] "
	 "[--municipality M] [--quiet]",
	 N_("Make, check and store a rota for a unit"),
	 N_("Builds the rota problem of unit U (ansvar code or name) from its "
	    "bemanningsplan, employees and contracts for the weeks (1-52, "
	    "default 6) from --from, which must be a Monday; solves it for S "
	    "seconds (default 10, seed 1), checks it and stores it. Prints "
	    "the plan id and the rule check, coverage per shift and skill "
	    "(days met, days short, staff missing), hours per employee "
	    "against contract with shifts and weekends, the full-time share "
	    "and the cost at assumed 2026 pay rates. Progress goes to stderr "
	    "unless --quiet."),
	 cmd_rota_plan},
	{"rota", "heltid",
	 "--unit U [--from YYYY-MM-DD] [--weeks 6] [--seconds S] [--seed N] "
	 "[--municipality M] [--quiet]",
	 N_("How many posts can be full time"),
	 N_("Solves the unit's rota (from the Monday on or after today unless "
	    "--from) with more and more of its posts made full time within "
	    "the same FTE budget, up to 8 variants, S seconds each (default "
	    "5), and shows for each the posts, the vacancies (posts that "
	    "would fall below 20 per cent), the full-time share, the staff "
	    "missing below the minimum and below the preferred level, broken "
	    "rules and the cost. Nothing is stored."),
	 cmd_rota_heltid},
	{"rota", "export",
	 "--plan ID --format csv|xlsx|ics --out PATH [--force]",
	 N_("Export a stored rota"),
	 N_("Writes stored rota ID (the id 'rota plan' prints) as CSV, one "
	    "row per employee and day, or as an Excel workbook with the rota "
	    "grid and hours against contract, to the file PATH; or as one "
	    "iCalendar file per employee, named by employee number, into the "
	    "folder PATH, so staff can subscribe to their own rota. Existing "
	    "files are only replaced with --force; a failed export leaves no "
	    "half-written file."),
	 cmd_rota_export},
	{"routes", "solve-file",
	 "INSTANCE [--seconds S] [--seed N] [--rounding dimacs|none] "
	 "[--objective distance|vehicles] [--quiet]",
	 N_("Solve a vehicle-routing benchmark file"),
	 N_("Reads a routing instance with time windows (VRPLIB .vrp or "
	    "Solomon's text layout), searches for S seconds (default 10) and "
	    "prints the vehicles, the distance, every broken rule and the "
	    "routes in customer numbers. --rounding dimacs truncates each "
	    "arc to one decimal, none keeps it exact; --objective distance "
	    "minimises distance alone, vehicles fewer vehicles first. The "
	    "defaults are dimacs and distance for .vrp files, none and "
	    "vehicles for Solomon's layout. --json prints one object with "
	    "the routes. Progress goes to stderr unless --quiet."),
	 cmd_routes_solve_file},
	{"routes", "plan",
	 "--municipality M --date D [--shift day|evening] [--travel FILE] "
	 "[--seconds S] [--seed N] [--quiet]",
	 N_("Plan the day's home-care routes and store them"),
	 N_("Builds the day's routing problem of the municipality's mobile "
	    "home care: the visits due that day in the shift, and the "
	    "caregivers the stored rota puts on it, with their competence "
	    "and Sámi. Searches for S seconds (default 10), checks every "
	    "list against every window, skill and shift, stores the lists "
	    "and prints each caregiver's list in order and the visits that "
	    "could not be served, with the reason. Each visit keeps the "
	    "caregiver it had on the last planned day where it can; "
	    "recipients who want Sámi get a Sámi speaker where one is free. "
	    "Make the rota first with 'ovttas rota plan'. Travel times come "
	    "from the map (great-circle distance times 1.35 at 60 km/h) or, "
	    "with --travel, from a CSV file of from,to,minutes rows keyed "
	    "by recipient code and 'office', as a road router such as OSRM "
	    "makes it; pairs it lacks come from the map. A plan that fails "
	    "stores nothing."),
	 cmd_routes_plan},
	{"routes", "replan",
	 "--municipality M --date D (--sick E | --late E --minutes M | "
	 "--cancel RECIPIENT[:TASK] | --add RECIPIENT:TASK) "
	 "[--shift day|evening] [--travel FILE] [--seconds S] [--seed N] "
	 "[--quiet]",
	 N_("Re-plan the day's routes after a change"),
	 N_("Plans the current lists of the day again after one change: a "
	    "caregiver (employee number) off sick; a caregiver who starts M "
	    "minutes late; a recipient's visits not made today (all of the "
	    "shift, or the one task); or a recipient's visit made today "
	    "though its weekly pattern does not say so. Every other visit "
	    "stays with its caregiver unless moving it serves more visits; "
	    "what an earlier change cancelled stays cancelled. Prints every "
	    "visit that changed hands, was cancelled or added, or is no "
	    "longer served. The earlier lists are kept; the new ones are "
	    "current. Searches for S seconds (default 5)."),
	 cmd_routes_replan},
	{"routes", "show",
	 "--municipality M --date D [--shift day|evening] [--caregiver E]",
	 N_("Show the day's home-care lists"),
	 N_("Prints each caregiver's current list for the day and shift in "
	    "order: the time, the recipient, the settlement, the task, the "
	    "minutes and the language, with the drive from the stop before; "
	    "then the visits not served with the reason, and the day's "
	    "totals. --caregiver shows one list (employee number). --json "
	    "prints one object with the stops and their coordinates."),
	 cmd_routes_show},
	{"routes", "export",
	 "--municipality M --date D [--shift day|evening] "
	 "--format html|geojson|csv --out PATH [--force]",
	 N_("Export the day's home-care lists as HTML, GeoJSON or CSV"),
	 N_("Writes the current lists of the day and shift to the file PATH: "
	    "html is one page to print, each caregiver's list on its own "
	    "sheet in visit order with a column to sign, then the visits "
	    "not served with the reason; geojson has each caregiver's route "
	    "as a line from the office through the stops and back, and every "
	    "stop and unserved visit as a point (longitude, latitude), for a "
	    "map; csv has one row "
	    "per stop and unserved visit with fixed English column names. "
	    "An existing file is only replaced with --force; a failed "
	    "export leaves no half-written file."),
	 cmd_routes_export},
	{"user", "add",
	 "USERNAME --role ROLE[,ROLE...] --municipality M|both [--name NAME] "
	 "[--employee ID] [--password-file FILE]",
	 N_("Add a user of the web interface"),
	 N_("Adds a user with one or more roles in one municipality, or in "
	    "both (shared services). The roles: admin, leader, budget_holder, "
	    "rota_planner, homecare_coordinator, case_worker, employee and "
	    "steering_group. --employee links the user to an employee, who "
	    "then sees their own rota and route. The password is read from "
	    "--password-file (- for standard input) or typed at the "
	    "terminal, never given on the command line; it is stored as an "
	    "argon2id hash. The change is written to the audit trail."),
	 cmd_user_add},
	{"user", "passwd", "USERNAME [--password-file FILE]",
	 N_("Set a user's password"),
	 N_("Sets a new password, read as for user add, and lifts a "
	    "lock-out after failed log-ins."),
	 cmd_user_passwd},
	{"user", "disable", "USERNAME", N_("Disable a user"),
	 N_("The user can no longer log in and their open sessions end. "
	    "Nothing the user did is removed."),
	 cmd_user_disable},
	{"user", "list", "", N_("List the users and their roles"),
	 N_("Every user with their roles per municipality and whether the "
	    "account is active, locked after failed log-ins, or disabled."),
	 cmd_user_list},
	{NULL, "ui", "[--port N]",
	 N_("Open the web interface on this machine"),
	 N_("Serves the web interface on 127.0.0.1 (port 8080 unless "
	    "--port is given) and prints its address. Without a database "
	    "it first creates the demo and prints its log-ins. Ctrl-C "
	    "stops it."),
	 cmd_ui},
	{NULL, "serve", "[--listen ADDR:PORT] [--secure-cookies]",
	 N_("Run the shared web server"),
	 N_("Serves the web interface and its JSON API (/api/v1/) for "
	    "everyone who can reach ADDR:PORT (default 0.0.0.0:8080). Put "
	    "it behind a TLS proxy and give --secure-cookies, so the "
	    "session cookie is only sent over TLS. SIGTERM or Ctrl-C stops "
	    "it."),
	 cmd_serve},
	{NULL, "audit", "[--since DATE] [--limit N]",
	 N_("Show the audit trail"),
	 N_("Every change made through ovttas, oldest first: when, who, "
	    "what, and with --json the thing before and after. The trail "
	    "cannot be changed or shortened."),
	 cmd_audit},
	{NULL, NULL, NULL, NULL, NULL, NULL},
};
