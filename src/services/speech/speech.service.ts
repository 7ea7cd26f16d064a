import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import OpenAI, { APIConnectionTimeoutError, APIError } from 'openai';
import type { SpeechConfig } from '../../core/speech/speech-config.js';
import type { Logger } from '../../core/logger.js';

/** OpenAI's speech endpoint takes at most this many characters of input. */
const MAX_INPUT_CHARS = 4096;
/** Larger responses are not a spoken answer; refusing them keeps a broken service from filling the disk. */
const MAX_AUDIO_BYTES = 50 * 1024 * 1024;
const RETRY_DELAY_MS = 300;
const AUDIO_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.mp3$/;

export const SPEECH_NOT_CONFIGURED = 'Voice replies are not available: no speech synthesis service is configured';

/** Voice replies cannot be made now; `message` is meant for the contact (the seed's 502 frame). */
export class SpeechError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpeechError';
  }
}

export interface SynthesizedAudio {
  /** File name under the audio directory, `<uuid>.mp3`. */
  name: string;
  /** Public URL: PUBLIC_URL/assets/audio/<name>. */
  url: string;
  bytes: number;
}

/** One failed attempt, and whether trying again could help. */
class AttemptError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/**
 * Text to speech through the `openai` SDK's speech call (`POST {base}/audio/speech`, any compatible service);
 * the MP3 is kept under DATA_DIR/audio and served from /assets/audio.
 */
export class SpeechService {
  private readonly dir: string;
  private sdk: OpenAI | undefined;

  constructor(
    private readonly config: SpeechConfig | undefined,
    dataDir: string,
    private readonly publicUrl: string,
    private readonly log: Logger,
  ) {
    this.dir = path.join(dataDir, 'audio');
  }

  get configured(): boolean {
    return this.config !== undefined;
  }

  /** Synthesizes `text` and stores it; throws SpeechError with a reason the contact may read. */
  async synthesize(text: string): Promise<SynthesizedAudio> {
    const config = this.config;
    if (!config) throw new SpeechError(SPEECH_NOT_CONFIGURED);
    const input = text.trim().slice(0, MAX_INPUT_CHARS);
    if (!input) throw new SpeechError('Voice reply failed: there is no text to speak');

    let audio: Buffer;
    try {
      audio = await this.request(config, input);
    } catch (first) {
      if (!(first instanceof AttemptError) || !first.retryable) throw this.failure(first, 1);
      this.log.warn({ reason: first.message }, 'speech request failed; retrying once');
      await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
      try {
        audio = await this.request(config, input);
      } catch (second) {
        throw this.failure(second, 2);
      }
    }

    const name = `${randomUUID()}.mp3`;
    await mkdir(this.dir, { recursive: true });
    // Written aside and renamed, so the URL never serves half a file.
    const partial = path.join(this.dir, `.${name}.part`);
    try {
      await writeFile(partial, audio);
      await rename(partial, path.join(this.dir, name));
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    return { name, url: `${this.publicUrl}/assets/audio/${name}`, bytes: audio.length };
  }

  /** The stored file for a served name, or null for anything that is not one of ours (no path tricks). */
  localPath(name: string): string | null {
    return AUDIO_NAME.test(name) ? path.join(this.dir, name) : null;
  }

  private async request(config: SpeechConfig, input: string): Promise<Buffer> {
    // The signal also bounds reading the body, so a service that stalls mid-stream times out too.
    const signal = AbortSignal.timeout(config.timeoutMs);
    try {
      const res = await this.client(config).audio.speech.create(
        { model: config.model, input, voice: config.voice, response_format: 'mp3' },
        { signal },
      );
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > MAX_AUDIO_BYTES) throw new AttemptError('the speech service sent more audio than allowed', false);
      const body = Buffer.from(await res.arrayBuffer());
      if (body.length === 0) throw new AttemptError('the speech service sent no audio', true);
      if (body.length > MAX_AUDIO_BYTES) throw new AttemptError('the speech service sent more audio than allowed', false);
      return body;
    } catch (err) {
      if (err instanceof AttemptError) throw err;
      if (signal.aborted || err instanceof APIConnectionTimeoutError) {
        throw new AttemptError(`the speech service did not answer within ${config.timeoutMs} ms`, true);
      }
      if (err instanceof APIError && err.status !== undefined) {
        const detail = errorDetail(err);
        const retryable = err.status >= 500 || err.status === 429 || err.status === 408;
        throw new AttemptError(`the speech service answered HTTP ${err.status}${detail ? ` (${detail})` : ''}`, retryable);
      }
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new AttemptError(`the speech service is unreachable (${cause?.code ?? cause?.message ?? (err as Error).message})`, true);
    }
  }

  /** One SDK client per configuration; its own retries are off because synthesize() retries once, visibly. */
  private client(config: SpeechConfig): OpenAI {
    this.sdk ??= new OpenAI({ baseURL: config.baseUrl, apiKey: config.apiKey ?? 'unused', maxRetries: 0, timeout: config.timeoutMs });
    return this.sdk;
  }

  private failure(err: unknown, attempts: number): SpeechError {
    if (!(err instanceof AttemptError)) {
      this.log.error({ err }, 'speech synthesis failed');
      return new SpeechError('Voice reply failed: internal error');
    }
    this.log.warn({ reason: err.message, attempts }, 'speech synthesis failed');
    return new SpeechError(`Voice reply failed: ${err.message}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`);
  }
}

/** A short, single-line reason from the service's error body (OpenAI's `{error:{message}}` or plain text). */
function errorDetail(err: InstanceType<typeof APIError>): string {
  const body = err.error as { message?: unknown } | string | undefined;
  const message = typeof body === 'string' ? body : typeof body?.message === 'string' ? body.message : '';
  return message.replace(/\s+/g, ' ').trim().slice(0, 200);
}
