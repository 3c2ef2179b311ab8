// Budget against accounts: per municipality a chart of each sector's
// budget and accounts so far this year, and the table of sectors with
// their units (deviation, use of budget, year-end forecast).
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { api } from './api.js';
import { h, table } from './dom.js';
import { kr, monthName, pct, pick } from './format.js';
import { t, tf, currentLang } from './i18n.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

function chart(m, lang) {
  const canvas = h('canvas', { role: 'img', 'aria-label': t("Budget and accounts per sector") });
  const labels = m.sectors.map((s) => pick(s.name_nb, s.name_se, lang));
  const mkr = (ore) => Math.round(ore / 1e7) / 10; // øre to millions of kroner, one decimal
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: t("Budget so far (mill. kr)"), data: m.sectors.map((s) => mkr(s.total.budget_ytd_ore)), backgroundColor: '#0033a0' },
        { label: t("Accounts so far (mill. kr)"), data: m.sectors.map((s) => mkr(s.total.accounts_ytd_ore)), backgroundColor: '#c8102e' },
      ],
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } } },
  });
  return h('div', { class: 'chart' }, canvas);
}

function row(name, f, cls) {
  return [name, kr(f.budget_ytd_ore), kr(f.accounts_ytd_ore),
    h('span', { class: f.deviation_ore > 0 ? 'over' : 'under' }, kr(f.deviation_ore)),
    pct(f.use_permille), kr(f.forecast_ore - f.budget_year_ore), cls];
}

function municipality(m, lang) {
  const rows = [];
  for (const s of m.sectors) {
    rows.push(row(h('strong', {}, pick(s.name_nb, s.name_se, lang)), s.total));
    for (const u of s.units) rows.push(row(`  ${u.ansvar} ${pick(u.name_nb, u.name_se, lang)}`, u));
  }
  rows.push(row(h('strong', {}, t("Total")), m.total));
  return h('section', { class: 'card', 'data-municipality': m.code },
    h('h2', {}, pick(m.name_nb, m.name_se, lang)),
    chart(m, lang),
    table([t("Sector / unit"), t("Budget so far (kr)"), t("Accounts so far (kr)"), t("Deviation (kr)"),
      t("Use of budget"), t("Year-end forecast, deviation (kr)")], rows.map((r) => r.slice(0, 6)), [1, 2, 3, 4, 5]));
}

export async function economyPage() {
  const e = await api('GET', '/api/v1/economy');
  const lang = currentLang();
  return h('div', {},
    h('p', { class: 'muted' }, tf("Accounts January to %s %d", monthName(e.month), e.year)),
    h('div', { class: 'stack' }, e.municipalities.map((m) => municipality(m, lang))));
}
