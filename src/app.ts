import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type NextFunction, type Request, type Response } from 'express';
import graphqlUploadExpress from 'graphql-upload/graphqlUploadExpress.mjs';
import { compatRestRouter } from './compat-rest/index.js';
import { sessionRestRouter } from './compat-rest/session/session.routes.js';
import { agentConsoleHttpRouter } from './compat-rest/agent-console/agent-console.routes.js';
import { MemoryConsoleRegistry } from './compat-ws/agents/console-registry.js';
import { RedisConsoleRegistry } from './compat-ws/agents/redis-console-registry.js';
import { legacyWebSockets } from './compat-ws/index.js';
import { matchPath, refuseUpgrade, type UpgradeRoute } from './compat-ws/upgrade.js';
import { fileAssetsRouter } from './compat-rest/knowledge/file-assets.routes.js';
import { paymentRouter } from './http/payment/payment.routes.js';
import { audioAssetsRouter } from './http/audio/audio-assets.routes.js';
import { chatPageRouter } from './http/chat-page/chat-page.routes.js';
import { webAppRouter } from './http/web-app/web-app.routes.js';
import { chatUploadRouter } from './http/chat-page/chat-upload.routes.js';
import { widgetRouter } from './http/chat-page/widget.routes.js';
import { channelCallbackRouter } from './http/channel/channel-callback.routes.js';
import { reportRouter } from './http/report/report.routes.js';
import { apiDocsRouter } from './http/openapi/api-docs.routes.js';
import { restOperations } from './http/openapi/operations.js';
import { mountedRoutes } from './http/openapi/mounted-routes.js';
import { serviceOperations, serviceRouter } from './http/service/service.routes.js';
import type { AppConfig } from './core/config.js';
import { openDatabase } from './core/db/database.js';
import { createLocalEventBus } from './core/events/event-bus.js';
import { EventLog } from './core/events/event-log.js';
import { OrderedDelivery } from './core/events/ordered-delivery.js';
import { containsNul } from './core/nul-guard.js';
import { createRedisEventBus } from './core/events/redis-event-bus.js';
import { JobQueue } from './core/jobs/job-queue.js';
import { checkReadiness } from './core/http/readiness.js';
import { requestContextMiddleware } from './core/http/request-context.js';
import { httpMetricsMiddleware } from './core/http/http-metrics.js';
import { addMetricSources, openSockets } from './core/metrics/metrics.js';
import { metricsRouter } from './http/metrics/metrics.routes.js';
import { MetricSourcesService } from './services/observability/metric-sources.service.js';
import type { Logger } from './core/logger.js';
import { memoryRateLimiter, redisRateLimiter } from './core/rate-limit.js';
import { openRedis, type RedisConnection } from './core/redis/redis-connection.js';
import { createApollo } from './graphql/apollo.server.js';
import { graphiqlPage } from './graphql/graphiql.js';
import { createGraphQLWsServer } from './graphql/graphql-ws.server.js';
import { buildAppSchema } from './graphql/schema.js';
import { createServices, type Services } from './services/index.js';
import { LogMailer, SmtpMailer } from './services/mail/mailer.js';
import { crossTenantEm } from './core/db/tenancy.js';

export interface App {
  /** Base URL the server answers on, e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  /** Where the agent-console protocol also listens (AGENT_WS_PORT), or null. */
  agentWsPort: number | null;
  /** Where /metrics listens when METRICS_PORT is set, or null (then it is on `port`, with METRICS_TOKEN). */
  metricsPort: number | null;
  orm: MikroORM;
  services: Services;
  /** `method path` of every HTTP route mounted (src/http/openapi/mounted-routes.ts). */
  routes(): string[];
  close(): Promise<void>;
}

/** Starts the whole product: database, services, and every surface on one port. */
export async function startApp(config: AppConfig, log: Logger): Promise<App> {
  const db = await openDatabase(config, log);
  const { orm } = db;
  let stopJobs = async () => {};
  let stopSweep = async () => {};
  let stopIndexing = async () => {};
  let stopDeliveries = async () => {};
  let closeSockets = async () => {};
  let closeMetrics = async () => {};
  let stopEventDelivery = () => {};
  let redis: RedisConnection | null = null;
  // Set when close() begins: /readyz answers 503 and new WebSocket upgrades are refused from then on.
  let draining = false;
  try {
    // With REDIS_URL, events, console logins and rate limits are shared with the other instances.
    redis = config.redisUrl ? await openRedis(config.redisUrl, config.redisPrefix, log.child({ component: 'redis' }), config.redisCommandTimeoutMs) : null;
    const eventLog = new EventLog(orm);
    const delivery = new OrderedDelivery(eventLog, log.child({ component: 'event-delivery' }), config.eventCatchupIntervalMs);
    stopEventDelivery = () => delivery.stop();
    const bus = redis ? await createRedisEventBus(redis, log.child({ component: 'events' }), delivery) : await createLocalEventBus(delivery);
    const mailer = config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom, config.smtpTimeoutMs) : new LogMailer(log);
    const jobs = new JobQueue(db.url, log.child({ component: 'jobs' }));
    const services = createServices(config, log, { bus, eventLog, jobs, mailer, limiter: redis ? redisRateLimiter(redis, log) : memoryRateLimiter(), orm });
    stopIndexing = () => services.documents.close();
    if (config.adminUser && config.adminPassword) {
      await services.admins.ensureAdmin(crossTenantEm(orm), config.adminUser, config.adminPassword);
    }
    await jobs.start();
    stopJobs = () => jobs.stop();
    await services.reanalysis.queueIfStale();
    await services.sweep.start();
    stopSweep = () => services.sweep.stop();
    // Replies queued before a stop or crash are sent from where they were left.
    services.deliveries.start();
    stopDeliveries = async () => {
      await services.channelCallbacks.settle();
      await services.channelInbound.settle();
      await services.deliveries.stop();
    };
    // Documents a stopped or crashed process left half-synced are queued again.
    await services.documents.resumeInterrupted();
    const schema = await buildAppSchema(services, bus);

    const app = express();
    const httpServer = http.createServer(app);
    app.disable('x-powered-by');
    // Express's own view (req.ip, req.protocol) follows TRUST_PROXY too, as our client address does.
    app.set('trust proxy', config.trustProxy);
    app.use(httpMetricsMiddleware);
    const removeMetricSources = addMetricSources(new MetricSourcesService(orm, jobs));
    const metricsServer = config.metricsPort !== undefined ? http.createServer(express().disable('x-powered-by').use(metricsRouter(config.metricsToken))) : null;
    closeMetrics = async () => {
      removeMetricSources();
      if (metricsServer?.listening) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
    };
    // On the main port only behind a token: without one, the figures are kept to METRICS_PORT (or not served).
    if (!metricsServer && config.metricsToken) app.use(metricsRouter(config.metricsToken));

    app.use(serviceRouter(() => checkReadiness({ orm, redis, draining: () => draining })));
    app.use(apiDocsRouter(() => restOperations(serviceOperations), config.publicUrl));
    app.get('/graphiql', (_req, res, next) => void graphiqlPage().then((html) => res.type('html').send(html), next));

    app.use(requestContextMiddleware(services));
    const graphqlWs = createGraphQLWsServer({ schema, orm, services, config, log });
    const apollo = await createApollo({ schema, httpServer, services, config, log });
    // Multipart requests (uploadSessionMedia) carry one file; a byte over the limit lets the storage refuse it in our envelope.
    const uploads = graphqlUploadExpress({ maxFiles: 1, maxFileSize: services.files.maxBytes + 1, maxFieldSize: 1024 * 1024 });
    app.use('/graphql', express.json({ limit: '1mb' }), refuseNulBodies, uploads, ...apollo.middleware);
    app.use(paymentRouter(services, log));
    app.use(channelCallbackRouter(services, log));
    app.use(reportRouter(services, log));
    app.use(sessionRestRouter(services, log));
    app.use(agentConsoleHttpRouter(services, log));
    app.use(chatUploadRouter(services, log));
    app.use(compatRestRouter(services, log));
    app.use(fileAssetsRouter(services, log));
    app.use(audioAssetsRouter(services, log));
    app.use(widgetRouter(services, log));
    app.use(chatPageRouter(services, log));
    // Last before the 404: the browser app's files never shadow an API route.
    app.use(webAppRouter());
    app.use((req, res) => void res.status(404).json({ code: 404, message: `Not found: ${req.method} ${req.path}` }));
    app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => renderHttpError(err, req, res, log));

    const registry = redis ? new RedisConsoleRegistry(redis, config.agentWsBeatMs * 3, log) : new MemoryConsoleRegistry();
    const stale = await services.agents.reconcilePresence(crossTenantEm(orm), (agentId) => registry.holder(agentId));
    if (stale) log.info({ agents: stale }, 'agents without a console marked offline');
    const legacyWs = legacyWebSockets({ services, registry, config, log });
    closeSockets = legacyWs.close;
    const upgradeRoutes: UpgradeRoute[] = [
      { path: '/graphql', handle: (req, socket, head) => graphqlWs.wss.handleUpgrade(req, socket, head, (ws) => graphqlWs.wss.emit('connection', ws, req)) },
      ...legacyWs.routes,
    ];
    httpServer.on('upgrade', (req, socket, head) => {
      // A malformed upgrade is the client's problem: it gets an HTTP answer, and the process stays up.
      if (draining) return refuseUpgrade(socket, 503, 'Service Unavailable');
      try {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        for (const route of upgradeRoutes) {
          const params = matchPath(route.path, path);
          if (!params) continue;
          openSockets.inc({ surface: route.path });
          socket.once('close', () => openSockets.dec({ surface: route.path }));
          return route.handle(req, socket, head, params);
        }
        refuseUpgrade(socket, 404, 'Not Found');
      } catch (err) {
        log.warn({ err, url: req.url }, 'malformed WebSocket upgrade');
        refuseUpgrade(socket, 400, 'Bad Request');
      }
    });

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const { port } = httpServer.address() as AddressInfo;
    const agentWsPort = await legacyWs.listenAgentPort();
    if (metricsServer) {
      await new Promise<void>((resolve, reject) => {
        metricsServer.once('error', reject);
        metricsServer.listen(config.metricsPort, config.host, () => resolve());
      });
    }
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const shutdown = async () => {
      // Every WebSocket gets its close frame (1001) before Apollo's drain plugin stops the HTTP server,
      // which would otherwise end the upgraded sockets without one (1006 at the client).
      draining = true;
      await Promise.all([graphqlWs.close(), closeSockets(), closeMetrics()]);
      await apollo.stop();
      await stopDeliveries();
      await stopSweep();
      stopEventDelivery();
      await stopJobs();
      await stopIndexing();
      await db.close();
      await redis?.close();
    };
    let closed: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      port,
      agentWsPort,
      metricsPort: metricsServer ? (metricsServer.address() as AddressInfo).port : null,
      orm,
      services,
      routes: () => mountedRoutes(app),
      // A second call (a second signal, a test's cleanup) waits for the same shutdown.
      close: () => (closed ??= shutdown()),
    };
  } catch (err) {
    await closeMetrics();
    await stopSweep();
    stopEventDelivery();
    await stopDeliveries();
    await stopJobs();
    await stopIndexing();
    await db.close();
    await redis?.close();
    throw err;
  }
}

/** GraphQL variables are not seen by validation rules: text PostgreSQL cannot store is refused up front. */
function refuseNulBodies(req: Request, res: Response, next: NextFunction): void {
  if (!containsNul(req.body)) return next();
  res.status(400).json({ errors: [{ message: 'Text must not contain NUL characters', extensions: { code: 'BAD_USER_INPUT' } }] });
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
