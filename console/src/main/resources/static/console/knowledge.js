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
    var edit = qiying.text('button', '编辑', 'plain'); edit.type = 'button';
    edit.addEventListener('click', function () { load(entryId); });
    td.appendChild(edit); tr.appendChild(td);
    tbody.appendChild(tr);
  }

  function list() {
    mode = 'list';
    $('k-extra').textContent = '更新';
    say('k-decision', '');
    qiying.fetchJson(api + '/entries?page=' + page + '&size=' + size).then(function (p) {
      total = p.total;
      tbody.textContent = '';
      p.items.forEach(function (e) {
        row([e.id, e.question, e.category || '', e.department || '', (e.updatedAt || '').substring(0, 10) + (e.live === false ? ' 未生效' : '')], e.id);
      });
      $('k-page').textContent = '第 ' + (page + 1) + ' / ' + Math.max(1, Math.ceil(total / size)) + ' 页，共 ' + total + ' 条';
    }).catch(fail);
  }

  var decisions = { answer: '直接回答', suggest: '给出候选问题', none: '无法回答（转人工或登记诉求）' };
  function search(q) {
    mode = 'search';
    $('k-extra').textContent = '得分';
    qiying.fetchJson(api + '/search?q=' + encodeURIComponent(q)).then(function (r) {
      say('k-decision', '智能客服的决定：' + (decisions[r.decision] || r.decision));
      $('k-decision').hidden = false;
      tbody.textContent = '';
      r.results.forEach(function (h) { row([h.id, h.question, h.category || '', h.department || '', h.score.toFixed(3)], h.id); });
      $('k-page').textContent = '检索结果 ' + r.results.length + ' 条';
    }).catch(fail);
  }

  function lines(text) { return text.split('\n').map(function (s) { return s.trim(); }).filter(Boolean); }
  function load(id) {
    qiying.fetchJson(api + '/entries/' + encodeURIComponent(id)).then(function (e) {
      $('k-form-title').textContent = '编辑条目 ' + e.id;
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
    $('k-form').reset(); $('k-id').readOnly = false; $('k-form-title').textContent = '新增条目';
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
      say('k-notice', '已保存条目 ' + saved.id);
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

  var states = { running: '导入中', completed: '已完成', failed: '失败' };
  function progress(report) {
    var bar = $('k-bar'); bar.hidden = false;
    var done = report.total ? Math.round(100 * report.embedded / report.total) : (report.state === 'running' ? 0 : 100);
    bar.firstElementChild.style.width = done + '%';
    $('k-progress').textContent = (states[report.state] || report.state) + '：共 ' + report.total + ' 条，已向量化 ' + report.embedded +
      ' 条，已导入 ' + report.imported + ' 条' + (report.rejected && report.rejected.length ? '，' + report.rejected.length + ' 行未导入' : '');
    var ul = $('k-rejected'); ul.textContent = '';
    (report.rejected || []).slice(0, 50).forEach(function (p) {
      ul.appendChild(qiying.text('li', '第 ' + p.line + ' 行' + (p.id ? '（' + p.id + '）' : '') + '：' + (p.reasons || []).join('；')));
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
