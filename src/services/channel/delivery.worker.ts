import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChannelConfig } from '../../core/channel/channel-config.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Logger } from '../../core/logger.js';
import type { Channel } from '../../entities/channel/channel.entity.js';
import { DeliveryState, OutboundDelivery } from '../../entities/channel/outbound-delivery.entity.js';
import { ChannelType } from '../../entities/contact/contact.entity.js';
import { MessageType } from '../../entities/session/message.entity.js';
import type { ChannelService } from './channel.service.js';
import { retryDelayMs, signedHeaders } from './gateway-signature.js';
import type { NonceStore } from './nonce-store.js';
import type { WecomApiClient } from './wecom-api.client.js';
import { conversationTraceId } from '../../core/trace.js';

/** A refusal no retry can fix (no channel, incomplete settings): the delivery fails at once. */
class PermanentFailure extends Error {}

/** Outbound `msg_type` names: ours, except that pictures are `image` as on the inbound side. */
const outboundType = (t: string) => (t === MessageType.PICTURE ? 'image' : t);

/**
 * Sends the outbox. Each loop claims the oldest due delivery whose session has no
 * earlier one still pending (so a session's replies arrive in order), holding its row
 * lock while sending: another instance skips it, and a crash releases it for a retry
 * with the same msg_id. Refusals back off from CHANNEL_RETRY_BASE_MS, doubling, up to
 * CHANNEL_RETRY_MAX_SECONDS, until CHANNEL_RETRY_GIVE_UP_SECONDS after queueing.
 */
export class DeliveryWorker {
  private stopping = false;
  private loops: Promise<void>[] = [];
  private wake: (() => void)[] = [];
  private lastSweep = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly config: ChannelConfig,
    private readonly channels: ChannelService,
    private readonly wecom: WecomApiClient,
    private readonly nonces: NonceStore,
    private readonly bus: EventBus,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.stopping = false;
    for (let i = 0; i < this.config.deliveryConcurrency; i++) this.loops.push(this.loop());
  }

  /** Lets attempts in flight finish (each is bounded by CHANNEL_HTTP_TIMEOUT_MS). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake.splice(0).forEach((w) => w());
    await Promise.all(this.loops.splice(0));
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        worked = await this.runOnce();
        await this.sweepNonces();
      } catch (err) {
        this.log.error({ err }, 'delivery loop failed');
      }
      if (!worked && !this.stopping) await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.config.pollMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wake.push(done);
      });
    }
  }

  /** Attempts one due delivery; false when there was none. */
  async runOnce(): Promise<boolean> {
    let event: (() => void) | null = null;
    const worked = await this.orm.em.fork().transactional(async (tx) => {
      const rows: { id: number }[] = await tx.getConnection().execute(
        `select d.id from outbound_delivery d
          where d.state = 'pending' and d.next_attempt_at <= now()
            and not exists (select 1 from outbound_delivery e where e.session_id = d.session_id and e.state = 'pending' and e.id < d.id)
          order by d.next_attempt_at, d.id limit 1
          for update of d skip locked`,
        [],
        'all',
        tx.getTransactionContext(),
      );
      if (!rows.length) return false;
      const d = await tx.findOneOrFail(OutboundDelivery, rows[0]!.id, { populate: ['session', 'session.contact', 'message'] });
      await this.attempt(tx, d);
      await tx.flush();
      event = this.event(d);
      return true;
    });
    if (event) (event as () => void)();
    return worked;
  }

  private async attempt(tx: EntityManager, d: OutboundDelivery): Promise<void> {
    const now = new Date();
    d.attempts += 1;
    try {
      const channel = await this.channels.forSession(tx, d.session.staff.id, d.session.channel);
      if (!channel) throw new PermanentFailure(`No ${d.session.channel} channel is configured for this session's staff`);
      if (d.message && d.replyTo === null) d.replyTo = await this.replyTo(tx, d);
      if (channel.channelType === ChannelType.WECOM) await this.sendWecom(channel, d);
      else await this.sendGateway(channel, d);
      d.delivered(new Date());
      this.log.info({ traceId: conversationTraceId(d.session.id), deliveryId: d.id, sessionId: d.session.id, messageId: d.message?.id ?? null, attempts: d.attempts }, 'channel reply delivered');
    } catch (err) {
      const reason = describe(err);
      if (err instanceof PermanentFailure) d.failed(reason);
      else {
        const retryAt = new Date(now.getTime() + retryDelayMs(d.attempts, this.config.retryBaseMs, this.config.retryMaxMs));
        d.refused(reason, retryAt, new Date(d.createdAt.getTime() + this.config.giveUpMs));
      }
      const level = d.state === DeliveryState.FAILED ? 'warn' : 'info';
      this.log[level]({ traceId: conversationTraceId(d.session.id), deliveryId: d.id, sessionId: d.session.id, attempts: d.attempts, state: d.state, reason }, 'channel delivery refused');
    }
  }

  private async sendGateway(channel: Channel, d: OutboundDelivery): Promise<void> {
    const { secret } = this.channels.secrets(channel);
    if (!secret || !channel.outboundUrl) throw new PermanentFailure('The channel has no secret or outbound_url');
    const body = JSON.stringify({
      account_id: channel.accountId,
      msg_id: d.msgId,
      user_id: d.session.contact.externalId,
      msg_type: outboundType(d.body.msgType),
      content: this.contentOf(d),
      reply_to: d.replyTo,
    });
    const res = await fetch(channel.outboundUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedHeaders(secret, body) },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.config.httpTimeoutMs),
    });
    const answer = await res.text().catch(() => '');
    if (res.status < 200 || res.status > 299) throw new Error(`HTTP ${res.status}${answer ? `: ${answer.slice(0, 200)}` : ''}`);
  }

  private async sendWecom(channel: Channel, d: OutboundDelivery): Promise<void> {
    const { appSecret } = this.channels.secrets(channel);
    if (!appSecret || !channel.corpId || !channel.agentId) throw new PermanentFailure('The WeCom channel has no app_secret, so replies cannot be sent');
    // Media go as text with their URL: sending WeCom media would need an upload first.
    const content = d.body.msgType === MessageType.TEXT ? d.body.content : `[${outboundType(d.body.msgType)}] ${this.contentOf(d)}`;
    await this.wecom.send({ corpId: channel.corpId, agentId: channel.agentId, appSecret }, d.session.contact.externalId, { msgtype: 'text', text: { content } });
  }

  /** Media are sent as their URL. */
  private contentOf(d: OutboundDelivery): string {
    const url = d.body.payload?.url;
    return d.body.msgType !== MessageType.TEXT && typeof url === 'string' ? url : d.body.content;
  }

  /** The contact's newest channel message before this one: what it answers. */
  private async replyTo(tx: EntityManager, d: OutboundDelivery): Promise<string | null> {
    const rows: { channel_msg_id: string | null }[] = await tx.getConnection().execute(
      `select channel_msg_id from message where session_id = ? and sender_type = 'contact' and seq < ? order by seq desc limit 1`,
      [d.session.id, d.message!.seq],
      'all',
      tx.getTransactionContext(),
    );
    return rows[0]?.channel_msg_id ?? null;
  }

  private event(d: OutboundDelivery): () => void {
    const e = {
      merchantId: d.merchant.id,
      staffId: d.session.staff.id,
      sessionId: d.session.id,
      deliveryId: d.id,
      messageId: d.message?.id ?? null,
      msgId: d.msgId,
      state: d.state,
      attempts: d.attempts,
      lastError: d.lastError,
    };
    return () => this.bus.publish('CHANNEL_DELIVERY', e);
  }

  private async sweepNonces(): Promise<void> {
    if (Date.now() - this.lastSweep < 60_000) return;
    this.lastSweep = Date.now();
    await this.nonces.sweep(this.orm.em.fork());
  }
}

/** "fetch failed" alone says little: the cause (refused, timed out, unknown host) is what the merchant needs. */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? err.cause.message : '';
  return cause && !err.message.includes(cause) ? `${err.message}: ${cause}` : err.message;
}
