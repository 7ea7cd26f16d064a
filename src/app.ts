import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type Response } from 'express';
import { compatRestRouter } from './compat-rest/index.js';
import type { AppConfig } from './core/config.js';
import { isDatabaseReady, openDatabase } from './core/db/database.js';
import { createEventBus } from './core/events/event-bus.js';
import { JobQueue } from './core/jobs/job-queue.js';
import { requestContextMiddleware } from './core/http/request-context.js';
import type { Logger } from './core/logger.js';
import { MemoryRateLimiter } from './core/rate-limit.js';
import { createApollo } from './graphql/apollo.server.js';
import { graphiqlPage } from './graphql/graphiql.js';
import { createGraphQLWsServer } from './graphql/graphql-ws.server.js';
import { buildAppSchema } from './graphql/schema.js';
import { createServices, type Services } from './services/index.js';
import { LogMailer, SmtpMailer } from './services/mail/mailer.js';

export interface App {
  /** Base URL the server answers on, e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  orm: MikroORM;
  services: Services;
  close(): Promise<void>;
}

/** Starts the whole product: database, services, and every surface on one port. */
export async function startApp(config: AppConfig, log: Logger): Promise<App> {
  const db = await openDatabase(config, log);
  const { orm } = db;
  let stopJobs = async () => {};
  try {
    const bus = createEventBus();
    const mailer = config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new LogMailer(log);
    const jobs = new JobQueue(db.url, log.child({ component: 'jobs' }));
    const services = createServices(config, log, { bus, jobs, mailer, limiter: new MemoryRateLimiter() });
    if (config.adminUser && config.adminPassword) {
      await services.admins.ensureAdmin(orm.em.fork(), config.adminUser, config.adminPassword);
    }
    await jobs.start();
    stopJobs = () => jobs.stop();
    const schema = await buildAppSchema(services, bus);

    const app = express();
    const httpServer = http.createServer(app);
    app.disable('x-powered-by');
    app.set('trust proxy', false);

    app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
    app.get('/readyz', async (_req, res) => {
      const ready = await isDatabaseReady(orm);
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unavailable' });
    });
    const graphiql = graphiqlPage();
    app.get('/graphiql', (_req, res) => void res.type('html').send(graphiql));

    app.use(requestContextMiddleware(orm, services, log));
    const graphqlWs = createGraphQLWsServer({ schema, orm, services, config, log });
    const apollo = await createApollo({ schema, httpServer, services, config, log, drainWebSockets: graphqlWs.dispose });
    app.use('/graphql', express.json({ limit: '1mb' }), apollo.middleware);
    app.use(compatRestRouter(services, log));
    app.use((req, res) => void res.status(404).json({ code: 404, message: `Not found: ${req.method} ${req.path}` }));
    app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => renderHttpError(err, req, res, log));

    const upgradeRoutes: Record<string, (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void> = {
      '/graphql': (req, socket, head) =>
        graphqlWs.wss.handleUpgrade(req, socket, head, (ws) => graphqlWs.wss.emit('connection', ws, req)),
    };
    httpServer.on('upgrade', (req, socket, head) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const route = upgradeRoutes[path];
      if (route) return route(req, socket, head);
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    });

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const { port } = httpServer.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    return {
      url: `http://${host}:${port}`,
      port,
      orm,
      services,
      close: async () => {
        // Apollo's drain plugin stops the HTTP server and closes the graphql-ws sockets.
        await apollo.stop();
        await stopJobs();
        await db.close();
      },
    };
  } catch (err) {
    await stopJobs();
    await db.close();
    throw err;
  }
}

/** Errors raised before a surface's own handler: malformed bodies, mostly. Never a 5xx for bad input. */
function renderHttpError(err: unknown, req: Request, res: Response, log: Logger): void {
  const e = err as { type?: string; status?: number };
  const tooLarge = e.type === 'entity.too.large';
  const badBody = typeof e.status === 'number' && e.status >= 400 && e.status < 500;
  if (!tooLarge && !badBody) log.error({ err }, 'unhandled HTTP error');
  const status = tooLarge ? 413 : badBody ? 400 : 500;
  const message = tooLarge ? 'Request body is too large' : badBody ? 'Request body is not valid JSON' : 'Internal server error';
  if (req.path.startsWith('/graphql')) {
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT' } }] });
  } else {
    res.status(status).json({ code: status, message });
  }
}
