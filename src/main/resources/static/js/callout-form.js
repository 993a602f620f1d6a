// The callout form: General / Notification tabs (WAI-ARIA tabs pattern) and the inputs each
// authentication type needs. The hidden "tab" input tells the server which tab was open.
(function () {
  'use strict';

  var tabs = Array.prototype.slice.call(document.querySelectorAll('[role="tab"]'));
  var tabInput = document.getElementById('tab');

  function select(tab, focus) {
    tabs.forEach(function (t) {
      var selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !selected;
    });
    tabInput.value = tab.dataset.tab;
    if (focus) { tab.focus(); }
  }

  tabs.forEach(function (tab, i) {
    tab.addEventListener('click', function () { select(tab, false); });
    tab.addEventListener('keydown', function (e) {
      var next = null;
      if (e.key === 'ArrowRight') { next = tabs[(i + 1) % tabs.length]; }
      else if (e.key === 'ArrowLeft') { next = tabs[(i - 1 + tabs.length) % tabs.length]; }
      else if (e.key === 'Home') { next = tabs[0]; }
      else if (e.key === 'End') { next = tabs[tabs.length - 1]; }
      if (next) { e.preventDefault(); select(next, true); }
    });
  });

  // ---- authentication: show only what the chosen type needs ----
  var type = document.getElementById('authenticationType');
  function showAuthFields() {
    document.querySelectorAll('.auth-fields').forEach(function (group) {
      group.hidden = group.dataset.auth !== type.value;
    });
  }
  if (type) { type.addEventListener('change', showAuthFields); }

  // ---- error summary: a link to a field on the other tab opens that tab first ----
  document.querySelectorAll('.error-link').forEach(function (link) {
    link.addEventListener('click', function (e) {
      var field = document.getElementById(link.dataset.field);
      if (!field) { return; }
      e.preventDefault();
      var panel = field.closest('[role="tabpanel"]');
      if (panel) { select(document.getElementById(panel.getAttribute('aria-labelledby')), false); }
      field.focus();
    });
  });

  // After a refused save, bring the problems into view
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
})();
