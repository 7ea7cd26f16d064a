import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { AppError, ErrorCode } from '../../core/errors.js';
import type { KnowledgeConfig } from '../../core/knowledge/knowledge-config.js';
import type { AnswerInput, AnswerOutcome, Answerer } from './answer.types.js';
import { buildMessages, NO_ANSWER } from './persona-prompt.js';
import { refusalText } from './reply-phrases.js';
import { llmDuration, secondsSince } from '../../core/metrics/metrics.js';

export type LlmSettings = NonNullable<KnowledgeConfig['llm']>;

export type LlmErrorKind = 'timeout' | 'stalled' | 'http' | 'unreachable' | 'aborted' | 'empty' | 'protocol';

/** A failure of the language model service, with a message fit to show (it never carries the API key). */
export class LlmError extends AppError {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(ErrorCode.Internal, message);
    this.name = 'LlmError';
  }
}

class StallError extends Error {}
class DeadlineError extends Error {}

/**
 * Answers with any OpenAI-compatible chat-completions service (OpenAI,
 * DeepSeek, Qwen, Ollama, vLLM…), streamed. The prompt carries the persona
 * and the retrieved passages and asks for NO_ANSWER when they do not answer;
 * that reply becomes the persona's "I don't know, shall I get a person?".
 * The SDK retries failed requests (5xx, 429, timeouts, refused connections)
 * with backoff; a stream that goes silent is cut after the stall timeout and
 * retried too, as long as no text has been passed on. Each request asks for at
 * most `maxTokens`, and the whole answer ends at `totalTimeoutMs` whatever the model does.
 */
export class LlmAnswerer implements Answerer {
  readonly kind = 'llm' as const;
  private readonly client: OpenAI;

  constructor(
    private readonly settings: LlmSettings,
    private readonly minScore: number,
  ) {
    this.client = new OpenAI({
      baseURL: settings.baseUrl,
      apiKey: settings.apiKey,
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries,
    });
  }

  async *answer(input: AnswerInput): AsyncGenerator<string, AnswerOutcome, void> {
    const { persona, question, language } = input;
    // Passages well below the threshold are noise; with none left there is nothing to answer from, so no call is made.
    const passages = input.passages.filter((p) => p.score >= this.minScore / 2).slice(0, 6);
    const confidence = input.passages[0]?.score ?? 0;
    if (!passages.length) {
      yield refusalText(language, persona.tone);
      return { grounded: false, confidence, sources: [] };
    }
    const messages = buildMessages(persona, question, passages, input.history, language);
    // One deadline for the whole answer, retries included: a model that streams on and on is cut there.
    const deadline = AbortSignal.timeout(this.settings.totalTimeoutMs);
    for (let attempt = 0; ; attempt++) {
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      input.signal?.addEventListener('abort', onAbort, { once: true });
      deadline.addEventListener('abort', onAbort, { once: true });
      if (deadline.aborted) controller.abort();
      let emitted = false;
      const started = process.hrtime.bigint();
      let outcome = 'error';
      try {
        const stream = await this.client.chat.completions.create(
          { model: this.settings.model, messages, stream: true, temperature: 0.2, max_tokens: this.settings.maxTokens },
          { signal: controller.signal },
        );
        // Held back until it is clear the reply is not the NO_ANSWER marker.
        let head = '';
        let decided = false;
        let refused = false;
        for await (const piece of this.withStallTimeout(stream, controller)) {
          if (decided) {
            if (!refused && piece) {
              emitted = true;
              yield piece;
            }
            continue;
          }
          head += piece;
          const trimmed = head.trimStart();
          if (trimmed.length >= NO_ANSWER.length || !NO_ANSWER.startsWith(trimmed)) {
            decided = true;
            refused = trimmed.startsWith(NO_ANSWER);
            if (!refused && trimmed) {
              emitted = true;
              yield trimmed;
            }
          }
        }
        // An aborted stream just ends (the SDK swallows the abort): cut by the deadline, it is no answer.
        if (deadline.aborted) throw new DeadlineError();
        const trimmed = head.trimStart();
        if (!decided && trimmed.startsWith(NO_ANSWER)) refused = true;
        else if (!decided && trimmed) {
          emitted = true;
          yield trimmed;
        }
        outcome = refused ? 'refused' : emitted ? 'ok' : 'empty';
        if (refused) {
          yield refusalText(language, persona.tone);
          return { grounded: false, confidence, sources: [] };
        }
        if (!emitted) throw new LlmError('empty', 'The language model service returned an empty answer');
        return { grounded: true, confidence, sources: passages };
      } catch (err) {
        if (err instanceof DeadlineError || (deadline.aborted && !input.signal?.aborted)) {
          outcome = 'timeout';
          throw new LlmError('timeout', `The language model answer was cut at the ${this.settings.totalTimeoutMs} ms limit (LLM_TOTAL_TIMEOUT_MS)`);
        }
        if (err instanceof StallError && !emitted && attempt < this.settings.maxRetries) {
          outcome = 'stalled';
          continue;
        }
        const failure = this.toLlmError(err, input.signal);
        outcome = failure.kind;
        throw failure;
      } finally {
        llmDuration.observe({ outcome }, secondsSince(started));
        input.signal?.removeEventListener('abort', onAbort);
        deadline.removeEventListener('abort', onAbort);
        controller.abort();
      }
    }
  }

  /**
   * One whole completion for a task other than answering (the handoff summary): the same client, limits and
   * error model as answers, streamed (as every configured service speaks it) and collected.
   */
  async complete(messages: { role: 'system' | 'user'; content: string }[], signal?: AbortSignal): Promise<string> {
    const deadline = AbortSignal.timeout(this.settings.totalTimeoutMs);
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    deadline.addEventListener('abort', onAbort, { once: true });
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const stream = await this.client.chat.completions.create(
        { model: this.settings.model, messages, stream: true, temperature: 0.2, max_tokens: this.settings.maxTokens },
        { signal: controller.signal },
      );
      let text = '';
      for await (const piece of this.withStallTimeout(stream, controller)) text += piece;
      if (deadline.aborted) throw new DeadlineError();
      if (!text.trim()) throw new LlmError('empty', 'The language model service returned an empty answer');
      return text.trim();
    } catch (err) {
      if (err instanceof DeadlineError || deadline.aborted) throw new LlmError('timeout', `The language model answer was cut at the ${this.settings.totalTimeoutMs} ms limit (LLM_TOTAL_TIMEOUT_MS)`);
      throw this.toLlmError(err, signal);
    } finally {
      deadline.removeEventListener('abort', onAbort);
      signal?.removeEventListener('abort', onAbort);
      controller.abort();
    }
  }

  /** The text deltas of a completion stream; silence longer than the stall timeout aborts it. */
  private async *withStallTimeout(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>, controller: AbortController): AsyncGenerator<string> {
    const it = stream[Symbol.asyncIterator]();
    const ms = this.settings.stallTimeoutMs;
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new StallError());
        }, ms);
      });
      try {
        const next = it.next();
        // After a stall the abandoned read rejects (aborted); nobody awaits it any more.
        next.catch(() => undefined);
        const step = await Promise.race([next, stalled]);
        if (step.done) return;
        const delta = step.value.choices?.[0]?.delta?.content;
        if (delta) yield delta;
      } finally {
        clearTimeout(timer);
      }
    }
  }

  private toLlmError(err: unknown, signal?: AbortSignal): LlmError {
    const s = this.settings;
    const attempts = `${s.maxRetries + 1} attempt${s.maxRetries === 0 ? '' : 's'}`;
    if (err instanceof LlmError) return err;
    if (err instanceof StallError) {
      return new LlmError('stalled', `The language model stream stalled: nothing arrived for ${s.stallTimeoutMs} ms (${attempts})`);
    }
    if (signal?.aborted || err instanceof APIUserAbortError) return new LlmError('aborted', 'The answer was cancelled');
    if (err instanceof APIConnectionTimeoutError) {
      return new LlmError('timeout', `The language model service did not answer within ${s.timeoutMs} ms (${attempts})`);
    }
    if (err instanceof APIConnectionError) {
      return new LlmError('unreachable', `Could not reach the language model service (${attempts}): ${err.message}`);
    }
    if (err instanceof APIError && typeof err.status === 'number') {
      const retried = err.status >= 500 || err.status === 429 || err.status === 408 ? ` after ${attempts}` : '';
      const detail = err.status === 401 ? 'the API key was refused' : err.message.replace(/^\d{3}\s*/, '').slice(0, 300);
      return new LlmError('http', `The language model service answered HTTP ${err.status}${retried}: ${detail}`, err.status);
    }
    return new LlmError('protocol', `Unexpected reply from the language model service: ${(err as Error)?.message ?? String(err)}`);
  }
}
