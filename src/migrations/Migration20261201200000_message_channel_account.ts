import { Migration } from '@mikro-orm/migrations';

/**
 * A channel message's id is unique on its account, not across a merchant's accounts of one type: two JD shops
 * (or two WeCom apps) may both send a message numbered 1001, and the second must not be taken for a retry
 * of the first. Messages stored before keep a null account and are compared as they were.
 */
export class Migration20261201200000_message_channel_account extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "message" add column "channel_account_id" int null;`);
    this.addSql(`alter table "message" drop constraint "message_merchant_id_channel_channel_msg_id_unique";`);
    this.addSql(`create unique index "message_channel_msg_id_unique" on "message" ("merchant_id", "channel", coalesce("channel_account_id", 0), "channel_msg_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "message_channel_msg_id_unique";`);
    this.addSql(`alter table "message" drop column "channel_account_id";`);
    this.addSql(`alter table "message" add constraint "message_merchant_id_channel_channel_msg_id_unique" unique ("merchant_id", "channel", "channel_msg_id");`);
  }
}
