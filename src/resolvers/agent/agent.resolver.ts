import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { AgentPresenceEvent as PresencePayload } from '../../core/events/event-bus.js';
import { Agent, AgentStatus } from '../../entities/agent/agent.entity.js';
import { Cost, Weight } from '../../graphql/cost.js';
import type { GqlContext } from '../../graphql/context.js';
import { untilAccessChanges } from '../../graphql/subscription-guard.js';
import type { Services } from '../../services/index.js';
import { LoginInput } from '../account/account.types.js';
import { Role } from '../shared/enums.js';
import { PageInput } from '../shared/page.types.js';
import { AgentAuthPayload, AgentCreateInput, AgentPage, AgentPresenceEvent, AgentType, AgentUpdateInput } from './agent.types.js';

@Resolver(() => AgentType)
export class AgentResolver {
  constructor(private readonly s: Services) {}

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Query(() => AgentPage, { description: "The merchant's agents (an agent sees its colleagues)" })
  async agents(
    @Ctx() { ctx }: GqlContext,
    @Arg('staffId', () => Int, { nullable: true }) staffId?: number,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ): Promise<AgentPage> {
    return this.s.agents.list(ctx, { staffId: staffId ?? undefined }, page ?? {});
  }

  @Authorized(Role.AGENT)
  @Query(() => AgentType, { description: 'The calling agent' })
  async agentMe(@Ctx() { ctx }: GqlContext): Promise<Agent> {
    return this.s.agents.me(ctx);
  }

  @Weight(Cost.heavyMutation)
  @Mutation(() => AgentAuthPayload)
  async agentLogin(@Arg('input') input: LoginInput, @Ctx() { ctx }: GqlContext): Promise<AgentAuthPayload> {
    return this.s.agents.login(ctx, input);
  }

  @Authorized(Role.MERCHANT)
  @Weight(Cost.heavyMutation)
  @Mutation(() => AgentType)
  async createAgent(@Arg('input') input: AgentCreateInput, @Ctx() { ctx }: GqlContext): Promise<Agent> {
    return this.s.agents.create(ctx, input);
  }

  @Authorized(Role.MERCHANT)
  @Weight(Cost.heavyMutation)
  @Mutation(() => AgentType)
  async updateAgent(@Arg('id', () => Int) id: number, @Arg('input') input: AgentUpdateInput, @Ctx() { ctx }: GqlContext): Promise<Agent> {
    return this.s.agents.update(ctx, id, input);
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => Boolean, { description: 'Soft delete: its tokens stop working and its sessions go back to the queue' })
  async deleteAgent(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<boolean> {
    await this.s.agents.delete(ctx, id);
    return true;
  }

  @Authorized(Role.AGENT)
  @Mutation(() => AgentType)
  async setAgentStatus(@Arg('status', () => AgentStatus) status: AgentStatus, @Ctx() { ctx }: GqlContext): Promise<Agent> {
    return this.s.agents.setStatus(ctx, status);
  }

  @Authorized(Role.AGENT)
  @Mutation(() => AgentType)
  async setAutoAccept(@Arg('on') on: boolean, @Ctx() { ctx }: GqlContext): Promise<Agent> {
    return this.s.agents.setAutoAccept(ctx, on);
  }

  @Subscription(() => AgentPresenceEvent, {
    description: "Presence of the merchant's agents",
    subscribe: ({ context }) => {
      const { ctx, bus } = context as GqlContext;
      const { merchantId } = ctx.requireTenant();
      return untilAccessChanges(
        ctx,
        bus,
        bus.where('AGENT_PRESENCE', (e) => e.merchantId === merchantId),
      );
    },
  })
  agentPresence(@Root() e: PresencePayload): AgentPresenceEvent {
    return { agentId: e.agentId, name: e.name, status: e.status, kind: e.kind };
  }

  @FieldResolver(() => [Int])
  staffIds(@Root() agent: Agent): number[] {
    return agent.staffs.isInitialized() ? agent.staffs.getItems().map((s) => s.id) : [];
  }
}
