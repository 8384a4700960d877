// Qiying staff console: countdowns, previews, and fetch() with the session's CSRF token. User text only ever goes through textContent.
(function () {
  'use strict';

  // the words come from the console bundle (meta console-messages); {0}, {1} are filled in
  var messages = (function () {
    var meta = document.querySelector('meta[name="console-messages"]');
    try { return meta ? JSON.parse(meta.content) : {}; } catch (e) { return {}; }
  })();
  function t(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    var text = messages[key] === undefined ? key : messages[key];
    return text.replace(/\{(\d+)\}/g, function (m, i) { return args[i] === undefined ? m : args[i]; });
  }

  function csrfHeaders(extra) {
    var h = extra || {};
    var name = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (name && token) { h[name.content] = token.content; }
    return h;
  }

  function remaining(due, now) {
    var ms = due - now, over = ms < 0;
    ms = Math.abs(ms);
    var d = Math.floor(ms / 86400000), h = Math.floor(ms % 86400000 / 3600000), m = Math.floor(ms % 3600000 / 60000);
    var amount = d > 0 ? t('duration.days', d, h) : (h > 0 ? t('duration.hours', h, m) : t('duration.minutes', m));
    return { text: t(over ? 'countdown.over' : 'countdown.left', amount), over: over };
  }

  // the server's clock decides what is overdue; remember how far this computer's clock is from it
  var serverNow = document.querySelector('meta[name="server-now"]');
  var skew = serverNow && Number(serverNow.content) ? Number(serverNow.content) - Date.now() : 0;

  function tick() {
    var now = Date.now() + skew;
    document.querySelectorAll('.countdown[data-deadline]').forEach(function (el) {
      var due = Number(el.getAttribute('data-deadline'));
      if (!due) { return; }
      var r = remaining(due, now);
      el.textContent = r.text;
      el.classList.toggle('overdue', r.over);
    });
  }

  // the assign form's preview follows the chosen department
  function previews() {
    var select = document.getElementById('assign-department');
    var preview = document.getElementById('preview-assign');
    if (!select || !preview || !preview.getAttribute('data-template')) { return; }
    var update = function () {
      var option = select.options[select.selectedIndex];
      var name = option && option.value ? option.textContent : t('not-chosen');
      preview.querySelector('.text').textContent = preview.getAttribute('data-template').replace('__DEPT__', name);
    };
    select.addEventListener('change', update);
    update();
  }

  window.qiying = {
    t: t,
    csrfHeaders: csrfHeaders,
    // JSON from the server or a Chinese message; a lost session goes back to the login page
    fetchJson: function (url, options) {
      var o = options || {};
      o.credentials = 'same-origin';
      o.headers = csrfHeaders(Object.assign({ 'Accept': 'application/json' }, o.headers || {}));
      return fetch(url, o).then(function (res) {
        if (res.redirected && res.url.indexOf('/login') >= 0) { window.location = res.url; throw new Error(t('session-expired')); }
        var type = res.headers.get('Content-Type') || '';
        var body = type.indexOf('json') >= 0 ? res.json() : res.text();
        return body.then(function (data) {
          if (!res.ok) {
            var detail = data && data.detail ? data.detail : (data && data.message ? data.message : ('HTTP ' + res.status));
            if (data && data.errors) { detail = t('with-details', detail, JSON.stringify(data.errors)); }
            throw new Error(detail);
          }
          return data;
        });
      });
    },
    text: function (tag, text, cls) {
      var el = document.createElement(tag);
      el.textContent = text == null ? '' : String(text);
      if (cls) { el.className = cls; }
      return el;
    }
  };

  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 30000);
    previews();
  });
})();
