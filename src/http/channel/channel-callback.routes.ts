import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../../core/logger.js';
import type { Services } from '../../services/index.js';
import { CallbackRefusal, type WecomQuery } from '../../services/channel/channel-callback.service.js';
import { z } from 'zod';
import { GATEWAY_CHANNEL_TYPES } from '../../entities/channel/channel.entity.js';
import { gatewayMessageSchema } from '../../services/channel/gateway-message.js';
import { gatewayError as gatewayErrorSchema } from '../openapi/envelopes.js';
import { mountOperations, type Operation, type OperationResponse } from '../openapi/operation.js';

const wecomQuery = {
  msg_signature: z.string().meta({ description: '消息签名' }),
  timestamp: z.string().meta({ description: '时间戳' }),
  nonce: z.string().meta({ description: '随机数' }),
};
const wecomText = (description: string): OperationResponse => ({ description, content: { 'text/plain': z.string() } });
const refused = (description: string): OperationResponse => ({ description, content: { 'application/json': gatewayErrorSchema } });
const base = { surface: 'channel callbacks', security: ['signature'] } as const;

/** The channels' callbacks, as mounted and documented. */
export const channelCallbackOperations = {
  wecomVerify: {
    ...base,
    method: 'get',
    path: '/wecom/callback',
    operationId: 'verifyWecomUrl',
    summary: '企业微信回调 URL 验证: answers the decrypted echostr',
    query: z.object({ ...wecomQuery, echostr: z.string().meta({ description: '加密的随机字符串' }) }),
    responses: {
      200: wecomText('the decrypted echostr'),
      400: wecomText('`error`: a parameter is missing'),
      401: wecomText('`error`: the signature matches no WeCom channel'),
    },
  },
  wecomMessage: {
    ...base,
    method: 'post',
    path: '/wecom/callback',
    operationId: 'handleWecomCallback',
    summary: '企业微信回调消息: encrypted XML, acknowledged at once and handled after',
    query: z.object(wecomQuery),
    body: { required: true, content: { 'application/xml': z.string().meta({ description: '加密的 XML 消息 (ToUserName, Encrypt)' }), 'text/xml': z.string() } },
    responses: {
      200: wecomText('`success`'),
      400: wecomText('`error`: not WeCom XML'),
      401: wecomText('`error`: signature missing or wrong'),
      413: wecomText('`error`: body over CHANNEL_CALLBACK_MAX_KB'),
    },
  },
  gateway: {
    ...base,
    method: 'post',
    path: '/channel/{channelType}/callback',
    operationId: 'handleChannelCallback',
    summary: '渠道网关回调: one signed message from a gateway (docs/channels.md)',
    description: 'X-Signature is the hex HMAC-SHA256, with the channel’s secret, of `timestamp + "\n" + nonce + "\n" + body`.',
    params: z.object({ channelType: z.enum(GATEWAY_CHANNEL_TYPES).meta({ description: '渠道类型' }) }),
    headers: z.object({
      'x-timestamp': z.string().meta({ description: '时间戳 (Unix seconds)' }),
      'x-nonce': z.string().meta({ description: '随机数 (once per channel)' }),
      'x-signature': z.string().meta({ description: '消息签名' }),
    }),
    body: { required: true, content: { 'application/json': gatewayMessageSchema } },
    responses: {
      200: {
        description: 'Stored (or a repeat of a stored msg_id): `{code:0,message:"OK",data}`.',
        content: {
          'application/json': z.strictObject({
            code: z.literal(0),
            message: z.literal('OK'),
            data: z.strictObject({
              msg_id: z.string().meta({ description: 'the gateway’s id of the message' }),
              session_id: z.int().nullable().meta({ description: 'the session it joined' }),
              duplicate: z.boolean().meta({ description: 'true when this msg_id was already stored' }),
            }),
          }),
        },
      },
      400: refused('Invalid message: code 1003 (1004 not JSON).'),
      401: refused('Signature, timestamp or nonce missing or wrong: code 1001.'),
      404: refused('No such channel type or account: code 1006.'),
      413: refused('Body over CHANNEL_CALLBACK_MAX_KB: code 1003.'),
      429: refused('Too many messages from this contact: code 429.'),
      500: refused('Internal error: the gateway should retry.'),
    },
  },
} satisfies Record<string, Operation>;

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

  mountOperations(router, channelCallbackOperations, {
    wecomVerify: async (req, res) => {
    try {
      res.type('text/plain').send(await services.channelCallbacks.wecomVerify(queryOf(req)));
    } catch (err) {
      wecomError(res, err, log);
    }
  },

  wecomMessage: [raw, async (req, res) => {
    let task: () => Promise<void>;
    try {
      task = await services.channelCallbacks.wecomAccept(queryOf(req), Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
    } catch (err) {
      return wecomError(res, err, log);
    }
    // WeCom wants its answer within 5 s and retries otherwise: acknowledge first, then store and answer.
    res.type('text/plain').send('success');
    services.channelCallbacks.later(task);
  }],

  gateway: [raw, async (req, res) => {
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
  }],
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
