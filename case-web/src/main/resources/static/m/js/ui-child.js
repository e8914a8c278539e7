// A child's card (profile, guardians, last visits, open flags) and the user's own flags with what
// the station did with them.
import { RecordType, Status } from './protocol.js';
import { t, h, ageYears, formatDate, formatDateTime, stateBadge, records, record, refLabel, backLink, effectiveDue } from './ui-common.js';
import { dueLabel } from './ui-home.js';

function row(label, value, attrs = {}) {
  if (value === undefined || value === null || value === '') return null;
  return h('div', { class: 'kv', ...attrs }, h('span', { class: 'k' }, label), h('span', { class: 'v' }, value));
}

/** 13912345678 → 139****5678: what the card shows; the number itself is only dialled. */
export function maskPhone(number) {
  const digits = String(number);
  if (digits.includes('*') || digits.length < 7) return digits;
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/**
 * A phone number as the card shows it: masked, with a one-tap call button (calling is what the
 * director needs; the full number is not displayed). A number already masked by the server cannot
 * be dialled.
 */
function phone(number, id) {
  if (!number) return null;
  if (number.includes('*')) return number;
  return h('span', { class: 'phone' }, h('span', { class: 'masked', dataset: { masked: 'true' } }, maskPhone(number)), ' ',
    h('a', { class: 'button call-small', id, href: 'tel:' + number.replace(/[^0-9+]/g, '') }, t('child.call')));
}

function enumText(prefix, value) {
  return value ? t(prefix + value) : null;
}

export async function childScreen(id) {
  const child = await record(RecordType.CLIENT, id);
  if (!child) return [backLink('#/home', t('nav.home')), h('p', { class: 'error' }, t('child.gone'))];
  const f = child.f || {};
  const visitTypes = new Map((await records(RecordType.VISIT_TYPE)).map((v) => [v.id, v]));
  const allVisits = (await records(RecordType.VISIT)).filter((v) => (v.f?.client || v.f?.clientId) === id);
  // a visit saved on the phone moves the next visit at once, before the station recomputes it
  const due = effectiveDue((await records(RecordType.VISIT_DUE)).find((d) => d.f?.client === id), allVisits);
  const visits = allVisits.slice()
    .sort((a, b) => (b.f.occurredAt || '').localeCompare(a.f.occurredAt || '')).slice(0, 5);
  const flagTypes = new Map((await records(RecordType.FLAG_TYPE)).map((r) => [r.id, r]));
  const flags = (await records(RecordType.FLAG)).filter((r) => (r.f?.client || r.f?.clientId) === id && r.f?.status !== 'TRIAGED');
  const recent = Array.isArray(due?.f?.recentVisits) ? due.f.recentVisits : [];
  const household = f.household ? await record(RecordType.HOUSEHOLD, f.household) : null;
  const age = ageYears(f.birthDate);

  return [
    backLink('#/home', t('nav.home')),
    h('h1', { id: 'child-name' }, f.name || f.fullName || '—', ' ', stateBadge(child)),
    child.state === Status.REJECTED || child.state === Status.CONFLICT
      ? h('p', { class: 'notice' }, child.reason || t('state.' + child.state)) : null,
    // the primary actions in a bar at the bottom, in reach of the thumb
    h('nav', { class: 'actions thumb-bar', id: 'child-actions' },
      h('a', { class: 'button primary', href: '#/visit/' + encodeURIComponent(id), id: 'go-visit' }, t('nav.visit')),
      h('a', { class: 'button danger', href: '#/flag/' + encodeURIComponent(id), id: 'go-flag-child' }, t('nav.flag')),
      h('a', { class: 'button', href: '#/child/' + encodeURIComponent(id) + '/edit', id: 'go-edit' }, t('nav.edit'))),
    h('section', { class: 'card', id: 'child-card' },
      h('h2', {}, t('child.profile')),
      row(t('field.sex'), enumText('sex.', f.sex)),
      row(t('field.birthDate'), f.birthDate ? `${f.birthDate}${age !== null ? ' (' + t('age', age) + ')' : ''}` : null),
      row(t('field.idMasked'), f.idMasked),
      row(t('field.categories'), (f.categories || []).map((c) => t('category.' + c)).join('、')),
      row(t('field.address'), f.address || household?.f?.address),
      row(t('field.school'), f.school),
      row(t('field.living'), f.living),
      row(t('field.fatherStatus'), enumText('parent.', f.fatherStatus)),
      row(t('field.motherStatus'), enumText('parent.', f.motherStatus)),
      row(t('field.phone'), f.phoneMasked),
      due?.f?.level ? row(t('child.risk'), h('span', { class: 'sev sev-' + due.f.level.toLowerCase() }, t('risk.' + due.f.level)), { id: 'child-risk' }) : null,
      due ? row(t('child.nextVisit'), dueLabel(due)) : null,
      due?.f?.lastVisitOn ? row(t('child.lastVisit'), due.f.lastVisitOn) : null),
    h('section', { class: 'card' },
      h('h2', {}, t('child.guardians')),
      row(t('field.guardianName'), f.guardianName ? `${f.guardianName}${f.guardianRelation ? ' (' + f.guardianRelation + ')' : ''}` : null),
      row(t('field.guardianPhone'), phone(f.guardianPhone, 'guardian-call'), { id: 'guardian-phone' }),
      row(t('field.carerName'), f.carerName),
      row(t('field.carerPhone'), phone(f.carerPhone, 'carer-call')),
      !f.guardianName && !f.carerName ? h('p', { class: 'hint' }, t('child.noGuardian')) : null),
    h('section', { class: 'card' },
      h('h2', {}, t('child.visits')),
      visits.length === 0 ? h('p', { class: 'hint' }, t('child.noVisits')) : h('ul', { class: 'plain', id: 'child-visits' },
        visits.map((v) => h('li', {},
          h('strong', {}, formatDate(v.f.occurredAt)), ' ',
          refLabel(visitTypes.get(v.f.type), t('visitType.' + v.f.type)), ' ', stateBadge(v),
          v.f.notes ? h('div', { class: 'hint' }, v.f.notes) : null)))),
    h('section', { class: 'card' },
      h('h2', {}, t('child.recentVisits')),
      recent.length === 0 ? h('p', { class: 'hint' }, t('child.noRecentVisits')) : h('ul', { class: 'plain', id: 'recent-visits' },
        // date, type and who only: the station's notes stay at the station (minimum data)
        recent.map((v) => h('li', {}, h('strong', {}, v.on), ' ',
          refLabel(visitTypes.get(v.type), t('visitType.' + v.type)), ' · ', v.by || '—')))),
    h('section', { class: 'card' },
      h('h2', {}, t('child.flags')),
      flags.length === 0 ? h('p', { class: 'hint' }, t('child.noFlags')) : h('ul', { class: 'plain' },
        flags.map((r) => h('li', {},
          h('span', { class: 'sev sev-' + (r.f.severity || '').toLowerCase() }, t('severity.' + r.f.severity)), ' ',
          refLabel(flagTypes.get(r.f.type), r.f.type), ' ', formatDateTime(r.f.raisedAt), ' ', stateBadge(r))))),
  ];
}

export async function myFlagsScreen() {
  const flagTypes = new Map((await records(RecordType.FLAG_TYPE)).map((r) => [r.id, r]));
  const clients = new Map((await records(RecordType.CLIENT)).map((c) => [c.id, c]));
  const flags = (await records(RecordType.FLAG)).sort((a, b) => (b.f?.raisedAt || '').localeCompare(a.f?.raisedAt || ''));
  return [
    backLink('#/home', t('nav.home')),
    h('h1', {}, t('flags.title')),
    flags.length === 0 ? h('p', { class: 'hint' }, t('flags.none')) : h('ul', { class: 'list', id: 'my-flags' },
      flags.map((r) => {
        const f = r.f || {};
        const who = f.subjectName || clients.get(f.client || f.clientId)?.f?.name || '—';
        const did = f.status === 'TRIAGED'
          ? [t('flags.triaged', formatDateTime(f.triagedAt)), f.outcome ? ': ' + t('outcome.' + f.outcome) : '',
            f.outcomeReason ? ' — ' + f.outcomeReason : ''].join('')
          : (r.state === 'PENDING' ? t('flags.notSent') : t('flags.waiting'));
        return h('li', { class: 'item', dataset: { flag: r.id } },
          h('div', {}, h('span', { class: 'sev sev-' + (f.severity || '').toLowerCase() }, t('severity.' + f.severity)), ' ',
            h('strong', {}, who), ' ', stateBadge(r)),
          h('div', {}, refLabel(flagTypes.get(f.type), f.type)),
          h('div', { class: 'hint' }, formatDateTime(f.raisedAt || f.observedAt)),
          h('div', { class: 'outcome' }, did),
          r.reason ? h('div', { class: 'error' }, r.reason) : null);
      })),
  ];
}
