import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import parseRange from 'range-parser';

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

/** What `open` gives: the bytes to send and how they relate to the whole object. */
export type StoredRead =
  | { body: Readable; length: number; total: number; range: { start: number; end: number } | null }
  /** The Range header asked for bytes past the end (HTTP 416); `total` when the store told it. */
  | { unsatisfiable: true; total: number | null };

/**
 * Where uploaded bytes live, by key. Local disk by default; an S3-compatible
 * bucket (s3-file-storage.ts) when configured, so several instances share them.
 */
export interface FileStorage {
  put(key: string, data: Readable, maxBytes: number, contentType?: string): Promise<StoredObject>;
  /** The whole object; a missing one rejects with `code: 'ENOENT'`, as on disk. */
  read(key: string): Promise<Buffer>;
  /** A stream of the object, or of one range of it (an HTTP Range header); null when it does not exist. */
  open(key: string, range?: string): Promise<StoredRead | null>;
  delete(key: string): Promise<void>;
}

/** Counts and hashes what passes; past `maxBytes` the rest is read and dropped, so a request body is still drained. */
export class UploadMeter extends Transform {
  size = 0;
  overflow = false;
  private readonly hash = createHash('sha256');

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null, data?: Buffer) => void): void {
    this.size += chunk.length;
    if (this.overflow || this.size > this.maxBytes) {
      this.overflow = true;
      return cb();
    }
    this.hash.update(chunk);
    cb(null, chunk);
  }

  result(): StoredObject {
    if (this.overflow) throw new FileTooLargeError(this.maxBytes);
    return { size: this.size, sha256: this.hash.digest('hex') };
  }
}

/** Files under one directory (DATA_DIR/files or DATA_DIR/audio), one file per key; keys never contain a path separator. */
export class LocalFileStorage implements FileStorage {
  constructor(
    readonly root: string,
    private readonly isSafeKey: (key: string) => boolean,
  ) {}

  async put(key: string, data: Readable, maxBytes: number): Promise<StoredObject> {
    const target = this.pathOf(key);
    await mkdir(this.root, { recursive: true });
    // Written beside the target and renamed, so a half-written upload is never served.
    const temp = `${target}.part`;
    const meter = new UploadMeter(maxBytes);
    try {
      await pipeline(data, meter, createWriteStream(temp, { flags: 'wx' }));
      const stored = meter.result();
      await rename(temp, target);
      return stored;
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async open(key: string, rangeHeader?: string): Promise<StoredRead | null> {
    const file = this.pathOf(key);
    let total: number;
    try {
      const s = await stat(file);
      if (!s.isFile()) return null;
      total = s.size;
    } catch {
      return null;
    }
    const ranges = rangeHeader ? parseRange(total, rangeHeader, { combine: true }) : -2;
    if (ranges === -1) return { unsatisfiable: true, total };
    // Malformed or several ranges: the whole file, as a server may answer.
    const one = Array.isArray(ranges) && ranges.length === 1 ? ranges[0]! : null;
    if (!one) return { body: createReadStream(file), length: total, total, range: null };
    return { body: createReadStream(file, { start: one.start, end: one.end }), length: one.end - one.start + 1, total, range: one };
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!this.isSafeKey(key)) throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
    return path.join(this.root, key);
  }
}
