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
    ? { connecting: 'Connecting…', online: 'Online', offline: 'Connection lost, reconnecting…', error: 'Something went wrong', audio: 'Voice reply', picture: 'Picture', file: 'File', uploadFailed: 'The picture could not be sent' }
    : { connecting: '连接中…', online: '在线', offline: '连接已断开，正在重连…', error: '出错了', audio: '语音回复', picture: '图片', file: '文件', uploadFailed: '图片发送失败' };
  var EOF = '|=EOF=|';
  var JSON_MARK = '|=JSON=|';

  var list = document.getElementById('messages');
  var form = document.getElementById('composer');
  var input = document.getElementById('input');
  var statusEl = document.getElementById('status');
  var avatarImg = document.getElementById('avatar-img');

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

  function bubble(kind) {
    var stick = atBottom();
    var row = document.createElement('div');
    row.className = 'row ' + kind;
    var b = document.createElement('div');
    b.className = 'bubble';
    row.appendChild(b);
    list.insertBefore(row, typingRow);
    scroll(stick || kind === 'me');
    return b;
  }

  var typingRow = document.createElement('div');
  typingRow.className = 'row them typing';
  typingRow.hidden = true;
  typingRow.innerHTML = '<div class="bubble" aria-hidden="true"><i></i><i></i><i></i></div>';
  list.appendChild(typingRow);
  function typing(on) { typingRow.hidden = !on; if (on) scroll(true); }

  // The answer being streamed: frames are appended until |=EOF=|. Answers never interleave.
  var current = null;
  function endAnswer() {
    if (current) current.parentNode.classList.remove('streaming');
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

  // Resuming (docs/protocols.md, "Resuming"): the socket is opened with the id of the last message shown, so a
  // reconnect gets only what was missed and a reload (0) the whole conversation, each message as one JSON frame.
  var lastMsgId = 0;
  function showResumed(value) {
    var r = value && value.code === 0 && value.result;
    if (!r || !/^\d+$/.test(String(r.msgId || ''))) return false;
    lastMsgId = Math.max(lastMsgId, Number(r.msgId));
    if (!r.senderType) return true;
    var b = bubble(r.senderType === 'contact' ? 'me' : 'them');
    if (r.msgType === 'text' || !showMedia(b, r.msgType, r.media, r.content)) b.textContent = r.content || '';
    return true;
  }

  function showJson(raw) {
    var value = null;
    try { value = JSON.parse(raw); } catch (e) { value = null; }
    if (showResumed(value)) return;
    if (value && value.code === 0 && value.result && value.result.media) {
      var mb = bubble('them');
      if (showMedia(mb, value.result.msgType, value.result.media, value.result.caption)) return;
      mb.parentNode.parentNode.removeChild(mb.parentNode);
    }
    if (value && value.code === 0 && value.result && /^https?:\/\//i.test(String(value.result.streamUrl || ''))) {
      var b = bubble('them');
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
      current = bubble('them');
      current.parentNode.classList.add('streaming');
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

  function setStatus(state) {
    statusEl.setAttribute('data-state', state);
    statusEl.textContent = T[state];
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
