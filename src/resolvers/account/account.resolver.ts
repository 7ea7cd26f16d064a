import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { PageInput } from '../shared/page.types.js';
import { Cost, Weight } from '../../graphql/cost.js';
import type { GqlContext } from '../../graphql/context.js';
import type { Services } from '../../services/index.js';
import { Role } from '../shared/enums.js';
import { AuthPayload, LoginInput, MerchantPage, RegisterInput, ResetPasswordInput, SendCodeInput, MerchantType, Viewer } from './account.types.js';

@Resolver()
export class AccountResolver {
  constructor(private readonly s: Services) {}

  @Query(() => Viewer, { description: 'The caller: a merchant, one of its agents, or the platform admin' })
  me(@Ctx() { ctx }: GqlContext): Viewer {
    // The account itself is the fields' to load (viewer.resolver.ts).
    const roles = { admin: Role.ADMIN, agent: Role.AGENT, merchant: Role.MERCHANT } as const;
    return { role: roles[ctx.requireAuthenticated().kind] };
  }

  @Authorized(Role.ADMIN)
  @Query(() => MerchantPage, { description: "The platform's merchants (admin)" })
  async merchants(
    @Ctx() { ctx }: GqlContext,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ): Promise<MerchantPage> {
    return this.s.admins.merchants(ctx, search ?? undefined, page ?? {});
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => MerchantType, { description: 'Freeze (or unfreeze) a merchant: its and its agents\' tokens stop working, logins answer ACCOUNT_FROZEN' })
  async setMerchantFrozen(@Arg('id', () => Int) id: number, @Arg('frozen') frozen: boolean, @Ctx() { ctx }: GqlContext): Promise<MerchantType> {
    return this.s.admins.setMerchantFrozen(ctx, id, frozen);
  }

  @Weight(Cost.heavyMutation)
  @Mutation(() => Boolean, { description: 'E-mails a 6-digit code, valid 10 minutes; one per address per minute' })
  async sendVerificationCode(@Arg('input') input: SendCodeInput, @Ctx() { ctx }: GqlContext): Promise<boolean> {
    await this.s.accounts.sendCode(ctx, input);
    return true;
  }

  @Weight(Cost.heavyMutation)
  @Mutation(() => MerchantType)
  async register(@Arg('input') input: RegisterInput, @Ctx() { ctx }: GqlContext): Promise<MerchantType> {
    return this.s.accounts.register(ctx, input);
  }

  @Weight(Cost.heavyMutation)
  @Mutation(() => AuthPayload)
  async login(@Arg('input') input: LoginInput, @Ctx() { ctx }: GqlContext): Promise<AuthPayload> {
    const { token, expiresAt } = await this.s.accounts.login(ctx, input);
    return { token, expiresAt, role: Role.MERCHANT };
  }

  @Weight(Cost.heavyMutation)
  @Mutation(() => AuthPayload)
  async adminLogin(@Arg('input') input: LoginInput, @Ctx() { ctx }: GqlContext): Promise<AuthPayload> {
    const { token, expiresAt } = await this.s.admins.login(ctx, input);
    return { token, expiresAt, role: Role.ADMIN };
  }

  @Mutation(() => Boolean, { description: 'Revokes the token this request carries, on every surface at once' })
  async logout(@Ctx() { ctx }: GqlContext): Promise<boolean> {
    await this.s.accounts.logout(ctx);
    return true;
  }

  @Weight(Cost.heavyMutation)
  @Mutation(() => Boolean)
  async resetPassword(@Arg('input') input: ResetPasswordInput, @Ctx() { ctx }: GqlContext): Promise<boolean> {
    await this.s.accounts.resetPassword(ctx, input);
    return true;
  }
}
