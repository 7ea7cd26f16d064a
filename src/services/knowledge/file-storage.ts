import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isSafeFilePath } from './file-name.js';

export interface StoredObject {
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

/** Raised by `put` when the stream is longer than the limit; nothing is kept. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`File is larger than ${Math.round(maxBytes / (1024 * 1024))} MB`);
    this.name = 'FileTooLargeError';
  }
}

/**
 * Where uploaded bytes live, by key (a file_path). Local disk now; an
 * S3-compatible store implements the same four calls.
 */
export interface FileStorage {
  put(key: string, data: Readable, maxBytes: number): Promise<StoredObject>;
  read(key: string): Promise<Buffer>;
  /** An absolute local path to serve with sendfile, or null when the store is remote. */
  localPath(key: string): string | null;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** Files under one directory (DATA_DIR/files), one file per key; keys never contain a path separator. */
export class LocalFileStorage implements FileStorage {
  constructor(readonly root: string) {}

  async put(key: string, data: Readable, maxBytes: number): Promise<StoredObject> {
    const target = this.pathOf(key);
    await mkdir(this.root, { recursive: true });
    // Written beside the target and renamed, so a half-written upload is never served.
    const temp = `${target}.part`;
    const hash = createHash('sha256');
    let size = 0;
    let overflow = false;
    // Past the limit the rest is read and dropped, not aborted: the request body must still be drained to answer cleanly.
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (overflow || size > maxBytes) {
          overflow = true;
          return cb();
        }
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(data, meter, createWriteStream(temp, { flags: 'wx' }));
      if (overflow) throw new FileTooLargeError(maxBytes);
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return { size, sha256: hash.digest('hex') };
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  localPath(key: string): string {
    return this.pathOf(key);
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Streams a stored file (used by tests and future exports). */
  stream(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  private pathOf(key: string): string {
    if (!isSafeFilePath(key)) throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
    return path.join(this.root, key);
  }
}
