import { LRUCache } from 'lru-cache';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Logger } from '../../core/logger.js';
import { Staff } from '../../entities/staff/staff.entity.js';
import { crossTenantEm } from '../../core/db/tenancy.js';

/**
 * Staff (with its merchant) by id for the conversation intake, which asks on every message of every
 * contact: each is read at most once per `ttlMs`, and a change announced on the bus (here or, through
 * Redis, on another instance) drops it at once. The entities are read-only snapshots: a use case that
 * writes loads its own.
 */
export class StaffDirectory {
  private readonly cache: LRUCache<number, Promise<Staff | null>>;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly orm: MikroORM,
    bus: EventBus,
    log: Logger,
    ttlMs = 1_000,
  ) {
    this.cache = new LRUCache({ max: 10_000, ttl: ttlMs });
    this.drain(bus.subscribe('STAFF_CHANGED'), (e) => void this.cache.delete(e.staffId), log);
    this.drain(bus.subscribe('MERCHANT_CHANGED'), (e) => this.forgetMerchant(e.merchantId), log);
  }

  get(staffId: number): Promise<Staff | null> {
    let staff = this.cache.get(staffId);
    if (!staff) {
      staff = crossTenantEm(this.orm).findOne(Staff, staffId, { populate: ['merchant'] });
      this.cache.set(staffId, staff);
      // A failed read is not kept.
      staff.catch(() => this.cache.delete(staffId));
    }
    return staff;
  }

  stop(): void {
    this.stops.forEach((s) => s());
  }

  private forgetMerchant(merchantId: number): void {
    for (const [id, staff] of this.cache.entries()) void staff.then((s) => s?.merchant.id === merchantId && this.cache.delete(id));
  }

  private drain<T>(events: AsyncIterableIterator<T>, on: (e: T) => void, log: Logger): void {
    this.stops.push(() => void events.return?.());
    void (async () => {
      for await (const e of events) on(e);
    })().catch((err: unknown) => log.warn({ err }, 'staff directory stopped listening'));
  }
}
