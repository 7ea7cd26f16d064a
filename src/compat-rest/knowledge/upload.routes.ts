import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { Router, type Request, type Response } from 'express';
import { AppError, ErrorCode, badInput, isAppError } from '../../core/errors.js';
import { contextOf } from '../../core/http/request-context.js';
import type { Logger } from '../../core/logger.js';
import type { StoredFile } from '../../entities/knowledge/stored-file.entity.js';
import type { Services } from '../../services/index.js';
import { tooLarge } from '../../services/knowledge/file.service.js';
import { errorEnvelope, okEnvelope } from '../envelope.js';
import { fileView, presentFile } from './document.presenter.js';
import { z } from 'zod';
import { aiStaffResponses } from '../../http/openapi/envelopes.js';
import { mountOperations, type Operation } from '../../http/openapi/operation.js';

export const UPLOAD_PATH = '/api/v1/customer/upload/file';

export const uploadOperations = {
  upload: {
    method: 'post',
    path: UPLOAD_PATH,
    operationId: 'customerUploadFile',
    surface: 'ai-staff: knowledge',
    summary: '上传资料 (§2.8): stores a file; add it to a staff with update/doc',
    description: 'At most `UPLOAD_MAX_MB`; `.pdf`, `.docx`, `.xlsx`, `.csv`, `.md`, `.html`, `.txt` and the like (docs/architecture.md).',
    security: ['token'],
    roles: ['merchant'],
    body: {
      required: true,
      content: {
        'multipart/form-data': z.object({
          file_name: z.string().meta({ description: '原始文件名 (default: the part’s filename)' }).optional(),
          file_data: z.string().meta({ description: '文件内容', format: 'binary' }),
        }),
      },
    },
    responses: aiStaffResponses(fileView),
  },
} satisfies Record<string, Operation>;

/** A body this much over the limit is refused without reading it; smaller overruns are drained and answered cleanly. */
const HOPELESS_FACTOR = 2;

/**
 * §2.8 upload: multipart/form-data with `file_name` and `file_data`. Mounted
 * before the compat router's raw-JSON body parser, which would otherwise
 * swallow the multipart body.
 */
export function uploadRouter(services: Services, log: Logger): Router {
  return mountOperations(Router(), uploadOperations, {
    upload: async (req, res) => {
      try {
        const file = await handleUpload(req, res, services);
        if (file) res.json(okEnvelope(presentFile(file, services)));
      } catch (err) {
        const appErr = isAppError(err) ? err : new AppError(ErrorCode.Internal, 'Internal server error');
        if (!isAppError(err)) log.error({ err }, 'unhandled error in upload');
        const rendered = errorEnvelope(appErr);
        if (!req.complete) res.setHeader('Connection', 'close');
        res.status(rendered.status).json(rendered.body);
      }
    },
  });
}

async function handleUpload(req: Request, _res: Response, s: Services): Promise<StoredFile | null> {
  const ctx = contextOf(req);
  ctx.requireMerchant();
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    throw badInput('Send the file as multipart/form-data with the fields file_name and file_data');
  }
  const max = s.files.maxBytes;
  if (Number(req.headers['content-length'] ?? 0) > max * HOPELESS_FACTOR + 1024 * 1024) throw tooLarge(max);

  const { fields, upload } = await parseMultipart(req, req.headers, (stream, filename, fieldsSoFar) =>
    s.files.upload(ctx, { fileName: fieldsSoFar.file_name || filename || 'file', data: stream }),
  );
  if (!upload) throw badInput('file_data: is required');
  const file = await upload;
  // file_name may come after file_data in the form; the path keeps the name known when the bytes arrived.
  const name = fields.file_name?.trim();
  return name && name !== file.fileName ? s.files.rename(ctx, file, name) : file;
}

/** Runs busboy over the request; the file part is handed to `onFile` as it streams. */
export function parseMultipart<T = StoredFile>(
  req: Request,
  headers: IncomingHttpHeaders,
  onFile: (stream: Readable, filename: string, fields: Record<string, string>) => Promise<T>,
): Promise<{ fields: Record<string, string>; upload: Promise<T> | null }> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers, defParamCharset: 'utf8', limits: { files: 1, fields: 20, fieldSize: 64 * 1024, parts: 30 } });
    } catch {
      reject(badInput('Malformed multipart/form-data request (no boundary)'));
      return;
    }
    const fields: Record<string, string> = {};
    let upload: Promise<T> | null = null;
    let part: Readable | null = null;
    // A client that goes away mid-body never ends the part: fail it, so storage closes and removes its partial file.
    req.once('close', () => {
      if (req.complete) return;
      const cut = badInput('The upload was cut off before its end');
      req.unpipe(bb);
      part?.destroy(cut);
      reject(cut);
    });
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      if (name !== 'file_data' || upload) {
        stream.resume();
        return;
      }
      part = stream;
      upload = onFile(stream, info.filename ?? '', { ...fields });
      // Awaited after the body is read. A failure before the bytes were read (a bad name, say) must
      // still drain the part, or busboy never reaches 'close' and the request hangs.
      upload.catch(() => stream.resume());
    });
    bb.on('error', () => reject(badInput('Malformed multipart/form-data body')));
    bb.on('close', () => resolve({ fields, upload }));
    req.pipe(bb);
  });
}
