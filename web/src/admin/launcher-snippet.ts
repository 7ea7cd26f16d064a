/**
 * The one line a merchant puts on its site (docs/chat-page.md, "The launcher"): widget.js from the
 * server's PUBLIC_URL, which is what the staff's chat_url (`PUBLIC_URL/chat/SERIAL_NO`) starts with.
 */
export function launcherSnippet(chatUrl: string, serialNo: string): string {
  const publicUrl = chatUrl.replace(/\/chat\/[^/]*$/, '');
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<script src="${attr(publicUrl)}/widget.js" data-serial="${attr(serialNo)}"></script>`;
}
