import type { MessageView } from '../../services/session/event-facts.js';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { AppError, ErrorCode, badInput, notFound } from '../../core/errors.js';
import type { MessageAddedEvent, SessionChangedEvent } from '../../core/events/event-bus.js';
import type { PageResult } from '../../core/paging.js';
import { Message } from '../../entities/session/message.entity.js';
import { Session, SessionStatus } from '../../entities/session/session.entity.js';
import type { GqlContext } from '../../graphql/context.js';
import { resumable } from '../../graphql/resumable.js';
import { untilAccessChanges } from '../../graphql/subscription-guard.js';
import type { Services } from '../../services/index.js';
import type { MessageRow } from '../../services/session/session-reads.js';
import { AgentType } from '../agent/agent.types.js';
import { Role } from '../shared/enums.js';
import { PageInput } from '../shared/page.types.js';
import { ContactType, MessageObject, SendMessageInput, SessionChangeEvent, SessionFilterInput, SessionObject, SessionPage } from './session.types.js';

@Resolver(() => SessionObject)
export class SessionResolver {
  constructor(private readonly s: Services) {}

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Query(() => SessionPage, { description: 'Latest activity first; an agent sees the sessions of its staff' })
  async sessions(
    @Ctx() { ctx }: GqlContext,
    @Arg('filter', () => SessionFilterInput, { nullable: true }) filter?: SessionFilterInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ): Promise<PageResult<Session>> {
    return this.s.sessions.list(ctx, filter ?? {}, page ?? {});
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Query(() => SessionObject)
  async session(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<Session> {
    return this.s.sessions.get(ctx, id);
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Query(() => [MessageObject], { description: 'Oldest first; `after` returns only messages with a greater seq' })
  async messages(
    @Arg('sessionId', () => Int) sessionId: number,
    @Ctx() { ctx }: GqlContext,
    @Arg('after', () => Int, { nullable: true }) after?: number,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
  ): Promise<MessageRow[]> {
    return this.s.sessions.history(ctx, sessionId, { afterSeq: after ?? 0, limit: limit ?? undefined });
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Mutation(() => MessageObject, { description: "An agent's reply in a session it has accepted" })
  async sendMessage(@Arg('input') input: SendMessageInput, @Ctx() { ctx }: GqlContext): Promise<Message> {
    return this.s.sessions.sendAsAgent(ctx, input.sessionId, { ...input, payload: input.media ? { ...input.media } : null });
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Mutation(() => SessionObject, { description: 'An agent takes a waiting (or AI) session; a merchant names the agent' })
  async acceptSession(
    @Arg('sessionId', () => Int) sessionId: number,
    @Ctx() { ctx }: GqlContext,
    @Arg('agentId', () => Int, { nullable: true }) agentId?: number,
  ): Promise<Session> {
    return this.s.sessions.accept(ctx, sessionId, agentId ?? undefined);
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Mutation(() => SessionObject, { description: 'Back to the queue, or to a named agent' })
  async transferSession(
    @Arg('sessionId', () => Int) sessionId: number,
    @Ctx() { ctx }: GqlContext,
    @Arg('toAgentId', () => Int, { nullable: true }) toAgentId?: number,
  ): Promise<Session> {
    return this.s.sessions.transfer(ctx, sessionId, toAgentId ?? null);
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Mutation(() => SessionObject)
  async closeSession(@Arg('sessionId', () => Int) sessionId: number, @Ctx() { ctx }: GqlContext): Promise<Session> {
    return this.s.sessions.close(ctx, sessionId);
  }

  @Subscription(() => MessageObject, {
    description: 'Every new message of one session. With `after` (a seq), the messages after it come first, then the live ones, none twice',
    subscribe: async ({ args, context }) => {
      const { ctx, bus, services } = context as GqlContext;
      const session = await services.sessions.get(ctx, args.sessionId as number);
      const live = bus.where('MESSAGE_ADDED', (e) => e.sessionId === session.id);
      const after = args.after as number | null | undefined;
      if (after === null || after === undefined) return untilAccessChanges(ctx, bus, live);
      if (after < 0) throw badInput('after: must be a seq (0 or more)');
      const replay = async () => {
        const items: Message[] = [];
        for (let from = after; ; ) {
          const page = await services.sessions.messages(ctx, session.id, { afterSeq: from, limit: 1000 });
          items.push(...page);
          if (page.length < 1000) return { items, upTo: items.at(-1)?.seq ?? after };
          from = page.at(-1)!.seq;
        }
      };
      return untilAccessChanges(ctx, bus, resumable<MessageAddedEvent | Message>(live, (m) => m.seq, after, replay));
    },
  })
  async messageAdded(
    @Arg('sessionId', () => Int) _sessionId: number,
    @Root() e: MessageAddedEvent | Message,
    @Ctx() { ctx }: GqlContext,
    @Arg('after', () => Int, { nullable: true, description: 'The seq of the last message the client has' }) _after?: number,
  ): Promise<MessageView> {
    // A replayed message was read for this subscription; a live one is loaded once for every subscriber.
    if (e instanceof Message) return e;
    ctx.refreshForEvent();
    return this.eventData(this.s.eventViews.of(e).message());
  }

  @Subscription(() => SessionChangeEvent, {
    description:
      'Every lifecycle change of the sessions the caller may see. With `since` (the eventSeq of the last change the client saw), the changes after it come first, then the live ones, none twice; a `since` older than the kept events fails with RESYNC_REQUIRED',
    subscribe: async ({ args, context }) => {
      const { ctx, bus, services } = context as GqlContext;
      const actor = ctx.requireTenant();
      const staffIds = actor.kind === 'agent' ? new Set(await services.sessions.staffIdsOfCaller(ctx)) : null;
      const visible = (e: SessionChangedEvent) => e.merchantId === actor.merchantId && (!staffIds || staffIds.has(e.staffId));
      const live = bus.where('SESSION_CHANGED', visible);
      const sinceArg = args.since as string | null | undefined;
      if (sinceArg === null || sinceArg === undefined) return untilAccessChanges(ctx, bus, live);
      if (!/^\d{1,15}$/.test(sinceArg)) throw badInput('since: must be an eventSeq');
      const since = Number(sinceArg);
      // Read before the subscription starts, so a cursor that cannot be resumed fails the subscribe itself.
      const r = await services.eventReplay.since(ctx, since);
      if (r.kind === 'resync') throw new AppError(ErrorCode.ResyncRequired, `Changes after ${since} are no longer kept: reload the sessions, then subscribe without since`);
      const items = r.events.flatMap((le) => (le.topic === 'SESSION_CHANGED' && visible(le.event) ? [le.event] : []));
      return untilAccessChanges(ctx, bus, resumable(live, (e) => e.eventSeq, since, async () => ({ items, upTo: r.upTo })));
    },
  })
  async sessionChanged(
    @Root() e: SessionChangedEvent,
    @Ctx() { ctx }: GqlContext,
    @Arg('since', () => String, { nullable: true, description: 'The eventSeq of the last change the client has' }) _since?: string,
  ): Promise<SessionChangeEvent> {
    ctx.refreshForEvent();
    const session = await this.eventData(this.s.eventViews.of(e).session());
    return { kind: e.kind, status: e.status as SessionStatus, previousStatus: e.previousStatus as SessionStatus | null, previousAgentId: e.previousAgentId, eventSeq: String(e.eventSeq), session };
  }

  /** An event whose row is gone (a deleted staff's sessions) is an error of that event only. */
  private async eventData<T>(p: Promise<T | null>): Promise<T> {
    const value = await p;
    if (!value) throw notFound('The event\'s session or message');
    return value;
  }

  @FieldResolver(() => ContactType)
  async contact(@Root() s: Session, @Ctx() { ctx }: GqlContext): Promise<ContactType> {
    return (await ctx.loaders.contact.load(s.contact.id))!;
  }

  @FieldResolver(() => AgentType, { nullable: true })
  async agent(@Root() s: Session, @Ctx() { ctx }: GqlContext): Promise<AgentType | null> {
    return s.agent ? ctx.loaders.agent.load(s.agent.id) : null;
  }

  @FieldResolver(() => Int)
  staffId(@Root() s: Session): number {
    return s.staff.id;
  }

  @FieldResolver(() => Int, { nullable: true, description: '1-based place in the queue while pending' })
  async queuePosition(@Root() s: Session, @Ctx() { ctx }: GqlContext): Promise<number | null> {
    return s.status === SessionStatus.PENDING ? ctx.loaders.queuePosition.load(s.id) : null;
  }
}
