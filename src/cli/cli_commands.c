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
	{NULL, NULL, NULL, NULL, NULL, NULL},
};
