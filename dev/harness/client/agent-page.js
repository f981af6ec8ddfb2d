// The local agent page (dev/harness/actions.ts): runs an action through POST /_local/action as the chosen
// user and shows the answer as text (textContent: never parsed as HTML).
(function () {
  'use strict';
  var userSelect = document.getElementById('user');
  function valueOf(el) {
    var raw = el.value.trim();
    if (raw === '') return undefined;
    var type = el.getAttribute('data-type');
    if (type === 'integer' || type === 'number') return Number(raw);
    if (type === 'boolean') return raw === 'true';
    return raw;
  }
  document.querySelectorAll('form.action').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var out = form.querySelector('pre.answer');
      var inputs = {};
      form.querySelectorAll('[data-type]').forEach(function (el) {
        var v = valueOf(el);
        if (v !== undefined) inputs[el.getAttribute('name')] = v;
      });
      var confirm = form.querySelector('[name=__confirmed]');
      out.textContent = 'Running…';
      fetch('/_local/action', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          actionKey: form.getAttribute('data-action'),
          inputs: inputs,
          accountId: userSelect.value,
          confirmed: confirm ? confirm.checked : undefined,
        }),
      })
        .then(function (response) {
          return response.json().then(function (body) {
            out.textContent =
              (response.status === 200 ? '' : 'HTTP ' + response.status + '\n') +
              (typeof body === 'string' ? body : JSON.stringify(body, null, 2));
          });
        })
        .catch(function (error) {
          out.textContent = 'Failed: ' + error;
        });
    });
  });
})();
