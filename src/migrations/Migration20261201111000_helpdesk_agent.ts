import { Migration } from '@mikro-orm/migrations';

/**
 * The agents' helpdesk: canned replies, labels on sessions and contacts, internal notes, the handoff
 * summary kept on the session, and the CSAT columns the reports read. The CSAT columns are also added by
 * the CSAT work (helpdesk-contact), hence `if not exists` on both sides.
 */
export class Migration20261201111000_helpdesk_agent extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "canned_reply" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "merchant_id" int not null, "staff_id" int null, "title" varchar(100) not null, "shortcut" varchar(32) not null, "content" text not null);`);
    this.addSql(`alter table "canned_reply" add constraint "canned_reply_merchant_id_shortcut_unique" unique ("merchant_id", "shortcut");`);
    this.addSql(`create index "canned_reply_merchant_id_staff_id_index" on "canned_reply" ("merchant_id", "staff_id");`);
    this.addSql(`alter table "canned_reply" add constraint "canned_reply_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "canned_reply" add constraint "canned_reply_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "label" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "merchant_id" int not null, "name" varchar(64) not null, "colour" varchar(7) not null);`);
    this.addSql(`alter table "label" add constraint "label_merchant_id_name_unique" unique ("merchant_id", "name");`);
    this.addSql(`alter table "label" add constraint "label_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "session_label" ("session_id" int not null, "label_id" int not null, constraint "session_label_pkey" primary key ("session_id", "label_id"));`);
    this.addSql(`create index "session_label_label_id_index" on "session_label" ("label_id");`);
    this.addSql(`alter table "session_label" add constraint "session_label_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "session_label" add constraint "session_label_label_id_foreign" foreign key ("label_id") references "label" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "contact_label" ("contact_id" int not null, "label_id" int not null, constraint "contact_label_pkey" primary key ("contact_id", "label_id"));`);
    this.addSql(`create index "contact_label_label_id_index" on "contact_label" ("label_id");`);
    this.addSql(`alter table "contact_label" add constraint "contact_label_contact_id_foreign" foreign key ("contact_id") references "contact" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "contact_label" add constraint "contact_label_label_id_foreign" foreign key ("label_id") references "label" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "session_note" ("id" serial primary key, "session_id" int not null, "merchant_id" int not null, "after_seq" int not null, "author_kind" text check ("author_kind" in ('agent', 'merchant')) not null, "author_id" int not null, "content" text not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "session_note_session_id_after_seq_index" on "session_note" ("session_id", "after_seq");`);
    this.addSql(`alter table "session_note" add constraint "session_note_session_id_foreign" foreign key ("session_id") references "session" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "session" add column "handoff_summary" jsonb null;`);
    this.addSql(`alter table "session" add column if not exists "csat_score" smallint null, add column if not exists "csat_comment" text null;`);
    // The reports read a merchant's sessions by the time they started.
    this.addSql(`create index if not exists "session_merchant_id_created_at_index" on "session" ("merchant_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "session_merchant_id_created_at_index";`);
    this.addSql(`alter table "session" drop column if exists "handoff_summary";`);
    this.addSql(`drop table if exists "session_note" cascade;`);
    this.addSql(`drop table if exists "contact_label" cascade;`);
    this.addSql(`drop table if exists "session_label" cascade;`);
    this.addSql(`drop table if exists "label" cascade;`);
    this.addSql(`drop table if exists "canned_reply" cascade;`);
  }
}
