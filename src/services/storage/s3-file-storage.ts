import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3StorageConfig } from '../../core/storage/storage-config.js';
import { UploadMeter, type FileStorage, type StoredObject, type StoredRead } from './file-storage.js';

/** An S3 client for the configured bucket; one per process, shared by every area. */
export function s3Client(config: S3StorageConfig): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Only the SDK's checksums that every S3-compatible store understands.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const missing = (key: string) => Object.assign(new Error(`stored object ${key} does not exist`), { code: 'ENOENT' });

const isMissing = (err: unknown) =>
  err instanceof NoSuchKey || (err instanceof S3ServiceException && (err.name === 'NotFound' || err.$metadata.httpStatusCode === 404));

/**
 * Objects under `prefix` in one bucket (`files/…`, `audio/…`). Uploads stream through
 * lib-storage's multipart upload, so a large file is never held in memory; an
 * object appears only when its upload completes, so a half-written one is never served.
 */
export class S3FileStorage implements FileStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
    private readonly isSafeKey: (key: string) => boolean,
  ) {}

  async put(key: string, data: Readable, maxBytes: number, contentType?: string): Promise<StoredObject> {
    const Key = this.keyOf(key);
    const meter = new UploadMeter(maxBytes);
    data.on('error', (err) => meter.destroy(err));
    const upload = new Upload({ client: this.client, params: { Bucket: this.bucket, Key, Body: data.pipe(meter), ContentType: contentType } });
    await upload.done();
    try {
      return meter.result();
    } catch (err) {
      // Past the limit the bytes were dropped, so what was uploaded is a truncated file: remove it.
      await this.delete(key);
      throw err;
    }
  }

  async read(key: string): Promise<Buffer> {
    const res = await this.get(key);
    if (!res?.Body) throw missing(key);
    return Buffer.from(await res.Body.transformToByteArray());
  }

  async open(key: string, range?: string): Promise<StoredRead | null> {
    let res;
    try {
      res = await this.get(key, range);
    } catch (err) {
      if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 416) return { unsatisfiable: true, total: null };
      throw err;
    }
    if (!res?.Body) return null;
    const length = Number(res.ContentLength ?? 0);
    const m = res.ContentRange ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(res.ContentRange) : null;
    if (!m) return { body: res.Body as Readable, length, total: length, range: null };
    return { body: res.Body as Readable, length, total: Number(m[3]), range: { start: Number(m[1]), end: Number(m[2]) } };
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
  }

  private async get(key: string, range?: string) {
    try {
      return await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key), Range: range }));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  private keyOf(key: string): string {
    if (!this.isSafeKey(key)) throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
    return `${this.prefix}${key}`;
  }
}
