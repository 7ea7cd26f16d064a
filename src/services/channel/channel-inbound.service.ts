import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../core/logger.js';
import type { Channel } from '../../entities/channel/channel.entity.js';
import { Message, type MessageType } from '../../entities/session/message.entity.js';
import { Staff } from '../../entities/staff/staff.entity.js';
import type { SessionService } from '../session/session.service.js';
import type { StaffService } from '../staff/staff.service.js';

/** One message a contact sent on a channel, already verified, decoded and de-media'd. */
export interface ChannelInboundInput {
  /** The channel's id for the person (gateway `user_id`, WeCom `FromUserName`). */
  externalId: string;
  msgType: MessageType;
  /** The text; for media the URL (also in `payload.url`). */
  content: string;
  /** Media: `{url, mimeType, size, name, duration?}`; location and link: their fields. */
  payload: Record<string, unknown> | null;
  /** The channel's message id (gateway `msg_id`, WeCom `MsgId`): a repeat is stored once. */
  channelMsgId: string | null;
  profile?: { nickname?: string; avatarUrl?: string };
}

export interface ChannelInboundResult {
  sessionId: number;
  messageId: number;
  duplicate: boolean;
}

/**
 * Where a channel's inbound messages enter the conversation. For now it does what
 * web chat does: store the message, and let the AI answer while the session is
 * the AI's; the answer is stored whole, and the outbox sends it as one message.
 */
export class ChannelInboundService {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly sessions: SessionService,
    private readonly staff: StaffService,
    private readonly log: Logger,
  ) {}

  /** Stores the message (once per channel message id); the AI's answer follows in the background. */
  async receive(channel: Channel, input: ChannelInboundInput): Promise<ChannelInboundResult> {
    const em = this.orm.em.fork();
    const staff = await em.findOneOrFail(Staff, channel.staff.id, { populate: ['merchant'] });
    let result;
    try {
      result = await this.sessions.receiveFromContact(em, staff, { channel: channel.channelType, ...input });
    } catch (err) {
      // The same message arriving twice at once: the other request stored it.
      const seen = err instanceof UniqueConstraintViolationException && input.channelMsgId
        ? await em.fork().findOne(Message, { merchantId: staff.merchant.id, channel: channel.channelType, channelMsgId: input.channelMsgId })
        : null;
      if (!seen) throw err;
      return { sessionId: seen.session.id, messageId: seen.id, duplicate: true };
    }
    const done = { sessionId: result.session.id, messageId: result.message.id, duplicate: result.duplicate };
    if (!result.aiShouldAnswer) return done;
    const refusal = this.staff.refusalOf(staff);
    if (refusal) {
      // Kept for the merchant and its agents; the AI does not answer for a staff that may not work.
      this.log.info({ channelId: channel.id, staffId: staff.id, sessionId: result.session.id, refusal }, 'channel message stored, not answered');
      return done;
    }
    this.track(this.answer(result.session.id, input.content));
    return done;
  }

  /** Waits for answers still being written (shutdown, tests). */
  async settle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private async answer(sessionId: number, question: string): Promise<void> {
    const answer = this.sessions.answerAsAi(this.orm.em.fork(), sessionId, question);
    // Drained whole: the stored answer is what the outbox sends.
    for (let step = await answer.next(); !step.done; step = await answer.next());
  }

  private track(work: Promise<void>): void {
    const p = work.catch((err) => this.log.error({ err }, 'channel AI answer failed'));
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }
}
