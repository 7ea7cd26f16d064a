import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Channel } from '../../entities/channel/channel.entity.js';
import { OutboundDelivery } from '../../entities/channel/outbound-delivery.entity.js';
import { ChannelType } from '../../entities/contact/contact.entity.js';
import { MessageType } from '../../entities/session/message.entity.js';
import { PermanentFailure, type DeliveryLane } from '../delivery/delivery.worker.js';
import { postJson, type OutboundPolicy } from '../delivery/outbound-http.js';
import type { ChannelService } from './channel.service.js';
import { signedHeaders } from './gateway-signature.js';
import type { NonceStore } from './nonce-store.js';
import type { WecomApiClient } from './wecom-api.client.js';
import { conversationTraceId } from '../../core/trace.js';

/** Outbound `msg_type` names: ours, except that pictures are `image` as on the inbound side. */
const outboundType = (t: string) => (t === MessageType.PICTURE ? 'image' : t);

/**
 * The channel outbox as a lane of the delivery worker: the oldest due reply whose session has
 * no earlier one still pending (so a session's replies arrive in order), sent to the session
 * staff's channel with the same msg_id on every attempt.
 */
export class ChannelDeliveryLane implements DeliveryLane<OutboundDelivery> {
  readonly name = 'channel';

  constructor(
    private readonly outbound: OutboundPolicy,
    private readonly channels: ChannelService,
    private readonly wecom: WecomApiClient,
    private readonly nonces: NonceStore,
    private readonly bus: EventBus,
  ) {}

  async claim(tx: EntityManager, id?: number): Promise<OutboundDelivery | null> {
    const rows: { id: number }[] = await tx.getConnection().execute(
      `select d.id from outbound_delivery d
        where d.state = 'pending' and ${id === undefined ? 'd.next_attempt_at <= now()' : 'd.id = ?'}
          and not exists (select 1 from outbound_delivery e where e.session_id = d.session_id and e.state = 'pending' and e.id < d.id)
        order by d.next_attempt_at, d.id limit 1
        for update of d skip locked`,
      id === undefined ? [] : [id],
      'all',
      tx.getTransactionContext(),
    );
    if (!rows.length) return null;
    return tx.findOneOrFail(OutboundDelivery, rows[0]!.id, { populate: ['session', 'session.contact', 'message'] });
  }

  async send(tx: EntityManager, d: OutboundDelivery): Promise<void> {
    const channel = await this.channels.forSession(tx, d.session.staff.id, d.session.channel);
    if (!channel) throw new PermanentFailure(`No ${d.session.channel} channel is configured for this session's staff`);
    if (d.message && d.replyTo === null) d.replyTo = await this.replyTo(tx, d);
    if (channel.channelType === ChannelType.WECOM) await this.sendWecom(channel, d);
    else await this.sendGateway(channel, d);
  }

  describe(d: OutboundDelivery): Record<string, unknown> {
    // The conversation's trace id, so one grep follows a reply from the AI or agent to the channel.
    return { traceId: conversationTraceId(d.session.id), deliveryId: d.id, sessionId: d.session.id, messageId: d.message?.id ?? null };
  }

  announce(d: OutboundDelivery): () => void {
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

  sweep(em: EntityManager): Promise<void> {
    return this.nonces.sweep(em);
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
    const res = await postJson(channel.outboundUrl, body, signedHeaders(secret, body), this.outbound);
    if (res.status < 200 || res.status > 299) throw new Error(`HTTP ${res.status}${res.body ? `: ${res.body.slice(0, 200)}` : ''}`);
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
}
