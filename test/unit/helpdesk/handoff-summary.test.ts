import { describe, expect, it } from 'vitest';
import { MessageType, SenderType } from '../../../src/entities/session/message.entity.js';
import { extractiveSummary, summaryPrompt } from '../../../src/services/helpdesk/handoff-summary.js';

const contact = (content: string, msgType = MessageType.TEXT) => ({ senderType: SenderType.CONTACT, msgType, content });
const ai = (content: string) => ({ senderType: SenderType.AI, msgType: MessageType.TEXT, content });

describe('extractive handoff summary', () => {
  it('keeps the last three distinct questions and the last two answers, clipped', () => {
    const turns = [contact('one'), ai('a1'), contact('two'), ai('a2'), contact('two'), contact('three'), ai('a3'), contact('four   with\nspaces'), contact('x'.repeat(300))];
    const s = extractiveSummary(turns, 'en', 'low_confidence');
    expect(s.questions).toEqual(['three', 'four with spaces', `${'x'.repeat(159)}…`]);
    expect(s.answers).toEqual(['a2', 'a3']);
    expect(s.generatedBy).toBe('extractive');
    expect(s.text).toContain('Handed over because the AI was not sure of its answer.');
  });

  it('speaks Chinese for a Chinese contact, names media, and says when the AI did not answer', () => {
    const s = extractiveSummary([contact('https://x/p.png', MessageType.PICTURE), contact('我要退货')], 'zh', 'requested');
    expect(s.questions).toEqual(['[picture]', '我要退货']);
    expect(s.text).toBe('客户问:[picture] / 我要退货。AI 答:(未回答)。转人工原因:客户要求人工服务');
  });

  it('keeps an unknown reason as it is', () => {
    expect(extractiveSummary([contact('hi')], 'en', 'after_hours').text).toContain('Handed over because after_hours.');
  });

  it('asks the LLM in the contact language with the customer and AI turns only', () => {
    const [system, user] = summaryPrompt([contact('hello'), ai('hi!')], 'zh');
    expect(system!.content).toContain('Simplified Chinese');
    expect(user!.content).toBe('Customer: hello\nAI: hi!');
  });
});
