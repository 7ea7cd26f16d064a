import type { TaggedWord } from '@node-rs/jieba';
import { canBeNoun, isEnglishWord, isVerb, normalizeText, segmenter, termWeight, tokenize } from '../knowledge/text-segmenter.js';

/** What the question asks for, from its question words. */
export type Cue =
  | 'phone'
  | 'frequency'
  | 'price'
  | 'number'
  | 'measure'
  | 'length'
  | 'duration'
  | 'distance'
  | 'year'
  | 'dynasty'
  | 'time'
  | 'place'
  | 'person'
  | 'reason'
  | 'list'
  | 'meaning'
  | 'appearance';

const MEANING = /\bwhat (?:does|do|did) .+ (?:mean|indicate|stand for|signify)\b|\bwhat is meant by\b|\bmeaning of\b|什么意思|代表什么|表示什么|意味着什么|说明什么/;

/** The verb of a meaning question ("what does it mean when…"): how it is asked, not what it is about. */
export const MEANING_VERB = /\b(?:mean|indicate|stand for|signify)\b/gi;

// First match wins: the narrower cues come before the ones they overlap ("how long does it take" before "how long is").
const CUES: [Cue, RegExp][] = [
  ['distance', /\bhow far\b|多远|多少公里/],
  // How a thing looks ("what does a Brisk apple look like", 长什么样): its colours, shape and size answer.
  ['appearance', /\bwhat (?:does|do|did) .+ look like\b|\bhow (?:does|do|did) .+ look\b|\bwhat colou?rs?\b|\bwhat shape\b|长什么样|什么样子|外观|什么颜色|颜色是/],
  // What a sign or a term stands for ("what does a green light mean", 红灯是什么意思): a manual's "Green: …" answers.
  // Before the others: "what does it mean when…" asks for a meaning, not a time.
  ['meaning', MEANING],
  ['frequency', /\bhow often\b|\bhow frequently\b|多久一次|多长时间一次|隔多久|多久.{0,6}一次/],
  ['duration', /\bhow long (?:does|do|did|will|would|can|could|should|has|have|had|until|before|after|to)\b|\bhow soon\b|多久|多长时间|几天|几个小时/],
  ['phone', /\bphone number\b|\btelephone\b|\bhotline\b|\bservice line\b|\bcall you\b|电话|热线|客服号码/],
  ['year', /\b(?:what|which) year\b|\bwhat century\b|哪一?年|何年|什么年份|哪个年代|哪个世纪/],
  // 什么朝代 is answered by 唐代 or 明朝 (or a year); 哪一年 by a year, not by a dynasty.
  ['dynasty', /(?:什么|哪个|哪一?)朝代|哪朝/],
  ['price', /\bhow much (?:is|are|does|do|did|will|would)\b(?!.*\bweigh)|\bprices?\b|\bcosts?\b|\bfees?\b|\bfines?\b|\bcharges?\b|多少钱|价格|费用|收费|什么价|几块|几元|门票|罚款/],
  ['length', /\bhow long\b|多长(?!时间)/],
  ['measure', /\bhow (?:high|tall|deep|wide|big|large|heavy|cold|hot|warm|fast|far)\b|\bweigh\b|多高|多深|多宽|多大|多重|多沉|多冷|多热|多快|海拔|口径|重量|温度|面积/],
  ['number', /\bhow (?:much|many|old)\b|多少|(?<!哪)几[个位次岁元块号座台场种名人斤吨折层辆倍份张件条家所本间栋艘架只头匹]/],
  ['person', /\bwho(?:m|se)?\b|\bwhich (?:person|people|man|woman|engineer|company|team)\b|谁|哪位|什么人/],
  ['time', /\bwhen\b|\bwhat time\b|\b(?:what|which) (?:date|days?|months?|season)\b|\bopening hours\b|什么时候|几点|哪天|何时|营业时间|什么时间|几月/],
  ['place', /\bwhere\b|\baddress\b|\bwhich (?:(?!took |takes |take |taking )[a-z]+ )?(?:cit(?:y|ies)|country|countries|town|region|river|place|street|district|village)\b|\bwhat (?:cit(?:y|ies)|country|countries|town|region|river|street|district|village)\b|哪里|哪儿|在哪|地址|什么地方|哪些地方|哪[个些]?(?:城市|国家|地区|省|市|县|镇)/],
  ['reason', /\bwhy\b|\bfor what reason\b|\bwhat (?:caused|causes|led to)\b|为什么|为何|什么原因|原因是/],
  // Several things of a kind ("what levels are there", 有哪几个等级): the answer names them in a row.
  ['list', /\b(?:what|which)\b.*\b(?:are there|are available|do you (?:have|offer))\b|\bwhat (?:kinds?|types?|sorts?) of\b|哪几[个种类样]|有几种|有哪些|哪些/],
];

/** The question words' cue, or null (a yes/no, "what is" or "how do I" question). */
export function cueOf(question: string): Cue | null {
  const q = normalizeText(question).toLowerCase();
  return CUES.find(([, re]) => re.test(q))?.[0] ?? null;
}

const EN_NUMBER =
  '(?:\\d+(?:[.,]\\d+)*|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|half an?|several)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million))*\\b)';
// With the approximations Chinese texts give counts in: 二十多次, 六十余种, 十来天, 100 多米.
const ZH_NUMBER = '(?:\\d+(?:[.,]\\d+)*|[零一二两三四五六七八九十百千万亿半几][零一二两三四五六七八九十百千万亿点]*)(?:\\s?(?:多|余|来))?';
const NUM = `(?:${EN_NUMBER}|\\ban?\\b|${ZH_NUMBER})[\\s-]*`;
const UNITS =
  'km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|centimet(?:re|er)s?|cm|mm|feet|foot|inch(?:es)?|grams?|kilograms?|kg|tonnes?|tons?|litres?|liters?|degrees?|percent|%|hectares?|acres?|volts?|watts?|' +
  '公里|千米|米|厘米|毫米|公斤|千克|克|吨|斤|度|亩|平方米|升|伏|瓦|倍|成';
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const DYNASTY = '[秦汉晋隋唐宋元明清]';
/** A year in digits, 1000–2099. */
const YEAR_NUMBER = '(?:1[0-9]{3}|20[0-9]{2})';
const YEAR = `\\b${YEAR_NUMBER}s?\\b|\\bcentury\\b|\\d{4}\\s*年|[一二三四五六七八九十]+世纪|年间|年代|${DYNASTY}朝`;
const TIME_UNITS = 'hours?|minutes?|days?|weeks?|months?|years?|小时|分钟|天|周|个月|年|工作日';

// Nouns naming a quantity, and the units that measure it: "电池电压是多少" is answered by "48 伏" without the word 电压.
const QUANTITIES: [string[], string][] = [
  [['voltage', '电压'], '伏|v|volts?'],
  [['电流'], '安|amps?|amperes?'],
  [['capacity', '容量', '电量'], '安时|毫安时|ah|mah|wh|千瓦时|度|升|litres?|liters?'],
  [['power', '功率'], '瓦|千瓦|w|kw|watts?|kilowatts?'],
  [['weight', 'mass', '重量', '体重', '载重'], '公斤|千克|克|吨|斤|kg|kilograms?|grams?|g|tonnes?|tons?|pounds?|lbs?'],
  [['range', 'distance', '续航', '距离', '里程'], '公里|千米|海里|英里|米|km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?'],
  [['height', 'altitude', 'elevation', 'depth', '高度', '海拔', '深度'], '米|千米|m|met(?:re|er)s?|feet|foot|ft'],
  [['temperature', '温度', '气温'], '度|°c?|℃|degrees?'],
  [['speed', '速度', '时速', '车速'], '公里每小时|公里/小时|km/h|kph|mph|公里'],
  [['area', '面积'], '亩|平方米|平方公里|公顷|hectares?|acres?|square'],
];
let quantityOfToken: Map<string, RegExp> | null = null;

/** For a question token naming a quantity (voltage, 电压), a pattern of a number in its unit. */
export function quantityOf(term: string): RegExp | undefined {
  // Built on first use: the nouns are turned into index tokens by jieba.
  quantityOfToken ??= new Map(
    QUANTITIES.flatMap(([nouns, units]) => {
      const re = new RegExp(`(?:\\d+(?:[.,]\\d+)*|[零一二两三四五六七八九十百千万点]+)\\s*(?:${units})(?![a-z])`, 'i');
      return nouns.flatMap((n) => tokenize(n)).map((t) => [t, re] as const);
    }),
  );
  return quantityOfToken.get(term);
}

// The dimension a measure question names ("how heavy", 多重) and the units that measure it: "10 centimetres" does not
// answer how heavy a charger is.
const DIMENSIONS: [RegExp, string][] = [
  [/\bhow heavy\b|\bweigh|多重|多沉|重量|体重/, '公斤|千克|克|吨|斤|kg|kilograms?|grams?|g|tonnes?|tons?|pounds?|lbs?'],
  [/\bhow (?:high|tall|deep|wide)\b|多高|多深|多宽|海拔|高度|深度|宽度/, '米|千米|公里|厘米|毫米|尺|丈|km|kilomet(?:re|er)s?|m|met(?:re|er)s?|cm|centimet(?:re|er)s?|mm|feet|foot|ft|inch(?:es)?'],
  [/\bhow (?:hot|cold|warm)\b|多冷|多热|温度|气温/, '度|°c?|℃|degrees?'],
  [/\bhow fast\b|多快|速度|时速/, '公里每小时|公里/小时|km/h|kph|mph|公里|kilomet(?:re|er)s? (?:an|per) hour|miles (?:an|per) hour|knots?'],
];

/** For a measure question naming its dimension (how heavy, 多深), a pattern of a number in one of its units; else null. */
export function measureUnits(question: string): RegExp | null {
  const q = normalizeText(question).toLowerCase();
  const units = DIMENSIONS.find(([re]) => re.test(q))?.[1];
  return units ? new RegExp(`(?:\\d+(?:[.,]\\d+)*|${EN_NUMBER}|[零一二两三四五六七八九十百千万点]+)(?:多|余)?[\\s-]*(?:${units})(?![a-z])`, 'i') : null;
}

const ANSWERS: Record<Cue, RegExp> = {
  phone: /\+?\d[\d\s-]{6,}\d/g,
  frequency: /\b(?:every|each|once|twice|daily|weekly|monthly|yearly|annually|times a)\b|每|一次/gi,
  price: new RegExp(
    `${NUM}\\s*(?:yuan|rmb|cny|dollars?|usd|eur|euros?|pounds?|pence|yen|元|块)|[¥$€£]\\s*\\d|\\b(?:free|no charge|costs nothing|nothing)\\b|免费|不收费`,
    'gi',
  ),
  number: new RegExp(
    `\\d|${EN_NUMBER}|[两二三四五六七八九十百千万][零一二两三四五六七八九十百千万]*\\s*\\p{Script=Han}|一[零一二两三四五六七八九十百千万点]+\\s*\\p{Script=Han}|免费|不收费`,
    'giu',
  ),
  measure: new RegExp(`${NUM}\\s*(?:${UNITS})`, 'gi'),
  // "How long is the warranty?" asks for a length of time as much as "how long is the span?" for one of space.
  length: new RegExp(`${NUM}\\s*(?:${UNITS}|${TIME_UNITS})`, 'gi'),
  duration: new RegExp(
    `${NUM}\\s*(?:${TIME_UNITS})|\\b(?:next day|same day|within|until)\\b|次日|当天`,
    'gi',
  ),
  distance: new RegExp(`${NUM}\\s*(?:km|kilomet(?:re|er)s?|(?:nautical )?miles?|met(?:re|er)s?|公里|千米|海里|英里|米|里)`, 'gi'),
  year: new RegExp(YEAR, 'gi'),
  dynasty: new RegExp(`${YEAR}|${DYNASTY}代`, 'gi'),
  time: new RegExp(
    `\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)|\\b(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+o['’]clock|\\b(?:noon|midnight|midday)\\b|\\b(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|daily|every day|weekdays?|weekends?|holidays?|next day|within|before|after|until|days?|hours?|(?:spring|summer|autumn|winter)s?|${MONTHS})\\b|${YEAR}|(?:\\d+|[零一二两三四五六七八九十]+)\\s*(?:[点时月日号]|个月)|[春夏秋冬][天季]|[上下中]午|早上|晚上|傍晚|凌晨|[周星期][一二三四五六日天末]|次日|当天|工作日|清明|${NUM}\\s*(?:天|小时|分钟)`,
    'gi',
  ),
  // A month or a weekday after "in" is a time, not a place ("picked in October").
  place: /\b\d+\s+[A-Z][a-z]+\s+(?:Road|Street|Avenue|Lane|Rd|St)\b|\b(?:road|street|avenue|floor|next to|opposite)\b|\b(?:on|off)\s+the\s+(?:\w+\s+)?(?:island|coast|shore|hill|mountain|river|lake|bay|peninsula|border)s?\b|\b(?:in|at|to|from|near|into|across|over|beside)\s+(?:the\s+)?(?:(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w-]+|(?:\w+\s+)?(?:marsh(?:es)?|hills?|mountains?|towns?|cit(?:y|ies)|villages?|valleys?|forests?|orchards?|harbou?rs?|ports?|district|coast|river|lake|sea|island|country|region|north|south|east|west)\b)|\b(?:of|in) the [A-Z][a-z]+ (?:valley|river|hills|mountains|coast|region|district)\b|[A-Z][a-z]+,\s*[A-Z][a-z]+|\d+\s*号|\p{Script=Han}(?:路|街|楼|层|区|市|省|县|镇|村|山|河|湖|国|州|岛|港|湾|坡|洲|寺|庙|祠|庵)(?=[\s，。、；和与及的,]|$)|(?<=(?:转移|迁|搬|送|运|逃|撤|移|调|派|嫁|流放|回)(?:到|至|往))\p{Script=Han}{1,7}?(?:寺|庙|祠|庵|村|镇|县|城|岛|港|市|省|州|山|湖|河|江)|位于|坐落/gu,
  // Also the party a policy makes responsible ("运费由我们承担", "we pay the postage"): who pays, who is liable; the
  // party alone is the match, since the verb is the question's own word.
  person:
    /(?<=\S\s+)(?!(?:[A-Z][a-z]+\s+)*(?:River|Lake|Loch|Mount|Street|Road|Lane|Bridge|Park|Islands?|Isle|Bay|Head|Valley|Cave|Plateau|Firth|Point|Sea|Ocean|Canal|Navigation|Railway|Station|Museum|Hall|Exchange|Castle|Abbey|Church|Cathedral|Tower|Square|Harbour|Exhibition|Fair|Festival|War|Medal|Prize|Atlas|Way|Water|Hills?|Forest|Moor|Coast|North|South|East|West|January|February|March|April|May|June|July|August|September|October|November|December)\b)(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)|\bby (?:the )?[a-z]+ [A-Z][a-z]+|\b(?:Mr|Mrs|Ms|Dr|Sir|Lady|King|Queen)\.?\s+[A-Z][a-z]+|\b(?:we|you)(?= (?:pay|cover|bear)\b)|(?<=\b(?:paid|covered|borne) by )(?:us|you|the (?:customer|buyer|seller|company|shop))\b|(?<=由)(?:我们|我方|本店|本公司|公司|平台|您|买家|卖家|客户|用户|企业)(?=承担|负责|支付|出|付)/g,
  appearance:
    /\b(?:red|green|yellow|blue|white|black|brown|gr[ae]y|orange|purple|pink|golden|silver|striped|streaked|spotted|speckled|round|oval|flat|pointed|curved|square|small|tiny|large|huge|tall|short|long|thin|thick|shiny|dull|smooth|rough|hard|soft)\b|[红绿黄蓝白黑灰紫橙粉褐棕金银]色|条纹|斑点|圆形|椭圆|方形|扁平|光滑|粗糙|[大小高矮长短粗细]而/gi,
  // "Term: what it means", or a sentence saying what something means or indicates.
  meaning: /^[^:：.。]{1,40}[:：]\s*[^,.;，。；]+|\b(?:means?|meaning|indicates?|signals?|stands? for)\b|表示|代表|意味着|说明/gu,
  // "A, B and C", "A、B 和 C", or a list introduced by a colon.
  list: /[\w-]+(?:\s[\w-]+)?,\s[\w-]+(?:\s[\w-]+)?,?\s(?:and|or)\s[\w-]+|\p{Script=Han}+、\p{Script=Han}+(?:、\p{Script=Han}+)*\s*(?:和|及|与|或|以及)?|:\s*$|：\s*$/gu,
  // An event that led to it ("built after the ship was wrecked", 沉没…随后集资修建) answers why as a cause does.
  reason: /\b(?:because|since|so that|due to|owing to|as a result|in order to|caused? by|the (?:main )?(?:cause|reason)|after (?:the|a|an) (?:[a-z]+ ){1,4}(?:was|were|had))\b|随后|于是|因为|由于|是因为|所以|为了|原因|导致|造成|因此|因而|得名|故名|故称|(?<=^|[，,；;。\s])因(?![素特地])/giu,
};

const HAN = /\p{Script=Han}/u;

// Tagging a sentence costs about 40 µs, and the same sentences are tagged for question after question.
const TAGS_MAX = 5000;
const tagCache = new Map<string, TaggedWord[]>();

function tagsOf(text: string): TaggedWord[] {
  let hit = tagCache.get(text);
  if (hit) {
    tagCache.delete(text);
  } else {
    hit = segmenter().tag(text, true);
    if (tagCache.size >= TAGS_MAX) tagCache.delete(tagCache.keys().next().value!);
  }
  tagCache.set(text, hit);
  return hit;
}

/**
 * Chinese names and places by jieba's part-of-speech tags: nr/nrfg/nrt are
 * person names and ns places; a three-character word jieba does not know (x)
 * is mostly a name it has never seen (林素华).
 */
function chineseEntities(text: string, kind: 'person' | 'place'): string[] {
  const tagged = tagsOf(text);
  if (kind === 'place') return tagged.filter((t) => t.tag === 'ns').map((t) => t.word);
  // Unknown words are also what the HMM glues together across a word boundary (元免, 守塔人): only three characters, a full
  // name's length, led by a family name. jieba's nr guesses (陈列馆, 塔高) must look like a Chinese name as well; its
  // transliterated names (nrfg, nrt) like a foreign one, at least three characters.
  const names = tagged.filter(
    (t) =>
      !INSTITUTION_END.test(t.word) &&
      (((t.tag === 'nr' || t.tag === 'x') && /^\p{Script=Han}{2,3}$/u.test(t.word) && (t.tag === 'nr' || t.word.length === 3) && SURNAMES.includes(t.word[0]!)) ||
        ((t.tag === 'nrfg' || t.tag === 'nrt') && t.word.length >= 3)),
  );
  return [...names.map((t) => t.word), ...[...text.matchAll(TITLED_NAME)].map((m) => m[0]), ...[...text.matchAll(RESPONSIBLE)].map((m) => m[1]!), ...dottedNames(tagged)];
}

// Who bears, pays or does something, named by 由 (由企业统一承担, 由工程师周启明设计): answers 谁 as a name does.
const RESPONSIBLE = /由([^，,。；\s]{1,10}?)(?:统一|负责|全额)?(?:承担|负责|支付|赔偿|提供|处理|设计|主持|完成|建造|修建)/gu;
const NAME_DOT = /^[·・•‧]$/u;
/**
 * A transliterated name is written in parts joined by a middle dot (玛丽·霍顿), which jieba cuts apart: the words
 * either side of the dot, unless they are places (中国·杭州) or inside a title (《史记·项羽本纪》).
 */
function dottedNames(tagged: TaggedWord[]): string[] {
  const out: string[] = [];
  let inTitle = false;
  tagged.forEach(({ word }, i) => {
    if (word === '《') inTitle = true;
    else if (word === '》') inTitle = false;
    const [before, after] = [tagged[i - 1], tagged[i + 1]];
    if (inTitle || !NAME_DOT.test(word) || !before || !after || before.tag === 'ns' || after.tag === 'ns') return;
    if (HAN.test(before.word) && HAN.test(after.word)) out.push(`${before.word}·${after.word}`);
  });
  return out;
}
const INSTITUTION_END = /[馆楼院店园所站厂场局部室司队会社校堂塔桥港]$/u;
// The most common Chinese family names: a name after the title or role it is introduced by (工程师周启明, 守塔人林阿水),
// which jieba glues to the title or cuts apart when it does not know the name.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const TITLED_NAME = new RegExp(`(?<=[师家长商员者官人手匠工主])[${SURNAMES}]\\p{Script=Han}{1,2}(?=在|于|的|是|和|与|等|设计|发明|创|建|主持|负责|担任|带领|[，,。、；\\s]|$)`, 'gu');

// "Free" answers a price question only when the text names no price: "a coupon for a free day pass" is weaker than
// "day pass: 68 yuan" for "how much is a day pass?".
const FREE = /^(?:free|no charge|costs nothing|nothing|免费|不收费)$/i;

// The classifier a Chinese count question names (多少岁, 几次): the answer counts in it (十八周岁, not 20 次). 个, 名
// and 位 are left out: they count anything (几个积分 → 1 积分, 多少名工人 → 一千八百人).
const COUNTED = /(?:多少|几)(岁|次|天|年|斤|吨|台|座|种|辆|层|倍|周|小时|分钟|公里|米|折|家|所|条|艘|架|只|头|匹|张|件|本|间|栋)/;

// The words after "how many": the noun it counts ends them ("how many power looms did…" → looms).
const COUNTED_EN = /\bhow many ((?:[a-z-]+\s+){0,2}[a-z-]+)/i;
// An auxiliary verb, a determiner or a preposition ends the counted noun phrase.
const PHRASE_END = /^(?:did|do|does|is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|there|a|an|the|of|in|on|at|for|per|to|from|with|by)$/;

/** The English noun "how many" counts, as a word: the last noun before the verb ("how many power looms did…" → looms). */
export function countedNoun(question: string): string | null {
  const words = COUNTED_EN.exec(normalizeText(question).toLowerCase())?.[1]?.split(/\s+/) ?? [];
  let noun: string | null = null;
  for (const word of words) {
    if (PHRASE_END.test(word) || (noun && !canBeNoun(word))) break;
    noun = word;
  }
  // "times" asks how often, not a count.
  return noun && noun !== 'times' ? noun : null;
}

/** The unit a count question asks in (租车需要满多少岁 → 岁; "how many points" → the stem point), or null. */
export function countedUnit(question: string): string | null {
  const plain = normalizeText(question);
  const zh = COUNTED.exec(plain);
  // A classifier that begins a word is none: 多少家长 asks about parents, 几年级 a school year.
  if (zh) return tokenize(plain.slice(zh.index + zh[0].length - zh[1]!.length))[0] === zh[1] ? zh[1]! : null;
  const en = countedNoun(plain);
  const noun = en ? tokenize(en)[0] : undefined;
  return noun && /^[a-z]{3,}$/.test(noun) ? noun : null;
}

// "1956 年" alone: a year, not a length.
const LENGTH_YEAR = new RegExp(`^${YEAR_NUMBER}\\s*年$`);
// Years and dates written as numbers: in 1947, 1947 年, 1990 年代, 20 世纪 30 年代, 5 月 12 日, 12 March. Not a
// count of years (已有 1300 年历史), nor a number after "from" or "around" ("around 1500 people").
const CAPITAL_MONTHS = MONTHS.replace(/\b[a-z]/g, (c) => c.toUpperCase());
const DATE = new RegExp(
  `(?<=\\b(?:[Ii]n|[Ss]ince|[Dd]uring)\\s+)${YEAR_NUMBER}s?\\b|(?<![有近约逾达]\\s*)${YEAR_NUMBER}\\s*年(?:代)?(?!历史|之久|多|以上)|(?<!\\d)\\d{1,2}\\s*(?:世纪|年代)|(?<!\\d)\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*[日号])?|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${CAPITAL_MONTHS})\\b|\\b(?:${CAPITAL_MONTHS})\\s+\\d{1,2}\\b`,
  'g',
);

/** A count in the counted English noun, up to two words before it ("20 rentals", "three full-time keepers"). */
function countsIn(counted: string, plain: string): boolean {
  return new RegExp(`(?:\\d+(?:[.,]\\d+)*|${EN_NUMBER})(?:\\s+[a-z-]+){0,2}?\\s+${counted}[a-z]*\\b`, 'i').test(plain);
}

/**
 * A number that is not in the counted noun answers an English count question only partly: "how many points do I
 * get per yuan" is better answered by "1 point for every yuan" than by "12 yuan per hour".
 */
const OTHER_COUNT_STRENGTH = 0.5;

/**
 * How well the text holds what the cue asks for: 1 when it does, 0.5 when only by "free" for a price, 0 when not or
 * when that thing is just the question's own words: "Who designed the Eastwick tunnel?" is not answered by a
 * sentence whose only name is "Eastwick". With `counted`, a number must be in that unit; with `units` (measureUnits),
 * a measure must be in one of them.
 */
export function cueStrength(cue: Cue, text: string, questionTokens: Set<string>, counted: string | null = null, units: RegExp | null = null): number {
  // A date is no count: "重庆分厂有多少名工人" is not answered by 1947 年, nor 能活多少年 by 研究始于 2005 年.
  const plain = cue === 'number' ? normalizeText(text).replace(DATE, ' ') : normalizeText(text);
  if (cue === 'measure' && units) return units.test(plain) ? 1 : 0;
  if (counted && cue === 'number' && !/^[a-z]/.test(counted)) {
    // 敲多少次 is answered by 一百零八下: times are counted in any of these.
    const unit = counted === '次' ? '(?:次|下|回|遍)' : counted;
    return new RegExp(`${ZH_NUMBER}\\s*(?:个|周)?${unit}`).test(plain) ? 1 : 0;
  }
  let found = [...plain.matchAll(ANSWERS[cue])].map((m) => m[0]);
  // "1956 年" is a year, not a length ("公路大桥有多长" is not answered by when it was built); a span of years still
  // answers how long something took (duration).
  if (cue === 'length') found = found.filter((f) => !LENGTH_YEAR.test(f.trim()));
  if ((cue === 'person' || cue === 'place') && HAN.test(plain)) found.push(...chineseEntities(plain, cue));
  const own = found.filter((f) => {
    const tokens = tokenize(f);
    // A match of only stop words or numbers ("in", "2 pm") still counts; a match made of the question's words does not.
    return !tokens.length || !tokens.every((t) => questionTokens.has(t)) || /\d/.test(f);
  });
  if (!own.length) return 0;
  if (counted && cue === 'number') return countsIn(counted, plain) ? 1 : OTHER_COUNT_STRENGTH;
  return cue === 'price' && own.every((f) => FREE.test(f.trim())) ? 0.5 : 1;
}

// "When did it open?", "When was she born?", 是什么时候建成的: a past event, dated by its year more than by a day
// that recurs ("every year on 14 May").
const PAST_WHEN = /\bwhen (?:did|was|were|had)\b|什么时候.*[了的]|何时.*[了的]/i;
const HOLDS_YEAR = new RegExp(YEAR, 'i');

/** True when the question asks when something happened in the past. */
export function asksPastTime(question: string): boolean {
  return PAST_WHEN.test(normalizeText(question));
}

/** True when the text names a year (1887, 1850s, 2003 年, 唐朝). */
export function holdsYear(text: string): boolean {
  return HOLDS_YEAR.test(normalizeText(text));
}

/** True when the text holds what the cue asks for (see cueStrength). */
export function answersCue(cue: Cue, text: string, questionTokens: Set<string>): boolean {
  return cueStrength(cue, text, questionTokens) > 0;
}

// The noun a "which"/"what" question asks about ("which cities", "哪些城市") names the answer's kind; the answer
// itself need not repeat it.
const TYPE_NOUN = /\b(?:which|what)\s+(?!(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|a|an|the|kind|kinds|type|types|sort|happens?)\b)([a-z]+)|哪(?![里儿])[个些座家位种所]?([\p{Script=Han}]{2})/giu;

/** Question tokens that name the kind of answer asked for, not its topic. */
export function typeWords(question: string): Set<string> {
  const out = new Set<string>();
  for (const m of normalizeText(question).toLowerCase().matchAll(TYPE_NOUN)) for (const t of tokenize(m[1] ?? m[2] ?? '')) out.add(t);
  return out;
}

// English nouns by their place: after a determiner ("the motor", "a car rental"), capitalized inside the sentence
// (Suzhou), or a model code (S3).
const EN_NOUN = /\b(?:a|an|the|my|your|our|this|that|these|those|its|their|his|her)\s+([a-z][\w-]*)|(?<=\S\s+)([A-Z][\w-]*)|\b([a-z]+\d[\w-]*)\b/gi;
// At the very start: in a topic whose question words were cut out ("how much is teh deposit" → " is teh deposit") it is no yes/no question.
const YES_NO_SUBJECT = /^(?:does|do|did|is|are|was|were|can|could|will|would|should|has|have)\s+([a-z][\w-]*)\b/i;
/** termWeight of a specific noun: English words off the common list (8), Chinese ones above 城市 or 时间 in jieba's IDF. */
const KEY_MIN_WEIGHT = 5;
const ZH_NOUN = /^(?:n|nr|nrfg|nrt|ns|nt|nz|eng)$/;

const ZH_NAME = /^(?:nr|nrfg|nrt|ns)$/;
const GENERAL_PLACES = new Set('城市 国家 地区 地方 全国 各地 当地 本地 国内 国外 海外 市区 城区 郊区 市中心 附近 周边 世界 全球'.split(' '));

/** The question's key terms, each marked whether it is a name (a capitalized word, a Chinese person or place). */
function keyTermsOf(topic: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const text = normalizeText(topic);
  for (const m of text.matchAll(EN_NOUN)) {
    const word = m[1] ?? m[2] ?? m[3] ?? '';
    // Only a capital inside the question marks a name, not one that merely follows a determiner in any case.
    if (m[2] && !/^[A-Z]/.test(word)) continue;
    for (const t of tokenize(word)) out.set(t, out.get(t) || (!m[3] && /^[A-Z]/.test(word)));
  }
  // The subject of a yes/no question ("Does assembly cost extra?", "Is theft covered?") is what it is about.
  const subject = YES_NO_SUBJECT.exec(text)?.[1];
  if (subject && isEnglishWord(subject.toLowerCase()) && canBeNoun(subject.toLowerCase())) for (const t of tokenize(subject)) out.set(t, out.get(t) ?? false);
  if (HAN.test(text)) {
    for (const w of tagsOf(text)) {
      if (ZH_NOUN.test(w.tag) && HAN.test(w.word) && w.word.length >= 2) for (const t of tokenize(w.word)) out.set(t, out.get(t) || ZH_NAME.test(w.tag));
    }
  }
  // A general noun ("place", 地方, 时间) names no particular thing; a name does, however common (北京 weighs less than
  // 门店 in jieba's IDF), unless it is a general word jieba tags as a place (城市).
  const keys = new Map([...out].filter(([t, name]) => (name ? !GENERAL_PLACES.has(t) : termWeight(t) >= KEY_MIN_WEIGHT)));
  // What "how many" counts is what the question is about ("how many power looms did the mill have").
  const counted = countedNoun(text);
  if (counted) for (const t of tokenize(counted)) if (termWeight(t) >= KEY_MIN_WEIGHT) keys.set(t, keys.get(t) ?? false);
  // A year names which event of several it is about ("the flood of 1956", 1937 年的大火): a sentence of another year
  // tells another one.
  for (const [year] of text.matchAll(QUESTION_YEAR)) keys.set(year, false);
  return keys;
}

const QUESTION_YEAR = new RegExp(
  `(?<![\\d.,])${YEAR_NUMBER}(?![\\d.,]|\\s*(?:yuan|元|pounds?|dollars?|euros?|km|kilomet|met|米|公里|人|名|people|persons?|times|次|个|kg|公斤|吨|tonnes?))`,
  'g',
);

/**
 * The question's key terms: the things it is about (nouns and names), as
 * index tokens. A verb or a modifier may be paraphrased in the text; the
 * thing asked about is named.
 */
export function keyTerms(topic: string): Set<string> {
  return new Set(keyTermsOf(topic).keys());
}

/** The key terms that are names (Suzhou, 北京, 林素华): a text that never names them is not about them. */
export function keyNames(topic: string): Set<string> {
  return new Set([...keyTermsOf(topic)].filter(([, name]) => name).map(([t]) => t));
}

// A noun after a determiner and the noun that follows it ("a battery swap", "the toll house").
const EN_COMPOUND = /\b(?:a|an|the|my|your|our|this|that|these|those|its|their|his|her)\s+([a-z][\w-]*)\s+([a-z][\w-]*)/gi;

/**
 * For a key term that begins a compound noun ("a battery swap"), the compound's other noun: the text may name the
 * thing by either ("a swap costs 15 yuan"), so the key is named when one of them is.
 */
export function keyPartners(topic: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of normalizeText(topic).matchAll(EN_COMPOUND)) {
    const [first, second] = [m[1]!.toLowerCase(), m[2]!.toLowerCase()];
    if (!canBeNoun(second)) continue;
    const [a, b] = [tokenize(first)[0], tokenize(second)[0]];
    if (a && b && a !== b) out.set(a, b);
  }
  return out;
}

// Verbs that carry no relation of their own ("how long does it take").
const LIGHT_VERBS = new Set('be is are was were been do does did have has had get gets got make makes made take takes took go goes went come comes came give gives gave use used need needs want wants let say said see'.split(' '));

/**
 * An English question's predicates as index tokens: the words the lexicon knows only as verbs, which say what it
 * asks about the thing ("who owns the quarry"). Not Chinese: a Chinese question says its verb with another of the
 * same meaning (搬到 against 迁到) too often for a missing one to tell.
 */
export function predicates(topic: string): Set<string> {
  const out = new Set<string>();
  for (const m of normalizeText(topic).toLowerCase().matchAll(/[a-z]+/g)) {
    const word = m[0];
    if (LIGHT_VERBS.has(word) || !isVerb(word) || canBeNoun(word)) continue;
    for (const t of tokenize(word)) out.add(t);
  }
  return out;
}
