import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { alreadyExists, badInput, notFound } from '../../core/errors.js';
import { pageSchema, type PageInput, type PageResult } from '../../core/paging.js';
import { parseInput } from '../../core/validation.js';
import { Channel, CONNECTED_CHANNEL_TYPES, type ConnectedChannelType } from '../../entities/channel/channel.entity.js';
import { ChannelType } from '../../entities/contact/contact.entity.js';
import { Merchant } from '../../entities/merchant/merchant.entity.js';
import { Staff } from '../../entities/staff/staff.entity.js';
import { urlProblem } from '../delivery/outbound-http.js';
import { maskSecret, type SecretBox } from './secret-box.js';

/** What a merchant sends to create or edit a channel (edits change only the fields present). */
export interface ChannelInput {
  staffId?: number;
  channelType?: string;
  accountId?: string;
  secret?: string;
  outboundUrl?: string;
  token?: string;
  encodingAesKey?: string;
  corpId?: string;
  agentId?: string;
  appSecret?: string;
}

/** A channel as shown: secrets masked (`ab****yz`), never in clear. */
export interface ChannelView {
  channel: Channel;
  secret: string;
  token: string;
  encodingAesKey: string;
  appSecret: string;
}

/** The secrets of a channel in clear, for signing, verifying and the WeCom API. */
export interface ChannelSecrets {
  secret: string | null;
  token: string | null;
  encodingAesKey: string | null;
  appSecret: string | null;
}

const text = (max: number) => z.string('is required').trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const httpUrl = z
  .string()
  .trim()
  .max(1024, 'must be at most 1024 characters')
  .refine((v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const gatewaySchema = z.object({
  staffId: z.number('is required').int().positive(),
  channelType: z.enum([ChannelType.WECHAT, ChannelType.DOUYIN, ChannelType.JD]),
  accountId: text(128).regex(/^\S+$/, 'must not contain spaces'),
  secret: z.string('is required').min(8, 'must be at least 8 characters').max(256, 'must be at most 256 characters'),
  outboundUrl: httpUrl,
});

const wecomSchema = z.object({
  staffId: z.number('is required').int().positive(),
  channelType: z.literal(ChannelType.WECOM),
  accountId: text(128).regex(/^\S+$/, 'must not contain spaces').optional(),
  token: z.string('is required for a wecom channel').regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3 to 32 letters or digits (the Token of the WeCom callback settings)'),
  encodingAesKey: z.string('is required for a wecom channel').regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey of the WeCom callback settings'),
  corpId: text(64).regex(/^\S+$/, 'must not contain spaces'),
  agentId: z.string('is required for a wecom channel').trim().regex(/^\d{1,20}$/, 'must be the numeric AgentId of the WeCom app'),
  appSecret: z.string().min(1).max(256, 'must be at most 256 characters').optional(),
});

const typeSchema = z.enum(CONNECTED_CHANNEL_TYPES, `channel_type must be one of: ${CONNECTED_CHANNEL_TYPES.join(', ')}`);

const snake: Record<string, string> = {
  staffId: 'staff_id', channelType: 'channel_type', accountId: 'account_id', outboundUrl: 'outbound_url',
  encodingAesKey: 'encoding_aes_key', corpId: 'corp_id', agentId: 'agent_id', appSecret: 'app_secret',
};

/** A merchant's channels: management with masked secrets, and the lookups callbacks and delivery need. */
export class ChannelService {
  constructor(
    private readonly box: SecretBox,
    /** OUTBOUND_ALLOW_PRIVATE: a gateway's outbound_url may be a loopback or private address. */
    private readonly allowPrivate: boolean,
  ) {}

  async create(ctx: RequestContext, input: ChannelInput): Promise<Channel> {
    const { merchantId } = ctx.requireMerchant();
    const data = this.validate(input);
    await this.checkOutboundUrl(data.outboundUrl);
    const staff = await this.ownStaff(ctx.em, data.staffId);
    const channel = new Channel({ merchant: ctx.em.getReference(Merchant, merchantId), staff, channelType: data.channelType, accountId: data.accountId });
    this.apply(channel, data);
    ctx.em.persist(channel);
    await this.flushUnique(ctx.em);
    return channel;
  }

  async list(ctx: RequestContext, filter: { id?: number; staffId?: number; channelType?: string } = {}, page: PageInput = {}): Promise<PageResult<Channel>> {
    ctx.requireMerchant();
    const p = parseInput(pageSchema, page);
    const where: Record<string, unknown> = {};
    if (filter.id) where.id = filter.id;
    if (filter.staffId) where.staff = filter.staffId;
    if (filter.channelType) where.channelType = parseInput(typeSchema, filter.channelType);
    const [items, total] = await ctx.em.findAndCount(Channel, where, { orderBy: { id: 'asc' }, limit: p.pageSize, offset: p.pageNo * p.pageSize });
    return { items, total, ...p };
  }

  async get(ctx: RequestContext, id: number): Promise<Channel> {
    ctx.requireMerchant();
    const channelId = parseInput(z.number('id is required').int().positive('id must be a positive whole number'), id);
    const channel = await ctx.em.findOne(Channel, { id: channelId });
    if (!channel) throw notFound(`Channel ${channelId}`);
    return channel;
  }

  async update(ctx: RequestContext, id: number, input: ChannelInput): Promise<Channel> {
    ctx.requireMerchant();
    const channel = await this.get(ctx, id);
    const s = this.secrets(channel);
    // The edit is checked as a whole: the channel it leaves must be valid.
    const current: ChannelInput = {
      staffId: channel.staff.id,
      channelType: channel.channelType,
      // A WeCom account id left at its default follows the corp id and agent id.
      accountId: channel.accountId === `${channel.corpId}:${channel.agentId}` ? undefined : channel.accountId,
      secret: s.secret ?? undefined,
      outboundUrl: channel.outboundUrl || undefined,
      token: s.token ?? undefined,
      encodingAesKey: s.encodingAesKey ?? undefined,
      corpId: channel.corpId ?? undefined,
      agentId: channel.agentId ?? undefined,
      appSecret: s.appSecret ?? undefined,
    };
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const data = this.validate({ ...current, ...given });
    if (data.outboundUrl !== channel.outboundUrl) await this.checkOutboundUrl(data.outboundUrl);
    if (data.staffId !== channel.staff.id) channel.staff = await this.ownStaff(ctx.em, data.staffId);
    channel.channelType = data.channelType;
    channel.accountId = data.accountId;
    this.apply(channel, data);
    await this.flushUnique(ctx.em);
    return channel;
  }

  /** Deleting stops callbacks and replies; replies still queued fail. */
  async delete(ctx: RequestContext, id: number): Promise<void> {
    const channel = await this.get(ctx, id);
    await ctx.em.remove(channel).flush();
  }

  view(channel: Channel): ChannelView {
    const s = this.secrets(channel);
    return { channel, secret: maskSecret(s.secret), token: maskSecret(s.token), encodingAesKey: maskSecret(s.encodingAesKey), appSecret: maskSecret(s.appSecret) };
  }

  secrets(channel: Channel): ChannelSecrets {
    const open = (v: string | null) => (v ? this.box.open(v) : null);
    return { secret: open(channel.secretEnc), token: open(channel.tokenEnc), encodingAesKey: open(channel.encodingAesKeyEnc), appSecret: open(channel.appSecretEnc) };
  }

  // ---------- lookups for callbacks and delivery (no caller: the channel proves itself by signature) ----------

  findGateway(em: EntityManager, channelType: ConnectedChannelType, accountId: string): Promise<Channel | null> {
    return em.findOne(Channel, { channelType, accountId }, { populate: ['staff', 'staff.merchant'] });
  }

  /** WeCom channels of a corp (a POST's ToUserName), or every WeCom channel (the GET check names no corp). */
  wecomChannels(em: EntityManager, corpId?: string): Promise<Channel[]> {
    return em.find(Channel, { channelType: ChannelType.WECOM, ...(corpId === undefined ? {} : { corpId }) }, { populate: ['staff', 'staff.merchant'], orderBy: { id: 'asc' } });
  }

  /** The channel a session's replies go to: its staff's channel of its type. */
  forSession(em: EntityManager, staffId: number, channelType: ChannelType): Promise<Channel | null> {
    return em.findOne(Channel, { staff: staffId, channelType: channelType as ConnectedChannelType });
  }

  // ---------- internals ----------

  private validate(input: ChannelInput) {
    const channelType = parseInput(typeSchema, input.channelType);
    if (channelType === ChannelType.WECOM) {
      const w = this.parse(wecomSchema, { ...input, channelType });
      return { ...w, accountId: w.accountId ?? `${w.corpId}:${w.agentId}`, secret: undefined, outboundUrl: '' };
    }
    const g = this.parse(gatewaySchema, { ...input, channelType });
    return { ...g, token: undefined, encodingAesKey: undefined, corpId: undefined, agentId: undefined, appSecret: undefined };
  }

  /** Messages name the REST fields (snake_case), which GraphQL users recognise too. */
  private parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    throw badInput(result.error.issues.map((i) => `${i.path.map((k) => snake[String(k)] ?? String(k)).join('.')}: ${i.message}`).join('; '));
  }

  /** Replies are POSTed there from inside the deployment, so it must not reach the deployment's own network. */
  private async checkOutboundUrl(url: string): Promise<void> {
    const problem = url ? await urlProblem(url, this.allowPrivate) : null;
    if (problem) throw badInput(`outbound_url: ${problem}`);
  }

  private apply(channel: Channel, d: ReturnType<ChannelService['validate']>): void {
    const seal = (v: string | undefined) => (v ? this.box.seal(v) : null);
    channel.secretEnc = seal(d.secret);
    channel.outboundUrl = d.outboundUrl;
    channel.tokenEnc = seal(d.token);
    channel.encodingAesKeyEnc = seal(d.encodingAesKey);
    channel.corpId = d.corpId ?? null;
    channel.agentId = d.agentId ?? null;
    channel.appSecretEnc = seal(d.appSecret);
  }

  private async ownStaff(em: EntityManager, staffId: number): Promise<Staff> {
    const staff = await em.findOne(Staff, { id: staffId, isDeleted: false });
    if (!staff) throw notFound(`Staff ${staffId}`);
    return staff;
  }

  private async flushUnique(em: EntityManager): Promise<void> {
    try {
      await em.flush();
    } catch (err) {
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
      const m = err.message;
      if (m.includes('staff_id_channel_type')) throw alreadyExists('This staff already has a channel of this type');
      if (m.includes('wecom_corp_agent')) throw alreadyExists('A channel for this WeCom corp_id and agent_id already exists');
      throw alreadyExists('A channel with this channel_type and account_id already exists');
    }
  }
}
