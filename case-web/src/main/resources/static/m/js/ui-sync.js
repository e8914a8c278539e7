// The sync panel: what waits on the phone, what the server refused and why, the last sync,
// the storage left, and a button to sync now.
import { RecordType, Status } from './protocol.js';
import { app, t, h, formatDateTime, megabytes, records, stateBadge, backLink, refLabel } from './ui-common.js';

const TYPES = [RecordType.VISIT, RecordType.FLAG, RecordType.CLIENT, RecordType.NOTE];

function describe(type, r, names, flagTypes) {
  const f = r.f || {};
  switch (type) {
    case RecordType.VISIT: return t('sync.item.visit', names.get(f.client || f.clientId) || '', (f.occurredAt || '').slice(0, 10));
    case RecordType.FLAG: return t('sync.item.flag', f.subjectName || names.get(f.client || f.clientId) || '', refLabel(flagTypes.get(f.type), f.type || ''));
    case RecordType.CLIENT: return t('sync.item.client', f.name || f.fullName || '');
    default: return t('sync.item.other', type);
  }
}

const FIX = { visit: '#/fix/visit/', flag: '#/fix/flag/', client: '#/fix/client/' };

/** Where a refused record is fixed: a child the server never had is registered again, a known one edited. */
function fixLink(type, r) {
  if (type === RecordType.CLIENT && r.v !== null && r.v !== undefined) return '#/child/' + encodeURIComponent(r.id) + '/edit';
  return FIX[type] ? FIX[type] + encodeURIComponent(r.id) : null;
}

export async function syncScreen() {
  const device = app.device;
  const status = device.status();
  const names = new Map((await records(RecordType.CLIENT)).map((c) => [c.id, c.f?.name || c.f?.fullName]));
  const flagTypes = new Map((await records(RecordType.FLAG_TYPE)).map((r) => [r.id, r]));
  const items = [];
  for (const type of TYPES) {
    for (const r of await records(type)) {
      if (r.state && r.state !== 'SYNCED') items.push({ type, r });
    }
  }
  const order = { REJECTED: 0, CONFLICT: 1, QUARANTINED: 2, PENDING: 3 };
  items.sort((a, b) => (order[a.r.state] ?? 9) - (order[b.r.state] ?? 9));

  let storage = null;
  try { storage = await device.storage(); } catch (e) { /* not available */ }

  const button = h('button', { type: 'button', class: 'primary big', id: 'sync-now', disabled: !navigator.onLine || status.syncing,
    onclick: async () => {
      button.disabled = true;
      button.textContent = t('net.syncing');
      await app.actions.syncNow(true);
    } }, navigator.onLine ? t('sync.now') : t('sync.offline'));

  return [
    backLink('#/home', t('nav.home')),
    h('h1', {}, t('sync.title')),
    h('section', { class: 'card' },
      h('div', { class: 'kv' }, h('span', { class: 'k' }, t('sync.pending')), h('span', { class: 'v', id: 'sync-pending' }, String(status.pending ?? 0))),
      h('div', { class: 'kv' }, h('span', { class: 'k' }, t('sync.last')), h('span', { class: 'v', id: 'sync-last' }, formatDateTime(status.lastSyncAt))),
      status.offlineLoginUntil ? h('div', { class: 'kv' }, h('span', { class: 'k' }, t('sync.offlineUntil')), h('span', { class: 'v' }, formatDateTime(status.offlineLoginUntil))) : null,
      storage ? h('div', { class: 'kv' }, h('span', { class: 'k' }, t('sync.storage')),
        h('span', { class: 'v', id: 'sync-storage' }, t('sync.storageUse', megabytes(storage.usage || 0), megabytes(storage.quota || 0)))) : null,
      storage?.low ? h('p', { class: 'error', id: 'storage-low' }, t('sync.storageLow')) : null,
      button),
    h('h2', {}, t('sync.items')),
    items.length === 0 ? h('p', { class: 'hint', id: 'sync-clear' }, t('sync.allSent')) : h('ul', { class: 'list', id: 'sync-items' },
      items.map(({ type, r }) => h('li', { class: 'item', dataset: { type, id: r.id, state: r.state } },
        h('div', {}, stateBadge(r), ' ', describe(type, r, names, flagTypes)),
        h('div', { class: 'hint' }, t('sync.explain.' + r.state)),
        r.reason ? h('div', { class: 'reason' }, r.reason) : null,
        r.state === Status.REJECTED && fixLink(type, r) ? h('a', { class: 'button', href: fixLink(type, r) }, t('sync.fix')) : null,
        r.state !== 'PENDING' ? h('button', { type: 'button', class: 'link', onclick: async () => {
          if (r.state === Status.REJECTED && !window.confirm(t('sync.discard') + '?')) return;
          await device.dismiss(type, r.id);
          app.actions.refresh();
        } }, r.state === Status.REJECTED ? t('sync.discard') : t('sync.seen')) : null))),
  ];
}
