import { Migration } from '@mikro-orm/migrations';

/**
 * The contact's side of the helpdesk: a staff's business hours, a session left as an offline message
 * (handed off while the agents were away), and the contact's rating of a closed session. The rating
 * columns are added idempotently: the reports migration adds the same ones.
 */
export class Migration20261201112000_helpdesk_contact extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "staff" add column if not exists "business_hours" jsonb null;`);
    this.addSql(`alter table "session" add column if not exists "offline_message" boolean not null default false;`);
    this.addSql(`alter table "session" add column if not exists "csat_score" smallint null;`);
    this.addSql(`alter table "session" add column if not exists "csat_comment" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "session" drop column if exists "csat_comment";`);
    this.addSql(`alter table "session" drop column if exists "csat_score";`);
    this.addSql(`alter table "session" drop column if exists "offline_message";`);
    this.addSql(`alter table "staff" drop column if exists "business_hours";`);
  }
}
