import { rateLimited } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { Channel } from '../../entities/channel/channel.entity.js';
import type { MessageType } from '../../entities/session/message.entity.js';
import type { ConversationIntake } from '../conversation/conversation-intake.service.js';
import type { AnswerStream } from '../conversation/intake-outcome.js';

/** One message a contact sent on a channel, already verified, decoded and de-media'd. */
export interface ChannelInboundInput {
  /** The channel's id for the person (gateway `user_id`, WeCom `FromUserName`). */
  externalId: string;
  msgType: MessageType;
  /** The text; for media the URL (also in `payload.url`). */
  content: string;
  /** Media: `{url, mimeType, size, name, duration?}`; location and link: their fields. */
  payload: Record<string, unknown> | null;
  /** The channel's message id (gateway `msg_id`, WeCom `MsgId`): a repeat on the same account is stored once. */
  channelMsgId: string | null;
  profile?: { nickname?: string; avatarUrl?: string };
  /** The channel was answered before the message was handled and will not send it again (WeCom). */
  keepOverLimit?: boolean;
}

export interface ChannelInboundResult {
  sessionId: number | null;
  messageId: number | null;
  duplicate: boolean;
}

/**
 * A channel's codec into the conversation intake (docs/architecture.md): the intake stores the
 * message and decides; this answers the callback at once and lets the AI's answer be written in the
 * background. The stored answer, and every notice, reach the contact through the outbox as one message.
 */
export class ChannelInboundService {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly intake: ConversationIntake,
    private readonly log: Logger,
  ) {}

  /**
   * Stores the message (once per channel message id); over the contact's or staff's limit it is refused (429), so
   * the channel retries, unless the channel will not (`keepOverLimit`): then it is stored unanswered.
   */
  async receive(channel: Channel, input: ChannelInboundInput): Promise<ChannelInboundResult> {
    const outcome = await this.intake.receive({ staffId: channel.staff.id, channel: channel.channelType, channelAccountId: channel.id, ...input });
    if (outcome.kind === 'rate_limited' && outcome.messageId === undefined) throw rateLimited(outcome.reason);
    if (outcome.kind === 'answer') this.track(this.drain(outcome.answer));
    return { sessionId: outcome.sessionId ?? null, messageId: outcome.messageId ?? null, duplicate: outcome.kind === 'duplicate' };
  }

  /** Waits for answers still being written (shutdown, tests). */
  async settle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private async drain(answer: AnswerStream): Promise<void> {
    for (let step = await answer.next(); !step.done; step = await answer.next());
  }

  private track(work: Promise<void>): void {
    const p = work.catch((err) => this.log.error({ err }, 'channel AI answer failed'));
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }
}
