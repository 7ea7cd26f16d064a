import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { Converter } from 'opencc-js/t2cn';
import { stemmer as porter } from 'stemmer';
import { PackedWordTable } from './packed-word-table.js';

const require = createRequire(import.meta.url);

let jieba: Jieba | null = null;
let chineseIdf: PackedWordTable | null = null;

/** jieba with its bundled dictionary; loaded once per process on first use (about 0.2 s). */
export function segmenter(): Jieba {
  if (!jieba) {
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict.js');
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}

/** jieba's general-language IDF table for Chinese words (how informative a word is in Chinese at large). */
function chineseIdfTable(): PackedWordTable {
  if (!chineseIdf) {
    const { idf } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict.js');
    chineseIdf = PackedWordTable.fromLines(Buffer.from(idf).toString('utf8'));
  }
  return chineseIdf;
}

/**
 * Loads jieba's dictionary and IDF table (and the English word lists) now. Called at start-up: loaded on first use,
 * they cost the first question of the process 0.1–1 s.
 */
export function loadSegmenter(): void {
  segmenter();
  chineseIdfTable();
  stem('began');
  isEnglishWord('a');
}

/** Words of Chinese not in jieba's IDF table are rare: about its mean. */
const UNKNOWN_CHINESE_IDF = 11.7;

// Words that say how a question is asked, not what it is about. Left out of the index and of queries alike.
const STOP = new Set(
  (
    'a an the is are was were be been being am do does did doing i me my mine we us our you your yours he she him her his ' +
    'it its they them their this that these those of to in on at for with by from and or but if so as into than then too ' +
    'very just also not no can could would should will shall may might must have has had having what which who whom whose ' +
    'how when where why there here about any some please hi hello hey thanks thank let lets ok okay tell know want need ' +
    'get got s t don doesn isn aren ll ve re d ' +
    '的 了 吗 呢 吧 啊 呀 嘛 哦 么 我 你 您 他 她 它 我们 你们 他们 是 在 有 和 与 及 或 就 都 也 还 又 很 请问 请 一下 ' +
    '怎么 怎么样 怎样 如何 什么 啥 哪 哪些 哪里 哪儿 为什么 可以 能 能否 能不能 会 要 想 吗 这 那 这个 那个 之 把 被 给 对 ' +
    '从 个 呗 一 下 是否 有没有 是不是 多少 几 多久 多长 多长时间 几天 以后 之后 的话 时候 现在 一般 通常 大概 需要 得 该 应该 ' +
    '知道 告诉 问 问题 麻烦 谢谢 你好 您好 多少钱 什么时候 怎么办 几点 哪个 哪家'
  ).split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+/gu;
const LATIN = /^[a-z]+$/;

let irregular: Map<string, string> | null = null;
// Past forms that are verbs of their own too (to found a town, to lay eggs, to rent a car): taken to the other verb
// they would no longer meet their own forms (founded, lays, rented).
const OWN_BASE = new Set(['found', 'ground', 'lay', 'rent', 'wound', 'bore', 'rose', 'shore', 'bit', 'led']);

/** Irregular English verb and noun forms to their base form (wink-lexicon's lists): began → begin, children → child. */
export function irregularBase(word: string): string {
  if (!irregular) {
    const verbs = require('wink-lexicon/src/irregular-verbs.js') as Record<string, string>;
    const nouns = require('wink-lexicon/src/irregular-nouns.js') as { singular: Record<string, string> };
    irregular = new Map([...Object.entries(nouns.singular), ...Object.entries(verbs)].filter(([form, base]) => form !== base));
  }
  return OWN_BASE.has(word) ? word : (irregular.get(word) ?? word);
}

let lexicon: Record<string, unknown> | null = null;

/** True for a word of wink-lexicon's English lexicon (about 13,000 common words in their inflected forms). */
export function isEnglishWord(word: string): boolean {
  lexicon ??= require('wink-lexicon/src/lexicon.js') as Record<string, unknown>;
  return Object.hasOwn(lexicon, word);
}

/** True when the lexicon knows the word as a noun (among its parts of speech), or does not know it at all. */
export function canBeNoun(word: string): boolean {
  if (!isEnglishWord(word)) return true;
  const tags = lexicon![word];
  return Array.isArray(tags) && tags.some((t) => typeof t === 'string' && t.startsWith('NN'));
}

const SHORT_IE = /^([b-df-hj-np-tv-z])(?:ied|ies|ying)$/;
const SHORT_PLURAL = /^([a-z]{2}[^siu])s$/;

/** True when the lexicon knows the word as a verb form (among its parts of speech). */
export function isVerb(word: string): boolean {
  if (!isEnglishWord(word)) return false;
  const tags = lexicon![word];
  return Array.isArray(tags) && tags.some((t) => typeof t === 'string' && t.startsWith('VB'));
}

/**
 * English words to their Porter stem (the `stemmer` package), so "returns",
 * "returned" and "returning" meet "return", after irregular forms are taken
 * to their base ("paid" meets "pay", "built" meets "build"). Applied to
 * documents and questions alike, so over-stemming only merges words, never
 * loses a match.
 */
export function stem(word: string): string {
  if (!LATIN.test(word)) return word;
  // Porter cuts "died" and "dies" to "di" but leaves "die": the -ie verbs of one consonant (die, lie, tie) to their base.
  const ie = SHORT_IE.exec(word);
  if (ie) return `${ie[1]}ie`;
  // A word of three letters is kept as it is (Porter would cut "use" to the stop word "us"): so is its plural
  // ("days" meets "day", "keys" meets "key", where Porter gives dai and kei).
  const plural = SHORT_PLURAL.exec(word);
  if (plural) return plural[1]!;
  const base = irregularBase(word);
  return base.length <= 3 ? base : porter(base);
}

const toSimplified = Converter({ from: 't', to: 'cn' });

/**
 * One spelling for every way of writing the same text: NFKC (full-width
 * letters and digits, compatibility forms) and traditional Chinese folded to
 * simplified, so a contact writing 繁體 meets simplified documents.
 */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC'));
}

/** Normalized index tokens of a text, in order: jieba's search-mode cut, lower-cased, stemmed, stop words out. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  if (!text) return out;
  for (const piece of segmenter().cutForSearch(normalizeText(text), false)) {
    for (const m of piece.toLowerCase().matchAll(WORD)) {
      const t = stem(m[0]);
      if (t && !STOP.has(t) && !STOP.has(m[0]) && t.length <= 64) out.push(t);
    }
  }
  return out;
}

/**
 * A word as the index tokens a text holding it has: the word whole where the search-mode cut keeps it (国家级, though
 * the cut also gives 国家 first), else its parts.
 */
export function indexTokens(word: string): string[] {
  const tokens = tokenize(word);
  const whole = stem(normalizeText(word).toLowerCase());
  return tokens.includes(whole) ? [whole] : tokens;
}

const NAME_TAG = /^(?:nr|nrfg|nrt|ns|nt|nz)$/;

/**
 * The characters a Chinese word of the question stands for when the documents do not have the word: jieba cuts a
 * question differently from the text that answers it (充满电能跑 → 充满/电能/跑 against 充满/电 in 充满电后), or the
 * text uses another word of the same morpheme (送货 against 送车上门). Names are not split: 北京 does not match 北.
 */
export function morphemesOf(word: string): string[] {
  if (!/^\p{Script=Han}{2,4}$/u.test(word) || segmenter().tag(word, true).some((t) => NAME_TAG.test(t.tag))) return [];
  return [...word].filter((c) => !STOP.has(c));
}

/**
 * The version of what `searchText` makes of a text. Bump it with any change to segmenting, stemming or
 * normalizing that changes stored tokens: chunks stored by an older version are re-tokenized at start
 * (chunk-reanalysis.ts), or the questions the new analyzer tokenizes would miss them.
 */
export const ANALYZER_VERSION = 2;

/** The text stored in `search_text` (and indexed as a `simple` tsvector). */
export function searchText(text: string): string {
  return tokenize(text).join(' ');
}

/** The distinct terms of a question, in order of first appearance (at most `max`). */
export function queryTerms(question: string, max = 24): string[] {
  return [...new Set(tokenize(question))].slice(0, max);
}

// Frequent English words that say little about the topic (kept in the index, but light in a question).
const COMMON_ENGLISH = new Set(
  (
    'many much long often usually usual possible able ever still already really actual exact current kind sort type way thing ' +
    'one two make take use go going come see look need give find ask work try leave call good new first last great ' +
    'little own other old right big high different small large next early important few bad same sure like best better more most ' +
    'less lot lots time times also even back only well because after before over under again off out up down now then once ' +
    'someone something anything everything anyone everyone person people case place'
  )
    .split(/\s+/)
    .map((w) => stem(w)),
);

const HAN = /\p{Script=Han}/u;

/**
 * How much a question term says about the topic, from the language at
 * large: jieba's IDF for Chinese words, a short list of frequent words for
 * English. Retrieval multiplies it by the term's rarity in the staff's own
 * documents, so a missing "以后" costs little and a missing "比特币" a lot.
 */
export function termWeight(term: string): number {
  if (HAN.test(term)) return chineseIdfTable().get(term) ?? UNKNOWN_CHINESE_IDF;
  if (/^\d+$/.test(term)) return 6;
  return COMMON_ENGLISH.has(term) ? 3 : 8;
}

/** True when a text is mostly written in Chinese characters. */
export function isChinese(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return han > 0 && han * 2 >= latin;
}
