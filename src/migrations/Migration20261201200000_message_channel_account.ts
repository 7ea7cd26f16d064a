import { Migration } from '@mikro-orm/migrations';

/**
 * A channel message's id is unique on its account, not across a merchant's accounts of one type: two JD shops
 * (or two WeCom apps) may both send a message numbered 1001, and the second must not be taken for a retry
 * of the first. Rows stored before have no account; the intake still takes a repeat of one of their ids for
 * a retry (conversation-intake.service.ts), so a retry sent across the upgrade is stored once.
 *
 * The index is built inside the migrations' transaction, which holds message inserts until it is built. On a
 * large table build it first, while serving: `create unique index concurrently if not exists
 * "message_channel_msg_id_unique" on "message" ("merchant_id", "channel", "channel_account_id",
 * "channel_msg_id") nulls not distinct where "channel_msg_id" is not null;` (after adding the column), and
 * this migration finds it there. `down` fails once two accounts' messages share an id.
 */
export class Migration20261201200000_message_channel_account extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "message" add column if not exists "channel_account_id" int null;`);
    this.addSql(
      `create unique index if not exists "message_channel_msg_id_unique" on "message" ("merchant_id", "channel", "channel_account_id", "channel_msg_id") nulls not distinct where "channel_msg_id" is not null;`,
    );
    this.addSql(`alter table "message" drop constraint "message_merchant_id_channel_channel_msg_id_unique";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "message_channel_msg_id_unique";`);
    this.addSql(`alter table "message" drop column "channel_account_id";`);
    this.addSql(`alter table "message" add constraint "message_merchant_id_channel_channel_msg_id_unique" unique ("merchant_id", "channel", "channel_msg_id");`);
  }
}
