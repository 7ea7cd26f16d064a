import type { Request, Response } from 'express';
import type { Logger } from '../../core/logger.js';
import type { FileStorage } from '../../services/storage/file-storage.js';

/**
 * Streams one stored object to the client, from local disk or the bucket alike, so
 * every instance serves every file (no presigned redirects: URLs stay the app's and
 * stay valid). A single byte range is honoured so audio players can seek.
 */
export async function sendStored(
  req: Request,
  res: Response,
  storage: FileStorage,
  key: string,
  opts: { headers: Record<string, string>; notFound: string; log: Logger },
): Promise<void> {
  const found = await storage.open(key, req.headers.range);
  if (!found) {
    res.status(404).json({ code: 404, message: opts.notFound });
    return;
  }
  if ('unsatisfiable' in found) {
    if (found.total !== null) res.setHeader('Content-Range', `bytes */${found.total}`);
    res.status(416).end();
    return;
  }
  res.set(opts.headers);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Length', String(found.length));
  if (found.range) {
    res.status(206).setHeader('Content-Range', `bytes ${found.range.start}-${found.range.end}/${found.total}`);
  }
  if (req.method === 'HEAD') {
    found.body.destroy();
    res.end();
    return;
  }
  found.body.on('error', (err) => {
    opts.log.warn({ err, key }, 'reading a stored file failed mid-stream');
    res.destroy(err);
  });
  // A client that goes away stops the read (and the S3 download) too.
  res.on('close', () => found.body.destroy());
  found.body.pipe(res);
}
