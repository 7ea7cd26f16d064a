import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { alreadyExists, notFound } from '../../core/errors.js';
import { definedOnly } from '../../core/objects.js';
import { likeContains } from '../../core/paging.js';
import { parseInput } from '../../core/validation.js';
import { CannedReply } from '../../entities/helpdesk/canned-reply.entity.js';
import { Merchant } from '../../entities/merchant/merchant.entity.js';
import type { Message } from '../../entities/session/message.entity.js';
import { Staff } from '../../entities/staff/staff.entity.js';
import type { SessionService } from '../session/session.service.js';

const fields = {
  title: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  shortcut: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(32, 'must be at most 32 characters')
    .regex(/^\S+$/, 'must be one word (no spaces)'),
  content: z.string().trim().min(1, 'is required').max(5000, 'must be at most 5000 characters'),
  staffId: z.number().int().positive('must be a staff id').nullable(),
};
const createSchema = z.object(fields).partial({ staffId: true });
const updateSchema = z.object(fields).partial();
const searchSchema = z.string().trim().max(100, 'search must be at most 100 characters');

export type CannedReplyCreateInput = z.input<typeof createSchema>;
export type CannedReplyUpdateInput = z.input<typeof updateSchema>;

/**
 * Canned replies: the merchant writes them, its agents read those for every staff and those of their own
 * staff, and send one into a session as an ordinary agent message.
 */
export class CannedReplyService {
  constructor(private readonly sessions: SessionService) {}

  async create(ctx: RequestContext, input: CannedReplyCreateInput): Promise<CannedReply> {
    const { merchantId } = ctx.requireMerchant();
    const data = parseInput(createSchema, input);
    const staff = data.staffId ? await this.ownStaff(ctx, data.staffId) : null;
    const reply = new CannedReply({ merchant: ctx.em.getReference(Merchant, merchantId), staff, title: data.title, shortcut: data.shortcut, content: data.content });
    ctx.em.persist(reply);
    await this.flushUnique(ctx);
    return reply;
  }

  async update(ctx: RequestContext, id: number, input: CannedReplyUpdateInput): Promise<CannedReply> {
    ctx.requireMerchant();
    const data = parseInput(updateSchema, input);
    const reply = await this.get(ctx, id);
    if (data.staffId !== undefined) reply.staff = data.staffId === null ? null : await this.ownStaff(ctx, data.staffId);
    ctx.em.assign(reply, definedOnly({ title: data.title, shortcut: data.shortcut, content: data.content }));
    await this.flushUnique(ctx);
    return reply;
  }

  async delete(ctx: RequestContext, id: number): Promise<void> {
    ctx.requireMerchant();
    const reply = await this.get(ctx, id);
    await ctx.em.remove(reply).flush();
  }

  /**
   * The replies the caller may use, by shortcut first: `search` matches a shortcut's start (with or without
   * its leading "/"), or all of its words in the title or text. `staffId` keeps those usable for that staff.
   */
  async list(ctx: RequestContext, opts: { search?: string; staffId?: number } = {}): Promise<CannedReply[]> {
    const where: FilterQuery<CannedReply>[] = [await this.visibleWhere(ctx)];
    if (opts.staffId !== undefined) where.push({ $or: [{ staff: null }, { staff: opts.staffId }] });
    const search = parseInput(searchSchema, opts.search ?? '');
    if (search) {
      const words = search.split(/\s+/);
      const wordMatch: FilterQuery<CannedReply> = { $and: words.map((w) => ({ $or: [{ title: { $ilike: likeContains(w) } }, { content: { $ilike: likeContains(w) } }] })) };
      const prefix = `${likeContains(search.replace(/^\//, '')).slice(1)}`;
      where.push({ $or: [{ shortcut: { $ilike: prefix } }, { shortcut: { $ilike: `/${prefix}` } }, wordMatch] });
    }
    return ctx.em.find(CannedReply, { $and: where }, { orderBy: { shortcut: 'asc', id: 'asc' }, limit: 200 });
  }

  async get(ctx: RequestContext, id: number): Promise<CannedReply> {
    const replyId = parseInput(z.number().int().positive('id must be a positive whole number'), id);
    const reply = await ctx.em.findOne(CannedReply, { $and: [await this.visibleWhere(ctx), { id: replyId }] });
    if (!reply) throw notFound(`Canned reply ${replyId}`);
    return reply;
  }

  /** Sends a reply into a session as the caller's agent message: the same rules as a typed reply. */
  async send(ctx: RequestContext, sessionId: number, cannedReplyId: number, clientMsgId?: string | null): Promise<Message> {
    const reply = await this.get(ctx, cannedReplyId);
    const session = await this.sessions.get(ctx, sessionId);
    // A staff's own reply speaks for that staff only.
    if (reply.staff && reply.staff.id !== session.staff.id) throw notFound(`Canned reply ${reply.id}`);
    return this.sessions.sendAsAgent(ctx, session.id, { content: reply.content, clientMsgId: clientMsgId ?? null });
  }

  /** The merchant's replies (the tenant filter); for an agent only the shared ones and those of its staff. */
  private async visibleWhere(ctx: RequestContext): Promise<FilterQuery<CannedReply>> {
    const actor = ctx.requireTenant();
    if (actor.kind === 'merchant') return {};
    const staffIds = await this.sessions.staffIdsOfCaller(ctx);
    return { $or: [{ staff: null }, { staff: { $in: staffIds } }] };
  }

  private async ownStaff(ctx: RequestContext, staffId: number): Promise<Staff> {
    const staff = await ctx.em.findOne(Staff, { id: staffId, isDeleted: false });
    if (!staff) throw notFound(`Staff ${staffId}`);
    return staff;
  }

  private async flushUnique(ctx: RequestContext): Promise<void> {
    try {
      await ctx.em.flush();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw alreadyExists('Another canned reply has this shortcut');
      throw err;
    }
  }
}
