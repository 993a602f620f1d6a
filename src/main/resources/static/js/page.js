// Shared by every page: messages can be dismissed.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var close = event.target.closest('[data-dismiss]');
    if (close) {
      var box = close.closest('.notice, .test-result');
      if (box) { box.remove(); }
    }
  });
})();
