// The day's home-care routes: each caregiver's list in visit order and
// a schematic map of the stops around the office (drawn here from the
// coordinates: no map tiles, so it works offline). A coordinator plans
// the day and re-plans it when a caregiver calls in sick; an employee
// sees their own list.
import { api } from './api.js';
import { h, fill, table } from './dom.js';
import { num } from './format.js';
import { t, tf } from './i18n.js';
import { runJob } from './jobs.js';
import { holds } from './roles.js';

const COLOURS = ['#0033a0', '#c8102e', '#00843d', '#b8860b', '#6a3d9a', '#1f78b4', '#e7298a', '#666666',
  '#a6761d', '#1b9e77', '#d95f02', '#7570b3', '#66a61e', '#e6ab02'];

function today() {
  return new Date().toISOString().slice(0, 10);
}

// Stops, office and unserved visits as an SVG, north up, distances
// true to scale east-west at this latitude.
function schematic(day) {
  const pts = [];
  day.caregivers.forEach((c) => c.stops.forEach((s) => pts.push(s)));
  day.unserved.forEach((s) => pts.push(s));
  const office = day.office;
  const all = pts.concat(office.lat ? [office] : []);
  if (!all.length) return null;
  const k = Math.cos((office.lat || all[0].lat) * Math.PI / 180);
  const xs = all.map((p) => p.lon * k), ys = all.map((p) => p.lat);
  const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
  const W = 640, H = 420, pad = 20;
  const scale = Math.min((W - 2 * pad) / Math.max(maxX - minX, 1e-6), (H - 2 * pad) / Math.max(maxY - minY, 1e-6));
  const X = (p) => pad + (p.lon * k - minX) * scale, Y = (p) => H - pad - (p.lat - minY) * scale;
  const ns = 'http://www.w3.org/2000/svg';
  const el = (tag, attrs) => {
    const e = document.createElementNS(ns, tag);
    for (const [a, v] of Object.entries(attrs)) e.setAttribute(a, v);
    return e;
  };
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'img', 'aria-label': t("Map of the day's stops") });
  day.caregivers.forEach((c, i) => {
    const route = (office.lat ? [office] : []).concat(c.stops, office.lat ? [office] : []);
    svg.append(el('polyline', { points: route.map((p) => `${X(p)},${Y(p)}`).join(' '), fill: 'none',
      stroke: COLOURS[i % COLOURS.length], 'stroke-width': 2, 'stroke-opacity': 0.8 }));
    c.stops.forEach((s) => svg.append(el('circle', { cx: X(s), cy: Y(s), r: 4, fill: COLOURS[i % COLOURS.length] })));
  });
  day.unserved.forEach((s) => svg.append(el('circle', { cx: X(s), cy: Y(s), r: 5, fill: 'none', stroke: '#c8102e', 'stroke-width': 2 })));
  if (office.lat) svg.append(el('rect', { x: X(office) - 6, y: Y(office) - 6, width: 12, height: 12, fill: '#1d2330' }));
  return h('figure', { class: 'map-box' }, svg,
    h('figcaption', { class: 'muted' }, t("■ office · ● a visit, coloured by caregiver · ○ not served")));
}

function caregiverCard(c, i, onSick) {
  const stops = c.stops.map((s) => [s.start, s.recipient, s.settlement, s.task_name, num(s.duration_min),
    s.language === 'se' ? (c.sami_speaker ? t("Sámi ✓") : t("Sámi – not met")) : '', num(Math.round(s.drive_min))]);
  return h('section', { class: 'card caregiver', 'data-employee': c.employee_no },
    h('h2', {}, h('span', { class: 'swatch', style: `background:${COLOURS[i % COLOURS.length]}` }),
      `${c.given_name} ${c.family_name}`,
      h('span', { class: 'muted' }, ` ${c.start}–${c.end}${c.sami_speaker ? ' · ' + t("speaks Sámi") : ''}`)),
    table([t("Time"), t("Recipient"), t("Settlement"), t("Task"), t("Minutes"), t("Language"), t("Drive (min)")], stops, [4, 6]),
    c.break ? h('p', { class: 'muted' }, tf("Break of %d min at the office, at %s", c.break.minutes, c.break.start || '–')) : null,
    onSick ? h('button', { type: 'button', class: 'sick', onclick: () => onSick(c) }, t("Sick: re-plan without")) : null);
}

export async function routesPage({ me }) {
  const coordinator = holds(me, ['homecare_coordinator']);
  // a role in one municipality names it; a role in both asks which
  const mine = [...new Set(me.roles.filter((g) => ['homecare_coordinator', 'employee'].includes(g.role)).map((g) => g.municipality))];
  const municipalities = mine.includes(null) || mine.length > 1 ? await api('GET', '/api/v1/municipalities') : [];
  const muniSel = h('select', { id: 'route-municipality' }, municipalities.map((m) => h('option', { value: m.code }, m.name)));
  let muni = municipalities.length ? muniSel.value : mine[0];
  muniSel.addEventListener('change', () => {
    muni = muniSel.value;
    show();
  });
  const params = new URLSearchParams(location.search);
  const date = h('input', { type: 'date', id: 'route-date', value: params.get('date') || today() });
  const shift = h('select', { id: 'route-shift' },
    h('option', { value: 'day' }, t("day shift")), h('option', { value: 'evening' }, t("evening shift")));
  shift.value = params.get('shift') || 'day';
  const status = h('p', { class: 'job', id: 'route-status', 'aria-live': 'polite' });
  const out = h('div', { id: 'route-lists' });

  async function show() {
    fill(out, h('p', { class: 'muted' }, t("Loading…")));
    history.replaceState({}, '', `/routes?date=${date.value}&shift=${shift.value}`);
    try {
      const day = await api('GET', `/api/v1/routes?date=${date.value}&shift=${shift.value}${muni ? '&municipality=' + muni : ''}`);
      const onSick = coordinator ? sick : null;
      fill(out, 
        h('p', {}, tf("%d visits on %d lists, %d not served, %d Sámi speakers served in Norwegian",
          day.visits, day.caregivers.length, day.unserved_count, day.sami_missed)),
        schematic(day),
        h('div', { class: 'stack lists' }, day.caregivers.map((c, i) => caregiverCard(c, i, onSick))),
        day.unserved.length ? h('h2', {}, t("Not served")) : null,
        day.unserved.length ? table([t("Recipient"), t("Settlement"), t("Task"), t("Window"), t("Why")],
          day.unserved.map((s) => [s.recipient, s.settlement, s.task_name, s.window.join('–'), s.reason_text])) : null);
    } catch (e) {
      fill(out, h('p', { class: e.status === 404 ? 'muted' : 'error' }, e.message));
    }
  }

  async function plan() {
    try {
      await runJob('/api/v1/routes/plan', { municipality: muni, date: date.value, shift: shift.value, seconds: 5 }, status);
    } catch (e) {
      return;
    }
    show();
  }

  async function sick(c) {
    try {
      await runJob('/api/v1/routes/replan', { municipality: muni, date: date.value, shift: shift.value, sick: c.employee_no, seconds: 3 }, status);
    } catch (e) {
      return;
    }
    show();
  }

  date.addEventListener('change', show);
  shift.addEventListener('change', show);
  const controls = h('div', { class: 'controls' },
    municipalities.length ? [h('label', { for: 'route-municipality' }, t("Municipality")), muniSel] : null,
    h('label', { for: 'route-date' }, t("Date")), date,
    h('label', { for: 'route-shift' }, t("Shift")), shift,
    coordinator ? h('button', { type: 'button', id: 'plan-routes', class: 'primary', onclick: plan }, t("Plan the day's routes")) : null);
  show();
  return h('div', {}, controls, status, out);
}
