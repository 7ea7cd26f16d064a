import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type Response } from 'express';

/** web/dist, from src/http/web-app (tests) and dist/http/web-app (the build) alike. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** The client routes (web/src/app.tsx); anything else falls through to the other routers and the 404. */
const CLIENT_ROUTE = /^\/(?:login|agent|admin|platform)(?:\/|$)|^\/$/;

/** Everything from this origin only: scripts and styles are the built files, sockets go back to /graphql. */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The browser app (web/, docs/web-app.md): its hashed assets under /assets and index.html for the
 * client routes, so a reload on /agent/sessions/12 opens the app there. Middleware, not operations:
 * it is the app's files, not API (the OpenAPI document lists what the app calls on /graphql's side).
 */
export function webAppRouter(dist = WEB_DIST): Router {
  const router = Router();
  router.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: true }));
  let index: { mtimeMs: number; html: string } | null = null;
  const indexHtml = (): string | null => {
    try {
      const file = path.join(dist, 'index.html');
      const { mtimeMs } = statSync(file);
      // Read again after a rebuild; a running server then serves the new asset names.
      if (index?.mtimeMs !== mtimeMs) index = { mtimeMs, html: readFileSync(file, 'utf8') };
      return index.html;
    } catch {
      return null;
    }
  };
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !CLIENT_ROUTE.test(req.path)) return next();
    const html = indexHtml();
    if (html === null) return void notBuilt(res);
    res
      .status(200)
      .type('html')
      .set({ 'Content-Security-Policy': WEB_APP_CSP, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' })
      .send(html);
  });
  return router;
}

function notBuilt(res: Response) {
  res.status(503).type('text/plain').send('The browser app is not built: run `npm run build` (README "Browser app").');
}
