import type { Persona } from './answer.types.js';
import { replyLanguage, toneKey, type ReplyLanguage } from './reply-phrases.js';

export type SmallTalk = 'greeting' | 'thanks' | 'goodbye' | 'identity' | 'ack';

// Whole messages only: a greeting followed by a question is a question.
const PATTERNS: [SmallTalk, RegExp][] = [
  ['greeting', /^(hi|hello|hey|hiya|good (morning|afternoon|evening|day)|greetings|你好|您好|嗨|哈喽|早上好|上午好|下午好|晚上好|早|在吗|在不在|有人吗)( there| everyone| all)?$/],
  ['thanks', /^((thanks?|thank you|thx|ty|cheers)( (so|very) much| a lot| again)?( for (your|the) help)?|谢谢(你|您)?(的帮助)?|多谢|感谢(你|您)?|好的谢谢(你|您)?|好的，谢谢(你|您)?|ok thanks|okay thanks|thanks that helps|thank you that helps)$/],
  ['goodbye', /^(bye|goodbye|good bye|bye bye|see you|see ya|have a nice day|再见|拜拜|回头见|下次见)$/],
  ['identity', /^(are you (a )?(robot|bot|human|real person|an? ai|real)|is this (a )?(robot|bot|human)|who are you|what are you|你是(机器人|真人|人工智能|人工|ai|谁)(吗|呀|吧)?|你是不是机器人|是机器人吗|你是人吗)$/],
  ['ack', /^(ok|okay|got it|alright|all right|great|cool|perfect|sure|好的|好|嗯|明白了|知道了|收到|行)$/],
];

/** The message, folded for matching: lower case, punctuation and emoji out, spaces collapsed. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // A Chinese modal particle at the end (你好呀, 谢谢啦) changes the tone, not what is said.
    .replace(/(?<=\p{Script=Han})[呀啊哦哈啦嘛]+$/u, '');
}

/** What kind of small talk a message is, or null when it asks something. */
export function smallTalkOf(message: string): SmallTalk | null {
  const t = fold(message);
  if (!t || t.length > 40) return null;
  // "thanks, goodbye", "bye, have a nice day", "hi, thanks": every part small talk, the last part decides the reply.
  // kinds[i]: the kind of the last part when the first i words are small talk in parts, or undefined.
  const words = t.split(' ');
  const kinds: (SmallTalk | undefined)[] = [undefined];
  const ok = [true];
  for (let end = 1; end <= words.length; end++) {
    ok[end] = false;
    for (let start = 0; start < end; start++) {
      if (!ok[start]) continue;
      const part = words.slice(start, end).join(' ');
      const found = PATTERNS.find(([, re]) => re.test(part))?.[0];
      if (found) {
        ok[end] = true;
        kinds[end] = found;
      }
    }
  }
  return ok[words.length] ? kinds[words.length]! : null;
}

const REPLIES: Record<ReplyLanguage, Record<SmallTalk, (p: Persona, tone: 'friendly' | 'professional' | 'direct') => string>> = {
  en: {
    greeting: (p, tone) =>
      tone === 'direct' ? `Hi, I'm ${p.name} from ${p.orgName}. What do you need?` : tone === 'professional' ? `Hello, this is ${p.name} of ${p.orgName}. How may I help you?` : `Hello! I'm ${p.name} from ${p.orgName}. How can I help you today?`,
    thanks: (_p, tone) => (tone === 'direct' ? 'You are welcome. Anything else?' : tone === 'professional' ? 'You are welcome. Is there anything else I can help you with?' : "You're welcome! Anything else I can help with?"),
    goodbye: (p) => `Goodbye, and thank you for contacting ${p.orgName}!`,
    identity: (p) => `I'm ${p.name}, ${p.orgName}'s AI assistant. I answer from our materials, and I can connect you with a person whenever you like.`,
    ack: (_p, tone) => (tone === 'direct' ? 'Anything else?' : 'Is there anything else I can help with?'),
  },
  zh: {
    greeting: (p, tone) => (tone === 'direct' ? `您好，我是${p.orgName}的${p.name}。请问有什么需要？` : tone === 'professional' ? `您好，这里是${p.orgName}的${p.name}，请问有什么可以帮您？` : `您好！我是${p.orgName}的${p.name}，很高兴为您服务，请问有什么可以帮您？`),
    thanks: (_p, tone) => (tone === 'direct' ? '不客气。还有别的问题吗？' : '不客气！还有什么可以帮您的吗？'),
    goodbye: (p) => `再见，感谢您联系${p.orgName}！`,
    identity: (p) => `我是${p.orgName}的 AI 助手${p.name}，根据我们的资料为您解答；需要时也可以随时为您转接人工客服。`,
    ack: () => '好的，还有什么可以帮您的吗？',
  },
};

/** The persona's reply to small talk; a greeting is the staff's own greeting when it has one in the reply's language. */
export function smallTalkReply(kind: SmallTalk, persona: Persona, language: ReplyLanguage): string {
  const own = persona.greetings?.trim();
  if (kind === 'greeting' && own && replyLanguage(own, persona) === language) return own;
  return REPLIES[language][kind](persona, toneKey(persona.tone));
}
