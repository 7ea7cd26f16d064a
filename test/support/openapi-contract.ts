import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export interface Call {
  method: 'GET' | 'POST';
  /** The documented template, e.g. `/api/sessions/{sessionId}`. */
  path: string;
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** JSON (validated against the documented request body), or a raw body with its content type. */
  json?: unknown;
  raw?: { type: string; body: string | FormData };
}

export interface Answer {
  status: number;
  type: string;
  body: any;
}

/**
 * Sends documented requests to the app and checks each answer against the OpenAPI document: its
 * status and media type must be documented and a JSON body must match the schema. Records which
 * operations were exercised and which surfaces answered an error.
 */
export class ContractClient {
  private readonly ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
  readonly exercised = new Set<string>();
  readonly errorsBySurface = new Set<string>();

  constructor(
    private readonly baseUrl: string,
    readonly doc: any,
  ) {
    addFormats(this.ajv);
    this.ajv.addSchema(doc, 'doc');
  }

  private validate(ref: string, value: unknown, what: string): void {
    const check = this.ajv.getSchema(`doc#${ref}`);
    if (!check) throw new Error(`no schema at ${ref}`);
    if (!check(value)) expect.fail(`${what} does not match the document: ${this.ajv.errorsText(check.errors)}\n${JSON.stringify(value).slice(0, 2000)}`);
  }

  async send(call: Call): Promise<Answer> {
    const method = call.method.toLowerCase();
    const op = this.doc.paths[call.path]?.[method];
    if (!op) expect.fail(`${call.method} ${call.path} is not documented`);
    const base = `/paths/${pointer(call.path)}/${method}`;
    const documented = new Set<string>((op.parameters ?? []).map((p: any) => `${p.in}:${p.name.toLowerCase()}`));
    for (const k of Object.keys(call.query ?? {})) expect(documented, `query ${k} of ${call.path}`).toContain(`query:${k.toLowerCase()}`);
    for (const k of Object.keys(call.params ?? {})) expect(documented, `path parameter ${k}`).toContain(`path:${k.toLowerCase()}`);
    if (call.json !== undefined) this.validate(`${base}/requestBody/content/application~1json/schema`, call.json, `request body of ${call.method} ${call.path}`);
    if (call.raw) {
      const type = call.raw.type.split(';')[0]!;
      expect(Object.keys(op.requestBody?.content ?? {}), `request type of ${call.path}`).toSatisfy((types: string[]) => types.includes(type) || types.includes('*/*'));
    }

    let url = call.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(call.params?.[k] ?? '')));
    if (call.query) url += `?${new URLSearchParams(call.query)}`;
    const headers: Record<string, string> = { ...call.headers };
    let body: string | FormData | undefined;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    } else if (call.raw) {
      if (!(call.raw.body instanceof FormData)) headers['content-type'] = call.raw.type;
      body = call.raw.body;
    }
    const res = await fetch(`${this.baseUrl}${url}`, { method: call.method, headers, body });
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const text = await res.text();
    const answer: Answer = { status: res.status, type, body: type === 'application/json' ? JSON.parse(text) : text };

    const response = op.responses[String(res.status)];
    if (!response) expect.fail(`${call.method} ${call.path} answered ${res.status}, which is not documented: ${text.slice(0, 500)}`);
    const types = Object.keys(response.content ?? {});
    if (types.length) {
      const documentedType = types.includes(type) ? type : types.includes('*/*') ? '*/*' : null;
      if (!documentedType) expect.fail(`${call.method} ${call.path} ${res.status} answered ${type}, documented: ${types.join(', ')}`);
      if (documentedType === 'application/json') {
        this.validate(`${base}/responses/${res.status}/content/application~1json/schema`, answer.body, `answer ${res.status} of ${call.method} ${call.path}`);
      }
    }
    this.exercised.add(`${method} ${call.path}`);
    if (res.status >= 400 || isEnvelopeError(answer.body)) this.errorsBySurface.add(op.tags[0]);
    return answer;
  }

  /** Operations of the document no call has exercised. */
  missing(): string[] {
    return Object.entries(this.doc.paths).flatMap(([path, item]: [string, any]) =>
      Object.keys(item)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m} ${path}`)
        .filter((k) => !this.exercised.has(k)),
    );
  }
}

function isEnvelopeError(body: any): boolean {
  if (!body || typeof body !== 'object') return false;
  if (body.header && typeof body.header.code === 'number') return body.header.code !== 0;
  return typeof body.code === 'number' && body.code !== 0;
}
