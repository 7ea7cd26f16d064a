import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

/**
 * Close code for a client that does not read what it is sent (RFC 6455 1013, "try again later"): its
 * unsent backlog passed WS_MAX_BUFFERED_BYTES. It may reconnect and catch up (e.g. `messages(after:)`).
 */
export const SLOW_CONSUMER_CLOSE = 1013;
const SLOW_CONSUMER_REASON = 'too much unsent data: the client is not reading';

const byteLength = (data: string | Buffer) => (typeof data === 'string' ? Buffer.byteLength(data) : data.length);

/** Closes with 1013 when sending `data` would take the socket's unsent backlog past `maxBuffered` bytes. */
function overBound(ws: WebSocket, data: string | Buffer, maxBuffered: number): boolean {
  if (ws.bufferedAmount + byteLength(data) <= maxBuffered) return false;
  // The close frame queues behind the backlog; ws destroys the socket if the closing handshake never completes.
  ws.close(SLOW_CONSUMER_CLOSE, SLOW_CONSUMER_REASON);
  return true;
}

/**
 * Sends `data` unless that would take the socket's unsent backlog past `maxBuffered` bytes; then the
 * socket is closed with 1013 instead, so a subscriber that stopped reading is cut off, never buffered
 * without limit. Answers whether the frame was sent.
 */
export function sendBounded(ws: WebSocket, data: string | Buffer, maxBuffered: number): boolean {
  if (ws.readyState !== WebSocket.OPEN || overBound(ws, data, maxBuffered)) return false;
  coalesce(ws);
  ws.send(data);
  return true;
}

const corked = new WeakSet<WebSocket>();

/**
 * The frames a socket is sent in one tick (a reply and its `|=EOF=|`) leave in one write: a system call
 * per frame costs more than the frame. `ws` has no public handle on its TCP socket; `_socket` is it.
 */
function coalesce(ws: WebSocket): void {
  const socket = (ws as unknown as { _socket?: Socket })._socket;
  if (!socket || corked.has(ws)) return;
  corked.add(ws);
  socket.cork();
  process.nextTick(() => {
    corked.delete(ws);
    socket.uncork();
  });
}

type SendCallback = (err?: Error) => void;

/**
 * A `ws` socket class whose `send` is bounded as above and never makes its caller wait for the network:
 * graphql-ws awaits each send's callback, which for a client that stopped reading would stall the
 * subscription and pile its events up in memory instead. Pass it as the server's `WebSocket` option.
 */
export function boundedWebSocketClass(maxBuffered: number): typeof WebSocket {
  return class BoundedWebSocket extends WebSocket {
    override send(data: unknown, optionsOrCb?: object | SendCallback, cb?: SendCallback): void {
      const callback = typeof optionsOrCb === 'function' ? (optionsOrCb as SendCallback) : cb;
      const frame = typeof data === 'string' || Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
      if (this.readyState === WebSocket.OPEN && !overBound(this, frame, maxBuffered)) super.send(frame);
      callback?.();
    }
  };
}
