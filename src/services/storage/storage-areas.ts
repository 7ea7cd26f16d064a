import path from 'node:path';
import type { S3StorageConfig } from '../../core/storage/storage-config.js';
import { LocalFileStorage, type FileStorage } from './file-storage.js';
import { S3FileStorage, s3Client } from './s3-file-storage.js';

/** Opens one area of the file storage (`files`, `audio`), accepting only keys `isSafeKey` allows. */
export type StorageAreas = (area: string, isSafeKey: (key: string) => boolean) => FileStorage;

/** With S3 configured, every area is a prefix of the one bucket (one client); otherwise a directory under DATA_DIR. */
export function storageAreas(config: { dataDir: string; storage?: S3StorageConfig }): StorageAreas {
  const s3 = config.storage;
  if (!s3) return (area, isSafeKey) => new LocalFileStorage(path.join(config.dataDir, area), isSafeKey);
  const client = s3Client(s3);
  return (area, isSafeKey) => new S3FileStorage(client, s3.bucket, `${area}/`, isSafeKey);
}
