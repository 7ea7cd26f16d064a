import { Migration } from '@mikro-orm/migrations';

/**
 * The index tokens changed (Porter stemming, NFKC, traditional Chinese folded to simplified): every indexed
 * document is queued again, and the next start re-indexes it with the new tokenizer (resumeInterrupted).
 * Until then its old chunks keep answering.
 */
export class Migration20261201096000_reindex_tokens extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "knowledge_document" set "sync_state" = 'pending' where "sync_state" = 'ready';`);
  }

  override async down(): Promise<void> {
    // Nothing to undo: re-indexing is idempotent.
  }
}
