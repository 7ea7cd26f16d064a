import { describe, expect, it } from 'vitest';
import { foldAnswer, type Turn } from '../../../web/src/admin/answer-stream';

const start: Turn = { id: 1, question: 'When do you open?', answer: '', done: false, sources: [] };

describe('try-out pane: folding the answer stream', () => {
  it('appends deltas, then takes the final answer’s text and its sources once each', () => {
    let turn = foldAnswer(start, { delta: 'We open ', done: false });
    turn = foldAnswer(turn, { delta: 'at 9', done: false });
    expect(turn).toMatchObject({ answer: 'We open at 9', done: false });
    turn = foldAnswer(turn, {
      done: true,
      answer: { text: 'We open at 9 am.', grounded: true, sources: [{ fileName: 'hours.md' }, { fileName: 'hours.md' }, { fileName: 'faq.xlsx' }] },
    });
    expect(turn).toEqual({ ...start, answer: 'We open at 9 am.', done: true, grounded: true, error: undefined, sources: ['hours.md', 'faq.xlsx'] });
  });

  it('ends with the error of a failed answer, keeping what had streamed', () => {
    const turn = foldAnswer(foldAnswer(start, { delta: 'We', done: false }), { done: true, error: 'Staff is frozen', answer: null });
    expect(turn).toMatchObject({ done: true, error: 'Staff is frozen', answer: 'We', sources: [] });
  });
});
