// The demo's WeChat simulator: messages go, signed, to the real callback; its words come from the channels bundle.
(function () {
  var csrf = document.querySelector('meta[name=_csrf]').content;
  var csrfHeader = document.querySelector('meta[name=_csrf_header]').content;
  var base = document.querySelector('meta[name=simulator]').content;
  var openId = localStorage.getItem('qiying.sim.openId');
  if (!openId) {
    openId = 'sim-' + Math.random().toString(36).slice(2, 12);
    localStorage.setItem('qiying.sim.openId', openId);
  }
  var chat = document.getElementById('chat');
  var words = JSON.parse(document.querySelector('meta[name=simulator-words]').content);

  // replies are text with WeChat's <a href> links: build nodes, never innerHTML
  function show(text, who) {
    var bubble = document.createElement('div');
    bubble.className = 'msg ' + who;
    var link = /<a href="([^"]*)">([^<]*)<\/a>/g, last = 0, m;
    while ((m = link.exec(text)) !== null) {
      bubble.appendChild(document.createTextNode(text.slice(last, m.index)));
      var a = document.createElement('a');
      var href = m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      if (/^https?:\/\//.test(href)) { a.href = href; a.target = '_blank'; }
      a.textContent = m[2];
      bubble.appendChild(a);
      last = link.lastIndex;
    }
    bubble.appendChild(document.createTextNode(text.slice(last)));
    chat.appendChild(bubble);
    chat.scrollTop = chat.scrollHeight;
  }

  function post(body) {
    body.openId = openId;
    var headers = {'Content-Type': 'application/json'};
    if (csrfHeader) { headers[csrfHeader] = csrf; }
    return fetch(base + '/api/messages', {method: 'POST', headers: headers, body: JSON.stringify(body)})
      .then(function (r) { return r.json(); })
      .then(function (shown) { (shown.replies || []).forEach(function (t) { show(t, 'bot'); }); })
      .catch(function () { show(words['send-failed'], 'bot'); });
  }

  document.getElementById('composer').addEventListener('submit', function (e) {
    e.preventDefault();
    var input = document.getElementById('text');
    var text = input.value.trim();
    if (!text) { return; }
    show(text, 'me');
    input.value = '';
    post({text: text});
  });
  document.getElementById('follow').addEventListener('click', function () {
    show(words.followed, 'me');
    post({event: 'subscribe'});
  });
  var scan = document.getElementById('scan');
  if (scan) {
    scan.addEventListener('click', function () {
      var code = document.getElementById('card').value;
      show(words.scanned.replace('{0}', code), 'me');
      post({event: 'SCAN', eventKey: 'card:' + code});
    });
  }
  setInterval(function () {
    fetch(base + '/api/outbox?openId=' + encodeURIComponent(openId))
      .then(function (r) { return r.json(); })
      .then(function (box) { (box.messages || []).forEach(function (t) { show(t, 'bot'); }); })
      .catch(function () {});
  }, 2000);
})();
