import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { alreadyExists, notFound } from '../../core/errors.js';
import { definedOnly } from '../../core/objects.js';
import { parseInput } from '../../core/validation.js';
import { Contact } from '../../entities/contact/contact.entity.js';
import { Label } from '../../entities/helpdesk/label.entity.js';
import { Merchant } from '../../entities/merchant/merchant.entity.js';
import type { Session } from '../../entities/session/session.entity.js';
import type { SessionService } from '../session/session.service.js';

const fields = {
  name: z.string().trim().min(1, 'is required').max(64, 'must be at most 64 characters'),
  colour: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f8ceb')
    .transform((c) => c.toLowerCase()),
};
const createSchema = z.object(fields).partial({ colour: true });
const updateSchema = z.object(fields).partial();
const idSchema = z.number().int().positive('id must be a positive whole number');

/** Loose, as callers send it: the schema decides what is missing. */
export type LabelInput = z.input<typeof updateSchema>;

/**
 * A merchant's labels, and putting them on sessions and contacts. The merchant manages the list; it and its
 * agents label what they can see (an agent, the sessions and contacts of its staff).
 */
export class LabelService {
  constructor(private readonly sessions: SessionService) {}

  async create(ctx: RequestContext, input: LabelInput): Promise<Label> {
    const { merchantId } = ctx.requireMerchant();
    const data = parseInput(createSchema, input);
    const label = new Label({ merchant: ctx.em.getReference(Merchant, merchantId), name: data.name, colour: data.colour ?? '#808080' });
    ctx.em.persist(label);
    await this.flushUnique(ctx);
    return label;
  }

  async update(ctx: RequestContext, id: number, input: LabelInput): Promise<Label> {
    ctx.requireMerchant();
    const data = parseInput(updateSchema, input);
    const label = await this.get(ctx, id);
    ctx.em.assign(label, definedOnly(data));
    await this.flushUnique(ctx);
    return label;
  }

  async delete(ctx: RequestContext, id: number): Promise<void> {
    ctx.requireMerchant();
    await ctx.em.remove(await this.get(ctx, id)).flush();
  }

  async list(ctx: RequestContext): Promise<Label[]> {
    ctx.requireTenant();
    return ctx.em.find(Label, {}, { orderBy: { name: 'asc' } });
  }

  async get(ctx: RequestContext, id: number): Promise<Label> {
    ctx.requireTenant();
    const label = await ctx.em.findOne(Label, { id: parseInput(idSchema, id) });
    if (!label) throw notFound(`Label ${id}`);
    return label;
  }

  /** Adds (`on`) or removes a label on a session the caller may see; answers the session with its labels. */
  async setOnSession(ctx: RequestContext, sessionId: number, labelId: number, on: boolean): Promise<Session> {
    const label = await this.get(ctx, labelId);
    const session = await this.sessions.get(ctx, sessionId);
    await ctx.em.populate(session, ['labels']);
    if (on) session.labels.add(label);
    else session.labels.remove(label);
    await ctx.em.flush();
    return session;
  }

  /** Adds or removes a label on a contact of a session the caller may see (an agent: of its staff). */
  async setOnContact(ctx: RequestContext, contactId: number, labelId: number, on: boolean): Promise<Contact> {
    const label = await this.get(ctx, labelId);
    const contact = await this.visibleContact(ctx, parseInput(idSchema, contactId));
    await ctx.em.populate(contact, ['labels']);
    if (on) contact.labels.add(label);
    else contact.labels.remove(label);
    await ctx.em.flush();
    return contact;
  }

  /** The labels of many sessions (or contacts) in one query each, for lists. */
  async labelsOf(ctx: RequestContext, kind: 'session' | 'contact', ids: readonly number[]): Promise<Map<number, Label[]>> {
    const { merchantId } = ctx.requireTenant();
    const out = new Map<number, Label[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const pivot = kind === 'session' ? 'session_label' : 'contact_label';
    const owner = `${kind}_id`;
    const rows: { owner: number; label_id: number }[] = await ctx.em
      .getConnection()
      .execute(`select p.${owner} as owner, p.label_id from ${pivot} p join label l on l.id = p.label_id where l.merchant_id = ? and p.${owner} in (${ids.map(() => '?').join(',')})`, [merchantId, ...ids]);
    const labels = rows.length ? await ctx.em.find(Label, { id: { $in: [...new Set(rows.map((r) => r.label_id))] } }, { orderBy: { name: 'asc' } }) : [];
    const byId = new Map(labels.map((l) => [l.id, l]));
    for (const r of rows) out.get(r.owner)?.push(byId.get(r.label_id)!);
    for (const list of out.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return out;
  }

  private async visibleContact(ctx: RequestContext, contactId: number): Promise<Contact> {
    const actor = ctx.requireTenant();
    const where = actor.kind === 'merchant' ? { id: contactId } : { id: contactId, staff: { $in: await this.sessions.staffIdsOfCaller(ctx) } };
    const contact = await ctx.em.findOne(Contact, where);
    if (!contact) throw notFound(`Contact ${contactId}`);
    return contact;
  }

  private async flushUnique(ctx: RequestContext): Promise<void> {
    try {
      await ctx.em.flush();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw alreadyExists('Another label has this name');
      throw err;
    }
  }
}
