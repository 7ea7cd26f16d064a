import { formatSeedTime } from '../../core/time.js';
import type { KnowledgeDocument } from '../../entities/knowledge/document.entity.js';
import type { StoredFile } from '../../entities/knowledge/stored-file.entity.js';
import type { Services } from '../../services/index.js';
import { z } from 'zod';
import { DocumentSyncState } from '../../entities/knowledge/document.entity.js';
import { createdTime, int, str, updatedTime } from '../fields.js';

export const fileView = z
  .strictObject({
    file_name: str('原始文件名'),
    file_path: str('文件存储相对路径: name it in update/doc'),
    file_size: int('文件大小(字节)'),
    file_url: str('文件访问URL'),
  })
  .meta({ id: 'UploadedFile' });

export const documentItem = z
  .strictObject({
    id: int('文档ID'),
    file_name: str('原始文件名'),
    file_path: str('文件存储相对路径'),
    file_size: int('文件大小(字节)'),
    file_url: str('文件访问URL'),
    created_time: createdTime,
    updated_time: updatedTime,
    sync_state: z.enum(DocumentSyncState).meta({ description: '同步状态: pending, indexing, ready, failed' }),
    sync_error: str('why the last sync failed; "" when it did not'),
  })
  .meta({ id: 'TrainingDocument' });

/** §2.8's upload answer. */
export function presentFile(file: StoredFile, s: Services): z.input<typeof fileView> {
  return {
    file_name: file.fileName,
    file_path: file.filePath,
    file_size: file.fileSize,
    file_url: s.files.fileUrl(file.filePath),
  };
}

/** A §2.10 list item, plus DESIGN.md's `sync_state` and `sync_error` ("" when there is none). */
export function presentDocument(doc: KnowledgeDocument, s: Services): z.input<typeof documentItem> {
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
