import { MikroORM, ReferenceKind, type EntityMetadata } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormConfig } from '../../src/core/db/orm-config.js';
import { tenantEntityNames, tenantFilter } from '../../src/core/db/tenancy.js';

/** Not tenant-owned though they name a merchant: a token is resolved before anyone's tenant is known. */
const EXEMPT = new Set(['AuthToken']);

describe('the tenant filter covers every tenant-owned entity', () => {
  let orm: MikroORM;
  let metas: EntityMetadata[];

  beforeAll(async () => {
    // Discovery only: no connection is made.
    orm = await MikroORM.init({ ...ormConfig('postgres://nobody@127.0.0.1:1/none'), connect: false });
    // Join tables of many-to-many collections are only read through their owners, which the filter scopes.
    metas = Object.values(orm.getMetadata().getAll()).filter((m) => !m.abstract && !m.embeddable && !m.pivotTable);
  });
  afterAll(() => orm?.close());

  const names = () => new Set(tenantEntityNames);
  /** Names a merchant itself, or belongs to a tenant-owned row through a to-one relation. */
  const ownedByTenant = (m: EntityMetadata): boolean =>
    m.className === 'Merchant' ||
    'merchantId' in m.properties ||
    m.relations.some((p) => (p.kind === ReferenceKind.MANY_TO_ONE || p.kind === ReferenceKind.ONE_TO_ONE) && (p.type === 'Merchant' || names().has(p.type)));

  it('lists each entity that has a merchant, directly or through its owner', () => {
    const missing = metas.filter((m) => ownedByTenant(m) && !names().has(m.className) && !EXEMPT.has(m.className)).map((m) => m.className);
    expect(missing).toEqual([]);
  });

  it('lists only entities that exist, and scopes each by properties it has', () => {
    for (const name of tenantEntityNames) {
      const meta = metas.find((m) => m.className === name);
      expect(meta, name).toBeDefined();
      const cond = tenantFilter.cond({ merchantId: 7 }, 'read', null, undefined, name);
      for (const key of Object.keys(cond)) expect(meta!.properties, `${name}.${key}`).toHaveProperty(key);
      expect(JSON.stringify(cond), name).toContain('7');
    }
  });

  it('adds nothing on an EntityManager no tenant was set on', () => {
    for (const name of tenantEntityNames) expect(tenantFilter.cond(undefined, 'read', null, undefined, name)).toEqual({});
  });
});
