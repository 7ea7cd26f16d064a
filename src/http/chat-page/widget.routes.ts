import { Router } from 'express';
import { ErrorCode, isAppError } from '../../core/errors.js';
import { contextOf } from '../../core/http/request-context.js';
import type { Logger } from '../../core/logger.js';
import { LanguageResponse } from '../../entities/staff/staff-enums.js';
import type { Services } from '../../services/index.js';
import { z } from 'zod';
import { plainErrorResponse } from '../openapi/envelopes.js';
import { mountOperations, type Operation } from '../openapi/operation.js';
import { WIDGET_SCRIPT } from './widget.client.js';

export const widgetOperations = {
  script: {
    method: 'get',
    path: '/widget.js',
    operationId: 'launcherScript',
    surface: 'web chat',
    summary: 'The embeddable launcher: `<script src="PUBLIC_URL/widget.js" data-serial="…">` adds a chat bubble opening the chat page (docs/chat-page.md)',
    security: [],
    responses: { 200: { description: 'The script.', content: { 'application/javascript': z.string() } } },
  },
  info: {
    method: 'get',
    path: '/chat/{serialNo}/launcher.json',
    operationId: 'launcherInfo',
    surface: 'web chat',
    summary: 'The public name and reply language the launcher labels use (CORS `*`)',
    security: [],
    params: z.object({ serialNo: z.string().meta({ description: '员工序列号' }) }),
    responses: {
      200: { description: 'The staff’s public name and language.', content: { 'application/json': z.strictObject({ name: z.string(), lang: z.enum(['zh', 'en']) }) } },
      404: plainErrorResponse('No such staff.'),
      500: plainErrorResponse('Internal error.'),
    },
  },
} satisfies Record<string, Operation>;

/**
 * The embeddable launcher: `GET /widget.js` (one script for every staff; `data-serial` picks it) and
 * `GET /chat/{serial_no}/launcher.json`, the public name and reply language its labels use, readable
 * from any site (CORS `*`: it is what the chat page itself shows anyone).
 */
export function widgetRouter(services: Services, log: Logger): Router {
  return mountOperations(Router(), widgetOperations, {
    script: (_req, res) => {
    res
      .type('application/javascript')
      .set({ 'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff', 'Cross-Origin-Resource-Policy': 'cross-origin' })
      .send(WIDGET_SCRIPT);
    },
    info: async (req, res) => {
    res.set({ 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
    try {
      const staff = await services.staff.findPublic(contextOf(req), String(req.params.serialNo));
      res.json({ name: staff.name, lang: staff.languageResponse === LanguageResponse.ENGLISH ? 'en' : 'zh' });
    } catch (err) {
      if (isAppError(err) && (err.code === ErrorCode.NotFound || err.code === ErrorCode.BadUserInput)) {
        return void res.status(404).json({ code: 404, message: 'No such staff' });
      }
      log.error({ err }, 'launcher info failed');
      res.status(500).json({ code: 500, message: 'Internal server error' });
    }
    },
  });
}
