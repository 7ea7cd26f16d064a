import { CHAT_PAGE_SCRIPT } from './chat-page.client.js';

/** What the page shows of a staff: public fields only, never its keys. */
export interface ChatPageStaff {
  serialNo: string;
  name: string;
  avatarUrl: string;
  greetings: string;
  lang: 'zh' | 'en';
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** JSON inside a <script> block: `<` escaped so no value can close the block. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Only web images: anything else (javascript:, file:) is dropped and the initial is shown. */
const safeImageUrl = (url: string) => (/^https?:\/\/[^\s]+$/i.test(url) || /^\/[^/\s][^\s]*$/.test(url) ? url : '');

/** The policy for both pages: inline code only with this response's nonce, images and audio from the web. */
export function chatPageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    'img-src https: http: data: blob:',
    "media-src 'self' https: http:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const STYLES = `
*{box-sizing:border-box}
[hidden]{display:none!important}
html,body{height:100%;margin:0}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif;background:#eef1f5;color:#1f2328}
.app{display:flex;flex-direction:column;height:100%;height:100dvh;max-width:760px;margin:0 auto;background:#fff;box-shadow:0 0 24px rgba(15,23,42,.08)}
header{display:flex;align-items:center;gap:12px;padding:12px 16px;border-bottom:1px solid #e5e7eb}
.avatar{position:relative;flex:none;width:42px;height:42px;border-radius:50%;overflow:hidden;display:grid;place-items:center;background:#2563eb;color:#fff;font-weight:600;font-size:18px}
.avatar img{position:absolute;inset:0;width:100%;height:100%;object-fit:cover;background:#fff}
.who{min-width:0}
.name{margin:0;font-size:16px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.status{font-size:12px;color:#6b7280}
.status::before{content:"";display:inline-block;width:7px;height:7px;margin-right:5px;border-radius:50%;background:#9ca3af;vertical-align:1px}
.status[data-state=online]::before{background:#16a34a}
.status[data-state=offline]{color:#b45309}
.status[data-state=offline]::before{background:#f59e0b}
#messages{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:10px;overscroll-behavior:contain}
.row{display:flex}
.row.me{justify-content:flex-end}
.bubble{max-width:78%;padding:8px 12px;border-radius:16px;background:#f1f3f5;white-space:pre-wrap;overflow-wrap:anywhere}
.them .bubble{border-bottom-left-radius:4px}
.me .bubble{background:#2563eb;color:#fff;border-bottom-right-radius:4px}
.error .bubble{background:#fef2f2;color:#991b1b;border:1px solid #fecaca}
.error .code{color:#b91c1c;opacity:.7;font-size:12px}
.streaming .bubble::after{content:"▍";margin-left:1px;animation:blink 1s steps(2) infinite}
.bubble audio{display:block;max-width:100%;margin-top:6px}
.typing .bubble{display:flex;gap:4px;padding:12px 14px}
.typing i{width:7px;height:7px;border-radius:50%;background:#9ca3af;animation:bounce 1.2s infinite}
.typing i:nth-child(2){animation-delay:.15s}
.typing i:nth-child(3){animation-delay:.3s}
@keyframes bounce{0%,60%,100%{transform:none;opacity:.5}30%{transform:translateY(-4px);opacity:1}}
@keyframes blink{50%{opacity:0}}
form{display:flex;gap:8px;align-items:flex-end;padding:10px 12px;padding-bottom:max(10px,env(safe-area-inset-bottom));border-top:1px solid #e5e7eb}
textarea{flex:1;min-height:40px;max-height:140px;resize:none;padding:8px 12px;border:1px solid #d1d5db;border-radius:12px;font:inherit;color:inherit;background:#fff}
textarea:focus{outline:2px solid #93c5fd;border-color:#2563eb}
button{height:40px;padding:0 18px;border:0;border-radius:12px;background:#2563eb;color:#fff;font:inherit;font-weight:600;cursor:pointer}
button:hover{background:#1d4ed8}
.attach{display:grid;place-items:center;flex:none;width:40px;height:40px;border:1px solid #d1d5db;border-radius:12px;cursor:pointer;color:#4b5563;font-size:20px}
.attach:focus-within{outline:2px solid #93c5fd}
.attach input{position:absolute;width:1px;height:1px;opacity:0}
.bubble img.picture{display:block;max-width:100%;max-height:320px;border-radius:10px}
.bubble a{color:inherit}
.row.them{gap:8px;align-items:flex-start}
.col{display:flex;flex-direction:column;gap:2px;min-width:0;max-width:82%}
.col .bubble{max-width:100%}
.avatar.small{width:30px;height:30px;font-size:13px}
.agent .avatar.small{background:#059669}
.system .avatar.small{background:#9ca3af}
.meta{display:flex;gap:6px;align-items:center;font-size:12px;color:#6b7280}
.tag{padding:0 6px;border-radius:8px;background:#dbeafe;color:#1e40af;font-size:11px;line-height:16px}
.agent .tag{background:#d1fae5;color:#065f46}
.system .tag{background:#e5e7eb;color:#374151}
.agent .bubble{background:#ecfdf5;border:1px solid #a7f3d0}
.system .bubble{background:#f9fafb;border:1px dashed #d1d5db;color:#4b5563;font-size:14px}
.banner{padding:6px 16px;background:#fffbeb;color:#92400e;border-bottom:1px solid #fde68a;font-size:13px}
.queue{padding:6px 16px;background:#eff6ff;color:#1e3a8a;border-bottom:1px solid #bfdbfe;font-size:13px}
.queue .away{margin-left:6px;padding:0 6px;border-radius:8px;background:#fef3c7;color:#92400e}
#csat{display:flex;flex-direction:column;gap:6px;white-space:normal}
.stars{display:flex;gap:4px}
.star{width:36px;height:36px;padding:0;border-radius:8px;background:#e5e7eb;color:#9ca3af;font-size:20px}
.star:hover{background:#d1d5db}
.star[aria-pressed=true]{background:#fbbf24;color:#fff}
#csat textarea{width:100%;min-height:48px}
#csat-submit{align-self:flex-start;height:34px}
.csat-note{font-size:12px;color:#b91c1c}
.missing{display:grid;place-items:center;height:100%;padding:24px;text-align:center;color:#4b5563}
.missing h1{font-size:20px;color:#1f2328}
@media (max-width:600px){.app{box-shadow:none}.bubble{max-width:88%}header{padding:10px 12px}#messages{padding:12px}}
`;

function shell(opts: { lang: string; title: string; nonce: string; body: string; script?: string }): string {
  return `<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(opts.title)}</title>
<style nonce="${opts.nonce}">${STYLES}</style>
</head>
<body>
${opts.body}
${opts.script ?? ''}
</body>
</html>
`;
}

/** The chat page: header, greeting, message list and composer; the script drives the socket. */
export function renderChatPage(staff: ChatPageStaff, nonce: string): string {
  const en = staff.lang === 'en';
  const initial = Array.from(staff.name.trim())[0] ?? '?';
  const avatar = safeImageUrl(staff.avatarUrl);
  const base = `/chat/${encodeURIComponent(staff.serialNo)}`;
  const boot = { serialNo: staff.serialNo, lang: staff.lang, name: staff.name, avatarUrl: avatar, wsPath: `${base}/ws`, uploadPath: `${base}/upload` };
  // The greeting is the AI's first message, shown as the AI's replies are (chat-page.client.ts senderHead).
  const greeting = staff.greetings.trim()
    ? `<div class="row them ai greeting"><div class="avatar small" aria-hidden="true">${escapeHtml(initial)}</div><div class="col"><div class="meta"><span class="sender">${escapeHtml(staff.name)}</span><span class="tag">${en ? 'AI' : '智能助手'}</span></div><div class="bubble">${escapeHtml(staff.greetings.trim())}</div></div></div>`
    : '';
  const body = `<div class="app">
<header>
  <div class="avatar" aria-hidden="true">${escapeHtml(initial)}${avatar ? `<img id="avatar-img" src="${escapeHtml(avatar)}" alt="">` : ''}</div>
  <div class="who">
    <h1 class="name" id="staff-name">${escapeHtml(staff.name)}</h1>
    <div class="status" id="status" data-state="connecting" role="status">${en ? 'Connecting…' : '连接中…'}</div>
  </div>
</header>
<div id="reconnecting" class="banner" role="status" hidden>${en ? 'Connection lost, reconnecting…' : '连接已断开，正在重连…'}</div>
<div id="queue" class="queue" role="status" aria-live="polite" hidden><span id="queue-position"></span> <span id="queue-wait" hidden></span> <span id="queue-away" class="away" hidden>${en ? 'Agents away: leave a message' : '客服不在线，可留言'}</span></div>
<main id="messages" role="log" aria-live="polite" aria-label="${en ? 'Conversation' : '对话'}">${greeting}</main>
<form id="composer" autocomplete="off">
  <label class="attach" title="${en ? 'Send a picture' : '发送图片'}"><span aria-hidden="true">＋</span><input id="picture" type="file" accept="image/png,image/jpeg,image/gif,image/webp" aria-label="${en ? 'Send a picture' : '发送图片'}"></label>
  <textarea id="input" rows="1" maxlength="4000" placeholder="${en ? 'Type a message…' : '输入消息…'}" aria-label="${en ? 'Message' : '消息'}"></textarea>
  <button id="send" type="submit">${en ? 'Send' : '发送'}</button>
</form>
</div>`;
  const script = `<script type="application/json" id="chat-boot">${scriptJson(boot)}</script>
<script nonce="${nonce}">${CHAT_PAGE_SCRIPT}</script>`;
  return shell({ lang: en ? 'en' : 'zh-CN', title: staff.name, nonce, body, script });
}

/** Unknown or deleted serial number. */
export function renderMissingChatPage(nonce: string): string {
  const body = `<div class="missing"><div>
<h1>此客服不存在或已停用</h1>
<p>This chat is not available: the link may be wrong, or the assistant was removed.</p>
</div></div>`;
  return shell({ lang: 'zh-CN', title: 'Chat not found', nonce, body });
}
