import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { EventLog } from '../../core/events/event-log.js';
import type { Logger } from '../../core/logger.js';
import type { AgentService } from '../agent/agent.service.js';
import type { RoutingService } from '../session/routing.service.js';
import type { SessionService } from '../session/session.service.js';
import type { TradeService } from '../trade/trade.service.js';
import type { InstanceService } from './instance.service.js';
import { crossTenantEm } from '../../core/db/tenancy.js';

/** What one sweep repaired; `skipped` when another instance was sweeping. */
export interface SweepReport {
  skipped: boolean;
  agentsOffline: number;
  agentsReleased: number;
  merchantsRouted: number;
  tradesClosed: number;
  eventsPruned: number;
}

// pg_try_advisory_xact_lock(7302, 1): one instance sweeps at a time (7301 is the per-tenant routing lock).
const SWEEP_LOCK: [number, number] = [7_302, 1];

/**
 * Self-healing for work a crash can strand between two commits. Every instance beats on each tick; one
 * instance at a time then repairs: agents made present by a console on a dead instance go offline; sessions
 * still held by a deleted agent, or by one no longer assigned to their staff, go back to the queue; waiting
 * sessions with a free online auto-accept agent are routed (a handoff committed whose routing never ran);
 * and unpaid trades long past their deadline, whose close job was lost, are closed. Conversation events older
 * than their retention leave the event log. Each repair is idempotent.
 */
export class SweepService {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<unknown> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly instance: InstanceService,
    private readonly deps: { agents: AgentService; sessions: SessionService; routing: RoutingService; trades: TradeService; eventLog: EventLog },
    private readonly log: Logger,
    private readonly timing: { intervalMs: number; eventRetentionMs: number },
  ) {}

  /** Beats once (so this instance counts as alive before it serves), then ticks every interval. */
  async start(): Promise<void> {
    await this.instance.heartbeat(crossTenantEm(this.orm));
    this.timer = setInterval(() => void this.tick(), this.timing.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sweeping;
    await this.instance.retire(crossTenantEm(this.orm)).catch((err: unknown) => this.log.warn({ err }, 'instance row not removed'));
  }

  /** One repair pass, unless another instance holds the sweep lock. */
  async sweep(): Promise<SweepReport> {
    const report: SweepReport = { skipped: true, agentsOffline: 0, agentsReleased: 0, merchantsRouted: 0, tradesClosed: 0, eventsPruned: 0 };
    await crossTenantEm(this.orm).transactional(async (tx) => {
      const [row] = await tx.execute<{ locked: boolean }[]>('select pg_try_advisory_xact_lock(?, ?) as locked', SWEEP_LOCK);
      if (!row?.locked) return;
      report.skipped = false;
      // Each repair works on its own connections; the lock's transaction only holds the lock.
      report.agentsOffline = await this.step('presence', () => this.releaseDeadInstances());
      report.agentsReleased = await this.step('held sessions', () => this.releaseStrandedSessions(crossTenantEm(this.orm)));
      report.merchantsRouted = await this.step('routing', () => this.routeWaiting(crossTenantEm(this.orm)));
      report.tradesClosed = await this.step('trades', () => this.deps.trades.closeOverdue());
      report.eventsPruned = await this.step('event log', () => this.deps.eventLog.prune(this.timing.eventRetentionMs));
    });
    return report;
  }

  private async tick(): Promise<void> {
    try {
      await this.instance.heartbeat(crossTenantEm(this.orm));
    } catch (err) {
      this.log.warn({ err }, 'instance heartbeat failed');
    }
    if (this.sweeping) return;
    this.sweeping = this.sweep()
      .then((r) => {
        if (r.agentsOffline || r.agentsReleased || r.merchantsRouted || r.tradesClosed || r.eventsPruned) this.log.info({ sweep: r }, 'maintenance sweep repaired');
      })
      .catch((err: unknown) => this.log.warn({ err }, 'maintenance sweep failed'))
      .finally(() => (this.sweeping = null));
  }

  private async step(name: string, repair: () => Promise<number>): Promise<number> {
    try {
      return await repair();
    } catch (err) {
      this.log.warn({ err, step: name }, 'maintenance sweep step failed');
      return 0;
    }
  }

  private async releaseDeadInstances(): Promise<number> {
    const em = crossTenantEm(this.orm);
    const offline = await this.deps.agents.releaseDeadInstances(em, await this.instance.live(em));
    await this.instance.prune(em);
    return offline;
  }

  private async releaseStrandedSessions(em: EntityManager): Promise<number> {
    const held: { merchant_id: number; agent_id: number; staff_ids: number[] }[] = await em.execute(
      `select s.merchant_id, s.agent_id, array_agg(distinct s.staff_id) as staff_ids
       from session s join agent a on a.id = s.agent_id
       where s.status = 'manual'
         and (a.is_deleted or not exists (select 1 from agent_staff x where x.agent_id = s.agent_id and x.staff_id = s.staff_id))
       group by s.merchant_id, s.agent_id`,
    );
    for (const h of held) await this.deps.sessions.releaseAgent(em, h.merchant_id, h.agent_id, h.staff_ids);
    return held.length;
  }

  private async routeWaiting(em: EntityManager): Promise<number> {
    const merchants: { merchant_id: number }[] = await em.execute(
      `select distinct s.merchant_id
       from session s
       join agent_staff x on x.staff_id = s.staff_id
       join agent a on a.id = x.agent_id
       where s.status = 'pending' and a.status = 1 and a.auto_accept and not a.is_deleted
         and a.max_sessions > (select count(*) from session m where m.agent_id = a.id and m.status = 'manual')`,
    );
    for (const m of merchants) await this.deps.routing.route(em, m.merchant_id);
    return merchants.length;
  }
}
