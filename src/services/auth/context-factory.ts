import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { anonymous } from '../../core/auth/actor.js';
import { RequestContext } from '../../core/context.js';
import type { Logger } from '../../core/logger.js';
import type { TokenService } from './token.service.js';
import { crossTenantEm } from '../../core/db/tenancy.js';

export interface RequestMeta {
  requestId: string;
  ip: string;
}

/**
 * Makes the one context of an HTTP request, graphql-ws operation or legacy socket message: a forked
 * EntityManager and the actor its token names. Transports ask for contexts here and never hold the ORM.
 */
export class ContextFactory {
  constructor(
    private readonly orm: MikroORM,
    private readonly tokens: TokenService,
    private readonly log: Logger,
  ) {}

  async forToken(token: string | undefined, meta: RequestMeta): Promise<RequestContext> {
    // Forked on first use: a remembered token needs no lookup, and an idle subscription no queries.
    let em: EntityManager | undefined;
    const fork = () => (em ??= crossTenantEm(this.orm));
    const actor = await this.tokens.authenticate(fork, token);
    return new RequestContext(fork, actor, this.log.child({ requestId: meta.requestId }), meta);
  }

  /** For work a surface does on no one's token (an agent going offline when its socket closed). */
  internal(what: string): RequestContext {
    return new RequestContext(crossTenantEm(this.orm), anonymous, this.log.child({ internal: what }), { requestId: what, ip: 'internal' });
  }
}
