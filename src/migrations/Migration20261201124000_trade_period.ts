import { Migration } from '@mikro-orm/migrations';

/**
 * The service period each credited trade bought, so a merchant's bills show from when to when a
 * staff was paid for. Trades paid before this migration keep null: their start is not recorded.
 */
export class Migration20261201124000_trade_period extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "trade" add column "period_start" timestamptz null, add column "period_end" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "trade" drop column "period_start", drop column "period_end";`);
  }
}
