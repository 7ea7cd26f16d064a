import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Agent } from '../entities/agent/agent.entity.js';
import { Contact } from '../entities/contact/contact.entity.js';
import { Merchant } from '../entities/merchant/merchant.entity.js';
import { queuePositions } from '../entities/session/session-queue.js';
import { Staff } from '../entities/staff/staff.entity.js';
import type { Actor } from './auth/actor.js';

export interface Loaders {
  merchant: DataLoader<number, Merchant | null>;
  /** Staff visible to the caller: its own tenant's, or any for the admin. */
  staff: DataLoader<number, Staff | null>;
  agent: DataLoader<number, Agent | null>;
  contact: DataLoader<number, Contact | null>;
  /** 1-based place of a pending session in its staff's queue (null when not pending), for many sessions in one query. */
  queuePosition: DataLoader<number, number | null>;
}

function byId<T extends { id: number }>(rows: T[], ids: readonly number[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/** Per-request batch loaders; the context's tenant filter keeps a tenant's loaders to its merchant's rows. */
export function createLoaders(em: EntityManager, actor: Actor): Loaders {
  const tenantId = actor.kind === 'merchant' || actor.kind === 'agent' ? actor.merchantId : null;
  const canSeeAll = actor.kind === 'admin';
  return {
    merchant: new DataLoader(async (ids) => {
      if (!canSeeAll && tenantId === null) return ids.map(() => null);
      const allowed = canSeeAll ? [...ids] : ids.filter((id) => id === tenantId);
      return byId(await em.find(Merchant, { id: { $in: allowed } }), ids);
    }),
    staff: new DataLoader(async (ids) => {
      if (!canSeeAll && tenantId === null) return ids.map(() => null);
      return byId(await em.find(Staff, { id: { $in: [...ids] } }), ids);
    }),
    agent: new DataLoader(async (ids) => {
      if (tenantId === null) return ids.map(() => null);
      return byId(await em.find(Agent, { id: { $in: [...ids] } }), ids);
    }),
    contact: new DataLoader(async (ids) => {
      if (tenantId === null) return ids.map(() => null);
      return byId(await em.find(Contact, { id: { $in: [...ids] } }), ids);
    }),
    queuePosition: new DataLoader(async (ids) => {
      if (tenantId === null) return ids.map(() => null);
      const positions = await queuePositions(em, tenantId, ids);
      return ids.map((id) => positions.get(id) ?? null);
    }),
  };
}
