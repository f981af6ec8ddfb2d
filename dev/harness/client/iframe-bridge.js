/**
 * Runs inside the Custom UI iframe before the app (the harness injects it into the entry HTML), as
 * Forge's iframe runtime does: `globalThis.__bridge.callBridge(type, payload)` is what @forge/bridge
 * calls. Every call goes to the Jira shell (the parent window) by postMessage and resolves with its answer.
 * `enableTheming` applies Forge's theme attributes (`data-color-mode`, `data-theme`) to this <html>
 * and keeps them in step when the shell's theme changes. The content's height is reported to the shell,
 * which sizes the frame to it (as Jira does).
 */
(function () {
  'use strict';
  var CHANNEL = 'vr-bridge';
  var seq = 0;
  var pending = {};
  var themed = false;
  /** events.on callbacks by event name: functions cannot cross postMessage, so they stay here. */
  var listeners = {};

  function applyTheme(theme) {
    var html = document.documentElement;
    html.setAttribute('data-color-mode', theme.colorMode);
    html.setAttribute(
      'data-theme',
      [
        'dark:' + theme.dark,
        'light:' + theme.light,
        'spacing:' + theme.spacing,
        'typography:' + theme.typography,
        'shape:' + theme.shape,
      ].join(' '),
    );
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent) return;
    var m = event.data;
    if (!m || m.channel !== CHANNEL) return;
    if (m.kind === 'response') {
      var p = pending[m.id];
      if (!p) return;
      delete pending[m.id];
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(m.error && m.error.message ? m.error.message : 'Bridge call failed'));
    } else if (m.kind === 'theme' && themed) {
      applyTheme(m.theme);
    } else if (m.kind === 'event') {
      (listeners[m.event] || []).slice().forEach(function (callback) {
        callback(m.payload);
      });
    }
  });

  /** `events.on`: keeps the callback, tells the shell which event to send; answers `{ unsubscribe }`. */
  function on(payload) {
    var event = payload.event;
    var callback = payload.callback;
    (listeners[event] = listeners[event] || []).push(callback);
    return send('on', { event: event }).then(function () {
      return {
        unsubscribe: function () {
          listeners[event] = (listeners[event] || []).filter(function (c) {
            return c !== callback;
          });
        },
      };
    });
  }

  function callBridge(type, payload) {
    return type === 'on' ? on(payload) : send(type, payload);
  }

  function send(type, payload) {
    return new Promise(function (resolve, reject) {
      var id = ++seq;
      pending[id] = { resolve: resolve, reject: reject };
      try {
        window.parent.postMessage(
          { channel: CHANNEL, kind: 'call', id: id, type: type, payload: payload },
          '*',
        );
      } catch (error) {
        delete pending[id];
        reject(error);
      }
    }).then(function (result) {
      if (type === 'enableTheming') {
        themed = true;
        applyTheme(result);
        return undefined;
      }
      return result;
    });
  }

  globalThis.__bridge = { callBridge: callBridge };

  /**
   * Jira sizes a Custom UI frame to its content (iframe-resizer in the host page); here the frame reports the
   * height of its content (the root element's box, never the viewport, so a taller frame cannot feed back)
   * whenever it changes, and the shell sizes the frame.
   */
  var lastHeight = -1;
  function reportSize() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    window.parent.postMessage({ channel: CHANNEL, kind: 'size', height: height }, '*');
  }
  function watchSize() {
    if (typeof window.ResizeObserver === 'function') {
      var observer = new window.ResizeObserver(reportSize);
      observer.observe(document.documentElement);
      if (document.body) observer.observe(document.body);
    }
    reportSize();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchSize);
  else watchSize();
})();
