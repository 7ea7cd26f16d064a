import { randomUUID } from 'node:crypto';
import type { MessageAddedEvent, NoteAddedEvent, SessionChangedEvent } from '../../core/events/event-bus.js';
import type { SessionNote } from '../../entities/helpdesk/session-note.entity.js';
import type { RequestContext } from '../../core/context.js';
import { isAppError, notFound } from '../../core/errors.js';
import { containsNul } from '../../core/nul-guard.js';
import type { Logger } from '../../core/logger.js';
import type { Services } from '../../services/index.js';
import { presentMessageInfo, presentNoteInfo, presentSessionInfo } from '../../compat-rest/session/session.presenter.js';
import type { AgentSocket } from '../agents/agent-hub.js';
import type { EventView } from '../../services/session/event-views.js';

/**
 * The workbench push stream (`/ws/cs/{csId}`, multichannel seed): the four
 * event types, rendered from the domain events for one agent, plus
 * `bind_session` to follow a session the agent does not own. A bound session
 * is followed only while its staff is still the agent's. Each push carries
 * `eventSeq`; `?since=` replays what was missed, or sends `{type: 'resync',
 * eventSeq}` (docs/protocols.md, "Resuming").
 */
export class WorkbenchConnection implements AgentSocket {
  readonly clientId = randomUUID();
  /** Bound session id → its staff id. */
  private readonly bound = new Map<number, number>();

  constructor(
    readonly agentId: number,
    readonly merchantId: number,
    readonly tokenId: number,
    public staffIds: ReadonlySet<number>,
    private readonly services: Services,
    private readonly context: () => Promise<RequestContext>,
    private readonly send: (value: unknown) => void,
    private readonly closeSocket: (code: number, reason: string) => void,
    private readonly log: Logger,
  ) {}

  async handle(raw: string): Promise<void> {
    let msg: { type?: unknown; sessionId?: unknown };
    try {
      msg = JSON.parse(raw) as typeof msg;
    } catch {
      return this.send({ type: 'error', code: 400, message: 'The frame is not valid JSON' });
    }
    if (containsNul(msg)) return this.send({ type: 'error', code: 400, message: 'Text must not contain NUL characters' });
    if (msg?.type !== 'bind_session') return this.send({ type: 'error', code: 400, message: 'Unknown type; the workbench sends bind_session' });
    const id = Number(msg.sessionId);
    try {
      const session = await this.services.sessions.get(await this.context(), Number.isSafeInteger(id) ? id : 0);
      // Checked again here: the staff may have been taken away while the session was being read.
      if (!this.staffIds.has(session.staff.id)) throw notFound(`Session ${session.id}`);
      this.bound.set(session.id, session.staff.id);
      this.send({ type: 'session_bound', sessionId: String(session.id) });
    } catch (err) {
      if (!isAppError(err)) this.log.error({ err }, 'bind_session failed');
      this.send({ type: 'error', code: 404, message: isAppError(err) ? err.message : 'Internal server error', sessionId: String(msg.sessionId ?? '') });
    }
  }

  async onMessageAdded(e: MessageAddedEvent, view: EventView): Promise<void> {
    const mine = e.agentId === this.agentId && e.status === 'manual';
    if (!mine && !this.follows(e)) return;
    const message = await view.message();
    if (!message) return;
    const info = presentMessageInfo(message);
    this.send({ type: 'new_message', sessionId: String(e.sessionId), eventSeq: e.eventSeq, data: { msgId: info.msgId, seq: info.seq, content: info.content, senderType: info.senderType, senderId: info.senderId, msgType: info.msgType, media: info.media, createdAt: info.createdAt } });
  }

  /** A note on a session this agent holds or follows, as a `new_message` with senderType "note" (not by its own author). */
  onNoteAdded(e: NoteAddedEvent, note: SessionNote): void {
    if (e.authorAgentId === this.agentId) return;
    if (e.agentId !== this.agentId && !this.follows(e)) return;
    const info = presentNoteInfo(note);
    this.send({ type: 'new_message', sessionId: String(e.sessionId), data: { msgId: info.msgId, seq: info.seq, content: info.content, senderType: info.senderType, senderId: info.senderId, msgType: info.msgType, media: null, createdAt: info.createdAt } });
  }

  async onSessionChanged(e: SessionChangedEvent, view: EventView): Promise<void> {
    if (!this.staffIds.has(e.staffId)) return;
    const type =
      e.status === 'pending' && (e.kind === 'handoff' || e.kind === 'transferred')
        ? 'new_pending_session'
        : e.kind === 'accepted' || (e.kind === 'transferred' && e.status === 'manual')
          ? 'session_accepted'
          : e.kind === 'closed'
            ? 'session_closed'
            : null;
    if (!type) return;
    const session = await view.session();
    // Status and agent as of the event: the row may have moved on by the time it is read.
    if (session) this.send({ type, sessionId: String(e.sessionId), eventSeq: e.eventSeq, data: { ...presentSessionInfo(session), status: e.status, manualCsId: e.agentId === null ? null : String(e.agentId) } });
  }

  onResync(head: number): void {
    this.send({ type: 'resync', eventSeq: head });
  }

  onRevoked(): void {
    this.closeSocket(4004, 'token revoked');
  }

  onStaffChanged(staffIds: number[]): void {
    this.staffIds = new Set(staffIds);
    for (const [sessionId, staffId] of this.bound) if (!this.staffIds.has(staffId)) this.bound.delete(sessionId);
  }

  private follows(e: { sessionId: number; staffId: number }): boolean {
    return this.bound.has(e.sessionId) && this.staffIds.has(e.staffId);
  }

  onPresence(): void {}
  onKicked(): void {}
  onConsolePush(): void {}
}
