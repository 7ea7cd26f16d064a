import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const UPLOAD = 'mutation($staffId: Int!, $file: Upload!) { uploadDocument(staffId: $staffId, file: $file) { id staffId fileName fileSize syncState } }';

/** A multipart upload sent in chunks, so the request has no Content-Length. */
function multipartStream(staffId: number, fileName: string, size: number): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const head = enc.encode(
    `--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: UPLOAD, variables: { staffId, file: null } })}\r\n` +
      `--b\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}\r\n` +
      `--b\r\nContent-Disposition: form-data; name="0"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const chunk = new Uint8Array(64 * 1024).fill(97);
  let sent = -1;
  return new ReadableStream({
    pull(controller) {
      if (sent < 0) controller.enqueue(head);
      else if (sent < size) controller.enqueue(chunk);
      else {
        controller.enqueue(enc.encode('\r\n--b--\r\n'));
        controller.close();
      }
      sent = sent < 0 ? 0 : sent + chunk.length;
    },
  });
}

describe('GraphQL: uploadDocument (multipart request)', () => {
  let t: TestApp;
  let alice: MerchantFixture;
  let bob: MerchantFixture;
  let staffId: number;

  /** A GraphQL multipart request (github.com/jaydenseric/graphql-multipart-request-spec) with one file. */
  const upload = async (token: string, id: number, fileName: string, bytes: Uint8Array | string, headers: Record<string, string> = { 'apollo-require-preflight': 'true' }) => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: UPLOAD, variables: { staffId: id, file: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    form.append('0', new Blob([new Uint8Array(data)]), fileName);
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body: form });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
  };

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_MAX_MB: '1' });
    [alice, bob] = await Promise.all([createMerchant(t), createMerchant(t)]);
    staffId = await createStaff(t, alice.token);
  });
  afterAll(() => t?.close());

  it('stores the file as a document of the staff and syncs it to ready, with progress on documentSync', async () => {
    const ws = t.wsClient({ token: alice.token });
    const states: string[] = [];
    const ready = new Promise<void>((resolve) =>
      ws.subscribe(
        { query: 'subscription($id: Int) { documentSync(staffId: $id) { state document { fileName } } }', variables: { id: staffId } },
        {
          next: (v: any) => {
            states.push(v.data.documentSync.state);
            if (v.data.documentSync.state === 'READY') resolve();
          },
          error: () => {},
          complete: () => {},
        },
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    const res = await upload(alice.token, staffId, '营业时间.md', '# Opening hours\n\nThe shop is open from 9 am to 6 pm on weekdays.');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.uploadDocument).toMatchObject({ staffId, fileName: '营业时间.md', fileSize: 64 });
    await ready;
    expect(states).toContain('INDEXING');
    const answer = await t.gql('query($id: Int!) { askStaff(staffId: $id, question: "When is the shop open?") { grounded text } }', { id: staffId }, alice.token);
    expect(answer.data.askStaff.grounded).toBe(true);
    expect(answer.data.askStaff.text).toMatch(/9 am to 6 pm/);
    await ws.dispose();
  });

  it('refuses an unsupported type and a file over UPLOAD_MAX_MB with BAD_USER_INPUT, keeping nothing', async () => {
    const before = (await t.gql('{ files { total } }', {}, alice.token)).data.files.total;
    const exe = await upload(alice.token, staffId, 'setup.exe', 'MZ binary');
    expect(exe.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(exe.body.errors?.[0].message).toMatch(/Unsupported file type "\.exe"/);

    const big = await upload(alice.token, staffId, 'big.txt', new Uint8Array(1024 * 1024 + 1).fill(97));
    expect(big.body.errors?.[0]).toMatchObject({ message: 'The file is larger than the 1 MB upload limit', extensions: { code: 'BAD_USER_INPUT', reason: 'PAYLOAD_TOO_LARGE' } });
    // Far over the limit, with a Content-Length and without one (chunked): cut at the parser's cap.
    const huge = await upload(alice.token, staffId, 'huge.txt', new Uint8Array(4 * 1024 * 1024).fill(97));
    expect(huge.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'PAYLOAD_TOO_LARGE' });
    const chunked = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}`, 'apollo-require-preflight': 'true', 'content-type': 'multipart/form-data; boundary=b' },
      body: multipartStream(staffId, 'chunked.txt', 4 * 1024 * 1024),
      duplex: 'half',
    } as RequestInit);
    expect(((await chunked.json()) as any).errors[0].extensions.reason).toBe('PAYLOAD_TOO_LARGE');

    expect((await t.gql('{ files { total } }', {}, alice.token)).data.files.total).toBe(before);
    const docs = await t.gql('query($id: Int!) { documents(staffId: $id) { items { fileName } } }', { id: staffId }, alice.token);
    expect(docs.data.documents.items.map((d: any) => d.fileName)).toEqual(['营业时间.md']);
  });

  it("answers another merchant's staff NOT_FOUND, a malformed multipart body 400 and a request without the preflight header 400", async () => {
    const other = await upload(bob.token, staffId, 'a.txt', 'hello');
    expect(other.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const broken = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'multipart/form-data; boundary=x', 'apollo-require-preflight': 'true' },
      body: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\nnot json\r\n--x--\r\n',
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');

    // Apollo's CSRF prevention: a form a foreign page could post carries no such header.
    const simple = await upload(alice.token, staffId, 'a.txt', 'hello', {});
    expect(simple.status).toBe(400);
  });
});
