// Translation: the texts come from the server's catalogue (the same .po
// files as the command line), fetched once per language. The language
// is kept in a cookie, which the server also reads for its own answers
// (error messages, names stored in both languages).
let messages = {};
const LANGS = ['nb', 'se'];

// Marks a text for the catalogue; t() translates it where it is shown.
export const N_ = (msgid) => msgid;

export function t(msgid) {
  return messages[msgid] || msgid;
}

// "%d of %d" style: each %s or %d in turn from args.
export function tf(msgid, ...args) {
  let i = 0;
  return t(msgid).replace(/%[sd]/g, () => String(args[i++]));
}

export function currentLang() {
  const m = document.cookie.match(/(?:^|;\s*)ovttas_lang=(nb|se)/);
  return m ? m[1] : 'nb';
}

export async function loadLang(lang) {
  if (!LANGS.includes(lang)) lang = 'nb';
  document.cookie = `ovttas_lang=${lang}; Path=/; Max-Age=31536000; SameSite=Strict`;
  document.documentElement.lang = lang;
  const res = await fetch(`/api/v1/i18n?lang=${lang}`, { credentials: 'same-origin' });
  const body = await res.json();
  messages = body.messages || {};
}
