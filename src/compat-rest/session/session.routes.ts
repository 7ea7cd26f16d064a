import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { AppError, ErrorCode, badInput, isAppError, notFound } from '../../core/errors.js';
import { contextOf } from '../../core/http/request-context.js';
import type { Logger } from '../../core/logger.js';
import { parseInput } from '../../core/validation.js';
import { ChannelType } from '../../entities/contact/contact.entity.js';
import { SessionStatus } from '../../entities/session/session.entity.js';
import type { Services } from '../../services/index.js';
import { parseJsonObject } from '../json-body.js';
import type { HistoryItem } from '../../services/helpdesk/note.service.js';
import { messageInfo, mediaInfo, presentHistoryItem, presentMessageInfo, presentNoteInfo, presentSessionInfo, sessionInfo } from './session.presenter.js';
import { multichannelResponses } from '../../http/openapi/envelopes.js';
import { mountOperations, type Operation } from '../../http/openapi/operation.js';

/** The multichannel seed's envelope `{code, message, data}` with its HTTP statuses. */
const statusOf: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 400,
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.InvalidJson]: 400,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.RateLimited]: 429,
};

const listQuery = z.object({
  status: z.enum(SessionStatus, `status must be one of: ${Object.values(SessionStatus).join(', ')}`).optional(),
  csId: z.coerce.number({ message: 'csId must be an agent id' }).int().positive('csId must be an agent id').optional(),
  channelType: z.enum(ChannelType, `channelType must be one of: ${Object.values(ChannelType).join(', ')}`).optional(),
  label: z.string().trim().min(1, 'label must be a label name').max(64, 'label must be a label name').optional(),
});

const sessionParams = z.object({ sessionId: z.string().meta({ description: '会话ID' }) });
const agentId = z.coerce.number({ message: 'csId must be an agent id' }).int().positive('csId must be an agent id');
const base = { surface: 'sessions', security: ['token'], roles: ['merchant', 'agent'] } as const;

/** The workbench's session REST API, as mounted and documented. */
export const sessionOperations = {
  list: {
    ...base,
    method: 'get',
    path: '/api/sessions',
    operationId: 'getSessions',
    summary: '获取会话列表: the caller’s sessions (an agent sees its staffs’)',
    query: z.object({
      status: listQuery.shape.status.meta({ description: '会话状态筛选' }),
      csId: listQuery.shape.csId.meta({ description: '客服ID筛选' }),
      channelType: listQuery.shape.channelType.meta({ description: '渠道类型筛选' }),
      label: listQuery.shape.label.meta({ description: 'only sessions with this label (its name)' }),
    }),
    responses: multichannelResponses(z.array(sessionInfo), [400]),
  },
  get: {
    ...base,
    method: 'get',
    path: '/api/sessions/{sessionId}',
    operationId: 'getSession',
    summary: '获取会话详情',
    params: sessionParams,
    responses: multichannelResponses(sessionInfo, [404]),
  },
  history: {
    ...base,
    method: 'get',
    path: '/api/sessions/{sessionId}/history',
    operationId: 'getSessionHistory',
    summary: '获取会话消息历史: every message, oldest first, streamed, with internal notes in place (senderType "note")',
    params: sessionParams,
    responses: multichannelResponses(z.array(messageInfo), [404]),
  },
  accept: {
    ...base,
    method: 'post',
    path: '/api/sessions/{sessionId}/accept',
    operationId: 'acceptSession',
    summary: '接入会话: an agent takes a pending session (a merchant names the agent)',
    params: sessionParams,
    body: {
      required: false,
      content: { 'application/json': z.object({ csId: z.union([z.int(), z.string()]).meta({ description: '客服ID: required for a merchant, the caller for an agent' }).optional() }) },
    },
    responses: multichannelResponses(sessionInfo, [400, 403, 404]),
  },
  message: {
    ...base,
    method: 'post',
    path: '/api/sessions/{sessionId}/message',
    operationId: 'sendSessionMessage',
    summary: '发送消息: the agent holding the session replies',
    params: sessionParams,
    body: {
      required: true,
      content: {
        'application/json': z.object({
          content: z.string().meta({ description: '消息内容; for a media msgType without media, the URL' }),
          msgType: z.string().meta({ description: '消息类型: text (default), picture, voice, video, file' }).optional(),
          media: mediaInfo.nullable().optional(),
        }),
      },
    },
    responses: multichannelResponses(messageInfo, [400, 403, 404, 429]),
  },
  notes: {
    ...base,
    method: 'post',
    path: '/api/sessions/{sessionId}/notes',
    operationId: 'addSessionNote',
    summary: 'An internal note on the session: seen by the merchant and its agents, never by the contact or the AI',
    params: sessionParams,
    body: { required: true, content: { 'application/json': z.object({ content: z.string().meta({ description: 'the note, 1 to 4,000 characters' }) }) } },
    responses: multichannelResponses(messageInfo, [400, 403, 404]),
  },
  close: {
    ...base,
    method: 'post',
    path: '/api/sessions/{sessionId}/close',
    operationId: 'closeSession',
    summary: '关闭会话',
    params: sessionParams,
    responses: multichannelResponses(sessionInfo, [400, 403, 404]),
  },
} satisfies Record<string, Operation>;

/** Writes with backpressure: waits while the client's buffer is full, fails once it has gone away. */
async function write(res: Response, chunk: string): Promise<void> {
  if (res.destroyed) throw new Error('client went away');
  if (res.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const drained = () => {
      res.off('close', closed);
      resolve();
    };
    const closed = () => {
      res.off('drain', drained);
      reject(new Error('client went away'));
    };
    res.once('drain', drained);
    res.once('close', closed);
  });
}

function sessionIdOf(req: Request): number {
  const raw = String(req.params.sessionId ?? '');
  // A malformed id names no session: "not found", as for a foreign one.
  if (!/^\d{1,9}$/.test(raw) || Number(raw) === 0) throw notFound(`Session ${raw}`);
  return Number(raw);
}

/** The workbench's session REST API (`/api/sessions…`): translate, call one service method, render. */
export function sessionRestRouter(services: Services, log: Logger): Router {
  const router = Router();
  const s = services.sessions;
  const renderError = (res: Response, err: unknown) => {
    const appErr = isAppError(err) ? err : new AppError(ErrorCode.Internal, 'Internal server error');
    if (!isAppError(err)) log.error({ err }, 'unhandled error in session REST handler');
    res.status(statusOf[appErr.code] ?? 500).json({ code: statusOf[appErr.code] ?? 500, message: appErr.message, data: null });
  };
  const handle = (fn: (ctx: RequestContext, req: Request) => Promise<unknown>) => async (req: Request, res: Response) => {
    try {
      const ctx = contextOf(req);
      ctx.requireTenant();
      res.json({ code: 0, message: 'OK', data: await fn(ctx, req) });
    } catch (err) {
      renderError(res, err);
    }
  };

  router.use('/api/sessions', express.raw({ type: () => true, limit: '1mb' }));
  mountOperations(router, sessionOperations, {
    list: handle(async (ctx, req) => {
      const q = parseInput(listQuery, req.query);
      const list = await s.list(ctx, { status: q.status, agentId: q.csId, channel: q.channelType, label: q.label });
      return list.map(presentSessionInfo);
    }),
    get: handle(async (ctx, req) => presentSessionInfo(await s.get(ctx, sessionIdOf(req)))),
    history: async (req, res) => {
    // Every message, however many, with the internal notes in place (senderType "note"): the array is written
    // batch by batch as the database pages through it.
    let batches: AsyncGenerator<HistoryItem[], void, void>;
    let first: IteratorResult<HistoryItem[], void>;
    try {
      const ctx = contextOf(req);
      ctx.requireTenant();
      batches = services.notes.historyBatches(ctx, sessionIdOf(req));
      first = await batches.next();
    } catch (err) {
      return renderError(res, err);
    }
    try {
      res.status(200).type('json');
      await write(res, '{"code":0,"message":"OK","data":[');
      let written = 0;
      for (let step = first; !step.done; step = await batches.next()) {
        await write(res, (written ? ',' : '') + step.value.map((m) => JSON.stringify(presentHistoryItem(m))).join(','));
        written += step.value.length;
      }
      res.end(']}');
    } catch (err) {
      // Headers are gone: a cut connection is the only honest signal left, never a truncated array that parses.
      if (!res.destroyed) log.error({ err }, 'session history stream failed');
      res.destroy();
    }
  },
    accept: handle(async (ctx, req) => {
      const id = sessionIdOf(req);
      const body = parseJsonObject(req.body);
      const csId = body.csId === undefined || body.csId === null ? undefined : parseInput(agentId, body.csId);
      if (csId === undefined && ctx.actor.kind !== 'agent') throw badInput('csId is required');
      return presentSessionInfo(await s.accept(ctx, id, csId));
    }),
    message: handle(async (ctx, req) => {
      const id = sessionIdOf(req);
      const body = parseJsonObject(req.body);
      if (typeof body.content !== 'string') throw badInput('content is required');
      if (body.msgType !== undefined && typeof body.msgType !== 'string') throw badInput('msgType must be a string');
      if (body.media !== undefined && body.media !== null && (typeof body.media !== 'object' || Array.isArray(body.media))) throw badInput('media must be an object with url');
      // A media message: `media` {url, mimeType, size, name}, or the URL as `content` as the seed's clients send it.
      const media = (body.media ?? null) as Record<string, unknown> | null;
      const message = await s.sendAsAgent(ctx, id, { content: body.content, msgType: body.msgType, payload: media });
      return presentMessageInfo(message);
    }),
    notes: handle(async (ctx, req) => {
      const body = parseJsonObject(req.body);
      if (typeof body.content !== 'string') throw badInput('content is required');
      return presentNoteInfo(await services.notes.add(ctx, sessionIdOf(req), body.content));
    }),
    close: handle(async (ctx, req) => presentSessionInfo(await s.close(ctx, sessionIdOf(req)))),
  });
  router.use('/api/sessions', (err: unknown, _req: Request, res: Response, _next: unknown) => {
    const tooLarge = (err as { type?: string }).type === 'entity.too.large';
    res.status(tooLarge ? 413 : 400).json({ code: tooLarge ? 413 : 400, message: tooLarge ? 'Request body is too large' : 'Request body could not be read', data: null });
  });
  return router;
}
