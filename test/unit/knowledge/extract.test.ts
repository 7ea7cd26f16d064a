import { describe, expect, it } from 'vitest';
import { extractBlocks, ExtractionError, type Block } from '../../../src/services/knowledge/extract/index.js';
import { makeDocx, makePdf, makeXlsx } from '../../support/knowledge.js';

const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === 'qa' ? `Q:${b.question}|A:${b.answer}` : b.kind === 'heading' ? `#${b.level} ${b.text}` : b.text));

describe('extraction', () => {
  it('reads plain text paragraphs and Q:/A: and 问：/答： lines', async () => {
    const blocks = await extractBlocks(
      'faq.txt',
      Buffer.from('Opening hours are 9 to 5.\nWe close on Sundays.\n\nQ: Do you ship abroad?\nA: Yes, to 30 countries.\n\n问：可以开发票吗？\n答：可以，下单时填写抬头。\n'),
    );
    expect(texts(blocks)).toEqual([
      'Opening hours are 9 to 5. We close on Sundays.',
      'Q:Do you ship abroad?|A:Yes, to 30 countries.',
      'Q:可以开发票吗？|A:可以，下单时填写抬头。',
    ]);
  });

  it('starts a new line at each list item of a plain-text paragraph; other lines join as wrapped lines', async () => {
    const text =
      'To return an item:\n- open the app and go\n  to your orders\n* tap Return\n• pick a reason\n-5 degrees is too cold to ride.\n\n' +
      'Then:\n1. Pack the item.\n2) Drop it at a store.\n\n退货步骤：\n1、打开 App\n（2）点击退货\n·选择原因\n';
    expect(texts(await extractBlocks('returns.txt', Buffer.from(text)))).toEqual([
      'To return an item:',
      '• open the app and go to your orders',
      '• tap Return',
      '• pick a reason -5 degrees is too cold to ride.',
      'Then:',
      '1. Pack the item.',
      '2) Drop it at a store.',
      '退货步骤：',
      '1、打开 App',
      '（2）点击退货',
      '• 选择原因',
    ]);
  });

  it("reads a short line of its own before more text as a title: the first the document's, later ones its sections'", async () => {
    const text =
      'River Tavish\n\nThe Tavish is a river of the Ardmoor region.\nIt rises at Tavish Head.\n\nHistory\n\nMonks built the first mill.\n\n' +
      'A short closing line\n';
    expect(texts(await extractBlocks('river.txt', Buffer.from(text)))).toEqual([
      '#1 River Tavish',
      'The Tavish is a river of the Ardmoor region. It rises at Tavish Head.',
      '#2 History',
      'Monks built the first mill.',
      // Nothing after it: a paragraph, not a title.
      'A short closing line',
    ]);
    // A sentence, a list item or a question line is no title; nor the first of two short lines in a row.
    const other = 'Opening hours are 9 to 5.\n\n- tap Return\n\nQ: Do you ship abroad?\nA: Yes.\n\nPrices\n\nThe day pass costs 68 yuan.\n\nPlans\n\nDay pass\n\nIt lasts 24 hours.\n';
    expect(texts(await extractBlocks('faq.txt', Buffer.from(other)))).toEqual([
      'Opening hours are 9 to 5.',
      '• tap Return',
      // A title ends the answer before it.
      'Q:Do you ship abroad?|A:Yes.',
      '#1 Prices',
      'The day pass costs 68 yuan.',
      'Plans',
      '#2 Day pass',
      'It lasts 24 hours.',
    ]);
    expect(texts(await extractBlocks('tea.txt', Buffer.from('青石镇茶业\n\n青石镇位于江南丘陵。\n')))).toEqual(['#1 青石镇茶业', '青石镇位于江南丘陵。']);
  });

  it('keeps the paragraphs and list items of a plain-text answer as its lines, to the next question', async () => {
    const text =
      'Q: How do I return an item?\nA: Steps:\n- open the app\n- tap Return\n\nRefunds take five days,\nby card.\n\n' +
      'Q: Which colours are there?\nA: Two:\na. red\nb. blue\n\n问：怎么退货？\n答：\n1、打开 App\n2、点击退货\n';
    expect(await extractBlocks('faq.txt', Buffer.from(text))).toEqual([
      { kind: 'qa', question: 'How do I return an item?', answer: 'Steps:\n• open the app\n• tap Return\nRefunds take five days, by card.' },
      // Inside an answer, "a. …" is the answer's own text, not a new answer.
      { kind: 'qa', question: 'Which colours are there?', answer: 'Two: a. red b. blue' },
      { kind: 'qa', question: '怎么退货？', answer: '1、打开 App\n2、点击退货' },
    ]);
  });

  it('decodes GB18030 text files', async () => {
    const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xca, 0xc0, 0xbd, 0xe7]); // 你好世界 in GBK
    expect(texts(await extractBlocks('hello.txt', gbk))).toEqual(['你好世界']);
  });

  it('reads Markdown headings, lists, tables and strips inline marks', async () => {
    const md = '# Returns\n\nReturn **unused** items within [30 days](http://x).\n\n## Exceptions\n\n- Gift cards\n- Opened software\n\n| Question | Answer |\n|---|---|\n| Can I exchange? | Yes, once. |\n';
    expect(texts(await extractBlocks('policy.md', Buffer.from(md)))).toEqual([
      '#1 Returns',
      'Return unused items within 30 days.',
      '#2 Exceptions',
      '• Gift cards',
      '• Opened software',
      'Q:Can I exchange?|A:Yes, once.',
    ]);
  });

  it('reads HTML structure and skips scripts, styles and navigation', async () => {
    const html =
      '<html><head><title>t</title><style>p{}</style></head><body><nav>Home | About</nav><h1>Shipping</h1><p>We ship &amp; track every parcel.</p>' +
      '<script>alert(1)</script><ul><li>Standard: 3 days</li><li>Express: 1 day</li></ul><dl><dt>Is shipping free?</dt><dd>Over 99 yuan.</dd></dl>' +
      '<table><tr><th>问题</th><th>答案</th></tr><tr><td>几点发货</td><td>下午四点前下单当天发货。</td></tr></table></body></html>';
    expect(texts(await extractBlocks('page.html', Buffer.from(html)))).toEqual([
      '#1 Shipping',
      'We ship & track every parcel.',
      'Standard: 3 days',
      'Express: 1 day',
      'Q:Is shipping free?|A:Over 99 yuan.',
      'Q:几点发货|A:下午四点前下单当天发货。',
    ]);
  });

  it('reads a real DOCX with heading styles', async () => {
    const docx = await makeDocx([
      { text: 'Warranty', style: 'Heading1' },
      { text: 'Every device has a two-year warranty.' },
      { text: '保修', style: 'Heading2' },
      { text: '所有设备保修两年。' },
    ]);
    expect(texts(await extractBlocks('manual.docx', docx))).toEqual(['#1 Warranty', 'Every device has a two-year warranty.', '#2 保修', '所有设备保修两年。']);
  });

  it('reads a real PDF', async () => {
    const pdf = await makePdf([['Refund policy', 'Refunds reach the original card', 'within five working days.'], ['Second page text.']]);
    expect(texts(await extractBlocks('policy.pdf', pdf))).toEqual([
      '#2 Refund policy',
      'Refunds reach the original card within five working days.',
      'Second page text.',
    ]);
  });

  it('reads FAQ tables from XLSX (header row in English or Chinese, several sheets) and CSV', async () => {
    const xlsx = await makeXlsx({
      English: [['Category', 'Question', 'Answer'], ['Billing', 'How do I get an invoice?', 'Download it from the orders page.']],
      中文: [['问题', '答案'], ['怎么联系客服', '拨打400-800-1234。']],
    });
    expect(texts(await extractBlocks('faq.xlsx', xlsx))).toEqual([
      '#1 English',
      'Q:How do I get an invoice?|A:Download it from the orders page.',
      '#1 中文',
      'Q:怎么联系客服|A:拨打400-800-1234。',
    ]);
    const blocks = await extractBlocks('faq.xlsx', xlsx);
    expect(blocks[1]).toMatchObject({ section: 'Billing' });
    const csv = 'question,answer\n"Do you ship on weekends?","Yes, on Saturdays."\n"Multi, comma","Line one\nline two ""quoted"""\n';
    expect(texts(await extractBlocks('faq.csv', Buffer.from(csv)))).toEqual([
      'Q:Do you ship on weekends?|A:Yes, on Saturdays.',
      'Q:Multi, comma|A:Line one line two "quoted"',
    ]);
    // No recognised header: the first two columns are question and answer.
    expect(texts(await extractBlocks('faq.csv', Buffer.from('Where are you?,In Shanghai.\n')))).toEqual(['Q:Where are you?|A:In Shanghai.']);
  });

  it('fails corrupt and unsupported files with a readable message', async () => {
    const cases: [string, Buffer, RegExp][] = [
      ['broken.docx', Buffer.from('PK\u0003\u0004 this is not really a zip'), /Could not read the DOCX file/],
      ['renamed.docx', Buffer.from('plain text pretending'), /not a DOCX/],
      ['broken.pdf', Buffer.from('%PDF-1.4\n1 0 obj garbage\n%%EOF'), /Could not read the PDF file|No text found in the PDF/],
      ['broken.xlsx', Buffer.from('PK\u0003\u0004 nope'), /Could not read the XLSX file/],
      ['photo.jpg', Buffer.from([0xff, 0xd8, 0xff]), /Unsupported file type "\.jpg"/],
      ['empty.txt', Buffer.alloc(0), /empty/],
      ['blank.md', Buffer.from('\n\n   \n'), /No text found/],
    ];
    for (const [name, bytes, message] of cases) {
      const err = await extractBlocks(name, bytes).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, name).toBeInstanceOf(ExtractionError);
      expect((err as Error).message, name).toMatch(message);
    }
  });
});
