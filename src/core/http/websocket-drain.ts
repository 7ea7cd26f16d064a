import type { WebSocketServer } from 'ws';

/** "Going away": a client reconnects elsewhere or later, unlike after 1006 (no close frame at all). */
const SHUTDOWN_CLOSE_CODE = 1001;
const SHUTDOWN_CLOSE_REASON = 'server shutting down';
/** How long a client gets to answer the close frame before its socket is cut. */
const CLOSE_GRACE_MS = 3_000;

/** Closes every socket of `wss` with a 1001 close frame and waits for the handshakes; sockets that do not answer in time are cut. */
export async function closeWebSockets(wss: WebSocketServer, graceMs = CLOSE_GRACE_MS): Promise<void> {
  const sockets = [...wss.clients];
  const closed = sockets.map((ws) => new Promise<void>((resolve) => (ws.readyState === ws.CLOSED ? resolve() : ws.once('close', () => resolve()))));
  for (const ws of sockets) ws.close(SHUTDOWN_CLOSE_CODE, SHUTDOWN_CLOSE_REASON);
  // terminate() ends in a 'close' event too, so the wait below always ends.
  const cut = setTimeout(() => sockets.forEach((ws) => ws.terminate()), graceMs);
  await Promise.all(closed);
  clearTimeout(cut);
}
