import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../../core/logger.js';
import type { Services } from '../../services/index.js';
import { CallbackRefusal, type WecomQuery } from '../../services/channel/channel-callback.service.js';

const header = (req: Request, name: string) => {
  const v = req.headers[name];
  return typeof v === 'string' ? v.trim() : undefined;
};
const queryOf = (req: Request): WecomQuery => {
  const q = req.query as Record<string, unknown>;
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : undefined);
  return { msgSignature: s('msg_signature'), timestamp: s('timestamp'), nonce: s('nonce'), echostr: s('echostr') };
};

/**
 * The channels' callbacks (multichannel seed): `/wecom/callback` (GET check, POST of
 * encrypted XML; plain-text answers as WeCom expects) and `/channel/{type}/callback`
 * (signed JSON; the seed's `{code, message, data}` envelope). Bodies are read raw: the
 * signatures cover the exact bytes.
 */
export function channelCallbackRouter(services: Services, log: Logger): Router {
  const router = Router();
  const limit = services.config.channels.callbackMaxBytes;
  const raw = express.raw({ type: () => true, limit });

  router.get('/wecom/callback', async (req, res) => {
    try {
      res.type('text/plain').send(await services.channelCallbacks.wecomVerify(queryOf(req)));
    } catch (err) {
      wecomError(res, err, log);
    }
  });

  router.post('/wecom/callback', raw, async (req, res) => {
    let task: () => Promise<void>;
    try {
      task = await services.channelCallbacks.wecomAccept(queryOf(req), Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
    } catch (err) {
      return wecomError(res, err, log);
    }
    // WeCom wants its answer within 5 s and retries otherwise: acknowledge first, then store and answer.
    res.type('text/plain').send('success');
    services.channelCallbacks.later(task);
  });

  router.post('/channel/:channelType/callback', raw, async (req, res) => {
    try {
      const data = await services.channelCallbacks.gateway(
        String(req.params.channelType),
        { timestamp: header(req, 'x-timestamp'), nonce: header(req, 'x-nonce'), signature: header(req, 'x-signature') },
        Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      );
      res.json({ code: 0, message: 'OK', data });
    } catch (err) {
      gatewayError(res, err, log);
    }
  });

  // Bodies too large or unreadable, before the handlers run.
  router.use(['/wecom/callback', '/channel'], (err: unknown, req: Request, res: Response, next: NextFunction) => {
    const e = err as { type?: string; status?: number };
    if (!e.type && !e.status) return next(err);
    const tooLarge = e.type === 'entity.too.large';
    const refusal = new CallbackRefusal(tooLarge ? 413 : 400, 1003, tooLarge ? 'Request body is too large' : 'Request body could not be read');
    if (req.path.startsWith('/wecom')) return wecomError(res, refusal, log);
    gatewayError(res, refusal, log);
  });
  return router;
}

function wecomError(res: Response, err: unknown, log: Logger): void {
  if (err instanceof CallbackRefusal) {
    res.status(err.status).type('text/plain').send('error');
    return;
  }
  log.error({ err }, 'WeCom callback failed');
  res.status(500).type('text/plain').send('error');
}

function gatewayError(res: Response, err: unknown, log: Logger): void {
  if (err instanceof CallbackRefusal) {
    res.status(err.status).json({ code: err.code, message: err.message });
    return;
  }
  log.error({ err }, 'channel callback failed');
  res.status(500).json({ code: 500, message: 'Internal server error' });
}
