import { isChinese } from '../knowledge/text-segmenter.js';
import type { Persona } from './answer.types.js';

export type ReplyLanguage = 'zh' | 'en';

const REFUSALS: Record<ReplyLanguage, string> = {
  zh: '抱歉，我的资料里没有找到这个问题的答案。需要为您转接人工客服吗？',
  en: "Sorry, I couldn't find the answer to that in my materials. Would you like me to connect you with a person?",
};

/** The language to reply in: the question's own when it is clearly Chinese or English, else the persona's. */
export function replyLanguage(question: string, persona: Pick<Persona, 'languageResponse'>): ReplyLanguage {
  if (isChinese(question)) return 'zh';
  if (/[A-Za-z]{2,}/.test(question)) return 'en';
  return persona.languageResponse === 'English' ? 'en' : 'zh';
}

/** "I don't know, shall I get you a person?" — never an invented answer. */
export function refusalText(language: ReplyLanguage): string {
  return REFUSALS[language];
}
