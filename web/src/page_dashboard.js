// The overview: one card per municipality the user may see (people,
// staffing, home care, budget against accounts so far this year), and
// the change programme's stage and measures.
import { api } from './api.js';
import { h } from './dom.js';
import { kr, monthName, num, pct } from './format.js';
import { t, tf, currentLang } from './i18n.js';

function figure(label, value, note, tone) {
  return h('div', { class: `figure ${tone || ''}` },
    h('div', { class: 'value' }, value),
    h('div', { class: 'label' }, label),
    note ? h('div', { class: 'note' }, note) : null);
}

function municipalityCard(m) {
  const name = currentLang() === 'se' ? m.name_se : m.name_nb;
  const e = m.economy.all;
  const over = e.deviation_ore > 0;
  const s = m.staff;
  return h('section', { class: 'card', 'data-municipality': m.code },
    h('h2', {}, `${name} (${m.code})`),
    h('div', { class: 'figures' },
      figure(t("Inhabitants"), num(m.inhabitants)),
      figure(t("Employees"), num(s.employees), tf("%d vacant positions", s.vacant_positions)),
      figure(t("Full-time share"), pct(s.fulltime_permille), tf("%d of %d positions", s.fulltime_positions, s.filled_positions)),
      figure(t("Sámi-speaking employees"), num(s.sami_speakers)),
      m.sick_leave ? figure(t("Sick leave (last 3 months)"), pct(m.sick_leave.permille),
        tf("%s to %s", m.sick_leave.from, m.sick_leave.to), m.sick_leave.permille > 70 ? 'bad' : null) : null,
      figure(t("Rota coverage (newest rotas)"), m.rota.needed ? pct(m.rota.permille) : '–',
        tf("%d of %d rota units planned", m.rota.with_rota, m.rota.units),
        m.rota.needed ? (m.rota.permille < 950 ? 'bad' : 'good') : null),
      figure(t("Home-care recipients"), num(m.home_care.recipients), tf("%d visits per week", m.home_care.visits_per_week)),
      figure(t("Use of budget"), pct(e.use_permille),
        tf("deviation %s kr", kr(e.deviation_ore)), over ? 'bad' : 'good'),
      figure(t("Year-end forecast, deviation (kr)"), kr(e.forecast_ore - e.budget_year_ore), null,
        e.forecast_ore > e.budget_year_ore ? 'bad' : 'good')),
    m.economy.month ? h('p', { class: 'muted' }, tf("Accounts January to %s %d", monthName(m.economy.month), m.economy.year)) : null);
}

function programmeCard(p) {
  const m = p.measures;
  const total = Math.max(1, m.total - m.cancelled);
  const bar = (n, cls, label) => h('span', { class: `seg ${cls}`, style: `width:${(100 * n) / total}%`, title: `${label}: ${n}` });
  const name = currentLang() === 'se' ? p.name_se : p.name_nb;
  return h('section', { class: 'card', 'data-programme': p.code },
    h('h2', {}, name),
    h('p', {}, p.current_stage ? tf("Stage %d of %d", p.current_stage, p.stages) : t("Between stages")),
    h('div', { class: 'bar', role: 'img', 'aria-label': t("Measures by status") },
      bar(m.done, 'done', t("done")), bar(m.ongoing, 'ongoing', t("ongoing")),
      bar(m.late, 'late', t("late")), bar(m.planned, 'planned', t("planned"))),
    h('ul', { class: 'legend' },
      h('li', { class: 'done' }, `${t("done")}: ${m.done}`),
      h('li', { class: 'ongoing' }, `${t("ongoing")}: ${m.ongoing}`),
      h('li', { class: 'late' }, `${t("late")}: ${m.late}`),
      h('li', { class: 'planned' }, `${t("planned")}: ${m.planned}`)),
    h('p', { class: 'muted' }, tf("%d working groups, %d reference groups", p.working_groups, p.reference_groups)));
}

export async function dashboardPage() {
  const d = await api('GET', '/api/v1/dashboard');
  return h('div', { class: 'cards' },
    d.municipalities.map(municipalityCard),
    d.programme ? programmeCard(d.programme) : null);
}
