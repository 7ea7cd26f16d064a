import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, type AdminActor, type AgentActor, type MerchantActor } from './auth/actor.js';
import { scopeToTenant, unscopedFork } from './db/tenancy.js';
import { forbidden, unauthenticated } from './errors.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { Logger } from './logger.js';

/**
 * One per HTTP request, graphql-ws operation or legacy WebSocket message:
 * a forked EntityManager, the actor, and DataLoaders that live as long as it does.
 * A merchant's or agent's EntityManager is scoped to its merchant by the tenant filter
 * (src/core/db/tenancy.ts): its ORM queries see no other tenant's rows, with or without a condition.
 */
export class RequestContext {
  private made: Loaders | null = null;
  private forked: EntityManager | null;
  private unscoped: EntityManager | null = null;
  private readonly fork: () => EntityManager;

  /** `em` may be a fork to make on first use: an idle subscription's context then holds none (about 4 KB each). */
  constructor(
    em: EntityManager | (() => EntityManager),
    readonly actor: Actor,
    readonly log: Logger,
    readonly meta: { requestId: string; ip: string },
  ) {
    this.forked = typeof em === 'function' ? null : em;
    this.fork = typeof em === 'function' ? em : () => em;
  }

  get em(): EntityManager {
    return (this.forked ??= this.scoped(this.fork()));
  }

  /**
   * Sees every tenant whatever token came with the call: only for what is no tenant's own (signing in,
   * registering, a public staff page or file, a staff's console keys). Code using it scopes its queries itself.
   */
  get crossTenantEm(): EntityManager {
    if (this.actor.kind !== 'merchant' && this.actor.kind !== 'agent') return this.em;
    return (this.unscoped ??= unscopedFork(this.em));
  }

  /** Made on first use: most requests and idle subscriptions never batch a load. */
  get loaders(): Loaders {
    return (this.made ??= createLoaders(this.em, this.actor));
  }

  /**
   * A subscription's context lives as long as the subscription: each event is resolved with a
   * cleared identity map and fresh loaders, so it shows the data as it is now, and memory stays flat.
   */
  refreshForEvent(): this {
    this.forked?.clear();
    this.unscoped?.clear();
    this.made = null;
    return this;
  }

  requireMerchant(): MerchantActor {
    if (this.actor.kind === 'merchant') return this.actor;
    if (this.actor.kind === 'anonymous') throw unauthenticated(this.unauthenticatedMessage());
    throw forbidden('Access denied: this operation is for merchants');
  }

  requireAdmin(): AdminActor {
    if (this.actor.kind === 'admin') return this.actor;
    if (this.actor.kind === 'anonymous') throw unauthenticated(this.unauthenticatedMessage());
    throw forbidden('Access denied: this operation is for the platform admin');
  }

  requireAgent(): AgentActor {
    if (this.actor.kind === 'agent') return this.actor;
    if (this.actor.kind === 'anonymous') throw unauthenticated(this.unauthenticatedMessage());
    throw forbidden('Access denied: this operation is for agents');
  }

  /** A merchant or one of its agents: the tenant either acts for. */
  requireTenant(): MerchantActor | AgentActor {
    if (this.actor.kind === 'merchant' || this.actor.kind === 'agent') return this.actor;
    if (this.actor.kind === 'anonymous') throw unauthenticated(this.unauthenticatedMessage());
    throw forbidden('Access denied: this operation is for merchants and their agents');
  }

  requireAuthenticated(): Exclude<Actor, { kind: 'anonymous' }> {
    if (this.actor.kind === 'anonymous') throw unauthenticated(this.unauthenticatedMessage());
    return this.actor;
  }

  private scoped(em: EntityManager): EntityManager {
    return this.actor.kind === 'merchant' || this.actor.kind === 'agent' ? scopeToTenant(em, this.actor.merchantId) : em;
  }

  private unauthenticatedMessage(): string {
    return this.actor.kind === 'anonymous' && this.actor.tokenRejected
      ? 'Invalid or expired token'
      : 'Authentication required: send a token in Auth-Token or Authorization: Bearer';
  }
}
