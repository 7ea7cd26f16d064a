import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../core/config.js';
import type { EventBus } from '../core/events/event-bus.js';
import type { EventLog } from '../core/events/event-log.js';
import type { JobQueue } from '../core/jobs/job-queue.js';
import type { Logger } from '../core/logger.js';
import type { RateLimiter } from '../core/rate-limit.js';
import { LoginThrottle } from '../core/auth/login-throttle.js';
import { AccountService } from './account/account.service.js';
import { AdminService } from './admin/admin.service.js';
import { TokenService } from './auth/token.service.js';
import type { Mailer } from './mail/mailer.js';
import { ProductService } from './product/product.service.js';
import { StaffService } from './staff/staff.service.js';
import { StaffDirectory } from './staff/staff-directory.js';
import { ShortAppends } from './session/open-session-append.js';
import { createKnowledgeServices, type KnowledgeServices } from './knowledge/knowledge.services.js';
import { PaymentProviders } from './payment/payment-providers.js';
import { TradeService } from './trade/trade.service.js';
import { AgentConsoleService } from './agent/agent-console.service.js';
import { AgentService } from './agent/agent.service.js';
import { ContextFactory } from './auth/context-factory.js';
import { AgentAssistService } from './conversation/agent-assist.service.js';
import { ContactHistoryService } from './conversation/contact-history.service.js';
import { ConversationIntake } from './conversation/conversation-intake.service.js';
import { RoutingService } from './session/routing.service.js';
import { EventReplayService } from './session/event-replay.service.js';
import { EventViews } from './session/event-views.js';
import { SessionJournal } from './session/session-journal.js';
import { CsatService } from './session/csat.service.js';
import { QueueStatusService } from './conversation/queue-status.service.js';
import { SessionService } from './session/session.service.js';
import { SessionMediaService } from './session/session-media.service.js';
import { SpeechService, isAudioName } from './speech/speech.service.js';
import { storageAreas } from './storage/storage-areas.js';
import { InstanceService } from './maintenance/instance.service.js';
import { SweepService } from './maintenance/sweep.service.js';
import { ChannelCallbackService } from './channel/channel-callback.service.js';
import { ChannelInboundService } from './channel/channel-inbound.service.js';
import { ChannelService } from './channel/channel.service.js';
import { ChannelDeliveryLane } from './channel/channel-delivery.lane.js';
import { DeliveryWorker } from './delivery/delivery.worker.js';
import { NonceStore } from './channel/nonce-store.js';
import { OutboxService } from './channel/outbox.service.js';
import { SecretBox } from './channel/secret-box.js';
import { WecomApiClient } from './channel/wecom-api.client.js';
import { CannedReplyService } from './helpdesk/canned-reply.service.js';
import { HandoffAssistService } from './helpdesk/handoff-assist.service.js';
import { LabelService } from './helpdesk/label.service.js';
import { NoteService } from './helpdesk/note.service.js';
import { ReportService } from './helpdesk/report.service.js';
import { WebhookDeliveryLane } from './webhook/webhook-delivery.lane.js';
import { WebhookOutbox } from './webhook/webhook-outbox.js';
import { WebhookService } from './webhook/webhook.service.js';

/** The services every surface calls; built once per process. */
export interface Services extends KnowledgeServices {
  config: AppConfig;
  bus: EventBus;
  jobs: JobQueue;
  tokens: TokenService;
  contexts: ContextFactory;
  accounts: AccountService;
  admins: AdminService;
  staff: StaffService;
  products: ProductService;
  trades: TradeService;
  sessions: SessionService;
  /** Pictures and files agents send: stored, then sent by URL. */
  sessionMedia: SessionMediaService;
  routing: RoutingService;
  /** The shared writes of conversations; the channel outbox registers itself on it. */
  journal: SessionJournal;
  staffDirectory: StaffDirectory;
  intake: ConversationIntake;
  /** The contact's rating of a closed conversation. */
  csat: CsatService;
  /** A waiting contact's place in the queue and expected wait (the chat page). */
  queueStatus: QueueStatusService;
  /** What a resuming web-chat contact missed. */
  contactHistory: ContactHistoryService;
  agentAssist: AgentAssistService;
  /** The data of a session or message event, loaded once for every renderer. */
  eventViews: EventViews;
  /** What a stream resuming from a merchant's event number missed (docs/protocols.md, "Resuming"). */
  eventReplay: EventReplayService;
  agents: AgentService;
  agentConsole: AgentConsoleService;
  speech: SpeechService;
  /** This process among the running instances. */
  instance: InstanceService;
  /** Heartbeat and the self-healing sweep (presence, stranded sessions, routing, overdue trades). */
  sweep: SweepService;
  channels: ChannelService;
  outbox: OutboxService;
  channelInbound: ChannelInboundService;
  channelCallbacks: ChannelCallbackService;
  /** Sends the durable outboxes: channel replies and merchant webhooks. */
  deliveries: DeliveryWorker;
  cannedReplies: CannedReplyService;
  labels: LabelService;
  /** Internal notes on sessions: agents' and merchants' only. */
  notes: NoteService;
  /** The handoff summary and the suggested reply. */
  handoffAssist: HandoffAssistService;
  reports: ReportService;
  webhooks: WebhookService;
  /** Queues merchant webhook events inside the transaction of each change. */
  webhookOutbox: WebhookOutbox;
}

export function createServices(config: AppConfig, log: Logger, deps: { bus: EventBus; eventLog: EventLog; jobs: JobQueue; mailer: Mailer; limiter: RateLimiter; orm: MikroORM }): Services {
  const tokens = new TokenService(config.tokenTtlHours, deps.bus);
  const throttle = new LoginThrottle(deps.limiter, { failuresPerIpPerMinute: config.loginFailuresPerIpPerMinute });
  const staff = new StaffService(deps.bus, { trialDays: config.staffTrialDays, warningDays: config.staffExpiryWarningDays });
  const storage = storageAreas(config);
  const webhookOutbox = new WebhookOutbox();
  const knowledge = createKnowledgeServices(config, log, { orm: deps.orm, bus: deps.bus, jobs: deps.jobs, staff, limiter: deps.limiter, storage, webhooks: webhookOutbox });
  const journal = new SessionJournal(deps.bus, deps.eventLog, new ShortAppends(deps.orm), log.child({ component: 'conversation' }));
  const outbox = new OutboxService();
  // Replies and notices on outside channels are queued in the transaction that stores them.
  journal.useOutbox(outbox);
  // Merchants' webhooks hear of conversations the same way, in the same transactions.
  journal.useChangeLog(webhookOutbox);
  const routing = new RoutingService(journal);
  const sessions = new SessionService(journal, routing, config.conversation.csatWindowMinutes);
  const csat = new CsatService(deps.orm, journal, config.conversation.csatWindowMinutes);
  const staffDirectory = new StaffDirectory(deps.orm, deps.bus, log.child({ component: 'staff-directory' }));
  const intake = new ConversationIntake(deps.orm, journal, routing, staff, knowledge.answers, knowledge.files, deps.limiter, config.conversation, log.child({ component: 'intake' }), csat, staffDirectory);
  const instance = new InstanceService(config.instanceTimeoutMs);
  const agents = new AgentService(tokens, sessions, routing, deps.bus, throttle, instance.id);
  const trades = new TradeService(deps.orm, new PaymentProviders(config.payment, config.publicUrl), deps.bus, deps.jobs, log.child({ component: 'trade' }), {
    publicUrl: config.publicUrl,
    timezone: config.timezone,
    timeoutSeconds: config.payment.timeoutSeconds,
    closeRetrySeconds: config.payment.closeRetrySeconds,
  }, webhookOutbox);
  const box = SecretBox.fromConfig(config.channels.secretKey, config.dataDir);
  const channels = new ChannelService(box, config.outboundAllowPrivate);
  const wecom = new WecomApiClient(config.channels.wecomApiBase, config.channels.httpTimeoutMs);
  const nonces = new NonceStore(config.channels.callbackMaxSkewSeconds * 2);
  const channelLog = log.child({ component: 'channels' });
  const channelInbound = new ChannelInboundService(intake, channelLog);
  const outboundPolicy = { timeoutMs: config.channels.httpTimeoutMs, allowPrivate: config.outboundAllowPrivate };
  const webhookLane = new WebhookDeliveryLane(box, outboundPolicy);
  const deliveries = new DeliveryWorker(
    deps.orm,
    config.channels,
    [new ChannelDeliveryLane(outboundPolicy, channels, wecom, nonces, deps.bus), webhookLane],
    log.child({ component: 'deliveries' }),
  );
  return {
    ...knowledge,
    sessions,
    sessionMedia: new SessionMediaService(sessions, knowledge.files),
    routing,
    journal,
    intake,
    staffDirectory,
    csat,
    queueStatus: new QueueStatusService(deps.orm),
    contactHistory: new ContactHistoryService(deps.orm),
    agentAssist: new AgentAssistService(sessions, staff, knowledge.answers),
    eventViews: new EventViews(deps.orm),
    eventReplay: new EventReplayService(deps.eventLog),
    agents,
    agentConsole: new AgentConsoleService(deps.bus, agents, staff),
    channels,
    outbox,
    channelInbound,
    channelCallbacks: new ChannelCallbackService(deps.orm, config.channels, channels, channelInbound, nonces, wecom, knowledge.files, channelLog),
    deliveries,
    webhooks: new WebhookService(box, config.outboundAllowPrivate, deliveries, webhookLane),
    webhookOutbox,
    speech: new SpeechService(config.speech, storage('audio', isAudioName), config.publicUrl, log.child({ component: 'speech' })),
    config,
    bus: deps.bus,
    jobs: deps.jobs,
    tokens,
    contexts: new ContextFactory(deps.orm, tokens, log),
    accounts: new AccountService(tokens, deps.mailer, deps.limiter, log.child({ component: 'account' }), { codeSendsPerIpPerMinute: config.codeSendsPerIpPerMinute, codeChecksPerIpPerMinute: config.codeChecksPerIpPerMinute }, throttle),
    admins: new AdminService(tokens, throttle, log.child({ component: 'admin' }), deps.bus),
    staff,
    products: new ProductService(),
    trades,
    instance,
    cannedReplies: new CannedReplyService(sessions),
    labels: new LabelService(sessions),
    notes: new NoteService(sessions, deps.bus),
    handoffAssist: new HandoffAssistService(sessions, staff, knowledge.answers, deps.limiter, { perMerchant: config.knowledge.askPerCallerPerMinute, perStaff: config.knowledge.askPerStaffPerMinute }, log.child({ component: 'handoff-assist' })),
    reports: new ReportService(config.timezone),
    sweep: new SweepService(deps.orm, instance, { agents, sessions, routing, trades, eventLog: deps.eventLog }, log.child({ component: 'sweep' }), { intervalMs: config.sweepIntervalMs, eventRetentionMs: config.eventRetentionMs }),
  };
}
