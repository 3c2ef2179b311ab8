/*
 * view_org.c - units and employees as JSON, for `ovttas org --json` and
 * the web API's organisation pages.
 */
#include "base/ov_i18n.h"
#include "view.h"

json_t *view_unit_json(const org_unit *u)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:b,s:i,s:I,s:I,"
			 "s:i,s:s}",
			 "municipality", u->municipality_code, "sector",
			 u->sector_code, "sector_name",
			 ov_i18n_pick(u->sector_nb, u->sector_se), "ansvar",
			 u->ansvar, "name",
			 ov_i18n_pick(u->name_nb, u->name_se), "name_nb",
			 u->name_nb, "name_se", u->name_se, "funksjon",
			 u->funksjon, "round_the_clock", u->round_the_clock,
			 "positions", u->positions, "fte_bp",
			 (json_int_t)u->fte_bp, "filled_fte_bp",
			 (json_int_t)u->filled_fte_bp, "vacancies",
			 u->vacancies, "leader", u->leader);
}

json_t *view_employee_json(const org_employee *e)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:i,s:s,s:i}",
			 "municipality", e->municipality_code, "employee_no",
			 e->employee_no, "given_name", e->given_name,
			 "family_name", e->family_name, "sector",
			 e->sector_code, "ansvar", e->ansvar, "unit",
			 ov_i18n_pick(e->unit_nb, e->unit_se), "unit_nb",
			 e->unit_nb, "title",
			 ov_i18n_pick(e->title_nb, e->title_se), "fte_bp",
			 e->fte_bp, "competence", e->competence,
			 "sami_proficiency", e->sami_proficiency);
}
