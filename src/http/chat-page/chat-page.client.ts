/**
 * The chat page's browser script, shipped as a string so `tsc` carries it into
 * dist/ with no copy step. Plain ES2017 for old mobile browsers; no template
 * literals (this is itself one). It reads its settings from the JSON block
 * `#chat-boot` and only ever writes text with `textContent`, so nothing a
 * contact, the AI or an agent says can become markup.
 */
export const CHAT_PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var boot = JSON.parse(document.getElementById('chat-boot').textContent);
  var en = boot.lang === 'en';
  var T = en
    ? { connecting: 'Connecting…', online: 'Online', offline: 'Connection lost, reconnecting…', error: 'Something went wrong', audio: 'Voice reply', picture: 'Picture', file: 'File', uploadFailed: 'The picture could not be sent',
        ai: 'AI', agent: 'Agent', system: 'System', agentName: 'Agent', position: 'Your place in the queue: ', wait: 'Expected wait: about ', minutes: ' min', awayBadge: 'Agents away: leave a message',
        rateTitle: 'How was this conversation?', star: function (n) { return 'Rate ' + n + ' out of 5'; }, comment: 'Comment (optional)', submit: 'Send rating', thanks: 'Thank you for your rating!', pickScore: 'Choose a score from 1 to 5' }
    : { connecting: '连接中…', online: '在线', offline: '连接已断开，正在重连…', error: '出错了', audio: '语音回复', picture: '图片', file: '文件', uploadFailed: '图片发送失败',
        ai: '智能助手', agent: '人工客服', system: '系统', agentName: '客服', position: '您在队列中的位置：第 ', wait: '预计等待：约 ', minutes: ' 分钟', awayBadge: '客服不在线，可留言',
        rateTitle: '请为本次服务打分', star: function (n) { return '打 ' + n + ' 分（满分 5 分）'; }, comment: '评价（选填）', submit: '提交评价', thanks: '感谢您的评价！', pickScore: '请选择 1 到 5 分' };
  var EOF = '|=EOF=|';
  var JSON_MARK = '|=JSON=|';

  var list = document.getElementById('messages');
  var form = document.getElementById('composer');
  var input = document.getElementById('input');
  var statusEl = document.getElementById('status');
  var avatarImg = document.getElementById('avatar-img');
  var queueEl = document.getElementById('queue');
  var reconnectEl = document.getElementById('reconnecting');

  // A broken avatar falls back to the initial underneath.
  if (avatarImg) {
    var dropAvatar = function () { avatarImg.parentNode && avatarImg.parentNode.removeChild(avatarImg); };
    avatarImg.addEventListener('error', dropAvatar);
    if (avatarImg.complete && avatarImg.naturalWidth === 0) dropAvatar();
  }

  function newContactId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return 'page-' + Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  // One contact per browser and staff, so a reload or a reconnect continues the same conversation.
  var storageKey = 'cs-chat-contact:' + boot.serialNo;
  var contactId = null;
  try { contactId = localStorage.getItem(storageKey); } catch (e) { contactId = null; }
  if (!contactId || !/^page-[0-9a-f]{32}$/.test(contactId)) {
    contactId = newContactId();
    try { localStorage.setItem(storageKey, contactId); } catch (e) { /* private mode: this tab keeps it */ }
  }

  function atBottom() { return list.scrollHeight - list.scrollTop - list.clientHeight < 80; }
  function scroll(force) { if (force || atBottom()) list.scrollTop = list.scrollHeight; }

  function initialOf(name) { return (Array.from(String(name || '').trim())[0] || '?'); }

  // Who says it, on every message that is not the contact's: an avatar, a name and a small label.
  function senderHead(row, sender) {
    var pic = document.createElement('div');
    pic.className = 'avatar small';
    pic.setAttribute('aria-hidden', 'true');
    pic.textContent = sender.kind === 'system' ? 'i' : initialOf(sender.name);
    if (sender.kind === 'ai' && boot.avatarUrl) {
      var img = document.createElement('img');
      img.alt = '';
      img.src = boot.avatarUrl;
      img.addEventListener('error', function () { img.parentNode && img.parentNode.removeChild(img); });
      pic.appendChild(img);
    }
    var meta = document.createElement('div');
    meta.className = 'meta';
    var who = document.createElement('span');
    who.className = 'sender';
    who.textContent = sender.name;
    var tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = T[sender.kind];
    meta.appendChild(who);
    meta.appendChild(tag);
    row.appendChild(pic);
    return meta;
  }

  var AI = { kind: 'ai', name: boot.name };
  var SYSTEM = { kind: 'system', name: T.system };

  // kind: me | them | error; sender (for them): AI, SYSTEM or { kind: 'agent', name }.
  function bubble(kind, sender) {
    var stick = atBottom();
    var row = document.createElement('div');
    row.className = 'row ' + kind + (sender ? ' ' + sender.kind : '');
    var b = document.createElement('div');
    b.className = 'bubble';
    if (sender) {
      var col = document.createElement('div');
      col.className = 'col';
      col.appendChild(senderHead(row, sender));
      col.appendChild(b);
      row.appendChild(col);
    } else {
      row.appendChild(b);
    }
    list.insertBefore(row, typingRow);
    scroll(stick || kind === 'me');
    return b;
  }
  function rowOf(b) { return b.closest('.row'); }

  var typingRow = document.createElement('div');
  typingRow.className = 'row them typing';
  typingRow.hidden = true;
  typingRow.innerHTML = '<div class="bubble" aria-hidden="true"><i></i><i></i><i></i></div>';
  list.appendChild(typingRow);
  function typing(on) { typingRow.hidden = !on; if (on) scroll(true); }

  // The answer being streamed: frames are appended until |=EOF=|. Answers never interleave.
  var current = null;
  function endAnswer() {
    if (current) rowOf(current).classList.remove('streaming');
    current = null;
  }

  function isWebUrl(u) { return /^https?:\/\/\S+$/i.test(String(u || '')); }

  // A picture as an image, other media as a link; the URL is only ever an attribute, never markup.
  function showMedia(b, msgType, media, caption) {
    if (!media || !isWebUrl(media.url)) return false;
    if (msgType === 'picture') {
      var img = document.createElement('img');
      img.className = 'picture';
      img.alt = caption || T.picture;
      img.src = String(media.url);
      img.addEventListener('load', function () { scroll(false); });
      b.appendChild(img);
    } else {
      var a = document.createElement('a');
      a.href = String(media.url);
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = media.name || T.file;
      b.appendChild(a);
    }
    if (caption) {
      var c = document.createElement('div');
      c.textContent = caption;
      b.appendChild(c);
    }
    return true;
  }

  var away = false;
  // The place in the queue and the expected wait, kept up to date while the contact waits.
  function showQueue(r) {
    if (!r || typeof r.position !== 'number') { queueEl.hidden = true; return; }
    queueEl.hidden = false;
    if (r.notice !== 'queue') away = r.notice === 'offline';
    document.getElementById('queue-position').textContent = T.position + String(r.position) + (en ? '' : ' 位');
    var wait = document.getElementById('queue-wait');
    wait.hidden = typeof r.waitSeconds !== 'number';
    if (!wait.hidden) wait.textContent = T.wait + String(Math.max(1, Math.round(r.waitSeconds / 60))) + T.minutes;
    document.getElementById('queue-away').hidden = !away;
  }

  function showNotice(r) {
    if (r.notice === 'queued' || r.notice === 'offline' || r.notice === 'queue') showQueue(r);
    else queueEl.hidden = true;
    if (r.text) bubble('them', SYSTEM).textContent = String(r.text);
  }

  var rated = false;
  // After a close: five buttons and an optional comment, sent as {"action":"rate"} on the socket.
  function showRating() {
    if (document.getElementById('csat')) return;
    var b = bubble('them', SYSTEM);
    rowOf(b).classList.add('csat-row');
    var f = document.createElement('form');
    f.id = 'csat';
    f.setAttribute('aria-label', T.rateTitle);
    var title = document.createElement('div');
    title.className = 'csat-title';
    title.textContent = T.rateTitle;
    f.appendChild(title);
    var stars = document.createElement('div');
    stars.className = 'stars';
    stars.setAttribute('role', 'group');
    stars.setAttribute('aria-label', T.rateTitle);
    var score = 0;
    for (var n = 1; n <= 5; n++) {
      (function (n) {
        var s = document.createElement('button');
        s.type = 'button';
        s.className = 'star';
        s.textContent = '★';
        s.setAttribute('aria-label', T.star(n));
        s.setAttribute('aria-pressed', 'false');
        s.setAttribute('data-score', String(n));
        s.addEventListener('click', function () {
          score = n;
          Array.prototype.forEach.call(stars.children, function (c, i) { c.setAttribute('aria-pressed', i < n ? 'true' : 'false'); });
        });
        stars.appendChild(s);
      })(n);
    }
    f.appendChild(stars);
    var comment = document.createElement('textarea');
    comment.id = 'csat-comment';
    comment.rows = 2;
    comment.maxLength = 1000;
    comment.placeholder = T.comment;
    comment.setAttribute('aria-label', T.comment);
    f.appendChild(comment);
    var submit = document.createElement('button');
    submit.type = 'submit';
    submit.id = 'csat-submit';
    submit.textContent = T.submit;
    f.appendChild(submit);
    var note = document.createElement('div');
    note.className = 'csat-note';
    note.setAttribute('role', 'status');
    f.appendChild(note);
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      if (!score) { note.textContent = T.pickScore; return; }
      sendJson({ action: 'rate', score: score, comment: comment.value.trim() || undefined });
    });
    b.appendChild(f);
  }

  function ratingDone() {
    rated = true;
    var f = document.getElementById('csat');
    if (!f) return;
    var done = document.createElement('div');
    done.className = 'csat-thanks';
    done.textContent = T.thanks;
    f.parentNode.replaceChild(done, f);
  }

  // Resuming (docs/protocols.md, "Resuming"): the socket is opened with the id of the last message shown, so a
  // reconnect gets only what was missed and a reload (0) the whole conversation, each message as one JSON frame.
  var lastMsgId = 0;
  function showResumed(value) {
    var r = value && value.code === 0 && value.result;
    if (!r || !/^\d+$/.test(String(r.msgId || ''))) return false;
    lastMsgId = Math.max(lastMsgId, Number(r.msgId));
    if (!r.senderType) return true;
    if (r.senderType === 'agent') queueEl.hidden = true;
    var who = r.senderType === 'agent' ? { kind: 'agent', name: r.name || T.agentName } : r.senderType === 'system' ? SYSTEM : AI;
    var b = r.senderType === 'contact' ? bubble('me') : bubble('them', who);
    if (r.msgType === 'text' || !showMedia(b, r.msgType, r.media, r.content)) b.textContent = r.content || '';
    return true;
  }

  function showJson(raw) {
    var value = null;
    try { value = JSON.parse(raw); } catch (e) { value = null; }
    if (showResumed(value)) return;
    var r = value && value.code === 0 && value.result ? value.result : null;
    if (r && r.type === 'notice') return showNotice(r);
    if (r && r.type === 'csat') { rated = false; return showRating(); }
    if (r && r.type === 'rated') return ratingDone();
    var sender = r && r.type === 'agent' ? { kind: 'agent', name: r.name || T.agentName } : AI;
    if (r && r.type === 'agent') queueEl.hidden = true;
    if (r && r.type === 'agent' && typeof r.text === 'string') { bubble('them', sender).textContent = r.text; return; }
    if (r && r.media) {
      var mb = bubble('them', sender);
      if (showMedia(mb, r.msgType, r.media, r.caption)) return;
      rowOf(mb).parentNode.removeChild(rowOf(mb));
    }
    // A rating answer that failed is shown in the rating form.
    var form = document.getElementById('csat');
    if (form && !rated && value && (value.code === 1005 || value.code === 1006 || value.code === 1003)) {
      form.querySelector('.csat-note').textContent = String(value.message || T.error);
      return;
    }
    if (value && value.code === 0 && value.result && /^https?:\/\//i.test(String(value.result.streamUrl || ''))) {
      var b = bubble('them', AI);
      var label = document.createElement('div');
      label.textContent = T.audio;
      var player = document.createElement('audio');
      player.controls = true;
      player.src = String(value.result.streamUrl);
      b.appendChild(label);
      b.appendChild(player);
      return;
    }
    var box = bubble('error');
    var message = value && typeof value.message === 'string' && value.message ? value.message : T.error;
    box.textContent = message;
    if (value && value.code !== undefined) {
      var code = document.createElement('span');
      code.className = 'code';
      code.textContent = ' (' + String(value.code) + ')';
      box.appendChild(code);
    }
  }

  function onFrame(data) {
    if (typeof data !== 'string') return;
    typing(false);
    if (data === EOF) return endAnswer();
    if (data.indexOf(JSON_MARK) === 0) { endAnswer(); return showJson(data.slice(JSON_MARK.length)); }
    if (!current) {
      if (!data.trim()) return;
      current = bubble('them', AI);
      rowOf(current).classList.add('streaming');
      data = data.replace(/^\s+/, '');
    }
    var stick = atBottom();
    current.textContent += data;
    scroll(stick);
  }

  var socket = null;
  var attempts = 0;
  var retryTimer = null;
  var outbox = [];

  var wasOnline = false;
  // The connection as the contact sees it; a lost connection shows the reconnecting banner until it is back.
  function setStatus(state) {
    statusEl.setAttribute('data-state', state);
    statusEl.textContent = T[state];
    if (state === 'online') wasOnline = true;
    reconnectEl.hidden = state === 'online' || !wasOnline;
  }
  // For the reconnect logic: csChatUI.connection('connecting' | 'online' | 'offline').
  window.csChatUI = { connection: setStatus };

  function sendJson(value) {
    var frame = JSON.stringify(value);
    if (socket && socket.readyState === 1) socket.send(frame);
    else outbox.push(frame);
  }

  function connect() {
    clearTimeout(retryTimer);
    retryTimer = null;
    var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    var ws = new WebSocket(scheme + '//' + location.host + boot.wsPath + '?contact_id=' + encodeURIComponent(contactId) + '&after_msg_id=' + lastMsgId);
    socket = ws;
    setStatus('connecting');
    ws.onopen = function () {
      attempts = 0;
      setStatus('online');
      while (outbox.length && ws.readyState === 1) ws.send(outbox.shift());
    };
    ws.onmessage = function (ev) { onFrame(ev.data); };
    ws.onclose = function () {
      if (socket !== ws) return;
      socket = null;
      endAnswer();
      typing(false);
      setStatus('offline');
      // Backs off to 10 s so a server that is down is not hammered.
      retryTimer = setTimeout(connect, Math.min(10000, 500 * Math.pow(2, attempts++)));
    };
  }

  function reconnectNow() {
    if (!socket && retryTimer) connect();
  }
  window.addEventListener('online', reconnectNow);
  document.addEventListener('visibilitychange', function () { if (!document.hidden) reconnectNow(); });

  function send(text) {
    var frame = JSON.stringify({ action: 'chat', type: 'text', content: text });
    if (socket && socket.readyState === 1) socket.send(frame);
    else outbox.push(frame);
  }

  var picture = document.getElementById('picture');
  picture.addEventListener('change', function () {
    var file = picture.files && picture.files[0];
    picture.value = '';
    if (!file) return;
    var mine = bubble('me');
    var preview = document.createElement('img');
    preview.className = 'picture';
    preview.alt = file.name;
    preview.src = URL.createObjectURL(file);
    mine.appendChild(preview);
    var body = new FormData();
    body.append('file_name', file.name);
    body.append('file_data', file);
    fetch(boot.uploadPath + '?contact_id=' + encodeURIComponent(contactId), { method: 'POST', body: body })
      .then(function (r) { return r.json(); })
      .then(function (env) {
        if (!env || !env.header || env.header.code !== 0 || !env.data || !isWebUrl(env.data.url)) throw new Error((env && env.header && env.header.message) || T.uploadFailed);
        typing(true);
        var frame = JSON.stringify({ action: 'chat', type: 'image', content: env.data.url });
        if (socket && socket.readyState === 1) socket.send(frame);
        else outbox.push(frame);
      })
      .catch(function (err) {
        bubble('error').textContent = T.uploadFailed + (err && err.message && err.message !== T.uploadFailed ? ': ' + err.message : '');
      });
  });

  function resize() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 140) + 'px';
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = '';
    resize();
    bubble('me').textContent = text;
    typing(true);
    send(text);
    input.focus();
  });
  input.addEventListener('input', resize);
  input.addEventListener('keydown', function (e) {
    // Enter sends, Shift+Enter breaks the line; never while an input method is composing (Chinese, Japanese…).
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });

  connect();
})();
`;
