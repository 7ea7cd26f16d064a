import { stringifyDocument, type TypedDocumentNode } from '@urql/core';
import type { Client as WsClient, FormattedExecutionResult } from 'graphql-ws';

export interface ResumableSink<T> {
  next(data: T): void;
  /** GraphQL errors (e.g. RESYNC_REQUIRED) end the subscription; the socket's own drops do not. */
  error(codes: string[], message: string): void;
}

/**
 * A graphql-ws subscription whose variables are read each time it is (re)sent. graphql-ws sends a
 * subscription again by itself after a reconnect; with the variables as a getter, that resend carries
 * the cursor as it is then (`after: <last seq>`, `since: <last eventSeq>`), so the server replays only
 * what was missed (docs/protocols.md, "Resuming").
 */
export function subscribeResumable<T, V extends Record<string, unknown>>(ws: WsClient, document: TypedDocumentNode<T, V>, variables: () => V, sink: ResumableSink<T>): () => void {
  const payload = {
    query: stringifyDocument(document),
    get variables() {
      return variables();
    },
  };
  return ws.subscribe<T>(payload, {
    next(result: FormattedExecutionResult<T>) {
      if (result.errors?.length) {
        const codes = result.errors.map((e) => String(e.extensions?.reason ?? e.extensions?.code ?? ''));
        sink.error(codes, result.errors[0]!.message);
      } else if (result.data) sink.next(result.data);
    },
    error(err) {
      const errors = Array.isArray(err) ? (err as { message: string; extensions?: Record<string, unknown> }[]) : [];
      sink.error(
        errors.map((e) => String(e.extensions?.reason ?? e.extensions?.code ?? '')),
        errors[0]?.message ?? String((err as { reason?: string }).reason ?? err),
      );
    },
    complete() {},
  });
}

export type SocketState = 'connecting' | 'connected' | 'reconnecting';

/** Follows the socket: `reconnecting` from a drop until it is connected again; `onReconnect` after each return. */
export function watchSocket(ws: WsClient, onState: (state: SocketState) => void, onReconnect?: () => void): () => void {
  let wasConnected = false;
  const offConnected = ws.on('connected', () => {
    if (wasConnected) onReconnect?.();
    wasConnected = true;
    onState('connected');
  });
  const offClosed = ws.on('closed', () => onState(wasConnected ? 'reconnecting' : 'connecting'));
  return () => {
    offConnected();
    offClosed();
  };
}
