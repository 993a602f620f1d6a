// The callout form's body template (format TEMPLATE): shown only while that format is chosen, and "Preview",
// which renders the template as typed with a sample ticket on the server. A mistake comes back with its line
// and column ("Line 3, column 14: ..."): the caret is put there.
(function () {
  'use strict';

  var group = document.getElementById('body-template');
  var format = document.getElementById('format');
  if (!group || !format) { return; }
  var form = group.closest('form');
  var template = document.getElementById('template');
  var contentType = document.getElementById('contentType');
  var button = document.getElementById('template-preview-button');
  var error = document.getElementById('template-preview-error');
  var preview = document.getElementById('template-preview');
  var previewType = document.getElementById('template-preview-type');
  var previewBody = document.getElementById('template-preview-body');
  var warning = document.getElementById('template-preview-warning');

  function showGroup() { group.hidden = format.value !== 'TEMPLATE'; }
  format.addEventListener('change', showGroup);
  showGroup();

  function showError(message) {
    error.textContent = message || '';
    error.hidden = !message;
    template.classList.toggle('is-invalid', !!message);
    template.setAttribute('aria-invalid', String(!!message));
  }

  // Line and column count characters, as the server does: an emoji is one column
  function placeCaret(line, column) {
    var lines = template.value.split('\n');
    var offset = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) { offset += lines[i].length + 1; }
    var current = Array.from(lines[Math.min(line, lines.length) - 1] || '');
    offset += current.slice(0, column - 1).join('').length;
    template.focus();
    template.setSelectionRange(offset, offset);
  }

  function render(answer) {
    if (answer.status === 200) {
      showError(null);
      previewType.textContent = answer.body.contentType;
      previewBody.textContent = answer.body.body;
      warning.textContent = answer.body.warning || '';
      warning.hidden = !answer.body.warning;
      preview.hidden = false;
      return;
    }
    preview.hidden = true;
    var errors = (answer.body && answer.body.errors) || [];
    if (!errors.length) {
      showError('The template could not be previewed. Reload the page and try again.');
      return;
    }
    showError(errors.map(function (e) { return e.message; }).join(' '));
    var onTemplate = errors.filter(function (e) { return e.field === 'template'; })[0];
    var position = onTemplate && /^Line (\d+), column (\d+):/.exec(onTemplate.message);
    if (position) { placeCaret(Number(position[1]), Number(position[2])); }
  }

  button.addEventListener('click', function () {
    var data = new URLSearchParams();
    data.append('template', template.value);
    data.append('contentType', contentType.value);
    var udf = document.getElementById('udfName');
    var name = document.getElementById('name');
    if (udf) { data.append('udfName', udf.value); }
    if (name) { data.append('name', name.value); }
    var csrf = form.querySelector('input[name="_csrf"]');
    if (csrf) { data.append('_csrf', csrf.value); }
    button.disabled = true;
    fetch(button.dataset.url, {
      method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'application/json' }
    })
      .then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      })
      .then(render)
      .catch(function () { render({ status: 0, body: null }); })
      .then(function () { button.disabled = false; });
  });
})();
