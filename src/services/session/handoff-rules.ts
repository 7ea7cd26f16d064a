/** Phrases that hand a conversation to a person at once (DESIGN.md), besides each staff's own. */
export const BUILT_IN_HANDOFF_PHRASES = [
  '转人工',
  '人工客服',
  '人工服务',
  '找人工',
  '真人客服',
  'human agent',
  'talk to a human',
  'speak to a human',
  'real person',
  'live agent',
];

/** Answers below this confidence are sent, and the conversation is handed to a person. */
export const MIN_ANSWER_CONFIDENCE = 0.35;

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

export function asksForHuman(text: string, staffPhrases: readonly string[] = []): boolean {
  const t = normalise(text);
  if (!t) return false;
  return [...BUILT_IN_HANDOFF_PHRASES, ...staffPhrases].some((p) => {
    const phrase = normalise(p);
    return phrase.length > 0 && t.includes(phrase);
  });
}

/** An answer that could not be grounded, or was unsure, goes to a person after it is sent. */
export function needsHuman(result: { grounded: boolean; confidence: number }): boolean {
  return !result.grounded || result.confidence < MIN_ANSWER_CONFIDENCE;
}
