import type { Readable } from 'node:stream';
import { Router, type Request, type Response } from 'express';
import { AppError, ErrorCode, badInput, isAppError, unauthenticated } from '../../core/errors.js';
import { basicCredentials } from '../../core/auth/basic-auth.js';
import type { Logger } from '../../core/logger.js';
import type { Services } from '../../services/index.js';
import { errorEnvelope, okEnvelope } from '../../compat-rest/envelope.js';
import { parseMultipart } from '../../compat-rest/knowledge/upload.routes.js';
import { CHAT_CODES } from '../../compat-ws/chat/chat.vocabulary.js';
import { z } from 'zod';
import { aiStaffResponses } from '../openapi/envelopes.js';
import { mountOperations, type Operation } from '../openapi/operation.js';

const picture = z.strictObject({
  url: z.string().meta({ description: 'the picture’s URL: send it as the `content` of an `image` chat frame' }),
  mime_type: z.string().meta({ description: 'image/png, image/jpeg, image/gif or image/webp' }),
  size: z.int().meta({ description: 'bytes' }),
  name: z.string().meta({ description: 'the file’s name' }),
});
const uploadBody = {
  required: true,
  content: {
    'multipart/form-data': z.object({
      file_data: z.string().meta({ description: 'the picture (.png, .jpg, .jpeg, .gif, .webp; at most UPLOAD_MAX_MB)', format: 'binary' }),
      file_name: z.string().meta({ description: 'its name (default: the part’s filename)' }).optional(),
    }),
  },
};
const contactQuery = (description: string) => z.object({ contact_id: z.string().meta({ description }) });
const responses = aiStaffResponses(picture);

/** The chat contacts' picture uploads, as mounted and documented. */
export const chatUploadOperations = {
  keyed: {
    method: 'post',
    path: '/api/v1/chat/upload',
    operationId: 'chatUpload',
    surface: 'web chat',
    summary: 'A chat contact’s picture, with the staff’s keys; code 1012 or 429 as for chat messages',
    security: ['staffKeys'],
    query: contactQuery('the contact that will send it (`[\\w.:@-]{1,128}`)'),
    body: uploadBody,
    responses,
  },
  page: {
    method: 'post',
    path: '/chat/{serialNo}/upload',
    operationId: 'chatPageUpload',
    surface: 'web chat',
    summary: 'A picture from the chat page, by the staff’s public serial number',
    security: [],
    params: z.object({ serialNo: z.string().meta({ description: '员工序列号' }) }),
    query: contactQuery('the page’s contact, `page-` and 32 hex digits'),
    body: uploadBody,
    responses,
  },
} satisfies Record<string, Operation>;

/** The chat page's contacts, as its socket names them (src/compat-ws/chat/chat.socket.ts). */
const PAGE_CONTACT_ID = /^page-[0-9a-f]{32}$/;
const KEYED_CONTACT_ID = /^[\w.:@-]{1,128}$/;

/**
 * A chat contact's picture: `POST /api/v1/chat/upload` with the staff's keys (HTTP Basic), or
 * `POST /chat/{serial_no}/upload` from the chat page; multipart `file_data`, `?contact_id=` the
 * contact that will send it. Answers `data: {url, mime_type, size, name}`; the contact then sends
 * `{"action":"chat","type":"image","content":url}` on its socket (docs/protocols.md, "Web chat").
 */
export function chatUploadRouter(services: Services, log: Logger): Router {
  const router = Router();
  const handle = (staffOf: (req: Request) => Promise<number>, contactPattern: RegExp) => async (req: Request, res: Response) => {
    try {
      const staffId = await staffOf(req);
      const contactId = String(req.query.contact_id ?? '');
      if (!contactPattern.test(contactId)) throw badInput('contact_id: the id of the contact sending the picture is required');
      if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) throw badInput('Send the picture as multipart/form-data in the field file_data');
      const { upload } = await parseMultipart(req, req.headers, (data: Readable, filename, fields) =>
        services.intake.uploadPicture(staffId, { fileName: fields.file_name || filename || 'picture', data, externalId: contactId }),
      );
      if (!upload) throw badInput('file_data: is required');
      const outcome = await upload;
      if (outcome.kind !== 'stored') {
        const code = outcome.kind === 'refused' ? CHAT_CODES.staffUnavailable : CHAT_CODES.tooManyRequests;
        return void res.json({ header: { code, message: outcome.reason, total: 0, count: 0 }, data: {} });
      }
      const m = outcome.media;
      res.json(okEnvelope({ url: m.url, mime_type: m.mimeType, size: m.size, name: m.name }));
    } catch (err) {
      const appErr = isAppError(err) ? err : new AppError(ErrorCode.Internal, 'Internal server error');
      if (!isAppError(err)) log.error({ err }, 'chat upload failed');
      if (!req.complete) res.setHeader('Connection', 'close');
      const rendered = errorEnvelope(appErr);
      res.status(rendered.status).json(rendered.body);
    }
  };

  return mountOperations(router, chatUploadOperations, {
    keyed: handle(async (req) => {
      const creds = basicCredentials(req.headers.authorization);
      const staff = creds ? await services.intake.staffByKeys(creds[0], creds[1]) : null;
      if (!staff) throw unauthenticated("Send the staff's api_key and secret_key as HTTP Basic credentials");
      return staff.id;
    }, KEYED_CONTACT_ID),
    page: handle(async (req) => {
      const staff = await services.intake.staffBySerial(String(req.params.serialNo));
      if (!staff) throw new AppError(ErrorCode.NotFound, 'No such staff');
      return staff.id;
    }, PAGE_CONTACT_ID),
  });
}
