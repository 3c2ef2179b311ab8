// The web interface: a top bar with the pages the user's roles allow
// and the language switch, one page at a time under /<page>, and the
// log-in form when there is no session.
import './app.css';
import { api, setCsrf, whenUnauthorised } from './api.js';
import { h, clear, fill } from './dom.js';
import { t, currentLang, loadLang } from './i18n.js';
import { holds } from './roles.js';
import { loginPage } from './page_login.js';
import { pages } from './pages.js';

const root = document.getElementById('app');
let me = null;

function pageFor(path) {
  const allowed = pages.filter((p) => holds(me, p.roles));
  return allowed.find((p) => p.path === path) || allowed[0];
}

function languageSwitch() {
  const lang = currentLang();
  const button = (code, label) => h('button', {
    type: 'button',
    class: 'lang',
    lang: code,
    'aria-pressed': lang === code ? 'true' : 'false',
    'data-lang': code,
    onclick: async () => {
      await loadLang(code);
      render();
    },
  }, label);
  // Each language is named in itself, so it is found whichever is on.
  return h('div', { class: 'langs', role: 'group', 'aria-label': t("Language") },
    button('nb', 'Bokmål'), button('se', 'Davvisámegiella'));
}

function topBar(current) {
  const nav = h('nav', { 'aria-label': t("Pages") },
    pages.filter((p) => holds(me, p.roles)).map((p) => h('a', {
      href: p.path,
      'data-page': p.id,
      'aria-current': current && p.path === current.path ? 'page' : null,
      onclick: (ev) => {
        ev.preventDefault();
        go(p.path);
      },
    }, t(p.title))));
  const where = [...new Set(me.roles.map((g) => g.municipality_name || t("both municipalities")))];
  return h('header', { class: 'top' },
    h('div', { class: 'brand' }, 'ovttas'),
    nav,
    h('div', { class: 'user' },
      languageSwitch(),
      h('span', { class: 'who' }, `${me.name} · ${where.join(', ')}`),
      h('button', { type: 'button', id: 'logout', onclick: logout }, t("Log out"))));
}

async function logout() {
  try {
    await api('DELETE', '/api/v1/session');
  } catch (e) {
    /* the session may be gone already */
  }
  me = null;
  setCsrf('');
  history.pushState({}, '', '/');
  render();
}

function go(path) {
  history.pushState({}, '', path);
  render();
}

async function render() {
  clear(root);
  if (!me) {
    root.append(h('header', { class: 'top' }, h('div', { class: 'brand' }, 'ovttas'),
      h('div', { class: 'user' }, languageSwitch())));
    root.append(loginPage(async (who) => {
      me = who;
      setCsrf(who.csrf);
      render();
    }));
    return;
  }
  const page = pageFor(location.pathname);
  root.append(topBar(page));
  const main = h('main', { id: 'main' });
  root.append(main);
  if (!page) {
    main.append(h('p', {}, t("Your role gives access to no page yet.")));
    return;
  }
  if (location.pathname !== page.path) history.replaceState({}, '', page.path);
  document.title = `${t(page.title)} · ovttas`;
  main.append(h('h1', {}, t(page.title)));
  const body = h('div', { class: 'page', 'data-page': page.id, 'aria-busy': 'true' },
    h('p', { class: 'muted' }, t("Loading…")));
  main.append(body);
  try {
    const content = await page.render({ me, go });
    fill(body, content);
  } catch (e) {
    fill(body, h('p', { class: 'error', role: 'alert' }, e.message));
  }
  body.setAttribute('aria-busy', 'false');
}

whenUnauthorised(() => {
  me = null;
  render();
});
window.addEventListener('popstate', render);

(async () => {
  await loadLang(currentLang());
  try {
    me = await api('GET', '/api/v1/me');
    setCsrf(me.csrf);
  } catch (e) {
    me = null;
  }
  render();
})();
