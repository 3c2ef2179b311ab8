// Home-care recipients of the user's municipality: health data, shown
// only to home-care coordinators and case workers.
import { api } from './api.js';
import { h, table } from './dom.js';
import { clock, num } from './format.js';
import { t } from './i18n.js';

function perWeek(r) {
  return r.visits.reduce((n, v) => n + [...v.weekdays].filter((c) => c === '1').length, 0);
}

export async function recipientsPage() {
  const list = await api('GET', '/api/v1/recipients');
  return h('div', {},
    h('p', { class: 'muted' }, `${list.length} ${t("recipients")}`),
    table([t("Code"), t("Name"), t("Settlement"), t("Language"), t("Needs"), t("First visit"), t("Visits per week")],
      list.map((r) => [r.code, `${r.given_name} ${r.family_name}`, r.settlement,
        r.language === 'se' ? t("Northern Sámi") : t("Norwegian"), r.needs,
        r.visits.length ? clock(r.visits[0].window_start) : '', num(perWeek(r))]), [6]));
}
