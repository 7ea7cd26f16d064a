import { LanguageResponse } from '../../entities/staff/staff-enums.js';
import type { ReplyLanguage } from '../answer/reply-phrases.js';

/** What the contact is told when a person becomes involved. */
const texts = {
  queued: {
    zh: (ahead: number) => `正在为您转接人工客服，请稍候。${ahead > 0 ? `您前面还有 ${ahead} 位。` : ''}`,
    en: (ahead: number) => `Connecting you to a person, please wait.${ahead > 0 ? ` ${ahead} ahead of you.` : ''}`,
  },
  accepted: { zh: (name: string) => `人工客服 ${name} 为您服务。`, en: (name: string) => `${name} has joined the conversation.` },
  closed: { zh: () => '本次会话已结束，感谢您的咨询。', en: () => 'This conversation has ended. Thank you.' },
  offline: {
    zh: (back: string | null) => `人工客服现在不在工作时间${back ? `，将于 ${back} 回来` : ''}。请直接留言，客服上线后会回复您；在此期间智能助手会继续为您解答。`,
    en: (back: string | null) => `Our agents are away now${back ? ` and return ${back}` : ''}. Leave a message and they will reply when they are back; meanwhile the assistant keeps answering.`,
  },
  ratePrompt: {
    zh: (minutes: number) => `请为本次服务打分：${minutes} 分钟内回复 1 到 5 的数字（1 很不满意，5 非常满意）。`,
    en: (minutes: number) => `Please rate this conversation: reply with a number from 1 (poor) to 5 (excellent) within ${minutes} minutes.`,
  },
  rated: { zh: () => '感谢您的评价！', en: () => 'Thank you for your rating!' },
};

/**
 * The language of a notice: the one decided for the reply it follows (so a Chinese answer is never followed by an
 * English queue notice), or, with no reply to follow, the staff's reply language.
 */
export type NoticeLanguage = ReplyLanguage | { languageResponse: LanguageResponse | `${LanguageResponse}` };

const langOf = (l: NoticeLanguage): ReplyLanguage => (typeof l === 'string' ? l : l.languageResponse === LanguageResponse.ENGLISH ? 'en' : 'zh');

export const contactNotices = {
  /** `position` is 1-based; null when no longer known. */
  queued: (language: NoticeLanguage, position: number | null) => texts.queued[langOf(language)](position && position > 1 ? position - 1 : 0),
  accepted: (language: NoticeLanguage, agentName: string) => texts.accepted[langOf(language)](agentName),
  closed: (language: NoticeLanguage) => texts.closed[langOf(language)](),
  /** Outside business hours; `back` is when the agents return, already localized (formatOpening), or null when unknown. */
  offline: (language: NoticeLanguage, back: string | null) => texts.offline[langOf(language)](back),
  /** On a channel, after the closed notice: the contact's next message "1".."5" within the window is its rating. */
  ratePrompt: (language: NoticeLanguage, windowMinutes: number) => texts.ratePrompt[langOf(language)](windowMinutes),
  rated: (language: NoticeLanguage) => texts.rated[langOf(language)](),
};
