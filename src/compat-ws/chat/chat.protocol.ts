import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { isAppError } from '../../core/errors.js';
import { containsNul } from '../../core/nul-guard.js';
import type { Logger } from '../../core/logger.js';
import { ChannelType } from '../../entities/contact/contact.entity.js';
import { MessageType } from '../../entities/session/message.entity.js';
import { Session, SessionStatus } from '../../entities/session/session.entity.js';
import { LanguageResponse } from '../../entities/staff/staff-enums.js';
import { Staff } from '../../entities/staff/staff.entity.js';
import type { Services } from '../../services/index.js';
import { SPEECH_NOT_CONFIGURED, SpeechError } from '../../services/speech/speech.service.js';
import { EOF_FRAME, jsonFrame } from '../frames.js';
import type { ChatHub } from './chat-hub.js';

const request = z.object({
  action: z.literal('chat', 'action must be "chat"'),
  type: z.enum(['text', 'audio'], 'type must be "text" or "audio"').default('text'),
  content: z.string('content must be a string').trim().min(1, 'content must not be empty').max(20_000, 'content is too long'),
});

const notices = {
  queued: { zh: (n: number | null) => `正在为您转接人工客服，请稍候。${n && n > 1 ? `您前面还有 ${n - 1} 位。` : ''}`, en: (n: number | null) => `Connecting you to a person, please wait.${n && n > 1 ? ` ${n - 1} ahead of you.` : ''}` },
  accepted: { zh: (name: string) => `人工客服 ${name} 为您服务。`, en: (name: string) => `${name} has joined the conversation.` },
  closed: { zh: () => '本次会话已结束，感谢您的咨询。', en: () => 'This conversation has ended. Thank you.' },
};

/**
 * One web-chat connection: one contact's conversation with one staff
 * (ai-staff seed §2.9 and §4). Frames in, service calls, frames out; the
 * socket adapter only moves frames. Every answer ends with `|=EOF=|`, and
 * answers never interleave: they go out one at a time.
 */
export class ChatConnection {
  private outbound: Promise<void> = Promise.resolve();
  private contactId: number | null = null;
  private readonly unsubscribe: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly services: Services,
    private readonly hub: ChatHub,
    private readonly staffId: number,
    /** The contact's id on the web channel: given by the client (`contact_id`) or made by the server. */
    readonly contactExternalId: string,
    private readonly send: (frame: string) => void,
    private readonly log: Logger,
  ) {}

  /** Starts pushing agent replies when the contact already has a session (a resumed connection). */
  async start(): Promise<void> {
    const contact = await this.orm.em.fork().findOne(Session, { staff: this.staffId, contact: { channel: ChannelType.WEB, externalId: this.contactExternalId } }, { fields: ['contact'] });
    if (contact) this.watch(contact.contact.id);
  }

  /** Handles one frame from the client; answers are queued so they never interleave. */
  handle(raw: string): Promise<void> {
    return this.enqueue(() => this.answer(raw));
  }

  close(): void {
    this.closed = true;
    this.unsubscribe.forEach((u) => u());
  }

  private async answer(raw: string): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return this.reply({ code: 1004, message: 'The frame is not valid JSON' });
    }
    if (containsNul(parsed)) return this.reply({ code: 1003, message: 'Text must not contain NUL characters' });
    const req = request.safeParse(parsed);
    if (!req.success) return this.reply({ code: 1003, message: req.error.issues.map((i) => i.message).join('; ') });

    const em = this.orm.em.fork();
    const staff = await em.findOne(Staff, this.staffId, { populate: ['merchant'] });
    const refusal = staff ? this.services.staff.refusalOf(staff) : 'This AI staff has been deleted';
    if (!staff || refusal) return this.reply({ code: 1012, message: refusal });

    if (req.data.type === 'audio' && !this.services.speech.configured) {
      // Refused before anything is stored: without a speech service the request cannot be answered as asked.
      return this.reply({ code: 502, message: SPEECH_NOT_CONFIGURED });
    }
    try {
      const result = await this.services.sessions.receiveFromContact(em, staff, {
        channel: ChannelType.WEB,
        externalId: this.contactExternalId,
        content: req.data.content,
      });
      this.watch(result.session.contact.id);
      if (result.aiShouldAnswer && req.data.type === 'audio') return await this.voiceAiAnswer(em, result.session.id, req.data.content, staff);
      if (result.aiShouldAnswer) return await this.streamAiAnswer(em, result.session.id, req.data.content, staff);
      if (result.session.status === SessionStatus.PENDING) {
        // Routing may already have given it to an agent; then the agent's greeting notice follows instead.
        const current = await this.orm.em.fork().findOne(Session, result.session.id);
        if (current?.status === SessionStatus.PENDING) {
          return this.text(this.notice(staff, 'queued', await this.services.sessions.queuePosition(em, current)));
        }
      }
      // An agent owns the conversation: the AI stays silent, and the agent's reply is pushed when it comes.
      this.sendFrame(EOF_FRAME);
    } catch (err) {
      if (isAppError(err)) return this.reply({ code: err.code === 'BAD_USER_INPUT' ? 1003 : 500, message: err.message });
      this.log.error({ err }, 'web chat message failed');
      return this.reply({ code: 500, message: 'Internal server error' });
    }
  }

  private async streamAiAnswer(em: ReturnType<MikroORM['em']['fork']>, sessionId: number, question: string, staff: Staff): Promise<void> {
    const answer = this.services.sessions.answerAsAi(em, sessionId, question);
    // Read to the end even if the socket went away, so the answer is stored for the agents and the history.
    for (;;) {
      const step = await answer.next();
      if (step.done) {
        if (step.value.handedOff) {
          const session = await this.orm.em.fork().findOneOrFail(Session, sessionId);
          if (session.status === SessionStatus.PENDING) {
            this.sendFrame(`\n\n${this.notice(staff, 'queued', await this.services.sessions.queuePosition(em, session))}`);
          }
        }
        break;
      }
      this.sendFrame(step.value);
    }
    this.sendFrame(EOF_FRAME);
  }

  /**
   * Seed §4.2: the AI answers as for text (stored as usual), the whole answer is
   * spoken, and one `|=JSON=|` frame gives the audio's URL; a speech failure is
   * a 502 frame (the text answer stays in the history for the agents).
   */
  private async voiceAiAnswer(em: ReturnType<MikroORM['em']['fork']>, sessionId: number, question: string, staff: Staff): Promise<void> {
    const answer = this.services.sessions.answerAsAi(em, sessionId, question);
    let text = '';
    let step = await answer.next();
    for (; !step.done; step = await answer.next()) text += step.value;
    const { message, handedOff } = step.value;
    // An agent took the session meanwhile: the AI's words were not kept, and the agent's reply is pushed when it comes.
    if (!message) return this.sendFrame(EOF_FRAME);
    if (handedOff) {
      const session = await this.orm.em.fork().findOneOrFail(Session, sessionId);
      if (session.status === SessionStatus.PENDING) text += `\n\n${this.notice(staff, 'queued', await this.services.sessions.queuePosition(em, session))}`;
    }
    try {
      const audio = await this.services.speech.synthesize(text);
      this.reply({ code: 0, message: 'OK', result: { messageId: String(message.id), conversationId: String(sessionId), streamUrl: audio.url } });
    } catch (err) {
      if (!(err instanceof SpeechError)) throw err;
      this.reply({ code: 502, message: err.message });
    }
  }

  /** Pushes what others say in this contact's sessions: agent replies and the handover notices. */
  private watch(contactId: number): void {
    if (this.contactId === contactId || this.closed) return;
    this.contactId = contactId;
    const withStaff = (fn: (staff: Staff) => void) =>
      void this.enqueue(async () => {
        const staff = await this.orm.em.fork().findOne(Staff, this.staffId);
        if (staff) fn(staff);
      });
    this.unsubscribe.push(
      this.hub.watch(contactId, {
        // Media travel as their URL: the stream carries text only.
        agentSaid: (m) => void this.enqueue(async () => this.text(m.msgType === MessageType.TEXT ? m.content : String(m.payload?.url ?? m.content))),
        agentJoined: (name) => withStaff((staff) => this.text(this.notice(staff, 'accepted', name))),
        conversationClosed: () => withStaff((staff) => this.text(this.notice(staff, 'closed'))),
      }),
    );
  }

  private notice<K extends keyof typeof notices>(staff: Staff, kind: K, ...args: Parameters<(typeof notices)[K]['zh']>): string {
    const lang = staff.languageResponse === LanguageResponse.ENGLISH ? 'en' : 'zh';
    return (notices[kind][lang] as (...a: unknown[]) => string)(...args);
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.outbound.then(work, work);
    this.outbound = next.catch(() => undefined);
    return next;
  }

  private text(content: string): void {
    this.sendFrame(content);
    this.sendFrame(EOF_FRAME);
  }

  private reply(value: { code: number; message: string | null; result?: Record<string, string> }): void {
    this.sendFrame(jsonFrame(value));
    this.sendFrame(EOF_FRAME);
  }

  private sendFrame(frame: string): void {
    if (!this.closed) this.send(frame);
  }
}
