// Home: the village's children and other registry clients, due and overdue visits first.
import { app, t, h, show, today, ageYears, stateBadge, records } from './ui-common.js';

let query = '';

/** Overdue first, then due soonest, then the rest by name. */
function order(a, b) {
  const da = a.due?.f?.nextDueOn || '9999-12-31';
  const db = b.due?.f?.nextDueOn || '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  return (a.f.name || a.f.fullName || '').localeCompare(b.f.name || b.f.fullName || '', 'zh-CN');
}

export function dueLabel(due) {
  const next = due?.f?.nextDueOn;
  if (!next) return null;
  const now = today();
  if (next < now) return h('span', { class: 'badge overdue' }, t('home.overdue', next));
  const days = Math.round((new Date(next + 'T00:00:00') - new Date(now + 'T00:00:00')) / 86400000);
  if (days <= 7) return h('span', { class: 'badge due' }, t('home.dueSoon', next));
  return h('span', { class: 'badge later' }, t('home.dueOn', next));
}

export async function homeScreen() {
  const clients = await records('client');
  const dues = new Map();
  for (const due of await records('visitDue')) if (due.f?.client) dues.set(due.f.client, due);
  const rows = clients.map((c) => ({ ...c, f: c.f || {}, due: dues.get(c.id) })).sort(order);
  const status = app.device.status();

  const list = h('ul', { class: 'list', id: 'client-list' });
  const empty = h('p', { class: 'hint', hidden: true }, t('home.none'));
  const draw = () => {
    const q = query.trim().toLowerCase();
    const shown = rows.filter((r) => !q || (r.f.name || r.f.fullName || '').toLowerCase().includes(q));
    list.replaceChildren(...shown.map((r) => h('li', {},
      h('a', { class: 'row', href: '#/child/' + encodeURIComponent(r.id), dataset: { client: r.id } },
        h('span', { class: 'name' }, r.f.name || r.f.fullName || '—'),
        h('span', { class: 'meta' },
          [r.f.sex ? t('sex.' + r.f.sex) : null, ageYears(r.f.birthDate) !== null ? t('age', ageYears(r.f.birthDate)) : null,
            (r.f.categories || []).map((c) => t('category.' + c)).join('、') || null].filter(Boolean).join(' · ')),
        h('span', { class: 'badges' }, dueLabel(r.due), stateBadge(r))))));
    empty.hidden = shown.length > 0;
  };
  const search = h('input', {
    type: 'search', id: 'search', name: 'q', placeholder: t('home.search'), value: query, autocomplete: 'off',
    oninput: (e) => { query = e.target.value; draw(); },
  });
  draw();

  const pendingNote = status.pending
    ? h('a', { class: 'notice', href: '#/sync', id: 'pending-note' }, t('home.pending', status.pending))
    : null;
  return [
    h('nav', { class: 'actions' },
      h('a', { class: 'button danger', href: '#/flag', id: 'go-flag' }, t('nav.flag')),
      h('a', { class: 'button', href: '#/register', id: 'go-register' }, t('nav.register')),
      h('a', { class: 'button', href: '#/flags', id: 'go-flags' }, t('nav.myFlags')),
      h('a', { class: 'button', href: '#/sync', id: 'go-sync' }, t('nav.sync'))),
    pendingNote,
    h('h1', {}, t('home.title', rows.length)),
    search,
    list,
    empty,
    h('p', { class: 'footer' },
      h('button', { type: 'button', class: 'link', id: 'lock', onclick: () => app.actions.lock() }, t('nav.lock')),
      ' · ', t('home.user', status.username || '')),
  ];
}
