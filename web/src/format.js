import { N_, t } from './i18n.js';

// Numbers the Norwegian way: space between thousands, decimal comma.
const whole = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const one = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function num(n) {
  return whole.format(n);
}

// Øre to whole kroner.
export function kr(ore) {
  return whole.format(Math.round(ore / 100));
}

// Permille (676) or tenths of a per cent to "67,6 %".
export function pct(tenths) {
  return `${one.format(tenths / 10)} %`;
}

// Minutes after midnight to "07:30".
export function clock(min) {
  const h = String(Math.floor(min / 60)).padStart(2, '0');
  const m = String(min % 60).padStart(2, '0');
  return `${h}:${m}`;
}

// The month's name in the current language (1 = January).
const MONTHS = [N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December")];
export function monthName(m) {
  return t(MONTHS[m - 1] || '');
}

// The name stored in both languages, in the current one.
export function pick(nb, se, lang) {
  return lang === 'se' && se ? se : nb || se || '';
}
