import type { MikroORM } from '@mikro-orm/postgresql';
import type { ChannelConfig } from '../../core/channel/channel-config.js';
import { ErrorCode, isAppError } from '../../core/errors.js';
import { containsNul } from '../../core/nul-guard.js';
import type { Logger } from '../../core/logger.js';
import { MessageType } from '../../entities/session/message.entity.js';
import { GATEWAY_CHANNEL_TYPES, type Channel, type ConnectedChannelType } from '../../entities/channel/channel.entity.js';
import type { FileService } from '../knowledge/file.service.js';
import type { ChannelInboundService } from './channel-inbound.service.js';
import type { ChannelService } from './channel.service.js';
import { gatewayMessageSchema, fromGatewayMessage } from './gateway-message.js';
import { gatewaySignatureMatches } from './gateway-signature.js';
import type { NonceStore } from './nonce-store.js';
import type { WecomApiClient } from './wecom-api.client.js';
import { parseWecomXml, wecomDecrypt, wecomSignatureMatches } from './wecom-crypto.js';
import { readWecomMessage, type WecomInbound } from './wecom-message.js';
import { crossTenantEm, tenantEm } from '../../core/db/tenancy.js';

/** A refused callback: the HTTP status, and the seed's code and message for the JSON envelope. */
export class CallbackRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface GatewayHeaders {
  timestamp?: string;
  nonce?: string;
  signature?: string;
}

export interface WecomQuery {
  msgSignature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
}

const refuse = (status: number, code: number, message: string) => new CallbackRefusal(status, code, message);

/**
 * The channels' callbacks: authenticate the caller as exactly one channel (signature,
 * freshness, nonce; or WeCom's crypto), decode its message, and hand it to the inbound
 * service. Nothing is stored for a callback that does not authenticate.
 */
export class ChannelCallbackService {
  constructor(
    private readonly orm: MikroORM,
    private readonly config: ChannelConfig,
    private readonly channels: ChannelService,
    private readonly inbound: ChannelInboundService,
    private readonly nonces: NonceStore,
    private readonly wecom: WecomApiClient,
    private readonly files: FileService,
    private readonly log: Logger,
  ) {}

  private readonly running = new Set<Promise<void>>();

  /** Runs what a callback left to do after its answer (WeCom); shutdown waits for it (`settle`). */
  later(task: () => Promise<void>): void {
    const p = task().catch((err) => this.log.error({ err }, 'channel message handling failed'));
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  async settle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  // ---------- generic gateways ----------

  /** `POST /channel/{type}/callback`; answers the envelope's `data`, or throws a CallbackRefusal. */
  async gateway(type: string, headers: GatewayHeaders, raw: Buffer, now = new Date()): Promise<{ msg_id: string; session_id: number | null; duplicate: boolean }> {
    if (!(GATEWAY_CHANNEL_TYPES as readonly string[]).includes(type)) throw refuse(404, 1006, `No such channel type: ${type}; one of ${GATEWAY_CHANNEL_TYPES.join(', ')}`);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw refuse(400, 1004, 'Request body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw refuse(400, 1003, 'Request body must be a JSON object');
    if (containsNul(body)) throw refuse(400, 1003, 'Text must not contain NUL characters');
    const accountId = (body as { account_id?: unknown }).account_id;
    if (typeof accountId !== 'string' || !accountId.trim()) throw refuse(400, 1003, 'account_id: is required');

    const em = crossTenantEm(this.orm);
    const channel = await this.channels.findGateway(em, type as ConnectedChannelType, accountId.trim());
    if (!channel) throw refuse(404, 1006, `No ${type} channel with account_id ${accountId}`);
    const { timestamp, nonce, signature } = headers;
    if (!timestamp || !nonce || !signature) throw refuse(401, 1001, 'X-Timestamp, X-Nonce and X-Signature are required');
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > this.config.callbackMaxSkewSeconds) {
      throw refuse(401, 1001, `X-Timestamp must be Unix seconds within ${this.config.callbackMaxSkewSeconds / 60} minutes of the server's clock`);
    }
    if (nonce.length > 128) throw refuse(401, 1001, 'X-Nonce must be at most 128 characters');
    const { secret } = this.channels.secrets(channel);
    if (!secret || !gatewaySignatureMatches(secret, timestamp, nonce, raw, signature)) throw refuse(401, 1001, 'X-Signature does not match');
    if (!(await this.nonces.claim(em, channel.id, nonce))) throw refuse(401, 1001, 'X-Nonce was already used');

    const parsed = gatewayMessageSchema.safeParse(body);
    if (!parsed.success) throw refuse(400, 1003, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    const input = fromGatewayMessage(parsed.data);
    if (typeof input === 'string') throw refuse(400, 1003, input);
    let result;
    try {
      result = await this.inbound.receive(channel, input);
    } catch (err) {
      // The conversation's own checks (e.g. text over 20000 characters) are the gateway's bad input.
      if (isAppError(err) && err.code === ErrorCode.BadUserInput) throw refuse(400, 1003, err.message);
      // Over the contact's or the staff's message limit: nothing is stored, and the gateway retries later.
      if (isAppError(err) && err.code === ErrorCode.RateLimited) throw refuse(429, 429, err.message);
      throw err;
    }
    return { msg_id: parsed.data.msg_id, session_id: result.sessionId, duplicate: result.duplicate };
  }

  // ---------- WeCom ----------

  /** The GET check of the callback URL: the channel whose token signs `echostr`; answers its plaintext. */
  async wecomVerify(q: WecomQuery): Promise<string> {
    if (!q.msgSignature || !q.timestamp || !q.nonce || !q.echostr) throw refuse(400, 1003, 'msg_signature, timestamp, nonce and echostr are required');
    for (const channel of await this.channels.wecomChannels(crossTenantEm(this.orm))) {
      const s = this.channels.secrets(channel);
      if (!s.token || !s.encodingAesKey || !wecomSignatureMatches(s.token, q.timestamp, q.nonce, q.echostr, q.msgSignature)) continue;
      const plain = wecomDecrypt(s.encodingAesKey, q.echostr);
      if (plain && plain.receiverId === channel.corpId) return plain.message;
    }
    throw refuse(401, 1001, 'signature does not match any WeCom channel');
  }

  /**
   * A POSTed message: verified and decrypted now (a failure stores nothing); the returned
   * task stores and answers it, and runs after `success` was sent.
   */
  async wecomAccept(q: WecomQuery, xml: string): Promise<() => Promise<void>> {
    if (!q.msgSignature || !q.timestamp || !q.nonce) throw refuse(401, 1001, 'msg_signature, timestamp and nonce are required');
    const envelope = parseWecomXml(xml);
    const toUser = typeof envelope?.ToUserName === 'string' ? envelope.ToUserName : '';
    const encrypted = typeof envelope?.Encrypt === 'string' ? envelope.Encrypt : '';
    if (!toUser || !encrypted) throw refuse(400, 1003, 'the body must be WeCom XML with ToUserName and Encrypt');
    let fallback: { channel: Channel; message: Record<string, unknown> } | null = null;
    for (const channel of await this.channels.wecomChannels(crossTenantEm(this.orm), toUser)) {
      const s = this.channels.secrets(channel);
      if (!s.token || !s.encodingAesKey || !wecomSignatureMatches(s.token, q.timestamp, q.nonce, encrypted, q.msgSignature)) continue;
      const plain = wecomDecrypt(s.encodingAesKey, encrypted);
      if (!plain || plain.receiverId !== channel.corpId) continue;
      const message = parseWecomXml(plain.message);
      if (!message) continue;
      // Several apps of one corp may share a token: the message names its app.
      const agentId = typeof message.AgentID === 'string' ? message.AgentID : '';
      if (agentId === channel.agentId) return () => this.wecomHandle(channel, message);
      fallback ??= { channel, message };
    }
    if (fallback) return () => this.wecomHandle(fallback.channel, fallback.message);
    throw refuse(401, 1001, 'signature does not match any WeCom channel of this corp');
  }

  private async wecomHandle(channel: Channel, xml: Record<string, unknown>): Promise<void> {
    const m = readWecomMessage(xml);
    const log = this.log.child({ channelId: channel.id, fromUser: m.fromUser });
    if (!m.fromUser) return log.warn('WeCom message without FromUserName ignored');
    if (m.kind === 'event') return log.info({ event: m.event, eventKey: m.eventKey }, 'WeCom event received');
    if (m.kind === 'unsupported') return log.info({ msgType: m.msgType }, 'WeCom message of an unsupported type received');
    if (m.kind === 'message') {
      await this.inbound.receive(channel, { keepOverLimit: true, externalId: m.fromUser, msgType: m.msgType, content: m.content, payload: m.payload, channelMsgId: m.msgId });
      return;
    }
    const payload = { ...m.payload, ...(await this.fetchMedia(channel, m, log)) };
    const url = typeof payload.url === 'string' ? payload.url : '';
    // A media message needs its URL; one WeCom would not hand over is kept as a note of what came, with the reason.
    if (!url) {
      await this.inbound.receive(channel, { keepOverLimit: true, externalId: m.fromUser, msgType: MessageType.TEXT, content: `[${m.msgType}] (the file could not be fetched from WeCom)`, payload, channelMsgId: m.msgId });
      return;
    }
    await this.inbound.receive(channel, { keepOverLimit: true, externalId: m.fromUser, msgType: m.msgType, content: url, payload, channelMsgId: m.msgId });
  }

  /** The media into file storage, so agents see a URL; on failure the message is kept with the reason. */
  private async fetchMedia(channel: Channel, m: Extract<WecomInbound, { kind: 'media' }>, log: Logger): Promise<Record<string, unknown>> {
    const { appSecret } = this.channels.secrets(channel);
    try {
      if (!appSecret || !channel.corpId || !channel.agentId) throw new Error('the WeCom channel has no app_secret');
      const media = await this.wecom.media({ corpId: channel.corpId, agentId: channel.agentId, appSecret }, m.mediaId, this.config.mediaMaxBytes);
      const file = await this.files.storeFetched(tenantEm(this.orm, channel.merchant.id), channel.merchant.id, { fileName: media.fileName ?? m.fileName, data: media.data, contentType: media.contentType });
      return { url: this.files.fileUrl(file.filePath), mimeType: file.contentType, size: file.fileSize, name: file.fileName };
    } catch (err) {
      log.warn({ err, mediaId: m.mediaId }, 'WeCom media could not be fetched');
      return { fetchError: err instanceof Error ? err.message : String(err) };
    }
  }
}
