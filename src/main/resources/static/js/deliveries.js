// The Deliveries view: bring a linked delivery (?open=id) into view, and the two steps of "Recover…" in a
// dialog (the window, then the count to confirm). Without JavaScript "Recover…" is a page of its own.
(function () {
  'use strict';

  // ---- a linked delivery: scroll to it and put the keyboard on it ----
  var linked = document.querySelector('.delivery[data-linked="true"]');
  if (linked) {
    linked.scrollIntoView({ block: 'start' });
    var summary = linked.querySelector('summary');
    if (summary) { summary.focus({ preventScroll: true }); }
  }

  // ---- recover ----
  var dialog = document.getElementById('recover-dialog');
  var opener = document.getElementById('recover-open');
  if (!dialog || !opener || typeof dialog.showModal !== 'function' || !window.fetch) { return; }

  var form = document.getElementById('recover-form');
  var stepWindow = document.getElementById('recover-step-window');
  var stepConfirm = document.getElementById('recover-step-confirm');
  var since = document.getElementById('recover-since');
  var until = document.getElementById('recover-until');
  var problem = document.getElementById('recover-problem');
  var confirmation = document.getElementById('recover-confirmation');
  var confirmButton = document.getElementById('recover-confirm');
  var next = document.getElementById('recover-next');
  var confirming = false;
  var sending = false;

  function fieldError(input, message) {
    var error = document.getElementById(input.id + '-error');
    error.textContent = message || '';
    error.hidden = !message;
    input.classList.toggle('is-invalid', !!message);
    if (message) { input.setAttribute('aria-invalid', 'true'); } else { input.removeAttribute('aria-invalid'); }
  }

  function showProblem(message) {
    problem.textContent = message || '';
    problem.hidden = !message;
  }

  function showWindow(focus) {
    confirming = false;
    stepConfirm.hidden = true;
    stepWindow.hidden = false;
    if (focus) { focus.focus(); }
  }

  function showConfirmation(answer) {
    confirming = true;
    confirmation.textContent = answer.message;
    confirmButton.hidden = answer.count === 0;
    confirmButton.textContent = 'Recover ' + (answer.count === 1 ? '1 delivery' : answer.count + ' deliveries');
    stepWindow.hidden = true;
    stepConfirm.hidden = false;
    confirmation.focus();
  }

  function count() {
    fieldError(since, null);
    fieldError(until, null);
    showProblem(null);
    next.disabled = true;
    var url = form.dataset.recoverable + '?since=' + encodeURIComponent(since.value)
      + '&until=' + encodeURIComponent(until.value);
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      })
      .then(function (answer) {
        if (answer.status === 200) {
          showConfirmation(answer.body);
        } else if (answer.status === 400 && answer.body.errors) {
          fieldError(since, answer.body.errors.since);
          fieldError(until, answer.body.errors.until);
          (answer.body.errors.since ? since : until).focus();
        } else {
          showProblem(answer.body.message || 'The deliveries could not be counted. Reload the page and try again.');
        }
      })
      .catch(function () {
        showProblem('The deliveries could not be counted. Reload the page and try again.');
      })
      .then(function () { next.disabled = false; });
  }

  // With JavaScript "Recover…" opens a dialog: it is a button now, and Space presses it like one
  opener.setAttribute('role', 'button');
  opener.addEventListener('keydown', function (e) {
    if (e.key === ' ') { e.preventDefault(); opener.click(); }
  });

  opener.addEventListener('click', function (e) {
    e.preventDefault();
    fieldError(since, null);
    fieldError(until, null);
    showProblem(null);
    showWindow(null);
    dialog.showModal();
    since.focus();
  });

  // Enter in an input, or Next: count first; only the confirmation step sends the form
  form.addEventListener('submit', function (e) {
    if (!confirming) {
      e.preventDefault();
      count();
    } else if (sending) {
      e.preventDefault();
    } else {
      sending = true;
    }
  });

  document.getElementById('recover-back').addEventListener('click', function () { showWindow(since); });
  dialog.querySelectorAll('[data-recover-cancel]').forEach(function (button) {
    button.addEventListener('click', function () { dialog.close(); });
  });
  dialog.addEventListener('close', function () {
    if (!sending) { opener.focus(); }
  });
})();
