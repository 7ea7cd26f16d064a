import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/core/config.js';
import { createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { addDocument, uploadFile, waitForSync } from '../support/knowledge.js';
import { startS3, type TestS3 } from '../support/s3-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MP3 = Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(4096, 0xfb)]);

/** An OpenAI-compatible speech endpoint that always answers MP3. */
async function startSpeech() {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'audio/mpeg' }).end(MP3));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('file storage on an S3-compatible server (STORAGE_S3_*)', () => {
  let s3: TestS3;
  let client: S3Client;
  let speech: Awaited<ReturnType<typeof startSpeech>>;
  let t: TestApp;
  let merchant: MerchantFixture;
  const keys = async (prefix: string) =>
    ((await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key);

  beforeAll(async () => {
    [s3, speech] = await Promise.all([startS3(), startSpeech()]);
    client = new S3Client({
      endpoint: s3.env.STORAGE_S3_ENDPOINT,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    t = await startTestApp({ ...s3.env, UPLOAD_MAX_MB: '1', SPEECH_BASE_URL: speech.url });
    merchant = await createMerchant(t);
  });
  afterAll(async () => {
    await t?.close();
    client?.destroy();
    await Promise.all([s3?.close(), speech?.close()]);
  });

  it('reads the STORAGE_S3_* settings, and refuses half of them', () => {
    const base = { DATABASE_URL: 'postgres://x@127.0.0.1/x' };
    expect(loadConfig(base).storage).toBeUndefined();
    expect(loadConfig({ ...base, STORAGE_S3_BUCKET: 'shop-files' }).storage).toEqual({
      bucket: 'shop-files',
      endpoint: undefined,
      region: 'us-east-1',
      credentials: undefined,
      forcePathStyle: false,
    });
    expect(() => loadConfig({ ...base, STORAGE_S3_BUCKET: 'shop-files', STORAGE_S3_ACCESS_KEY_ID: 'AK' })).toThrow(/STORAGE_S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ ...base, STORAGE_S3_ENDPOINT: 'http://minio:9000' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, STORAGE_S3_BUCKET: 'Bad_Bucket' })).toThrow(/STORAGE_S3_BUCKET/);
  });

  it('keeps an upload in the bucket, not on local disk, and serves it (whole and by range) from the app', async () => {
    const up = await uploadFile(t, merchant.token, 'notes.txt', 'hello from the bucket');
    expect(up.body.header.code).toBe(0);
    const filePath: string = up.body.data.file_path;
    expect(await keys('files/')).toContain(`files/${filePath}`);
    expect(existsSync(path.join(t.app.services.config.dataDir, 'files', filePath))).toBe(false);
    const stored = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `files/${filePath}` }));
    expect(await stored.Body!.transformToString()).toBe('hello from the bucket');
    expect(stored.ContentType).toBe('text/plain; charset=utf-8');

    const res = await fetch(`${t.url}/assets/files/${encodeURIComponent(filePath)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(await res.text()).toBe('hello from the bucket');

    const part = await fetch(`${t.url}/assets/files/${encodeURIComponent(filePath)}`, { headers: { range: 'bytes=6-9' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 6-9/21');
    expect(await part.text()).toBe('from');
  });

  it('refuses an upload over the limit and leaves nothing in the bucket', async () => {
    const before = await keys('files/');
    const up = await uploadFile(t, merchant.token, 'big.txt', 'x'.repeat(1024 * 1024 + 10));
    expect(up.status).toBe(413);
    expect(await keys('files/')).toEqual(before);
  });

  it('indexes a training document read from the bucket', async () => {
    const staffId = await createStaff(t, merchant.token);
    await addDocument(t, merchant.token, staffId, 'hours.md', '# Hours\n\nThe shop opens at nine and closes at nine.');
    await t.rest('/api/v1/customer/sync/doc', { staff_id: staffId }, merchant.token);
    const docs = await waitForSync(t, merchant.token, staffId);
    expect(docs.map((d) => [d.file_name, d.sync_state, d.sync_error])).toEqual([['hours.md', 'ready', '']]);
  });

  it('keeps voice replies in the bucket and serves them with ranges', async () => {
    const audio = await t.app.services.speech.synthesize('The shop opens at nine.');
    expect(await keys('audio/')).toContain(`audio/${audio.name}`);
    expect(existsSync(path.join(t.app.services.config.dataDir, 'audio', audio.name))).toBe(false);
    const res = await fetch(`${t.url}/assets/audio/${audio.name}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await res.arrayBuffer()).equals(MP3)).toBe(true);
    const part = await fetch(`${t.url}/assets/audio/${audio.name}`, { headers: { range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(MP3.subarray(0, 10))).toBe(true);
    expect((await fetch(`${t.url}/assets/audio/00000000-0000-4000-8000-000000000000.mp3`)).status).toBe(404);
  });
});
