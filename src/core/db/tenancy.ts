import { Utils, type Dictionary, type EntityName } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Agent } from '../../entities/agent/agent.entity.js';
import { Channel } from '../../entities/channel/channel.entity.js';
import { OutboundDelivery } from '../../entities/channel/outbound-delivery.entity.js';
import { Contact } from '../../entities/contact/contact.entity.js';
import { CannedReply } from '../../entities/helpdesk/canned-reply.entity.js';
import { Label } from '../../entities/helpdesk/label.entity.js';
import { SessionNote } from '../../entities/helpdesk/session-note.entity.js';
import { KnowledgeChunk } from '../../entities/knowledge/chunk.entity.js';
import { KnowledgeDocument } from '../../entities/knowledge/document.entity.js';
import { StoredFile } from '../../entities/knowledge/stored-file.entity.js';
import { KnowledgeTerm } from '../../entities/knowledge/term.entity.js';
import { Merchant } from '../../entities/merchant/merchant.entity.js';
import { Message } from '../../entities/session/message.entity.js';
import { Session } from '../../entities/session/session.entity.js';
import { Staff } from '../../entities/staff/staff.entity.js';
import { Trade } from '../../entities/trade/trade.entity.js';
import { WebhookDelivery } from '../../entities/webhook/webhook-delivery.entity.js';
import { WebhookEndpoint } from '../../entities/webhook/webhook-endpoint.entity.js';

/** The ORM filter that scopes every query of a tenant's EntityManager to its merchant (docs/architecture.md, "Tenancy"). */
export const TENANT_FILTER = 'tenant';

export interface TenantScope {
  merchantId: number;
}

const byRelation = (merchantId: number) => ({ merchant: merchantId });
const byColumn = (merchantId: number) => ({ merchantId });

/** Every tenant-owned entity and how its rows name their merchant; test/unit/tenancy.test.ts checks none is missing. */
const ownerConditions = new Map<string, (merchantId: number) => Dictionary>([
  [Merchant.name, (merchantId) => ({ id: merchantId })],
  [Staff.name, byRelation],
  [Agent.name, byRelation],
  [Contact.name, byRelation],
  [Session.name, byRelation],
  [Trade.name, byRelation],
  [Channel.name, byRelation],
  [OutboundDelivery.name, byRelation],
  [WebhookEndpoint.name, byRelation],
  [WebhookDelivery.name, byRelation],
  [StoredFile.name, byRelation],
  [KnowledgeDocument.name, byRelation],
  [CannedReply.name, byRelation],
  [Label.name, byRelation],
  [Message.name, byColumn],
  [SessionNote.name, byColumn],
  // No merchant column of their own: owned through their staff.
  [KnowledgeChunk.name, (merchantId) => ({ staff: { merchant: merchantId } })],
  [KnowledgeTerm.name, (merchantId) => ({ staff: { merchant: merchantId } })],
]);

export const tenantEntityNames: readonly string[] = [...ownerConditions.keys()];

/**
 * Always on; without parameters (an EntityManager no tenant was set on) it adds nothing, so the
 * unscoped forks below stay explicit. Raw SQL, knex and query builders are not filtered.
 */
export const tenantFilter = {
  entity: [...tenantEntityNames],
  default: true,
  args: false,
  cond: (args: Dictionary | undefined, _type: unknown, _em: unknown, _options: unknown, entityName?: EntityName<unknown>): Dictionary => {
    const scope = args as TenantScope | undefined;
    if (scope?.merchantId === undefined) return {};
    return ownerConditions.get(Utils.className(entityName!))!(scope.merchantId);
  },
};

/**
 * Scopes `em` (and every fork and transaction made from it afterwards) to one merchant. Its identity map
 * is emptied first: a primary-key lookup answers from it without a query, so a row loaded before the
 * scope (a request's token lookup) would otherwise escape the filter. Call it before any pending change.
 */
export function scopeToTenant<T extends EntityManager>(em: T, merchantId: number): T {
  // Already this merchant's (an agent's context handed on as its merchant's): nothing loaded escaped it.
  if ((em.getFilterParams(TENANT_FILTER) as TenantScope | undefined)?.merchantId === merchantId) return em;
  em.clear();
  em.setFilterParams(TENANT_FILTER, { merchantId } satisfies TenantScope);
  return em;
}

/** A fork of `em` that sees every tenant, with an identity map of its own. */
export function unscopedFork(em: EntityManager): EntityManager {
  const fork = em.fork();
  fork.setFilterParams(TENANT_FILTER, {});
  return fork;
}

/** A fresh EntityManager that sees only `merchantId`'s rows: for workers that act for one merchant. */
export function tenantEm(orm: MikroORM, merchantId: number): EntityManager {
  return scopeToTenant(orm.em.fork(), merchantId);
}

/**
 * A fresh EntityManager that sees every tenant: only for work that is no one tenant's (the platform
 * admin, sweeps and delivery workers, resolving a merchant from a channel key, a staff key or a token).
 * Such code must scope its queries itself.
 */
export function crossTenantEm(orm: MikroORM): EntityManager {
  return orm.em.fork();
}
