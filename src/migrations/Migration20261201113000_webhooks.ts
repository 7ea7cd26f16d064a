import { Migration } from '@mikro-orm/migrations';

/**
 * Merchant webhooks: endpoints, and the deliveries the outbox queues for them in the
 * transaction of each change. Deliveries of one event share `msg_id` across endpoints,
 * so it is unique per endpoint only.
 */
export class Migration20261201113000_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "webhook_endpoint" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "merchant_id" int not null, "url" varchar(1024) not null, "description" varchar(255) not null default '', "event_types" jsonb not null, "enabled" boolean not null default true, "secret_enc" text not null);`);
    this.addSql(`create index "webhook_endpoint_merchant_id_index" on "webhook_endpoint" ("merchant_id");`);
    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "webhook_delivery" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "state" text check ("state" in ('pending', 'delivered', 'failed')) not null default 'pending', "attempts" int not null default 0, "last_error" text null, "next_attempt_at" timestamptz not null default now(), "delivered_at" timestamptz null, "merchant_id" int not null, "endpoint_id" int not null, "msg_id" varchar(64) not null, "event_type" varchar(64) not null, "payload" jsonb not null, "last_status" int null);`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_msg_id_unique" unique ("endpoint_id", "msg_id");`);
    this.addSql(`create index "webhook_delivery_state_next_attempt_at_index" on "webhook_delivery" ("state", "next_attempt_at");`);
    this.addSql(`create index "webhook_delivery_endpoint_id_created_at_index" on "webhook_delivery" ("endpoint_id", "created_at");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);
  }
}
