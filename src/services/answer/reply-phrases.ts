import { isChinese } from '../knowledge/text-segmenter.js';
import type { Persona } from './answer.types.js';

export type ReplyLanguage = 'zh' | 'en';

type Tone = Persona['tone'];
type Phrases = Record<ReplyLanguage, Record<'friendly' | 'professional' | 'direct', string>>;

const toneKey = (tone: Tone): 'friendly' | 'professional' | 'direct' =>
  tone === 'professional and cautious' ? 'professional' : tone === 'clear and direct' ? 'direct' : 'friendly';

const REFUSALS: Phrases = {
  zh: {
    friendly: '抱歉，我的资料里没有找到这个问题的答案。需要为您转接人工客服吗？',
    professional: '抱歉，现有资料中没有关于这个问题的确切信息。为避免误导，建议由人工客服为您解答，需要为您转接吗？',
    direct: '资料里没有这个问题的答案。需要转人工客服吗？',
  },
  en: {
    friendly: "Sorry, I couldn't find the answer to that in my materials. Would you like me to connect you with a person?",
    professional: "I'm sorry, my materials do not cover that precisely, and I would rather not guess. Shall I connect you with a colleague?",
    direct: "My materials don't answer that. Shall I connect you with a person?",
  },
};

/** The language to reply in: the question's own when it is clearly Chinese or English, else the persona's. */
export function replyLanguage(question: string, persona: Pick<Persona, 'languageResponse'>): ReplyLanguage {
  const q = question.normalize('NFKC');
  if (isChinese(q)) return 'zh';
  if (/[A-Za-z]{2,}/.test(q)) return 'en';
  return persona.languageResponse === 'English' ? 'en' : 'zh';
}

/** "I don't know, shall I get you a person?" in the reply's language and the persona's tone — never an invented answer. */
export function refusalText(language: ReplyLanguage, tone: Tone = 'friendly and sincere'): string {
  return REFUSALS[language][toneKey(tone)];
}

export { toneKey };
