import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import { Contact, type ChannelType } from '../../entities/contact/contact.entity.js';
import { Session, SessionStatus } from '../../entities/session/session.entity.js';
import type { Staff } from '../../entities/staff/staff.entity.js';
import { contactNotices } from '../conversation/contact-notices.js';
import type { SessionJournal } from './session-journal.js';
import { crossTenantEm } from '../../core/db/tenancy.js';

const ratingSchema = z.object({
  score: z.number('score must be a number from 1 to 5').int('score must be a whole number from 1 to 5').min(1, 'score must be from 1 to 5').max(5, 'score must be from 1 to 5'),
  comment: z.string('comment must be a string').trim().max(1000, 'comment must be at most 1000 characters').nullable().optional(),
});

export type RatingInput = z.input<typeof ratingSchema>;

/** A bare digit, as a channel contact answers the rating prompt. */
const TEXT_RATING = /^\s*([1-5])\s*$/;

/**
 * The contact's rating of a conversation (CSAT), once it has closed: 1 to 5 and an optional comment, one per
 * session, given within `windowMinutes` of the close. Web chat and the chat page send it as a frame; on a
 * channel, the contact's next message "1".."5" within the window is its rating (the closed notice asks for it).
 */
export class CsatService {
  constructor(
    private readonly orm: MikroORM,
    private readonly journal: SessionJournal,
    readonly windowMinutes: number,
  ) {}

  /** Rates the contact's latest conversation closed within the window; NOT_FOUND without one, CONFLICT when it was rated. */
  async rate(staffId: number, channel: ChannelType, externalId: string, input: RatingInput): Promise<Session> {
    const rating = parseInput(ratingSchema, input);
    return crossTenantEm(this.orm).transactional(async (tx) => {
      const session = await this.latestClosed(tx, staffId, channel, externalId);
      if (!session) throw new AppError(ErrorCode.NotFound, `No conversation closed in the last ${this.windowMinutes} minutes to rate`);
      session.rate(rating.score, rating.comment || null);
      await tx.flush();
      return session;
    });
  }

  /**
   * A channel message that is the rating: a bare "1".."5" while the contact has no open conversation and its
   * last one closed within the window. Answers null for any other message, which then goes on as usual; a
   * repeated digit (a channel retry) is still taken, and the first rating stays.
   */
  async rateFromText(staff: Staff, channel: ChannelType, externalId: string, text: string): Promise<{ sessionId: number; contactId: number } | null> {
    const digit = TEXT_RATING.exec(text);
    if (!digit) return null;
    return crossTenantEm(this.orm).transactional(async (tx) => {
      const session = await this.latestClosed(tx, staff.id, channel, externalId);
      if (!session) return null;
      const open = await tx.count(Session, { contact: session.contact, status: { $ne: SessionStatus.CLOSED } });
      if (open) return null;
      if (session.csatScore === null) {
        session.rate(Number(digit[1]), null);
        await tx.populate(session, ['staff', 'merchant', 'contact']);
        await this.journal.notice(tx, session, contactNotices.rated(session.staff));
        await tx.flush();
      }
      return { sessionId: session.id, contactId: session.contact.id };
    });
  }

  private async latestClosed(tx: EntityManager, staffId: number, channel: ChannelType, externalId: string): Promise<Session | null> {
    const contact = await tx.findOne(Contact, { staff: staffId, channel, externalId });
    if (!contact) return null;
    const since = new Date(Date.now() - this.windowMinutes * 60_000);
    return tx.findOne(
      Session,
      { contact, status: SessionStatus.CLOSED, closedAt: { $gte: since } },
      { orderBy: { closedAt: 'desc', id: 'desc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
  }
}
