import type { RequestHandler, Router } from 'express';
import type { z } from 'zod';

/** The parts of the product a reader looks for, one OpenAPI tag each. */
export type Surface =
  | 'ai-staff: accounts'
  | 'ai-staff: staff'
  | 'ai-staff: trades'
  | 'ai-staff: knowledge'
  | 'ai-staff: products'
  | 'ai-staff: agents'
  | 'ai-staff: channels'
  | 'ai-staff: webhooks'
  | 'sessions'
  | 'agent console'
  | 'channel callbacks'
  | 'payments'
  | 'web chat'
  | 'files'
  | 'service';

/**
 * Who may call: `token` is a login token (`Auth-Token` header or `Authorization: Bearer`),
 * `staffKeys` a staff's api_key and secret_key as HTTP Basic credentials, `signature` a
 * signature the caller computes over the body (channel callbacks, payment notifications).
 * An empty list is a public operation.
 */
export type Credential = 'token' | 'staffKeys' | 'signature';

export interface OperationResponse {
  description: string;
  /** Media type → schema of the body; none for an empty answer. */
  content?: Record<string, z.ZodType>;
}

/**
 * One HTTP operation as it is mounted and documented: the router mounts `method path` from this
 * record and the OpenAPI document is generated from the same record, so neither can name a route
 * or a field the other lacks.
 */
export interface Operation {
  method: 'get' | 'post';
  /** OpenAPI template, `{name}` for a path parameter. */
  path: string;
  operationId: string;
  surface: Surface;
  summary: string;
  description?: string;
  security: readonly Credential[];
  /** Roles a token must have, when `token` is accepted (documentation: the handler checks them). */
  roles?: readonly string[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: { description?: string; required?: boolean; content: Record<string, z.ZodType> };
  responses: Record<number, OperationResponse>;
}

/** `/api/sessions/{sessionId}` → `/api/sessions/:sessionId`. */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

export type Handlers<T extends Record<string, Operation>> = { [K in keyof T]: RequestHandler | RequestHandler[] };

/** Mounts one handler per operation of `ops`, at the operation's method and path; the types demand exactly one for each. */
export function mountOperations<T extends Record<string, Operation>>(router: Router, ops: T, handlers: Handlers<T>): Router {
  for (const key of Object.keys(ops) as (keyof T)[]) {
    const op = ops[key]!;
    router[op.method](expressPath(op.path), ...[handlers[key]].flat());
  }
  return router;
}
