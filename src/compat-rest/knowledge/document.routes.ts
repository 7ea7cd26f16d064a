import { badInput } from '../../core/errors.js';
import type { LegacyBody } from '../legacy-body.js';
import { ok, okList, type LegacyRoute } from '../route.js';
import { presentDocument } from './document.presenter.js';

const staffId = (b: LegacyBody) => b.int('staff_id') ?? 0;

/** `docs` of §2.11: file_path names an uploaded file; file_size and file_url are ours to know and are ignored. */
function docsOf(b: LegacyBody): { filePath: string; fileName?: string }[] {
  const raw = b.raw.docs;
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
  const raw = b.raw.ids;
  if (!Array.isArray(raw)) throw badInput('ids: must be a list of document ids');
  return raw.map((v: unknown, i) => {
    if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
    if (typeof v === 'string' && /^\d{1,15}$/.test(v.trim())) return Number(v.trim());
    throw badInput(`ids.${i}: must be a whole number`);
  });
}

/** §2.10–2.13: training documents of a staff. */
export const documentRoutes: LegacyRoute[] = [
  {
    path: '/api/v1/customer/list/doc',
    auth: 'merchant',
    async handle(ctx, b, s) {
      const page = await s.documents.list(ctx, staffId(b), b.page());
      return okList(page.items.map((d) => presentDocument(d, s)), page.total);
    },
  },
  {
    path: '/api/v1/customer/update/doc',
    auth: 'merchant',
    async handle(ctx, b, s) {
      await s.documents.update(ctx, staffId(b), docsOf(b));
      return ok();
    },
  },
  {
    path: '/api/v1/customer/delete/doc',
    auth: 'merchant',
    async handle(ctx, b, s) {
      await s.documents.delete(ctx, staffId(b), idsOf(b));
      return ok();
    },
  },
  {
    path: '/api/v1/customer/sync/doc',
    auth: 'merchant',
    async handle(ctx, b, s) {
      await s.documents.sync(ctx, staffId(b));
      return ok();
    },
  },
];
