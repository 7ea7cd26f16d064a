/** Query parameters whose values are credentials: `token`, `access_token`, `secret_key`, `api_key`, `password`… */
const SECRET_PARAM = /token|secret|key|passw(?:or)?d|credential|auth/i;
/** One `name=value` of a query string, found in a URL or in any text quoting one (an error message). */
const QUERY_PARAM = /([?&;])([^=&;#\s"'<>]+)=([^&;#\s"'<>]*)/g;

export const REDACTED = '[REDACTED]';

/** The text with the value of every secret-looking query parameter replaced; the rest is kept for debugging. Never throws. */
export function redactUrl(text: string): string {
  return text.replace(QUERY_PARAM, (whole, sep: string, name: string, value: string) =>
    value && SECRET_PARAM.test(decodedName(name)) ? `${sep}${name}=${REDACTED}` : whole,
  );
}

/** A serialized log value with `redactUrl` applied to each of its strings (an error's message, stack, `input`, cause…). */
export function redactStrings<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redactUrl(value) as T;
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactStrings(v, depth + 1)])) as T;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
