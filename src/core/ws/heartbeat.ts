import type { WebSocket, WebSocketServer } from 'ws';
import { TimerWheel } from './timer-wheel.js';

/**
 * Pings every socket of `wss` once per `periodMs` and ends one that has not answered the previous
 * ping by then (what graphql-ws's own keep-alive does, with a timer per socket): one timer wheel for
 * the whole server, and per socket only its membership and two shared listeners. Answers a stop.
 */
export function pingSockets(wss: WebSocketServer, periodMs: number): () => void {
  const unanswered = new WeakSet<WebSocket>();
  const wheel = new TimerWheel<WebSocket>(periodMs, (ws) => {
    if (unanswered.has(ws)) return void ws.terminate();
    unanswered.add(ws);
    ws.ping();
  });
  function answered(this: WebSocket): void {
    unanswered.delete(this);
  }
  function gone(this: WebSocket): void {
    wheel.delete(this);
  }
  const join = (ws: WebSocket) => {
    wheel.add(ws);
    ws.on('pong', answered);
    ws.once('close', gone);
  };
  wss.on('connection', join);
  return () => {
    wss.off('connection', join);
    wheel.stop();
  };
}
