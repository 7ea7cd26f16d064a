import { describe, expect, it } from 'vitest';
import { answersCue, asksPastTime, countedNoun, countedUnit, cueOf, cueStrength, holdsYear, keyNames, keyPartners, keyTerms, measureUnits, predicates, quantityOf, typeWords } from '../../../src/services/answer/question-cues.js';
import { spellFrameWords, topicOf } from '../../../src/services/answer/answer-selection.js';
import { morphemesOf, tokenize } from '../../../src/services/knowledge/text-segmenter.js';

const asked = (q: string) => new Set(tokenize(q));

describe('question cues', () => {
  it('reads the kind of answer from the question words, English and Chinese', () => {
    expect(cueOf('Who designed the bridge?')).toBe('person');
    expect(cueOf('In what year did the work begin?')).toBe('year');
    expect(cueOf('How high above the water is the deck?')).toBe('measure');
    expect(cueOf('How long is the main span?')).toBe('length');
    expect(cueOf('How long does charging take?')).toBe('duration');
    expect(cueOf('Why was the design chosen?')).toBe('reason');
    expect(cueOf('What is the fine for taking eggs?')).toBe('price');
    expect(cueOf('首任台长是谁？')).toBe('person');
    expect(cueOf('天文台是哪一年建成的？')).toBe('year');
    expect(cueOf('茶园分布在多高的地方？')).toBe('measure');
    expect(cueOf('茶场为什么搬迁？')).toBe('reason');
    expect(cueOf('Can I pay by card?')).toBeNull();
    // 几 with any classifier counts, traditional script too.
    expect(cueOf('车站地下有几层？')).toBe('number');
    expect(cueOf('車站地下有幾層？')).toBe('number');
    expect(cueOf('公司有几辆货车？')).toBe('number');
    expect(cueOf('租 50 辆车打几折？')).toBe('number');
  });

  it('finds the asked-for thing in a sentence: names, years, number words, prices in any currency', () => {
    expect(answersCue('person', 'It was designed by the engineer Harriet Quill.', asked('Who designed the bridge?'))).toBe(true);
    expect(answersCue('person', '首任台长是天文学家林素华。', asked('首任台长是谁？'))).toBe(true);
    expect(answersCue('year', 'Work began in 1881.', asked('In what year did work begin?'))).toBe(true);
    expect(answersCue('number', 'The female lays three to five eggs.', asked('How many eggs does the female lay?'))).toBe(true);
    expect(answersCue('number', '每年春天要向朝廷进贡一百二十斤。', asked('每年要进贡多少斤茶？'))).toBe(true);
    expect(answersCue('price', 'Work cost 212,000 pounds.', asked('How much did it cost?'))).toBe(true);
    expect(answersCue('price', 'Farmers have been paid to delay mowing until July.', asked('How much are farmers paid?'))).toBe(false);
    expect(answersCue('measure', '茶园分布在海拔六百米到九百米之间。', asked('茶园有多高？'))).toBe(true);
    expect(answersCue('measure', '茶场在 2003 年改制。', asked('茶园有多高？'))).toBe(false);
  });

  it('does not take the question’s own words for the answer', () => {
    expect(answersCue('person', 'Heavy lorries use the Eastwick Tunnel instead.', asked('Who designed the Eastwick Tunnel?'))).toBe(false);
    expect(answersCue('person', 'The tunnel was designed by Ada Marsh.', asked('Who designed the Eastwick Tunnel?'))).toBe(true);
  });

  it('knows the noun a which-question asks about names the answer’s kind', () => {
    expect([...typeWords('Which cities do you deliver to?')]).toEqual(tokenize('cities'));
    expect([...typeWords('你们在哪些城市送货？')]).toEqual(['城市']);
    expect(typeWords('What is the deposit?').size).toBe(0);
  });

  it('takes the things a question is about, not its general nouns, as key terms', () => {
    expect(keyTerms('the deposit for a car rental')).toEqual(new Set(tokenize('deposit car')));
    expect(keyTerms('When is the Suzhou store closed')).toContain('suzhou');
    expect(keyTerms('天文馆的门票')).toContain('天文馆');
    expect(keyTerms('茶园分布在的地方')).not.toContain('地方');
  });

  it('takes a year of the question as a key term, not an amount or a count', () => {
    expect(keyTerms('people drowned in the flood of 1956')).toContain('1956');
    expect(keyTerms('1937 年的大火烧毁了')).toContain('1937');
    expect(keyTerms('the fine of 1500 yuan')).not.toContain('1500');
    expect(keyTerms('a crowd of 2000 people')).not.toContain('2000');
  });

  it('does not take a place, a building or an event named in capitals for the person who asks who', () => {
    const who = asked('Who designed Carrowmere Bridge?');
    expect(answersCue('person', 'It is the oldest bridge still carrying traffic over the River Sell.', who)).toBe(false);
    expect(answersCue('person', 'It won a gold medal at the International Exhibition in Lisbon.', who)).toBe(false);
    expect(answersCue('person', 'It was designed by the architect Henry Lusk and opened in 1856.', who)).toBe(true);
    expect(answersCue('person', 'The business was sold to the investment group Calloway Holdings.', who)).toBe(true);
  });

  it('marks names among the key terms, however common the place, but not a general place noun', () => {
    expect(keyNames('北京门店在')).toEqual(new Set(['北京']));
    expect(keyNames('哪些城市送货').size).toBe(0);
    expect(keyNames('When is the Suzhou store closed')).toEqual(new Set(['suzhou']));
    expect(keyNames('the deposit for a car rental').size).toBe(0);
  });

  it('reads a time as a number with its unit, not any 时 (取车时 is no time)', () => {
    expect(answersCue('time', '车辆归还后，押金在三个工作日内解冻。', asked('押金什么时候退？'))).toBe(true);
    expect(answersCue('time', '每年三月到十一月开放。', asked('什么时候开放？'))).toBe(true);
    expect(answersCue('time', '取车时会冻结押金。', asked('押金什么时候退？'))).toBe(false);
  });

  it('knows the units of a quantity noun, and splits a Chinese word into its characters, never a name', () => {
    expect(quantityOf(tokenize('电压')[0]!)?.test('电池为 48 伏')).toBe(true);
    expect(quantityOf(tokenize('weight')[0]!)?.test('it weighs 14 kg')).toBe(true);
    expect(quantityOf(tokenize('voltage')[0]!)?.test('a 48 volume set')).toBe(false);
    expect(quantityOf('门店')).toBeUndefined();
    expect(morphemesOf('送货')).toEqual(['送', '货']);
    expect(morphemesOf('北京')).toEqual([]);
  });

  it('counts a named price above "free", and a count in the unit the question asks in', () => {
    expect(cueStrength('price', 'Day pass: 68 yuan for 24 hours.', asked('How much is a day pass?'))).toBe(1);
    expect(cueStrength('price', 'We send you a coupon for a free day pass.', asked('How much is a day pass?'))).toBe(0.5);
    expect(countedUnit('租车需要满多少岁？')).toBe('岁');
    expect(countedUnit('消费一元能得几个积分？')).toBeNull();
    expect(cueStrength('number', '骑行者须年满十八周岁。', asked('租车需要满多少岁？'), '岁')).toBe(1);
    expect(cueStrength('number', '一个自然年内租车满 20 次升为金卡。', asked('租车需要满多少岁？'), '岁')).toBe(0);
  });

  it('counts an English count in the noun asked about; another number answers only partly', () => {
    expect(countedUnit('How many points do I get per yuan?')).toBe(tokenize('points')[0]);
    expect(countedUnit('How many times a year?')).toBeNull();
    expect(countedNoun('How many power looms did the Norbury mill have?')).toBe('looms');
    expect(countedNoun('How many people lived in the valley?')).toBe('people');
    expect(countedNoun('How many times did it flood?')).toBeNull();
    expect(keyTerms('How many power looms did the mill have')).toContain(tokenize('looms')[0]);
    const q = asked('How many points do I get per yuan?');
    const points = countedUnit('How many points do I get per yuan?');
    expect(cueStrength('number', 'You earn 1 point for every yuan you spend.', q, points)).toBe(1);
    expect(cueStrength('number', 'Gold comes after twenty paid rentals.', asked('How many rentals for Gold?'), countedUnit('How many rentals for Gold?'))).toBe(1);
    expect(cueStrength('number', 'Hourly plan: 12 yuan per hour.', q, points)).toBe(0.5);
  });

  it('finds a Chinese name after the title that introduces it, and not a building jieba tags as a name', () => {
    expect(answersCue('person', '最后一位守塔人林阿水在 1996 年离开。', asked('最后一位守塔人是谁？'))).toBe(true);
    expect(answersCue('person', '旧的守塔人宿舍现在是一座海事陈列馆。', asked('最后一位守塔人是谁？'))).toBe(false);
    expect(answersCue('person', '车辆损坏的费用由企业统一承担。', asked('车辆损坏谁来赔？'))).toBe(true);
  });

  it('reads a list question, answered by things named in a row or by list items', () => {
    expect(cueOf('What membership levels are there?')).toBe('list');
    expect(cueOf('会员有哪几个等级？')).toBe('list');
    expect(answersCue('list', 'Voltra Club has three levels: Silver, Gold and Platinum.', asked('What membership levels are there?'))).toBe(true);
    expect(answersCue('list', '会员分为银卡、金卡和白金卡三个等级。', asked('会员有哪几个等级？'))).toBe(true);
    expect(answersCue('list', 'Your membership level is checked again every January.', asked('What membership levels are there?'))).toBe(false);
  });

  it('reads a distance in nautical miles or 海里, and a place on an island', () => {
    expect(answersCue('distance', '光线可以照到十八海里外。', asked('灯光能照多远？'))).toBe(true);
    expect(answersCue('distance', 'The light can be seen from 22 nautical miles.', asked('How far can the light be seen?'))).toBe(true);
    expect(answersCue('place', 'It was built from stone quarried on the island of Pell.', asked('Where did the stone come from?'))).toBe(true);
  });

  it('spells a misspelt question word right, and leaves English words and other words alone', () => {
    expect(spellFrameWords('How lnog does charging take?')).toBe('How long does charging take?');
    expect(spellFrameWords('Whats the adress of the store?')).toBe('what the address of the store?');
    expect(spellFrameWords('Is the lone rider covered? Then where?')).toBe('Is the lone rider covered? Then where?');
    expect(cueOf(spellFrameWords('How lnog does charging take?'))).toBe('duration');
  });

  it('pairs a key noun with the noun of its compound, not with a verb or a preposition', () => {
    expect([...keyPartners('How much does a battery swap cost?')]).toEqual([[tokenize('battery')[0], tokenize('swap')[0]]]);
    expect([...keyPartners('How long to charge a phone with the fast charger?')]).toEqual([[tokenize('fast')[0], tokenize('charger')[0]]]);
  });

  it('takes the subject of a yes/no question as a key term, not a pronoun', () => {
    expect(keyTerms('Does assembly cost extra?').has(tokenize('assembly')[0]!)).toBe(true);
    expect(keyTerms('Is theft covered?').has(tokenize('theft')[0]!)).toBe(true);
    expect([...keyTerms('Can I pay by card?')]).toEqual([]);
  });

  it('reads a question for what a sign means, answered by a "term: meaning" line', () => {
    expect(cueOf('What does a green light mean?')).toBe('meaning');
    expect(cueOf('指示灯闪橙色是什么意思？')).toBe('meaning');
    expect(answersCue('meaning', 'Green: the battery is full, or no scooter is connected.', asked('What does a green light mean?'))).toBe(true);
    expect(answersCue('meaning', 'If the light stays green, check the plug.', asked('What does a green light mean?'))).toBe(false);
  });
});

describe('measure dimensions and meaning questions', () => {
  it('asks for a measure in the unit of the dimension the question names', () => {
    const heavy = measureUnits('How heavy is the charger?');
    expect(cueStrength('measure', 'It weighs 1.2 kg.', asked('How heavy is the charger?'), null, heavy)).toBe(1);
    expect(cueStrength('measure', 'Keep 10 centimetres of space around it.', asked('How heavy is the charger?'), null, heavy)).toBe(0);
    expect(cueStrength('measure', '重量：420 克', asked('头盔有多重？'), null, measureUnits('头盔有多重？'))).toBe(1);
    expect(cueStrength('measure', '适合头围 54 到 61 厘米的成年人。', asked('头盔有多重？'), null, measureUnits('头盔有多重？'))).toBe(0);
    expect(cueStrength('measure', 'The lake is 212 metres deep.', asked('How deep is the lake?'), null, measureUnits('How deep is the lake?'))).toBe(1);
  });

  it('leaves a measure question without a named dimension to any unit', () => {
    expect(measureUnits('How big is the lake?')).toBeNull();
  });

  it('reads "what does it mean when…" as a meaning question, not a time question', () => {
    expect(cueOf('What does it mean when the charger light flashes orange?')).toBe('meaning');
    expect(cueOf('When does the store open?')).toBe('time');
  });
});

describe('predicates', () => {
  it('takes the verbs that say what an English question asks about its thing', () => {
    expect(predicates('Who owns the Penmore quarry')).toEqual(new Set(tokenize('owns')));
    expect(predicates('the museum in the toll house opened')).toEqual(new Set(tokenize('opened')));
  });

  it('leaves out light verbs, words that may be nouns, and Chinese', () => {
    expect(predicates('does it take to charge').size).toBe(0);
    expect(predicates('the deposit cost').size).toBe(0);
    expect(predicates('陈守义是哪一年出生的').size).toBe(0);
  });
});

describe('past events', () => {
  it('knows a question about when something happened, and a text that dates it by its year', () => {
    expect(asksPastTime('When did Marlow Bridge open?')).toBe(true);
    expect(asksPastTime('天文台是什么时候建成的？')).toBe(true);
    expect(asksPastTime('When does the store open?')).toBe(false);
    expect(holdsYear('It opened to traffic on 14 May 1887.')).toBe(true);
    expect(holdsYear('The bridge is lit every year on 14 May.')).toBe(false);
  });
});

describe('reasons told as events', () => {
  it('takes the event a thing was made after, or what followed it, for the reason', () => {
    expect(answersCue('reason', 'It was built in 1856 after the sailing ship Marianne was wrecked on the rocks.', asked('Why was the lighthouse built?'))).toBe(true);
    expect(answersCue('reason', '一场洪水冲毁了老厂房，茶场随后迁到了白鹭坡。', asked('茶场为什么搬迁？'))).toBe(true);
    expect(answersCue('reason', 'It was finished after six years of construction.', asked('Why was the lighthouse built?'))).toBe(false);
  });

  it('takes 因 opening a cause, and 得名 for why a thing is called so, for the reason; not 爱因斯坦, 因特网 or 基因', () => {
    expect(answersCue('reason', '东岸的支流是黄泥河，因流经红土丘陵，河水常年浑浊。', asked('支流的水为什么很浑？'))).toBe(true);
    expect(answersCue('reason', '小镇以满山的油桐树得名。', asked('小镇为什么叫这个名字？'))).toBe(true);
    expect(answersCue('reason', '支流的河水常年浑浊。', asked('支流的水为什么很浑？'))).toBe(false);
    expect(answersCue('reason', '这是基因研究的中心。', asked('这里为什么有名？'))).toBe(false);
    expect(answersCue('reason', '馆里有爱因斯坦的手稿。', asked('这里为什么有名？'))).toBe(false);
    expect(answersCue('reason', '因特网在这里接入。', asked('这里为什么有名？'))).toBe(false);
  });
});

describe('Chinese names and places', () => {
  it('takes a name of parts joined by a middle dot for a person, not a place pair, a title or the question\'s own name', () => {
    expect(answersCue('person', '经校长、传教士玛丽·霍顿推荐，她进入医学堂学医。', asked('是谁推荐她去学医的？'))).toBe(true);
    expect(answersCue('person', '经校长推荐，她进入医学堂学医。', asked('是谁推荐她去学医的？'))).toBe(false);
    expect(answersCue('person', '传教士玛丽·霍顿推荐她进入医学堂。', asked('玛丽·霍顿推荐了谁？'))).toBe(false);
    expect(answersCue('person', '活动在中国·杭州举行。', asked('是谁举办的？'))).toBe(false);
    expect(answersCue('person', '《史记·项羽本纪》记载了这件事。', asked('是谁记载的？'))).toBe(false);
  });

  it('takes the place something was moved to, and a temple, for a place; not 甚至, 往往 or 得到', () => {
    expect(answersCue('place', '她把病人转移到城外的观音寺继续治疗。', asked('病人转移到了哪里？'))).toBe(true);
    expect(answersCue('place', '香客们都去慈云寺。', asked('香客们去哪里？'))).toBe(true);
    expect(answersCue('place', '她把病人转移了。', asked('病人转移到了哪里？'))).toBe(false);
    expect(answersCue('place', '甚至有人专程赶来，雨季往往山洪暴发。', asked('人们从哪里来？'))).toBe(false);
    expect(answersCue('place', '工程得到了市政府的支持。', asked('工程在哪里？'))).toBe(false);
  });
});

describe('approximate Chinese counts', () => {
  it('takes 二十多次, 四万多份 and 一百零八下 for the counts they are', () => {
    expect(cueStrength('number', '此后先后二十多次进入西部高原考察。', asked('她去高原考察过多少次？'), countedUnit('她去高原考察过多少次？'))).toBe(1);
    expect(cueStrength('number', '过去每天清晨和傍晚各敲一百零八下。', asked('以前每天要敲多少次？'), countedUnit('以前每天要敲多少次？'))).toBe(1);
    expect(cueStrength('number', '采集植物标本四万多份。', asked('她一共收集了多少标本？'))).toBe(1);
    expect(cueStrength('number', '钟楼在城北。', asked('以前每天要敲多少次？'), countedUnit('以前每天要敲多少次？'))).toBe(0);
  });

  it('does not take a date for a count, and counts 多少家 in 家', () => {
    expect(cueStrength('number', '抗战胜利后，总厂于 1947 年修复复工。', asked('重庆分厂有多少名工人？'))).toBe(0);
    expect(cueStrength('number', 'The mill was closed in 1992.', asked('How many looms did the mill have?'))).toBe(0);
    expect(cueStrength('number', 'A crowd of 2000 people watched.', asked('How many people watched?'))).toBe(1);
    expect(cueStrength('number', '对角蟾的研究始于 2005 年。', asked('角蟾能活多少年？'), countedUnit('角蟾能活多少年？'))).toBe(0);
    expect(cueStrength('number', '角蟾在野外能活 20 年。', asked('角蟾能活多少年？'), countedUnit('角蟾能活多少年？'))).toBe(1);
    expect(countedUnit('工业园里一共有多少家企业？')).toBe('家');
    expect(cueStrength('number', '2015 年建成占地 320 亩的工业园。', asked('工业园里一共有多少家企业？'), '家')).toBe(0);
    expect(cueStrength('number', '园区现有企业 46 家。', asked('工业园里一共有多少家企业？'), '家')).toBe(1);
    expect(countedUnit('有多少家长参加？')).toBeNull();
    expect(cueStrength('number', 'Around 1500 people attended.', asked('How many people attended?'))).toBe(1);
    expect(cueStrength('number', 'Up to 10 may join.', asked('How many may join?'))).toBe(1);
    expect(cueStrength('number', '寺庙已有 1300 年历史。', asked('寺庙有多少年历史？'), countedUnit('寺庙有多少年历史？'))).toBe(1);
    expect(cueStrength('number', '兴盛于 1990 年代。', asked('有多少家作坊？'))).toBe(0);
  });

  it('measures 多沉 in weights and 多远 in 里 too', () => {
    expect(cueOf('永安大钟有多沉？')).toBe('measure');
    expect(measureUnits('永安大钟有多沉？')!.test('重约二十八吨')).toBe(true);
    expect(measureUnits('永安大钟有多沉？')!.test('口径三米')).toBe(false);
    expect(cueStrength('distance', '在安静的夜里可以传出四十多里。', asked('钟声最远能听到多远？'))).toBe(1);
    expect(cueStrength('distance', '叫声可以传出 100 多米。', asked('叫声能传出去多远？'))).toBe(1);
  });
});

describe('dynasties', () => {
  it('asks 什么朝代 for a dynasty (or a year); 哪一年 is not answered by a dynasty', () => {
    expect(cueOf('龙门渡从什么朝代开始有船？')).toBe('dynasty');
    expect(topicOf('龙门渡从什么朝代开始有船？')).not.toContain('朝代');
    expect(cueStrength('dynasty', '据记载，这里从唐代起就有渡船往来。', asked('龙门渡从什么朝代开始有船？'))).toBe(1);
    expect(cueStrength('year', '永安大钟是明代铸造的一口青铜大钟。', asked('大钟是哪一年造的？'))).toBe(0);
  });
});

describe('who is responsible', () => {
  it('answers who pays with the party a policy names', () => {
    expect(cueStrength('person', '审核通过后，快递员会在两天内上门取件，运费由我们承担。', asked('退货运费谁出？'))).toBe(1);
    expect(cueStrength('person', 'For faulty scooters we pay the return postage.', asked('Who pays for the return postage?'))).toBe(1);
    expect(cueStrength('person', '运费会在两天内退还。', asked('退货运费谁出？'))).toBe(0);
  });
});

describe('years and lengths of time', () => {
  it('does not take a year for how long something is, but a span of years for how long it took', () => {
    expect(cueStrength('length', '1956 年建成的临川公路大桥；', asked('公路大桥有多长？'))).toBe(0);
    expect(cueStrength('duration', '前后用了三年时间。', asked('铸这口钟花了多长时间？'))).toBe(1);
    expect(cueStrength('duration', '大桥于 1956 年开工，1960 年建成。', asked('大桥建了多长时间？'))).toBe(1);
  });
});

describe('places and seasons', () => {
  it('takes "in October" for a time, not a place, and a named valley for a place', () => {
    expect(cueStrength('place', 'The apples are picked in October and stay fresh until March.', asked('Where did the Brisk apple originate?'))).toBe(0);
    expect(cueStrength('place', 'It was first grown in the orchards of the Lynn valley around 1780.', asked('Where did the Brisk apple originate?'))).toBe(1);
  });

  it('asks "on what day" for a time and "which French town" for a place', () => {
    expect(cueOf('On what day of the week was the market held?')).toBe('time');
    expect(cueOf('With which French town is it twinned?')).toBe('place');
    expect(cueOf('What took place in 1829?')).toBeNull();
    expect(cueOf('What was the battle which took place in 1829?')).toBeNull();
  });

  it("takes ten o'clock, noon and midnight for a time", () => {
    expect(answersCue('time', "The evening ends with fireworks at ten o'clock.", asked('At what time are the fireworks?'))).toBe(true);
    expect(answersCue('time', 'The gates open at noon.', asked('At what time do the gates open?'))).toBe(true);
    expect(answersCue('time', 'The gates open with a drum roll.', asked('At what time do the gates open?'))).toBe(false);
  });

  it('takes seasons in the plural for a time', () => {
    expect(cueStrength('time', 'In dry summers the top of the old church tower still appears above the water.', asked('When can you see the old church?'))).toBe(1);
  });
});

describe('appearance', () => {
  it('asks how a thing looks, answered by its colours, shape or size', () => {
    expect(cueOf('What does a Brisk apple look like?')).toBe('appearance');
    expect(cueOf('这种苹果长什么样？')).toBe('appearance');
    expect(topicOf('What does a Brisk apple look like?')).not.toMatch(/look|like/);
    expect(cueStrength('appearance', 'Its fruit is small and hard, with a red skin streaked with green.', asked('What does a Brisk apple look like?'))).toBe(1);
    expect(cueStrength('appearance', 'Most Brisk apples are pressed for cider.', asked('What does a Brisk apple look like?'))).toBe(0);
  });
});
