import { createHash, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt } from '@wecom/crypto';
import { XMLParser } from 'fast-xml-parser';

/**
 * WeCom's callback crypto ("加解密方案说明"): msg_signature is the SHA-1 of the sorted
 * token, timestamp, nonce and ciphertext; the ciphertext is AES-256-CBC keyed by the
 * EncodingAESKey and carries random(16) | length(4) | message | receiver id.
 */
export function wecomSignature(token: string, timestamp: string, nonce: string, ciphertext: string): string {
  return createHash('sha1').update([token, timestamp, nonce, ciphertext].sort().join('')).digest('hex');
}

export function wecomSignatureMatches(token: string, timestamp: string, nonce: string, ciphertext: string, signature: string): boolean {
  const expected = Buffer.from(wecomSignature(token, timestamp, nonce, ciphertext));
  const given = Buffer.from(signature.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The plaintext and receiver id, or null when the ciphertext does not decrypt to WeCom's layout. */
export function wecomDecrypt(encodingAesKey: string, ciphertext: string): { message: string; receiverId: string } | null {
  try {
    const raw = Buffer.from(ciphertext, 'base64');
    if (!raw.length || raw.length % 16 !== 0) return null;
    const { message, id } = decrypt(encodingAesKey, ciphertext);
    return { message, receiverId: id };
  } catch {
    return null;
  }
}

/** For tests and tools that play WeCom's side. */
export function wecomEncrypt(encodingAesKey: string, message: string, receiverId: string): string {
  return encrypt(encodingAesKey, message, receiverId);
}

const parser = new XMLParser({
  // No entity expansion (no billion laughs), values kept as text (MsgIds exceed 2^53).
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  maxNestedTags: 16,
});

/** The `<xml>` element's children as strings (nested elements as objects), or null if it is not such XML. */
export function parseWecomXml(xml: string): Record<string, unknown> | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return null;
  try {
    const doc = parser.parse(xml) as { xml?: unknown };
    return doc && typeof doc.xml === 'object' && doc.xml !== null ? (doc.xml as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
