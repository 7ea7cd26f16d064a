import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import type { Admin } from '../../entities/admin/admin.entity.js';
import type { Agent } from '../../entities/agent/agent.entity.js';
import type { Merchant } from '../../entities/merchant/merchant.entity.js';
import type { GqlContext } from '../../graphql/context.js';
import type { Services } from '../../services/index.js';
import { AgentType } from '../agent/agent.types.js';
import { AdminType, MerchantType, Viewer } from './account.types.js';

/**
 * The caller's account, loaded only when the query asks for it: `{ me { role } }` is answered from
 * the token alone.
 */
@Resolver(() => Viewer)
export class ViewerFieldsResolver {
  constructor(private readonly s: Services) {}

  @FieldResolver(() => MerchantType, { nullable: true })
  async merchant(@Ctx() { ctx }: GqlContext): Promise<Merchant | null> {
    return ctx.actor.kind === 'merchant' ? this.s.accounts.me(ctx) : null;
  }

  @FieldResolver(() => AdminType, { nullable: true })
  async admin(@Ctx() { ctx }: GqlContext): Promise<Admin | null> {
    return ctx.actor.kind === 'admin' ? this.s.admins.me(ctx) : null;
  }

  @FieldResolver(() => AgentType, { nullable: true })
  async agent(@Ctx() { ctx }: GqlContext): Promise<Agent | null> {
    return ctx.actor.kind === 'agent' ? this.s.agents.me(ctx) : null;
  }
}
