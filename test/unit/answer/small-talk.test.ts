import { describe, expect, it } from 'vitest';
import { smallTalkOf, smallTalkReply } from '../../../src/services/answer/small-talk.js';

const persona = {
  name: 'Vera',
  orgName: 'Voltra',
  description: '',
  tone: 'friendly and sincere',
  outputLength: 'normal-length',
  languageMode: 'written',
  languageResponse: 'Chinese',
  greetings: '您好，我是 Vera！',
} as const;

describe('small talk', () => {
  it('recognises whole greetings, thanks, goodbyes and "are you a robot", in English and Chinese', () => {
    expect(['hello', 'Hi there!', '你好', '早上好'].map(smallTalkOf)).toEqual(['greeting', 'greeting', 'greeting', 'greeting']);
    expect(['Thanks a lot!', '谢谢！', '好的，谢谢你'].map(smallTalkOf)).toEqual(['thanks', 'thanks', 'thanks']);
    expect(['Goodbye', '再见', 'thanks, bye'].map(smallTalkOf)).toEqual(['goodbye', 'goodbye', 'goodbye']);
    expect(['Are you a robot?', '你是机器人吗？'].map(smallTalkOf)).toEqual(['identity', 'identity']);
  });

  it('a run of small-talk phrases is small talk, the last one deciding the reply', () => {
    expect(['bye, have a nice day', 'ok thanks, bye', 'hi there, are you a bot?', '好的，谢谢，再见'].map(smallTalkOf)).toEqual(['goodbye', 'goodbye', 'identity', 'goodbye']);
    expect(smallTalkOf('ok, how much is the deposit?')).toBeNull();
  });

  it('takes a Chinese modal particle at the end for tone, and "AI" spelt out for identity', () => {
    expect(smallTalkOf('你好呀')).toBe('greeting');
    expect(smallTalkOf('谢谢啦！')).toBe('thanks');
    expect(smallTalkOf('你是人工智能吗')).toBe('identity');
    expect(smallTalkOf('你好呀，押金多少？')).toBeNull();
  });

  it('a greeting or thanks with a question in it is a question', () => {
    for (const q of ['Hello, how much is the deposit?', '你好，押金是多少？', 'thanks, and when does the store open?']) expect(smallTalkOf(q), q).toBeNull();
  });

  it("answers in the reply's language; the staff's own greeting only when it is in that language", () => {
    expect(smallTalkReply('greeting', persona, 'zh')).toBe('您好，我是 Vera！');
    expect(smallTalkReply('greeting', persona, 'en')).toBe("Hello! I'm Vera from Voltra. How can I help you today?");
    expect(smallTalkReply('thanks', { ...persona, tone: 'clear and direct' }, 'en')).toBe('You are welcome. Anything else?');
  });
});
