import path from 'node:path';
import { randomDigits } from '../../core/random.js';

const MAX_NAME = 120;

/**
 * A name safe as one path segment and one URL segment: letters and digits of
 * any script (Chinese names stay readable), '.', '-', '_'; everything else
 * becomes '_'. Never starts with a dot, so it is never hidden or "..".
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let clean = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/_+/g, '_')
    .replace(/^[._]+/, '');
  if (clean.length > MAX_NAME) {
    const ext = path.extname(clean).slice(0, 16);
    clean = clean.slice(0, MAX_NAME - ext.length) + ext;
  }
  return clean || 'file';
}

/**
 * `file_path` as the seed shows it (`1713856350987496426_QQ.jpg`): 19 digits, '_', the sanitized name.
 * Files are served publicly by path, so the digits are random rather than a clock: not guessable.
 */
export function newFilePath(fileName: string): string {
  return `${randomDigits(19)}_${sanitizeFileName(fileName)}`;
}

/** What `newFilePath` can produce, and nothing that walks out of the storage directory. */
export function isSafeFilePath(p: string): boolean {
  return p.length > 0 && p.length <= 255 && /^[\p{L}\p{N}_-][\p{L}\p{N}._-]*$/u.test(p) && !p.includes('..');
}

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.markdown': 'text/markdown; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.zip': 'application/zip',
};

export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}
