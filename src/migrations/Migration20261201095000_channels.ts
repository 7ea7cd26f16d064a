import { Migration } from '@mikro-orm/migrations';

/**
 * Channels (WeCom and the generic gateways), the outbox of replies to them, and the
 * gateway callbacks' nonces. Callbacks route by account id (gateways) or by corp id and
 * agent id (WeCom), so those are unique across the platform; replies find the channel by
 * staff and type, so a staff has at most one channel of each type.
 */
export class Migration20261201095000_channels extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "channel" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "merchant_id" int not null, "staff_id" int not null, "channel_type" text check ("channel_type" in ('web', 'wecom', 'wechat', 'douyin', 'jd')) not null, "account_id" varchar(128) not null, "secret_enc" text null, "outbound_url" varchar(1024) not null default '', "token_enc" text null, "encoding_aes_key_enc" text null, "corp_id" varchar(64) null, "agent_id" varchar(32) null, "app_secret_enc" text null);`);
    this.addSql(`create index "channel_merchant_id_staff_id_index" on "channel" ("merchant_id", "staff_id");`);
    this.addSql(`alter table "channel" add constraint "channel_channel_type_account_id_unique" unique ("channel_type", "account_id");`);
    this.addSql(`alter table "channel" add constraint "channel_staff_id_channel_type_unique" unique ("staff_id", "channel_type");`);
    this.addSql(`create unique index "channel_wecom_corp_agent_unique" on "channel" ("corp_id", "agent_id") where "channel_type" = 'wecom';`);
    this.addSql(`alter table "channel" add constraint "channel_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "channel" add constraint "channel_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "outbound_delivery" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "merchant_id" int not null, "session_id" int not null, "message_id" int null, "msg_id" varchar(64) not null, "reply_to" varchar(128) null, "body" jsonb not null, "state" text check ("state" in ('pending', 'delivered', 'failed')) not null, "attempts" int not null default 0, "last_error" text null, "next_attempt_at" timestamptz not null default now(), "delivered_at" timestamptz null);`);
    this.addSql(`alter table "outbound_delivery" add constraint "outbound_delivery_msg_id_unique" unique ("msg_id");`);
    this.addSql(`create index "outbound_delivery_state_next_attempt_at_index" on "outbound_delivery" ("state", "next_attempt_at");`);
    this.addSql(`create index "outbound_delivery_session_id_state_index" on "outbound_delivery" ("session_id", "state");`);
    this.addSql(`create index "outbound_delivery_message_id_index" on "outbound_delivery" ("message_id");`);
    this.addSql(`alter table "outbound_delivery" add constraint "outbound_delivery_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "outbound_delivery" add constraint "outbound_delivery_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "outbound_delivery" add constraint "outbound_delivery_message_id_foreign" foreign key ("message_id") references "message" ("id") on update cascade on delete cascade;`);

    // Shared by every instance: a nonce seen by one is refused by all until it expires.
    this.addSql(`create table "channel_nonce" ("channel_id" int not null, "nonce" varchar(128) not null, "expires_at" timestamptz not null, constraint "channel_nonce_pkey" primary key ("channel_id", "nonce"));`);
    this.addSql(`create index "channel_nonce_expires_at_index" on "channel_nonce" ("expires_at");`);
    this.addSql(`alter table "channel_nonce" add constraint "channel_nonce_channel_id_foreign" foreign key ("channel_id") references "channel" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "channel_nonce" cascade;`);
    this.addSql(`drop table if exists "outbound_delivery" cascade;`);
    this.addSql(`drop table if exists "channel" cascade;`);
  }
}
