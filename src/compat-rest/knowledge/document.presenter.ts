import { formatSeedTime } from '../../core/time.js';
import type { KnowledgeDocument } from '../../entities/knowledge/document.entity.js';
import type { StoredFile } from '../../entities/knowledge/stored-file.entity.js';
import type { Services } from '../../services/index.js';

/** §2.8's upload answer. */
export function presentFile(file: StoredFile, s: Services) {
  return {
    file_name: file.fileName,
    file_path: file.filePath,
    file_size: file.fileSize,
    file_url: s.files.fileUrl(file.filePath),
  };
}

/** A §2.10 list item, plus DESIGN.md's `sync_state` and `sync_error` ("" when there is none). */
export function presentDocument(doc: KnowledgeDocument, s: Services) {
  const tz = s.config.timezone;
  return {
    id: doc.id,
    file_name: doc.fileName,
    file_path: doc.filePath,
    file_size: doc.file.fileSize,
    file_url: s.files.fileUrl(doc.filePath),
    created_time: formatSeedTime(doc.createdAt, tz),
    updated_time: formatSeedTime(doc.updatedAt, tz),
    sync_state: doc.syncState,
    sync_error: doc.syncError ?? '',
  };
}
