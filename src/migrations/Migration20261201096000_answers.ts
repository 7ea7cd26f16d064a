import { Migration } from '@mikro-orm/migrations';

/**
 * Each staff's synonym list (groups of words its merchant says mean the same), and: the index tokens changed (Porter stemming, NFKC, traditional Chinese folded to simplified): every indexed
 * document is queued again, and the next start re-indexes it with the new tokenizer (resumeInterrupted).
 * Until then its old chunks keep answering.
 */
export class Migration20261201096000_answers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "staff" add column "synonyms" jsonb not null default '[]';`);
    this.addSql(`update "knowledge_document" set "sync_state" = 'pending' where "sync_state" = 'ready';`);
  }

  override async down(): Promise<void> {
    // Re-indexing needs no undoing.
    this.addSql(`alter table "staff" drop column if exists "synonyms";`);
  }
}
