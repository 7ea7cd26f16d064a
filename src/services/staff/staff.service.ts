import { timingSafeEqual } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { AppError, ErrorCode, notFound } from '../../core/errors.js';
import { definedOnly } from '../../core/objects.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { StaffChangeKind } from '../../core/events/event-bus.js';
import { likeContains, pageSchema, type PageInput, type PageResult } from '../../core/paging.js';
import { randomId, randomToken } from '../../core/random.js';
import { addDays } from '../../core/time.js';
import { parseInput, type LooseInput } from '../../core/validation.js';
import { Merchant } from '../../entities/merchant/merchant.entity.js';
import { LanguageMode, LanguageResponse, OutputLength, StaffState, Tone } from '../../entities/staff/staff-enums.js';
import { businessHoursSchema } from '../../entities/staff/business-hours.js';
import { staffStateAt } from '../../entities/staff/staff-state.js';
import { Staff } from '../../entities/staff/staff.entity.js';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) => text(max).min(1, 'is required');
const urlOrEmpty = z
  .string()
  .trim()
  .max(1024)
  .refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), 'must be an http(s) URL or empty');

const persona = {
  tone: z.enum(Tone, `must be one of: ${Object.values(Tone).join(', ')}`),
  outputLength: z.enum(OutputLength, `must be one of: ${Object.values(OutputLength).join(', ')}`),
  languageMode: z.enum(LanguageMode, `must be one of: ${Object.values(LanguageMode).join(', ')}`),
  languageResponse: z.enum(LanguageResponse, `must be one of: ${Object.values(LanguageResponse).join(', ')}`),
  description: text(2000),
  greetings: text(1000),
  avatarUrl: urlOrEmpty,
  repoName: text(100),
  repoDescr: text(2000),
  humanFirst: z.boolean(),
  handoffPhrases: z.array(z.string().trim().min(1, 'phrases must not be empty').max(50)).max(50, 'at most 50 phrases'),
  synonyms: z
    .array(
      z
        .string()
        .trim()
        .max(300, 'a synonym group must be at most 300 characters')
        .refine((g) => g.split(/[,，、;；/|]/).filter((w) => w.trim()).length >= 2, 'a synonym group needs at least two words, separated by commas'),
    )
    .max(200, 'at most 200 synonym groups'),
  /** Null: the agents are always there. */
  businessHours: businessHoursSchema.nullable(),
};

const createSchema = z.object({ name: required(100), orgName: required(100), ...persona }).partial({
  tone: true,
  outputLength: true,
  languageMode: true,
  languageResponse: true,
  description: true,
  greetings: true,
  avatarUrl: true,
  repoName: true,
  repoDescr: true,
  humanFirst: true,
  handoffPhrases: true,
  synonyms: true,
  businessHours: true,
});
const updateSchema = z.object({ name: required(100), orgName: required(100), isFrozen: z.boolean(), ...persona }).partial();
const filterSchema = z.object({
  id: z.number().int().positive().optional(),
  name: text(100).optional(),
  serialNo: text(64).optional(),
});

export type StaffCreateInput = LooseInput<z.input<typeof createSchema>>;
export type StaffUpdateInput = LooseInput<z.input<typeof updateSchema>>;
export type StaffFilter = z.input<typeof filterSchema>;

const idSchema = z.number({ message: 'id is required' }).int('id must be a whole number').positive('id must be positive');

/** AI staff of one merchant: persona, keys, freeze and soft delete. */
export class StaffService {
  constructor(
    private readonly bus: EventBus,
    private readonly opts: { trialDays: number; warningDays: number },
  ) {}

  stateOf(staff: Staff, now = new Date()): StaffState {
    return staffStateAt(staff.trialTime, staff.expiringTime, now, this.opts.warningDays);
  }

  async create(ctx: RequestContext, input: StaffCreateInput): Promise<Staff> {
    const actor = ctx.requireMerchant();
    const data = parseInput(createSchema, input);
    const staff = new Staff({
      merchant: ctx.em.getReference(Merchant, actor.merchantId),
      serialNo: randomId(20),
      apiKey: `ak_${randomToken(24)}`,
      secretKey: `sk_${randomToken(36)}`,
      name: data.name,
      orgName: data.orgName,
    });
    ctx.em.assign(staff, definedOnly({ ...data, name: undefined, orgName: undefined }));
    staff.editUser = actor.userName;
    if (this.opts.trialDays > 0) staff.trialTime = addDays(new Date(), this.opts.trialDays);
    await ctx.em.persist(staff).flush();
    this.publish(actor.merchantId, staff.id, StaffChangeKind.Created);
    return staff;
  }

  async list(ctx: RequestContext, filter: StaffFilter = {}, page: PageInput = {}): Promise<PageResult<Staff>> {
    ctx.requireMerchant();
    const f = parseInput(filterSchema, filter);
    const p = parseInput(pageSchema, page);
    const where: FilterQuery<Staff> = { isDeleted: false };
    if (f.id) where.id = f.id;
    if (f.name) where.name = { $ilike: likeContains(f.name) };
    if (f.serialNo) where.serialNo = f.serialNo;
    const [items, total] = await ctx.em.findAndCount(Staff, where, {
      orderBy: { id: 'desc' },
      limit: p.pageSize,
      offset: p.pageNo * p.pageSize,
    });
    return { items, total, ...p };
  }

  /** A staff of the caller's merchant; another tenant's or a deleted one is "not found". */
  async get(ctx: RequestContext, id: number): Promise<Staff> {
    ctx.requireMerchant();
    const staffId = parseInput(idSchema, id);
    const staff = await ctx.em.findOne(Staff, { id: staffId, isDeleted: false });
    if (!staff) throw notFound(`Staff ${staffId}`);
    return staff;
  }

  async update(ctx: RequestContext, id: number, input: StaffUpdateInput): Promise<Staff> {
    const data = parseInput(updateSchema, input);
    const staff = await this.get(ctx, id);
    const wasFrozen = staff.isFrozen;
    ctx.em.assign(staff, definedOnly(data));
    staff.editUser = ctx.requireMerchant().userName;
    await ctx.em.flush();
    const kind =
      staff.isFrozen === wasFrozen ? StaffChangeKind.Updated : staff.isFrozen ? StaffChangeKind.Frozen : StaffChangeKind.Unfrozen;
    this.publish(staff.merchant.id, staff.id, kind);
    return staff;
  }

  async setFrozen(ctx: RequestContext, id: number, frozen: boolean): Promise<Staff> {
    return this.update(ctx, id, { isFrozen: frozen });
  }

  async delete(ctx: RequestContext, id: number): Promise<Staff> {
    const staff = await this.get(ctx, id);
    staff.markDeleted(new Date());
    staff.editUser = ctx.requireMerchant().userName;
    await ctx.em.flush();
    this.publish(staff.merchant.id, staff.id, StaffChangeKind.Deleted);
    return staff;
  }

  /** The public lookup by serial number (chat widgets); callers must not expose its keys. */
  async findPublic(ctx: RequestContext, serialNo: string): Promise<Staff> {
    const sn = parseInput(z.string().trim().min(1, 'serial_no is required').max(64), serialNo);
    const staff = await ctx.crossTenantEm.findOne(Staff, { serialNo: sn, isDeleted: false });
    if (!staff) throw notFound('Staff with this serial number');
    return staff;
  }

  /**
   * The staff a chat client's HTTP Basic keys belong to, compared in constant
   * time; null for wrong keys. Frozen, expired or deleted staff are returned so
   * that the caller can refuse them with a reason.
   */
  async authenticateKeys(em: EntityManager, apiKey: string, secretKey: string): Promise<Staff | null> {
    if (!apiKey || !secretKey || apiKey.length > 64 || secretKey.length > 96 || (apiKey + secretKey).includes('\u0000')) return null;
    const staff = await em.findOne(Staff, { apiKey }, { populate: ['merchant'] });
    if (!staff) return null;
    const a = Buffer.from(staff.secretKey);
    const b = Buffer.from(secretKey);
    return a.length === b.length && timingSafeEqual(a, b) ? staff : null;
  }

  /** Why a staff may not chat now, or null when it may. */
  refusalOf(staff: Staff, now = new Date()): string | null {
    if (staff.isDeleted) return 'This AI staff has been deleted';
    if (staff.merchant.isFrozen) return "This AI staff's account is frozen";
    if (staff.isFrozen) return 'This AI staff is frozen';
    const state = this.stateOf(staff, now);
    if (state === StaffState.EXPIRED) return 'This AI staff has expired; renew its package to continue';
    if (state === StaffState.INACTIVE) return 'This AI staff is not activated; buy a package to start';
    return null;
  }

  /** Refuses a staff that may not work now (refusalOf), as every surface that makes it answer or act must. */
  async requireAvailable(em: EntityManager, staff: Staff): Promise<void> {
    await em.populate(staff, ['merchant']);
    const refusal = this.refusalOf(staff);
    if (refusal) throw new AppError(ErrorCode.StaffUnavailable, refusal);
  }

  /** Loads a staff for a subscription event (the caller refreshed the context, so the latest state is read). */
  async loadForEvent(ctx: RequestContext, id: number): Promise<Staff | null> {
    ctx.requireMerchant();
    return ctx.em.findOne(Staff, { id });
  }

  private publish(merchantId: number, staffId: number, kind: StaffChangeKind): void {
    this.bus.publish('STAFF_CHANGED', { merchantId, staffId, kind });
  }
}
