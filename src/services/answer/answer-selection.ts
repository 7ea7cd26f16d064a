import { joinSentences, sentences } from '../knowledge/chunker.js';
import { LIST_NUMBER } from '../knowledge/extract/blocks.js';
import { isEnglishWord, morphemesOf, normalizeText, stem, termWeight, tokenize } from '../knowledge/text-segmenter.js';
import type { Passage } from './answer.types.js';
import { chineseSynonyms } from './chinese-synonyms.js';
import { oppositesOf, saysOpposite } from './opposites.js';
import { MEANING_VERB, type Cue, asksPastTime, countedUnit, cueOf, cueStrength, keyNames, keyPartners, holdsYear, keyTerms, measureUnits, predicates, quantityOf, typeWords } from './question-cues.js';
import { generalSynonyms } from './general-synonyms.js';
import { alternativesOf, type SynonymGroups } from './synonyms.js';
import { relatedForms } from './word-forms.js';
import { wordnetPertainyms, wordnetRelated, wordnetSynonyms } from './wordnet-synonyms.js';

/** A sentence of a passage: its paragraph, and whether it is a list item. */
export interface Unit {
  text: string;
  paragraph: number;
  listItem: boolean;
  /** How its list item is shown: "• ", or the item's own number ("2. ", "2、"); empty outside a list. */
  marker: string;
  tokens: Set<string>;
  /** The normalized text, for Chinese character overlap. */
  plain: string;
}

/** True when the question asks for several things at once ("what are the prices?", "有哪些套餐"). */
export function asksForList(question: string): boolean {
  return /\b(?:what|which) (?:are|kinds?|types?)\b|\blist\b|\ball (?:the|your)\b|哪些|有什么|都有|几种/i.test(normalizeText(question));
}

// Order numbers, tracking codes and phone-like identifiers: they name the contact's case, not the topic.
const IDENTIFIER = /(?:\b(?:my )?(?:order|tracking|invoice|ticket)s?\s*(?:number|no\.?|id|#)?\s*[:：]?\s*|(?:我的)?(?:订单|运单|单号|发票)号?(?:是|为)?\s*[:：]?\s*)?#?(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{4,}/gi;
// The contact introducing themselves: the name is not what the documents answer on.
const SELF_NAME = /\b(?:[Ii]'?m|[Ii] am|[Mm]y name is|[Tt]his is)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|(?:我是|我叫|本人)[\p{Script=Han}]{2,3}(?=[，,。\s]|$)/gu;

// How a question is asked, not what it is about: the cue stands for these (jieba cuts them into words that would
// otherwise count as topic, such as 时间 in 多长时间).
const FRAME = /\b(?:tele)?phone number\b|\baddress\b|\bhow (?:many|much|long|old|often|far|high|tall|deep|wide|big|large|heavy|soon)\b|多长时间|多少(?:钱|岁|天|次|个)?|谁(?:来)?(?:出|付|支付|承担)|打几折|谁|何时|何人|何地|多久|多远|多大|多高|多深|多宽|多重|多沉|多冷|多热|多快|哪一?年|(?:什么|哪个|哪一?)朝代|哪朝|为什么|为何|哪位|怎么办|怎么样|怎样|怎么|如何|什么时候|什么|哪些|哪里|哪儿|哪天|哪个|几点|几[个天次岁种]|是否|能否|可不可以|可以吗|会不会|\bwhat happens\b|\bhappen(?:s|ed)?\b|\blook(?:s|ed)? like\b|\bwhat colou?rs?\b|\bwhat shape\b|长什么样|什么样子|什么颜色/gi;

// The words that frame a question: misspelt ("how lnog", "adress"), the question's cue and frame are lost.
const FRAME_WORDS = ['long', 'much', 'many', 'often', 'where', 'when', 'which', 'what', 'address', 'phone', 'number'];

/** The question with a misspelt frame word (not an English word, one edit from a frame word) spelt right. */
export function spellFrameWords(question: string): string {
  return question.replace(/\b[A-Za-z]{4,8}\b/g, (word) => {
    const lower = word.toLowerCase();
    if (FRAME_WORDS.includes(lower) || isEnglishWord(lower)) return word;
    return FRAME_WORDS.find((f) => f[0] === lower[0] && editDistance(lower, f, 1) <= 1) ?? word;
  });
}

// A clause about the contact's own case ("my order VT20931 has not arrived", 我是王磊): first person, no question in it.
const FIRST_PERSON = /\b(?:i|i'm|i've|my|me|we|our|us)\b|我|咱/i;
const CLAUSE_END = /[，,。;；!！：:]|\.\s/;
/** How much a word said only in such a clause counts: it tells the contact's situation, not what they ask. */
const CASE_CLAUSE_WEIGHT = 0.5;

/**
 * The words of a question said only in clauses about the contact's own case, when another clause asks the question
 * ("我的订单 VT20931 还没到，你们在哪些城市送货？" asks where the shop delivers; 还没到 is the contact's story).
 */
export function caseOnlyTokens(question: string): Set<string> {
  const clauses = normalizeText(question).split(CLAUSE_END).map((c) => c.trim()).filter(Boolean);
  if (clauses.length < 2) return new Set();
  const asking = clauses.filter((c) => cueOf(c) !== null || /[?？吗呢]$/.test(c) || !FIRST_PERSON.test(c));
  const story = clauses.filter((c) => !asking.includes(c));
  if (!asking.length || !story.length) return new Set();
  const asked = new Set(asking.flatMap((c) => tokenize(topicOf(c))));
  return new Set(story.flatMap((c) => tokenize(topicOf(c))).filter((t) => !asked.has(t)));
}

/** The question without the parts that identify the contact's own case (order numbers, their name) and its frame. */
export function topicOf(question: string): string {
  const topic = normalizeText(question).replace(SELF_NAME, ' ').replace(IDENTIFIER, ' ').replace(FRAME, ' ');
  return cueOf(question) === 'meaning' ? topic.replace(MEANING_VERB, ' ') : topic;
}

const HAN = /\p{Script=Han}/u;

// Characters that carry grammar, not a topic: a two-character "word" of two of them that no passage has (时会 in
// 到期时会有人联系) is jieba joining the ends of two phrases, not a thing the question is about.
const FUNCTION_CHARS = new Set('时会的了在有是要能就都也还又才被把给让对和与或而但可将已正很太更最着过得地吗呢吧');

/** A question word that is two grammar characters the passages never use together. */
function isMiscut(term: string, vocabulary: Set<string>): boolean {
  return term.length === 2 && !vocabulary.has(term) && FUNCTION_CHARS.has(term[0]!) && FUNCTION_CHARS.has(term[1]!);
}

// A life span after a name, "Elspeth Hargrove (3 March 1821 – 17 November 1894)", 苏青岚（1911—1996）: the dates of
// birth and death, which an encyclopedia gives this way and not in words.
const LIFESPAN = /[(（][^()（）]{0,20}?(?:1\d{3}|20\d{2})[^()（）\d]{0,3}[–—-]+[^()（）]{0,20}?(?:1\d{3}|20\d{2})\s*[)）]/u;
const LIFE_WORDS = tokenize('born birth died death 出生 去世 逝世');

/**
 * Units of a passage: its paragraphs (content lines) split into sentences; "• " marks a list item. Short title lines
 * go to `titles`; with `titles` null (a Q&A entry's answer, every line of which a person wrote as the answer) no line
 * is a title.
 */
export function unitsOf(content: string, titles: string[] | null = []): Unit[] {
  const out: Unit[] = [];
  const lines = content.split('\n');
  lines.forEach((line, paragraph) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    // A short line without a sentence end above more text is a title (plain-text documents have no heading markup):
    // context for the sentences, never an answer on its own.
    if (titles && isTitle(trimmed) && lines.slice(paragraph + 1).some((l) => l.trim())) {
      titles.push(trimmed);
      return;
    }
    // A numbered item (a plain-text document's "1. …") is a list item that keeps its number, out of its text.
    const bullet = /^[•·▪●◦-]\s+/.exec(trimmed);
    const number = bullet ? null : LIST_NUMBER.exec(trimmed);
    const marker = bullet ? '• ' : number ? number[0].replace(/\s+$/, ' ') : '';
    const listItem = marker !== '';
    const body = bullet ? trimmed.slice(bullet[0].length) : number ? trimmed.slice(number[0].length).trim() : trimmed;
    for (const text of sentences(body)) {
      const tokens = new Set(tokenize(text));
      if (LIFESPAN.test(text)) for (const t of LIFE_WORDS) tokens.add(t);
      out.push({ text, paragraph, listItem, marker, tokens, plain: normalizeText(text).toLowerCase() });
    }
  });
  return out;
}

// Segmenting a passage costs about a millisecond; the same passages answer many questions.
const PARSED_MAX = 2000;
const parsedCache = new Map<string, { units: Unit[]; titles: string[] }>();

/** unitsOf, remembered for the most recently asked passages. */
function parsedContent(passage: Passage): { units: Unit[]; titles: string[] } {
  const key = `${passage.kind}:${passage.content}`;
  let hit = parsedCache.get(key);
  if (hit) {
    parsedCache.delete(key);
  } else {
    const titles: string[] = [];
    hit = { units: unitsOf(passage.content, passage.kind === 'qa' ? null : titles), titles };
    if (parsedCache.size >= PARSED_MAX) parsedCache.delete(parsedCache.keys().next().value!);
  }
  parsedCache.set(key, hit);
  return hit;
}

function isTitle(line: string): boolean {
  if (/^[•·▪●◦-]\s/.test(line) || LIST_NUMBER.test(line) || /[.!?;:。！？；：，,]$/.test(line)) return false;
  return HAN.test(line) ? line.length <= 20 : line.split(/\s+/).length <= 8;
}

/** The share of a sentence's score that holding what the question word asks for (a name, a year, a price) makes. */
const CUE_WEIGHT = 0.2;
/** A sentence without it answers another question about the same words ("how much are farmers paid" → "paid to delay mowing"). */
const CUE_MISSING_FACTOR = 0.65;
/**
 * Cues whose answer has a form a sentence either shows or does not (a price, a year, a weight in its unit): a sentence
 * without it, however many of the question's words it repeats, tells something else ("头盔内衬多少钱" against the
 * sentence on returning the liner).
 */
const FORMED_CUE_MISSING_FACTOR = 0.5;

/**
 * Whether the question asks for an answer of such a form: a year, a distance, a phone number; a price when it asks how
 * much (not "what if it costs more"); a weight, height or temperature (not "how fast", often a rate: "twice the normal").
 */
function asksFormed(cue: Cue | null, question: string, dimension: RegExp | null): boolean {
  if (cue === 'year' || cue === 'dynasty' || cue === 'distance' || cue === 'phone') return true;
  if (cue === 'price') return /\bhow much\b|多少钱|几块|几元|多少元|什么价|价格是多少/i.test(question);
  if (cue === 'measure') return dimension !== null && !/\bhow fast\b|多快|速度|时速/i.test(question);
  return false;
}
/**
 * A sentence lacking one of the things the question is about (with its heading and neighbours) answers a question
 * that reuses its other words about something else ("the deposit for a car rental" against the scooter deposit).
 */
const KEY_MISSING_FACTOR = 0.6;
/**
 * A question naming a place or a person none of the passages mentions (北京门店 against the Shanghai and Hangzhou
 * stores) is about something they do not cover, however well the rest matches.
 */
const NAME_UNKNOWN_FACTOR = 0.6;
/**
 * A sentence naming the question's thing without its predicate ("built of granite from the Penmore quarry" for who
 * owns the quarry) most often tells something else about it; a paraphrased verb is common too, so this weighs less
 * than a missing thing.
 */
const PREDICATE_MISSING_FACTOR = 0.8;
/** A sentence saying the opposite of a question word and not the word (最高 for 最低) tells about another thing. */
const OPPOSITE_FACTOR = 0.6;

interface Term {
  term: string;
  weight: number;
  /** The staff's synonyms of the word: any of them, all its tokens present, counts as the word. */
  alternatives?: string[][];
  /** WordNet's synonyms of a word the passages do not have: one present counts as the word in part (LOOSE_CREDIT). */
  loose?: string[][];
  /** WordNet's broader, narrower or derived words of it: one present counts for less (RELATED_CREDIT). */
  related?: string[][];
  /** Names the kind of answer ("which cities"): a sentence holding such an answer need not repeat it. */
  type?: boolean;
  /** A thing the question is about ("the motor", "Suzhou", 天文馆): a sentence without it is about something else. */
  key?: boolean;
  /** A verb saying what the question asks about its thing (born, 创办): a sentence without it tells something else. */
  predicate?: boolean;
  /** A noun naming a quantity (电压, weight): a number in its unit holds it ("48 伏"). */
  quantity?: RegExp;
  /** A Chinese key noun's first character (not of a name): the text naming the thing by it (茶 for 茶叶) is about it. */
  head?: string;
  /** The other noun of the key's compound ("a battery swap"): the text naming either names the thing. */
  partner?: string;
}

/**
 * What a WordNet synonym standing for the question's word earns of its weight: a general-language synonym is one of
 * the word's senses and may not be the sense the question means ("crop" for "harvest").
 */
const LOOSE_CREDIT = 0.8;
/** A word one step from the question's in WordNet ("bathing" for "swimming", "taught" for "trained") tells less. */
const RELATED_CREDIT = 0.6;

const hasAll = (tokens: Set<string>, w: string[]) => w.every((x) => tokens.has(x));
/** 1 when the tokens hold the term or one of its alternatives, LOOSE_CREDIT when only a WordNet synonym, else 0. */
function match(tokens: Set<string>, t: Term): number {
  if (tokens.has(t.term) || t.alternatives?.some((w) => hasAll(tokens, w))) return 1;
  if (t.loose?.some((w) => hasAll(tokens, w))) return LOOSE_CREDIT;
  return t.related?.some((w) => hasAll(tokens, w)) ? RELATED_CREDIT : 0;
}
const holds = (tokens: Set<string>, t: Term) => match(tokens, t) > 0;

// Two-letter prefixes only: a longer one is more than the two edits a correction allows anyway.
const PREFIX = /^(?:re|un|de|in|im)/;
/** True when one word is the other with a prefix that changes its meaning (reconnect / connect, unlocked / locked). */
const isPrefixed = (a: string, b: string): boolean => {
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.length > short.length && long.endsWith(short) && PREFIX.exec(long)?.[0].length === long.length - short.length;
};

/** Edit distance of two short words, stopping early once above `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const swap = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? prev[j - 2]! : Infinity;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), swap);
    }
    if (Math.min(...row) > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * A question word as the passages know it: a misspelling one or two edits from one of their words becomes that word;
 * a short word they do not have ("teh") weighs little. Other unknown words weigh more: a question about something
 * the passages do not mention should not be answered from them.
 */
function known(term: string, vocabulary: Set<string>, key: boolean): Term {
  if (vocabulary.has(term)) return { term, weight: termWeight(term) };
  // A word none of the passages has (a place, a product they do not mention) makes them unlikely to answer.
  if (!/^[a-z]+$/.test(term)) return { term, weight: termWeight(term) * (/^\d+$/.test(term) ? 1 : 1.5) };
  const max = term.length >= 7 ? 2 : term.length >= 4 ? 1 : 0;
  if (max) {
    for (const word of vocabulary) {
      // "reconnected" is no misspelling of "connected", nor the other way: a prefix turns the word into another.
      if (/^[a-z]+$/.test(word) && editDistance(term, word, max) <= max && !isPrefixed(term, word)) return { term: word, weight: termWeight(word) * 0.9 };
    }
  }
  // A short unknown word is likely a typo, unless the question names it as the thing it is about ("a car rental").
  return { term, weight: termWeight(term) * (term.length <= 3 && !key ? 0.25 : 1.5) };
}

/**
 * Whether a Chinese word the passages do not have stands for its characters. A word jieba cut differently in the
 * question than in the text (电能 in 充满电能跑 against 充满电后) shows in the text holding the question's characters
 * across the word's edge (满电); such a word is no key. A word that is not a key (送货) may also be another word of
 * the same morpheme in the text (送车上门). A key noun the text does not have otherwise (汽车, 车险) stays whole.
 */
function splitsAs(term: string, topic: string, key: boolean, text: () => string): boolean {
  if (!key) return true;
  const at = topic.indexOf(term);
  if (at < 0) return false;
  const edges = [topic.slice(Math.max(at - 1, 0), at + 1), topic.slice(at + term.length - 1, at + term.length + 1)];
  return edges.some((e) => e.length === 2 && /^\p{Script=Han}{2}$/u.test(e) && text().includes(e));
}

/** termWeight of an English word outside its list of frequent ones: only such a word is looked up in WordNet. */
const RARE_WEIGHT = termWeight('reservoir');

/** WordNet's synonyms of the question's words that made the token `term`, those the passages have. */
function wordnetAlternatives(term: string, topic: string, vocabulary: Set<string>, of = wordnetSynonyms): string[][] {
  if (!/^[a-z]+$/.test(term)) return [];
  const out: string[][] = [];
  for (const [word] of topic.toLowerCase().matchAll(/[a-z]+/g)) {
    if (stem(word) !== term) continue;
    for (const w of of(word)) if (hasAll(vocabulary, w) && !out.some((o) => o.join(' ') === w.join(' '))) out.push(w);
  }
  return out;
}

/** How much of the question a unit covers: its own words fully, its section heading and its neighbours partly. */
function coverage(
  terms: Term[],
  unit: Unit,
  heading: Set<string>,
  around: Set<string>,
  headingCredit: number,
  answers: boolean,
  /** Where a key term may stand instead of the sentence: its paragraph (a Q&A entry), or the sentence it refers back to. */
  keyContext: Set<string>,
  paragraph: Set<string>,
): { share: number; keyMissing: boolean; predicateMissing: boolean } {
  let got = 0;
  let total = 0;
  let keyMissing = false;
  let predicateMissing = false;
  for (const t of terms) {
    const { term, weight } = t;
    let credit = 0;
    let nearby = false;
    if ((t.type && answers) || t.quantity?.test(unit.plain)) credit = 1;
    else if (holds(unit.tokens, t)) credit = match(unit.tokens, t);
    else if (holds(heading, t)) credit = headingCredit * match(heading, t);
    else if (holds(around, t)) {
      credit = 0.4 * match(around, t);
      nearby = true;
    } else if (HAN.test(term) && term.length === 1) credit = unit.plain.includes(term) ? 0.6 : 0;
    else if (HAN.test(term)) {
      // A Chinese word cut differently in the text still shares its characters.
      const chars = [...term].filter((c) => unit.plain.includes(c)).length;
      credit = 0.5 * (chars / term.length) * (chars >= 2 ? 1 : 0.5);
    }
    total += weight;
    got += weight * credit;
    // The thing asked about must be named where the answer is: the sentence, its heading, or the sentence it refers
    // back to. Named only elsewhere in the paragraph, the sentence answers about something else ("the museum in the
    // toll house" against the bridge's opening, 天文馆 against the observatory's tickets).
    const named = credit >= 0.4 && !nearby;
    // A compound's modifier left out of the sentence ("a swap costs 15 yuan" for "a battery swap") is still named in its
    // paragraph; one named nowhere near ("a car rental") is another thing.
    const byPartner = t.partner !== undefined && (unit.tokens.has(t.partner) || heading.has(t.partner)) && (holds(paragraph, t) || holds(heading, t));
    if (t.key && !named && !byPartner && !holds(keyContext, t) && !(t.head && (unit.tokens.has(t.head) || heading.has(t.head)))) keyMissing = true;
    if (t.predicate && credit < 0.4 && !holds(keyContext, t)) predicateMissing = true;
  }
  return { share: total ? got / total : 0, keyMissing, predicateMissing };
}

export interface Selection {
  passage: Passage;
  units: Unit[];
  /** 0–1: how well the chosen sentence answers (coverage of the question's words and its cue). */
  score: number;
}

interface Candidate {
  passage: Passage;
  units: Unit[];
  index: number;
  score: number;
  /** The score without the refusal factors: how far the sentence continues on the question, for the answer's extent. */
  related: number;
}

/**
 * The sentence that answers, chosen inside the retrieved passages: the one
 * covering most of the question's weighted words (its heading and neighbours
 * count partly), with a bonus when it holds what the question word asks for
 * (a number for "how much", a time for "when", a place for "where") and a
 * penalty when it does not. The passage's retrieval score counts a little.
 */
export function bestSentences(message: string, passages: Passage[], synonyms: SynonymGroups = []): Candidate[] {
  const question = spellFrameWords(message);
  const topic = topicOf(question);
  const parsed = passages.map((passage) => ({ passage, ...parsedContent(passage) }));
  const vocabulary = new Set<string>();
  for (const { passage, units, titles } of parsed) {
    for (const u of units) for (const t of u.tokens) vocabulary.add(t);
    for (const t of tokenize([passage.heading, ...titles].join('\n'))) vocabulary.add(t);
  }
  const asked = [...new Set(tokenize(topic))].slice(0, 24);
  const alternatives = alternativesOf(new Set(asked), [...synonyms, ...generalSynonyms()]);
  const inVocabulary = (t: string) => vocabulary.has(t);
  const types = typeWords(question);
  const keys = keyTerms(topic);
  const partners = keyPartners(topic);
  // The passages' text as one lower-cased string (their sentences are normalized already), for splitsAs.
  let texts: string | null = null;
  const passageText = () => (texts ??= parsed.map((p) => p.units.map((u) => u.plain).join('\n')).join('\n'));
  const terms = asked.flatMap((term): Term[] => {
    if (isMiscut(term, vocabulary)) return [];
    // The merchant's and general synonyms, and the word's family in the passages ("renter" → rent).
    const forms = relatedForms(term, vocabulary, inVocabulary);
    const alts = forms.length ? [...(alternatives.get(term) ?? []), ...forms] : alternatives.get(term);
    const quantity = quantityOf(term);
    // A word the passages say otherwise ("harvest" against "a heavy crop", 村子 against 村庄): its synonyms that they have.
    // Only for a word none of them has: one they have is how they say it. (Tried for every Chinese word: an unseen
    // adversarial question was answered.)
    const loose = alts || vocabulary.has(term) ? [] : HAN.test(term) ? chineseSynonyms(term).filter((w) => hasAll(vocabulary, w)) : termWeight(term) === RARE_WEIGHT ? wordnetAlternatives(term, topic, vocabulary) : [];
    if (!alts && !loose.length && !quantity && !vocabulary.has(term) && splitsAs(term, topic, keys.has(term), passageText)) {
      const parts = morphemesOf(term);
      if (parts.some((c) => vocabulary.has(c))) return parts.map((c) => ({ term: c, weight: termWeight(term) / parts.length }));
    }
    const t: Term = alts
      ? { term, weight: termWeight(term), alternatives: alts }
      : loose.length
        ? { term, weight: termWeight(term), loose }
        : known(term, vocabulary, keys.has(term));
    // A word the passages name by a broader, narrower or derived word ("bathing" against "swimming is banned"), when
    // it is not a misspelling of one of their words.
    if (!alts && !loose.length && t.term === term && !vocabulary.has(term) && termWeight(term) === RARE_WEIGHT) {
      const related = wordnetAlternatives(term, topic, vocabulary, wordnetRelated);
      if (related.length) t.related = related;
    }
    // A misspelling corrected to a passage word ("delivry" → deliv) meets that word's family too (delivery).
    if (!alts && t.term !== term) {
      const corrected = relatedForms(t.term, vocabulary, inVocabulary);
      if (corrected.length) t.alternatives = corrected;
    }
    if (quantity) t.quantity = quantity;
    if (types.has(term)) return [{ ...t, type: true }];
    if (!keys.has(term)) return [t];
    const partner = partners.get(term);
    return [HAN.test(term) && morphemesOf(term).length ? { ...t, key: true, head: term[0] } : partner ? { ...t, key: true, partner } : { ...t, key: true }];
  });
  const verbs = predicates(topic);
  for (const t of terms) if (verbs.has(t.term)) t.predicate = true;
  const story = caseOnlyTokens(question);
  for (const t of terms) {
    if (!story.has(t.term)) continue;
    t.weight *= CASE_CLAUSE_WEIGHT;
    t.key = false;
    t.predicate = false;
  }
  const askedSet = new Set(asked);
  const opposites = oppositesOf(askedSet);
  // A name the passages say by its adjective or noun ("French" against "in France") is no stranger; a broader word
  // ("city" for Aachen) does not say it.
  const saidOtherwise = (t: string) => wordnetAlternatives(t, topic, vocabulary, wordnetPertainyms).length > 0;
  const stranger = [...keyNames(topic)].some((t) => !vocabulary.has(t) && !alternatives.has(t) && !saidOtherwise(t));
  const cue = cueOf(question);
  const counted = countedUnit(question);
  const dimension = cue === 'measure' ? measureUnits(question) : null;
  const past = cue === 'time' && asksPastTime(question);
  const formed = asksFormed(cue, question, dimension);
  const out: Candidate[] = [];
  for (const { passage, units, titles } of parsed) {
    const heading = new Set(tokenize([passage.heading, ...titles].join('\n')));
    const inHeading = terms.length ? terms.filter((t) => holds(heading, t)).length / terms.length : 0;
    // A Q&A entry's question is the heading: matching it means the whole entry answers.
    const headingCredit = passage.kind === 'qa' ? 1 : 0.7;
    const paragraphs = new Map<number, Set<string>>();
    for (const u of units) {
      const words = paragraphs.get(u.paragraph) ?? new Set<string>();
      for (const t of u.tokens) words.add(t);
      paragraphs.set(u.paragraph, words);
    }
    units.forEach((unit, index) => {
      const around = new Set([...(units[index - 1]?.tokens ?? []), ...(units[index + 1]?.tokens ?? [])]);
      // A list item is one of the several things a list question asks for.
      const said = cue === 'list' && unit.listItem ? 1 : cue ? cueStrength(cue, passage.kind === 'qa' ? passage.content : unit.text, askedSet, counted, dimension) : 0;
      const strength = past && said > 0 && !holdsYear(unit.text) ? said * PAST_WITHOUT_YEAR : said;
      const answers = strength > 0;
      const previous = units[index - 1];
      const keyContext =
        passage.kind === 'qa'
          ? paragraphs.get(unit.paragraph)!
          : previous && previous.paragraph === unit.paragraph && REFERS_BACK.test(unit.text)
            ? previous.tokens
            : NOTHING;
      const { share, keyMissing, predicateMissing } = coverage(terms, unit, heading, around, headingCredit, answers, keyContext, paragraphs.get(unit.paragraph)!);
      const shaped = cue && answers ? share * (1 - CUE_WEIGHT) + CUE_WEIGHT * strength : share;
      // Missing what the question word asks for, or a thing the question is about, is a sign of a question the passage
      // does not answer however many of its words it shares: these scale the whole score, the passage's included.
      const doubt = (cue && !answers ? (formed ? FORMED_CUE_MISSING_FACTOR : CUE_MISSING_FACTOR) : 1) * (keyMissing ? KEY_MISSING_FACTOR : 1) * (stranger ? NAME_UNKNOWN_FACTOR : 1) * (predicateMissing ? PREDICATE_MISSING_FACTOR : 1) * (saysOpposite(unit.tokens, opposites) ? OPPOSITE_FACTOR : 1);
      // The section named after the question's words breaks ties between sentences that say the same words.
      const base = shaped * 0.85 + Math.min(passage.score, 1) * 0.15;
      const tie = inHeading * 0.03;
      // For the answer's extent a continuation without the asked-for kind only misses the cue's share, not a factor.
      const related = (cue ? share * (1 - CUE_WEIGHT) + CUE_WEIGHT * strength : share) * 0.85 + Math.min(passage.score, 1) * 0.15 + tie;
      out.push({ passage, units, index, score: base * doubt + tie, related });
    });
  }
  return out.sort((a, b) => b.score - a.score || a.index - b.index);
}

const NOTHING = new Set<string>();
/** A time without a year answers a question about a past event only partly ("every year on 14 May" for when it opened). */
const PAST_WITHOUT_YEAR = 0.5;
// A sentence that names its subject by a pronoun (or, in Chinese, leaves it out after a comma-less start) leans on the one before.
const REFERS_BACK = /\b(?:it|its|they|their|them|this|these|he|she|his|her)\b|^[其它该此这那]|^\p{Script=Han}{0,4}(?:[于为在是有可能])/iu;

const ANAPHOR = /^(?:(?:it|this|that|these|those|they|its|their|he|she|then|also|otherwise|however)\b|[该这它此其但]|另外|否则)/i;

/** A clause that goes on from the one before: an English one starting in lower case, or one that refers back. */
const continues = (text: string | undefined) => text !== undefined && (/^[a-z]/.test(text) || ANAPHOR.test(text));

/** Budget in characters per output length; the best sentence is kept whole even when longer. */
export const BUDGET = { concise: 160, 'normal-length': 300, detailed: 700 } as const;

/**
 * The answer's sentences around the best one, within the budget: the
 * preceding sentence when the best one leans on it ("It…", "该…") or is a
 * fragment; list items of the same list that answer as well; the next
 * sentence of the paragraph when it continues on the question's words. A Q&A
 * entry is its answer from the start.
 */
export function expand(best: Candidate, all: Candidate[], budget: number, allowMore: 'no' | 'related' | 'all', asksList = false): number[] {
  const { units, index } = best;
  const unit = units[index]!;
  if (best.passage.kind === 'qa') {
    const picked: number[] = [];
    let size = 0;
    for (let i = 0; i < units.length && (size === 0 || size + units[i]!.text.length <= budget); i++) {
      picked.push(i);
      size += units[i]!.text.length;
    }
    return picked;
  }
  const picked = new Set([index]);
  let size = unit.text.length;
  const fits = (i: number) => size + units[i]!.text.length <= budget;
  const add = (i: number) => {
    picked.add(i);
    size += units[i]!.text.length;
  };
  const prev = units[index - 1];
  const short = HAN.test(unit.text) ? unit.text.length < 8 : unit.text.length < 25;
  if (prev && prev.paragraph === unit.paragraph && !unit.listItem && (ANAPHOR.test(unit.text) || short) && fits(index - 1)) add(index - 1);
  const scoreOf = new Map(all.filter((c) => c.passage === best.passage).map((c) => [c.index, c.related]));
  if (unit.listItem) {
    // The other items of the same list: all of them when the question asks for a list ("what are the prices?"),
    // else those that answer as well as this one.
    let from = index;
    let to = index;
    while (units[from - 1]?.listItem) from--;
    while (units[to + 1]?.listItem) to++;
    for (let i = from; i <= to; i++) {
      if (i !== index && units[i]!.paragraph !== unit.paragraph && (asksList || (scoreOf.get(i) ?? 0) >= best.related * 0.85) && fits(i)) add(i);
    }
  } else if (/[;；:：]$/.test(unit.text) && continues(units[index + 1]?.text) && units[index + 1]!.paragraph === unit.paragraph && fits(index + 1)) {
    // A sentence cut at its semicolon whose next clause leans on it ("…was flooded; its inhabitants were moved") is half
    // of what it says: the other half comes with it. Clauses of their own after a semicolon (a Chinese list of facts) do not.
    add(index + 1);
  }
  if (!unit.listItem && allowMore !== 'no') {
    // The rest of the paragraph while it continues on the question's words (detailed: while it fits).
    for (let i = Math.max(...picked) + 1; units[i]?.paragraph === unit.paragraph && fits(i); i++) {
      if (allowMore !== 'all' && (scoreOf.get(i) ?? 0) < best.related * 0.75) break;
      add(i);
    }
  }
  return [...picked].sort((a, b) => a - b);
}

/**
 * Renders chosen sentences keeping their structure: paragraphs apart, list items (with their bullet or number) as a
 * list under their heading.
 */
export function render(passage: Passage, units: Unit[], picked: number[]): string {
  const chosen = picked.map((i) => units[i]!);
  const paragraphs: { marker: string; texts: string[] }[] = [];
  let last = -1;
  for (const u of chosen) {
    if (u.paragraph !== last) paragraphs.push({ marker: u.marker, texts: [] });
    paragraphs.at(-1)!.texts.push(u.text);
    last = u.paragraph;
  }
  if (paragraphs.filter((p) => p.marker).length > 1) {
    const section = passage.heading.split(' › ').filter(Boolean).at(-1);
    const lines = paragraphs.map((p) => `${p.marker}${joinSentences(p.texts)}`);
    if (!section || passage.kind === 'qa') return lines.join('\n');
    return `${section}${HAN.test(section) ? '：' : ':'}\n${lines.join('\n')}`;
  }
  return paragraphs.map((p) => joinSentences(p.texts)).join('\n\n');
}
