import { describe, expect, it } from 'vitest';
import { bestSentences, caseOnlyTokens, topicOf } from '../../../src/services/answer/answer-selection.js';
import type { Passage } from '../../../src/services/answer/answer.types.js';
import { generalSynonyms } from '../../../src/services/answer/general-synonyms.js';
import { tokenize } from '../../../src/services/knowledge/text-segmenter.js';

const passageOf = (content: string): Passage => ({ chunkId: 1, documentId: 1, fileName: 'life.md', kind: 'text', heading: 'Ada Marsh › Later years', content, score: 0.5 });
const best = (question: string, content: string) => {
  const top = bestSentences(question, [passageOf(content)])[0]!;
  return top.units[top.index]!.text;
};

describe('general synonyms', () => {
  it('parses its groups into index tokens, multi-word ones as token lists', () => {
    const groups = generalSynonyms();
    expect(groups.some((g) => g.some((w) => w.join(' ') === tokenize('pass away').join(' ')))).toBe(true);
    expect(groups.every((g) => g.length >= 2)).toBe(true);
  });

  it('meets a paraphrased verb in the answer sentence, English and Chinese', () => {
    expect(best('When did Ada Marsh pass away?', 'She retired in 1932 and moved to the coast. She died in 1944 at the age of seventy.')).toBe(
      'She died in 1944 at the age of seventy.',
    );
    expect(best('大桥是哪一年竣工的？', '大桥于 1950 年开工。大桥在 1957 年完成，全长一千米。')).toBe('大桥在 1957 年完成，全长一千米。');
  });
});

describe('WordNet synonyms in answer selection', () => {
  const orchard = 'The trees flower late, in mid-May. They give a heavy crop only every second year.';
  const scoreOf = (question: string, content: string) => bestSentences(question, [passageOf(content)])[0]!.score;

  it('meets a word the passages say otherwise, for part of its weight', () => {
    expect(best('How often do the trees give a big harvest?', orchard)).toBe('They give a heavy crop only every second year.');
    const reworded = scoreOf('How often do the trees give a big harvest?', orchard);
    const same = scoreOf('How often do the trees give a big crop?', orchard);
    const unrelated = scoreOf('How often do the trees give a big pension?', orchard);
    expect(reworded).toBeLessThan(same);
    expect(reworded).toBeGreaterThan(unrelated);
  });

  it('is not used for a word the passages have', () => {
    const text = 'The harvest is in October. They give a heavy crop only every second year.';
    expect(best('When is the harvest?', text)).toBe('The harvest is in October.');
  });

  it('meets a broader word than the question word (cottage → house) for less than the word', () => {
    const mill = 'The stone house by the mill was built in 1820.';
    const related = scoreOf('When was the stone cottage by the mill built?', mill);
    const unrelated = scoreOf('When was the stone pension by the mill built?', mill);
    const same = scoreOf('When was the stone house by the mill built?', mill);
    expect(related).toBeGreaterThan(unrelated);
    expect(related).toBeLessThan(same);
  });

  it('takes a place name the passage says only by a broader word ("city" for Aachen) for a stranger', () => {
    const bonn = 'The city museum in Bonn holds the crown of the old kings.';
    expect(scoreOf('Which museum in Aachen holds the crown?', bonn)).toBeLessThan(0.5);
  });

  it('does not take a name the passage says otherwise ("French" against "in France") for a stranger', () => {
    const twinned = 'The town has been twinned with Saint-Aubin in France since 1974.';
    expect(scoreOf('With which French town has it been twinned since 1974?', twinned)).toBeGreaterThan(scoreOf('With which Zorbian town has it been twinned since 1974?', twinned) + 0.1);
  });
});

describe('opposites and prefixes', () => {
  it('doubts a sentence that says the opposite of the question word and not the word', () => {
    const text = '桐川地势西高东低，最高点鸡笼山海拔 612 米。镇东的永济桥是一座石拱桥。';
    const scoreOf = (question: string) => bestSentences(question, [passageOf(text)])[0]!.score;
    expect(scoreOf('桐川最低的地方海拔多少米？')).toBeLessThan(scoreOf('桐川最高的地方海拔多少米？') * 0.7);
    const falls = 'The highest falls on the river drop 19 metres into a gorge.';
    const englishScore = (question: string) => bestSentences(question, [passageOf(falls)])[0]!.score;
    expect(englishScore('How far do the lowest falls drop?')).toBeLessThan(englishScore('How far do the highest falls drop?') * 0.7);
    // 国家级 is one word, not 国家 (country): a question about the country doubts no 省级.
    const listed = '2014 年，庙会被列入省级非物质文化遗产名录。';
    const listedScore = (question: string) => bestSentences(question, [passageOf(listed)])[0]!.score;
    expect(listedScore('庙会哪一年被列入国家级名录？')).toBeLessThan(listedScore('庙会哪一年被列入省级名录？') * 0.7);
    expect(listedScore('庙会哪一年被列入国家的名录？')).toBeGreaterThan(listedScore('庙会哪一年被列入省级名录？') * 0.7);
  });

  it('does not take a prefixed word for a misspelling of its base ("reconnected" is not "connected")', () => {
    const text = 'The town was connected to the railway in 1850 by the merchants of the guild.';
    const scoreOf = (question: string) => bestSentences(question, [passageOf(text)])[0]!.score;
    expect(scoreOf('In what year was the town reconnected to the railway?')).toBeLessThan(scoreOf('In what year was the town connected to the railway?') - 0.1);
    const reconnected = 'The town was reconnected to the railway in 1850 by the merchants of the guild.';
    const againScore = (question: string) => bestSentences(question, [passageOf(reconnected)])[0]!.score;
    expect(againScore('In what year was the town connected to the railway?')).toBeLessThan(againScore('In what year was the town reconnected to the railway?') - 0.1);
    // A misspelling is still corrected.
    expect(scoreOf('In what year was the town conected to the railway?')).toBeGreaterThan(scoreOf('In what year was the town reconnected to the railway?'));
  });
});

describe('predicates in answer selection', () => {
  it('prefers the sentence that says what the question asks about the thing', () => {
    expect(best('Who owns the Penmore quarry?', 'The towers are built of granite from the Penmore quarry. The Penmore quarry is owned by the Rowe family.')).toBe(
      'The Penmore quarry is owned by the Rowe family.',
    );
  });

  it('does not take the Chinese question word 谁 for a topic word', () => {
    expect(topicOf('退货运费谁出？')).not.toContain('谁');
    expect(topicOf('茶文化节是何时创办的？')).not.toContain('何时');
  });
});

describe('past events in answer selection', () => {
  it('answers when something happened with the sentence that gives its year', () => {
    expect(best('When did the bridge open?', 'The bridge is lit with blue lamps every year on 14 May to mark its opening. The bridge opened to traffic on 14 May 1887.')).toBe(
      'The bridge opened to traffic on 14 May 1887.',
    );
  });
});

describe('misspellings in answer selection', () => {
  it('meets the family of the word a misspelling is corrected to', () => {
    expect(best('how much is the delivry fee', 'We deliver to Shanghai and Hangzhou. Smaller orders pay a delivery fee of 50 yuan.')).toBe(
      'Smaller orders pay a delivery fee of 50 yuan.',
    );
  });
});

describe("the contact's own case in a question", () => {
  it('counts the words of a first-person clause without a question as the story, not the question', () => {
    const zh = caseOnlyTokens('我的订单 VT20931 还没到，你们在哪些城市送货？');
    expect(zh.size).toBeGreaterThan(0);
    for (const t of tokenize('城市送货')) expect(zh.has(t)).toBe(false);
    const en = caseOnlyTokens('My scooter arrived with a scratch yesterday, how do I return it?');
    expect(en.has(tokenize('scratch')[0]!)).toBe(true);
    expect(en.has(tokenize('return')[0]!)).toBe(false);
  });

  it('leaves a question of one clause, or whose clauses are all about the topic, whole', () => {
    expect(caseOnlyTokens('Which cities do you deliver to?').size).toBe(0);
    expect(caseOnlyTokens('When the bridge opened, how much was the toll?').size).toBe(0);
  });

  it("answers the question a contact's story comes before", () => {
    const content = '选择云岭，是因为附近没有大城市的灯光干扰，订单很少。\n我们在上海、杭州和苏州提供送车上门服务。\n订单还没到时可以查询物流。';
    const [top] = bestSentences('我的订单还没到，你们在哪些城市送货？', [{ ...passageOf(content), heading: '配送' }]);
    expect(top!.units[top!.index]!.text).toBe('我们在上海、杭州和苏州提供送车上门服务。');
    expect(top!.score).toBeGreaterThan(0.52);
  });
});

describe('answers of a form', () => {
  const score = (question: string, content: string, heading = 'Returns') => bestSentences(question, [{ ...passageOf(content), heading }])[0]!.score;

  it('doubts a sentence without the price, year or weight asked for more than one without another cue', () => {
    const liner = '出于卫生原因，头盔内衬和手套拆封后不予退货。';
    expect(score('头盔内衬多少钱？', liner, '退换货政策')).toBeLessThan(0.5);
    expect(score('How heavy is the remote?', 'The remote is on the handlebar and runs on a CR2032 battery.')).toBeLessThan(0.5);
    // "costs" names no price to give: the sentence that says what happens answers.
    expect(score('What happens if the new model costs more?', 'A price-match credit is added if the new model costs more within 7 days.')).toBeGreaterThan(0.5);
    expect(score('How fast do Platinum members earn points?', 'Platinum members earn points at twice the normal rate.', 'Earning points')).toBeGreaterThan(0.5);
  });

  it('reads 谁出 as who pays (the frame, not a topic word) and 几折 as a count in 折', () => {
    expect(topicOf('退货运费谁出？')).not.toMatch(/出/);
    const discount = '租用 10 到 49 辆享受九折，50 辆及以上享受八折。';
    expect(score('租 50 辆车打几折？', discount, '企业租车有什么优惠？')).toBeGreaterThan(0.52);
    expect(score('租 50 辆车要交多少押金？', discount, '企业租车有什么优惠？')).toBeLessThan(0.52);
  });
});

describe('life spans', () => {
  it('reads a life span after a name as the dates of birth and death', () => {
    const life = 'Elspeth Hargrove (3 March 1821 – 17 November 1894) was a cartographer.\nHargrove was born in the harbour town of Wenlow.';
    expect(best('When was Elspeth Hargrove born?', life)).toBe('Elspeth Hargrove (3 March 1821 – 17 November 1894) was a cartographer.');
    expect(best('Where was Hargrove born?', life)).toBe('Hargrove was born in the harbour town of Wenlow.');
    expect(best('苏青岚是哪一年去世的？', '苏青岚（1911—1996）是著名的植物学家。\n她在晚年整理了全部笔记。')).toBe('苏青岚（1911—1996）是著名的植物学家。');
    // It says "born" as the sentence with the word does: nothing of the question is missing.
    const span = bestSentences('When was Elspeth Hargrove born?', [passageOf('Elspeth Hargrove (3 March 1821 – 17 November 1894) was a cartographer.')])[0]!;
    const worded = bestSentences('When was Elspeth Hargrove born?', [passageOf('Elspeth Hargrove was born on 3 March 1821 and became a cartographer.')])[0]!;
    expect(span.score).toBeCloseTo(worded.score, 1);
  });
});

describe('words jieba joins across phrases', () => {
  it('leaves out a word of two grammar characters no passage has (时会 in 到期时会有人联系)', () => {
    const content = '合同到期前一个月，客户经理会联系您续约；\n不续约的，请在到期后三天内归还全部车辆。';
    const [top] = bestSentences('合同快到期时会有人联系吗？', [{ ...passageOf(content), kind: 'qa', heading: '合同到期后怎么办？' }]);
    expect(top!.units[top!.index]!.text).toBe('合同到期前一个月，客户经理会联系您续约；');
    expect(top!.score).toBeGreaterThan(0.52);
  });
});
