// the takeover view: the transcript follows the conversation live (SSE), replies go out through the channel
(function () {
  'use strict';
  var chat = document.getElementById('chat');
  if (!chat) { return; }
  var userKey = chat.getAttribute('data-user');
  var status = document.getElementById('reply-status');

  function show(m) {
    var div = document.createElement('div');
    div.className = 'msg ' + m.direction;
    div.appendChild(qiying.text('span', m.who + ' ' + m.at, 'meta'));
    div.appendChild(qiying.text('span', m.text, 'body'));
    chat.appendChild(div);
    chat.scrollTop = chat.scrollHeight;
  }
  chat.scrollTop = chat.scrollHeight;

  var source = new EventSource(chat.getAttribute('data-events') + '?u=' + encodeURIComponent(userKey) + '&after=' + encodeURIComponent(chat.getAttribute('data-last')));
  source.addEventListener('entry', function (e) { show(JSON.parse(e.data)); });
  source.addEventListener('released', function () {
    source.close();
    status.textContent = qiying.t('conversation.lost');
    document.getElementById('reply-send').disabled = true;
  });
  chat.setAttribute('data-live', 'connecting');
  source.onopen = function () { chat.setAttribute('data-live', 'open'); };

  var form = document.getElementById('reply-form');
  var text = document.getElementById('reply-text');
  var send = document.getElementById('reply-send');
  text.addEventListener('keydown', function (e) { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { form.requestSubmit(); } });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var value = text.value.trim();
    if (!value) { return; }
    send.disabled = true;
    status.textContent = qiying.t('conversation.sending');
    status.className = 'muted';
    qiying.fetchJson(chat.getAttribute('data-reply'), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userKey: userKey, text: value })
    }).then(function (r) {
      if (r.outcome === 'sent') {
        text.value = '';
        status.textContent = qiying.t('conversation.sent');
      } else {
        status.textContent = qiying.t(r.outcome === 'retry' ? 'conversation.retry' : 'conversation.refused', r.reason || '');
        status.className = 'overdue';
      }
    }).catch(function (err) {
      status.textContent = qiying.t('conversation.failed', err.message);
      status.className = 'overdue';
    }).then(function () { send.disabled = false; });
  });
})();
