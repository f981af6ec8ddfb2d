/**
 * The "Jira shell" around a Custom UI iframe: answers the bridge calls @forge/bridge makes (through
 * iframe-bridge.js) the way Jira does. Supported: invoke, getContext, enableTheming, submit, close,
 * refresh, changeWindowTitle, getUrl, navigate, reload, fetchProduct, and `on` (events.on). Any other type
 * rejects with a clear error naming it. On an issue module, `JIRA_ISSUE_CHANGED` is sent to the app when
 * the issue's `updated` time changes on the site (checked every ISSUE_POLL_MS while the app listens).
 * Embedded (`embed=1`), it sizes the app's frame to the app's content and reports that to the page around it.
 */
(function () {
  'use strict';
  var CHANNEL = 'vr-bridge';
  var config = JSON.parse(document.getElementById('vr-shell-config').textContent);
  var frame = document.getElementById('vr-frame');
  var themeSelect = document.getElementById('vr-theme');
  var userSelect = document.getElementById('vr-user');
  var theme = config.theme;
  var themingEnabled = false;

  function themeState() {
    return {
      colorMode: theme,
      dark: 'dark',
      light: 'light',
      spacing: 'spacing',
      typography: 'typography',
      shape: 'shape',
    };
  }

  function post(message) {
    if (frame.contentWindow)
      frame.contentWindow.postMessage(Object.assign({ channel: CHANNEL }, message), '*');
  }

  function request(method, url, body) {
    return fetch(url, {
      method: method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = text ? JSON.parse(text) : null;
        if (!response.ok) throw new Error((data && data.message) || 'HTTP ' + response.status);
        return data;
      });
    });
  }

  function keep(url) {
    url.searchParams.set('as', config.accountId);
    url.searchParams.set('theme', theme);
    return url;
  }

  /** The shell URL a router location points to (Forge NavigationTarget). */
  function urlFor(loc) {
    var origin = window.location.origin;
    switch (loc && loc.target) {
      case 'issue':
        return keep(new URL('/browse/' + encodeURIComponent(loc.issueKey), origin)).toString();
      case 'module': {
        var u = keep(new URL('/module/' + encodeURIComponent(loc.moduleKey), origin));
        var ext = config.context.extension || {};
        var projectKey = loc.projectKey || (ext.project && ext.project.key);
        if (projectKey) u.searchParams.set('project', projectKey);
        return u.toString();
      }
      case 'projectSettingsDetails':
        return config.links.projectPage
          ? keep(
              new URL(
                '/module/' +
                  encodeURIComponent(config.links.projectPage) +
                  '?project=' +
                  encodeURIComponent(loc.projectKey),
                origin,
              ),
            ).toString()
          : new URL('/', origin).toString();
      case 'dashboard':
      case 'userProfile':
        return new URL('/', origin).toString();
      default:
        throw new Error(
          'Navigation target "' + (loc && loc.target) + '" is not emulated by the local Jira shell',
        );
    }
  }

  var ISSUE_POLL_MS = 1000;
  var watchingIssue = false;

  /** Sends JIRA_ISSUE_CHANGED whenever the issue of this module is edited on the site (as this user sees it). */
  function watchIssue() {
    var issue = (config.context.extension || {}).issue;
    if (!issue || !issue.key || watchingIssue) return;
    watchingIssue = true;
    var last;
    function poll() {
      fetch('/rest/api/3/issue/' + encodeURIComponent(issue.key) + '?fields=updated,project', {
        headers: { 'X-Local-User': config.accountId },
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(
          function (data) {
            var updated = data && data.fields && data.fields.updated;
            if (updated && last !== undefined && updated !== last)
              post({
                kind: 'event',
                event: 'JIRA_ISSUE_CHANGED',
                payload: {
                  issueId: data.id,
                  projectId: data.fields.project && data.fields.project.id,
                  changes: [{ changeType: 'updated' }],
                },
              });
            if (updated) last = updated;
          },
          function () {
            return undefined;
          },
        )
        .then(function () {
          setTimeout(poll, ISSUE_POLL_MS);
        });
    }
    poll();
  }

  var handlers = {
    on: function (p) {
      if (p && p.event === 'JIRA_ISSUE_CHANGED') watchIssue();
      return true;
    },
    getContext: function () {
      return Object.assign({}, config.context, { theme: themeState() });
    },
    enableTheming: function () {
      themingEnabled = true;
      return themeState();
    },
    invoke: function (p) {
      return request('POST', '/_local/invoke', {
        functionKey: p.functionKey,
        payload: p.payload,
        accountId: config.accountId,
        context: {
          moduleKey: config.moduleKey,
          localId: config.context.localId,
          extension: config.context.extension,
        },
      }).then(function (result) {
        return p.metadata ? { body: result, metadata: {} } : result;
      });
    },
    submit: function (payload) {
      if (!config.gadgetLocalId || !config.isEditView) return false;
      return request(
        'PUT',
        '/_local/gadget-config/' + encodeURIComponent(config.gadgetLocalId),
        payload === undefined ? {} : payload,
      ).then(function () {
        setTimeout(function () {
          var u = new URL(window.location.href);
          u.searchParams.delete('edit');
          window.location.assign(u.toString());
        }, 0);
        return true;
      });
    },
    close: function () {
      return false;
    },
    refresh: function () {
      setTimeout(function () {
        frame.src = frame.getAttribute('src');
      }, 0);
      return true;
    },
    changeWindowTitle: function (title) {
      document.title = String(title);
      return undefined;
    },
    getUrl: function (loc) {
      return urlFor(loc);
    },
    navigate: function (loc) {
      var target = new URL(loc.url ? loc.url : urlFor(loc), window.location.href);
      if (target.origin !== window.location.origin || loc.type === 'new-tab')
        window.open(target.toString(), '_blank', 'noopener');
      else window.location.assign(target.toString());
      return undefined;
    },
    reload: function () {
      window.location.reload();
      return undefined;
    },
    fetchProduct: function (p) {
      return request('POST', '/_local/product-fetch', Object.assign({}, p, { accountId: config.accountId }));
    },
  };

  /**
   * The app reports its content's height (iframe-bridge.js). Framed in another page (the dashboard, the issue
   * view), the shell sizes the app's frame to it and tells the page around it, which sizes the shell's frame
   * (frames.js): gadgets and issue modules grow and shrink with their content, as in Jira.
   */
  function resizeTo(height) {
    if (!config.embedded || typeof height !== 'number' || !isFinite(height)) return;
    frame.style.height = Math.max(0, Math.ceil(height)) + 'px';
    if (window.parent !== window)
      window.parent.postMessage({ channel: 'vr-shell', kind: 'size', height: Math.ceil(height) }, '*');
  }

  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow) return;
    var m = event.data;
    if (m && m.channel === CHANNEL && m.kind === 'size') return resizeTo(m.height);
    if (!m || m.channel !== CHANNEL || m.kind !== 'call') return;
    Promise.resolve()
      .then(function () {
        var handler = handlers[m.type];
        if (!handler)
          throw new Error('Bridge call "' + m.type + '" is not supported by the local Jira shell');
        return handler(m.payload);
      })
      .then(
        function (result) {
          post({ kind: 'response', id: m.id, ok: true, result: result });
        },
        function (error) {
          post({
            kind: 'response',
            id: m.id,
            ok: false,
            error: { message: String((error && error.message) || error) },
          });
        },
      );
  });

  themeSelect.addEventListener('change', function () {
    theme = themeSelect.value === 'dark' ? 'dark' : 'light';
    document.documentElement.setAttribute('data-shell-theme', theme);
    var u = new URL(window.location.href);
    u.searchParams.set('theme', theme);
    window.history.replaceState(null, '', u.toString());
    if (themingEnabled) post({ kind: 'theme', theme: themeState() });
  });

  userSelect.addEventListener('change', function () {
    var u = new URL(window.location.href);
    u.searchParams.set('as', userSelect.value);
    window.location.assign(u.toString());
  });
})();
