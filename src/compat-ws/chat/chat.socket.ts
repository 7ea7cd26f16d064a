import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { closeWebSockets } from '../../core/http/websocket-drain.js';
import type { Logger } from '../../core/logger.js';
import type { Staff } from '../../entities/staff/staff.entity.js';
import type { Services } from '../../services/index.js';
import { basicCredentials } from '../../core/auth/basic-auth.js';
import { sendBounded } from '../../core/ws/bounded-send.js';
import { MAX_FRAME_BYTES } from '../frames.js';
import { refuseUpgrade, type UpgradeRoute } from '../upgrade.js';
import { ChatHub } from './chat-hub.js';
import { ChatConnection } from './chat.protocol.js';

/** Contact ids an integrator chooses on the keyed `/ws`. */
const CONTACT_ID = /^[\w.:@-]{1,128}$/;
/** The chat page's contacts: a random id the browser makes and keeps, in a namespace `/ws` may not use. */
const PAGE_CONTACT_ID = /^page-[0-9a-f]{32}$/;

/**
 * The staff chat stream: `/ws` authenticated by the staff's keys (HTTP Basic),
 * and `/chat/:serialNo/ws` for the chat page, which knows only the public
 * serial number and so never holds the secret key.
 */
export function chatRoutes(services: Services, log: Logger): { routes: UpgradeRoute[]; close: () => Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const hub = new ChatHub(services, log.child({ component: 'web-chat' }));
  hub.start();
  const contactOf = new WeakMap<IncomingMessage, string>();
  wss.on('headers', (headers, req) => {
    const id = contactOf.get(req);
    // The page's own id is never echoed: only the keyed route tells a client which contact it is.
    if (id && !id.startsWith('page-')) headers.push(`X-Contact-Id: ${id}`);
  });

  /**
   * Keyed `/ws`: `?contact_id=` continues that contact, `?session_id=` resumes the contact of that
   * session, else a new contact. The public page route knows only a serial number, so it may only
   * continue its own unguessable page contact and never resume by session id.
   */
  async function contactFor(req: IncomingMessage, staffId: number, publicPage: boolean): Promise<string | null> {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    const given = q.get('contact_id');
    if (publicPage) {
      if (q.has('session_id')) return null;
      if (given === null) return `page-${randomUUID().replace(/-/g, '')}`;
      return PAGE_CONTACT_ID.test(given) ? given : null;
    }
    if (given !== null) return CONTACT_ID.test(given) && !given.startsWith('page-') ? given : null;
    const sessionId = q.get('session_id');
    if (sessionId !== null) {
      if (!/^\d{1,9}$/.test(sessionId)) return null;
      return services.intake.contactOfSession(staffId, Number(sessionId));
    }
    return `web-${randomUUID()}`;
  }

  // Outside the upgrade's scope, so a connection's closures keep what they name, not the request or the staff.
  function attach(ws: WebSocket, staffId: number, contactId: string, publicPage: boolean, resumeAfter: number | null): void {
    const transport = {
      send: (frame: string) => sendBounded(ws, frame, services.config.wsMaxBufferedBytes),
      close: (code: number, reason: string) => ws.close(code, reason),
      media: publicPage ? ('json' as const) : ('url' as const),
      rich: publicPage,
      resumeAfter,
    };
    const conn = new ChatConnection(services, hub, staffId, contactId, transport, log.child({ component: 'web-chat', staffId }));
    ws.on('message', (data, isBinary) => void conn.handle(isBinary ? '' : data.toString()));
    ws.on('close', () => conn.close());
    ws.on('error', () => conn.close());
    void conn.start().catch((err) => log.warn({ err }, 'web chat resume failed'));
    if (publicPage) void conn.showWaiting().catch((err) => log.warn({ err }, 'chat page queue place failed'));
  }

  function open(req: IncomingMessage, socket: Parameters<UpgradeRoute['handle']>[1], head: Buffer, staff: Staff, publicPage: boolean): void {
    // A client that resumes gives the id of the last message it has (docs/protocols.md, "Resuming").
    const after = new URL(req.url ?? '/', 'http://x').searchParams.get('after_msg_id');
    if (after !== null && !/^\d{1,15}$/.test(after)) return refuseUpgrade(socket, 400, 'Bad Request', JSON.stringify({ code: 1003, message: 'after_msg_id must be a message id (0 or more)' }));
    void contactFor(req, staff.id, publicPage).then((contactId) => {
      if (!contactId) return refuseUpgrade(socket, 400, 'Bad Request', JSON.stringify({ code: 1003, message: 'contact_id or session_id is not valid for this staff' }));
      contactOf.set(req, contactId);
      const staffId = staff.id;
      wss.handleUpgrade(req, socket, head, (ws: WebSocket) => attach(ws, staffId, contactId, publicPage, after === null ? null : Number(after)));
    }, (err) => refuseAfterError(socket, err));
  }

  function refuseAfterError(socket: Parameters<UpgradeRoute['handle']>[1], err: unknown): void {
    log.error({ err }, 'web chat upgrade failed');
    refuseUpgrade(socket, 500, 'Internal Server Error', JSON.stringify({ code: 500, message: 'Internal server error' }));
  }

  const routes: UpgradeRoute[] = [
    {
      path: '/ws',
      handle: (req, socket, head) => {
        const creds = basicCredentials(req.headers.authorization);
        if (!creds) return refuseUpgrade(socket, 401, 'Unauthorized', JSON.stringify({ code: 1001, message: "Send the staff's api_key and secret_key as HTTP Basic credentials" }));
        void services.intake.staffByKeys(creds[0], creds[1]).then((staff) => {
          if (!staff) return refuseUpgrade(socket, 401, 'Unauthorized', JSON.stringify({ code: 1001, message: 'Wrong api_key or secret_key' }));
          open(req, socket, head, staff, false);
        }, (err) => refuseAfterError(socket, err));
      },
    },
    {
      path: '/chat/:serialNo/ws',
      handle: (req, socket, head, params) => {
        void services.intake
          .staffBySerial(params.serialNo ?? '')
          .then((staff) => {
            if (!staff) return refuseUpgrade(socket, 404, 'Not Found', JSON.stringify({ code: 1006, message: 'No such staff' }));
            open(req, socket, head, staff, true);
          }, (err) => refuseAfterError(socket, err));
      },
    },
  ];
  return {
    routes,
    close: async () => {
      await closeWebSockets(wss);
      hub.stop();
    },
  };
}
