import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121194310 } from './Migration20261121194310.js';
import { Migration20261121200000_conversations } from './Migration20261121200000_conversations.js';
import { Migration20261121194934_trade } from './Migration20261121194934_trade.js';
import { Migration20261121195054_knowledge } from './Migration20261121195054_knowledge.js';
import { Migration20261121210000_embeddings } from './Migration20261121210000_embeddings.js';
import { Migration20261201094000_presence } from './Migration20261201094000_presence.js';
import { Migration20261201095000_channels } from './Migration20261201095000_channels.js';
import { Migration20261201096000_answers } from './Migration20261201096000_answers.js';
import { Migration20261201111000_helpdesk_agent } from './Migration20261201111000_helpdesk_agent.js';
import { Migration20261201112000_helpdesk_contact } from './Migration20261201112000_helpdesk_contact.js';
import { Migration20261201113000_webhooks } from './Migration20261201113000_webhooks.js';
import { Migration20261201110000_event_log } from './Migration20261201110000_event_log.js';
import { Migration20261201124000_trade_period } from './Migration20261201124000_trade_period.js';
import { Migration20261201200000_message_channel_account } from './Migration20261201200000_message_channel_account.js';
import { Migration20261201201000_webhook_secret_rotation } from './Migration20261201201000_webhook_secret_rotation.js';
import { Migration20261201202000_chunk_analyzer_version } from './Migration20261201202000_chunk_analyzer_version.js';

/** Migrations in the order they apply; `npm run migration:create` writes a new file, which is then added here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261121194310', class: Migration20261121194310 },
  { name: 'Migration20261121194934_trade', class: Migration20261121194934_trade },
  { name: 'Migration20261121195054_knowledge', class: Migration20261121195054_knowledge },
  { name: 'Migration20261121200000_conversations', class: Migration20261121200000_conversations },
  { name: 'Migration20261121210000_embeddings', class: Migration20261121210000_embeddings },
  { name: 'Migration20261201094000_presence', class: Migration20261201094000_presence },
  { name: 'Migration20261201095000_channels', class: Migration20261201095000_channels },
  { name: 'Migration20261201096000_answers', class: Migration20261201096000_answers },
  { name: 'Migration20261201111000_helpdesk_agent', class: Migration20261201111000_helpdesk_agent },
  { name: 'Migration20261201112000_helpdesk_contact', class: Migration20261201112000_helpdesk_contact },
  { name: 'Migration20261201113000_webhooks', class: Migration20261201113000_webhooks },
  { name: 'Migration20261201110000_event_log', class: Migration20261201110000_event_log },
  { name: 'Migration20261201124000_trade_period', class: Migration20261201124000_trade_period },
  { name: 'Migration20261201200000_message_channel_account', class: Migration20261201200000_message_channel_account },
  { name: 'Migration20261201201000_webhook_secret_rotation', class: Migration20261201201000_webhook_secret_rotation },
  { name: 'Migration20261201202000_chunk_analyzer_version', class: Migration20261201202000_chunk_analyzer_version },
];
