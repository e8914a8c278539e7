// Home: the visits to make (overdue, today, this week: each opens the visit form), then the
// village's children - or, switched, all its registry clients - due and overdue visits first.
import { RecordType } from './protocol.js';
import { app, t, h, show, today, ageYears, stateBadge, records, duesByClient, plusPeriod } from './ui-common.js';

let query = '';
let everyone = false; // the village list shows the children unless the user asks for all clients

function isChild(r) {
  const age = ageYears(r.f.birthDate);
  return age !== null && age < 18;
}

/** The last day (Sunday) of the week of a date: Chinese weeks start on Monday. */
function endOfWeek(date) {
  const day = new Date(date + 'T00:00:00').getDay(); // 0 = Sunday
  return plusPeriod(date, `P${(7 - day) % 7}D`);
}

/** The task list of the visit schedule: overdue, today, the rest of this week. */
function taskList(rows) {
  const now = today();
  const sunday = endOfWeek(now);
  const groups = { overdue: [], today: [], week: [] };
  for (const r of rows) {
    const next = r.due?.f?.nextDueOn;
    if (!next) continue;
    if (next < now) groups.overdue.push(r);
    else if (next === now) groups.today.push(r);
    else if (next <= sunday) groups.week.push(r);
  }
  const group = (key) => h('section', { class: 'tasks tasks-' + key, id: 'tasks-' + key },
    h('h2', {}, t('tasks.' + key), ' ', h('span', { class: 'count' }, String(groups[key].length))),
    groups[key].length === 0 ? h('p', { class: 'hint' }, t('tasks.none'))
      : h('ul', { class: 'list' }, groups[key].map((r) => h('li', {},
        h('a', { class: 'row task', href: '#/visit/' + encodeURIComponent(r.id), dataset: { client: r.id } },
          h('span', { class: 'name' }, r.f.name || r.f.fullName || '—'),
          h('span', { class: 'meta' }, t('tasks.due', r.due.f.nextDueOn),
            r.due.f.level ? ' · ' + t('risk.' + r.due.f.level) : ''),
          h('span', { class: 'badges' }, dueLabel(r.due)))))));
  return h('div', { id: 'task-list' }, h('h1', {}, t('tasks.title')),
    group('overdue'), group('today'), group('week'));
}

/** Overdue first, then due soonest, then the rest by name. */
function order(a, b) {
  const da = a.due?.f?.nextDueOn || '9999-12-31';
  const db = b.due?.f?.nextDueOn || '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  return (a.f.name || a.f.fullName || '').localeCompare(b.f.name || b.f.fullName || '', 'zh-CN');
}

/** Name search: the characters, or the pinyin (zhangwei) or its initials (zw) as on the web. */
function matches(r, q) {
  const name = (r.f.name || r.f.fullName || '').toLowerCase();
  if (name.includes(q)) return true;
  const key = q.replace(/\s+/g, '');
  if (!/^[a-z]+$/.test(key)) return false;
  // prefix matches, as the web's search (ClientSpecifications): "zhang", "zhangw", "zw"
  const pinyin = (r.f.pinyin || '').toLowerCase();
  const initials = (r.f.pinyinInitials || '').toLowerCase();
  return pinyin.startsWith(key) || initials.startsWith(key);
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
  const clients = await records(RecordType.CLIENT);
  const dues = await duesByClient();
  const rows = clients.map((c) => ({ ...c, f: c.f || {}, due: dues.get(c.id) })).sort(order);
  const status = app.device.status();
  const heading = h('h2', { id: 'village-heading', class: 'list-heading' });
  const toggle = h('button', { type: 'button', class: 'chip', id: 'toggle-all', 'aria-pressed': String(everyone),
    onclick: () => { everyone = !everyone; toggle.setAttribute('aria-pressed', String(everyone)); draw(); } });

  const list = h('ul', { class: 'list', id: 'client-list' });
  const empty = h('p', { class: 'hint', hidden: true }, t('home.none'));
  const draw = () => {
    const q = query.trim().toLowerCase();
    const pool = everyone ? rows : rows.filter(isChild);
    const shown = pool.filter((r) => !q || matches(r, q));
    heading.textContent = t(everyone ? 'home.titleAll' : 'home.titleChildren', pool.length);
    toggle.textContent = t(everyone ? 'home.showChildren' : 'home.showAll');
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
    // the primary actions in a bar at the bottom, in reach of the thumb
    h('nav', { class: 'actions thumb-bar', id: 'home-actions' },
      h('a', { class: 'button danger', href: '#/flag', id: 'go-flag' }, t('nav.flag')),
      h('a', { class: 'button', href: '#/register', id: 'go-register' }, t('nav.register')),
      h('a', { class: 'button', href: '#/flags', id: 'go-flags' }, t('nav.myFlags')),
      h('a', { class: 'button', href: '#/sync', id: 'go-sync' }, t('nav.sync'))),
    pendingNote,
    h('p', { class: 'greeting', id: 'greeting' }, t('home.hello', status.displayName || status.username || '')),
    taskList(rows),
    h('div', { class: 'list-head' }, heading, toggle),
    search,
    list,
    empty,
    h('p', { class: 'footer' },
      h('button', { type: 'button', class: 'link', id: 'lock', onclick: () => app.actions.lock() }, t('nav.lock')),
      ' · ', h('span', { id: 'home-user' }, t('home.user', userLabel(status)))),
  ];
}

// The person by the name people know them by, with the login they sign in with (as the station's audit screens).
function userLabel(status) {
  if (!status.displayName) return status.username || '';
  return status.username && status.username !== status.displayName
    ? `${status.displayName} (${status.username})`
    : status.displayName;
}
