import type { AnswerResult, AnswerStream } from './answer.types.js';

/** Wraps a generator that yields text and returns the result (minus the text, which is collected here). */
export function answerStream(gen: AsyncGenerator<string, Omit<AnswerResult, 'text'>, void>): AnswerStream {
  let resolve!: (r: AnswerResult) => void;
  let reject!: (e: unknown) => void;
  const result = new Promise<AnswerResult>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Callers that only iterate must not see an unhandled rejection; `result` still rejects for those who await it.
  result.catch(() => undefined);
  let started = false;
  return {
    result,
    async *[Symbol.asyncIterator]() {
      if (started) throw new Error('an answer stream can be read once');
      started = true;
      let text = '';
      try {
        for (;;) {
          const step = await gen.next();
          if (step.done) {
            resolve({ text, ...step.value });
            return;
          }
          if (step.value) {
            text += step.value;
            yield step.value;
          }
        }
      } catch (err) {
        reject(err);
        throw err;
      } finally {
        // The reader stopped early (break / return): end the generator and settle.
        await gen.return?.(undefined as never).catch(() => undefined);
        reject(new Error('the answer stream was not read to the end'));
      }
    },
  };
}

/** Reads a stream to the end: the whole text and the outcome. */
export async function collectAnswer(stream: AnswerStream): Promise<AnswerResult> {
  for await (const _piece of stream) {
    // collected by the stream itself
  }
  return stream.result;
}
