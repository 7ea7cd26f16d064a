/**
 * End-to-end answer benchmark (npm run bench:answers), with no LLM.
 *
 * Indexes its own corpus (a scooter-rental shop and encyclopedic articles,
 * English and Chinese) for one staff and the long articles of the wiki splits
 * (bench/answers/wiki/corpus) for a second, then puts each labelled question
 * to its staff's conversation intake as a new web-chat contact and reads what the contact gets: the streamed reply
 * and whether the session was handed to a person. A question is answered
 * correctly when the reply holds one of its expected phrases and the AI kept
 * the conversation. The splits: dev (used while developing); test (held out,
 * then studied for its Chinese misses); fresh (written with its documents
 * after a round of changes, never tuned on); holdout (written with its own
 * documents before the next round and measured before and after it; studied
 * for its misses since the final split was written); final (four English and four Chinese encyclopedic
 * articles with reading-comprehension questions, written before the round
 * after that: measured before and after it, never studied); final2 (six
 * English and six Chinese articles with paraphrased, other-topic and
 * adversarial questions, written before a fitted answer/refuse model was
 * tried: measured only, never studied); paraphrase (three English and
 * three Chinese articles whose answerable questions all reword the text,
 * written after final2 showed reworded questions refused; studied); wiki and
 * wiki-final (bench/answers/wiki: twelve English and twelve Chinese long
 * encyclopedic articles of six to ten dense paragraphs, six a language for
 * each split, with reading-comprehension questions, about half of them
 * reworded, and adversarial and other-topic ones; written without reading the
 * answerer's rules; wiki studied, wiki-final measured only, never studied).
 * The wiki splits ask the second staff, so the other splits' figures do not
 * move with its corpus. Prints, per
 * language and split, the correct rate, the wrong-handoff rate, the
 * refusal rates of other-topic and adversarial questions, small talk kept,
 * the median reply length, and first-frame p50/p95 with four questions in
 * flight, with a floor measured in the same run (greetings, which take the
 * same path without retrieval) and the answerable questions' p95 as a ratio
 * to it. Uses DATABASE_URL's server (a fresh database, dropped after), else
 * an embedded PostgreSQL. `--split dev|test|fresh|holdout|paraphrase|final|final2|wiki|wiki-final` and `--lang en|zh` limit the questions; `--verbose` prints the misses
 * (never those of final, final2 or wiki-final) with the best-scoring sentences and their scores; `--scores` prints each question's best sentence score (for calibration); `--sweep` the answer/refuse trade-off over thresholds; `--warm N` sets the greetings sent first (300; 0 for a cold
 * process).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/core/config.js';
import { startEmbeddedPostgres } from '../../src/core/db/embedded-postgres.js';
import { createLogger } from '../../src/core/logger.js';
import { ChannelType } from '../../src/entities/contact/contact.entity.js';
import { KnowledgeDocument } from '../../src/entities/knowledge/document.entity.js';
import { StoredFile } from '../../src/entities/knowledge/stored-file.entity.js';
import { Merchant } from '../../src/entities/merchant/merchant.entity.js';
import { Staff } from '../../src/entities/staff/staff.entity.js';
import { bestSentences } from '../../src/services/answer/answer-selection.js';
import { BuiltinAnswerer } from '../../src/services/answer/builtin.answerer.js';
import { contentTypeFor, newFilePath } from '../../src/services/knowledge/file-name.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Compiled to dist/.bench/bench/answers; the corpus stays in the source tree.
const benchDir = path.resolve(here, '../../../../bench/answers');
const IN_FLIGHT = 4;
const FLOOR_RUNS = 40;

interface Question {
  question: string;
  lang: 'en' | 'zh';
  kind: 'answerable' | 'other' | 'adversarial' | 'smalltalk';
  expect?: string[];
  variant: string;
  split: 'dev' | 'test' | 'fresh' | 'holdout' | 'paraphrase' | 'final' | 'final2' | 'wiki' | 'wiki-final';
}

interface Outcome {
  q: Question;
  text: string;
  handedOff: boolean;
  firstFrameMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// Splits for measuring only: their misses are never printed (--verbose, --scores), so they cannot be tuned to.
const unstudied = new Set<Question['split']>(['final', 'final2', 'wiki-final']);
// The wiki splits ask a second staff, which has only the long articles of bench/answers/wiki/corpus.
const wikiSplits = new Set<Question['split']>(['wiki', 'wiki-final']);
const pct = (n: number, d: number) => (d ? (n / d).toFixed(2) : '  - ');
const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
const correct = (o: Outcome) => !o.handedOff && (o.q.expect ?? []).some((e) => fold(o.text).includes(fold(e)));

async function main(): Promise<void> {
  const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : null;
  const verbose = process.argv.includes('--verbose');
  const lang = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : null;
  const log = createLogger('silent');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'cs-bench-answers-'));
  const given = process.env.DATABASE_URL;
  const embedded = given ? null : await startEmbeddedPostgres(tmp, 0, log);
  const serverUrl = given ?? embedded!.url;
  const dbName = `bench_answers_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    DATA_DIR: tmp,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    CHAT_MESSAGES_PER_STAFF_PER_MINUTE: '1000000',
  });
  const app = await startApp(config, log);
  try {
    const { services } = app;
    const em = app.orm.em.fork();
    const merchant = new Merchant('bench', 'bench-answers@example.test', 'x');
    const staff = new Staff({ merchant, serialNo: 'BENCHANSWERS', apiKey: 'ak_bench_answers', secretKey: 'sk', name: 'Vera', orgName: 'Voltra' });
    const wikiStaff = new Staff({ merchant, serialNo: 'BENCHWIKI', apiKey: 'ak_bench_wiki', secretKey: 'sk', name: 'Vera', orgName: 'Voltra' });
    staff.trialTime = wikiStaff.trialTime = new Date(Date.now() + 7 * 86_400_000);
    await em.persist([merchant, staff, wikiStaff]).flush();
    const index = async (owner: Staff, dir: string) => {
      for (const name of (await readdir(dir)).sort()) {
        const bytes = await readFile(path.join(dir, name));
        const filePath = newFilePath(name);
        const stored = await services.files.storage.put(filePath, Readable.from([bytes]), config.knowledge.uploadMaxBytes);
        const file = new StoredFile({ merchant, fileName: name, filePath, fileSize: stored.size, contentType: contentTypeFor(name), sha256: stored.sha256 });
        const doc = new KnowledgeDocument({ merchant, staff: owner, file, fileName: name });
        await em.persist([file, doc]).flush();
        await services.documents.indexDocument(doc.id);
      }
    };
    await index(staff, path.join(benchDir, 'corpus'));
    await index(wikiStaff, path.join(benchDir, 'wiki', 'corpus'));
    const staffFor = (q: Question) => (wikiSplits.has(q.split) ? wikiStaff : staff);

    const all = [
      ...(JSON.parse(await readFile(path.join(benchDir, 'questions.json'), 'utf8')) as Question[]),
      ...(JSON.parse(await readFile(path.join(benchDir, 'wiki', 'questions.json'), 'utf8')) as Question[]),
    ];
    const questions = all.filter((q) => (!split || q.split === split) && (!lang || q.lang === lang));
    const ask = async (q: Question, i: number): Promise<Outcome> => {
      const started = performance.now();
      const outcome = await services.intake.receive({ staffId: staffFor(q).id, channel: ChannelType.WEB, externalId: `bench-${i}-${randomBytes(3).toString('hex')}`, content: q.question });
      // A message that asks for a person is queued at once: the contact meets a handoff, not an answer.
      if (outcome.kind === 'queued') return { q, text: outcome.notice, handedOff: true, firstFrameMs: performance.now() - started };
      if (outcome.kind !== 'answer') throw new Error(`unexpected outcome ${outcome.kind} for ${q.question}`);
      let text = '';
      let firstFrameMs = NaN;
      for (let step = await outcome.answer.next(); ; step = await outcome.answer.next()) {
        if (step.done) return { q, text, handedOff: step.value.handedOff, firstFrameMs };
        if (Number.isNaN(firstFrameMs)) firstFrameMs = performance.now() - started;
        text += step.value;
      }
    };
    // Warm-up (jieba's dictionary, connections), then the questions with four in flight.
    await ask({ question: 'warm up', lang: 'en', kind: 'other', variant: 'clean', split: 'dev' }, -1);
    const inFlight = async (qs: Question[], offset: number): Promise<Outcome[]> => {
      const out: Outcome[] = new Array(qs.length);
      let next = 0;
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (next < qs.length) {
            const i = next++;
            out[i] = await ask(qs[i]!, offset + i);
          }
        }),
      );
      return out;
    };
    // The floor: a greeting takes the same path (intake, session, message rows, the streamed reply) without retrieval
    // or answer selection, on the machine as loaded as it is now.
    const greeting: Question = { question: 'hello', lang: 'en', kind: 'smalltalk', variant: 'clean', split: 'dev' };
    // `--warm N` (300 unless given): N greetings first, as a server that has been running (the intake's code
    // optimized, its connections and the database's caches warm) meets its contacts; a just-started process answers
    // its first hundred contacts two to three times slower. Greetings touch no passage: the answer caches stay cold.
    const warm = process.argv.includes('--warm') ? Number(process.argv[process.argv.indexOf('--warm') + 1]) : 300;
    if (warm > 0) await inFlight(Array.from({ length: warm }, () => greeting), 300_000);
    const floor = (await inFlight(Array.from({ length: FLOOR_RUNS }, () => greeting), 100_000)).map((r) => r.firstFrameMs).sort((a, b) => a - b);
    const results = await inFlight(questions, 0);
    // The floor again, after the questions: the process and the database warmed up by them.
    const floorAfter = (await inFlight(Array.from({ length: FLOOR_RUNS }, () => greeting), 200_000)).map((r) => r.firstFrameMs).sort((a, b) => a - b);

    console.log(`Answer benchmark: ${questions.length} questions${split ? ` (${split} split)` : ''}, built-in answerer, ${IN_FLIGHT} in flight\n`);
    console.log('lang split       correct  wrong-handoff  other-refused  adversarial-refused  smalltalk-kept  median-reply  first-frame p50/p95 ms');
    for (const lang of ['en', 'zh'] as const) {
      for (const s of ['dev', 'test', 'fresh', 'holdout', 'paraphrase', 'final', 'final2', 'wiki', 'wiki-final', 'all'] as const) {
        const rs = results.filter((r) => r.q.lang === lang && (s === 'all' || r.q.split === s));
        if (!rs.length) continue;
        const answerable = rs.filter((r) => r.q.kind === 'answerable');
        const other = rs.filter((r) => r.q.kind === 'other');
        const adversarial = rs.filter((r) => r.q.kind === 'adversarial');
        const smalltalk = rs.filter((r) => r.q.kind === 'smalltalk');
        const lengths = answerable.filter((r) => !r.handedOff).map((r) => r.text.length).sort((a, b) => a - b);
        const frames = rs.map((r) => r.firstFrameMs).sort((a, b) => a - b);
        console.log(
          [
            lang.padEnd(4),
            s.padEnd(10),
            pct(answerable.filter(correct).length, answerable.length).padStart(7),
            pct(answerable.filter((r) => r.handedOff).length, answerable.length).padStart(14),
            pct(other.filter((r) => r.handedOff).length, other.length).padStart(14),
            pct(adversarial.filter((r) => r.handedOff).length, adversarial.length).padStart(20),
            pct(smalltalk.filter((r) => !r.handedOff).length, smalltalk.length).padStart(15),
            String(percentile(lengths, 50)).padStart(13),
            `${percentile(frames, 50).toFixed(0)}/${percentile(frames, 95).toFixed(0)}`.padStart(22),
          ].join(' '),
        );
      }
    }
    const floor95 = percentile(floor, 95);
    const answerable95 = percentile(results.filter((r) => r.q.kind === 'answerable').map((r) => r.firstFrameMs).sort((a, b) => a - b), 95);
    console.log(
      `\nFloor (a greeting, same path without retrieval, ${FLOOR_RUNS} with ${IN_FLIGHT} in flight): first frame p50/p95 ${percentile(floor, 50).toFixed(0)}/${floor95.toFixed(0)} ms; ` +
        `answerable questions p95 ${answerable95.toFixed(0)} ms = ${(answerable95 / floor95).toFixed(2)}× the floor's p95; ` +
        `the floor again after the questions ${percentile(floorAfter, 50).toFixed(0)}/${percentile(floorAfter, 95).toFixed(0)} ms`,
    );
    // Where the answer path's time goes, one question at a time: retrieval (one SQL statement, maybe a second for
    // unknown words) and answer selection (segmenting, tagging and scoring the passages' sentences).
    const retrieveMs: number[] = [];
    const selectMs: number[] = [];
    for (const q of questions.filter((x) => x.kind !== 'smalltalk')) {
      const t0 = performance.now();
      const passages = await services.retrieval.retrieve(em.fork(), staffFor(q).id, q.question, { k: 8 });
      const t1 = performance.now();
      bestSentences(q.question, passages);
      retrieveMs.push(t1 - t0);
      selectMs.push(performance.now() - t1);
    }
    const ms = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return `${percentile(sorted, 50).toFixed(1)}/${percentile(sorted, 95).toFixed(1)}`;
    };
    console.log(`\nOne at a time, p50/p95 ms: retrieval ${ms(retrieveMs)}, answer selection ${ms(selectMs)}`);
    const variants = [...new Set(results.filter((r) => r.q.kind === 'answerable').map((r) => `${r.q.lang}:${r.q.variant}`))].sort();
    console.log(`\nCorrect by variant: ${variants.map((v) => {
      const rs = results.filter((r) => r.q.kind === 'answerable' && `${r.q.lang}:${r.q.variant}` === v);
      return `${v} ${pct(rs.filter(correct).length, rs.length)} (${rs.length})`;
    }).join(', ')}`);
    if (process.argv.includes('--scores')) {
      // For calibrating the answer/refuse threshold: each question's best sentence score, by kind and outcome (not
      // the unstudied splits', as --verbose).
      console.log('\nsplit lang kind outcome best-score');
      for (const r of results.filter((x) => x.q.kind !== 'smalltalk' && !unstudied.has(x.q.split))) {
        const passages = await services.retrieval.retrieve(em.fork(), staffFor(r.q).id, r.q.question, { k: 8 });
        const outcome = r.q.kind === 'answerable' ? (correct(r) ? 'correct' : r.handedOff ? 'handed-off' : 'wrong') : r.handedOff ? 'refused' : 'answered';
        console.log(`${r.q.split} ${r.q.lang} ${r.q.kind} ${outcome} ${(bestSentences(r.q.question, passages)[0]?.score ?? 0).toFixed(3)}`);
      }
    }
    if (process.argv.includes('--sweep')) {
      // The answer/refuse trade-off per language, on the studied splits only: each question is answered with no
      // threshold, then every threshold in the range counts it as refused below its best sentence's score.
      const open = new BuiltinAnswerer(1, { en: 0, zh: 0 });
      const rows: { lang: string; kind: string; score: number; right: boolean }[] = [];
      for (const r of results.filter((x) => x.q.kind !== 'smalltalk' && !unstudied.has(x.q.split))) {
        const passages = await services.retrieval.retrieve(em.fork(), staffFor(r.q).id, r.q.question, { k: 8 });
        const score = bestSentences(r.q.question, passages)[0]?.score ?? 0;
        let text = '';
        const it = open.answer({ persona: staffFor(r.q), question: r.q.question, passages, language: r.q.lang === 'zh' ? 'zh' : 'en' });
        for (let step = await it.next(); !step.done; step = await it.next()) text += step.value;
        rows.push({ lang: r.q.lang, kind: r.q.kind, score, right: (r.q.expect ?? []).some((e) => fold(text).includes(fold(e))) });
      }
      for (const l of ['en', 'zh']) {
        const mine = rows.filter((x) => x.lang === l);
        const of = (kind: string) => mine.filter((x) => x.kind === kind);
        console.log(`\nSweep ${l} (${of('answerable').length} answerable, ${of('adversarial').length} adversarial, ${of('other').length} other): threshold correct wrong-handoff adversarial-refused other-refused`);
        for (let t = 0.3; t <= 0.62; t += 0.02) {
          const a = of('answerable');
          const refused = (kind: string) => pct(of(kind).filter((x) => x.score < t).length, of(kind).length);
          console.log(`  ${t.toFixed(2)} ${pct(a.filter((x) => x.score >= t && x.right).length, a.length)} ${pct(a.filter((x) => x.score < t).length, a.length)} ${refused('adversarial')} ${refused('other')}`);
        }
      }
    }
    if (verbose) {
      for (const r of results) {
        const ok = r.q.kind === 'answerable' ? correct(r) : r.q.kind === 'smalltalk' ? !r.handedOff : r.handedOff;
        if (ok || unstudied.has(r.q.split)) continue;
        console.log(`\n✗ [${r.q.split} ${r.q.lang} ${r.q.kind} ${r.q.variant}] ${r.q.question}${r.handedOff ? ' (handed off)' : ''}\n  ${r.text.replace(/\n/g, '\n  ')}`);
        // Why: the best-scoring sentences of the retrieved passages, with their scores.
        const passages = await services.retrieval.retrieve(em.fork(), staffFor(r.q).id, r.q.question, { k: 8 });
        for (const c of bestSentences(r.q.question, passages).slice(0, 3)) {
          console.log(`    ${c.score.toFixed(3)} (passage ${c.passage.score.toFixed(2)} ${c.passage.fileName} › ${c.passage.heading}) ${c.units[c.index]!.text}`);
        }
      }
    }
  } finally {
    await app.close();
    await admin.query(`drop database if exists "${dbName}" with (force)`).catch(() => undefined);
    await admin.end();
    await embedded?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
