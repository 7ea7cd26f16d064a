import { timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';
import { registry } from '../../core/metrics/metrics.js';

/**
 * `GET /metrics` in Prometheus text format. With METRICS_TOKEN set it asks `Authorization: Bearer <token>`;
 * on its own port (METRICS_PORT) without a token it is open to whoever reaches that port.
 */
export function metricsRouter(token: string | undefined): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (token && !bearerMatches(req, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(401).json({ code: 401, message: 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>' });
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}

function bearerMatches(req: Request, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]!.trim());
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
