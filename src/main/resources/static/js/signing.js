// The callout form's Signed requests section: copy a new secret to the clipboard, confirm Remove, and bring
// the section into view (and focus) after one of its actions.
(function () {
  'use strict';

  var section = document.getElementById('signing');
  if (!section) { return; }

  if (section.dataset.focus === 'true') {
    section.focus();
  }

  // ---- copy ----
  var copy = document.getElementById('copy-secret');
  var status = document.getElementById('copy-status');

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // Without the Clipboard API (a page served over plain HTTP), the older copy command, or a selection to copy by hand
  function copyBySelection(element) {
    selectText(element);
    var copied = false;
    try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
    status.textContent = copied ? 'Copied to the clipboard.' : 'Selected: press Ctrl+C (⌘C) to copy.';
  }

  if (copy) {
    copy.addEventListener('click', function () {
      var element = document.getElementById(copy.dataset.copy);
      var text = element.textContent.trim();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          status.textContent = 'Copied to the clipboard.';
        }, function () { copyBySelection(element); });
      } else {
        copyBySelection(element);
      }
    });
  }

  // ---- remove confirmation ----
  var dialog = document.getElementById('signing-remove-dialog');
  var form = document.querySelector('.signing-remove-form');
  if (dialog && form && typeof dialog.showModal === 'function') {
    form.addEventListener('submit', function (e) {
      if (form.dataset.confirmed === 'true') { return; }
      e.preventDefault();
      dialog.showModal();
      document.getElementById('signing-remove-cancel').focus();
    });
    document.getElementById('signing-remove-cancel').addEventListener('click', function () { dialog.close(); });
    document.getElementById('signing-remove-confirm').addEventListener('click', function () {
      form.dataset.confirmed = 'true';
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
    dialog.addEventListener('close', function () {
      if (form.dataset.confirmed !== 'true') { document.getElementById('signing-remove').focus(); }
    });
  }
})();
