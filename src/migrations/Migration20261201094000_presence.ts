import { Migration } from '@mikro-orm/migrations';

/**
 * Running instances with their heartbeat, and the instance whose console made each agent present; partial
 * indexes for the maintenance sweep's look at waiting and held sessions.
 */
export class Migration20261201094000_presence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "app_instance" ("id" varchar(64) not null, "started_at" timestamptz not null default now(), "heartbeat_at" timestamptz not null default now(), constraint "app_instance_pkey" primary key ("id"));`);
    this.addSql(`alter table "agent" add column "presence_instance" varchar(64) null;`);
    this.addSql(`create index "agent_presence_instance_index" on "agent" ("presence_instance") where "presence_instance" is not null;`);
    this.addSql(`create index "session_pending_index" on "session" ("merchant_id", "staff_id") where "status" = 'pending';`);
    this.addSql(`create index "session_manual_index" on "session" ("agent_id", "staff_id") where "status" = 'manual';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "session_manual_index";`);
    this.addSql(`drop index if exists "session_pending_index";`);
    this.addSql(`alter table "agent" drop column if exists "presence_instance";`);
    this.addSql(`drop table if exists "app_instance";`);
  }
}
