import { randomBytes } from 'node:crypto';
import { Router, type Response } from 'express';
import { ErrorCode, isAppError } from '../../core/errors.js';
import { contextOf } from '../../core/http/request-context.js';
import type { Logger } from '../../core/logger.js';
import { LanguageResponse } from '../../entities/staff/staff-enums.js';
import type { Services } from '../../services/index.js';
import { z } from 'zod';
import { mountOperations, type Operation } from '../openapi/operation.js';
import { chatPageCsp, renderChatPage, renderMissingChatPage } from './chat-page.view.js';

export const chatPageOperations = {
  page: {
    method: 'get',
    path: '/chat/{serialNo}',
    operationId: 'chatPage',
    surface: 'web chat',
    summary: 'The chat page at a staff’s chat_url (it talks to `/chat/{serialNo}/ws`, docs/protocols.md)',
    security: [],
    params: z.object({ serialNo: z.string().meta({ description: '员工序列号' }) }),
    responses: {
      200: { description: 'The page.', content: { 'text/html': z.string() } },
      404: { description: 'A page saying the chat is not available.', content: { 'text/html': z.string() } },
      500: { description: 'Internal error.', content: { 'text/plain': z.string() } },
    },
  },
} satisfies Record<string, Operation>;

/**
 * `GET /chat/{serial_no}`: the page at a staff's `chat_url`. It talks to
 * `/chat/{serial_no}/ws`, which needs only the public serial number, so the
 * staff's keys never reach the browser. A frozen or expired staff still gets
 * its page; the socket then answers each message with the 1012 refusal.
 */
export function chatPageRouter(services: Services, log: Logger): Router {
  return mountOperations(Router(), chatPageOperations, {
    page: async (req, res) => {
    const nonce = randomBytes(16).toString('base64');
    try {
      const staff = await services.staff.findPublic(contextOf(req), String(req.params.serialNo));
      page(res, nonce, 200).send(
        renderChatPage(
          {
            serialNo: staff.serialNo,
            name: staff.name,
            avatarUrl: staff.avatarUrl,
            greetings: staff.greetings,
            lang: staff.languageResponse === LanguageResponse.ENGLISH ? 'en' : 'zh',
          },
          nonce,
        ),
      );
    } catch (err) {
      if (isAppError(err) && (err.code === ErrorCode.NotFound || err.code === ErrorCode.BadUserInput)) {
        page(res, nonce, 404).send(renderMissingChatPage(nonce));
        return;
      }
      log.error({ err }, 'chat page failed');
      if (!res.headersSent) res.status(500).type('text/plain').send('Internal server error');
    }
  },
  });
}

function page(res: Response, nonce: string, status: number): Response {
  // Not cached: the name, avatar and greeting change when the merchant edits the staff.
  return res
    .status(status)
    .type('html')
    .set({
      'Content-Security-Policy': chatPageCsp(nonce),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
}
