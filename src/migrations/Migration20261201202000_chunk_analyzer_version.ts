import { Migration } from '@mikro-orm/migrations';

/**
 * The analyzer version that made a chunk's search tokens (text-segmenter.ts ANALYZER_VERSION). Chunks stored
 * before are version 1; at start they are re-tokenized by the current analyzer (chunk-reanalysis.ts).
 */
export class Migration20261201202000_chunk_analyzer_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "knowledge_chunk" add column "analyzer_version" int not null default 1;`);
    this.addSql(`create index "knowledge_chunk_analyzer_version_index" on "knowledge_chunk" ("analyzer_version");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "knowledge_chunk" drop column "analyzer_version";`);
  }
}
