// the conversation board refreshes itself; every user-supplied string goes through textContent
(function () {
  'use strict';
  var board = document.getElementById('board');
  if (!board) { return; }
  var token = document.querySelector('meta[name="csrf-token"]');

  function claimForm(userKey, plain) {
    var form = document.createElement('form');
    form.method = 'post';
    form.action = board.getAttribute('data-claim');
    var u = document.createElement('input'); u.type = 'hidden'; u.name = 'u'; u.value = userKey; form.appendChild(u);
    var t = document.createElement('input'); t.type = 'hidden'; t.name = '_csrf'; t.value = token ? token.content : ''; form.appendChild(t);
    var b = qiying.text('button', qiying.t('conversations.claim'), plain ? 'plain claim' : 'claim'); b.type = 'submit'; form.appendChild(b);
    return form;
  }

  function fill(tbody, rows, empty, columns, action) {
    tbody.textContent = '';
    if (!rows.length) {
      var tr = document.createElement('tr'); var td = qiying.text('td', empty, 'muted'); td.colSpan = columns.length + 1;
      tr.appendChild(td); tbody.appendChild(tr); return;
    }
    rows.forEach(function (r) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-user', r.userKey);
      columns.forEach(function (c) { tr.appendChild(qiying.text('td', r[c])); });
      var last = document.createElement('td'); action(r, last); tr.appendChild(last);
      tbody.appendChild(tr);
    });
  }

  function refresh() {
    qiying.fetchJson(board.getAttribute('data-board')).then(function (data) {
      document.getElementById('waiting-count').textContent = data.waiting.length;
      fill(document.querySelector('#waiting tbody'), data.waiting, qiying.t('conversations.none-waiting'), ['user', 'since', 'waited'],
        function (r, td) { td.appendChild(claimForm(r.userKey, false)); });
      fill(document.querySelector('#live tbody'), data.live, qiying.t('conversations.none'), ['user', 'lastAt', 'mode', 'agent'], function (r, td) {
        if (r.mine) {
          var a = qiying.text('a', qiying.t('conversations.enter')); a.href = board.getAttribute('data-view') + '?u=' + encodeURIComponent(r.userKey); td.appendChild(a);
        } else if (!r.agent) { td.appendChild(claimForm(r.userKey, true)); }
      });
    }).catch(function () { /* the next refresh tries again */ });
  }
  setInterval(refresh, 3000);
})();
