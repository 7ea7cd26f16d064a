import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CannedReply } from '../../entities/helpdesk/canned-reply.entity.js';
import type { Message } from '../../entities/session/message.entity.js';
import type { GqlContext } from '../../graphql/context.js';
import type { Services } from '../../services/index.js';
import { MessageObject } from '../session/session.types.js';
import { Role } from '../shared/enums.js';
import { CannedReplyCreateInput, CannedReplyType, CannedReplyUpdateInput } from './helpdesk.types.js';

@Resolver(() => CannedReplyType)
export class CannedReplyResolver {
  constructor(private readonly s: Services) {}

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Query(() => [CannedReplyType], { description: 'By shortcut; `search` matches a shortcut start or all words of title/text; an agent sees the shared ones and those of its staff' })
  async cannedReplies(
    @Ctx() { ctx }: GqlContext,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('staffId', () => Int, { nullable: true, description: 'Only those usable for this staff' }) staffId?: number,
  ): Promise<CannedReply[]> {
    return this.s.cannedReplies.list(ctx, { search: search ?? undefined, staffId: staffId ?? undefined });
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => CannedReplyType)
  async createCannedReply(@Arg('input') input: CannedReplyCreateInput, @Ctx() { ctx }: GqlContext): Promise<CannedReply> {
    return this.s.cannedReplies.create(ctx, input);
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => CannedReplyType)
  async updateCannedReply(@Arg('id', () => Int) id: number, @Arg('input') input: CannedReplyUpdateInput, @Ctx() { ctx }: GqlContext): Promise<CannedReply> {
    return this.s.cannedReplies.update(ctx, id, input);
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => Boolean)
  async deleteCannedReply(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<boolean> {
    await this.s.cannedReplies.delete(ctx, id);
    return true;
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Mutation(() => MessageObject, { description: 'Sends a canned reply as an agent message, under the rules of sendMessage' })
  async sendCannedReply(
    @Arg('sessionId', () => Int) sessionId: number,
    @Arg('cannedReplyId', () => Int) cannedReplyId: number,
    @Ctx() { ctx }: GqlContext,
    @Arg('clientMsgId', () => String, { nullable: true }) clientMsgId?: string,
  ): Promise<Message> {
    return this.s.cannedReplies.send(ctx, sessionId, cannedReplyId, clientMsgId);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'null: shared by every staff' })
  staffId(@Root() r: CannedReply): number | null {
    return r.staff?.id ?? null;
  }
}
