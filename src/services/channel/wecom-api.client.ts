/** What the WeCom server API needs to act for one app. */
export interface WecomCredentials {
  corpId: string;
  appSecret: string;
  agentId: string;
}

export interface WecomMedia {
  data: Buffer;
  contentType: string;
  fileName: string | null;
}

/** errcodes meaning the access token is no longer good: refresh it and try again. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);

/**
 * The WeCom server API (`WECOM_API_BASE`): gettoken, message/send and media/get.
 * Access tokens are cached per app until shortly before they expire, and refreshed
 * at once when WeCom says one expired.
 */
export class WecomApiClient {
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();

  constructor(
    private readonly base: string,
    private readonly timeoutMs: number,
  ) {}

  /** Sends one message (`{msgtype, text: {...}}` etc.) to a user of the app; throws with WeCom's errcode otherwise. */
  async send(creds: WecomCredentials, toUser: string, message: Record<string, unknown>): Promise<void> {
    const body = JSON.stringify({
      touser: toUser,
      agentid: Number(creds.agentId),
      ...message,
      // WeCom drops a repeat of the same content to the same user within this window: a retry after a lost answer is not shown twice.
      enable_duplicate_check: 1,
      duplicate_check_interval: 1800,
    });
    await this.withToken(creds, async (token) => {
      const res = await fetch(`${this.base}/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      return this.json(res);
    });
  }

  /** A media file by its media id (inbound image, voice, video, file), at most `maxBytes`. */
  async media(creds: WecomCredentials, mediaId: string, maxBytes: number): Promise<WecomMedia> {
    let media: WecomMedia | null = null;
    await this.withToken(creds, async (token) => {
      const res = await fetch(`${this.base}/cgi-bin/media/get?access_token=${encodeURIComponent(token)}&media_id=${encodeURIComponent(mediaId)}`, {
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const contentType = (res.headers.get('content-type') ?? 'application/octet-stream').split(';')[0]!.trim();
      // Errors come back as JSON; a file as its bytes.
      if (!res.ok || contentType === 'application/json' || contentType === 'text/plain') return this.json(res);
      const length = Number(res.headers.get('content-length') ?? 0);
      if (length > maxBytes) throw new Error(`WeCom media ${mediaId} is larger than ${maxBytes} bytes`);
      const data = Buffer.from(await res.arrayBuffer());
      if (data.length > maxBytes) throw new Error(`WeCom media ${mediaId} is larger than ${maxBytes} bytes`);
      media = { data, contentType, fileName: fileNameOf(res.headers.get('content-disposition')) };
      return { errcode: 0 };
    });
    return media!;
  }

  private async withToken(creds: WecomCredentials, call: (token: string) => Promise<{ errcode?: number; errmsg?: string }>): Promise<void> {
    let answer = await call(await this.token(creds, false));
    if (answer.errcode && TOKEN_ERRORS.has(answer.errcode)) answer = await call(await this.token(creds, true));
    if (answer.errcode) throw new Error(`WeCom errcode ${answer.errcode}: ${answer.errmsg ?? ''}`.trim());
  }

  private async token(creds: WecomCredentials, fresh: boolean): Promise<string> {
    const key = `${creds.corpId}\n${creds.appSecret}`;
    const cached = this.tokens.get(key);
    if (!fresh && cached && cached.expiresAt > Date.now()) return cached.token;
    const res = await fetch(`${this.base}/cgi-bin/gettoken?corpid=${encodeURIComponent(creds.corpId)}&corpsecret=${encodeURIComponent(creds.appSecret)}`, {
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const answer = (await this.json(res)) as { errcode?: number; errmsg?: string; access_token?: string; expires_in?: number };
    if (answer.errcode || !answer.access_token) throw new Error(`WeCom gettoken failed: errcode ${answer.errcode ?? '?'} ${answer.errmsg ?? ''}`.trim());
    // Refreshed five minutes early, as WeCom advises, so a token never expires in flight.
    const seconds = Math.max((answer.expires_in ?? 7200) - 300, 60);
    this.tokens.set(key, { token: answer.access_token, expiresAt: Date.now() + seconds * 1000 });
    return answer.access_token;
  }

  private async json(res: Response): Promise<{ errcode?: number; errmsg?: string }> {
    const text = await res.text();
    if (!res.ok) throw new Error(`WeCom answered HTTP ${res.status}: ${text.slice(0, 200)}`);
    try {
      const v = JSON.parse(text) as unknown;
      if (typeof v === 'object' && v !== null) return v as { errcode?: number; errmsg?: string };
    } catch {
      // fall through
    }
    throw new Error(`WeCom answered something that is not JSON: ${text.slice(0, 200)}`);
  }
}

function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim().replace(/^"|"$/g, ''));
    } catch {
      return null;
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]!.trim() : null;
}
