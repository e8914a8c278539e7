// Shared helpers of the screens: building DOM without innerHTML (data never becomes markup),
// the app's text, dates and the sync-state badge.
import { RecordType, ScopeKey, Status } from './protocol.js';

export const app = {
  device: null,      // the Device from device.js
  config: { offlineLoginDays: 14, emergencyNumbers: [{ number: '110', name: '报警', nameEn: 'Police' }] },
  texts: {},
  language: 'zh-CN',
  loggingIn: false,  // a login in progress may wipe the previous user's data: not a revocation
};

/** The text of key m.<key>, with {0}, {1} … replaced by args; the key itself when missing. */
export function t(key, ...args) {
  const text = app.texts['m.' + key];
  if (text === undefined) return key;
  return text.replace(/\{(\d+)\}/g, (_, i) => (args[i] === undefined ? '' : String(args[i])));
}

/** Whether the bundles have a text for m.<key>. */
export function has(key) {
  return app.texts['m.' + key] !== undefined;
}

/** h('button', {class: 'x', onclick: fn}, 'text', child) → an element. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function show(...nodes) {
  const view = document.getElementById('view');
  // replaceChildren would print a null as the text "null"
  view.replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
  window.scrollTo(0, 0);
}

export function go(hash) {
  if (location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}

let toastTimer;
/**
 * A short message at the bottom; with actions (buttons or links) it stays until closed, as a
 * message that asks the user to do something must not vanish before it was read.
 */
export function toast(message, kind = 'info', actions = null) {
  const el = document.getElementById('toast');
  clearTimeout(toastTimer);
  if (actions && actions.length) {
    el.replaceChildren(h('p', { class: 'toast-text' }, message), h('div', { class: 'toast-actions' }, actions),
      h('button', { type: 'button', class: 'link toast-close', id: 'toast-close', onclick: () => { el.hidden = true; } }, t('close')));
  } else {
    el.textContent = message;
    toastTimer = setTimeout(() => { el.hidden = true; }, 4000);
  }
  el.className = 'toast ' + kind;
  el.hidden = false;
}

/** A label from the ref record's zh/en fields in the user's language. */
export function refLabel(record, fallback) {
  if (!record) return fallback;
  const f = record.f || {};
  return (app.language === 'en' ? f.en || f.zh : f.zh || f.en) || fallback;
}

export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function pad(n) {
  return String(n).padStart(2, '0');
}

export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00' : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function formatDateTime(iso) {
  if (!iso) return t('sync.never');
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function ageYears(birthDate) {
  if (!birthDate) return null;
  const b = new Date(birthDate + 'T00:00:00');
  const now = new Date();
  let age = now.getFullYear() - b.getFullYear();
  if (now.getMonth() < b.getMonth() || (now.getMonth() === b.getMonth() && now.getDate() < b.getDate())) age--;
  return age;
}

export function megabytes(bytes) {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** The badge of a record's local state; nothing for a synced record. */
export function stateBadge(record) {
  if (!record || !record.state || record.state === 'SYNCED') return null;
  return h('span', { class: 'badge state-' + record.state.toLowerCase(), dataset: { state: record.state } },
    t('state.' + record.state));
}

/** The message for an error of the engine or the server, by its code. */
export function errorText(error) {
  const code = error && error.code;
  if (code && has('error.' + code)) return t('error.' + code, error.pending ?? '');
  if (error && error.message && code) return error.message;
  return t('error.generic');
}

export async function records(type) {
  return (await app.device.records(type)) || [];
}

export async function record(type, id) {
  return (await app.device.record(type, id)) || null;
}

/** The scope villages the phone holds, with their names from the region records. */
export async function villages() {
  const codes = new Set();
  for (const type of [RecordType.CLIENT, RecordType.HOUSEHOLD, RecordType.VISIT_DUE]) {
    for (const r of await records(type)) if (r.s && r.s !== ScopeKey.REFERENCE) codes.add(r.s);
  }
  const result = [];
  for (const code of codes) {
    const region = await record(RecordType.REGION, code);
    result.push({ code, name: region?.f?.name || code });
  }
  return result.sort((a, b) => a.code.localeCompare(b.code));
}

export function field(label, control, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'label' }, label), control,
    hint ? h('span', { class: 'hint' }, hint) : null);
}

export function select(name, options, value, attrs = {}) {
  return h('select', { name, ...attrs },
    options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)));
}

export function backLink(hash, label) {
  return h('a', { class: 'back', href: hash }, '‹ ', label || t('nav.back'));
}

// ---- the visit schedule as the phone sees it

const DEFAULT_INTERVALS = { RED: 'P7D', ORANGE: 'P7D', YELLOW: 'P1M', GREEN: 'P3M', MONTHLY: 'P1M' };
const MONTHLY_RULES = new Set(['SPECIAL_DIFFICULTY_ELDERLY', 'DISPERSED_EXTREME_POVERTY']);

/** A yyyy-mm-dd date plus an ISO-8601 period of years, months, weeks and days (P1M, P7D …). */
export function plusPeriod(date, period) {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(period || '');
  if (!m) return null;
  const [y, mo, d] = date.split('-').map(Number);
  const years = Number(m[1] || 0);
  const months = Number(m[2] || 0);
  const days = Number(m[3] || 0) * 7 + Number(m[4] || 0);
  // as java.time: add months first, clamping to the month's last day, then days
  const totalMonths = (mo - 1) + months + years * 12;
  const year = y + Math.floor(totalMonths / 12);
  const month = totalMonths % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(Date.UTC(year, month, Math.min(d, lastDay)) + days * 86400000);
  return result.toISOString().slice(0, 10);
}

/**
 * The child's visit schedule with the visits the phone holds that the server's schedule does not
 * know yet (saved offline, or not yet recomputed): the next visit moves at once after a visit, by
 * the county's interval of the child's level, as the server will compute it (VisitPolicy).
 */
export function effectiveDue(due, visits) {
  if (!due || !due.f) return due;
  const latest = (visits || [])
    .filter((v) => v.state !== Status.REJECTED && v.state !== Status.QUARANTINED && v.f?.occurredAt)
    .map((v) => formatDate(v.f.occurredAt))
    .sort().pop();
  const last = due.f.lastVisitOn || null;
  if (!latest || (last && latest <= last)) return due;
  const intervals = { ...DEFAULT_INTERVALS, ...(app.config.visitIntervals || {}) };
  let next = plusPeriod(latest, intervals[due.f.level] || intervals.YELLOW);
  if (MONTHLY_RULES.has(due.f.rule)) {
    const monthly = plusPeriod(latest, intervals.MONTHLY);
    if (monthly && monthly < next) next = monthly;
  }
  if (!next) return due;
  return { ...due, f: { ...due.f, lastVisitOn: latest, nextDueOn: next, rule: 'LEVEL_INTERVAL' }, local: true };
}

/** Every client's effective schedule, by client id. */
export async function duesByClient() {
  const visitsByClient = new Map();
  for (const v of await records(RecordType.VISIT)) {
    const c = v.f?.client || v.f?.clientId;
    if (!c) continue;
    if (!visitsByClient.has(c)) visitsByClient.set(c, []);
    visitsByClient.get(c).push(v);
  }
  const dues = new Map();
  for (const due of await records(RecordType.VISIT_DUE)) {
    if (due.f?.client) dues.set(due.f.client, effectiveDue(due, visitsByClient.get(due.f.client)));
  }
  return dues;
}
