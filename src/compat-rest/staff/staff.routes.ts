import type { BusinessHoursInput } from '../../entities/staff/business-hours.js';
import type { LegacyBody } from '../legacy-body.js';
import { ok, okList, type LegacyRoute } from '../route.js';
import { presentStaff } from './staff.presenter.js';

/** Persona fields as the seed names them; absent keys stay absent so edits change only what was sent. */
function persona(b: LegacyBody) {
  return {
    name: b.str('name'),
    orgName: b.str('org_name'),
    tone: b.str('tone'),
    outputLength: b.str('output_length'),
    languageMode: b.str('language_mode'),
    languageResponse: b.str('language_response'),
    description: b.str('description'),
    greetings: b.str('greetings'),
    avatarUrl: b.str('avatar_url'),
    repoName: b.str('repo_name'),
    repoDescr: b.str('repo_descr'),
    businessHours: businessHoursOf(b),
  };
}

/**
 * `business_hours`: `{"time_zone","weekly":[{"day","open","close"}],"holidays"}` or null (always open);
 * the staff service validates it. Absent: unchanged.
 */
function businessHoursOf(b: LegacyBody): BusinessHoursInput | null | undefined {
  if (!('business_hours' in b.raw)) return undefined;
  const v = b.raw.business_hours;
  // Anything but an object goes to the service as it is, which refuses it by name.
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v as null;
  const { time_zone: timeZone, ...rest } = v as Record<string, unknown>;
  return { timeZone, ...rest } as BusinessHoursInput;
}

const requiredId = (b: LegacyBody) => b.int('id') ?? 0;

export const staffRoutes: LegacyRoute[] = [
  {
    path: '/api/v1/customer/create/staff',
    auth: 'merchant',
    async handle(ctx, b, s) {
      const p = persona(b);
      const staff = await s.staff.create(ctx, { ...p, name: p.name ?? '', orgName: p.orgName ?? '' });
      return ok({ id: staff.id });
    },
  },
  {
    path: '/api/v1/customer/list/staff',
    auth: 'merchant',
    async handle(ctx, b, s) {
      const page = await s.staff.list(
        ctx,
        { id: b.intFilter('id'), name: b.strFilter('name'), serialNo: b.strFilter('serial_no') },
        b.page(),
      );
      return okList(page.items.map((st) => presentStaff(st, s, true)), page.total);
    },
  },
  {
    path: '/api/v1/customer/edit/staff',
    auth: 'merchant',
    async handle(ctx, b, s) {
      // serial_no, chat_url and the keys are generated and not editable; legacy clients echo them back, so they are ignored.
      await s.staff.update(ctx, requiredId(b), { ...persona(b), isFrozen: b.bool('is_frozen') });
      return ok();
    },
  },
  {
    path: '/api/v1/customer/delete/staff',
    auth: 'merchant',
    async handle(ctx, b, s) {
      await s.staff.delete(ctx, requiredId(b));
      return ok();
    },
  },
  {
    path: '/api/v1/customer/frozen/staff',
    auth: 'merchant',
    async handle(ctx, b, s) {
      await s.staff.setFrozen(ctx, requiredId(b), true);
      return ok();
    },
  },
  {
    path: '/api/v1/customer/unfrozen/staff',
    auth: 'merchant',
    async handle(ctx, b, s) {
      await s.staff.setFrozen(ctx, requiredId(b), false);
      return ok();
    },
  },
  {
    path: '/api/v1/customer/query/staff',
    auth: 'public',
    async handle(ctx, b, s) {
      const staff = await s.staff.findPublic(ctx, b.str('serial_no') ?? '');
      return okList([presentStaff(staff, s, false)], 1);
    },
  },
];
