/**
 * The issue view's description editor: turns the textarea's text into ADF (`# heading`, `- item`, `1. item`,
 * `[ ] task` / `[x] task`, blank line between paragraphs, a single line break inside a paragraph) and saves it
 * with `PUT /rest/api/3/issue/<key>` as the chosen user (X-Local-User), as Jira's editor would.
 */
(function () {
  'use strict';
  var main = document.querySelector('main.vr-issue');
  var user = document.getElementById('vr-user');
  if (user)
    user.addEventListener('change', function () {
      var u = new URL(window.location.href);
      u.searchParams.set('as', user.value);
      window.location.assign(u.toString());
    });
  if (!main) return;
  var key = main.getAttribute('data-issue');
  var as = main.getAttribute('data-as');
  var form = document.getElementById('vr-description-form');
  var text = document.getElementById('vr-description');
  var status = document.getElementById('vr-save-status');

  function textNodes(line) {
    var out = [];
    line.split('\n').forEach(function (part, i) {
      if (i > 0) out.push({ type: 'hardBreak' });
      if (part) out.push({ type: 'text', text: part });
    });
    return out;
  }
  function paragraph(line) {
    var content = textNodes(line);
    return content.length ? { type: 'paragraph', content: content } : { type: 'paragraph' };
  }

  var LIST = [
    { re: /^\s*[-*]\s+(.*)$/, type: 'bulletList' },
    { re: /^\s*\d+[.)]\s+(.*)$/, type: 'orderedList' },
    { re: /^\s*\[( |x|X)\]\s+(.*)$/, type: 'taskList' },
  ];
  var taskId = 0;

  function toAdf(source) {
    var blocks = [];
    var para = [];
    var list = null;
    function flushPara() {
      if (para.length) blocks.push(paragraph(para.join('\n')));
      para = [];
    }
    function flushList() {
      if (list) blocks.push(list);
      list = null;
    }
    source
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .forEach(function (line) {
        if (!line.trim()) {
          flushPara();
          flushList();
          return;
        }
        var heading = /^(#{1,6})\s+(.*)$/.exec(line);
        if (heading) {
          flushPara();
          flushList();
          blocks.push({
            type: 'heading',
            attrs: { level: heading[1].length },
            content: textNodes(heading[2]),
          });
          return;
        }
        for (var i = 0; i < LIST.length; i++) {
          var m = LIST[i].re.exec(line);
          if (!m) continue;
          flushPara();
          if (!list || list.type !== LIST[i].type) {
            flushList();
            list = { type: LIST[i].type, content: [] };
            if (list.type === 'taskList') list.attrs = { localId: 'vr-list-' + ++taskId };
            if (list.type === 'orderedList') list.attrs = { order: 1 };
          }
          if (list.type === 'taskList')
            list.content.push({
              type: 'taskItem',
              attrs: { localId: 'vr-task-' + ++taskId, state: m[1] === ' ' ? 'TODO' : 'DONE' },
              content: textNodes(m[2]),
            });
          else list.content.push({ type: 'listItem', content: [paragraph(m[1])] });
          return;
        }
        flushList();
        para.push(line);
      });
    flushPara();
    flushList();
    return { type: 'doc', version: 1, content: blocks };
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    status.textContent = 'Saving…';
    fetch('/rest/api/3/issue/' + encodeURIComponent(key), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'X-Local-User': as },
      body: JSON.stringify({ fields: { description: toAdf(text.value) } }),
    })
      .then(function (response) {
        if (response.ok) return 'Saved.';
        return response.text().then(function (body) {
          var data;
          try {
            data = JSON.parse(body);
          } catch {
            data = null;
          }
          var messages = (data && (data.errorMessages || []).concat(Object.values(data.errors || {}))) || [];
          return (
            'Not saved: Jira answered ' +
            response.status +
            (messages.length ? ': ' + messages.join(' ') : '.')
          );
        });
      })
      .then(
        function (message) {
          status.textContent = message;
        },
        function (error) {
          status.textContent = 'Not saved: ' + String((error && error.message) || error);
        },
      );
  });
})();
