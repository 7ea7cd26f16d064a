/** The user and password of an `Authorization: Basic …` header; null when absent or malformed. */
export function basicCredentials(header: string | undefined): [string, string] | null {
  const m = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0 || decoded.includes('\u0000')) return null;
  return [decoded.slice(0, i), decoded.slice(i + 1)];
}
