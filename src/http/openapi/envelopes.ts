import { z } from 'zod';
import type { OperationResponse } from './operation.js';

/*
 * The envelopes each surface answers in, as schemas. Error schemas are registered components
 * (`meta.id`), so the document names each envelope once and every operation refers to it.
 */

const AI_STAFF_ERROR_CODES: Record<number, string> = {
  1000: 'access denied (a role or another tenant’s record)',
  1001: 'unauthorized: no valid token (HTTP 401)',
  1002: 'wrong user name or password',
  1003: 'invalid params (also a conflict with the record’s state, and a body too large, HTTP 413)',
  1004: 'the body is not JSON',
  1005: 'already exists',
  1006: 'not found (also another merchant’s record)',
  1008: 'invalid or expired verification code',
  1012: 'account frozen, or the staff cannot work now (frozen, expired, not activated, deleted)',
  429: 'too many requests: try again later',
  500: 'internal error',
};

const codeList = (codes: Record<number, string>) =>
  Object.entries(codes)
    .map(([c, d]) => `${c} ${d}`)
    .join('; ');

/** An integer enum: zod-to-openapi renders a multi-value z.literal as its first value only. */
export const intEnum = (values: number[]) => z.enum(Object.fromEntries(values.map((v) => [`v${v}`, v])));
const codeOf = (codes: Record<number, string>) => intEnum(Object.keys(codes).map(Number));

export const aiStaffHeaderOk = z
  .strictObject({
    code: z.literal(0).meta({ description: '0 for success' }),
    message: z.string().meta({ description: '"OK"' }),
    total: z.int().meta({ description: 'how many records match in all (a list), else 1' }),
    count: z.int().meta({ description: 'how many records this answer carries (a list’s page), else 1' }),
  })
  .meta({ id: 'AiStaffHeader', description: 'The ai-staff envelope’s header of a success.' });

export const aiStaffError = z
  .strictObject({
    header: z.strictObject({
      code: codeOf(AI_STAFF_ERROR_CODES).meta({ description: `The error: ${codeList(AI_STAFF_ERROR_CODES)}.` }),
      message: z.string().meta({ description: 'what went wrong, naming the field for invalid params' }),
      total: z.literal(0),
      count: z.literal(0),
    }),
    data: z.strictObject({}),
  })
  .meta({
    id: 'AiStaffError',
    description: `The ai-staff envelope of an error, \`{header:{code,message,total,count},data:{}}\`, answered with HTTP 200 except 401 (code 1001), 413 and 500. Codes: ${codeList(AI_STAFF_ERROR_CODES)}.`,
  });

/** `{header:{code:0,…}, data}`. */
export const aiStaffOk = <D extends z.ZodType>(data: D) => z.strictObject({ header: aiStaffHeaderOk, data });

export function aiStaffResponses(data: z.ZodType, more: Record<number, OperationResponse> = {}): Record<number, OperationResponse> {
  const error = (description: string): OperationResponse => ({ description, content: { 'application/json': aiStaffError } });
  return {
    200: {
      description: 'The ai-staff envelope: `header.code` 0 with `data`, or an error code with `data: {}`.',
      content: { 'application/json': z.union([aiStaffOk(data), aiStaffError]) },
    },
    401: error('No valid token (or keys) where the operation needs one: code 1001.'),
    413: error('The body is over the limit: code 1003.'),
    500: error('Internal error: code 500.'),
    ...more,
  };
}

const MULTICHANNEL_CODES: Record<number, string> = {
  400: 'bad input, or the session is in the wrong state',
  401: 'no valid token',
  403: 'forbidden for this caller',
  404: 'not found (also another tenant’s session)',
  413: 'the body is over the limit',
  429: 'too many requests',
  500: 'internal error',
};

export const multichannelError = z
  .strictObject({
    code: codeOf(MULTICHANNEL_CODES).meta({ description: `响应码(非0=失败), the HTTP status repeated: ${codeList(MULTICHANNEL_CODES)}.` }),
    message: z.string().meta({ description: '响应消息' }),
    data: z.null(),
  })
  .meta({ id: 'MultichannelError', description: 'The multichannel envelope of an error, `{code,message,data:null}`; `code` is the HTTP status.' });

export const multichannelOk = <D extends z.ZodType>(data: D) =>
  z.strictObject({ code: z.literal(0).meta({ description: '响应码(0=成功)' }), message: z.literal('OK').meta({ description: '响应消息' }), data });

export function multichannelResponses(data: z.ZodType, errors: number[]): Record<number, OperationResponse> {
  const out: Record<number, OperationResponse> = {
    200: { description: 'The multichannel envelope `{code:0,message:"OK",data}`.', content: { 'application/json': multichannelOk(data) } },
  };
  for (const status of [...errors, 401, 413, 500]) {
    out[status] = { description: MULTICHANNEL_CODES[status] ?? 'error', content: { 'application/json': multichannelError } };
  }
  return out;
}

const CONSOLE_CODES: Record<number, string> = {
  400: 'invalid params',
  403: 'the staff of these keys may not chat now, or the agent is not the caller’s',
  404: 'no such staff or agent (also another merchant’s)',
  500: 'internal error',
};

export const consoleError = z
  .strictObject({
    code: codeOf(CONSOLE_CODES).meta({ description: `非0表示失败: ${codeList(CONSOLE_CODES)}.` }),
    msg: z.string().meta({ description: '失败时填充原因' }),
  })
  .meta({ id: 'AgentConsoleError', description: 'The agent-console HTTP envelope of an error, `{code,msg}`, answered with HTTP 200.' });

export const consoleUnauthenticated = z
  .strictObject({ code: z.literal(401), msg: z.string() })
  .meta({ id: 'AgentConsoleUnauthenticated', description: 'No credentials, or wrong ones: HTTP 401, `{code:401,msg}`.' });

export function consoleResponses(data: z.ZodType): Record<number, OperationResponse> {
  return {
    200: {
      description: 'The agent-console envelope: `{code:0,msg:"ok",data}`, or an error `{code,msg}`.',
      content: { 'application/json': z.union([z.strictObject({ code: z.literal(0), msg: z.literal('ok'), data }), consoleError]) },
    },
    401: { description: 'No valid keys nor merchant token.', content: { 'application/json': consoleUnauthenticated } },
    413: { description: 'The body is over the limit.', content: { 'application/json': plainError } },
  };
}

const GATEWAY_CODES: Record<number, string> = {
  1001: 'signature, timestamp or nonce missing or wrong (HTTP 401)',
  1003: 'invalid message (HTTP 400; 413 for a body over CHANNEL_CALLBACK_MAX_KB)',
  1004: 'the body is not JSON (HTTP 400)',
  1006: 'no such channel type, or no channel with this account_id (HTTP 404)',
  429: 'too many messages from this contact (HTTP 429)',
  500: 'internal error (HTTP 500): the gateway should retry',
};

export const gatewayError = z
  .strictObject({
    code: codeOf(GATEWAY_CODES).meta({ description: `The error: ${codeList(GATEWAY_CODES)}.` }),
    message: z.string(),
  })
  .meta({ id: 'GatewayError', description: 'A refused channel callback, `{code,message}` (docs/channels.md).' });

/** `{code, message}`: the answer of a route outside the envelopes (unknown path, missing file, payment pages). */
export const plainError = z
  .strictObject({ code: z.int().meta({ description: 'the HTTP status' }), message: z.string() })
  .meta({ id: 'PlainError', description: 'An error outside the surface envelopes: `{code,message}`, `code` the HTTP status.' });

export const plainErrorResponse = (description: string): OperationResponse => ({ description, content: { 'application/json': plainError } });
