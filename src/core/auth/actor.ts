/** Who is calling. Every surface resolves its credentials into one of these. */
export type Actor =
  | { kind: 'anonymous'; tokenRejected: boolean }
  | { kind: 'merchant'; merchantId: number; userName: string; tokenId: number }
  | { kind: 'admin'; adminId: number; userName: string; tokenId: number }
  | { kind: 'agent'; agentId: number; merchantId: number; userName: string; tokenId: number };

export type ActorKind = Actor['kind'];
export type MerchantActor = Extract<Actor, { kind: 'merchant' }>;
export type AdminActor = Extract<Actor, { kind: 'admin' }>;
export type AgentActor = Extract<Actor, { kind: 'agent' }>;

export const anonymous: Actor = { kind: 'anonymous', tokenRejected: false };

/** Reads a token from `Auth-Token: <t>` or `Authorization: Bearer <t>`. */
export function tokenFromHeaders(headers: Record<string, string | string[] | undefined>): string | undefined {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const direct = first(headers['auth-token'])?.trim();
  if (direct) return direct;
  const auth = first(headers.authorization)?.trim();
  const m = auth ? /^Bearer\s+(.+)$/i.exec(auth) : null;
  return m?.[1]?.trim() || undefined;
}
