import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import type { NoteAddedEvent } from '../../core/events/event-bus.js';
import type { Contact } from '../../entities/contact/contact.entity.js';
import type { Label } from '../../entities/helpdesk/label.entity.js';
import type { SessionNote } from '../../entities/helpdesk/session-note.entity.js';
import type { Session } from '../../entities/session/session.entity.js';
import { Cost, Weight } from '../../graphql/cost.js';
import type { GqlContext } from '../../graphql/context.js';
import { untilAccessChanges } from '../../graphql/subscription-guard.js';
import type { Services } from '../../services/index.js';
import { ContactType, SessionObject } from '../session/session.types.js';
import { Role } from '../shared/enums.js';
import { HandoffSummaryType, LabelType, SessionNoteType, SuggestedReplyType } from './helpdesk.types.js';

interface HelpdeskLoaders {
  sessionLabels: DataLoader<number, Label[]>;
  contactLabels: DataLoader<number, Label[]>;
  notes: DataLoader<number, SessionNote[]>;
}
// One set per request (keyed by the request's loaders, which a subscription renews per event): a page of
// sessions reads its labels and notes in one query each.
const loaders = new WeakMap<object, HelpdeskLoaders>();

function helpdeskLoaders(services: Services, ctx: RequestContext): HelpdeskLoaders {
  let set = loaders.get(ctx.loaders);
  if (!set) {
    const batch = <T>(load: (ids: readonly number[]) => Promise<Map<number, T[]>>) =>
      new DataLoader<number, T[]>(async (ids) => {
        const map = await load(ids);
        return ids.map((id) => map.get(id) ?? []);
      });
    set = {
      sessionLabels: batch((ids) => services.labels.labelsOf(ctx, 'session', ids)),
      contactLabels: batch((ids) => services.labels.labelsOf(ctx, 'contact', ids)),
      notes: batch((ids) => services.notes.notesOf(ctx, ids)),
    };
    loaders.set(ctx.loaders, set);
  }
  return set;
}

/** The helpdesk's fields on Session, and notes, the handoff summary and the suggested reply. */
@Resolver(() => SessionObject)
export class SessionHelpdeskResolver {
  constructor(private readonly s: Services) {}

  @FieldResolver(() => [LabelType])
  async labels(@Root() session: Session, @Ctx() { ctx }: GqlContext): Promise<Label[]> {
    return helpdeskLoaders(this.s, ctx).sessionLabels.load(session.id);
  }

  @FieldResolver(() => [SessionNoteType], { description: 'Internal notes, oldest first' })
  async notes(@Root() session: Session, @Ctx() { ctx }: GqlContext): Promise<SessionNote[]> {
    return helpdeskLoaders(this.s, ctx).notes.load(session.id);
  }

  // Dearer than a column (a read, and once per session an LLM call), yet cheap enough for a page of sessions.
  @Weight(Cost.mutation)
  @FieldResolver(() => HandoffSummaryType, { nullable: true, description: 'Set once a person is involved: what the contact asked and the AI answered (generated with an LLM when configured; kept once made)' })
  async handoffSummary(@Root() session: Session, @Ctx() { ctx }: GqlContext): Promise<HandoffSummaryType | null> {
    const summary = await this.s.handoffAssist.summaryOfSession(ctx, session);
    return summary ? { ...summary, createdAt: new Date(summary.createdAt) } : null;
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Query(() => [SessionNoteType], { description: "A session's internal notes, oldest first" })
  async sessionNotes(@Arg('sessionId', () => Int) sessionId: number, @Ctx() { ctx }: GqlContext): Promise<SessionNote[]> {
    return this.s.notes.list(ctx, sessionId);
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Mutation(() => SessionNoteType, { description: 'An internal note: shown to the merchant and its agents, never to the contact or the AI' })
  async addSessionNote(@Arg('sessionId', () => Int) sessionId: number, @Arg('content') content: string, @Ctx() { ctx }: GqlContext): Promise<SessionNote> {
    return this.s.notes.add(ctx, sessionId, content);
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Weight(Cost.answer)
  @Query(() => SuggestedReplyType, { description: 'What the answering service would reply to what the contact asked last; nothing is sent' })
  async suggestedReply(@Arg('sessionId', () => Int) sessionId: number, @Ctx() { ctx }: GqlContext): Promise<SuggestedReplyType> {
    return this.s.handoffAssist.suggestReply(ctx, sessionId);
  }

  @Subscription(() => SessionNoteType, {
    description: 'Every new internal note of one session',
    subscribe: async ({ args, context }) => {
      const { ctx, bus, services } = context as GqlContext;
      const session = await services.sessions.get(ctx, args.sessionId as number);
      return untilAccessChanges(
        ctx,
        bus,
        bus.where('NOTE_ADDED', (e) => e.sessionId === session.id),
      );
    },
  })
  async noteAdded(@Arg('sessionId', () => Int) _sessionId: number, @Root() e: NoteAddedEvent, @Ctx() { ctx }: GqlContext): Promise<SessionNote> {
    ctx.refreshForEvent();
    const note = await this.s.notes.find(ctx, e.noteId);
    if (!note) throw notFound(`Note ${e.noteId}`);
    return note;
  }
}

@Resolver(() => ContactType)
export class ContactHelpdeskResolver {
  constructor(private readonly s: Services) {}

  @FieldResolver(() => [LabelType])
  async labels(@Root() contact: Contact, @Ctx() { ctx }: GqlContext): Promise<Label[]> {
    return helpdeskLoaders(this.s, ctx).contactLabels.load(contact.id);
  }
}
