/**
 * The launcher a merchant puts on its own site: `<script src="PUBLIC_URL/widget.js" data-serial="…">`.
 * It adds a chat bubble that opens the staff's chat page in a panel (an iframe), inside a shadow root so
 * the site's styles and ours never meet. Plain ES2017, no template literals (this is itself one); the page
 * is loaded only when the bubble is first opened, so a visitor who never opens it costs no socket.
 */
export const WIDGET_SCRIPT = String.raw`
(function () {
  'use strict';
  var me = document.currentScript;
  var serial = me && me.getAttribute('data-serial');
  if (!serial || document.getElementById('cs-chat-launcher')) return;
  var origin = new URL(me.src, location.href).origin;
  var base = origin + '/chat/' + encodeURIComponent(serial);
  var L = {
    zh: { open: '打开在线客服', close: '关闭在线客服', title: '在线客服' },
    en: { open: 'Open the chat', close: 'Close the chat', title: 'Chat' }
  };
  var lang = me.getAttribute('data-lang') === 'en' ? 'en' : 'zh';
  var name = '';

  var host = document.createElement('div');
  host.id = 'cs-chat-launcher';
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
  var style = document.createElement('style');
  style.textContent =
    '.bubble{position:fixed;right:20px;bottom:20px;z-index:2147483646;width:56px;height:56px;border:0;border-radius:50%;background:#2563eb;color:#fff;box-shadow:0 6px 20px rgba(15,23,42,.25);cursor:pointer;display:grid;place-items:center;padding:0}' +
    '.bubble:hover{background:#1d4ed8}.bubble:focus-visible{outline:3px solid #93c5fd;outline-offset:2px}' +
    '.bubble svg{width:28px;height:28px;fill:currentColor}' +
    '.panel{position:fixed;right:20px;bottom:88px;z-index:2147483647;width:380px;height:600px;max-width:calc(100vw - 24px);max-height:calc(100vh - 110px);border-radius:14px;overflow:hidden;background:#fff;box-shadow:0 12px 40px rgba(15,23,42,.3)}' +
    '.panel[hidden]{display:none}.panel iframe{width:100%;height:100%;border:0;display:block}' +
    '@media (max-width:480px){.panel{right:12px;left:12px;width:auto;bottom:84px}}';
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'bubble';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'cs-chat-panel');
  button.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
  var panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'cs-chat-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  var frame = null;

  function label() {
    var t = L[lang];
    button.setAttribute('aria-label', panel.hidden ? t.open : t.close);
    button.title = panel.hidden ? t.open : t.close;
    panel.setAttribute('aria-label', name || t.title);
    if (frame) frame.title = name || t.title;
  }

  function toggle(open) {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open && !frame) {
      frame = document.createElement('iframe');
      frame.src = base;
      frame.setAttribute('allow', 'clipboard-write');
      panel.appendChild(frame);
    }
    label();
  }

  button.addEventListener('click', function () { toggle(panel.hidden); });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && !panel.hidden) { toggle(false); button.focus(); } });
  root.appendChild(style);
  root.appendChild(panel);
  root.appendChild(button);
  label();
  (document.body || document.documentElement).appendChild(host);

  // The staff's name and reply language, for the labels; the bubble works before (and without) them.
  fetch(base + '/launcher.json').then(function (r) { return r.ok ? r.json() : null; }).then(function (info) {
    if (!info) return;
    if (info.lang === 'en' || info.lang === 'zh') lang = info.lang;
    name = typeof info.name === 'string' ? info.name : '';
    label();
  }).catch(function () { /* labels stay in the default language */ });
})();
`;
