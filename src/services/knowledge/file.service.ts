import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { AppError, ErrorCode, notFound } from '../../core/errors.js';
import { pageSchema, type PageInput, type PageResult } from '../../core/paging.js';
import { parseInput } from '../../core/validation.js';
import { StoredFile } from '../../entities/knowledge/stored-file.entity.js';
import { Merchant } from '../../entities/merchant/merchant.entity.js';
import type { MediaPayload } from '../../entities/session/media-payload.js';
import { contentTypeFor, isSafeFilePath, newFilePath } from './file-name.js';
import { FileTooLargeError, type FileStorage } from '../storage/file-storage.js';

const fileNameSchema = z.string().trim().min(1, 'file_name is required').max(255, 'file_name must be at most 255 characters');

export const tooLarge = (maxBytes: number) =>
  new AppError(ErrorCode.PayloadTooLarge, `The file is larger than the ${Math.round(maxBytes / (1024 * 1024))} MB upload limit`);

/** Uploaded files of a merchant: stored through a FileStorage, described by a StoredFile row. */
export class FileService {
  constructor(
    readonly storage: FileStorage,
    private readonly opts: { publicUrl: string; uploadMaxBytes: number },
  ) {}

  get maxBytes(): number {
    return this.opts.uploadMaxBytes;
  }

  /** The public address of a stored file, as the seed's `file_url`. */
  fileUrl(filePath: string): string {
    return `${this.opts.publicUrl}/assets/files/${encodeURIComponent(filePath)}`;
  }

  /** Streams an upload into storage; over the size limit it is refused (413 / 1003) and nothing is kept. */
  async upload(ctx: RequestContext, input: { fileName: string; data: Readable }): Promise<StoredFile> {
    const actor = ctx.requireMerchant();
    return this.storeFor(ctx.em, actor.merchantId, input);
  }

  /** Stores a file for a merchant (its own upload, or a contact's picture in one of its conversations). */
  async storeFor(em: EntityManager, merchantId: number, input: { fileName: string; data: Readable }): Promise<StoredFile> {
    const fileName = parseInput(fileNameSchema, input.fileName);
    const filePath = newFilePath(fileName);
    let stored;
    try {
      stored = await this.storage.put(filePath, input.data, this.opts.uploadMaxBytes, contentTypeFor(fileName));
    } catch (err) {
      if (err instanceof FileTooLargeError) throw tooLarge(this.opts.uploadMaxBytes);
      throw err;
    }
    const file = new StoredFile({
      merchant: em.getReference(Merchant, merchantId),
      fileName,
      filePath,
      fileSize: stored.size,
      contentType: contentTypeFor(fileName),
      sha256: stored.sha256,
    });
    try {
      await em.persist(file).flush();
    } catch (err) {
      await this.storage.delete(filePath);
      throw err;
    }
    return file;
  }

  /** The media payload of one of the merchant's stored files named by its public URL, or null. */
  async mediaOf(em: EntityManager, merchantId: number, url: string): Promise<MediaPayload | null> {
    const prefix = `${this.opts.publicUrl}/assets/files/`;
    if (!url.startsWith(prefix)) return null;
    let filePath: string;
    try {
      filePath = decodeURIComponent(url.slice(prefix.length));
    } catch {
      return null;
    }
    const file = isSafeFilePath(filePath) ? await em.findOne(StoredFile, { filePath, merchant: merchantId }) : null;
    return file ? { url: this.fileUrl(file.filePath), mimeType: file.contentType.split(';')[0]!, size: Number(file.fileSize), name: file.fileName } : null;
  }

  /** Gives a stored file the name the form sent (file_name may follow file_data in a multipart body). */
  async rename(ctx: RequestContext, file: StoredFile, fileName: string): Promise<StoredFile> {
    file.fileName = parseInput(fileNameSchema, fileName.slice(0, 255));
    await ctx.em.flush();
    return file;
  }

  /** Keeps bytes the server fetched for a merchant (a channel's media), under its own content type. */
  async storeFetched(em: EntityManager, merchantId: number, input: { fileName: string; data: Buffer; contentType: string }): Promise<StoredFile> {
    const fileName = parseInput(fileNameSchema, input.fileName);
    const filePath = newFilePath(fileName);
    const stored = await this.storage.put(filePath, Readable.from([input.data]), Math.max(input.data.length, 1), input.contentType.slice(0, 127));
    const file = new StoredFile({ merchant: em.getReference(Merchant, merchantId), fileName, filePath, fileSize: stored.size, contentType: input.contentType.slice(0, 127), sha256: stored.sha256 });
    try {
      await em.persist(file).flush();
    } catch (err) {
      await this.storage.delete(filePath);
      throw err;
    }
    return file;
  }

  async list(ctx: RequestContext, page: PageInput = {}): Promise<PageResult<StoredFile>> {
    ctx.requireMerchant();
    const p = parseInput(pageSchema, page);
    const [items, total] = await ctx.em.findAndCount(
      StoredFile,
      {},
      { orderBy: { id: 'desc' }, limit: p.pageSize, offset: p.pageNo * p.pageSize },
    );
    return { items, total, ...p };
  }

  /** A file of the caller's merchant by its path; another merchant's file is "not found". */
  async getOwned(ctx: RequestContext, filePath: string): Promise<StoredFile> {
    ctx.requireMerchant();
    const file = isSafeFilePath(filePath) ? await ctx.em.findOne(StoredFile, { filePath }) : null;
    if (!file) throw notFound(`File ${filePath}`);
    return file;
  }

  /** The bytes of a stored file; one gone from storage is "not found". */
  async read(file: StoredFile): Promise<Buffer> {
    try {
      return await this.storage.read(file.filePath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(`File ${file.filePath}`);
      throw err;
    }
  }

  /** For serving `/assets/files/{file_path}`: file URLs are public, as in the seed. */
  async findPublic(em: EntityManager, filePath: string): Promise<StoredFile | null> {
    if (!isSafeFilePath(filePath)) return null;
    return em.findOne(StoredFile, { filePath });
  }
}
