import { Router } from 'express';
import type { Logger } from '../../core/logger.js';
import { sendStored } from '../assets/send-stored.js';
import type { Services } from '../../services/index.js';
import { isAudioName } from '../../services/speech/speech.service.js';
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
      500: plainErrorResponse('Internal error.'),
    },
  },
} satisfies Record<string, Operation>;

/**
 * `GET /assets/audio/{uuid}.mp3`: a voice reply made by the speech service, streamed
 * from the audio storage area. Only names the service itself gives out are accepted,
 * so nothing else is reachable; ranges are served so players can seek.
 */
export function audioAssetsRouter(services: Services, log: Logger): Router {
  return mountOperations(Router(), audioOperations, {
    audio: async (req, res) => {
      const name = String(req.params.name);
      if (!isAudioName(name)) {
        res.status(404).json({ code: 404, message: 'Audio not found' });
        return;
      }
      try {
        await sendStored(req, res, services.speech.storage, name, {
          notFound: 'Audio not found',
          log,
          // Each name is a fresh UUID, so a file never changes once written.
          headers: { 'Content-Type': 'audio/mpeg', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=2592000, immutable' },
        });
      } catch (err) {
        log.warn({ err }, 'serving audio failed');
        if (!res.headersSent) res.status(500).json({ code: 500, message: 'Internal server error' });
      }
    },
  });
}
