import { Admin } from './admin/admin.entity.js';
import { Agent } from './agent/agent.entity.js';
import { AuthToken } from './auth/auth-token.entity.js';
import { VerificationCode } from './auth/verification-code.entity.js';
import { KnowledgeChunk } from './knowledge/chunk.entity.js';
import { KnowledgeDocument } from './knowledge/document.entity.js';
import { StoredFile } from './knowledge/stored-file.entity.js';
import { KnowledgeTerm } from './knowledge/term.entity.js';
import { Channel } from './channel/channel.entity.js';
import { OutboundDelivery } from './channel/outbound-delivery.entity.js';
import { Contact } from './contact/contact.entity.js';
import { AppInstance } from './maintenance/app-instance.entity.js';
import { Merchant } from './merchant/merchant.entity.js';
import { Product } from './product/product.entity.js';
import { Message } from './session/message.entity.js';
import { Session } from './session/session.entity.js';
import { Staff } from './staff/staff.entity.js';
import { Trade } from './trade/trade.entity.js';
import { CannedReply } from './helpdesk/canned-reply.entity.js';
import { Label } from './helpdesk/label.entity.js';
import { SessionNote } from './helpdesk/session-note.entity.js';
import { WebhookDelivery } from './webhook/webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook/webhook-endpoint.entity.js';

/** Every entity, listed explicitly (ESM builds cannot discover them by folder). */
export const entities = [Merchant, Admin, AuthToken, VerificationCode, Staff, Product, Trade, StoredFile, KnowledgeDocument, KnowledgeChunk, KnowledgeTerm, Agent, Contact, Session, Message, AppInstance, Channel, OutboundDelivery, WebhookEndpoint, WebhookDelivery, CannedReply, Label, SessionNote];
