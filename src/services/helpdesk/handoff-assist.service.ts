import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { badInput, conflict, rateLimited } from '../../core/errors.js';
import type { RateLimiter } from '../../core/rate-limit.js';
import type { Logger } from '../../core/logger.js';
import { parseInput } from '../../core/validation.js';
import { Message, MessageType, SenderType } from '../../entities/session/message.entity.js';
import { Session, type HandoffSummaryData } from '../../entities/session/session.entity.js';
import type { AnswerService } from '../answer/answer.service.js';
import type { ChatTurn } from '../answer/answer.types.js';
import { replyLanguage } from '../answer/reply-phrases.js';
import type { SessionService } from '../session/session.service.js';
import type { StaffService } from '../staff/staff.service.js';
import { extractiveSummary, summaryPrompt } from './handoff-summary.js';

export interface SuggestedReply {
  text: string;
  grounded: boolean;
  confidence: number;
  answerer: 'llm' | 'builtin';
}

/** The turns a summary or suggestion reads: the newest ones, enough for a handoff. */
const TURNS = 40;

/**
 * What an agent gets when it takes a session from the AI: a short summary of what the contact asked and what
 * the AI answered, and on request a suggested reply from the answering service over the conversation. Both read
 * messages only, so internal notes never shape them.
 */
export class HandoffAssistService {
  constructor(
    private readonly sessions: SessionService,
    private readonly staff: StaffService,
    private readonly answers: AnswerService,
    private readonly limiter: RateLimiter,
    /** The budgets of askStaff (ASK_STAFF_PER_MINUTE, ASK_STAFF_PER_STAFF_PER_MINUTE): a suggestion costs the same. */
    private readonly budget: { perMerchant: number; perStaff: number },
    private readonly log: Logger,
  ) {}

  /**
   * The summary of a handed-off (or taken-over) session; null for one still with the AI alone. Made once and
   * kept on the session: with an LLM configured it is generated, otherwise (or should the LLM fail) extracted.
   * `generate: false` (list items, pushes) never waits for the LLM: it answers the kept one or an extract.
   */
  async summaryOf(ctx: RequestContext, sessionId: number, opts: { generate?: boolean } = {}): Promise<HandoffSummaryData | null> {
    const session = await this.sessions.get(ctx, sessionId);
    return this.summaryOfSession(ctx, session, opts);
  }

  async summaryOfSession(ctx: RequestContext, session: Session, opts: { generate?: boolean } = {}): Promise<HandoffSummaryData | null> {
    if (!session.handoffReason) return null;
    if (session.handoffSummary) return session.handoffSummary;
    await ctx.em.populate(session, ['staff']);
    const turns = await this.turns(ctx, session);
    const language = replyLanguage(turns.filter((t) => t.senderType === SenderType.CONTACT).map((t) => t.content).join(' '), session.staff);
    const extract = extractiveSummary(turns, language, session.handoffReason);
    const llm = this.answers.llm;
    if (llm && opts.generate === false) return extract;
    let summary = extract;
    if (llm && turns.length) {
      try {
        summary = { ...extract, text: await llm.complete(summaryPrompt(turns, language)), generatedBy: 'llm' };
      } catch (err) {
        this.log.warn({ err: (err as Error).message, sessionId: session.id }, 'LLM handoff summary failed; kept the extract');
      }
    }
    // Kept once: a concurrent reader that stored first wins, and both answer the same from then on.
    await ctx.em.nativeUpdate(Session, { id: session.id, handoffSummary: null }, { handoffSummary: summary });
    const kept = await ctx.em.fork().findOne(Session, session.id, { fields: ['handoffSummary'] });
    return kept?.handoffSummary ?? summary;
  }

  /** A reply the answering service suggests for what the contact has asked since anyone last answered. */
  async suggestReply(ctx: RequestContext, sessionId: number): Promise<SuggestedReply> {
    const session = await this.sessions.get(ctx, parseInput(z.number().int().positive('sessionId must be a positive whole number'), sessionId));
    await ctx.em.populate(session, ['staff', 'staff.merchant']);
    const refusal = this.staff.refusalOf(session.staff);
    if (refusal) throw conflict(refusal);
    const [byMerchant, byStaff] = await Promise.all([
      this.limiter.hit(`ask:merchant:${session.merchant.id}`, this.budget.perMerchant, 60_000),
      this.limiter.hit(`ask:staff:${session.staff.id}`, this.budget.perStaff, 60_000),
    ]);
    if (!byMerchant || !byStaff) throw rateLimited('Too many questions to this staff, wait a minute');
    const turns = (await this.turns(ctx, session, true)).filter((t) => t.msgType === MessageType.TEXT && t.content.trim());
    let start = turns.length;
    while (start > 0 && turns[start - 1]!.senderType === SenderType.CONTACT) start--;
    const asked = turns.slice(start);
    if (!asked.length) {
      const last = [...turns].reverse().find((t) => t.senderType === SenderType.CONTACT);
      if (!last) throw badInput('The contact has not asked anything yet');
      asked.push(last);
    }
    const history: ChatTurn[] = turns.slice(0, start).map((t) => ({ role: t.senderType === SenderType.CONTACT ? 'user' : 'assistant', content: t.content }));
    const question = asked.map((t) => t.content).join('\n').slice(0, 2000);
    const stream = this.answers.answer(ctx.em, session.staff, question, { history });
    for await (const _piece of stream) {
      // The text is collected by the stream.
    }
    const result = await stream.result;
    return { text: result.text, grounded: result.grounded, confidence: result.confidence, answerer: result.answerer };
  }

  /** The newest turns, oldest first: the contact's and the AI's (and with `agents`, the agents' replies). */
  private async turns(ctx: RequestContext, session: Session, agents = false): Promise<Message[]> {
    const senders = agents ? [SenderType.CONTACT, SenderType.AI, SenderType.AGENT] : [SenderType.CONTACT, SenderType.AI];
    const rows = await ctx.em.find(Message, { session: session.id, senderType: { $in: senders } }, { orderBy: { seq: 'desc' }, limit: TURNS });
    return rows.reverse();
  }
}
