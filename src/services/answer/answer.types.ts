import type { LanguageMode, LanguageResponse, OutputLength, Tone } from '../../entities/staff/staff-enums.js';
import type { Passage } from '../knowledge/retrieval.service.js';
import type { ReplyLanguage } from './reply-phrases.js';

export type { Passage } from '../knowledge/retrieval.service.js';

/** The staff fields an answer is shaped by. A Staff entity satisfies it. */
export interface Persona {
  name: string;
  orgName: string;
  description: string;
  tone: Tone | `${Tone}`;
  outputLength: OutputLength | `${OutputLength}`;
  languageMode: LanguageMode | `${LanguageMode}`;
  languageResponse: LanguageResponse | `${LanguageResponse}`;
  /** The staff's greeting, the reply to a contact's hello (empty: a greeting in the persona's words). */
  greetings?: string;
  /** The merchant's synonym groups, one a line ("deliver, ship, 送货"). */
  synonyms?: string[];
}

/** An earlier turn of the conversation, oldest first (used by the LLM answerer). */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface AnswerInput {
  persona: Persona;
  question: string;
  /** Retrieved passages, best first. */
  passages: Passage[];
  history?: ChatTurn[];
  signal?: AbortSignal;
  /** The reply's one language, decided once (replyLanguage) for every phrase of it. */
  language: ReplyLanguage;
}

/** How an answer ended: whether the material answered it, how sure retrieval was, and what it drew on. */
export interface AnswerOutcome {
  grounded: boolean;
  /** The best passage's retrieval score, 0–1. */
  confidence: number;
  sources: Passage[];
}

/** One way of producing an answer: streams text, then returns the outcome. */
export interface Answerer {
  readonly kind: 'llm' | 'builtin';
  answer(input: AnswerInput): AsyncGenerator<string, AnswerOutcome, void>;
}

export interface AnswerSource {
  documentId: number;
  chunkId: number;
  fileName: string;
  heading: string;
  /** The start of the passage (at most 300 characters). */
  excerpt: string;
  score: number;
}

export interface AnswerResult {
  /** The whole text, as streamed. */
  text: string;
  /** False when the material did not answer the question: the text then says so and offers a person. */
  grounded: boolean;
  confidence: number;
  sources: AnswerSource[];
  answerer: 'llm' | 'builtin';
  /** The reply's language; the notices that follow it (the queue, an agent joining) speak it too. */
  language: ReplyLanguage;
  /** Set when the LLM failed before any text and the built-in answerer answered instead. */
  fallbackReason?: string;
}

/**
 * A streamed answer: iterate it (once) for the text pieces; `result`
 * settles when the stream has ended (rejecting if the stream failed).
 */
export interface AnswerStream extends AsyncIterable<string> {
  readonly result: Promise<AnswerResult>;
}

export interface AnswerOptions {
  /** Passages to retrieve (default 5). */
  k?: number;
  history?: ChatTurn[];
  signal?: AbortSignal;
  /** `auto` (default): the LLM when configured, else built-in. */
  answerer?: 'auto' | 'builtin' | 'llm';
}
