import type { Request } from 'express';
import type { RequestContext } from '../core/context.js';
import type { Services } from '../services/index.js';
import { okEnvelope, type LegacyEnvelope } from './envelope.js';
import type { LegacyBody } from './legacy-body.js';

/** Who may call a route; checked before the handler runs. */
export type RouteAuth = 'public' | 'merchant' | 'admin' | 'authenticated';

export interface LegacyRoute {
  path: string;
  auth: RouteAuth;
  handle(ctx: RequestContext, body: LegacyBody, services: Services, req: Request): Promise<LegacyEnvelope>;
}

export const ok = (data: unknown = {}): LegacyEnvelope => okEnvelope(data);

/** A page of a list: `total` counts every match, `count` this page. */
export const okList = (list: unknown[], total: number): LegacyEnvelope => okEnvelope({ list }, total, list.length);

export function authorize(ctx: RequestContext, auth: RouteAuth): void {
  if (auth === 'merchant') ctx.requireMerchant();
  else if (auth === 'admin') ctx.requireAdmin();
  else if (auth === 'authenticated') ctx.requireAuthenticated();
}
