// The organisation: sectors and units (ansvar) with positions, FTEs and
// vacancies; a unit's employees open below it for those who may see
// them.
import { api } from './api.js';
import { h, fill, table } from './dom.js';
import { num } from './format.js';
import { N_, t } from './i18n.js';
import { holds } from './roles.js';

const STAFF = ['admin', 'leader', 'rota_planner', 'homecare_coordinator'];
const COMPETENCE = {
  nurse: N_("nurse"), health_worker: N_("health worker"), unskilled: N_("unskilled"), other: N_("other"),
};

function fte(bp) {
  return (bp / 10000).toLocaleString('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

async function showEmployees(unit, into) {
  fill(into, h('p', { class: 'muted' }, t("Loading…")));
  const rows = await api('GET', `/api/v1/employees?unit=${encodeURIComponent(unit.ansvar)}&municipality=${unit.municipality}`);
  fill(into, h('h2', {}, `${unit.name} (${unit.ansvar})`),
    table([t("Name"), t("Position"), t("FTE %"), t("Competence"), t("Sámi")],
      rows.map((e) => [`${e.given_name} ${e.family_name}`, e.title, num(e.fte_bp / 100),
        t(COMPETENCE[e.competence] || e.competence), e.sami_proficiency >= 2 ? t("yes") : '']), [2]));
  into.scrollIntoView({ block: 'nearest' });
}

export async function organisationPage({ me }) {
  const units = await api('GET', '/api/v1/units');
  const detail = h('div', { id: 'unit-detail' });
  const mayOpen = holds(me, STAFF);
  const rows = units.map((u) => [
    u.sector_name,
    mayOpen ? h('button', { type: 'button', class: 'link', onclick: () => showEmployees(u, detail) }, u.ansvar) : u.ansvar,
    u.name, u.funksjon, num(u.positions), fte(u.fte_bp), num(u.vacancies),
    u.round_the_clock ? t("yes") : '']);
  return h('div', {},
    table([t("Sector"), t("Ansvar"), t("Unit"), t("Funksjon"), t("Positions"), t("FTE"), t("Vacant"), t("24/7")],
      rows, [4, 5, 6]),
    detail);
}
