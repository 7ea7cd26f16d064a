import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook secret rotation: the secrets a rotation replaced, each signing beside the new one until its time
 * (a JSON list), and redelivery: when a delivery was last asked for again, which its retries count from.
 */
export class Migration20261201201000_webhook_secret_rotation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "webhook_endpoint" add column "previous_secrets" jsonb not null default '[]';`);
    this.addSql(`alter table "webhook_delivery" add column "redelivered_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_endpoint" drop column "previous_secrets";`);
    this.addSql(`alter table "webhook_delivery" drop column "redelivered_at";`);
  }
}
