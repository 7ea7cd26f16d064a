import type { AgentPresenceEvent, ConversationEvents, LoggedEvent, MessageAddedEvent, NoteAddedEvent, SessionChangedEvent } from '../../core/events/event-bus.js';
import { ResumeGate } from '../../core/events/event-sequencer.js';
import type { SessionNote } from '../../entities/helpdesk/session-note.entity.js';
import type { Logger } from '../../core/logger.js';
import type { Services } from '../../services/index.js';
import type { Replay } from '../../services/session/event-replay.service.js';
import { EventPumps } from '../event-pump.js';
import type { EventView } from '../../services/session/event-views.js';

/** A live agent socket of either legacy protocol (/ws/kf or /ws/cs), as the hub sees it. */
export interface AgentSocket {
  readonly clientId: string;
  readonly agentId: number;
  readonly merchantId: number;
  /** The token the socket was opened with; its revocation closes the socket. */
  readonly tokenId: number;
  readonly staffIds: ReadonlySet<number>;
  onSessionChanged(e: SessionChangedEvent, view: EventView): Promise<void>;
  onMessageAdded(e: MessageAddedEvent, view: EventView): Promise<void>;
  /** An internal note on a session of the socket's tenant (the socket decides whether its agent sees it). */
  onNoteAdded(e: NoteAddedEvent, note: SessionNote): void;
  onPresence(e: AgentPresenceEvent): void;
  onKicked(): void;
  onRevoked(): void;
  onStaffChanged(staffIds: number[]): void;
  onConsolePush(data: Record<string, unknown>): void;
  /** What it missed is no longer all kept (or too much): the client reloads its lists; `head` is the cursor now. */
  onResync(head: number): void;
}

type ConsolePush = ConversationEvents['CONSOLE_PUSH'][0];

/**
 * Renders the one event stream to every agent socket of this process: it
 * subscribes once, loads each event's data once, and hands it to the sockets
 * of the event's tenant. With Redis the bus carries events from every
 * instance, so a socket here hears what happened on another.
 */
export class AgentHub {
  private readonly sockets = new Set<AgentSocket>();
  /** Per socket, which event numbers it still needs (a resumed socket has had some replayed). */
  private readonly gates = new WeakMap<AgentSocket, ResumeGate<LoggedEvent>>();
  private readonly pumps: EventPumps;

  constructor(
    private readonly services: Services,
    private readonly log: Logger,
  ) {
    this.pumps = new EventPumps(log, 'agent hub event');
  }

  start(): void {
    const bus = this.services.bus;
    // Session changes and messages in one stream, so each socket gets them in the merchant's event order.
    this.pumps.pump(bus.conversation(), async (le) => {
      const view = this.services.eventViews.of(le.event);
      await this.each(le.event.merchantId, async (s) => {
        if (this.gates.get(s)?.offer(le.event.eventSeq, le) === false) return;
        await render(s, le, view);
      });
    });
    this.pumps.pump(bus.subscribe('NOTE_ADDED'), async (e) => {
      const note = await this.services.eventViews.note(e);
      if (note) await this.each(e.merchantId, async (s) => s.onNoteAdded(e, note));
    });
    this.pumps.pump(bus.subscribe('AGENT_PRESENCE'), async (e) => this.each(e.merchantId, async (s) => s.onPresence(e)));
    this.pumps.pump(bus.subscribe('AGENT_KICKED'), async (e) => {
      for (const s of this.sockets) if (s.agentId === e.agentId && s.clientId !== e.keepConnectionId) s.onKicked();
    });
    this.pumps.pump(bus.subscribe('TOKENS_REVOKED'), async (e) => {
      for (const s of [...this.sockets]) {
        const mine = e.tokenId !== null ? s.tokenId === e.tokenId : e.role === 'agent' && s.agentId === e.subjectId;
        if (mine) s.onRevoked();
      }
    });
    this.pumps.pump(bus.subscribe('AGENT_STAFF_CHANGED'), async (e) => {
      for (const s of this.sockets) if (s.agentId === e.agentId) s.onStaffChanged(e.staffIds);
    });
    this.pumps.pump(bus.subscribe('CONSOLE_PUSH'), async (e: ConsolePush) =>
      this.each(e.merchantId, async (s) => {
        if (e.excludeClientIds.includes(s.clientId)) return;
        if (e.agentId !== null && s.agentId !== e.agentId) return;
        if (e.staffId !== null && !s.staffIds.has(e.staffId)) return;
        s.onConsolePush(e.data);
      }),
    );
  }

  /**
   * Starts pushing to a socket. With `since` (its cursor), live events wait until `resume` has given it what
   * it missed; a socket added without it gets every live event from now on.
   */
  add(socket: AgentSocket, since?: number): void {
    this.gates.set(socket, new ResumeGate<LoggedEvent>(since ?? 0, since !== undefined));
    this.sockets.add(socket);
  }

  /**
   * Gives a socket added with `since` what it missed (rendered like the live events, through its own
   * filters) or a resync, then the live events that waited, without any it was already given.
   */
  async resume(socket: AgentSocket, since: number, replay: () => Promise<Replay>): Promise<void> {
    const gate = this.gates.get(socket);
    if (!gate) return;
    try {
      const r = await replay();
      if (r.kind === 'resync') socket.onResync(r.head);
      else for (const le of r.events) await this.renderOne(socket, le);
      gate.replayed(r.kind === 'resync' ? r.head : r.upTo);
    } catch (err) {
      this.log.warn({ err, agentId: socket.agentId }, 'agent socket replay failed');
      socket.onResync(since);
    }
    for (let batch = gate.drain(); batch.length; batch = gate.drain()) for (const le of batch) await this.renderOne(socket, le);
    gate.open();
  }

  remove(socket: AgentSocket): void {
    this.sockets.delete(socket);
  }

  /** Live sockets of one agent in this process. */
  socketsOf(agentId: number): AgentSocket[] {
    return [...this.sockets].filter((s) => s.agentId === agentId);
  }

  stop(): void {
    this.pumps.stop();
  }

  private async renderOne(s: AgentSocket, le: LoggedEvent): Promise<void> {
    if (!this.sockets.has(s)) return;
    await render(s, le, this.services.eventViews.of(le.event)).catch((err) => this.log.warn({ err, agentId: s.agentId }, 'agent push failed'));
  }

  private async each(merchantId: number, fn: (s: AgentSocket) => Promise<void>): Promise<void> {
    await Promise.all(
      [...this.sockets].filter((s) => s.merchantId === merchantId).map((s) => fn(s).catch((err) => this.log.warn({ err, agentId: s.agentId }, 'agent push failed'))),
    );
  }
}

const render = (s: AgentSocket, le: LoggedEvent, view: EventView): Promise<void> =>
  le.topic === 'SESSION_CHANGED' ? s.onSessionChanged(le.event, view) : s.onMessageAdded(le.event, view);
