/*
 * view_economy.c - budget against accounts per unit, by municipality
 * and sector with subtotals and totals, as JSON in øre: what `ovttas
 * economy summary --json` prints and GET /api/v1/economy answers.
 */
#include "view.h"

static json_t *figures_json(const econ_figures *f)
{
	return json_pack("{s:I,s:I,s:I,s:I,s:I,s:I}", "budget_ytd_ore",
			 (json_int_t)f->budget_ytd, "accounts_ytd_ore",
			 (json_int_t)f->accounts_ytd, "deviation_ore",
			 (json_int_t)f->deviation, "use_permille",
			 (json_int_t)f->use_tenths, "budget_year_ore",
			 (json_int_t)f->budget_year, "forecast_ore",
			 (json_int_t)f->forecast);
}

/* Adds the figures' members to obj (so a unit is one flat object). */
static void put_figures(json_t *obj, const econ_figures *f)
{
	json_t *j = figures_json(f);
	json_object_update(obj, j);
	json_decref(j);
}

/* The sector starting at rows[*i] (up to n); advances *i past it and
 * adds its subtotal into *sum. */
static json_t *sector_json(const econ_unit_row *rows, size_t n, size_t *i,
			   econ_figures *sum)
{
	const econ_unit_row *s = &rows[*i];
	json_t *units = json_array();
	econ_figures sub = {0};
	for (; *i < n && rows[*i].municipality_id == s->municipality_id &&
	       rows[*i].sector_id == s->sector_id;
	     (*i)++) {
		const econ_unit_row *r = &rows[*i];
		json_t *u = json_pack("{s:s,s:s,s:s}", "ansvar", r->ansvar,
				      "name_nb", r->name_nb, "name_se",
				      r->name_se);
		put_figures(u, &r->fig);
		json_array_append_new(units, u);
		econ_figures_add(&sub, &r->fig);
	}
	econ_figures_add(sum, &sub);
	return json_pack("{s:s,s:s,s:s,s:o,s:o}", "code", s->sector_code,
			 "name_nb", s->sector_nb, "name_se", s->sector_se,
			 "units", units, "total", figures_json(&sub));
}

json_t *view_economy_json(const econ_unit_row *rows, size_t n, int year,
			  int month)
{
	json_t *munis = json_array();
	econ_figures grand = {0};
	for (size_t i = 0; i < n;) {
		const econ_unit_row *m = &rows[i];
		json_t *sectors = json_array();
		econ_figures mtot = {0};
		while (i < n && rows[i].municipality_id == m->municipality_id)
			json_array_append_new(sectors,
					      sector_json(rows, n, &i, &mtot));
		json_array_append_new(
			munis, json_pack("{s:s,s:s,s:s,s:o,s:o}", "code",
					 m->municipality_code, "name_nb",
					 m->municipality_nb, "name_se",
					 m->municipality_se, "sectors", sectors,
					 "total", figures_json(&mtot)));
		econ_figures_add(&grand, &mtot);
	}
	return json_pack("{s:i,s:i,s:o,s:o}", "year", year, "month", month,
			 "municipalities", munis, "total",
			 figures_json(&grand));
}
