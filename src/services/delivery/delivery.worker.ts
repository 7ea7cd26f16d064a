import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { ChannelConfig } from '../../core/channel/channel-config.js';
import type { Logger } from '../../core/logger.js';
import { DeliveryState, type DeliveryRecord } from '../../entities/delivery/delivery-record.js';
import { retryDelayMs } from '../channel/gateway-signature.js';
import { crossTenantEm } from '../../core/db/tenancy.js';

/** A refusal no retry can fix (no channel, a disabled endpoint, a forbidden address): the delivery fails at once. */
export class PermanentFailure extends Error {}

/** One kind of durable delivery (channel replies, merchant webhooks): which row is next, and how one is sent. */
export interface DeliveryLane<D extends DeliveryRecord<string> = DeliveryRecord<string>> {
  readonly name: string;
  /**
   * Locks and loads the next due pending row (`for update skip locked`), or the row `id` if it is
   * pending and not locked; null when there is none. The lock is held while sending.
   */
  claim(tx: EntityManager, id?: number): Promise<D | null>;
  /** One attempt; throws PermanentFailure for what no retry fixes, anything else is retried. */
  send(tx: EntityManager, d: D): Promise<void>;
  /** Log fields that name the row. */
  describe(d: D): Record<string, unknown>;
  /** What to publish once the attempt is committed. */
  announce?(d: D): () => void;
  /** Housekeeping once a minute (e.g. expired nonces). */
  sweep?(em: EntityManager): Promise<void>;
}

/**
 * Sends every lane's queue. Each loop claims a due row, holding its row lock while sending:
 * another instance skips it, and a crash releases it for a retry with the same id. Refusals
 * back off from CHANNEL_RETRY_BASE_MS, doubling, up to CHANNEL_RETRY_MAX_SECONDS, until
 * CHANNEL_RETRY_GIVE_UP_SECONDS after queueing; the lanes only decide what is next and how it goes.
 */
export class DeliveryWorker {
  private stopping = false;
  private loops: Promise<void>[] = [];
  private wake: (() => void)[] = [];
  private polling = false;
  private lastSweep = 0;
  private next = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly config: Pick<ChannelConfig, 'retryBaseMs' | 'retryMaxMs' | 'giveUpMs' | 'pollMs' | 'deliveryConcurrency'>,
    private readonly lanes: DeliveryLane[],
    private readonly log: Logger,
  ) {}

  start(): void {
    this.stopping = false;
    for (let i = 0; i < this.config.deliveryConcurrency; i++) this.loops.push(this.loop());
  }

  /** Lets attempts in flight finish (each is bounded by CHANNEL_HTTP_TIMEOUT_MS). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.nudge();
    await Promise.all(this.loops.splice(0));
  }

  /** Wakes idle loops: something was just queued. */
  nudge(): void {
    this.wake.splice(0).forEach((w) => w());
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        worked = await this.runOnce();
        // Work found by the polling loop: the others join in.
        if (worked) this.nudge();
        await this.sweep();
      } catch (err) {
        this.log.error({ err }, 'delivery loop failed');
      }
      if (!worked && !this.stopping) await this.idle();
    }
  }

  /**
   * Waits for a nudge. One idle loop also polls every CHANNEL_POLL_MS (for rows due later, or queued by another
   * instance) and wakes the others when it finds work: four loops polling two lanes each made 16 transactions a
   * second on an idle instance.
   */
  private async idle(): Promise<void> {
    const polls = !this.polling;
    if (polls) this.polling = true;
    await new Promise<void>((resolve) => {
      const timer = polls ? setTimeout(done, this.config.pollMs) : null;
      function done() {
        if (timer) clearTimeout(timer);
        resolve();
      }
      this.wake.push(done);
    });
    if (polls) this.polling = false;
  }

  /** Attempts one due delivery of any lane (taking turns, so one busy lane does not starve another); false when none was due. */
  async runOnce(): Promise<boolean> {
    for (let i = 0; i < this.lanes.length; i++) {
      const lane = this.lanes[(this.next + i) % this.lanes.length]!;
      if (await this.attemptIn(lane)) {
        this.next = (this.next + i + 1) % this.lanes.length;
        return true;
      }
    }
    return false;
  }

  /** Attempts one pending row of `lane` now (a test-send); false when it is not pending or another worker holds it. */
  attemptNow(lane: DeliveryLane, id: number): Promise<boolean> {
    return this.attemptIn(lane, id);
  }

  private async attemptIn(lane: DeliveryLane, id?: number): Promise<boolean> {
    let announce: (() => void) | null = null;
    const worked = await crossTenantEm(this.orm).transactional(async (tx) => {
      const d = await lane.claim(tx, id);
      if (!d) return false;
      await this.attempt(tx, lane, d);
      await tx.flush();
      announce = lane.announce?.(d) ?? null;
      return true;
    });
    if (announce) (announce as () => void)();
    return worked;
  }

  private async attempt(tx: EntityManager, lane: DeliveryLane, d: DeliveryRecord<string>): Promise<void> {
    const now = new Date();
    d.attempts += 1;
    try {
      await lane.send(tx, d);
      d.delivered(new Date());
      this.log.info({ lane: lane.name, ...lane.describe(d), attempts: d.attempts }, 'delivered');
    } catch (err) {
      const reason = describe(err);
      if (err instanceof PermanentFailure) d.failed(reason);
      else {
        const retryAt = new Date(now.getTime() + retryDelayMs(d.attempts, this.config.retryBaseMs, this.config.retryMaxMs));
        d.refused(reason, retryAt, new Date(d.retriesFrom().getTime() + this.config.giveUpMs));
      }
      const level = d.state === DeliveryState.FAILED ? 'warn' : 'info';
      this.log[level]({ lane: lane.name, ...lane.describe(d), attempts: d.attempts, state: d.state, reason }, 'delivery refused');
    }
  }

  private async sweep(): Promise<void> {
    if (Date.now() - this.lastSweep < 60_000) return;
    this.lastSweep = Date.now();
    for (const lane of this.lanes) await lane.sweep?.(crossTenantEm(this.orm));
  }
}

/** "fetch failed" alone says little: the cause (refused, timed out, unknown host) is what the merchant needs. */
export function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? err.cause.message : '';
  return cause && !err.message.includes(cause) ? `${err.message}: ${cause}` : err.message;
}
