import type { Logger } from '../core/logger.js';

/**
 * Subscriptions a hub drains one event at a time; a failing handler is logged and the stream goes on.
 * `stop()` ends every subscription.
 */
export class EventPumps {
  private readonly iterators: AsyncIterator<unknown>[] = [];

  constructor(
    private readonly log: Logger,
    private readonly what: string,
  ) {}

  pump<T>(source: AsyncIterable<T>, handle: (e: T) => Promise<void>): void {
    const it = source[Symbol.asyncIterator]();
    this.iterators.push(it as AsyncIterator<unknown>);
    void (async () => {
      for (;;) {
        const step = await it.next();
        if (step.done) return;
        await handle(step.value).catch((err) => this.log.warn({ err }, `${this.what} failed`));
      }
    })();
  }

  stop(): void {
    for (const it of this.iterators) void it.return?.();
  }
}
