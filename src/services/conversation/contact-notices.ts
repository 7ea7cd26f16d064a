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
};
