// The callouts table: filter as you type, the row menu (WAI-ARIA menu button pattern), delete confirmation.
(function () {
  'use strict';

  // ---- filter ----
  var filter = document.getElementById('filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.callout-row'));
  var count = document.getElementById('filter-count');
  var noMatch = document.getElementById('no-match');

  function plural(n) { return n === 1 ? '1 callout' : n + ' callouts'; }

  function applyFilter() {
    var term = filter.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var hit = !term || row.dataset.name.toLowerCase().indexOf(term) >= 0
        || row.dataset.url.toLowerCase().indexOf(term) >= 0;
      row.hidden = !hit;
      if (hit) { shown++; }
    });
    count.textContent = term ? shown + ' of ' + plural(rows.length) : plural(rows.length);
    noMatch.hidden = shown > 0;
    document.getElementById('no-match-text').textContent = filter.value.trim();
  }

  if (filter) {
    filter.addEventListener('input', applyFilter);
    filter.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && filter.value) { filter.value = ''; applyFilter(); }
    });
  }

  // ---- row menu ----
  var openMenu = null;

  function items(menu) { return Array.prototype.slice.call(menu.querySelectorAll('[role="menuitem"]')); }

  function buttonOf(menu) { return document.getElementById(menu.getAttribute('aria-labelledby')); }

  function open(button, focusLast) {
    var menu = document.getElementById(button.getAttribute('aria-controls'));
    if (openMenu && openMenu !== menu) { close(false); }
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    // Open upwards when the menu would run off the bottom of the window
    menu.classList.remove('opens-up');
    if (menu.getBoundingClientRect().bottom > window.innerHeight - 8) { menu.classList.add('opens-up'); }
    openMenu = menu;
    var all = items(menu);
    all[focusLast ? all.length - 1 : 0].focus();
  }

  function close(returnFocus) {
    if (!openMenu) { return; }
    var button = buttonOf(openMenu);
    openMenu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    openMenu = null;
    if (returnFocus) { button.focus(); }
  }

  document.querySelectorAll('.menu-button').forEach(function (button) {
    button.addEventListener('click', function (e) {
      e.stopPropagation();
      if (button.getAttribute('aria-expanded') === 'true') { close(true); } else { open(button, false); }
    });
    button.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ' || e.key === 'ArrowDown') {
        e.preventDefault(); open(button, false);
      } else if (e.key === 'ArrowUp') {
        e.preventDefault(); open(button, true);
      }
    });
  });

  document.querySelectorAll('.menu').forEach(function (menu) {
    menu.addEventListener('keydown', function (e) {
      var all = items(menu);
      var i = all.indexOf(document.activeElement);
      if (e.key === 'ArrowDown') { e.preventDefault(); all[(i + 1) % all.length].focus(); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); all[(i - 1 + all.length) % all.length].focus(); }
      else if (e.key === 'Home') { e.preventDefault(); all[0].focus(); }
      else if (e.key === 'End') { e.preventDefault(); all[all.length - 1].focus(); }
      else if (e.key === 'Escape') { e.preventDefault(); close(true); }
      else if (e.key === 'Tab') { close(false); }
      else if (e.key === ' ' && document.activeElement.tagName === 'A') { e.preventDefault(); document.activeElement.click(); }
    });
  });

  document.addEventListener('click', function (e) {
    if (openMenu && !openMenu.contains(e.target)) { close(false); }
  });

  // ---- delete confirmation ----
  var dialog = document.getElementById('delete-dialog');
  var pending = null;

  document.querySelectorAll('.delete-form').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (form.dataset.confirmed === 'true' || !dialog || typeof dialog.showModal !== 'function') { return; }
      e.preventDefault();
      close(false);
      pending = form;
      document.getElementById('delete-name').textContent = form.dataset.name;
      dialog.showModal();
      document.getElementById('delete-cancel').focus();
    });
  });

  if (dialog) {
    document.getElementById('delete-cancel').addEventListener('click', function () { dialog.close(); });
    document.getElementById('delete-confirm').addEventListener('click', function () {
      if (pending) { pending.dataset.confirmed = 'true'; pending.requestSubmit ? pending.requestSubmit() : pending.submit(); }
    });
    dialog.addEventListener('close', function () {
      if (pending && pending.dataset.confirmed !== 'true') {
        var button = document.getElementById(pending.closest('.menu').getAttribute('aria-labelledby'));
        pending = null;
        if (button) { button.focus(); }
      }
    });
  }
})();
