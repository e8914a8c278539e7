// Station pages (no build step): irreversible actions ask first, and a refused form shows its first
// error in view instead of leaving the worker at the top of a long page.
(function () {
  'use strict';

  // A button or form with data-confirm asks before it submits; 取消 sends nothing.
  document.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    var question = (submitter && submitter.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  function firstError() {
    return document.querySelector('.has-error, .field-error, .form-errors, .notice.error');
  }

  function showFirstError() {
    var error = firstError();
    if (!error) {
      return;
    }
    for (var d = error.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) {
      d.open = true;
    }
    error.scrollIntoView({ block: 'center' });
    var scope = error.closest('.field') || error.closest('form') || error;
    var field = scope.querySelector('input:not([type=hidden]), select, textarea');
    if (field) {
      field.focus({ preventScroll: true });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', showFirstError);
  } else {
    showFirstError();
  }
  // A plan activity's partner written in by hand: its name and contact fields open only when
  // 其他合作机构（手填） is the chosen owner (without script they stay open: see app.css).
  document.documentElement.classList.add('js');
  document.addEventListener('change', function (event) {
    var select = event.target;
    if (!select.classList || !select.classList.contains('activity-owner')) {
      return;
    }
    var fields = select.closest('.activity-row').querySelector('.partner-fields');
    if (fields) {
      fields.classList.toggle('open', select.value === 'other');
      if (select.value === 'other') {
        fields.querySelector('input').focus();
      }
    }
  });
})();
