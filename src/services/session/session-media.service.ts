import type { Readable } from 'node:stream';
import type { RequestContext } from '../../core/context.js';
import type { MediaPayload } from '../../entities/session/media-payload.js';
import { tooLarge, type FileService } from '../knowledge/file.service.js';
import type { SessionService } from './session.service.js';

/** A picture or file an agent (or the merchant) is about to send in a session: stored first, then sent by URL. */
export class SessionMediaService {
  constructor(
    private readonly sessions: SessionService,
    private readonly files: FileService,
  ) {}

  /** Stores the file for the session's merchant (the session must be visible to the caller); answers what sendMessage's media takes. */
  async upload(ctx: RequestContext, sessionId: number, input: { fileName: string; data: Readable }): Promise<MediaPayload> {
    const { merchantId } = ctx.requireTenant();
    await this.sessions.get(ctx, sessionId);
    const file = await this.files.storeFor(ctx.em, merchantId, input).catch((err: unknown) => {
      // The multipart parser ends a part over its limit with its own 413 error (http-errors).
      throw (err as { status?: unknown }).status === 413 ? tooLarge(this.files.maxBytes) : err;
    });
    return { url: this.files.fileUrl(file.filePath), mimeType: file.contentType.split(';')[0]!, size: Number(file.fileSize), name: file.fileName };
  }
}
