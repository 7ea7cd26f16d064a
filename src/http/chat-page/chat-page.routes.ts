import { randomBytes } from 'node:crypto';
import { Router, type Response } from 'express';
import { ErrorCode, isAppError } from '../../core/errors.js';
import { contextOf } from '../../core/http/request-context.js';
import type { Logger } from '../../core/logger.js';
import { LanguageResponse } from '../../entities/staff/staff-enums.js';
import type { Services } from '../../services/index.js';
import { chatPageCsp, renderChatPage, renderMissingChatPage } from './chat-page.view.js';

/**
 * `GET /chat/{serial_no}`: the page at a staff's `chat_url`. It talks to
 * `/chat/{serial_no}/ws`, which needs only the public serial number, so the
 * staff's keys never reach the browser. A frozen or expired staff still gets
 * its page; the socket then answers each message with the 1012 refusal.
 */
export function chatPageRouter(services: Services, log: Logger): Router {
  const router = Router();
  router.get('/chat/:serialNo', async (req, res) => {
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
  });
  return router;
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
