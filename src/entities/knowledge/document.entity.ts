import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';
import { Merchant } from '../merchant/merchant.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { StoredFile } from './stored-file.entity.js';

/** DESIGN.md's training document states, as the REST surface carries them. */
export enum DocumentSyncState {
  PENDING = 'pending',
  INDEXING = 'indexing',
  READY = 'ready',
  FAILED = 'failed',
}

type Defaulted = 'syncState' | 'syncError' | 'indexedHash' | 'chunkCount' | 'syncedAt' | 'leaseUntil' | 'embeddingModel';

/** Training material of one staff: an uploaded file, and how far its indexing has got. */
@Entity({ tableName: 'knowledge_document' })
@Unique({ properties: ['staff', 'filePath'] })
@Index({ properties: ['syncState'] })
@Index({ properties: ['file'] })
export class KnowledgeDocument extends BaseEntity<Defaulted> {
  @ManyToOne(() => Merchant, { deleteRule: 'cascade' })
  merchant: Rel<Merchant>;

  @ManyToOne(() => Staff, { deleteRule: 'cascade' })
  staff: Rel<Staff>;

  @ManyToOne(() => StoredFile, { deleteRule: 'cascade' })
  file: Rel<StoredFile>;

  @Property({ type: 'string', length: 255 })
  fileName: string;

  /** The file's storage key; a staff lists each file once. */
  @Property({ type: 'string', length: 255 })
  filePath: string;

  @Enum({ items: () => DocumentSyncState, type: 'string' })
  syncState: DocumentSyncState = DocumentSyncState.PENDING;

  @Property({ type: 'text', nullable: true })
  syncError: string | null = null;

  /** SHA-256 of the content the current chunks were made from; an unchanged file is not indexed again. */
  @Property({ type: 'string', length: 64, nullable: true })
  indexedHash: string | null = null;

  @Property({ type: 'integer', default: 0 })
  chunkCount = 0;

  @Property({ type: 'datetime', nullable: true })
  syncedAt: Date | null = null;

  /** While indexing, the worker renews this; a lease left to expire means the worker died. */
  @Property({ type: 'datetime', nullable: true })
  leaseUntil: Date | null = null;

  /** The embeddings model its chunks were embedded with; null: lexical retrieval only (none configured, or the service failed). */
  @Property({ type: 'string', length: 255, nullable: true })
  embeddingModel: string | null = null;

  constructor(init: { merchant: Merchant; staff: Staff; file: StoredFile; fileName: string }) {
    super();
    this.merchant = init.merchant;
    this.staff = init.staff;
    this.file = init.file;
    this.fileName = init.fileName;
    this.filePath = init.file.filePath;
  }

  /** Ready and made from exactly this content. */
  isCurrent(sha256: string): boolean {
    return this.syncState === DocumentSyncState.READY && this.indexedHash === sha256;
  }
}
