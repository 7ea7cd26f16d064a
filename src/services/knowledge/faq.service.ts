import { Readable } from 'node:stream';
import { z } from 'zod';
import { RequestContext } from '../../core/context.js';
import { badInput, notFound } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import { KnowledgeDocument } from '../../entities/knowledge/document.entity.js';
import type { DocumentService } from './document.service.js';
import { isQuestionLine } from './extract/blocks.js';
import type { FileService } from './file.service.js';

const QUESTION_MAX = 500;
const ANSWER_MAX = 4000;
const entrySchema = z.object({
  question: z.string({ message: 'question is required' }).trim().min(1, 'question is required').max(QUESTION_MAX, `question must be at most ${QUESTION_MAX} characters`),
  answer: z.string({ message: 'answer is required' }).trim().min(1, 'answer is required').max(ANSWER_MAX, `answer must be at most ${ANSWER_MAX} characters`),
  replaces: z.number().int().positive().nullable().optional(),
});

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The answer's lines as the person typed them, spaces collapsed and blank lines dropped. A line that reads as a
 * question ("Q: …", "问：…") would start a new entry in the file: it is kept at the end of the line before instead.
 * (The first line cannot: it is written after "A: ".)
 */
function answerLines(answer: string): string[] {
  const lines: string[] = [];
  for (const raw of answer.split(/\r\n?|\n/)) {
    const line = oneLine(raw);
    if (!line) continue;
    if (lines.length && isQuestionLine(line)) lines[lines.length - 1] += ` ${line}`;
    else lines.push(line);
  }
  return lines;
}

/**
 * The text `save` writes: the question on one line, then the answer's lines each a paragraph of its own (blank-line
 * separated), so the extractor keeps each a line of the answer rather than joining it to the one before as a wrap.
 * Every line is a single line (oneLine), so this reads back exactly what was saved.
 */
const ENTRY_TEXT = /^Q: ([^\n]+)\nA: ([^\n]+(?:\n\n[^\n]+)*)\n$/;
// At most 3 UTF-8 bytes per UTF-16 unit the limits count, and a typed line break (one unit) is written as two bytes:
// a larger file is not an entry and is not read.
const ENTRY_MAX_BYTES = (QUESTION_MAX + ANSWER_MAX) * 3 + 'Q: \nA: \n'.length;

export interface FaqEntry {
  documentId: number;
  question: string;
  answer: string;
}

/**
 * FAQ entries learned from agents: a question the AI could not answer and the reply a person gave, saved as a
 * small Q&A document of the staff ("Q: … / A: …", so it is a Q&A entry whose heading is the question and whose
 * answer keeps the lines and list items the person typed). It is indexed before the call returns, so the next
 * contact who asks gets the answer; it is listed, renamed and deleted with the staff's other documents.
 */
export class FaqService {
  constructor(private readonly deps: { files: FileService; documents: DocumentService }) {}

  /**
   * Saves an entry (or replaces the FAQ document `replaces` with it) and indexes it at once. A merchant
   * saves for any of its staff; an agent for the staff it is assigned to.
   */
  async save(caller: RequestContext, staffId: number, input: { question: string; answer: string; replaces?: number | null }): Promise<KnowledgeDocument> {
    const entry = parseInput(entrySchema, input);
    const ctx = await this.forMerchant(caller, staffId);
    const merchantId = ctx.requireMerchant().merchantId;
    // The document to replace must be one of this staff's (checked before anything is stored).
    if (entry.replaces) await this.deps.documents.requireOwned(ctx, staffId, entry.replaces);
    const text = `Q: ${oneLine(entry.question)}\nA: ${answerLines(entry.answer).join('\n\n')}\n`;
    const title = oneLine(entry.question).replace(/[\\/:*?"<>|]/g, '').slice(0, 80) || 'entry';
    const file = await this.deps.files.storeFor(ctx.em, merchantId, { fileName: `FAQ ${title}.txt`, data: Readable.from([Buffer.from(text, 'utf8')]) });
    const [doc] = await this.deps.documents.update(ctx, staffId, [{ filePath: file.filePath, fileName: file.fileName }]);
    await this.deps.documents.indexDocument(doc!.id);
    if (entry.replaces) await this.deps.documents.delete(ctx, staffId, [entry.replaces]);
    return ctx.em.fork().findOneOrFail(KnowledgeDocument, doc!.id);
  }

  /**
   * An entry's question and answer (its lines joined with '\n') as saved, to edit it. Same access as `save`; a
   * document of the staff that is not an FAQ entry (its text is not what `save` writes, whatever its name) is
   * BAD_USER_INPUT.
   */
  async get(caller: RequestContext, staffId: number, documentId: number): Promise<FaqEntry> {
    const ctx = await this.forMerchant(caller, staffId);
    const doc = await this.deps.documents.requireOwned(ctx, staffId, documentId);
    const file = await this.deps.files.getOwned(ctx, doc.filePath);
    const notAnEntry = () => badInput(`Document ${doc.id} is not an FAQ entry`);
    if (file.fileSize > ENTRY_MAX_BYTES) throw notAnEntry();
    const match = ENTRY_TEXT.exec((await this.deps.files.read(file)).toString('utf8'));
    if (!match) throw notAnEntry();
    return { documentId: doc.id, question: match[1]!, answer: match[2]!.split('\n\n').join('\n') };
  }

  /** The document rules are the merchant's: an agent acts for its merchant, on a staff it serves only. */
  private async forMerchant(ctx: RequestContext, staffId: number): Promise<RequestContext> {
    const actor = ctx.requireTenant();
    if (actor.kind === 'merchant') return ctx;
    const rows: { staff_id: number }[] = await ctx.em
      .getConnection()
      .execute('select staff_id from agent_staff where agent_id = ? and staff_id = ?', [actor.agentId, staffId], 'all', ctx.em.getTransactionContext());
    if (!rows.length) throw notFound(`Staff ${staffId}`);
    return new RequestContext(ctx.em, { kind: 'merchant', merchantId: actor.merchantId, userName: actor.userName, tokenId: actor.tokenId }, ctx.log, ctx.meta);
  }
}
