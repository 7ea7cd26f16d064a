import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gatewaySignature } from '../../src/services/channel/gateway-signature.js';
import { wecomEncrypt, wecomSignature } from '../../src/services/channel/wecom-crypto.js';

export interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  json: any;
  url: string;
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** A gateway's outbound receiver: answers each request with the next status of `refusals` (0: never answers), then 200. */
export async function startGatewayReceiver(refusals: number[] = []) {
  const requests: Received[] = [];
  const queue = [...refusals];
  const held: http.ServerResponse[] = [];
  const server = http.createServer(async (req, res) => {
    const raw = await readBody(req);
    let json: unknown = null;
    try {
      json = JSON.parse(raw);
    } catch {
      json = null;
    }
    requests.push({ headers: req.headers, raw, json, url: req.url ?? '' });
    const status = queue.shift() ?? 200;
    if (status === 0) return void held.push(res);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: status === 200 }));
  });
  const url = await listen(server);
  return {
    url: `${url}/outbound`,
    requests,
    /** Requests answered 2xx, i.e. the messages the gateway accepted. */
    accepted: () => requests.filter((_, i) => (refusals[i] ?? 200) === 200),
    close: () => {
      held.forEach((r) => r.destroy());
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Signs and posts one gateway callback; overrides break one part on purpose. */
export async function postGatewayCallback(
  baseUrl: string,
  channelType: string,
  secret: string,
  body: unknown,
  over: { timestamp?: string; nonce?: string; signature?: string; raw?: string } = {},
) {
  const raw = over.raw ?? JSON.stringify(body);
  const timestamp = over.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = over.nonce ?? randomBytes(8).toString('hex');
  const signature = over.signature ?? gatewaySignature(secret, timestamp, nonce, raw);
  const res = await fetch(`${baseUrl}/channel/${channelType}/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature },
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as { code: number; message: string; data?: any }, nonce, timestamp };
}

/** The WeCom server API, as far as replies and media need it. `expireOnce` answers the first send with 42001. */
export async function startWecomApi(opts: { corpId: string; corpSecret: string; expireOnce?: boolean }) {
  let tokenNo = 0;
  let current = '';
  let expired = false;
  const sent: any[] = [];
  const calls: string[] = [];
  const media = new Map<string, { data: Buffer; contentType: string; name: string }>();
  const server = http.createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    calls.push(u.pathname);
    const json = (v: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(v));
    if (u.pathname === '/cgi-bin/gettoken') {
      if (u.searchParams.get('corpid') !== opts.corpId || u.searchParams.get('corpsecret') !== opts.corpSecret) return json({ errcode: 40001, errmsg: 'invalid credential' });
      current = `tok-${++tokenNo}`;
      return json({ errcode: 0, errmsg: 'ok', access_token: current, expires_in: 7200 });
    }
    const token = u.searchParams.get('access_token');
    if (u.pathname === '/cgi-bin/message/send') {
      const body = JSON.parse(await readBody(req));
      if (opts.expireOnce && !expired) {
        expired = true;
        return json({ errcode: 42001, errmsg: 'access_token expired' });
      }
      if (token !== current) return json({ errcode: 40014, errmsg: 'invalid access_token' });
      sent.push(body);
      return json({ errcode: 0, errmsg: 'ok', msgid: `wx-${sent.length}` });
    }
    if (u.pathname === '/cgi-bin/media/get') {
      if (token !== current) return json({ errcode: 40014, errmsg: 'invalid access_token' });
      const m = media.get(u.searchParams.get('media_id') ?? '');
      if (!m) return json({ errcode: 40007, errmsg: 'invalid media_id' });
      return res.writeHead(200, { 'content-type': m.contentType, 'content-disposition': `attachment; filename="${m.name}"`, 'content-length': m.data.length }).end(m.data);
    }
    res.writeHead(404).end();
  });
  const url = await listen(server);
  return {
    url,
    sent,
    calls,
    media,
    tokensIssued: () => tokenNo,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** What WeCom posts for a message: the XML envelope and its query string. */
export function wecomPost(settings: { token: string; encodingAesKey: string; corpId: string }, inner: string, timestamp = String(Math.floor(Date.now() / 1000))) {
  const nonce = String(Math.floor(Math.random() * 1e9));
  const encrypted = wecomEncrypt(settings.encodingAesKey, inner, settings.corpId);
  const signature = wecomSignature(settings.token, timestamp, nonce, encrypted);
  return {
    query: `msg_signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`,
    body: `<xml><ToUserName><![CDATA[${settings.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>`,
  };
}

export function wecomText(o: { corpId: string; from: string; content: string; msgId: string; agentId: string }): string {
  return `<xml><ToUserName><![CDATA[${o.corpId}]]></ToUserName><FromUserName><![CDATA[${o.from}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${o.content}]]></Content><MsgId>${o.msgId}</MsgId><AgentID>${o.agentId}</AgentID></xml>`;
}
