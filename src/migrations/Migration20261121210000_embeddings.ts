import { Migration } from '@mikro-orm/migrations';

/**
 * Optional vector similarity without pgvector: each chunk's L2-normalised embedding as `real[]` (kept out of line,
 * uncompressed) and its sign bits (`bit varying`, compared by Hamming distance to preselect candidates); the model
 * that embedded a document's chunks; and `knowledge_dot`, the exact similarity of two normalised embeddings.
 */
export class Migration20261121210000_embeddings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "knowledge_chunk" add column "embedding" real[] null, add column "embedding_bits" bit varying null;`);
    this.addSql(`alter table "knowledge_chunk" alter column "embedding" set storage external;`);
    this.addSql(`alter table "knowledge_document" add column "embedding_model" varchar(255) null;`);
    // plpgsql over the expanded arrays measured fastest of the plain-SQL forms (about 0.15 ms for 1,536 dimensions).
    this.addSql(`create or replace function knowledge_dot(a real[], b real[]) returns double precision
      language plpgsql immutable strict parallel safe as $$
      declare
        s double precision := 0;
      begin
        for i in 1 .. least(array_length(a, 1), array_length(b, 1)) loop
          s := s + a[i] * b[i];
        end loop;
        return s;
      end
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists knowledge_dot(real[], real[]);`);
    this.addSql(`alter table "knowledge_document" drop column if exists "embedding_model";`);
    this.addSql(`alter table "knowledge_chunk" drop column if exists "embedding", drop column if exists "embedding_bits";`);
  }
}
