import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors.js';
import { ChannelType, Contact } from '../../../src/entities/contact/contact.entity.js';
import { Merchant } from '../../../src/entities/merchant/merchant.entity.js';
import { Session } from '../../../src/entities/session/session.entity.js';
import { Staff } from '../../../src/entities/staff/staff.entity.js';
import { contactNotices } from '../../../src/services/conversation/contact-notices.js';

function newSession(): Session {
  const merchant = new Merchant('m', 'm@x.example', 'h');
  const staff = new Staff({ merchant, serialNo: 's', apiKey: 'a', secretKey: 'k', name: 'n', orgName: 'o' });
  const contact = new Contact({ merchant, staff, channel: ChannelType.WEB, externalId: 'c' });
  return new Session({ merchant, staff, contact, channel: ChannelType.WEB });
}

describe('rating a conversation', () => {
  it('is refused before the close, taken once after it, and never changed', () => {
    const s = newSession();
    expect(() => s.rate(5, null)).toThrow(AppError);
    s.close(new Date());
    s.rate(4, 'quick');
    expect([s.csatScore, s.csatComment]).toEqual([4, 'quick']);
    expect(() => s.rate(1, null)).toThrow(/already been rated/);
    expect(s.csatScore).toBe(4);
  });

  it('asks and thanks in the reply language, and the away notice says when agents return', () => {
    expect(contactNotices.ratePrompt('en', 30)).toMatch(/1 \(poor\) to 5 \(excellent\) within 30 minutes/);
    expect(contactNotices.ratePrompt({ languageResponse: 'Chinese' }, 10)).toContain('10 分钟内回复 1 到 5');
    expect(contactNotices.rated('en')).toBe('Thank you for your rating!');
    expect(contactNotices.offline('en', 'Monday 7 December 09:00 (UTC)')).toMatch(/^Our agents are away now and return Monday 7 December 09:00 \(UTC\)\. Leave a message/);
    expect(contactNotices.offline('zh', null)).toMatch(/^人工客服现在不在工作时间。请直接留言/);
  });
});
