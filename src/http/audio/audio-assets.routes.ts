import { Router } from 'express';
import type { Logger } from '../../core/logger.js';
import type { Services } from '../../services/index.js';
import { z } from 'zod';
import { plainErrorResponse } from '../openapi/envelopes.js';
import { mountOperations, type Operation } from '../openapi/operation.js';

export const audioOperations = {
  audio: {
    method: 'get',
    path: '/assets/audio/{name}',
    operationId: 'audioAsset',
    surface: 'files',
    summary: 'A voice reply (MP3), by the name the speech service gave it; ranges are served',
    security: [],
    params: z.object({ name: z.string().meta({ description: '`<uuid>.mp3`' }) }),
    responses: {
      200: { description: 'The MP3.', content: { 'audio/mpeg': z.string().meta({ format: 'binary' }) } },
      206: { description: 'A range of it.', content: { 'audio/mpeg': z.string().meta({ format: 'binary' }) } },
      404: plainErrorResponse('No such voice reply.'),
    },
  },
} satisfies Record<string, Operation>;

/**
 * `GET /assets/audio/{uuid}.mp3`: a voice reply made by the speech service.
 * Only names the service itself gives out are accepted, so nothing else in
 * DATA_DIR is reachable; ranges are served so players can seek.
 */
export function audioAssetsRouter(services: Services, log: Logger): Router {
  return mountOperations(Router(), audioOperations, {
    audio: (req, res) => {
    const local = services.speech.localPath(String(req.params.name));
    if (!local) {
      res.status(404).json({ code: 404, message: 'Audio not found' });
      return;
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Each name is a fresh UUID, so a file never changes once written.
    res.sendFile(local, { headers: { 'Content-Type': 'audio/mpeg' }, maxAge: '30d', immutable: true, dotfiles: 'deny' }, (err) => {
      if (!err || res.headersSent) return;
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.warn({ err }, 'serving audio failed');
      res.status(404).json({ code: 404, message: 'Audio not found' });
    });
  },
  });
}
