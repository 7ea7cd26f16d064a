import { Router } from 'express';
import type { Logger } from '../../core/logger.js';
import { sendStored } from '../assets/send-stored.js';
import type { Services } from '../../services/index.js';
import { isAudioName } from '../../services/speech/speech.service.js';

/**
 * `GET /assets/audio/{uuid}.mp3`: a voice reply made by the speech service, streamed
 * from the audio storage area. Only names the service itself gives out are accepted,
 * so nothing else is reachable; ranges are served so players can seek.
 */
export function audioAssetsRouter(services: Services, log: Logger): Router {
  const router = Router();
  router.get('/assets/audio/:name', async (req, res) => {
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
  });
  return router;
}
