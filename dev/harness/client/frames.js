/**
 * In a page that frames embedded Jira shells (the demo dashboard, the issue view): each framed shell reports
 * its content's height (shell.js, `kind: 'size'` on the `vr-shell` channel) and the frame that holds it takes
 * that height, as Jira sizes a gadget or an issue panel to its content.
 */
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var m = event.data;
    if (!m || m.channel !== 'vr-shell' || m.kind !== 'size' || typeof m.height !== 'number') return;
    var frames = document.querySelectorAll('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        var height = Math.max(40, Math.ceil(m.height));
        frames[i].style.height = height + 'px';
        frames[i].setAttribute('data-content-height', String(height));
      }
    }
  });
})();
