/*
 * view_programme.c - the whole change programme as JSON (stages,
 * challenges, sub-projects with effect goals and measures, working and
 * reference groups): what `ovttas programme show --json` prints and
 * GET /api/v1/programme answers.
 */
#include "view.h"

/* A JSON string, or null for an empty one. */
static json_t *jstr(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *jday(ov_day d)
{
	char buf[11];
	return json_string(ov_date_format(d, buf, sizeof buf));
}

static json_t *stages_json(const prog_programme *p, int current)
{
	json_t *stages = json_array();
	for (size_t i = 0; i < p->nstages; i++) {
		const prog_stage *s = &p->stages[i];
		json_array_append_new(
			stages,
			json_pack("{s:i,s:s,s:s,s:s,s:o,s:o,s:b}", "number",
				  s->number, "code", s->code, "name_nb",
				  s->name_nb, "name_se", s->name_se,
				  "starts_on", jday(s->starts_on), "ends_on",
				  jday(s->ends_on), "current",
				  s->number == current));
	}
	return stages;
}

static json_t *challenges_json(const prog_programme *p)
{
	json_t *chall = json_array();
	for (size_t i = 0; i < p->nchallenges; i++)
		json_array_append_new(
			chall, json_pack("{s:i,s:s,s:s}", "number",
					 p->challenges[i].number, "name_nb",
					 p->challenges[i].name_nb, "name_se",
					 p->challenges[i].name_se));
	return chall;
}

static json_t *subproject_json(const prog_subproject *s, int stage)
{
	json_t *goals = json_array(), *meas = json_array();
	for (size_t k = 0; k < s->ngoals; k++) {
		const prog_goal *g = &s->goals[k];
		json_array_append_new(
			goals,
			json_pack("{s:i,s:o,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:o}",
				  "number", g->number, "challenge",
				  g->challenge ? json_integer(g->challenge)
					       : json_null(),
				  "area_nb", g->area_nb, "area_se", g->area_se,
				  "text_nb", g->text_nb, "text_se", g->text_se,
				  "indicator_nb", jstr(g->indicator_nb),
				  "indicator_se", jstr(g->indicator_se),
				  "baseline", jstr(g->baseline), "target",
				  jstr(g->target)));
	}
	for (size_t k = 0; k < s->nmeasures; k++) {
		const prog_measure *m = &s->measures[k];
		if (stage && m->stage != stage)
			continue;
		json_array_append_new(
			meas,
			json_pack("{s:i,s:i,s:o,s:s,s:s,s:o,s:o,s:s}", "number",
				  m->number, "stage", m->stage, "challenge",
				  m->challenge ? json_integer(m->challenge)
					       : json_null(),
				  "text_nb", m->text_nb, "text_se", m->text_se,
				  "owner", jstr(m->owner), "deadline",
				  jstr(m->deadline), "status", m->status));
	}
	return json_pack("{s:s,s:o,s:s,s:s,s:o,s:o}", "code", s->code,
			 "sector", jstr(s->sector_code), "name_nb", s->name_nb,
			 "name_se", s->name_se, "effect_goals", goals,
			 "measures", meas);
}

static json_t *group_json(const prog_group *g)
{
	json_t *mem = json_array();
	for (size_t k = 0; k < g->nmembers; k++)
		json_array_append_new(
			mem, json_pack("{s:s,s:s,s:b}", "name",
				       g->members[k].name, "role",
				       g->members[k].role, "employee",
				       g->members[k].employee_id != 0));
	return json_pack("{s:s,s:o,s:s,s:s,s:s,s:s,s:o,s:o,s:i,s:o}", "kind",
			 g->kind, "subproject", jstr(g->subproject_code),
			 "name_nb", g->name_nb, "name_se", g->name_se,
			 "mandate_nb", g->mandate_nb, "mandate_se",
			 g->mandate_se, "leader", jstr(g->leader),
			 "established_on", jstr(g->established_on),
			 "member_count", (int)g->nmembers, "members", mem);
}

json_t *view_programme_detail_json(const prog_programme *p, ov_day today,
				   int current, int stage)
{
	json_t *subs = json_array(), *groups = json_array();
	for (size_t i = 0; i < p->nsubprojects; i++)
		json_array_append_new(subs,
				      subproject_json(&p->subprojects[i], stage));
	for (size_t i = 0; i < p->ngroups; i++)
		json_array_append_new(groups, group_json(&p->groups[i]));
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:o,"
			 "s:o,s:o,s:o,s:o}",
			 "code", p->code, "municipality", p->municipality_code,
			 "name_nb", p->name_nb, "name_se", p->name_se,
			 "purpose_nb", p->purpose_nb, "purpose_se",
			 p->purpose_se, "starts_on", jday(p->starts_on),
			 "ends_on", jday(p->ends_on), "today", jday(today),
			 "current_stage",
			 current ? json_integer(current) : json_null(),
			 "stage_filter",
			 stage ? json_integer(stage) : json_null(), "stages",
			 stages_json(p, current), "challenges",
			 challenges_json(p), "subprojects", subs, "groups",
			 groups);
}
