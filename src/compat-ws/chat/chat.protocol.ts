import { z } from 'zod';
import { isAppError } from '../../core/errors.js';
import { containsNul } from '../../core/nul-guard.js';
import type { Logger } from '../../core/logger.js';
import { ChannelType } from '../../entities/contact/contact.entity.js';
import { MessageType } from '../../entities/session/message.entity.js';
import type { MessageView } from '../../services/session/event-facts.js';
import type { Services } from '../../services/index.js';
import { contactNotices } from '../../services/conversation/contact-notices.js';
import type { AnswerStream, IntakeOutcome } from '../../services/conversation/intake-outcome.js';
import { SPEECH_NOT_CONFIGURED, SpeechError } from '../../services/speech/speech.service.js';
import { ResumeGate } from '../../core/events/event-sequencer.js';
import { EOF_FRAME, jsonFrame } from '../frames.js';
import { CHAT_CLOSE, CHAT_CODES, chatCodeOf } from './chat.vocabulary.js';
import type { ChatHub } from './chat-hub.js';

const request = z.object({
  action: z.literal('chat', 'action must be "chat"'),
  type: z.enum(['text', 'audio', 'image'], 'type must be "text", "audio" or "image"').default('text'),
  content: z.string('content must be a string').trim().min(1, 'content must not be empty').max(20_000, 'content is too long'),
});

export interface ChatTransport {
  send(frame: string): void;
  close(code: number, reason: string): void;
  /**
   * How an agent's picture or file reaches this client: its URL as text (the seed's clients), or one
   * `|=JSON=|{"code":0,"result":{"msgType","media"}}` frame (the chat page, which shows it).
   */
  media: 'url' | 'json';
  /**
   * The chat page: agent messages and notices come as `|=JSON=|{"code":0,"result":{"type":"agent"|"notice",…}}`
   * frames naming who speaks and, while waiting, the place in the queue and the expected wait (docs/chat-page.md);
   * the seed's clients get them as plain text.
   */
  rich?: boolean;
  /**
   * `after_msg_id` of a client that resumes (docs/protocols.md, "Resuming"), or null for the seed's clients.
   * A resuming client is first sent the messages it missed, and every message then carries its id.
   */
  resumeAfter: number | null;
}

const rateRequest = z.object({
  action: z.literal('rate'),
  score: z.unknown(),
  comment: z.unknown().optional(),
});

/**
 * One web-chat connection: one contact's conversation with one staff (ai-staff seed §2.9 and §4;
 * docs/protocols.md, "Web chat"). Frames in, one intake call, frames out. Every answer ends with
 * `|=EOF=|`, and answers never interleave: they go out one at a time, from a bounded queue.
 */
export class ChatConnection {
  private outbound: Promise<void> = Promise.resolve();
  private queued = 0;
  private contactId: number | null = null;
  private unwatchQueue: (() => void) | null = null;
  private readonly unsubscribe: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly services: Services,
    private readonly hub: ChatHub,
    private readonly staffId: number,
    /** The contact's id on the web channel: given by the client (`contact_id`) or made by the server. */
    readonly contactExternalId: string,
    private readonly transport: ChatTransport,
    private readonly log: Logger,
  ) {}

  /**
   * Starts pushing agent replies when the contact already has a conversation (a resumed connection); a
   * client that gave `after_msg_id` first gets the messages after it, the live pushes waiting meanwhile.
   */
  async start(): Promise<void> {
    const contactId = await this.services.intake.knownContact(this.staffId, ChannelType.WEB, this.contactExternalId);
    if (!contactId) return;
    const after = this.transport.resumeAfter;
    if (after === null) return void this.watch(contactId);
    const gate = this.watch(contactId, after);
    if (!gate) return;
    try {
      let last = after;
      for await (const page of this.services.contactHistory.after(contactId, after)) {
        for (const m of page) void this.enqueue(async () => this.messageFrame(m));
        last = page.at(-1)!.id;
        // The next page is read once this one is handed to the socket (which cuts off a client that does not read).
        await this.enqueue(async () => {});
        if (this.closed) break;
      }
      gate.replayed(last);
    } finally {
      for (let batch = gate.drain(); batch.length; batch = gate.drain()) batch.forEach((work) => void this.enqueue(work));
      gate.open();
    }
  }

  /** The chat page, connecting while its contact waits for an agent: shows the place in the queue again. */
  async showWaiting(): Promise<void> {
    if (!this.transport.rich) return;
    const contactId = await this.services.intake.knownContact(this.staffId, ChannelType.WEB, this.contactExternalId);
    if (contactId !== null) await this.enqueue(() => this.queueNotice(null, contactId, true));
  }

  /** Handles one frame from the client. A client that sends faster than it is answered is cut off. */
  handle(raw: string): Promise<void> {
    if (this.queued >= this.services.config.conversation.maxQueuedFrames) {
      this.transport.close(CHAT_CLOSE.tooManyFrames.code, CHAT_CLOSE.tooManyFrames.reason);
      this.close();
      return Promise.resolve();
    }
    this.queued++;
    return this.enqueue(async () => {
      this.queued--;
      await this.answer(raw);
    });
  }

  close(): void {
    this.closed = true;
    this.unsubscribe.forEach((u) => u());
    this.unwatchQueue?.();
  }

  private async answer(raw: string): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return this.reply({ code: CHAT_CODES.invalidJson, message: 'The frame is not valid JSON' });
    }
    if (containsNul(parsed)) return this.reply({ code: CHAT_CODES.invalidParams, message: 'Text must not contain NUL characters' });
    const rating = rateRequest.safeParse(parsed);
    if (rating.success) return this.rate(rating.data);
    const req = request.safeParse(parsed);
    if (!req.success) return this.reply({ code: CHAT_CODES.invalidParams, message: req.error.issues.map((i) => i.message).join('; ') });
    // Refused before anything is stored: without a speech service the request cannot be answered as asked.
    if (req.data.type === 'audio' && !this.services.speech.configured) return this.reply({ code: CHAT_CODES.speechUnavailable, message: SPEECH_NOT_CONFIGURED });

    try {
      const picture = req.data.type === 'image';
      const outcome = await this.services.intake.receive({
        staffId: this.staffId,
        channel: ChannelType.WEB,
        externalId: this.contactExternalId,
        msgType: picture ? MessageType.PICTURE : MessageType.TEXT,
        content: req.data.content,
      });
      await this.render(outcome, req.data.type === 'audio');
    } catch (err) {
      if (!isAppError(err)) this.log.error({ err }, 'web chat message failed');
      return this.reply(isAppError(err) ? { code: chatCodeOf(err.code), message: err.message } : { code: CHAT_CODES.internal, message: 'Internal server error' });
    }
  }

  private async render(outcome: IntakeOutcome, voice: boolean): Promise<void> {
    // The first message of a new contact was announced before anyone watched: a resuming client gets its id here.
    if (this.contactId === null && 'messageId' in outcome && outcome.messageId && this.transport.resumeAfter !== null) {
      const id = outcome.messageId;
      void this.enqueue(async () => this.cursorFrame(id));
    }
    switch (outcome.kind) {
      case 'refused':
        return this.reply({ code: CHAT_CODES.staffUnavailable, message: outcome.reason });
      case 'rate_limited':
        return this.reply({ code: CHAT_CODES.tooManyRequests, message: outcome.reason });
      case 'queued':
        this.watch(outcome.contactId);
        return this.transport.rich ? this.queueNotice(outcome.notice) : this.text(outcome.notice);
      case 'answer':
        this.watch(outcome.contactId);
        return voice ? this.speak(outcome.answer, outcome.sessionId) : this.stream(outcome.answer);
      default:
        // Stored; an agent owns the conversation (its reply is pushed when it comes), or nothing is said now.
        this.watch(outcome.contactId);
        return this.sendFrame(EOF_FRAME);
    }
  }

  private async stream(answer: AnswerStream): Promise<void> {
    // Read to the end even if the socket went away, so the answer is stored for the agents and the history.
    for (let step = await answer.next(); ; step = await answer.next()) {
      if (step.done) {
        if (step.value.notice && !this.transport.rich) this.sendFrame(`\n\n${step.value.notice}`);
        this.sendFrame(EOF_FRAME);
        // The chat page shows the handoff as a notice of its own, with the place in the queue.
        if (step.value.notice && this.transport.rich) await this.queueNotice(step.value.notice);
        return;
      }
      this.sendFrame(step.value);
    }
  }

  /**
   * `{"action":"rate","score":1..5,"comment"?}`: the contact's rating of its conversation that just closed
   * (src/services/session/csat.service.ts), answered `{"code":0,"result":{"type":"rated","sessionId"}}`.
   */
  private async rate(req: z.output<typeof rateRequest>): Promise<void> {
    try {
      const session = await this.services.csat.rate(this.staffId, ChannelType.WEB, this.contactExternalId, { score: req.score as number, comment: req.comment as string | undefined });
      this.reply({ code: CHAT_CODES.ok, message: 'OK', result: { type: 'rated', sessionId: String(session.id) } });
    } catch (err) {
      if (!isAppError(err)) this.log.error({ err }, 'web chat rating failed');
      this.reply(isAppError(err) ? { code: chatCodeOf(err.code), message: err.message } : { code: CHAT_CODES.internal, message: 'Internal server error' });
    }
  }

  /** The chat page's queue notice: the text, the place and the expected wait; later moves of the queue follow. */
  private async queueNotice(text: string | null, contactId = this.contactId, onlyIfWaiting = false): Promise<void> {
    const status = contactId === null ? null : await this.services.queueStatus.ofContact(contactId);
    if (!status && onlyIfWaiting) return;
    this.notice(status?.offline ? 'offline' : 'queued', text, status ? { position: status.position, waitSeconds: status.waitSeconds } : {});
    if (!status || this.closed) return;
    this.unwatchQueue?.();
    const staffId = this.staffId;
    const stop = this.hub.watchQueue(staffId, status.merchantId, status.sessionId, (moved) => {
      if (!moved) {
        stop();
        if (this.unwatchQueue === stop) this.unwatchQueue = null;
        return;
      }
      void this.enqueue(async () => this.notice('queue', null, { position: moved.position, waitSeconds: moved.waitSeconds }));
    });
    this.unwatchQueue = stop;
  }

  private notice(notice: 'queued' | 'offline' | 'queue' | 'accepted' | 'closed', text: string | null, extra: Record<string, unknown> = {}): void {
    this.reply({ code: CHAT_CODES.ok, message: 'OK', result: { type: 'notice', notice, text, ...extra } });
  }

  /**
   * Seed §4.2: the AI answers as for text (stored as usual), the whole answer is spoken, and one
   * `|=JSON=|` frame gives the audio's URL; a speech failure is a 502 frame (the text answer stays in
   * the history for the agents).
   */
  private async speak(answer: AnswerStream, sessionId: number): Promise<void> {
    let step = await answer.next();
    for (; !step.done; step = await answer.next());
    const end = step.value;
    // An agent took the session meanwhile: the AI's words were not kept, and the agent's reply is pushed when it comes.
    if (end.messageId === null) return this.sendFrame(EOF_FRAME);
    const text = end.notice ? `${end.text}\n\n${end.notice}` : end.text;
    try {
      const audio = await this.services.speech.synthesize(text);
      this.reply({ code: CHAT_CODES.ok, message: 'OK', result: { messageId: String(end.messageId), conversationId: String(sessionId), streamUrl: audio.url } });
    } catch (err) {
      if (!(err instanceof SpeechError)) throw err;
      this.reply({ code: CHAT_CODES.speechUnavailable, message: err.message });
    }
  }

  /**
   * Pushes what others say in this contact's conversation: agent replies and the handover notices. With
   * `resumeFrom`, pushes wait until `start` has sent what the client missed; pushes of messages it was sent
   * already (by id) are dropped.
   */
  private watch(contactId: number, resumeFrom?: number): ResumeGate<() => Promise<void>> | null {
    if (this.contactId === contactId || this.closed) return null;
    this.contactId = contactId;
    const gate = new ResumeGate<() => Promise<void>>(resumeFrom ?? 0, resumeFrom !== undefined);
    const push = (id: number, work: () => Promise<void>) => {
      if (gate.offer(id, work)) void this.enqueue(work);
    };
    const withStaff = (kind: 'accepted' | 'closed', say: (staff: Parameters<typeof contactNotices.closed>[0]) => string, then?: () => void) =>
      push(0, async () => {
        const staff = await this.services.intake.staffNow(this.staffId);
        if (staff) {
          if (this.transport.rich) this.notice(kind, say(staff));
          else this.text(say(staff));
        }
        then?.();
      });
    const resuming = this.transport.resumeAfter !== null;
    this.unsubscribe.push(
      this.hub.watch(contactId, {
        agentSaid: (m, agentName) => push(m.id, async () => (resuming ? this.messageFrame(m, agentName) : this.agentMessage(m, agentName))),
        // The client showed it already (it wrote it, or the answer was streamed): only the cursor moves.
        messageStored: (id) => {
          if (resuming) push(id, async () => this.cursorFrame(id));
        },
        agentJoined: (name) => withStaff('accepted', (staff) => contactNotices.accepted(staff, name)),
        // Then the rating prompt, answered with {"action":"rate",…} (docs/protocols.md, "Web chat").
        conversationClosed: (sessionId) =>
          withStaff('closed', (staff) => contactNotices.closed(staff), () =>
            this.reply({ code: CHAT_CODES.ok, message: 'OK', result: { type: 'csat', sessionId: String(sessionId), min: 1, max: 5 } }),
          ),
      }),
    );
    return gate;
  }

  private cursorFrame(id: number): void {
    this.reply({ code: CHAT_CODES.ok, message: 'OK', result: { msgId: String(id) } });
  }

  /**
   * A message as a resuming client gets it: one JSON frame with its id, so it can ask for what follows;
   * an agent's carries the agent's name when it is known (live pushes; the chat page labels it).
   */
  private messageFrame(m: MessageView, agentName?: string | null): void {
    const name = agentName ? { name: agentName } : {};
    this.reply({ code: CHAT_CODES.ok, message: 'OK', result: { msgId: String(m.id), senderType: m.senderType, msgType: m.msgType, content: m.content, media: m.payload, ...name } });
  }

  private agentMessage(m: MessageView, agentName: string | null): void {
    if (this.transport.rich) {
      const sender = { type: 'agent', name: agentName };
      if (m.msgType === MessageType.TEXT) return this.reply({ code: CHAT_CODES.ok, message: 'OK', result: { ...sender, msgType: m.msgType, text: m.content } });
      return this.reply({ code: CHAT_CODES.ok, message: 'OK', result: { ...sender, msgType: m.msgType, caption: m.content, media: m.payload } });
    }
    if (m.msgType === MessageType.TEXT) return this.text(m.content);
    if (this.transport.media === 'url') return this.text(String(m.payload?.url ?? m.content));
    this.reply({ code: CHAT_CODES.ok, message: 'OK', result: { msgType: m.msgType, caption: m.content, media: m.payload } });
  }

  /** Work for this connection, one at a time; nothing queued starts once the socket has closed. */
  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = () => (this.closed ? Promise.resolve() : work());
    const next = this.outbound.then(run, run);
    this.outbound = next.catch(() => undefined);
    return next;
  }

  private text(content: string): void {
    this.sendFrame(content);
    this.sendFrame(EOF_FRAME);
  }

  private reply(value: { code: number; message: string | null; result?: Record<string, unknown> }): void {
    this.sendFrame(jsonFrame(value));
    this.sendFrame(EOF_FRAME);
  }

  private sendFrame(frame: string): void {
    if (!this.closed) this.transport.send(frame);
  }
}
