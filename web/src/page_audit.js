// The audit trail for admins: newest first, each change with who, when,
// what, and the thing before and after.
import { api } from './api.js';
import { h, table } from './dom.js';
import { t } from './i18n.js';

function state(j) {
  if (j === null || j === undefined) return '–';
  return h('details', {}, h('summary', {}, t("show")), h('pre', {}, JSON.stringify(j, null, 2)));
}

export async function auditPage() {
  const rows = await api('GET', '/api/v1/audit');
  return h('div', {},
    rows.length ? null : h('p', {}, t("No entries.")),
    table([t("When"), t("Who"), t("Action"), t("What"), t("Before"), t("After")],
      rows.map((a) => [a.at.replace('T', ' ').replace('Z', ''), a.actor, a.action,
        `${a.entity} ${a.entity_id}`, state(a.before), state(a.after)])));
}
