import { Router } from 'express';
import type { Logger } from '../../core/logger.js';
import type { Services } from '../../services/index.js';

/**
 * `GET /assets/audio/{uuid}.mp3`: a voice reply made by the speech service.
 * Only names the service itself gives out are accepted, so nothing else in
 * DATA_DIR is reachable; ranges are served so players can seek.
 */
export function audioAssetsRouter(services: Services, log: Logger): Router {
  const router = Router();
  router.get('/assets/audio/:name', (req, res) => {
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
  });
  return router;
}
