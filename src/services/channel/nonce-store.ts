import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Gateway callback nonces, in PostgreSQL so every instance sees every nonce: the
 * first use inserts it, a second is refused until it expires (beyond the allowed
 * clock skew, when the timestamp check refuses it anyway).
 */
export class NonceStore {
  constructor(private readonly ttlSeconds: number) {}

  /** True the first time a channel's nonce is seen (or after it expired). */
  async claim(em: EntityManager, channelId: number, nonce: string): Promise<boolean> {
    const rows: unknown[] = await em.getConnection().execute(
      `insert into channel_nonce (channel_id, nonce, expires_at) values (?, ?, now() + make_interval(secs => ?))
       on conflict (channel_id, nonce) do update set expires_at = excluded.expires_at where channel_nonce.expires_at < now()
       returning 1`,
      [channelId, nonce, this.ttlSeconds],
      'all',
    );
    return rows.length === 1;
  }

  async sweep(em: EntityManager): Promise<void> {
    await em.getConnection().execute('delete from channel_nonce where expires_at < now()', [], 'run');
  }
}
