/**
 * Where the page loads a stored file from: the server names files by PUBLIC_URL, which may be another
 * address of this same server (a proxy's); the app loads only from its own origin, so a stored file
 * (`/assets/files/…`) is fetched by its path here. Anything else is not loaded (null).
 */
export function mediaSrc(url: string, origin = location.origin): string | null {
  try {
    const u = new URL(url, origin);
    if (u.origin === origin || u.pathname.startsWith('/assets/files/') || u.pathname.startsWith('/assets/audio/')) return u.pathname + u.search;
    return null;
  } catch {
    return null;
  }
}
