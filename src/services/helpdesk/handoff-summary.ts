import { MessageType, SenderType } from '../../entities/session/message.entity.js';
import type { HandoffSummaryData } from '../../entities/session/session.entity.js';
import type { ReplyLanguage } from '../answer/reply-phrases.js';

interface Turn {
  senderType: SenderType;
  msgType: MessageType;
  content: string;
}

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const reasons: Record<ReplyLanguage, Record<string, string>> = {
  en: { requested: 'the contact asked for a person', low_confidence: 'the AI was not sure of its answer', human_first: 'this staff hands every conversation to a person', taken_over: 'an agent took it over' },
  zh: { requested: '客户要求人工服务', low_confidence: 'AI 对回答没有把握', human_first: '该员工的会话都由人工接待', taken_over: '客服主动接管' },
};

/**
 * The summary without a language model: the contact's last (distinct) questions and the AI's last answers,
 * clipped, in the contact's language.
 */
export function extractiveSummary(turns: readonly Turn[], language: ReplyLanguage, reason: string): HandoffSummaryData {
  const text = (t: Turn) => (t.msgType === MessageType.TEXT ? t.content : `[${t.msgType}]`);
  const questions = [...new Set(turns.filter((t) => t.senderType === SenderType.CONTACT).map((t) => clip(text(t), 160)).filter(Boolean))].slice(-3);
  const answers = turns.filter((t) => t.senderType === SenderType.AI).map((t) => clip(t.content, 200)).filter(Boolean).slice(-2);
  const why = reasons[language][reason] ?? reason;
  const parts =
    language === 'zh'
      ? [`客户问:${questions.join(' / ') || '(无)'}`, `AI 答:${answers.join(' / ') || '(未回答)'}`, `转人工原因:${why}`]
      : [`The contact asked: ${questions.join(' / ') || '(nothing)'}`, `The AI answered: ${answers.join(' / ') || '(no answer)'}`, `Handed over because ${why}.`];
  return { text: parts.join(language === 'zh' ? '。' : '\n'), questions, answers, generatedBy: 'extractive', createdAt: new Date().toISOString() };
}

/** The instruction and transcript for a generated summary. */
export function summaryPrompt(turns: readonly Turn[], language: ReplyLanguage): { role: 'system' | 'user'; content: string }[] {
  const transcript = turns
    .map((t) => `${t.senderType === SenderType.CONTACT ? 'Customer' : 'AI'}: ${t.msgType === MessageType.TEXT ? clip(t.content, 600) : `[${t.msgType}]`}`)
    .join('\n');
  return [
    {
      role: 'system',
      content: `You brief a human support agent who is taking over a conversation from an AI assistant. In at most three short sentences, state what the customer wants and what the AI already answered. Write in ${language === 'zh' ? 'Simplified Chinese' : 'English'}. Do not address the customer.`,
    },
    { role: 'user', content: transcript },
  ];
}
