import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { badInput, rateLimited } from '../../core/errors.js';
import type { KnowledgeConfig } from '../../core/knowledge/knowledge-config.js';
import type { Logger } from '../../core/logger.js';
import { aiAnswers, llmFallbacks } from '../../core/metrics/metrics.js';
import type { RateLimiter } from '../../core/rate-limit.js';
import { parseInput } from '../../core/validation.js';
import type { RetrievalService } from '../knowledge/retrieval.service.js';
import type { StaffService } from '../staff/staff.service.js';
import { answerStream } from './answer-stream.js';
import type { AnswerOptions, AnswerResult, AnswerSource, AnswerStream, Answerer, Passage, Persona } from './answer.types.js';
import { BuiltinAnswerer } from './builtin.answerer.js';
import { LlmAnswerer, LlmError } from './llm.answerer.js';
import { replyLanguage } from './reply-phrases.js';
import { smallTalkOf, smallTalkReply } from './small-talk.js';
import { parseSynonyms, withSynonyms } from './synonyms.js';

const questionSchema = z.string({ message: 'question is required' }).trim().min(1, 'question is required').max(2000, 'question must be at most 2000 characters');

export function toSource(p: Passage): AnswerSource {
  return {
    documentId: p.documentId,
    chunkId: p.chunkId,
    fileName: p.fileName,
    heading: p.heading,
    excerpt: p.content.length > 300 ? `${p.content.slice(0, 297)}…` : p.content,
    score: p.score,
  };
}

/**
 * The answering service: retrieves a staff's passages and answers in its
 * persona, streamed, ending with {grounded, confidence, sources}. With an LLM
 * configured it answers through it, and falls back to the built-in answerer
 * when the LLM fails before saying anything; without one, built-in only.
 *
 * Callers: `ask` for a merchant's own staff (try-it panel); `answer` for a
 * staff the caller has already authorized (conversations, chat channels).
 */
export class AnswerService {
  readonly builtin: BuiltinAnswerer;
  readonly llm: LlmAnswerer | null;

  constructor(
    private readonly deps: { retrieval: RetrievalService; staff: StaffService; limiter: RateLimiter; config: KnowledgeConfig; log: Logger },
  ) {
    this.builtin = new BuiltinAnswerer(deps.config.answerMinScore);
    this.llm = deps.config.llm ? new LlmAnswerer(deps.config.llm, deps.config.answerMinScore) : null;
  }

  /**
   * Puts a question to one of the caller's staff. Each question costs a
   * retrieval and maybe a paid LLM call, so the caller and the staff each get
   * a budget per minute; counted after the tenancy check, so nobody spends
   * another merchant's.
   */
  async ask(ctx: RequestContext, staffId: number, question: string, opts: AnswerOptions = {}): Promise<AnswerStream> {
    const q = parseInput(questionSchema, question);
    const staff = await this.deps.staff.get(ctx, staffId);
    // The try-it panel answers only as the chat would: a frozen, expired or inactive staff does not.
    await this.deps.staff.requireAvailable(ctx.em, staff);
    const { limiter, config } = this.deps;
    const [byCaller, byStaff] = await Promise.all([
      limiter.hit(`ask:merchant:${ctx.requireMerchant().merchantId}`, config.askPerCallerPerMinute, 60_000),
      limiter.hit(`ask:staff:${staff.id}`, config.askPerStaffPerMinute, 60_000),
    ]);
    if (!byCaller || !byStaff) throw rateLimited('Too many questions to your staff, wait a minute');
    return this.answer(ctx.em, staff, q, opts);
  }

  /** Answers a question for a staff (any object with the persona fields and its id). */
  answer(em: EntityManager, staff: Persona & { id: number }, question: string, opts: AnswerOptions = {}): AnswerStream {
    const q = parseInput(questionSchema, question);
    const chosen = this.pick(opts.answerer ?? 'auto');
    return answerStream(this.run(em, staff, q, chosen, opts));
  }

  private pick(which: NonNullable<AnswerOptions['answerer']>): Answerer {
    if (which === 'builtin') return this.builtin;
    if (which === 'llm' && !this.llm) throw badInput('No language model is configured (set LLM_BASE_URL and LLM_MODEL)');
    return this.llm ?? this.builtin;
  }

  private async *run(
    em: EntityManager,
    staff: Persona & { id: number },
    question: string,
    answerer: Answerer,
    opts: AnswerOptions,
  ): AsyncGenerator<string, Omit<AnswerResult, 'text'>, void> {
    // One language for the whole reply and the notices after it.
    const language = replyLanguage(question, staff);
    // Greetings, thanks and goodbyes are answered in the persona's words: no passage answers them, and no person is needed.
    const small = smallTalkOf(question);
    if (small) {
      yield smallTalkReply(small, staff, language);
      return this.answered(staff.id, { grounded: true, confidence: 1, sources: [], answerer: answerer.kind, language });
    }
    // Retrieval also looks for the merchant's synonyms of the question's words; the answerer gets the question as asked.
    const passages = await this.deps.retrieval.retrieve(em, staff.id, withSynonyms(question, parseSynonyms(staff.synonyms)), { k: opts.k ?? 8 });
    this.deps.log.info({ staffId: staff.id, passages: passages.length, bestScore: passages[0]?.score ?? 0 }, 'passages retrieved');
    const input = { persona: staff, question, passages, history: opts.history, signal: opts.signal, language };
    const gen = answerer.answer(input);
    let emitted = false;
    try {
      for (;;) {
        const step = await gen.next();
        if (step.done) return this.answered(staff.id, { ...step.value, sources: step.value.sources.map(toSource), answerer: answerer.kind, language });
        emitted = true;
        yield step.value;
      }
    } catch (err) {
      if (!(err instanceof LlmError) || emitted || err.kind === 'aborted') throw err;
      this.deps.log.warn({ err: err.message, staffId: staff.id }, 'LLM failed; answering with the built-in answerer');
      llmFallbacks.inc({ reason: err.kind });
      const outcome = yield* this.builtin.answer(input);
      return this.answered(staff.id, { ...outcome, sources: outcome.sources.map(toSource), answerer: 'builtin', language, fallbackReason: err.message });
    }
  }

  /** Counted and logged (a step of the conversation's trace) once the answer is complete. */
  private answered<T extends Omit<AnswerResult, 'text'>>(staffId: number, result: T): T {
    aiAnswers.inc({ answerer: result.answerer, outcome: result.grounded ? 'grounded' : 'refused' });
    this.deps.log.info({ staffId, answerer: result.answerer, grounded: result.grounded, confidence: result.confidence, sources: result.sources.length }, 'answer ready');
    return result;
  }
}
