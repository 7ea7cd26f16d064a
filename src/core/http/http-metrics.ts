import type { NextFunction, Request, Response } from 'express';
import { httpDuration, secondsSince } from '../metrics/metrics.js';

/**
 * Times every HTTP request under its route template (`/api/sessions/:id/accept`), never the raw path, so the
 * number of series stays that of the route table; requests no route answered count as `unmatched`.
 */
export function httpMetricsMiddleware(req: Request, res: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const routePath = req.route?.path as unknown;
    const route = routePath !== undefined ? `${req.baseUrl}${String(routePath)}` : req.baseUrl || 'unmatched';
    httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, secondsSince(started));
  });
  next();
}
