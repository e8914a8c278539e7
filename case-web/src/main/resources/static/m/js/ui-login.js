// Login (first time online: registers the phone; later online or offline with the same password)
// and the screen of a phone whose device was revoked.
import { Code } from './protocol.js';
import { app, t, h, show, field, errorText } from './ui-common.js';

function defaultDeviceName() {
  const ua = navigator.userAgent || '';
  const model = ua.match(/Android [^;]+; ([^;)]+)/);
  return model ? model[1].trim().slice(0, 60) : t('login.defaultDevice');
}

export function loginScreen(status) {
  const first = !status.registered;
  const message = h('p', { class: 'error', id: 'login-error', role: 'alert', hidden: true });
  const username = h('input', {
    name: 'username', id: 'login-username', autocomplete: 'username', autocapitalize: 'none',
    required: true, value: status.username || '',
  });
  const password = h('input', {
    name: 'password', id: 'login-password', type: 'password', autocomplete: 'current-password', required: true,
  });
  const deviceName = h('input', { name: 'deviceName', id: 'login-device', value: defaultDeviceName(), maxlength: 100 });
  const submit = h('button', { type: 'submit', class: 'primary big', id: 'login-submit' }, t('login.submit'));
  const form = h('form', { class: 'card login', id: 'login-form', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      message.hidden = true;
      if (!username.value.trim() || !password.value) {
        message.textContent = t('login.missing');
        message.hidden = false;
        return;
      }
      submit.disabled = true;
      submit.textContent = navigator.onLine ? t('login.working') : t('login.workingOffline');
      app.loggingIn = true;
      try {
        await app.device.login(username.value.trim(), password.value, deviceName.value.trim() || defaultDeviceName());
        app.loggingIn = false;
        password.value = '';
        app.actions.unlocked();
      } catch (error) {
        app.loggingIn = false;
        if (error.code === Code.DEVICE_REVOKED) {
          location.hash = '#/wiped';
          return;
        }
        message.textContent = errorText(error);
        message.dataset.code = error.code || '';
        message.hidden = false;
        submit.disabled = false;
        submit.textContent = t('login.submit');
      }
    } },
  field(t('login.username'), username),
  field(t('login.password'), password),
  first ? field(t('login.deviceName'), deviceName, t('login.deviceNameHint')) : null,
  message,
  submit);
  const intro = first
    ? h('p', { class: 'hint' }, t('login.firstTime'))
    : h('p', { class: 'hint' }, t('login.again', status.username || ''),
      status.offlineLoginUntil ? ' ' + t('login.offlineUntil', status.offlineLoginUntil.slice(0, 10)) : '');
  const pending = status.pending ? h('p', { class: 'notice' }, t('login.pendingKept', status.pending)) : null;
  show(h('h1', {}, t('login.title')), intro, pending, form);
  (status.username ? password : username).focus();
}

export function wipedScreen() {
  show(h('section', { class: 'card danger', id: 'wiped' },
    h('h1', {}, t('wiped.title')),
    h('p', {}, t('wiped.text')),
    h('button', { type: 'button', class: 'primary big', onclick: () => { location.hash = '#/login'; } },
      t('wiped.again'))));
}
