import { ExtractionError } from './blocks.js';

/** What a DOCX or XLSX may unpack to: beyond this it is a zip bomb or not training material. */
export const ZIP_LIMITS = { maxUnpackedBytes: 200 * 1024 * 1024, maxRatio: 200, maxEntries: 10_000 };

/**
 * Reads a ZIP's central directory (sizes only, nothing is inflated) and refuses
 * packages that would unpack to more than the limits, before a parser builds
 * them in memory. ZIP64 packages are refused too: no office file needs one.
 */
export function assertSafeZip(bytes: Buffer, what: string, limits = ZIP_LIMITS): void {
  const fail = (why: string) => new ExtractionError(`Could not read the ${what} file: ${why}`);
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment of up to 64 KB.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fail('the ZIP package is damaged (no central directory)');
  const entries = bytes.readUInt16LE(eocd + 10);
  const dirOffset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff) throw fail('ZIP64 packages are not accepted');
  if (entries > limits.maxEntries) throw fail(`it holds ${entries} parts, more than ${limits.maxEntries}`);
  let unpacked = 0;
  let at = dirOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw fail('the ZIP package is damaged (bad directory entry)');
    const size = bytes.readUInt32LE(at + 24);
    if (size === 0xffffffff) throw fail('ZIP64 packages are not accepted');
    unpacked += size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  if (unpacked > limits.maxUnpackedBytes || unpacked > bytes.length * limits.maxRatio) {
    throw fail(`it would unpack to ${Math.round(unpacked / 1024 / 1024)} MB, too large to index (a compressed "zip bomb"?)`);
  }
}
