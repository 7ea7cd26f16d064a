import { Migration } from '@mikro-orm/migrations';

/** Trades (issue 5): orders, their provider references and the product snapshot. */
export class Migration20261121194934_trade extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "trade" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "trade_no" varchar(32) not null, "merchant_id" int not null, "staff_id" int not null, "product_id" int null, "pay_type" text check ("pay_type" in ('wxpay', 'alipay', 'stripe')) not null, "provider" text check ("provider" in ('sandbox', 'stripe', 'alipay', 'wxpay')) not null, "prod_no" varchar(32) not null, "prod_name" varchar(100) not null, "prod_price_minor" bigint not null, "currency" varchar(3) not null, "period_days" int not null, "pay_amount_minor" bigint not null, "refund_amount_minor" bigint not null default 0, "state" smallint not null default 0, "transaction_id" varchar(128) not null default '', "provider_ref" varchar(255) not null default '', "customer_email" varchar(254) not null, "pay_url" text not null default '', "payer" varchar(255) not null default '', "extra_data" jsonb null, "message" varchar(255) not null default '', "expires_at" timestamptz not null, "paid_at" timestamptz null, "closed_at" timestamptz null, "refunded_at" timestamptz null, "refund_no" varchar(64) not null default '', "credited_days" int not null default 0);`);
    this.addSql(`alter table "trade" add constraint "trade_trade_no_unique" unique ("trade_no");`);
    this.addSql(`alter table "trade" add constraint "trade_state_check" check ("state" between 0 and 5);`);
    this.addSql(`alter table "trade" add constraint "trade_amounts_check" check ("pay_amount_minor" >= 0 and "refund_amount_minor" between 0 and "pay_amount_minor");`);
    this.addSql(`create index "trade_staff_id_index" on "trade" ("staff_id");`);
    this.addSql(`create index "trade_merchant_id_created_at_index" on "trade" ("merchant_id", "created_at");`);

    this.addSql(`alter table "trade" add constraint "trade_merchant_id_foreign" foreign key ("merchant_id") references "merchant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "trade" add constraint "trade_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "trade" add constraint "trade_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "trade" cascade;`);
  }

}
