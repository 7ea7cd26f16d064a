import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gatewayMessageSchema, fromGatewayMessage } from '../../../src/services/channel/gateway-message.js';
import { gatewaySignature, gatewaySignatureMatches, retryDelayMs, signedHeaders } from '../../../src/services/channel/gateway-signature.js';
import { MessageType } from '../../../src/entities/session/message.entity.js';

describe('gateway signatures', () => {
  it('is hex HMAC-SHA256 over timestamp, nonce and the raw body, one per line', () => {
    const body = '{"a":1}';
    expect(gatewaySignature('s3cret-key', '1700000000', 'n1', body)).toBe(createHmac('sha256', 's3cret-key').update(`1700000000\nn1\n${body}`).digest('hex'));
    const sig = gatewaySignature('s3cret-key', '1700000000', 'n1', body);
    expect(gatewaySignatureMatches('s3cret-key', '1700000000', 'n1', Buffer.from(body), sig)).toBe(true);
    expect(gatewaySignatureMatches('s3cret-key', '1700000000', 'n1', Buffer.from(body), sig.toUpperCase())).toBe(true);
    expect(gatewaySignatureMatches('s3cret-key', '1700000000', 'n1', Buffer.from(`${body} `), sig)).toBe(false);
    expect(gatewaySignatureMatches('s3cret-key', '1700000001', 'n1', Buffer.from(body), sig)).toBe(false);
    expect(gatewaySignatureMatches('other-key', '1700000000', 'n1', Buffer.from(body), sig)).toBe(false);
    expect(gatewaySignatureMatches('s3cret-key', '1700000000', 'n1', Buffer.from(body), 'zz')).toBe(false);
  });

  it('signs outbound requests with a fresh nonce each time', () => {
    const a = signedHeaders('k'.repeat(16), '{}', new Date(1_700_000_000_000));
    const b = signedHeaders('k'.repeat(16), '{}', new Date(1_700_000_000_000));
    expect(a['X-Timestamp']).toBe('1700000000');
    expect(a['X-Nonce']).not.toBe(b['X-Nonce']);
    expect(a['X-Signature']).toBe(gatewaySignature('k'.repeat(16), a['X-Timestamp']!, a['X-Nonce']!, '{}'));
  });

  it('backs off from the base, doubling, up to the cap', () => {
    expect([1, 2, 3, 4, 9, 10, 50].map((n) => retryDelayMs(n, 1000, 300_000))).toEqual([1000, 2000, 4000, 8000, 256_000, 300_000, 300_000]);
  });
});

describe('gateway messages', () => {
  const msg = (over: Record<string, unknown>) => fromGatewayMessage(gatewayMessageSchema.parse({ account_id: 'a', msg_id: 'm1', user_id: 'u1', msg_type: 'text', content: 'hi', ...over }));
  it('maps each msg_type, media with their URL', () => {
    expect(msg({ nickname: 'Ann', avatar: 'https://img/a.png' })).toEqual({ externalId: 'u1', channelMsgId: 'm1', msgType: MessageType.TEXT, content: 'hi', payload: null, profile: { nickname: 'Ann', avatarUrl: 'https://img/a.png' } });
    expect(msg({ msg_type: 'image', content: 'https://img/x.jpg' })).toMatchObject({ msgType: MessageType.PICTURE, content: 'https://img/x.jpg', payload: { url: 'https://img/x.jpg' } });
    expect(msg({ msg_type: 'voice', content: { url: 'https://v/x.amr', duration: 3, mime_type: 'audio/amr', size: 10 } })).toMatchObject({
      msgType: MessageType.VOICE, payload: { url: 'https://v/x.amr', duration: 3, mimeType: 'audio/amr', size: 10 },
    });
    expect(msg({ msg_type: 'location', content: { latitude: 1, longitude: 2, label: 'X' } })).toMatchObject({ msgType: MessageType.TEXT, content: '[location] X (1, 2)' });
    expect(msg({ msg_type: 'link', content: { url: 'https://l', title: 'T' } })).toMatchObject({ content: 'T\nhttps://l' });
    expect(msg({ msg_id: 12345 })).toMatchObject({ channelMsgId: '12345' });
  });

  it('names what is wrong', () => {
    expect(msg({ content: '' })).toBe('content: a text message needs its text');
    expect(msg({ msg_type: 'image', content: 'ftp://x' })).toMatch(/image message needs its URL/);
    expect(gatewayMessageSchema.safeParse({ account_id: 'a', msg_id: 'm', user_id: 'u', msg_type: 'sticker', content: 'x' }).success).toBe(false);
  });
});
