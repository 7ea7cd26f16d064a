import type { EntityManager } from '@mikro-orm/postgresql';
import { Agent, AgentStatus } from '../../entities/agent/agent.entity.js';
import { Session, SessionStatus } from '../../entities/session/session.entity.js';
import { contactNotices } from '../conversation/contact-notices.js';
import type { Publish, SessionJournal } from './session-journal.js';

export interface RouteOptions {
  /** With `excludeAgentId`: the session just transferred away from that agent is not given back to it. */
  sessionId?: number;
  excludeAgentId?: number | null;
}

/**
 * Gives waiting sessions to auto-accept agents who are online and below capacity, least loaded
 * first, in waiting order. Serialised per tenant, so no agent is given more than its capacity.
 */
export class RoutingService {
  constructor(private readonly journal: SessionJournal) {}

  /** Answers the sessions it gave out, with the agent each went to. */
  async route(em: EntityManager, merchantId: number, opts: RouteOptions = {}): Promise<Map<number, number>> {
    const after: Publish[] = [];
    const assigned = new Map<number, number>();
    await em.fork().transactional(async (tx) => {
      await this.journal.lockTenant(tx, merchantId);
      const waiting = await tx.find(
        Session,
        { merchant: merchantId, status: SessionStatus.PENDING },
        { orderBy: { queuedAt: 'asc', id: 'asc' }, populate: ['staff', 'contact'], limit: 500 },
      );
      if (!waiting.length) return;
      const agents = await tx.find(Agent, { merchant: merchantId, isDeleted: false, autoAccept: true, status: AgentStatus.ONLINE }, { populate: ['staffs'] });
      if (!agents.length) return;
      const loads = await this.loads(tx, agents.map((a) => a.id));
      const now = new Date();
      for (const s of waiting) {
        const candidates = agents
          .filter((a) => a.staffs.getItems().some((st) => st.id === s.staff.id))
          .filter((a) => !(opts.sessionId === s.id && opts.excludeAgentId === a.id))
          .filter((a) => (loads.get(a.id) ?? 0) < a.maxSessions)
          .sort((a, b) => (loads.get(a.id) ?? 0) - (loads.get(b.id) ?? 0) || a.id - b.id);
        const agent = candidates[0];
        if (!agent) continue;
        s.accept(agent, now);
        loads.set(agent.id, (loads.get(agent.id) ?? 0) + 1);
        assigned.set(s.id, agent.id);
        await this.journal.notice(tx, s, contactNotices.accepted(s.staff, agent.name));
        after.push(this.journal.sessionEvent(tx, s, 'accepted', SessionStatus.PENDING, null));
      }
      await tx.flush();
    });
    after.forEach((publish) => publish());
    return assigned;
  }

  /** Manual sessions each agent holds now. */
  async loads(em: EntityManager, agentIds: number[]): Promise<Map<number, number>> {
    if (!agentIds.length) return new Map();
    const rows: { agent_id: number; n: number }[] = await em
      .getConnection()
      .execute(
        `select agent_id, count(*)::int as n from session where status = 'manual' and agent_id in (${agentIds.map(() => '?').join(',')}) group by agent_id`,
        agentIds,
        'all',
        em.getTransactionContext(),
      );
    return new Map(rows.map((r) => [r.agent_id, r.n]));
  }
}
