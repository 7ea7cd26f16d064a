import { Repeater } from '@graphql-yoga/subscription';
import { ResumeGate } from '../core/events/event-sequencer.js';

/**
 * A subscription that resumes from a cursor (`since`, `after`): it listens to the live stream first, then
 * yields what `replay` read (everything after the cursor), then the live items that came meanwhile and
 * after, without those the replay already gave. `seqOf` numbers live and replayed items alike.
 */
export function resumable<T>(live: AsyncIterable<T>, seqOf: (item: T) => number, since: number, replay: () => Promise<{ items: T[]; upTo: number }>): AsyncIterable<T> {
  return new Repeater<T>(async (push, stop) => {
    const gate = new ResumeGate<T>(since, true);
    const it = live[Symbol.asyncIterator]();
    // The first next() subscribes: before the replay is read, so nothing falls between the two.
    let step = it.next();
    void (async () => {
      for (;;) {
        const s = await step;
        if (s.done) return stop();
        if (gate.offer(seqOf(s.value), s.value)) await push(s.value);
        step = it.next();
      }
    })().catch((err: unknown) => stop(err));
    try {
      const r = await replay();
      for (const item of r.items) await push(item);
      gate.replayed(r.upTo);
      for (let batch = gate.drain(); batch.length; batch = gate.drain()) for (const item of batch) await push(item);
      gate.open();
    } catch (err) {
      stop(err);
    }
    await stop;
    await it.return?.();
  });
}
