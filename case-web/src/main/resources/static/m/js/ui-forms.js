// The offline edits: log a visit, raise a flag, register a child, edit a profile. Each saves on the
// phone at once (device.js writes the record and its outbox item together) and syncs later.
// A REJECTED record opens the same form filled in, and saving resubmits it as a new mutation.
import { RecordType } from './protocol.js';
import {
  app, t, h, has, go, toast, today, field, select, records, record, refLabel, villages, backLink, errorText,
} from './ui-common.js';

const SEVERITIES = ['RED', 'ORANGE', 'YELLOW', 'GREEN']; // most urgent first, as the server's RiskLevel
const PARENT_STATUS = ['AT_HOME', 'WORKING_AWAY', 'DECEASED', 'MISSING', 'SERIOUSLY_DISABLED', 'IMPRISONED', 'UNKNOWN'];
const DEFAULT_VISIT_TYPES = ['HOME_VISIT', 'PHONE_CALL', 'VIDEO_CALL'];

/** Marks the form as being edited, so a background sync does not redraw it under the user's fingers. */
function form(attrs, ...children) {
  const el = h('form', { novalidate: true, ...attrs }, ...children);
  el.addEventListener('input', () => el.classList.add('dirty'));
  return el;
}

function errorBox() {
  return h('p', { class: 'error', role: 'alert', hidden: true, id: 'form-error' });
}

function fail(box, text) {
  box.textContent = text;
  box.hidden = false;
  box.scrollIntoView({ block: 'center' });
}

async function save(box, button, action, done) {
  button.disabled = true;
  try {
    await action();
    toast(navigator.onLine ? t('saved.online') : t('saved.offline'), 'ok');
    done();
    if (navigator.onLine) app.actions.syncNow(false);
  } catch (error) {
    fail(box, errorText(error));
    button.disabled = false;
  }
}

/** A local date (yyyy-mm-dd) as an instant: now when it is today, else noon of that day. */
function instantOf(date) {
  if (date === today()) return new Date().toISOString();
  return new Date(date + 'T12:00:00').toISOString();
}

function localDateTime(d) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function formLimits(visitType) {
  const limits = {};
  for (const f of visitType?.f?.form || []) limits[f.name] = f;
  return limits;
}

// ---- visit ----

/** A note that says the child is left alone (独自在家, 一个人住, 没人照顾 …). */
const ALONE = /独自|独居|一个人(在家|住|生活)|自己(在家|住)|没人(照顾|管)|无人(照顾|照料|看管)/;

/** A 是/否 pair with nothing chosen unless the record already holds an answer. */
function yesNo(name, id, value) {
  const option = (v, label) => h('label', { class: 'yes-no-option' },
    h('input', { type: 'radio', name, id: id + '-' + (v ? 'yes' : 'no'), value: String(v), checked: value === v }),
    h('span', {}, label));
  return h('div', { class: 'yes-no', id, role: 'radiogroup' }, option(true, t('yes')), option(false, t('no')));
}

function yesNoField(label, group) {
  return h('div', { class: 'field' }, h('span', { class: 'label' }, label), group);
}

function answerOf(group) {
  const chosen = group.querySelector('input:checked');
  return chosen ? chosen.value === 'true' : null;
}

function riskDescription(fields) {
  const o = fields.observations;
  const parts = [];
  if (o.livingConditions === 'POOR') parts.push(t('obs.livingConditions') + '：' + t('obs.living.POOR'));
  if (o.needsFollowUp) parts.push(t('obs.needsFollowUp'));
  if (fields.notes) parts.push(fields.notes);
  return parts.join('；');
}

export async function visitScreen(clientId, rejectedId) {
  const rejected = rejectedId ? await record(RecordType.VISIT, rejectedId) : null;
  const old = rejected?.f || {};
  const id = clientId || old.clientId || old.client;
  const child = await record(RecordType.CLIENT, id);
  const types = await records(RecordType.VISIT_TYPE);
  const typeOptions = (types.length ? types.map((r) => r.id) : DEFAULT_VISIT_TYPES)
    .map((code) => ({ value: code, label: refLabel(types.find((r) => r.id === code), t('visitType.' + code)) }));
  const limits = formLimits(types.find((r) => r.id === 'HOME_VISIT') || types[0]);
  const obs = old.observations || {};

  const type = select('type', typeOptions, old.type || 'HOME_VISIT', { id: 'visit-type' });
  const date = h('input', { type: 'date', name: 'date', id: 'visit-date', value: old.occurredAt ? old.occurredAt.slice(0, 10) : today(), max: today(), required: true });
  const duration = h('input', {
    type: 'number', name: 'durationMinutes', id: 'visit-duration', inputmode: 'numeric',
    min: limits.durationMinutes?.min ?? 1, max: limits.durationMinutes?.max ?? 1440,
    value: old.durationMinutes ?? 30,
  });
  const quick = h('div', { class: 'chips' }, [15, 30, 60].map((m) => h('button', {
    type: 'button', class: 'chip', onclick: () => { duration.value = m; },
  }, t('visit.minutes', m))));
  const notes = h('textarea', { name: 'notes', id: 'visit-notes', rows: 3, maxlength: limits.notes?.maxLength ?? 2000 }, old.notes || '');
  // explicit answers: nothing is pre-ticked, so an unanswered question never records a false "no"
  const childPresent = yesNo('childPresent', 'obs-child', obs.childPresent);
  const guardianPresent = yesNo('guardianPresent', 'obs-guardian', obs.guardianPresent);
  const living = select('livingConditions', [{ value: '', label: t('obs.living.unknown') },
    ...['GOOD', 'FAIR', 'POOR'].map((v) => ({ value: v, label: t('obs.living.' + v) }))],
  obs.livingConditions || '', { id: 'obs-living' });
  const followUp = h('input', { type: 'checkbox', name: 'needsFollowUp', id: 'obs-followup', checked: obs.needsFollowUp ?? false });
  const box = errorBox();
  const submit = h('button', { type: 'submit', class: 'primary big', id: 'visit-save' }, t('visit.save'));
  let thenFlag = false;
  const saveAndFlag = h('button', { type: 'submit', class: 'button danger', id: 'visit-save-flag',
    onclick: () => { thenFlag = true; } }, t('visit.saveAndFlag'));
  const riskOffer = h('div', { class: 'risk-offer', id: 'visit-risk', role: 'status', hidden: true },
    h('strong', {}, t('visit.riskQuestion')), h('p', { class: 'hint' }, t('visit.riskHint')), saveAndFlag);
  const riskSignals = () => living.value === 'POOR' || followUp.checked || ALONE.test(notes.value);
  const offerRisk = () => { riskOffer.hidden = !riskSignals(); };

  const el = form({ class: 'card', id: 'visit-form', onsubmit: (event) => {
    event.preventDefault();
    const flagAfter = thenFlag;
    thenFlag = false;
    const minutes = Number(duration.value);
    if (!date.value || date.value > today()) return fail(box, t('visit.badDate'));
    if (!Number.isInteger(minutes) || minutes < Number(duration.min) || minutes > Number(duration.max)) {
      return fail(box, t('visit.badDuration', duration.min, duration.max));
    }
    const childAnswer = answerOf(childPresent);
    const guardianAnswer = answerOf(guardianPresent);
    if (childAnswer === null || guardianAnswer === null) return fail(box, t('visit.needPresence'));
    const observations = { childPresent: childAnswer, guardianPresent: guardianAnswer };
    if (living.value) observations.livingConditions = living.value;
    observations.needsFollowUp = followUp.checked;
    const fields = {
      clientId: id,
      type: type.value,
      occurredAt: instantOf(date.value),
      durationMinutes: minutes,
      notes: notes.value.trim() || null,
      observations,
    };
    return save(box, submit,
      () => (rejected ? app.device.resubmit(RecordType.VISIT, rejectedId, fields) : app.device.logVisit(fields)),
      () => {
        if (flagAfter && !rejected) {
          // the flag form opens filled in with what the visit found
          app.flagDraft = { clientId: id, type: ALONE.test(notes.value) ? 'LIVING_ALONE' : '', description: riskDescription(fields) };
          return go('#/flag/' + encodeURIComponent(id));
        }
        return go(rejected ? '#/sync' : '#/child/' + encodeURIComponent(id));
      });
  } },
  field(t('visit.type'), type),
  field(t('visit.date'), date),
  field(t('visit.duration'), duration), quick,
  h('fieldset', {}, h('legend', {}, t('visit.observations')),
    yesNoField(t('obs.childPresent'), childPresent),
    yesNoField(t('obs.guardianPresent'), guardianPresent),
    field(t('obs.livingConditions'), living),
    h('label', { class: 'check' }, followUp, h('span', {}, t('obs.needsFollowUp')))),
  field(t('visit.notes'), notes),
  box,
  // the offer to report sits with the save button, in reach of the thumb
  h('div', { class: 'sticky-save' }, riskOffer, submit));
  for (const control of [living, followUp]) control.addEventListener('change', offerRisk);
  notes.addEventListener('input', offerRisk);
  offerRisk();
  return [
    backLink(rejected ? '#/sync' : '#/child/' + encodeURIComponent(id)),
    h('h1', {}, t('visit.title', child?.f?.name || child?.f?.fullName || '')),
    rejected?.reason ? h('p', { class: 'error' }, rejected.reason) : null,
    el,
  ];
}

// ---- flag ----

function policeBanner() {
  const numbers = app.config.emergencyNumbers || [];
  return h('div', { class: 'police', id: 'flag-police', role: 'alert', hidden: true },
    h('strong', {}, t('flag.police.title')),
    h('p', {}, t('flag.police.text')),
    h('div', { class: 'calls' }, numbers.map((n) => h('a', {
      class: 'button call' + (n.number === '110' ? ' police-call' : ''), href: 'tel:' + n.number,
    }, `${app.language === 'en' ? n.nameEn || n.name : n.name} ${n.number}`))));
}

/**
 * A red flag saved without a network has not reached the station: say so plainly and offer the
 * station's number (the `station` reference record of the child's township) and 110.
 */
async function offlineRedToast(villageCode) {
  const stations = await records(RecordType.STATION);
  const region = villageCode ? await record(RecordType.REGION, villageCode) : null;
  const station = stations.find((s) => s.f?.phone && region?.f?.parent && s.f.township === region.f.parent)
    || stations.find((s) => s.f?.phone);
  const calls = [];
  if (station) {
    calls.push(h('a', { class: 'button call', id: 'toast-call-station', href: 'tel:' + station.f.phone.replace(/[^0-9+]/g, '') },
      t('flag.offline.callStation', station.f.phone)));
  }
  calls.push(h('a', { class: 'button call police-call', id: 'toast-call-110', href: 'tel:110' }, t('flag.offline.call110')));
  toast(t('flag.offline.notYet'), 'warn', calls);
}

/** The order of the picker: the enum's order (mandatory first), 其他 always last. */
const FLAG_ORDER = ['MR_PRIVATE_INJURY', 'MR_SUSPECTED_VIOLENCE_ABUSE', 'MR_SUICIDE_SELF_HARM_POISONING',
  'MR_ABANDONMENT_NO_CARE', 'MR_MISSING_TRAFFICKED', 'MR_ORGANISED_BEGGING', 'MR_OTHER_SERIOUS_HARM',
  'LIVING_ALONE', 'NO_GUARDIAN_ABLE_TO_CARE', 'UNFIT_CARER', 'SCHOOL_DROPOUT', 'ILLNESS_OR_INJURY',
  'PSYCHOLOGICAL_CRISIS', 'UNSAFE_HOUSING'];

export function orderedFlagTypes(types) {
  const rank = (r) => {
    if (r.id === 'OTHER') return 10000;
    const i = FLAG_ORDER.indexOf(r.id);
    return (r.f?.mandatory ? 0 : 1000) + (i < 0 ? 500 : i);
  };
  return types.slice().sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

export async function flagScreen(clientId, rejectedId) {
  const rejected = rejectedId ? await record(RecordType.FLAG, rejectedId) : null;
  // a draft from a visit that offered to report (visit form), used once
  const draft = !rejected && app.flagDraft && app.flagDraft.clientId === clientId ? app.flagDraft : null;
  app.flagDraft = null;
  const old = rejected?.f || (draft ? { type: draft.type, description: draft.description } : {});
  const id = clientId || old.clientId || old.client || null;
  const child = id ? await record(RecordType.CLIENT, id) : null;
  const flagTypes = orderedFlagTypes(await records(RecordType.FLAG_TYPE));
  const places = await villages();

  // large tappable cards instead of a drop-down: the mandatory-report situations together, first;
  // labels wrap instead of being cut; a plain-language hint where two situations are easily confused
  const card = (r) => h('label', { class: 'type-card' + (r.f?.mandatory ? ' mandatory' : ''), for: 'flag-type-' + r.id },
    h('input', { type: 'radio', name: 'type', id: 'flag-type-' + r.id, value: r.id, checked: r.id === old.type }),
    h('span', { class: 'type-text' }, h('strong', {}, refLabel(r, r.id)),
      has('flag.hint.' + r.id) ? h('span', { class: 'hint' }, t('flag.hint.' + r.id)) : null));
  const type = h('fieldset', { id: 'flag-type', class: 'type-picker', role: 'radiogroup' },
    h('legend', {}, t('flag.type')),
    h('h3', { class: 'group' }, t('flag.group.mandatory')),
    flagTypes.filter((r) => r.f?.mandatory).map(card),
    h('h3', { class: 'group' }, t('flag.group.other')),
    flagTypes.filter((r) => !r.f?.mandatory).map(card));
  const typeValue = () => type.querySelector('input[name=type]:checked')?.value || '';
  const severity = select('severity', SEVERITIES.map((s) => ({ value: s, label: t('severity.' + s) })),
    old.severity || 'YELLOW', { id: 'flag-severity' });
  const banner = policeBanner();
  const applyType = (keepSeverity) => {
    const chosen = flagTypes.find((r) => r.id === typeValue());
    const mandatory = !!chosen?.f?.mandatory;
    const preset = chosen?.f?.severity;
    banner.hidden = !mandatory;
    if (preset && !keepSeverity) severity.value = preset;
    // a mandatory-report type may be raised, never lowered below its preset
    for (const option of severity.options) {
      option.disabled = mandatory && preset && SEVERITIES.indexOf(option.value) > SEVERITIES.indexOf(preset);
    }
    severity.closest('label')?.classList.toggle('red', severity.value === 'RED');
  };
  type.addEventListener('change', () => applyType(false));
  severity.addEventListener('change', () => applyType(true));

  const description = h('textarea', { name: 'description', id: 'flag-description', rows: 3, maxlength: 2000 }, old.description || '');
  const observedAt = h('input', { type: 'datetime-local', name: 'observedAt', id: 'flag-observed', value: localDateTime(old.observedAt ? new Date(old.observedAt) : new Date()) });
  const place = h('input', { name: 'observedPlace', id: 'flag-place', maxlength: 200, value: old.observedPlace || '' });
  const subjectName = h('input', { name: 'subjectName', id: 'flag-subject', maxlength: 50, value: old.subjectName || '' });
  const sex = select('subjectSex', [{ value: '', label: t('flag.sexUnknown') }, { value: 'FEMALE', label: t('sex.FEMALE') }, { value: 'MALE', label: t('sex.MALE') }],
    old.subjectSex || '', { id: 'flag-sex' });
  const ageYearsInput = h('input', { type: 'number', name: 'subjectAgeYears', id: 'flag-age', min: 0, max: 17, inputmode: 'numeric', value: old.subjectAgeYears ?? '' });
  const contact = h('input', { name: 'guardianContact', id: 'flag-contact', maxlength: 100, value: old.guardianContact || '' });
  const village = select('villageCode', places.map((v) => ({ value: v.code, label: v.name })),
    old.villageCode || child?.s || places[0]?.code, { id: 'flag-village' });
  const box = errorBox();
  const submit = h('button', { type: 'submit', class: 'primary big danger', id: 'flag-save' }, t('flag.save'));

  const el = form({ class: 'card', id: 'flag-form', onsubmit: (event) => {
    event.preventDefault();
    if (!typeValue()) return fail(box, t('flag.needType'));
    if (!child && !subjectName.value.trim()) return fail(box, t('flag.needSubject'));
    // the server refuses a flag without a description: say so now, not after the next sync
    if (!description.value.trim()) return fail(box, t('flag.needDescription'));
    const fields = {
      clientId: child ? id : null,
      subjectName: child ? null : subjectName.value.trim(),
      subjectSex: child ? null : sex.value || null,
      subjectAgeYears: child || ageYearsInput.value === '' ? null : Number(ageYearsInput.value),
      guardianContact: child ? null : contact.value.trim() || null,
      villageCode: child?.s || village.value,
      type: typeValue(),
      severity: severity.value,
      description: description.value.trim() || null,
      observedAt: observedAt.value ? new Date(observedAt.value).toISOString() : new Date().toISOString(),
      observedPlace: place.value.trim() || null,
    };
    return save(box, submit,
      () => (rejected ? app.device.resubmit(RecordType.FLAG, rejectedId, fields) : app.device.raiseFlag(fields)),
      () => {
        go(rejected ? '#/sync' : child ? '#/child/' + encodeURIComponent(id) : '#/flags');
        if (!navigator.onLine && fields.severity === 'RED') offlineRedToast(child?.s || fields.villageCode);
      });
  } },
  type,
  banner,
  field(t('flag.severity'), severity, t('flag.severityHint')),
  child ? null : h('fieldset', {}, h('legend', {}, t('flag.subject')),
    field(t('flag.subjectName'), subjectName),
    field(t('flag.subjectSex'), sex),
    field(t('flag.subjectAge'), ageYearsInput),
    field(t('flag.guardianContact'), contact),
    field(t('flag.village'), village)),
  field(t('flag.description'), description),
  field(t('flag.observedAt'), observedAt),
  field(t('flag.observedPlace'), place),
  box, h('div', { class: 'sticky-save' }, submit));
  applyType(!!old.severity);
  return [
    backLink(rejected ? '#/sync' : child ? '#/child/' + encodeURIComponent(id) : '#/home'),
    h('h1', {}, child ? t('flag.titleFor', child.f?.name || child.f?.fullName || '') : t('flag.title')),
    rejected?.reason ? h('p', { class: 'error' }, rejected.reason) : null,
    el,
  ];
}

// ---- register a child ----

export async function registerScreen(rejectedId) {
  const rejected = rejectedId ? await record(RecordType.CLIENT, rejectedId) : null;
  const old = rejected?.f || {};
  const places = await villages();
  const parentOptions = [{ value: '', label: '—' }, ...PARENT_STATUS.map((s) => ({ value: s, label: t('parent.' + s) }))];
  const inputs = {
    fullName: h('input', { name: 'fullName', id: 'reg-name', maxlength: 50, required: true, value: old.fullName || old.name || '' }),
    sex: select('sex', [{ value: 'FEMALE', label: t('sex.FEMALE') }, { value: 'MALE', label: t('sex.MALE') }], old.sex || 'FEMALE', { id: 'reg-sex' }),
    birthDate: h('input', { type: 'date', name: 'birthDate', id: 'reg-birth', max: today(), required: true, value: old.birthDate || '' }),
    residenceRegionCode: select('residenceRegionCode', places.map((v) => ({ value: v.code, label: v.name })), old.residenceRegionCode || old.village || places[0]?.code, { id: 'reg-village' }),
    idNumber: h('input', { name: 'idNumber', id: 'reg-id', maxlength: 18, autocomplete: 'off', value: old.idNumber || '' }),
    noIdReason: h('input', { name: 'noIdReason', id: 'reg-noid', maxlength: 100, value: old.noIdReason || '' }),
    guardianName: h('input', { name: 'guardianName', id: 'reg-guardian', maxlength: 50, value: old.guardianName || '' }),
    guardianRelation: h('input', { name: 'guardianRelation', id: 'reg-relation', maxlength: 20, value: old.guardianRelation || '' }),
    guardianPhone: h('input', { type: 'tel', name: 'guardianPhone', id: 'reg-phone', maxlength: 20, value: old.guardianPhone || '' }),
    fatherStatus: select('fatherStatus', parentOptions, old.fatherStatus || '', { id: 'reg-father' }),
    motherStatus: select('motherStatus', parentOptions, old.motherStatus || '', { id: 'reg-mother' }),
    category: select('category', [{ value: '', label: t('reg.noCategory') }, { value: 'LEFT_BEHIND_CHILD', label: t('category.LEFT_BEHIND_CHILD') }], old.category || '', { id: 'reg-category' }),
  };
  const box = errorBox();
  const submit = h('button', { type: 'submit', class: 'primary big', id: 'reg-save' }, t('reg.save'));
  const el = form({ class: 'card', id: 'register-form', onsubmit: (event) => {
    event.preventDefault();
    const v = Object.fromEntries(Object.entries(inputs).map(([k, input]) => [k, input.value.trim() || null]));
    if (!v.fullName || !v.birthDate) return fail(box, t('reg.needNameAndBirth'));
    if (!v.idNumber && !v.noIdReason) return fail(box, t('reg.needIdOrReason'));
    return save(box, submit,
      () => (rejected ? app.device.resubmit(RecordType.CLIENT, rejectedId, v) : app.device.registerChild(v)),
      () => go(rejected ? '#/sync' : '#/home'));
  } },
  field(t('field.name'), inputs.fullName),
  field(t('field.sex'), inputs.sex),
  field(t('field.birthDate'), inputs.birthDate),
  field(t('field.village'), inputs.residenceRegionCode),
  field(t('field.idNumber'), inputs.idNumber),
  field(t('field.noIdReason'), inputs.noIdReason, t('reg.noIdHint')),
  field(t('field.guardianName'), inputs.guardianName),
  field(t('field.guardianRelation'), inputs.guardianRelation),
  field(t('field.guardianPhone'), inputs.guardianPhone),
  field(t('field.fatherStatus'), inputs.fatherStatus),
  field(t('field.motherStatus'), inputs.motherStatus),
  field(t('field.category'), inputs.category),
  box, h('div', { class: 'sticky-save' }, submit));
  return [backLink(rejected ? '#/sync' : '#/home'), h('h1', {}, t('reg.title')),
    rejected?.reason ? h('p', { class: 'error' }, rejected.reason) : null, el];
}

// ---- edit a profile ----

const EDITABLE = ['name', 'address', 'school', 'guardianName', 'guardianRelation', 'guardianPhone', 'carerName', 'carerPhone', 'fatherStatus', 'motherStatus'];

export async function editScreen(clientId) {
  const child = await record(RecordType.CLIENT, clientId);
  if (!child) return [backLink('#/home'), h('p', { class: 'error' }, t('child.gone'))];
  const f = child.f || {};
  const parentOptions = [{ value: '', label: '—' }, ...PARENT_STATUS.map((s) => ({ value: s, label: t('parent.' + s) }))];
  const inputs = {};
  for (const name of EDITABLE) {
    inputs[name] = name.endsWith('Status')
      ? select(name, parentOptions, f[name] || '', { id: 'edit-' + name })
      : h('input', { name, id: 'edit-' + name, type: name.endsWith('Phone') ? 'tel' : 'text', maxlength: 200, value: f[name] ?? '' });
  }
  const box = errorBox();
  const submit = h('button', { type: 'submit', class: 'primary big', id: 'edit-save' }, t('edit.save'));
  const el = form({ class: 'card', id: 'edit-form', onsubmit: (event) => {
    event.preventDefault();
    const changes = {};
    for (const [name, input] of Object.entries(inputs)) {
      const value = input.value.trim() || null;
      if (value !== (f[name] ?? null)) changes[name] = value;
    }
    if (Object.keys(changes).length === 0) return go('#/child/' + encodeURIComponent(clientId));
    if ('name' in changes && !changes.name) return fail(box, t('reg.needNameAndBirth'));
    return save(box, submit, () => app.device.editProfile(clientId, changes),
      () => go('#/child/' + encodeURIComponent(clientId)));
  } },
  EDITABLE.map((name) => field(t('field.' + name), inputs[name])),
  box, h('div', { class: 'sticky-save' }, submit));
  return [backLink('#/child/' + encodeURIComponent(clientId)), h('h1', {}, t('edit.title', f.name || '')), el];
}

