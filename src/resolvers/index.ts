import type { NonEmptyArray } from 'type-graphql';
import { AccountResolver } from './account/account.resolver.js';
import { ViewerFieldsResolver } from './account/viewer.resolver.js';
import { KnowledgeResolver, UploadedFileResolver } from './knowledge/knowledge.resolver.js';
import { AgentResolver } from './agent/agent.resolver.js';
import { ProductResolver } from './product/product.resolver.js';
import { PublicStaffDerivedFieldsResolver, StaffDerivedFieldsResolver, StaffResolver } from './staff/staff.resolver.js';
import { TradeResolver } from './trade/trade.resolver.js';
import { MessageFieldsResolver } from './session/message.resolver.js';
import { SessionResolver } from './session/session.resolver.js';
import { SessionMediaResolver } from './session/session-media.resolver.js';
import { ChannelResolver, MessageDeliveryResolver } from './channel/channel.resolver.js';
import { CannedReplyResolver } from './helpdesk/canned-reply.resolver.js';
import { LabelResolver } from './helpdesk/label.resolver.js';
import { ReportResolver } from './helpdesk/report.resolver.js';
import { ContactHelpdeskResolver, SessionHelpdeskResolver } from './helpdesk/session-helpdesk.resolver.js';
import { WebhookResolver } from './webhook/webhook.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  AccountResolver,
  ViewerFieldsResolver,
  StaffResolver,
  StaffDerivedFieldsResolver,
  PublicStaffDerivedFieldsResolver,
  ProductResolver,
  TradeResolver,
  KnowledgeResolver,
  UploadedFileResolver,
  AgentResolver,
  SessionResolver,
  SessionMediaResolver,
  MessageFieldsResolver,
  ChannelResolver,
  MessageDeliveryResolver,
  CannedReplyResolver,
  LabelResolver,
  SessionHelpdeskResolver,
  ContactHelpdeskResolver,
  ReportResolver,
  WebhookResolver,
];
