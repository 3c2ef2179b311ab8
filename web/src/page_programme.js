// The change programme: its stages (the current one marked), and per
// sub-project the effect goals and the measures with their status,
// owner and deadline; then the working and reference groups.
import { api } from './api.js';
import { h, table } from './dom.js';
import { pick } from './format.js';
import { N_, t, tf, currentLang } from './i18n.js';

const STATUS = {
  done: N_("done"), ongoing: N_("ongoing"), late: N_("late"), planned: N_("planned"), cancelled: N_("cancelled"),
};

function stages(p, lang) {
  return h('ol', { class: 'stages' }, p.stages.map((s) => h('li', { class: s.current ? 'current' : null, 'aria-current': s.current ? 'step' : null },
    h('strong', {}, pick(s.name_nb, s.name_se, lang)), h('span', { class: 'muted' }, ` ${s.starts_on} – ${s.ends_on}`))));
}

function subproject(sp, lang) {
  const goals = sp.effect_goals || [];
  const measures = sp.measures || [];
  return h('section', { class: 'card', 'data-subproject': sp.code },
    h('h2', {}, pick(sp.name_nb, sp.name_se, lang)),
    goals.length ? h('h3', {}, t("Effect goals")) : null,
    goals.length ? h('ul', {}, goals.map((g) => h('li', {}, pick(g.text_nb, g.text_se, lang),
      g.target ? h('span', { class: 'muted' }, ` (${t("target")}: ${g.target})`) : null))) : null,
    measures.length ? h('h3', {}, t("Measures")) : null,
    measures.length ? table([t("Stage"), t("Measure"), t("Owner"), t("Deadline"), t("Status")],
      measures.map((m) => [String(m.stage || ''), pick(m.text_nb, m.text_se, lang), m.owner || '', m.deadline || '',
        h('span', { class: `chip ${m.status}` }, t(STATUS[m.status] || m.status))])) : null);
}

export async function programmePage() {
  const p = await api('GET', '/api/v1/programme');
  const lang = currentLang();
  const groups = p.groups || [];
  return h('div', {},
    h('h2', {}, pick(p.name_nb, p.name_se, lang)),
    h('p', {}, pick(p.purpose_nb, p.purpose_se, lang)),
    h('p', { class: 'muted' }, p.current_stage ? tf("Stage %d of %d", p.current_stage, p.stages.length) : t("Between stages")),
    stages(p, lang),
    h('div', { class: 'stack' }, (p.subprojects || []).map((sp) => subproject(sp, lang))),
    groups.length ? h('h2', {}, t("Working and reference groups")) : null,
    groups.length ? table([t("Group"), t("Kind"), t("Leader"), t("Members")],
      groups.map((g) => [pick(g.name_nb, g.name_se, lang), g.kind === 'working' ? t("working group") : t("reference group"),
        g.leader || '', String(g.member_count)]), [3]) : null);
}
