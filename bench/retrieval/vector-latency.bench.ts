/**
 * The cost of SQL-side vector similarity (no pgvector) over 10,000 chunks of
 * one staff. Runs offline: embeddings are seeded random unit vectors served by
 * a local OpenAI-compatible endpoint, and each labelled question is planted
 * near one chunk (cosine ≈ 0.7), so the figures are latency and whether the
 * planted chunk is found — not retrieval quality, which needs a real model.
 *
 *   npm run bench:vector [-- --dims 768]   (default 1536)
 *
 * Uses DATABASE_URL's server when set (in a fresh database it drops after),
 * otherwise an embedded PostgreSQL in a temporary directory.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ormConfig } from '../../src/core/db/orm-config.js';
import { startEmbeddedPostgres } from '../../src/core/db/embedded-postgres.js';
import { createLogger } from '../../src/core/logger.js';
import { KnowledgeDocument } from '../../src/entities/knowledge/document.entity.js';
import { StoredFile } from '../../src/entities/knowledge/stored-file.entity.js';
import { Merchant } from '../../src/entities/merchant/merchant.entity.js';
import { Staff } from '../../src/entities/staff/staff.entity.js';
import { realArray, replaceChunks, vectorSearch } from '../../src/services/knowledge/chunk.repository.js';
import { EmbeddingsService, signBits } from '../../src/services/knowledge/embeddings.service.js';
import { newFilePath } from '../../src/services/knowledge/file-name.js';
import { RetrievalService } from '../../src/services/knowledge/retrieval.service.js';
import { searchText } from '../../src/services/knowledge/text-segmenter.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const benchDir = path.resolve(here, '../../../../bench/retrieval');
const argAt = process.argv.indexOf('--dims');
const DIMS = argAt > 0 ? Number(process.argv[argAt + 1]) : 1536;
const CHUNKS = 10_000;
const ROUNDS = 3;
const MODEL = 'bench-embed';

// A seeded generator, so every run measures the same data.
let seed = 42;
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
const unit = (v: number[]) => {
  const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / n);
};
const randomUnit = () => unit(Array.from({ length: DIMS }, gaussian));
const near = (target: number[], cos: number) => {
  const r = randomUnit();
  return unit(target.map((x, i) => cos * x + Math.sqrt(1 - cos * cos) * r[i]!));
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(2)} ms   p90 ${percentile(s, 90).toFixed(2)} ms   p99 ${percentile(s, 99).toFixed(2)} ms`;
};

const FILLER = [
  'The garden sprinkler controller supports up to eight watering zones and weather-based skipping.',
  'Replace the air purifier filter every six months or when the indicator turns red.',
  'Bike lights charge over USB-C and last up to twelve hours on the low setting.',
  '咖啡磨豆机有四十档研磨粗细，适合意式浓缩到冷萃。',
  '割草机器人检测到下雨会自动返回充电座。',
  '鱼缸加热棒可将水温保持在二十到三十二度之间，并带有过热保护。',
];

async function main(): Promise<void> {
  const log = createLogger('silent');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'cs-bench-vec-'));
  const given = process.env.DATABASE_URL;
  const embedded = given ? null : await startEmbeddedPostgres(tmp, 0, log);
  const serverUrl = given ?? embedded!.url;
  const dbName = `bench_vector_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const orm = await MikroORM.init(ormConfig(url.toString()));

  // The question → vector table the local endpoint answers from.
  const planted = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const body = JSON.parse(raw) as { input: string | string[] };
      const input = typeof body.input === 'string' ? [body.input] : body.input;
      const data = input.map((text, index) => ({ object: 'embedding', index, embedding: planted.get(text) ?? randomUnit() }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data, model: MODEL }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;

  try {
    await orm.getMigrator().up();
    const em = orm.em.fork();
    const merchant = new Merchant('bench', 'bench@example.test', 'x');
    const staff = new Staff({ merchant, serialNo: 'BENCHVEC', apiKey: 'ak_bench_vec', secretKey: 'sk', name: 'Bench', orgName: 'Lumio' });
    const other = new Staff({ merchant, serialNo: 'BENCHVEC2', apiKey: 'ak_bench_vec2', secretKey: 'sk', name: 'Other', orgName: 'Lumio' });
    await em.persist([merchant, staff, other]).flush();

    const vectors: number[][] = [];
    const knex = em.getKnex();
    const started = Date.now();
    // The staff measured, and another of the same size the query must not look at.
    for (const owner of [staff, other]) {
      for (let d = 0; d < CHUNKS / 500; d++) {
        const name = `vec-${owner.serialNo}-${d}.txt`;
        const file = new StoredFile({ merchant, fileName: name, filePath: newFilePath(name), fileSize: 0, contentType: 'text/plain', sha256: '-' });
        const doc = new KnowledgeDocument({ merchant, staff: owner, file, fileName: name });
        await em.persist([file, doc]).flush();
        const rows = Array.from({ length: 500 }, (_, j) => {
          const content = `${FILLER[(d * 500 + j) % FILLER.length]} Model ${d * 500 + j}.`;
          const vector = randomUnit();
          if (owner === staff) vectors.push(vector);
          return { kind: 'text' as const, heading: '', content, searchHeading: '', searchText: searchText(content), embedding: { vector, bits: signBits(vector) } };
        });
        await knex.transaction(async (trx) => {
          await replaceChunks(trx, doc.id, owner.id, rows);
          await trx.raw(`update knowledge_document set sync_state = 'ready', chunk_count = 500, embedding_model = ? where id = ?`, [MODEL, doc.id]);
        });
      }
    }
    await knex.raw('analyze knowledge_chunk');
    const ids = ((await knex.raw('select id from knowledge_chunk where staff_id = ? order by id', [staff.id])).rows as { id: number }[]).map((r) => r.id);
    console.log(`\nVector similarity without pgvector: ${CHUNKS} chunks of ${DIMS} dimensions in the staff (+${CHUNKS} in another), loaded in ${Date.now() - started} ms`);

    const questions = (JSON.parse(await readFile(path.join(benchDir, 'questions.json'), 'utf8')) as { question: string }[]).map((q) => q.question);
    const targets = questions.map(() => Math.floor(random() * CHUNKS));
    questions.forEach((q, i) => planted.set(q, near(vectors[targets[i]!]!, 0.7)));

    const embeddings = new EmbeddingsService({ baseUrl: endpoint, apiKey: 'none', model: MODEL, timeoutMs: 5000, maxRetries: 0, batchSize: 32, minSimilarity: 0.5 });
    const withVectors = new RetrievalService({ embeddings, threshold: 0.45, log });
    const lexicalOnly = new RetrievalService();

    const time = async (fn: () => Promise<unknown>) => {
      const t0 = process.hrtime.bigint();
      await fn();
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    const sqlTimes: number[] = [];
    const embedTimes: number[] = [];
    const retrieveTimes: number[] = [];
    const lexicalTimes: number[] = [];
    let found = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, q] of questions.entries()) {
        const asked = { vector: planted.get(q)!, bits: signBits(planted.get(q)!) };
        const e = await time(() => embeddings.embedQuestion(q));
        const s = await time(() => vectorSearch(orm.em.fork(), staff.id, MODEL, asked, 40, []));
        let top: number[] = [];
        const r = await time(async () => (top = (await withVectors.retrieve(orm.em.fork(), staff.id, q, { k: 3 })).map((p) => p.chunkId)));
        const l = await time(() => lexicalOnly.retrieve(orm.em.fork(), staff.id, q, { k: 3 }));
        if (round === 0) {
          if (top.includes(ids[targets[i]!]!)) found++;
          continue; // warm-up
        }
        sqlTimes.push(s);
        embedTimes.push(e);
        retrieveTimes.push(r);
        lexicalTimes.push(l);
      }
    }
    // The exact scan the prefilter avoids: every chunk of the staff through knowledge_dot.
    const exact = await time(() =>
      knex.raw(`select id from knowledge_chunk where staff_id = ? order by knowledge_dot(embedding, ?::real[]) desc limit 20`, [staff.id, realArray(planted.get(questions[0]!)!)]),
    );

    console.log(`  ${retrieveTimes.length} queries after a warm-up round; planted chunk in the top 3: ${found}/${questions.length}`);
    console.log(`  vector SQL (Hamming top 40 + exact knowledge_dot)   ${stats(sqlTimes)}`);
    console.log(`  question embedding, local endpoint                  ${stats(embedTimes)}`);
    console.log(`  retrieve(): lexical + vector, top 3                 ${stats(retrieveTimes)}`);
    console.log(`  retrieve(): lexical only, top 3                     ${stats(lexicalTimes)}`);
    console.log(`  for comparison, one exact scan of all ${CHUNKS} chunks with knowledge_dot: ${exact.toFixed(0)} ms`);
  } finally {
    server.close();
    await orm.close(true);
    await admin.query(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
    await embedded?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
