import { indexTokens } from '../knowledge/text-segmenter.js';

/**
 * Words of one dimension that exclude each other (highest / lowest, 雌 / 雄, 国家级 / 省级). A sentence that says
 * the other one and not the question's tells about another thing: "桐川镇最低的地方海拔多少米" is not answered by
 * "最高点鸡笼山海拔 612 米". Only words that rarely mean anything else: "first" / "last" are left out ("lasted").
 */
const LINES = [
  'highest, lowest',
  'largest, smallest',
  'longest, shortest',
  'oldest, youngest, newest',
  'earliest, latest',
  'maximum, minimum',
  'upper, lower',
  'inner, outer',
  'male, female',
  'northern, southern',
  'eastern, western',
  '最高, 最低',
  '最大, 最小',
  '雌, 雄',
  '雌性, 雄性',
  '上游, 下游',
  '东岸, 西岸',
  '南岸, 北岸',
  '东部, 西部',
  '南部, 北部',
  '国家级, 省级, 市级, 县级',
];

let groups: string[][] | null = null;
/** The groups as index tokens, made on first use (tokenizing Chinese loads the segmenter). */
const tokenGroups = () => (groups ??= LINES.map((line) => line.split(', ').map((w) => indexTokens(w)[0]!)));

/** For each question token with opposites, those of them the question itself does not say. */
export function oppositesOf(asked: Set<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const group of tokenGroups()) {
    for (const word of group) {
      if (!asked.has(word)) continue;
      const others = group.filter((w) => !asked.has(w));
      if (others.length) out.set(word, others);
    }
  }
  return out;
}

/** True when the tokens say an opposite of a question word and not the word itself. */
export function saysOpposite(tokens: Set<string>, opposites: Map<string, string[]>): boolean {
  for (const [word, others] of opposites) if (!tokens.has(word) && others.some((w) => tokens.has(w))) return true;
  return false;
}
