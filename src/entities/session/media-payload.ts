import { z } from 'zod';
import { badInput } from '../../core/errors.js';

/**
 * What a picture, voice, video or file message carries besides its caption (`Message.content`),
 * the same on every surface (docs/architecture.md, "Messages"). Only `url` is required.
 */
export interface MediaPayload {
  [extra: string]: unknown;
  url: string;
  mimeType?: string;
  /** Bytes. */
  size?: number;
  /** The file's name as its sender gave it. */
  name?: string;
  /** Seconds, for voice and video. */
  duration?: number;
}

export const mediaPayloadSchema = z
  .object({
    url: z
      .string('media url is required')
      .trim()
      .max(2048, 'media url must be at most 2048 characters')
      .regex(/^https?:\/\/\S+$/i, 'media url must be an http(s) URL'),
    mimeType: z.string().trim().max(128, 'mimeType must be at most 128 characters').regex(/^[\w.+-]+\/[\w.+-]+$/, 'mimeType must look like image/png').optional(),
    size: z.number('size must be a number of bytes').int('size must be a whole number of bytes').min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    name: z.string().trim().max(255, 'name must be at most 255 characters').optional(),
    duration: z.number('duration must be a number of seconds').min(0).max(86_400, 'duration must be at most a day').optional(),
  })
  // Channel-specific extras (a WeCom media id, a location's coordinates) are kept, not refused.
  .catchall(z.unknown());

/**
 * A media message as surfaces send it: with a payload (then `content` is a caption), or with only
 * the URL as its content, as the legacy surfaces do. Throws BAD_USER_INPUT when there is no valid URL.
 */
export function mediaMessage(content: string, payload: Record<string, unknown> | null | undefined): { content: string; payload: MediaPayload } {
  if (payload) return { content, payload: parseMedia(payload) };
  return { content: '', payload: parseMedia({ url: content }) };
}

function parseMedia(value: Record<string, unknown>): MediaPayload {
  // An unknown field may come as null (a channel that has no size for it): it is left out.
  const given = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
  const parsed = mediaPayloadSchema.safeParse(given);
  if (!parsed.success) throw badInput(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}
