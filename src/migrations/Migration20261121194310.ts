import { Migration } from '@mikro-orm/migrations';

export class Migration20261121194310 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "admin" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_name" varchar(64) not null, "password_hash" varchar(255) not null);`);
    this.addSql(`alter table "admin" add constraint "admin_user_name_unique" unique ("user_name");`);

    this.addSql(`create table "auth_token" ("id" serial primary key, "token_hash" varchar(64) not null, "role" text check ("role" in ('merchant', 'admin')) not null, "subject_id" int not null, "merchant_id" int null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "auth_token" add constraint "auth_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "auth_token_role_subject_id_index" on "auth_token" ("role", "subject_id");`);

    this.addSql(`create table "merchant" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_name" varchar(64) not null, "email" varchar(254) not null, "password_hash" varchar(255) not null, "is_frozen" boolean not null default false, "language" varchar(8) not null default 'en');`);
    this.addSql(`alter table "merchant" add constraint "merchant_user_name_unique" unique ("user_name");`);
    this.addSql(`alter table "merchant" add constraint "merchant_email_unique" unique ("email");`);

    this.addSql(`create table "product" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "serial_no" varchar(32) not null, "name" varchar(100) not null, "price_minor" bigint not null, "currency" varchar(3) not null, "state" smallint not null, "language" text check ("language" in ('zh-CN', 'en')) not null, "description" text not null default '', "trial_days" int not null default 0, "expiring_days" int not null, "is_deleted" boolean not null default false, "create_user" varchar(64) not null, "edit_user" varchar(64) not null default '');`);
    this.addSql(`alter table "product" add constraint "product_serial_no_unique" unique ("serial_no");`);
    this.addSql(`create index "product_is_deleted_state_index" on "product" ("is_deleted", "state");`);

    this.addSql(`create table "staff" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "merchant_id" int not null, "serial_no" varchar(32) not null, "api_key" varchar(64) not null, "secret_key" varchar(96) not null, "name" varchar(100) not null, "org_name" varchar(100) not null, "tone" text check ("tone" in ('friendly and sincere', 'professional and cautious', 'clear and direct')) not null, "output_length" text check ("output_length" in ('detailed', 'normal-length', 'concise')) not null, "language_mode" text check ("language_mode" in ('written', 'spoken')) not null, "language_response" text check ("language_response" in ('Chinese', 'English')) not null, "description" text not null default '', "greetings" text not null default '', "avatar_url" varchar(1024) not null default '', "repo_name" varchar(100) not null default '', "repo_descr" text not null default '', "trial_time" timestamptz null, "expiring_time" timestamptz null, "edit_user" varchar(64) not null default '', "is_frozen" boolean not null default false, "is_deleted" boolean not null default false, "deleted_at" timestamptz null);`);
    this.addSql(`alter table "staff" add constraint "staff_serial_no_unique" unique ("serial_no");`);
    this.addSql(`alter table "staff" add constraint "staff_api_key_unique" unique ("api_key");`);
    this.addSql(`create index "staff_merchant_id_is_deleted_index" on "staff" ("merchant_id", "is_deleted");`);

    this.addSql(`create table "verification_code" ("id" serial primary key, "email" varchar(254) not null, "purpose" text check ("purpose" in ('register', 'reset_password')) not null, "code_hash" varchar(64) not null, "expires_at" timestamptz not null, "attempts" int not null default 0, "consumed_at" timestamptz null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "verification_code_email_created_at_index" on "verification_code" ("email", "created_at");`);

    this.addSql(`alter table "staff" add constraint "staff_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);
  }

}
