import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode, forbidden, notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { Agent, AgentStatus } from '../../entities/agent/agent.entity.js';
import { Staff } from '../../entities/staff/staff.entity.js';
import type { StaffService } from '../staff/staff.service.js';
import type { AgentService } from './agent.service.js';

/** Who calls the agent-console HTTP API: a staff by its keys (that staff only) or a merchant (its tenant). */
export interface ConsoleScope {
  merchantId: number;
  staffId: number | null;
}

export interface AgentInfo {
  agent: Agent;
  /** The staff the answer is about: the calling staff, or the agent's first. */
  staffId: number | null;
  connectingContacts: string[];
}

/**
 * The agent-console seed's server-side API (§17 pushes to consoles, §18
 * questions about agents), within what the caller's scope may address.
 */
export class AgentConsoleService {
  constructor(
    private readonly bus: EventBus,
    private readonly agents: AgentService,
    private readonly staff: StaffService,
  ) {}

  /**
   * The scope of a staff's HTTP Basic keys. Wrong keys, or a deleted staff's, are unauthenticated; a staff
   * that may not chat (frozen, expired, not activated, its merchant frozen) is refused: an integrating
   * server must not push to consoles for a staff the contacts cannot reach.
   */
  async scopeOfKeys(em: EntityManager, apiKey: string, secretKey: string): Promise<ConsoleScope> {
    const staff = await this.staff.authenticateKeys(em, apiKey, secretKey);
    if (!staff || staff.isDeleted) throw new AppError(ErrorCode.Unauthenticated, 'Wrong api_key or secret_key');
    await this.staff.requireAvailable(em, staff);
    return { merchantId: staff.merchant.id, staffId: staff.id };
  }

  async pushToStaff(em: EntityManager, scope: ConsoleScope, staffId: number, excludeClientIds: string[], data: Record<string, unknown>): Promise<void> {
    const staff = await this.staffFor(em, scope, staffId);
    this.bus.publish('CONSOLE_PUSH', { merchantId: scope.merchantId, staffId: staff.id, agentId: null, excludeClientIds, data });
  }

  async pushToAgent(em: EntityManager, scope: ConsoleScope, agentId: number, data: Record<string, unknown>): Promise<void> {
    const agent = await this.agentFor(em, scope, agentId);
    this.bus.publish('CONSOLE_PUSH', { merchantId: scope.merchantId, staffId: null, agentId: agent.id, excludeClientIds: [], data });
  }

  /** Agents of a staff that are not offline (§18.1). */
  async presentAgents(em: EntityManager, scope: ConsoleScope, staffId: number): Promise<Agent[]> {
    const staff = await this.staffFor(em, scope, staffId);
    return em.find(Agent, { merchant: scope.merchantId, isDeleted: false, staffs: staff.id, status: { $ne: AgentStatus.OFFLINE } }, { orderBy: { id: 'asc' } });
  }

  /** One agent and the contacts it talks with now, limited to the calling staff's (§18.2). */
  async agentInfo(em: EntityManager, scope: ConsoleScope, agentId: number): Promise<AgentInfo> {
    const agent = await this.agentFor(em, scope, agentId);
    return {
      agent,
      staffId: scope.staffId ?? agent.staffs.getItems()[0]?.id ?? null,
      connectingContacts: await this.agents.connectingContacts(em, agent.id, scope.staffId),
    };
  }

  async isOnline(em: EntityManager, scope: ConsoleScope, agentId: number): Promise<boolean> {
    return (await this.agentFor(em, scope, agentId)).status !== AgentStatus.OFFLINE;
  }

  private async staffFor(em: EntityManager, scope: ConsoleScope, staffId: number): Promise<Staff> {
    if (scope.staffId !== null && scope.staffId !== staffId) throw forbidden('These keys belong to another staff');
    const staff = await em.findOne(Staff, { id: staffId, merchant: scope.merchantId, isDeleted: false });
    if (!staff) throw notFound(`Staff ${staffId}`);
    return staff;
  }

  /** An agent of the tenant, and for a staff's keys, one assigned to that staff. */
  private async agentFor(em: EntityManager, scope: ConsoleScope, agentId: number): Promise<Agent> {
    const agent = await em.findOne(Agent, { id: agentId, merchant: scope.merchantId, isDeleted: false }, { populate: ['staffs'] });
    if (!agent || (scope.staffId !== null && !agent.staffs.getItems().some((s) => s.id === scope.staffId))) throw notFound(`Agent ${agentId}`);
    return agent;
  }
}
