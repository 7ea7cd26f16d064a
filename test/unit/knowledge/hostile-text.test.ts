import { describe, expect, it } from 'vitest';
import { sentences } from '../../../src/services/knowledge/chunker.js';
import { cleanInline } from '../../../src/services/knowledge/extract/blocks.js';
import { extractBlocks } from '../../../src/services/knowledge/extract/index.js';

// Inputs that made the earlier regular expressions backtrack for hours; each must finish within the test timeout.
describe('extraction on hostile text', () => {
  it('splits sentences in linear time, even across long runs of dots', () => {
    expect(sentences('.'.repeat(2_000_000) + 'x').length).toBe(1);
    expect(sentences('退款三天到账。请保留凭证！Refunds take 3 days. Keep the receipt... About 3.5 days?')).toEqual([
      '退款三天到账。',
      '请保留凭证！',
      'Refunds take 3 days.',
      'Keep the receipt...',
      'About 3.5 days?',
    ]);
  });

  it('collapses any whitespace in one pass', () => {
    expect(cleanInline(`a${'\u2003'.repeat(2_000_000)}b`)).toBe('a b');
    expect(cleanInline(' a\u00a0\u3000b \n\t c ')).toBe('a b c');
  });

  it('reads Markdown headings without backtracking on long lines', async () => {
    const blocks = await extractBlocks('evil.md', Buffer.from(`# a${' '.repeat(30_000)}x\n\n## Title ##\n\nbody`));
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual([`a${' '.repeat(30_000)}x`, 'Title']);
  });
});

describe('zip bombs', () => {
  it('refuses a DOCX that would unpack far beyond its size, before parsing it', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', `<w:document><w:body>${'<w:p/>'.repeat(3_000_000)}</w:body></w:document>`);
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(1_000_000);
    await expect(extractBlocks('bomb.docx', bomb)).rejects.toThrow(/too large to index/);
    await expect(extractBlocks('bomb.xlsx', bomb)).rejects.toThrow(/too large to index/);
    await expect(extractBlocks('broken.docx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]))).rejects.toThrow(/damaged/);
  });
});
