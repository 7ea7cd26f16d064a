import { Migration } from '@mikro-orm/migrations';

/**
 * The durable event log of conversations: every session change and message event gets the next number of
 * its merchant (`event_sequence`, incremented in the transaction that commits it, so numbers are dense and
 * in commit order), and is kept in `event_log` for streams that resume or catch up by that number. The log
 * has no foreign key (a check per event on the hot path); a deleted merchant's rows age out with the rest.
 */
export class Migration20261201110000_event_log extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "event_sequence" ("merchant_id" int not null, "last_seq" bigint not null, constraint "event_sequence_pkey" primary key ("merchant_id"));`);
    this.addSql(`alter table "event_sequence" add constraint "event_sequence_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);
    this.addSql(`create table "event_log" ("merchant_id" int not null, "seq" bigint not null, "topic" varchar(32) not null, "payload" jsonb not null, "created_at" timestamptz not null default now(), constraint "event_log_pkey" primary key ("merchant_id", "seq"));`);
    this.addSql(`create index "event_log_created_at_index" on "event_log" ("created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "event_log";`);
    this.addSql(`drop table if exists "event_sequence";`);
  }
}
