import { Router } from 'express';
import { contextOf } from '../../core/http/request-context.js';
import type { Logger } from '../../core/logger.js';
import { sendStored } from '../../http/assets/send-stored.js';
import type { Services } from '../../services/index.js';
import { z } from 'zod';
import { plainErrorResponse } from '../../http/openapi/envelopes.js';
import { mountOperations, type Operation } from '../../http/openapi/operation.js';

export const fileAssetOperations = {
  file: {
    method: 'get',
    path: '/assets/files/{filePath}',
    operationId: 'fileAsset',
    surface: 'files',
    summary: 'A stored file (file_url of an upload), with its content type, sandboxed',
    security: [],
    params: z.object({ filePath: z.string().meta({ description: '文件存储相对路径' }) }),
    responses: {
      200: { description: 'The file.', content: { '*/*': z.string().meta({ format: 'binary' }) } },
      404: plainErrorResponse('No such file.'),
      500: plainErrorResponse('Internal error.'),
    },
  },
} satisfies Record<string, Operation>;

/**
 * `GET /assets/files/{file_path}`: a stored file with its content type, streamed
 * from the file storage (local disk or the S3 bucket). Only paths of stored files
 * are served (one segment, checked against the file table). Files are sandboxed
 * (CSP) so an uploaded HTML page cannot run script on this origin.
 */
export function fileAssetsRouter(services: Services, log: Logger): Router {
  return mountOperations(Router(), fileAssetOperations, {
    file: async (req, res) => {
    try {
      const filePath = String(req.params.filePath);
      const file = await services.files.findPublic(contextOf(req).crossTenantEm, filePath);
      if (!file) {
        res.status(404).json({ code: 404, message: 'File not found' });
        return;
      }
      await sendStored(req, res, services.files.storage, file.filePath, {
        notFound: 'File not found',
        log,
        headers: {
          'Content-Type': file.contentType,
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
          'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          'Cache-Control': 'public, max-age=3600',
        },
      });
    } catch (err) {
      log.error({ err }, 'serving a file failed');
      if (!res.headersSent) res.status(500).json({ code: 500, message: 'Internal server error' });
    }
  },
  });
}
