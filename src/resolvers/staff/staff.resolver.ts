import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, Subscription, type ClassType } from 'type-graphql';
import type { DomainEvents } from '../../core/events/event-bus.js';
import { isOpenAt, nextOpening } from '../../entities/staff/business-hours.js';
import { StaffState } from '../../entities/staff/staff-enums.js';
import type { Staff } from '../../entities/staff/staff.entity.js';
import type { GqlContext } from '../../graphql/context.js';
import { untilAccessChanges } from '../../graphql/subscription-guard.js';
import type { Services } from '../../services/index.js';
import { MerchantType } from '../account/account.types.js';
import { Role } from '../shared/enums.js';
import { PageInput } from '../shared/page.types.js';
import {
  PublicStaffType,
  StaffChangeEvent,
  StaffCreateInput,
  StaffFilterInput,
  StaffPage,
  StaffType,
  StaffUpdateInput,
} from './staff.types.js';

type StaffChanged = DomainEvents['STAFF_CHANGED'][0];

@Resolver(() => StaffType)
export class StaffResolver {
  constructor(private readonly s: Services) {}

  @Authorized(Role.MERCHANT)
  @Query(() => StaffPage, { description: "The merchant's staff, newest first; deleted staff are left out" })
  async staffs(
    @Ctx() { ctx }: GqlContext,
    @Arg('filter', () => StaffFilterInput, { nullable: true }) filter?: StaffFilterInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ): Promise<StaffPage> {
    return this.s.staff.list(ctx, filter ?? {}, page ?? {});
  }

  @Authorized(Role.MERCHANT)
  @Query(() => StaffType)
  async staff(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<Staff> {
    return this.s.staff.get(ctx, id);
  }

  @Query(() => PublicStaffType, { description: 'Public lookup for chat widgets; needs no token and never returns keys' })
  async staffBySerialNo(@Arg('serialNo') serialNo: string, @Ctx() { ctx }: GqlContext): Promise<Staff> {
    return this.s.staff.findPublic(ctx, serialNo);
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => StaffType)
  async createStaff(@Arg('input') input: StaffCreateInput, @Ctx() { ctx }: GqlContext): Promise<Staff> {
    return this.s.staff.create(ctx, input);
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => StaffType)
  async updateStaff(@Arg('id', () => Int) id: number, @Arg('input') input: StaffUpdateInput, @Ctx() { ctx }: GqlContext): Promise<Staff> {
    return this.s.staff.update(ctx, id, input);
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => StaffType, { description: 'Soft delete: the staff disappears from lists and stops answering' })
  async deleteStaff(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<Staff> {
    return this.s.staff.delete(ctx, id);
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => StaffType)
  async freezeStaff(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<Staff> {
    return this.s.staff.setFrozen(ctx, id, true);
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => StaffType)
  async unfreezeStaff(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<Staff> {
    return this.s.staff.setFrozen(ctx, id, false);
  }

  @Subscription(() => StaffChangeEvent, {
    description: "Every change to the caller's staff",
    subscribe: ({ context }) => {
      const { ctx, bus } = context as GqlContext;
      const actor = ctx.requireMerchant();
      return untilAccessChanges(
        ctx,
        bus,
        bus.where('STAFF_CHANGED', (e) => e.merchantId === actor.merchantId),
      );
    },
  })
  async staffChanged(@Root() event: StaffChanged, @Ctx() { ctx }: GqlContext): Promise<StaffChangeEvent> {
    const staff = await this.s.staff.loadForEvent(ctx.refreshForEvent(), event.staffId);
    return { kind: event.kind, staffId: event.staffId, staff };
  }

  @FieldResolver(() => Boolean, { description: 'Whether the agents work now (business hours)' })
  openNow(@Root() staff: Staff): boolean {
    return isOpenAt(staff.businessHours, new Date());
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the agents next work: now when open, null when the business hours never open' })
  nextOpening(@Root() staff: Staff): Date | null {
    return nextOpening(staff.businessHours, new Date());
  }

  @FieldResolver(() => MerchantType)
  async merchant(@Root() staff: Staff, @Ctx() { ctx }: GqlContext): Promise<MerchantType> {
    return (await ctx.loaders.merchant.load(staff.merchant.id))!;
  }
}

/** `state` and `chatUrl` are derived, for the owner's and the public view alike. */
function derivedStaffFields(objectType: ClassType) {
  @Resolver(() => objectType)
  class DerivedStaffFieldsResolver {
    constructor(readonly s: Services) {}

    @FieldResolver(() => StaffState)
    state(@Root() staff: Staff): StaffState {
      return this.s.staff.stateOf(staff);
    }

    @FieldResolver(() => String)
    chatUrl(@Root() staff: Staff): string {
      return `${this.s.config.publicUrl}/chat/${staff.serialNo}`;
    }
  }
  return DerivedStaffFieldsResolver;
}

export const StaffDerivedFieldsResolver = derivedStaffFields(StaffType);
export const PublicStaffDerivedFieldsResolver = derivedStaffFields(PublicStaffType);
