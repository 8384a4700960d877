// knowledge administration through the knowledge module's REST API (session cookie + CSRF header)
(function () {
  'use strict';
  var root = document.getElementById('knowledge');
  if (!root) { return; }
  var api = root.getAttribute('data-api');
  var page = 0, size = 20, total = 0, mode = 'list';
  var $ = function (id) { return document.getElementById(id); };
  var tbody = document.querySelector('#k-entries tbody');

  function say(id, text) { var el = $(id); el.textContent = text; el.hidden = !text; }
  function fail(err) { say('k-error', err.message || String(err)); }

  function row(cells, entryId) {
    var tr = document.createElement('tr');
    cells.forEach(function (c) { tr.appendChild(qiying.text('td', c)); });
    var td = document.createElement('td');
    var edit = qiying.text('button', qiying.t('knowledge.edit'), 'plain'); edit.type = 'button';
    edit.addEventListener('click', function () { load(entryId); });
    td.appendChild(edit); tr.appendChild(td);
    tbody.appendChild(tr);
  }

  function list() {
    mode = 'list';
    $('k-extra').textContent = qiying.t('knowledge.updated');
    say('k-decision', '');
    qiying.fetchJson(api + '/entries?page=' + page + '&size=' + size).then(function (p) {
      total = p.total;
      tbody.textContent = '';
      p.items.forEach(function (e) {
        row([e.id, e.question, e.category || '', e.department || '', (e.updatedAt || '').substring(0, 10) + (e.live === false ? qiying.t('knowledge.not-live') : '')], e.id);
      });
      $('k-page').textContent = qiying.t('knowledge.page', page + 1, Math.max(1, Math.ceil(total / size)), total);
    }).catch(fail);
  }

  var decisions = { answer: qiying.t('knowledge.answer'), suggest: qiying.t('knowledge.suggest'), none: qiying.t('knowledge.none') };
  function search(q) {
    mode = 'search';
    $('k-extra').textContent = qiying.t('knowledge.score');
    qiying.fetchJson(api + '/search?q=' + encodeURIComponent(q)).then(function (r) {
      say('k-decision', qiying.t('knowledge.decision', decisions[r.decision] || r.decision));
      $('k-decision').hidden = false;
      tbody.textContent = '';
      r.results.forEach(function (h) { row([h.id, h.question, h.category || '', h.department || '', h.score.toFixed(3)], h.id); });
      $('k-page').textContent = qiying.t('knowledge.results', r.results.length);
    }).catch(fail);
  }

  function lines(text) { return text.split('\n').map(function (s) { return s.trim(); }).filter(Boolean); }
  function load(id) {
    qiying.fetchJson(api + '/entries/' + encodeURIComponent(id)).then(function (e) {
      $('k-form-title').textContent = qiying.t('knowledge.editing', e.id);
      $('k-id').value = e.id; $('k-id').readOnly = true;
      $('k-question').value = e.question || '';
      $('k-similar').value = (e.similarQuestions || []).join('\n');
      $('k-answer').value = e.answer || '';
      $('k-category').value = e.category || '';
      $('k-department').value = e.department || '';
      $('k-tags').value = (e.tags || []).join('|');
      $('k-source').value = e.sourceUrl || '';
      $('k-from').value = e.validFrom || '';
      $('k-to').value = e.validTo || '';
      window.scrollTo(0, 0);
    }).catch(fail);
  }
  function reset() {
    $('k-form').reset(); $('k-id').readOnly = false; $('k-form-title').textContent = qiying.t('knowledge.new');
  }

  $('k-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var id = $('k-id').value.trim();
    var body = {
      id: id || null, question: $('k-question').value, similarQuestions: lines($('k-similar').value), answer: $('k-answer').value,
      category: $('k-category').value || null, department: $('k-department').value || null,
      tags: $('k-tags').value.split('|').map(function (s) { return s.trim(); }).filter(Boolean),
      sourceUrl: $('k-source').value || null, validFrom: $('k-from').value || null, validTo: $('k-to').value || null
    };
    var editing = $('k-id').readOnly;
    qiying.fetchJson(editing ? api + '/entries/' + encodeURIComponent(id) : api + '/entries', {
      method: editing ? 'PUT' : 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (saved) {
      say('k-error', '');
      say('k-notice', qiying.t('knowledge.saved', saved.id));
      reset();
      if (mode === 'list') { list(); }
    }).catch(fail);
  });
  $('k-new').addEventListener('click', reset);
  $('k-search-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var q = $('k-q').value.trim();
    if (q) { search(q); } else { list(); }
  });
  $('k-all').addEventListener('click', function () { $('k-q').value = ''; page = 0; list(); });
  $('k-prev').addEventListener('click', function () { if (page > 0) { page--; list(); } });
  $('k-next').addEventListener('click', function () { if ((page + 1) * size < total) { page++; list(); } });

  var states = { running: qiying.t('knowledge.running'), completed: qiying.t('knowledge.completed'), failed: qiying.t('knowledge.failed') };
  function progress(report) {
    var bar = $('k-bar'); bar.hidden = false;
    var done = report.total ? Math.round(100 * report.embedded / report.total) : (report.state === 'running' ? 0 : 100);
    bar.firstElementChild.style.width = done + '%';
    $('k-progress').textContent = qiying.t('knowledge.progress', states[report.state] || report.state, report.total, report.embedded,
      report.imported) + (report.rejected && report.rejected.length ? qiying.t('knowledge.rejected', report.rejected.length) : '');
    var ul = $('k-rejected'); ul.textContent = '';
    (report.rejected || []).slice(0, 50).forEach(function (p) {
      ul.appendChild(qiying.text('li', qiying.t(p.id ? 'knowledge.line-id' : 'knowledge.line', p.line, (p.reasons || []).join(qiying.t('separator')), p.id)));
    });
    if (report.state === 'running') {
      setTimeout(function () { qiying.fetchJson(api + '/imports/' + encodeURIComponent(report.importId)).then(progress).catch(fail); }, 700);
    } else {
      $('k-import').disabled = false;
      list();
    }
  }
  $('k-import-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var file = $('k-file').files[0];
    if (!file) { return; }
    var data = new FormData(); data.append('file', file);
    $('k-import').disabled = true;
    qiying.fetchJson(api + '/import?async=true', { method: 'POST', body: data }).then(progress).catch(function (e) {
      $('k-import').disabled = false; fail(e);
    });
  });

  list();
})();
