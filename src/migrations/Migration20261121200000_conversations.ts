import { Migration } from '@mikro-orm/migrations';

/** Agents, contacts, sessions and messages; staff handoff settings; the agent token role. */
export class Migration20261121200000_conversations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "agent" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "merchant_id" int not null, "user_name" varchar(64) not null, "password_hash" varchar(255) not null, "name" varchar(64) not null, "avatar_url" varchar(1024) not null default '', "status" smallint not null, "auto_accept" boolean not null default false, "max_sessions" int not null default 5, "is_deleted" boolean not null default false, "last_seen_at" timestamptz null);`);
    this.addSql(`alter table "agent" add constraint "agent_user_name_unique" unique ("user_name");`);
    this.addSql(`create index "agent_merchant_id_is_deleted_index" on "agent" ("merchant_id", "is_deleted");`);
    this.addSql(`create table "contact" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "merchant_id" int not null, "staff_id" int not null, "channel" text check ("channel" in ('web', 'wecom', 'wechat', 'douyin', 'jd')) not null, "external_id" varchar(128) not null, "nickname" varchar(100) not null default '', "avatar_url" varchar(1024) not null default '', "city" varchar(64) not null default '', "province" varchar(64) not null default '', "country" varchar(64) not null default '', "mobile" varchar(32) not null default '', "realname" varchar(64) not null default '', "sex" smallint not null default 0, "last_active_at" timestamptz null);`);
    this.addSql(`alter table "contact" add constraint "contact_staff_id_channel_external_id_unique" unique ("staff_id", "channel", "external_id");`);
    this.addSql(`create table "session" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "merchant_id" int not null, "staff_id" int not null, "contact_id" int not null, "channel" text check ("channel" in ('web', 'wecom', 'wechat', 'douyin', 'jd')) not null, "status" text check ("status" in ('ai', 'pending', 'manual', 'closed')) not null, "agent_id" int null, "message_count" int not null default 0, "last_message" text not null default '', "last_message_at" timestamptz null, "last_seq" int not null default 0, "handoff_reason" varchar(32) null, "queued_at" timestamptz null, "accepted_at" timestamptz null, "closed_at" timestamptz null);`);
    this.addSql(`create index "session_merchant_id_last_message_at_index" on "session" ("merchant_id", "last_message_at");`);
    this.addSql(`create index "session_agent_id_status_index" on "session" ("agent_id", "status");`);
    this.addSql(`create index "session_staff_id_status_queued_at_index" on "session" ("staff_id", "status", "queued_at");`);
    this.addSql(`create table "message" ("id" serial primary key, "session_id" int not null, "merchant_id" int not null, "seq" int not null, "sender_type" text check ("sender_type" in ('contact', 'ai', 'agent', 'system')) not null, "sender_id" varchar(128) not null, "msg_type" text check ("msg_type" in ('text', 'picture', 'video', 'voice', 'file')) not null, "content" text not null, "payload" jsonb null, "channel" text check ("channel" in ('web', 'wecom', 'wechat', 'douyin', 'jd')) not null, "channel_msg_id" varchar(128) null, "client_msg_id" varchar(128) null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "message_merchant_id_created_at_index" on "message" ("merchant_id", "created_at");`);
    this.addSql(`alter table "message" add constraint "message_merchant_id_channel_channel_msg_id_unique" unique ("merchant_id", "channel", "channel_msg_id");`);
    this.addSql(`alter table "message" add constraint "message_session_id_client_msg_id_unique" unique ("session_id", "client_msg_id");`);
    this.addSql(`alter table "message" add constraint "message_session_id_seq_unique" unique ("session_id", "seq");`);
    this.addSql(`create table "agent_staff" ("agent_id" int not null, "staff_id" int not null, constraint "agent_staff_pkey" primary key ("agent_id", "staff_id"));`);
    this.addSql(`alter table "agent" add constraint "agent_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "contact" add constraint "contact_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "contact" add constraint "contact_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "session" add constraint "session_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "session" add constraint "session_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "session" add constraint "session_contact_id_foreign" foreign key ("contact_id") references "contact" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "session" add constraint "session_agent_id_foreign" foreign key ("agent_id") references "agent" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "message" add constraint "message_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agent_staff" add constraint "agent_staff_agent_id_foreign" foreign key ("agent_id") references "agent" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "agent_staff" add constraint "agent_staff_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "auth_token" drop constraint if exists "auth_token_role_check";`);
    this.addSql(`alter table "auth_token" add constraint "auth_token_role_check" check("role" in ('merchant', 'admin', 'agent'));`);
    this.addSql(`alter table "staff" add column "human_first" boolean not null default false, add column "handoff_phrases" jsonb not null default '[]';`);
    // At most one open session per contact: a message after close opens a new one, and two at once cannot both open.
    this.addSql(`create unique index "session_one_open_per_contact" on "session" ("contact_id") where "status" <> 'closed';`);
    this.addSql(`create index "agent_staff_staff_id_index" on "agent_staff" ("staff_id");`);
  }
}
