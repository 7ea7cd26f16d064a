import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { parseInput } from '../../core/validation.js';
import { NoteAuthorKind, SessionNote } from '../../entities/helpdesk/session-note.entity.js';
import { Message } from '../../entities/session/message.entity.js';
import type { SessionService } from '../session/session.service.js';

const contentSchema = z.string('content must be a string').trim().min(1, 'content must not be empty').max(5000, 'content must be at most 5000 characters');

/** A session's history as agents see it: its messages with the notes in between. */
export type HistoryItem = Message | SessionNote;

export const isNote = (item: HistoryItem): item is SessionNote => item instanceof SessionNote;

/**
 * Internal notes: written and read by the merchant and the agents who may see the session, pushed to those
 * agents' consoles, and never part of what the contact or the AI is given (they are not messages).
 */
export class NoteService {
  constructor(
    private readonly sessions: SessionService,
    private readonly bus: EventBus,
  ) {}

  async add(ctx: RequestContext, sessionId: number, content: string): Promise<SessionNote> {
    const actor = ctx.requireTenant();
    const text = parseInput(contentSchema, content);
    const session = await this.sessions.get(ctx, sessionId);
    const note = new SessionNote({
      session,
      merchantId: actor.merchantId,
      afterSeq: session.lastSeq,
      authorKind: actor.kind === 'agent' ? NoteAuthorKind.AGENT : NoteAuthorKind.MERCHANT,
      authorId: actor.kind === 'agent' ? actor.agentId : actor.merchantId,
      content: text,
    });
    await ctx.em.persist(note).flush();
    this.bus.publish('NOTE_ADDED', {
      merchantId: actor.merchantId,
      staffId: session.staff.id,
      sessionId: session.id,
      contactId: session.contact.id,
      noteId: note.id,
      authorAgentId: actor.kind === 'agent' ? actor.agentId : null,
      agentId: session.agent?.id ?? null,
    });
    return note;
  }

  /** A session's notes, oldest first. */
  async list(ctx: RequestContext, sessionId: number): Promise<SessionNote[]> {
    const session = await this.sessions.get(ctx, sessionId);
    return ctx.em.find(SessionNote, { session }, { orderBy: { afterSeq: 'asc', id: 'asc' } });
  }

  /**
   * The notes of many sessions in one query, for lists (`Session.notes`): the sessions were read through
   * SessionService, so they are the caller's; the tenant is checked again here.
   */
  async notesOf(ctx: RequestContext, sessionIds: readonly number[]): Promise<Map<number, SessionNote[]>> {
    const { merchantId } = ctx.requireTenant();
    const out = new Map<number, SessionNote[]>(sessionIds.map((id) => [id, []]));
    if (!sessionIds.length) return out;
    const notes = await ctx.em.find(SessionNote, { session: { $in: [...sessionIds] }, merchantId }, { orderBy: { afterSeq: 'asc', id: 'asc' } });
    for (const n of notes) out.get(n.session.id)?.push(n);
    return out;
  }

  /** One note the caller may see (a push renders it), or null. */
  async find(ctx: RequestContext, noteId: number): Promise<SessionNote | null> {
    const { merchantId } = ctx.requireTenant();
    const note = await ctx.em.findOne(SessionNote, { id: noteId, merchantId });
    if (!note) return null;
    // Visible only with its session (an agent: of its staff).
    return (await this.sessions.get(ctx, note.session.id).catch(() => null)) ? note : null;
  }

  /**
   * Every message of a session with its notes placed after the message they followed, streamed in the
   * batches of `SessionService.messageBatches`. A session's notes are few, so they are read at once.
   */
  async *historyBatches(ctx: RequestContext, sessionId: number): AsyncGenerator<HistoryItem[], void, void> {
    const messages = this.sessions.messageBatches(ctx, sessionId);
    // The first batch checks the caller may see the session, before any note is read.
    let step = await messages.next();
    ctx.requireTenant();
    const notes = await ctx.em.fork().find(SessionNote, { session: sessionId }, { orderBy: { afterSeq: 'asc', id: 'asc' } });
    let n = 0;
    for (; !step.done; step = await messages.next()) {
      const out: HistoryItem[] = [];
      for (const m of step.value) {
        while (n < notes.length && notes[n]!.afterSeq < m.seq) out.push(notes[n++]!);
        out.push(m);
      }
      yield out;
    }
    if (n < notes.length) yield notes.slice(n);
  }

  /**
   * A page of a contact's history with its notes (agent-console `get_chat_record`): newest page first, each
   * page oldest first, messages and notes ordered by when they were written.
   */
  async contactHistoryPage(ctx: RequestContext, contactId: number, page: number, pageSize: number): Promise<HistoryItem[]> {
    if (page < 1 || pageSize < 1) throw badInput('page and pagesize start at 1');
    const sessionIds = await this.sessions.visibleSessionIdsOfContact(ctx, contactId);
    if (!sessionIds.length) return [];
    const marks = sessionIds.map(() => '?').join(',');
    const rows: { kind: 'm' | 'n'; id: number }[] = await ctx.em.getConnection().execute(
      `select kind, id from (
         select 'm' as kind, id, created_at from message where session_id in (${marks})
         union all
         select 'n' as kind, id, created_at from session_note where session_id in (${marks})
       ) h order by created_at desc, kind desc, id desc limit ? offset ?`,
      [...sessionIds, ...sessionIds, pageSize, (page - 1) * pageSize],
    );
    const ids = (kind: 'm' | 'n') => rows.filter((r) => r.kind === kind).map((r) => r.id);
    const [messages, notes] = await Promise.all([
      ids('m').length ? ctx.em.find(Message, { id: { $in: ids('m') } }) : [],
      ids('n').length ? ctx.em.find(SessionNote, { id: { $in: ids('n') } }) : [],
    ]);
    const byKey = new Map<string, HistoryItem>([...messages.map((m) => [`m${m.id}`, m] as const), ...notes.map((x) => [`n${x.id}`, x] as const)]);
    return rows.map((r) => byKey.get(`${r.kind}${r.id}`)!).reverse();
  }
}
