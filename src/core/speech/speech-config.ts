import { z } from 'zod';
import { intVar, optionalString, urlVar } from '../env-vars.js';

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

/** Spread into the environment schema of src/core/config.ts. */
export const speechEnvShape = {
  SPEECH_BASE_URL: urlVar(['http:', 'https:']),
  SPEECH_API_KEY: optionalString,
  SPEECH_MODEL: z.string().trim().min(1).default('tts-1'),
  SPEECH_VOICE: z.string().trim().min(1).default('alloy'),
  SPEECH_TIMEOUT_MS: intVar(30_000, 100, 600_000),
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
