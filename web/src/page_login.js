// The log-in form. A wrong password, a locked account or a disabled one
// gets the server's own message, in the chosen language.
import { api } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

export function loginPage(onLoggedIn) {
  const user = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const pass = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const msg = h('p', { class: 'error', role: 'alert', id: 'login-error' });
  const form = h('form', {
    class: 'login',
    onsubmit: async (ev) => {
      ev.preventDefault();
      msg.textContent = '';
      try {
        const me = await api('POST', '/api/v1/session', { username: user.value, password: pass.value });
        onLoggedIn(me);
      } catch (e) {
        msg.textContent = e.message;
        pass.value = '';
        pass.focus();
      }
    },
  },
  h('h1', {}, t("Log in")),
  h('label', { for: 'username' }, t("Username")), user,
  h('label', { for: 'password' }, t("Password")), pass,
  h('button', { type: 'submit', id: 'login' }, t("Log in")),
  msg);
  return h('main', { id: 'main', class: 'center' }, form);
}
