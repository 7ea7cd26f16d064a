import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One trace id per conversation: `conv-<session id>`, derived, so it needs no storage and every instance
 * names a conversation alike. Log lines written while a conversation is being worked on carry it as
 * `traceId` (the logger's mixin reads the current scope), and the journal's lines name it explicitly, so
 * `grep '"traceId":"conv-42"'` follows session 42 from its channel message to the agent's reply.
 */
export const conversationTraceId = (sessionId: number): string => `conv-${sessionId}`;

/** Mutable: a request's scope is opened before the session is known, and the intake names it then. */
export interface TraceScope {
  traceId?: string;
}

const scopes = new AsyncLocalStorage<TraceScope>();

export function runInTraceScope<T>(scope: TraceScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

/** The conversation the current request or task works on, from now on. Outside any scope it does nothing. */
export function traceConversation(sessionId: number): void {
  const scope = scopes.getStore();
  if (scope) scope.traceId = conversationTraceId(sessionId);
}

export function currentTraceId(): string | undefined {
  return scopes.getStore()?.traceId;
}
