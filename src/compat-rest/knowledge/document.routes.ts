import { badInput } from '../../core/errors.js';
import type { LegacyBody } from '../legacy-body.js';
import { z } from 'zod';
import { intField, pageFields, strField } from '../fields.js';
import { emptyData, legacyRoute, listData, ok, okList, type LegacyRoute } from '../route.js';
import { documentItem, presentDocument } from './document.presenter.js';

const staffIdField = intField('员工ID (必填)');

const staffId = (b: LegacyBody) => b.int('staff_id') ?? 0;

/** `docs` of §2.11: file_path names an uploaded file; file_size and file_url are ours to know and are ignored. */
function docsOf(b: LegacyBody): { filePath: string; fileName?: string }[] {
  const raw = b.raw('docs');
  if (raw === undefined || raw === null) throw badInput('docs: is required');
  if (!Array.isArray(raw)) throw badInput('docs: must be a list');
  return raw.map((d: unknown, i) => {
    if (typeof d !== 'object' || d === null || Array.isArray(d)) throw badInput(`docs.${i}: must be an object`);
    const o = d as Record<string, unknown>;
    if (typeof o.file_path !== 'string') throw badInput(`docs.${i}.file_path: is required`);
    if (o.file_name !== undefined && o.file_name !== null && typeof o.file_name !== 'string') throw badInput(`docs.${i}.file_name: must be a string`);
    return { filePath: o.file_path, fileName: (o.file_name as string | undefined) || undefined };
  });
}

function idsOf(b: LegacyBody): number[] {
  const raw = b.raw('ids');
  if (!Array.isArray(raw)) throw badInput('ids: must be a list of document ids');
  return raw.map((v: unknown, i) => {
    if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
    if (typeof v === 'string' && /^\d{1,15}$/.test(v.trim())) return Number(v.trim());
    throw badInput(`ids.${i}: must be a whole number`);
  });
}

/** §2.10–2.13: training documents of a staff. */
export const documentRoutes: LegacyRoute[] = [
  legacyRoute({
    path: '/api/v1/customer/list/doc',
    auth: 'merchant',
    summary: '培训资料列表 (§2.10)',
    body: z.object({ staff_id: staffIdField, ...pageFields }),
    data: listData(documentItem),
    async handle(ctx, b, s) {
      const page = await s.documents.list(ctx, staffId(b), b.page());
      return okList(page.items.map((d) => presentDocument(d, s)), page.total);
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/update/doc',
    auth: 'merchant',
    summary: '更新培训资料 (§2.11): adds uploaded files to the staff (the same file_path again renames)',
    body: z.object({
      staff_id: staffIdField,
      docs: z
        .array(
          z.object({
            file_name: strField('原始文件名 (optional: renames)').optional(),
            file_path: strField('文件存储相对路径, as upload/file answered'),
            file_size: intField('文件大小 (ignored)').optional(),
            file_url: strField('文件访问URL (ignored)').optional(),
          }),
        )
        .meta({ description: '资料列表' }),
    }),
    data: emptyData,
    async handle(ctx, b, s) {
      await s.documents.update(ctx, staffId(b), docsOf(b));
      return ok();
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/delete/doc',
    auth: 'merchant',
    summary: '删除培训资料 (§2.12)',
    body: z.object({ staff_id: staffIdField, ids: z.array(intField('文档ID')).meta({ description: '要删除的文档ID列表' }) }),
    data: emptyData,
    async handle(ctx, b, s) {
      await s.documents.delete(ctx, staffId(b), idsOf(b));
      return ok();
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/sync/doc',
    auth: 'merchant',
    summary: '同步培训资料 (§2.13): indexes the staff’s documents in the background (sync_state follows)',
    body: z.object({ staff_id: staffIdField }),
    data: emptyData,
    async handle(ctx, b, s) {
      await s.documents.sync(ctx, staffId(b));
      return ok();
    },
  }),
];
