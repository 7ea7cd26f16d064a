import type { Request } from 'express';
import { z } from 'zod';
import type { RequestContext } from '../core/context.js';
import { aiStaffResponses } from '../http/openapi/envelopes.js';
import type { Operation, Surface } from '../http/openapi/operation.js';
import type { Services } from '../services/index.js';
import { okEnvelope, type LegacyEnvelope } from './envelope.js';
import type { LegacyBody } from './legacy-body.js';

/** Who may call a route; checked before the handler runs. */
export type RouteAuth = 'public' | 'merchant' | 'admin' | 'authenticated';

/**
 * One `POST` of the ai-staff API. `body` declares every field the handler may read (LegacyBody
 * refuses to read any other) and `data` what it answers inside the envelope (the handler's return
 * type is checked against it); both feed the OpenAPI document.
 */
export interface LegacyRoute<B extends z.ZodObject = z.ZodObject, D extends z.ZodType = z.ZodType> {
  path: string;
  auth: RouteAuth;
  summary: string;
  description?: string;
  body: B;
  data: D;
  handle(ctx: RequestContext, body: LegacyBody, services: Services, req: Request): Promise<LegacyEnvelope<z.input<D>>>;
}

/** Infers a route's schemas so its handler is checked against them. */
export const legacyRoute = <B extends z.ZodObject, D extends z.ZodType>(route: LegacyRoute<B, D>): LegacyRoute<B, D> => route;

export const ok = <T = Record<string, never>>(data: T = {} as T): LegacyEnvelope<T> => okEnvelope(data);

/** A page of a list: `total` counts every match, `count` this page. */
export const okList = <T>(list: T[], total: number): LegacyEnvelope<{ list: T[] }> => okEnvelope({ list }, total, list.length);

/** `data: {}`, the answer of a route that only acknowledges. */
export const emptyData = z.strictObject({});

/** `data: {list: [...]}` of a list route. */
export const listData = <T extends z.ZodType>(item: T) => z.strictObject({ list: z.array(item) });

export function authorize(ctx: RequestContext, auth: RouteAuth): void {
  if (auth === 'merchant') ctx.requireMerchant();
  else if (auth === 'admin') ctx.requireAdmin();
  else if (auth === 'authenticated') ctx.requireAuthenticated();
}

const roles: Record<RouteAuth, readonly string[] | undefined> = {
  public: undefined,
  merchant: ['merchant'],
  admin: ['admin'],
  authenticated: ['merchant', 'admin', 'agent'],
};

export function legacyOperation(route: LegacyRoute, surface: Surface): Operation {
  const responses = aiStaffResponses(route.data);
  if (route.auth === 'public') delete responses[401];
  return {
    method: 'post',
    path: route.path,
    operationId: operationIdOf(route.path),
    surface,
    summary: route.summary,
    description: route.description,
    security: route.auth === 'public' ? [] : ['token'],
    roles: roles[route.auth],
    body: { required: false, content: { 'application/json': route.body } },
    responses,
  };
}

/** `/api/v1/customer/list/staff` → `customerListStaff`. */
export function operationIdOf(path: string): string {
  const words = path.replace(/^\/api(\/v1)?\//, '').split(/[/_{}]+/).filter(Boolean);
  return words.map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w)).join('');
}
