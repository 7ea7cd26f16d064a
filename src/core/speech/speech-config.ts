import { z } from 'zod';

/** An OpenAI-compatible text-to-speech service for voice replies (`type: audio` on the web chat). */
export interface SpeechConfig {
  /** e.g. https://api.openai.com/v1; `/audio/speech` is appended. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  voice: string;
  /** One attempt, response body included; a timed-out attempt is retried once. */
  timeoutMs: number;
}

const optional = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

/** Spread into the environment schema of src/core/config.ts. */
export const speechEnvShape = {
  SPEECH_BASE_URL: optional.refine(
    (v) => {
      if (v === undefined) return true;
      try {
        return ['http:', 'https:'].includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: 'must be a URL starting with http:// or https://' },
  ),
  SPEECH_API_KEY: optional,
  SPEECH_MODEL: z.string().trim().min(1).default('tts-1'),
  SPEECH_VOICE: z.string().trim().min(1).default('alloy'),
  SPEECH_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(100, 'must be at least 100')
    .max(600_000, 'must be at most 600000')
    .default(30_000),
};

type SpeechEnv = z.output<z.ZodObject<typeof speechEnvShape>>;

/** A key without a service is a mistake worth stopping for: voice replies would silently stay off. */
export function checkSpeechEnv(env: Record<string, string | undefined>): string[] {
  return env.SPEECH_API_KEY && !env.SPEECH_BASE_URL ? ['SPEECH_BASE_URL: SPEECH_API_KEY is set but SPEECH_BASE_URL is not'] : [];
}

/** Undefined when no speech service is configured (voice requests are then refused with 502). */
export function speechConfigFrom(e: SpeechEnv): SpeechConfig | undefined {
  if (!e.SPEECH_BASE_URL) return undefined;
  return {
    baseUrl: e.SPEECH_BASE_URL.replace(/\/+$/, ''),
    apiKey: e.SPEECH_API_KEY,
    model: e.SPEECH_MODEL,
    voice: e.SPEECH_VOICE,
    timeoutMs: e.SPEECH_TIMEOUT_MS,
  };
}
