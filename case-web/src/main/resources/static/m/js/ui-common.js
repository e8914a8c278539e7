// Shared helpers of the screens: building DOM without innerHTML (data never becomes markup),
// the app's text, dates and the sync-state badge.

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
export function toast(message, kind = 'info') {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.className = 'toast ' + kind;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 4000);
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
  for (const type of ['client', 'household', 'visitDue']) {
    for (const r of await records(type)) if (r.s && r.s !== 'ref') codes.add(r.s);
  }
  const result = [];
  for (const code of codes) {
    const region = await record('region', code);
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
