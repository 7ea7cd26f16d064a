/**
 * Retrieval quality and latency benchmark (npm run bench:retrieval).
 *
 * Indexes the labelled corpus (24 documents, Chinese and English) through the
 * real pipeline (extraction, chunking, jieba, PostgreSQL tsvector + pg_trgm),
 * asks the labelled questions, and prints hit@1, hit@3, the share of
 * unanswerable questions refused, and retrieval latency over 10,000+ chunks.
 * Uses DATABASE_URL's server when set (in a fresh database it drops after),
 * otherwise an embedded PostgreSQL in a temporary directory.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { loadConfig } from '../../src/core/config.js';
import { ormConfig } from '../../src/core/db/orm-config.js';
import { startEmbeddedPostgres } from '../../src/core/db/embedded-postgres.js';
import { createEventBus } from '../../src/core/events/event-bus.js';
import { JobQueue } from '../../src/core/jobs/job-queue.js';
import { createLogger } from '../../src/core/logger.js';
import { KnowledgeDocument } from '../../src/entities/knowledge/document.entity.js';
import { StoredFile } from '../../src/entities/knowledge/stored-file.entity.js';
import { Merchant } from '../../src/entities/merchant/merchant.entity.js';
import { Staff } from '../../src/entities/staff/staff.entity.js';
import { replaceChunks } from '../../src/services/knowledge/chunk.repository.js';
import { DocumentService } from '../../src/services/knowledge/document.service.js';
import { contentTypeFor, isSafeFilePath, newFilePath } from '../../src/services/knowledge/file-name.js';
import { FileService } from '../../src/services/knowledge/file.service.js';
import { LocalFileStorage } from '../../src/services/storage/file-storage.js';
import { RetrievalService, type Passage } from '../../src/services/knowledge/retrieval.service.js';
import { TextIndexerPool } from '../../src/services/knowledge/text-indexer.pool.js';
import { searchText } from '../../src/services/knowledge/text-segmenter.js';
import { StaffService } from '../../src/services/staff/staff.service.js';
import { WebhookOutbox } from '../../src/services/webhook/webhook-outbox.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Compiled to dist/.bench/bench/retrieval; the corpus stays in the source tree.
const benchDir = path.resolve(here, '../../../../bench/retrieval');
const TARGET_CHUNKS = 10_000;
const LATENCY_ROUNDS = process.argv.includes('--quick') ? 2 : 5;

interface Question {
  question: string;
  lang: 'en' | 'zh';
  topic: string | null;
}

const topicOf = (fileName: string) => fileName.split('.')[0]!;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// Distractor text for the latency corpus: support-style sentences on topics the labelled corpus does not cover.
const FILLER_EN = [
  'The garden sprinkler controller supports up to eight watering zones and weather-based skipping.',
  'Our coffee grinder has forty grind settings from espresso to cold brew.',
  'The kids tablet includes parental controls, screen-time limits and an offline reading library.',
  'Replace the air purifier filter every six months or when the indicator turns red.',
  'The robot mower returns to its dock automatically when rain is detected.',
  'Bike lights charge over USB-C and last up to twelve hours on the low setting.',
  'The kitchen scale measures in grams, ounces and millilitres with a tare button.',
  'Noise-cancelling headphones pair with two phones at once over Bluetooth 5.3.',
  'The aquarium heater keeps water between 20 and 32 degrees with a safety cut-off.',
  'Yoga mats are made of natural rubber and should be cleaned with mild soap.',
];
const FILLER_ZH = [
  '花园喷灌控制器最多支持八个浇水区域，并可根据天气自动跳过浇水。',
  '咖啡磨豆机有四十档研磨粗细，适合意式浓缩到冷萃。',
  '儿童平板带有家长控制、屏幕时间限制和离线阅读书库。',
  '空气净化器滤网建议每六个月更换一次，指示灯变红时也需要更换。',
  '割草机器人检测到下雨会自动返回充电座。',
  '自行车灯使用 USB-C 充电，低亮模式可以持续十二小时。',
  '厨房秤支持克、盎司和毫升三种单位，并带有去皮按钮。',
  '降噪耳机可以同时通过蓝牙 5.3 连接两部手机。',
  '鱼缸加热棒可将水温保持在二十到三十二度之间，并带有过热保护。',
  '瑜伽垫采用天然橡胶制成，请用温和的肥皂清洁。',
];

function fillerChunk(i: number): string {
  const pick = (list: string[], k: number) => list[(i * 7 + k * 3) % list.length]!;
  const zh = i % 2 === 0;
  const list = zh ? FILLER_ZH : FILLER_EN;
  return [pick(list, 0), pick(list, 1), pick(list, 2), `${zh ? '型号' : 'Model'} ${1000 + i}.`].join(zh ? '' : ' ');
}

async function main(): Promise<void> {
  const log = createLogger('silent');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'cs-bench-'));
  const given = process.env.DATABASE_URL;
  // As root, PostgreSQL runs as `postgres`: the temporary directory itself is the data dir, made traversable by it.
  const embedded = given ? null : await startEmbeddedPostgres(tmp, 0, log);
  const serverUrl = given ?? embedded!.url;
  const dbName = `bench_retrieval_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const orm = await MikroORM.init(ormConfig(url.toString()));
  let indexer: TextIndexerPool | undefined;
  try {
    await orm.getMigrator().up();
    const config = loadConfig({ DATABASE_URL: url.toString(), DATA_DIR: tmp, LOG_LEVEL: 'silent' });
    const bus = createEventBus();
    const staffService = new StaffService(bus, { trialDays: 7, warningDays: 3 });
    const files = new FileService(new LocalFileStorage(path.join(tmp, 'files'), isSafeFilePath), { publicUrl: config.publicUrl, uploadMaxBytes: config.knowledge.uploadMaxBytes });
    // The job queue is never started: documents are indexed by calling the job handler directly.
    indexer = new TextIndexerPool(config.knowledge.extract, 1, log);
    const documents = new DocumentService({ orm, bus, jobs: new JobQueue(url.toString(), log), webhooks: new WebhookOutbox(), files, indexer, staff: staffService, config: { ...config.knowledge, syncConcurrency: 0 }, log });
    const retrieval = new RetrievalService();
    const minScore = config.knowledge.answerMinScore;

    const em = orm.em.fork();
    const merchant = new Merchant('bench', 'bench@example.test', 'x');
    const small = new Staff({ merchant, serialNo: 'BENCHSMALL', apiKey: 'ak_bench_small', secretKey: 'sk', name: 'Bench', orgName: 'Lumio' });
    const large = new Staff({ merchant, serialNo: 'BENCHLARGE', apiKey: 'ak_bench_large', secretKey: 'sk', name: 'Bench', orgName: 'Lumio' });
    await em.persist([merchant, small, large]).flush();

    const corpusDir = path.join(benchDir, 'corpus');
    const names = (await readdir(corpusDir)).sort();
    const started = Date.now();
    for (const name of names) {
      const bytes = await readFile(path.join(corpusDir, name));
      const filePath = newFilePath(name);
      const stored = await files.storage.put(filePath, Readable.from([bytes]), config.knowledge.uploadMaxBytes);
      const file = new StoredFile({ merchant, fileName: name, filePath, fileSize: stored.size, contentType: contentTypeFor(name), sha256: stored.sha256 });
      const docs = [small, large].map((staff) => new KnowledgeDocument({ merchant, staff, file, fileName: name }));
      await em.persist([file, ...docs]).flush();
      for (const d of docs) await documents.indexDocument(d.id);
    }
    const states = await em.getConnection().execute<{ sync_state: string; n: number }[]>(`select sync_state, count(*)::int as n from knowledge_document group by sync_state`);
    const indexMs = Date.now() - started;

    // Fill the large staff up to 10,000 chunks with distractors, in documents of 500 chunks.
    const knex = em.getKnex();
    const chunksOf = async (staffId: number) =>
      Number((await em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from knowledge_chunk where staff_id = ?', [staffId]))[0]!.n);
    let total = await chunksOf(large.id);
    let fillerNo = 0;
    while (total < TARGET_CHUNKS) {
      const name = `filler-${fillerNo}.txt`;
      const file = new StoredFile({ merchant, fileName: name, filePath: newFilePath(name), fileSize: 0, contentType: 'text/plain', sha256: '-' });
      const doc = new KnowledgeDocument({ merchant, staff: large, file, fileName: name });
      await em.persist([file, doc]).flush();
      const rows = Array.from({ length: Math.min(500, TARGET_CHUNKS - total) }, (_, j) => {
        const content = fillerChunk(fillerNo * 500 + j);
        return { kind: 'text' as const, heading: '', content, searchHeading: '', searchText: searchText(content) };
      });
      await knex.transaction(async (trx) => {
        await replaceChunks(trx, doc.id, large.id, rows);
        await trx.raw(`update knowledge_document set sync_state = 'ready', chunk_count = ? where id = ?`, [rows.length, doc.id]);
      });
      total += rows.length;
      fillerNo++;
    }
    await knex.raw('analyze knowledge_chunk');

    const questions = JSON.parse(await readFile(path.join(benchDir, 'questions.json'), 'utf8')) as Question[];
    const evaluate = async (staffId: number) => {
      const results: { q: Question; passages: Passage[] }[] = [];
      for (const q of questions) results.push({ q, passages: await retrieval.retrieve(orm.em.fork(), staffId, q.question, { k: 3 }) });
      return results;
    };
    const report = (label: string, results: { q: Question; passages: Passage[] }[], threshold: number) => {
      const lines: string[] = [];
      for (const lang of ['all', 'en', 'zh'] as const) {
        const rs = results.filter((r) => lang === 'all' || r.q.lang === lang);
        const answerable = rs.filter((r) => r.q.topic);
        const unanswerable = rs.filter((r) => !r.q.topic);
        const top = (r: (typeof rs)[number], k: number) => r.passages.slice(0, k).some((p) => topicOf(p.fileName) === r.q.topic);
        const hit1 = answerable.filter((r) => top(r, 1)).length / answerable.length;
        const hit3 = answerable.filter((r) => top(r, 3)).length / answerable.length;
        const answered = answerable.filter((r) => (r.passages[0]?.score ?? 0) >= threshold && top(r, 1)).length / answerable.length;
        const refused = unanswerable.filter((r) => (r.passages[0]?.score ?? 0) < threshold).length / unanswerable.length;
        lines.push(
          `  ${lang.padEnd(3)}  answerable ${String(answerable.length).padStart(3)}  hit@1 ${hit1.toFixed(3)}  hit@3 ${hit3.toFixed(3)}  ` +
            `answered correctly ${answered.toFixed(3)}  |  unanswerable ${String(unanswerable.length).padStart(2)}  refused ${refused.toFixed(3)}`,
        );
      }
      console.log(`${label}\n${lines.join('\n')}`);
    };

    const smallResults = await evaluate(small.id);
    const largeResults = await evaluate(large.id);

    // Latency: every question against the 10,000-chunk staff, after one warm-up round.
    const timings: number[] = [];
    for (let round = 0; round < LATENCY_ROUNDS; round++) {
      for (const q of questions) {
        const t0 = process.hrtime.bigint();
        await retrieval.retrieve(orm.em.fork(), large.id, q.question, { k: 3 });
        if (round > 0) timings.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
    timings.sort((a, b) => a - b);

    const answerable = questions.filter((q) => q.topic).length;
    console.log('\nRetrieval benchmark (bench/retrieval)');
    console.log(`  corpus: ${names.length} documents (${JSON.stringify(states.map((s) => [s.sync_state, s.n]))}), indexed in ${indexMs} ms`);
    console.log(`  questions: ${questions.length} (${questions.filter((q) => q.lang === 'en').length} English, ${questions.filter((q) => q.lang === 'zh').length} Chinese; ${answerable} answerable, ${questions.length - answerable} unanswerable)`);
    console.log(`  refusal threshold (ANSWER_MIN_SCORE): ${minScore}\n`);
    report(`Labelled corpus only (${await chunksOf(small.id)} chunks):`, smallResults, minScore);
    report(`\nWith distractors (${total} chunks in the staff):`, largeResults, minScore);
    console.log(`\nRetrieval latency over ${total} chunks (${timings.length} queries, top-3):`);
    console.log(`  p50 ${percentile(timings, 50).toFixed(2)} ms   p90 ${percentile(timings, 90).toFixed(2)} ms   p99 ${percentile(timings, 99).toFixed(2)} ms   max ${timings.at(-1)!.toFixed(2)} ms`);

    if (process.argv.includes('--sweep')) {
      console.log('\nThreshold sweep (labelled corpus, all languages):');
      for (const th of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65]) report(`  threshold ${th}`, smallResults, th);
    }
    if (process.argv.includes('--misses')) {
      console.log('\nMisses (with distractors):');
      for (const r of largeResults) {
        const best = r.passages[0];
        const ok = r.q.topic ? best && topicOf(best.fileName) === r.q.topic && best.score >= minScore : !best || best.score < minScore;
        if (!ok) console.log(`  [${r.q.topic ?? 'none'}] ${r.q.question} -> ${r.passages.map((p) => `${p.fileName}:${p.score}`).join(', ')}`);
      }
    }
  } finally {
    await indexer?.close();
    await orm.close(true);
    if (process.argv.includes('--keep')) console.log(`kept database ${url.toString()}`);
    else await admin.query(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
    await embedded?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
