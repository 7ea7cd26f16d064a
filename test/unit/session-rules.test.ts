import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import { Agent } from '../../src/entities/agent/agent.entity.js';
import { ChannelType, Contact } from '../../src/entities/contact/contact.entity.js';
import { Merchant } from '../../src/entities/merchant/merchant.entity.js';
import { Session, SessionStatus } from '../../src/entities/session/session.entity.js';
import { Staff } from '../../src/entities/staff/staff.entity.js';
import { asksForHuman, needsHuman } from '../../src/services/session/handoff-rules.js';

function newSession(): Session {
  const merchant = new Merchant('m', 'm@x.example', 'h');
  const staff = new Staff({ merchant, serialNo: 's', apiKey: 'a', secretKey: 'k', name: 'n', orgName: 'o' });
  const contact = new Contact({ merchant, staff, channel: ChannelType.WEB, externalId: 'c' });
  return new Session({ merchant, staff, contact, channel: ChannelType.WEB });
}
const agent = () => new Agent({ merchant: new Merchant('m', 'm@x.example', 'h'), userName: 'a', passwordHash: 'h', name: 'A' });
const now = new Date();

describe('handoff rules', () => {
  it('recognises the built-in phrases in Chinese and English, any case and spacing', () => {
    for (const text of ['转人工', '我要转人工！', '请帮我找人工客服', 'I want a HUMAN   AGENT', 'can I talk to a human?', 'Real person please']) {
      expect(asksForHuman(text), text).toBe(true);
    }
    for (const text of ['你好', '人工智能是什么', 'what is human resources?', '']) expect(asksForHuman(text), text).toBe(false);
  });

  it("adds the staff's own phrases", () => {
    expect(asksForHuman('请叫店长来', ['叫店长'])).toBe(true);
    expect(asksForHuman('请叫店长来', [])).toBe(false);
    expect(asksForHuman('anything', ['  '])).toBe(false);
  });

  it('hands ungrounded or unsure answers to a person', () => {
    expect(needsHuman({ grounded: false, confidence: 0.9 })).toBe(true);
    expect(needsHuman({ grounded: true, confidence: 0.1 })).toBe(true);
    expect(needsHuman({ grounded: true, confidence: 0.8 })).toBe(false);
  });
});

describe('session lifecycle', () => {
  it('goes ai → pending → manual → pending → manual → closed', () => {
    const s = newSession();
    expect(s.status).toBe(SessionStatus.AI);
    s.handOff('requested', now);
    expect([s.status, s.handoffReason, s.queuedAt]).toEqual([SessionStatus.PENDING, 'requested', now]);
    const a = agent();
    s.accept(a, now);
    expect([s.status, s.agent]).toEqual([SessionStatus.MANUAL, a]);
    s.requeue(now);
    expect([s.status, s.agent]).toEqual([SessionStatus.PENDING, null]);
    s.reassign(a, now);
    expect(s.status).toBe(SessionStatus.MANUAL);
    s.close(now);
    expect([s.status, s.closedAt]).toEqual([SessionStatus.CLOSED, now]);
  });

  it('lets an agent take over from the AI, and refuses every wrong-state call', () => {
    const s = newSession();
    s.accept(agent(), now);
    expect([s.status, s.handoffReason]).toEqual([SessionStatus.MANUAL, 'taken_over']);
    expect(() => s.handOff('requested', now)).toThrow(AppError);
    expect(() => s.accept(agent(), now)).toThrow(/is manual; cannot accept/);
    s.close(now);
    for (const call of [() => s.close(now), () => s.requeue(now), () => s.accept(agent(), now), () => s.handOff('x', now), () => s.reassign(agent(), now)]) {
      expect(call).toThrow(AppError);
    }
    const fresh = newSession();
    expect(() => fresh.requeue(now)).toThrow(/cannot transfer/);
  });
});
