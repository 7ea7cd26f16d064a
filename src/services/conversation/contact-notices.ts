import { LanguageResponse } from '../../entities/staff/staff-enums.js';

/** What the contact is told when a person becomes involved; in the staff's reply language. */
const texts = {
  queued: {
    zh: (ahead: number) => `正在为您转接人工客服，请稍候。${ahead > 0 ? `您前面还有 ${ahead} 位。` : ''}`,
    en: (ahead: number) => `Connecting you to a person, please wait.${ahead > 0 ? ` ${ahead} ahead of you.` : ''}`,
  },
  accepted: { zh: (name: string) => `人工客服 ${name} 为您服务。`, en: (name: string) => `${name} has joined the conversation.` },
  closed: { zh: () => '本次会话已结束，感谢您的咨询。', en: () => 'This conversation has ended. Thank you.' },
};

type Lang = 'zh' | 'en';
const langOf = (staff: { languageResponse: LanguageResponse | `${LanguageResponse}` }): Lang =>
  staff.languageResponse === LanguageResponse.ENGLISH ? 'en' : 'zh';

export const contactNotices = {
  /** `position` is 1-based; null when no longer known. */
  queued: (staff: Parameters<typeof langOf>[0], position: number | null) => texts.queued[langOf(staff)](position && position > 1 ? position - 1 : 0),
  accepted: (staff: Parameters<typeof langOf>[0], agentName: string) => texts.accepted[langOf(staff)](agentName),
  closed: (staff: Parameters<typeof langOf>[0]) => texts.closed[langOf(staff)](),
};
