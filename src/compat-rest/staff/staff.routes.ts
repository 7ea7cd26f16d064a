import type { BusinessHoursInput } from '../../entities/staff/business-hours.js';
import type { LegacyBody } from '../legacy-body.js';
import { z } from 'zod';
import { flagField, idData, intField, pageFields, strField } from '../fields.js';
import { emptyData, legacyRoute, listData, ok, okList, type LegacyRoute } from '../route.js';
import { presentStaff, staffItem } from './staff.presenter.js';

const personaBody = {
  name: strField('员工名称'),
  org_name: strField('组织名称'),
  tone: strField('语气:friendly and sincere(友好且真诚), professional and cautious(专业且稳重), clear and direct(清晰且直接)'),
  output_length: strField('回复长度:detailed(详细), normal-length(正常长度), concise(简洁)'),
  language_mode: strField('语言模式:written(书面),spoken(口语)'),
  language_response: strField('回复语言:Chinese、English'),
  description: strField('员工描述'),
  greetings: strField('问候语'),
  avatar_url: strField('头像URL'),
  repo_name: strField('知识库名称'),
  repo_descr: strField('知识库描述'),
  business_hours: z
    .object({
      time_zone: z.string().meta({ description: 'IANA time zone, e.g. Asia/Shanghai' }),
      weekly: z.array(z.object({ day: z.int().meta({ description: 'ISO weekday, 1 (Monday) to 7' }), open: z.string().meta({ description: 'HH:mm' }), close: z.string().meta({ description: 'HH:mm, up to 24:00' }) })),
      holidays: z.array(z.string().meta({ description: 'YYYY-MM-DD' })).optional(),
    })
    .nullable()
    .meta({ description: 'Business hours (docs/chat-page.md): outside them a handoff waits as an offline message; null: always open' }),
};
const optionalPersona = z.object(personaBody).partial().shape;
const idBody = z.object({ id: intField('员工ID (必填)') });

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
  const v = b.raw('business_hours');
  if (v === undefined) return undefined;
  // Anything but an object goes to the service as it is, which refuses it by name.
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v as null;
  const { time_zone: timeZone, ...rest } = v as Record<string, unknown>;
  return { timeZone, ...rest } as BusinessHoursInput;
}

const requiredId = (b: LegacyBody) => b.int('id') ?? 0;

export const staffRoutes: LegacyRoute[] = [
  legacyRoute({
    path: '/api/v1/customer/create/staff',
    auth: 'merchant',
    summary: '创建员工 (§2.1)',
    body: z.object({ ...optionalPersona, name: strField('员工名称(必填)'), org_name: strField('组织名称(必填)') }),
    data: idData('员工ID'),
    async handle(ctx, b, s) {
      const p = persona(b);
      const staff = await s.staff.create(ctx, { ...p, name: p.name ?? '', orgName: p.orgName ?? '' });
      return ok({ id: staff.id });
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/list/staff',
    auth: 'merchant',
    summary: '员工列表 (§2.2): with the keys',
    body: z.object({ id: intField('按员工ID查询').optional(), name: strField('按员工名称查询').optional(), serial_no: strField('按员工序列号查询').optional(), ...pageFields }),
    data: listData(staffItem),
    async handle(ctx, b, s) {
      const page = await s.staff.list(
        ctx,
        { id: b.intFilter('id'), name: b.strFilter('name'), serialNo: b.strFilter('serial_no') },
        b.page(),
      );
      return okList(page.items.map((st) => presentStaff(st, s, true)), page.total);
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/edit/staff',
    auth: 'merchant',
    summary: '编辑员工 (§2.3): only the fields sent change; serial_no, chat_url and the keys are ignored',
    body: z.object({ id: intField('员工ID (必填)'), ...optionalPersona, is_frozen: flagField('是否已冻结').optional() }),
    data: emptyData,
    async handle(ctx, b, s) {
      // serial_no, chat_url and the keys are generated and not editable; legacy clients echo them back, so they are ignored.
      await s.staff.update(ctx, requiredId(b), { ...persona(b), isFrozen: b.bool('is_frozen') });
      return ok();
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/delete/staff',
    auth: 'merchant',
    summary: '删除员工 (§2.4)',
    body: idBody,
    data: emptyData,
    async handle(ctx, b, s) {
      await s.staff.delete(ctx, requiredId(b));
      return ok();
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/frozen/staff',
    auth: 'merchant',
    summary: '冻结员工 (§2.5)',
    body: idBody,
    data: emptyData,
    async handle(ctx, b, s) {
      await s.staff.setFrozen(ctx, requiredId(b), true);
      return ok();
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/unfrozen/staff',
    auth: 'merchant',
    summary: '解冻员工 (§2.5)',
    body: idBody,
    data: emptyData,
    async handle(ctx, b, s) {
      await s.staff.setFrozen(ctx, requiredId(b), false);
      return ok();
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/query/staff',
    auth: 'public',
    summary: '序列号查询员工 (§2.14): public, without the keys',
    body: z.object({ serial_no: strField('员工序列号') }),
    data: listData(staffItem),
    async handle(ctx, b, s) {
      const staff = await s.staff.findPublic(ctx, b.str('serial_no') ?? '');
      return okList([presentStaff(staff, s, false)], 1);
    },
  }),
];
