import { Entity, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';
import { Merchant } from '../merchant/merchant.entity.js';

/** An uploaded file of one merchant; the bytes live in the file storage under `filePath`. */
@Entity({ tableName: 'stored_file' })
@Index({ properties: ['merchant', 'createdAt'] })
export class StoredFile extends BaseEntity {
  @ManyToOne(() => Merchant, { deleteRule: 'cascade' })
  merchant: Rel<Merchant>;

  /** The name the client gave, as shown to people. */
  @Property({ type: 'string', length: 255 })
  fileName: string;

  /** Storage key and URL path segment: a unique prefix plus the sanitized name. */
  @Property({ type: 'string', length: 255 })
  @Unique()
  filePath: string;

  @Property({ type: 'integer' })
  fileSize: number;

  @Property({ type: 'string', length: 127 })
  contentType: string;

  /** Hex SHA-256 of the bytes. */
  @Property({ type: 'string', length: 64 })
  sha256: string;

  constructor(init: { merchant: Merchant; fileName: string; filePath: string; fileSize: number; contentType: string; sha256: string }) {
    super();
    this.merchant = init.merchant;
    this.fileName = init.fileName;
    this.filePath = init.filePath;
    this.fileSize = init.fileSize;
    this.contentType = init.contentType;
    this.sha256 = init.sha256;
  }
}
