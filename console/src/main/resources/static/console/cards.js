// service cards through the channels module's REST API (session cookie + CSRF header)
(function () {
  'use strict';
  var root = document.getElementById('cards');
  if (!root) { return; }
  var api = root.getAttribute('data-api');
  var $ = function (id) { return document.getElementById(id); };
  function fail(err) { var el = $('c-error'); el.textContent = err.message || String(err); el.hidden = false; }
  function link(text, href) { var a = qiying.text('a', text); a.href = href; a.target = '_blank'; a.rel = 'noopener'; return a; }

  function list() {
    qiying.fetchJson(api).then(function (cards) {
      var tbody = document.querySelector('#c-list tbody');
      tbody.textContent = '';
      if (!cards.length) {
        var tr = document.createElement('tr'); var td = qiying.text('td', qiying.t('cards.none'), 'muted'); td.colSpan = 6; tr.appendChild(td); tbody.appendChild(tr);
      }
      cards.forEach(function (c) {
        var tr = document.createElement('tr');
        tr.setAttribute('data-code', c.code);
        [c.code, c.title, c.department || '', c.district || '', c.place || ''].forEach(function (v) { tr.appendChild(qiying.text('td', v)); });
        var td = document.createElement('td');
        td.appendChild(link(qiying.t('cards.qr'), api + '/' + encodeURIComponent(c.code) + '/qr.png'));
        td.appendChild(document.createTextNode(' · '));
        td.appendChild(link(qiying.t('cards.pdf'), api + '/' + encodeURIComponent(c.code) + '/card.pdf'));
        if (c.landingUrl) { td.appendChild(document.createTextNode(' · ')); td.appendChild(link(qiying.t('cards.form'), c.landingUrl)); }
        tr.appendChild(td);
        tbody.appendChild(tr);
      });
    }).catch(fail);
  }

  $('c-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var body = { title: $('c-title').value, department: $('c-department').value || null, district: $('c-district').value || null,
      place: $('c-place').value || null };
    qiying.fetchJson(api, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function () { $('c-form').reset(); $('c-error').hidden = true; list(); }).catch(fail);
  });
  list();
})();
