// Rotas (turnus): the units by day, each day coloured by how the stored
// rota covers the bemanningsplan; a unit opens into every employee's
// row. A rota planner plans (or re-plans) a unit's rota from here and
// follows the solver's progress. An employee sees their own rota.
import { api } from './api.js';
import { h, fill } from './dom.js';
import { N_, t, tf } from './i18n.js';
import { pct } from './format.js';
import { runJob } from './jobs.js';
import { holds } from './roles.js';

const DAY = [N_("Mo"), N_("Tu"), N_("We"), N_("Th"), N_("Fr"), N_("Sa"), N_("Su")];
const STATUS = { met: N_("covered"), sami: N_("Sámi speaker missing"), short: N_("short of staff"), none: N_("no rota") };

// The Monday on or after today (rotas start on a Monday).
function nextMonday() {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
  return d.toISOString().slice(0, 10);
}

function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d;
}

function dayHeads(from, n) {
  const heads = [];
  for (let i = 0; i < n; i++) {
    const d = addDays(from, i);
    const wd = (d.getUTCDay() + 6) % 7;
    heads.push(h('th', { scope: 'col', class: wd >= 5 ? 'weekend day' : 'day' }, t(DAY[wd]), h('br'), String(d.getUTCDate())));
  }
  return heads;
}

function legend() {
  return h('ul', { class: 'legend cover' }, Object.entries(STATUS).map(([k, v]) => h('li', { class: k }, t(v))));
}

function unitDetail(r) {
  const heads = [h('th', { scope: 'col' }, t("Employee")), h('th', { scope: 'col', class: 'num' }, t("FTE %")),
    h('th', { scope: 'col', class: 'num' }, t("Hours")), ...dayHeads(r.from, r.days.length)];
  const cover = h('tr', { class: 'coverage' }, h('th', { scope: 'row', colspan: 3 }, t("Coverage")),
    r.days.map((d) => h('td', { class: `cell ${d.status}`, title: d.shorts.map((s) => tf("%s %s: %d of %d", s.shift, s.skill, s.have, s.need)).join('\n') || t(STATUS[d.status]) })));
  const rows = r.employees.map((e) => h('tr', {},
    h('th', { scope: 'row' }, `${e.given_name} ${e.family_name}`, e.sami_speaker ? h('span', { class: 'muted' }, ' · ' + t("Sámi")) : null),
    h('td', { class: 'num' }, String(Math.round(e.fte_bp / 100))),
    h('td', { class: 'num' }, `${Math.round(e.minutes / 60)}/${Math.round(e.target_minutes / 60)}`),
    e.days.map((code) => h('td', { class: `shift s-${code || 'off'}` }, code))));
  return h('section', { class: 'card', 'data-unit': r.unit.ansvar },
    h('h2', {}, `${r.unit.ansvar} ${r.unit.name}`),
    h('p', { class: 'muted' }, tf("Rota from %s, %d weeks; full-time share %s", r.from, r.weeks, pct(r.fulltime_permille))),
    h('p', { class: 'muted' }, r.shifts.map((s) => `${s.code} ${String(Math.floor(s.start_min / 60)).padStart(2, '0')}:${String(s.start_min % 60).padStart(2, '0')} (${(s.length_min / 60).toFixed(1).replace('.', ',')} h)`).join(' · ')),
    h('div', { class: 'scroll' }, h('table', { class: 'rota' }, h('thead', {}, h('tr', {}, heads)), h('tbody', {}, cover, rows))));
}

export async function rotaPage({ me }) {
  const planner = holds(me, ['rota_planner']);
  const overview = holds(me, ['rota_planner', 'leader', 'homecare_coordinator']);
  const params = new URLSearchParams(location.search);
  const from = h('input', { type: 'date', id: 'rota-from', value: params.get('from') || nextMonday() });
  const status = h('p', { class: 'job', id: 'rota-status', 'aria-live': 'polite' });
  const grid = h('div', { id: 'rota-grid' });
  const detail = h('div', { id: 'rota-detail' });
  const unitSel = h('select', { id: 'rota-unit' });
  let current = params.get('unit') || '';

  async function openUnit(ansvar) {
    current = ansvar;
    history.replaceState({}, '', `/rota?from=${from.value}&unit=${ansvar}`);
    fill(detail, h('p', { class: 'muted' }, t("Loading…")));
    try {
      fill(detail, unitDetail(await api('GET', `/api/v1/rota/${encodeURIComponent(ansvar)}?from=${from.value}`)));
    } catch (e) {
      fill(detail, h('p', { class: e.status === 404 ? 'muted' : 'error' }, e.message));
    }
  }

  async function showGrid() {
    if (!overview) return;
    fill(grid, h('p', { class: 'muted' }, t("Loading…")));
    const g = await api('GET', `/api/v1/rota?from=${from.value}&days=28`);
    fill(unitSel, g.units.map((u) => h('option', { value: u.ansvar }, `${u.ansvar} ${u.name}`)));
    if (current) unitSel.value = current;
    const rows = g.units.map((u) => h('tr', { 'data-unit': u.ansvar },
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => openUnit(u.ansvar) }, `${u.ansvar} ${u.name}`)),
      u.days.map((s) => h('td', { class: `cell ${s}`, title: t(STATUS[s]) }))));
    fill(grid, legend(), h('div', { class: 'scroll' }, h('table', { class: 'rota grid' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t("Unit")), dayHeads(g.from, g.days))), h('tbody', {}, rows))));
  }

  async function plan() {
    const unit = unitSel.value;
    try {
      await runJob('/api/v1/rota/plan', { unit, from: from.value, weeks: 6, seconds: 10 }, status);
    } catch (e) {
      return;
    }
    await showGrid();
    openUnit(unit);
  }

  from.addEventListener('change', async () => {
    await showGrid();
    if (current) openUnit(current);
  });
  const controls = h('div', { class: 'controls' },
    h('label', { for: 'rota-from' }, t("From")), from,
    planner ? [h('label', { for: 'rota-unit' }, t("Unit")), unitSel,
      h('button', { type: 'button', id: 'plan-rota', class: 'primary', onclick: plan }, t("Plan the rota (6 weeks)"))] : null);
  if (overview) {
    await showGrid();
    if (current) openUnit(current);
  } else if (me.units && me.units.length) {
    openUnit(me.units[0]);
  }
  return h('div', {}, controls, status, grid, detail);
}
