import { Migration } from '@mikro-orm/migrations';

/** The secret a rotation replaced, kept for a day so requests carry both signatures while receivers switch. */
export class Migration20261201201000_webhook_secret_rotation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "webhook_endpoint" add column "previous_secret_enc" text null, add column "previous_secret_until" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_endpoint" drop column "previous_secret_enc", drop column "previous_secret_until";`);
  }
}
