import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import writeExcelFile from 'write-excel-file/node';
import type { LegacyResponse, TestApp } from './test-app.js';

/** An in-process test app or a spawned server (test/support/spawned-app.ts). */
type ApiTarget = Pick<TestApp, 'url' | 'rest'>;

/** POSTs a §2.8 multipart upload (file_name, file_data). */
export async function uploadFile(
  t: ApiTarget,
  token: string | undefined,
  fileName: string,
  bytes: Uint8Array | string,
  opts: { field?: string; nameField?: boolean } = {},
): Promise<LegacyResponse> {
  const form = new FormData();
  if (opts.nameField !== false) form.append('file_name', fileName);
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  form.append(opts.field ?? 'file_data', new Blob([new Uint8Array(data)]), fileName);
  const res = await fetch(`${t.url}/api/v1/customer/upload/file`, {
    method: 'POST',
    headers: token ? { 'auth-token': token } : {},
    body: form,
  });
  return { status: res.status, body: (await res.json()) as LegacyResponse['body'] };
}

/** Uploads and adds to the staff in one go; returns the file_path. */
export async function addDocument(t: ApiTarget, token: string, staffId: number, fileName: string, bytes: Uint8Array | string): Promise<string> {
  const up = await uploadFile(t, token, fileName, bytes);
  if (up.body.header.code !== 0) throw new Error(`upload failed: ${JSON.stringify(up.body)}`);
  const res = await t.rest('/api/v1/customer/update/doc', { staff_id: staffId, docs: [up.body.data] }, token);
  if (res.body.header.code !== 0) throw new Error(`update/doc failed: ${JSON.stringify(res.body)}`);
  return up.body.data.file_path;
}

export interface DocItem {
  id: number;
  file_name: string;
  file_path: string;
  file_size: number;
  file_url: string;
  created_time: string;
  updated_time: string;
  sync_state: 'pending' | 'indexing' | 'ready' | 'failed';
  sync_error: string;
}

export async function listDocs(t: TestApp, token: string, staffId: number): Promise<DocItem[]> {
  const res = await t.rest('/api/v1/customer/list/doc', { staff_id: staffId, page_no: 0, page_size: 100 }, token);
  if (res.body.header.code !== 0) throw new Error(`list/doc failed: ${JSON.stringify(res.body)}`);
  return res.body.data.list;
}

/** Polls list/doc until no document is pending or indexing. */
export async function waitForSync(t: TestApp, token: string, staffId: number, timeoutMs = 20_000): Promise<DocItem[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const docs = await listDocs(t, token, staffId);
    if (docs.every((d) => d.sync_state === 'ready' || d.sync_state === 'failed')) return docs;
    if (Date.now() > deadline) throw new Error(`sync did not finish: ${JSON.stringify(docs.map((d) => [d.file_name, d.sync_state]))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const xml = (s: string) => s.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);

/** A real .docx (WordprocessingML in a ZIP), with Heading1/Heading2 paragraph styles. */
export async function makeDocx(paragraphs: { text: string; style?: 'Heading1' | 'Heading2' }[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  const style = (id: string, name: string) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="${id.endsWith('1') ? 0 : 1}"/></w:pPr></w:style>`;
  zip.file(
    'word/styles.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      style('Heading1', 'heading 1') +
      style('Heading2', 'heading 2') +
      '</w:styles>',
  );
  const body = paragraphs
    .map((p) => `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${xml(p.text)}</w:t></w:r></w:p>`)
    .join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A real PDF with text drawn in Helvetica (Latin text only: the standard fonts have no Chinese glyphs). */
export async function makePdf(pages: string[][]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([612, 792]);
    let y = 740;
    for (const line of lines) {
      if (line) page.drawText(line, { x: 50, y, size: 11, font });
      y -= line ? 16 : 24;
    }
  }
  return Buffer.from(await doc.save());
}

/** A real XLSX workbook: one sheet per entry, rows as given. */
export async function makeXlsx(sheets: Record<string, string[][]>): Promise<Buffer> {
  const book = Object.entries(sheets).map(([sheet, rows]) => ({ sheet, data: rows.map((r) => r.map((value) => ({ value }))) }));
  return Buffer.from(await writeExcelFile(book).toBuffer());
}
