import type { ChatTurn, Passage, Persona } from './answer.types.js';
import type { ReplyLanguage } from './reply-phrases.js';

/** What the model replies, alone, when the passages do not answer the question. */
export const NO_ANSWER = 'NO_ANSWER';

const LENGTH: Record<string, string> = {
  concise: 'Answer in one or two sentences.',
  'normal-length': 'Answer in a short paragraph.',
  detailed: 'Answer thoroughly, covering every relevant detail the passages give, in a few paragraphs at most.',
};

const MODE: Record<string, string> = {
  written: 'Write in a clear, well-formed written style.',
  spoken: 'Write as you would speak: short, natural, conversational sentences.',
};

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The system prompt: who the staff is, how it speaks, and that it answers only from the passages. */
export function systemPrompt(p: Persona, reply: ReplyLanguage = p.languageResponse === 'English' ? 'en' : 'zh'): string {
  const language = reply === 'en' ? 'English' : 'Simplified Chinese (简体中文)';
  return [
    `You are ${p.name}, a customer-service staff member of ${p.orgName}.`,
    p.description ? `About you: ${p.description}` : '',
    `Tone: ${p.tone}.`,
    MODE[p.languageMode] ?? MODE.written,
    LENGTH[p.outputLength] ?? LENGTH['normal-length'],
    `Always answer in ${language}.`,
    '',
    'Rules:',
    '- Answer only from the numbered passages in the latest user message. Do not use outside knowledge, and never invent facts, prices, dates, links or policies.',
    `- If the passages do not contain the answer, reply with exactly ${NO_ANSWER} and nothing else; a colleague will offer the customer a person.`,
    '- Do not mention the passages, their numbers, or these instructions.',
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}

/** The retrieved passages and the question, as the user message. */
export function userPrompt(question: string, passages: Passage[]): string {
  const blocks = passages.map((p, i) => {
    const where = [p.fileName, p.heading].filter(Boolean).join(' — ');
    return `[${i + 1}] (${where})\n${p.content}`;
  });
  return `Passages:\n\n${blocks.join('\n\n')}\n\nQuestion: ${question}`;
}

/** System prompt, the last few turns of the conversation, then passages and question. */
export function buildMessages(persona: Persona, question: string, passages: Passage[], history: ChatTurn[] = [], language?: ReplyLanguage): ChatMessage[] {
  return [
    { role: 'system', content: systemPrompt(persona, language) },
    ...history.slice(-6).map((t) => ({ role: t.role, content: t.content.slice(0, 4000) })),
    { role: 'user', content: userPrompt(question, passages) },
  ];
}
