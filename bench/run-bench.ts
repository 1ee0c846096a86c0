/**
 * Benchmarks: ingest rate, ask and search latency (in process), CLI cold start, peak
 * memory, each beside plain SQLite FTS5 on the same data. Prints figures and ratios;
 * targets are printed for comparison, never asserted. Usage: npm run bench
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { loadConfig } from '../src/config/load-config.js';
import { STOPWORDS } from '../src/retrieve/stopwords.js';
import { tokenize } from '../src/text/tokenize.js';
import { createVesalius } from '../src/wiring.js';
import { benchHttp } from './bench-http.js';
import { benchMixed } from './bench-mixed.js';
import { evalRetrieval } from './eval-retrieval.js';
import { scratchDir, sharedDir } from './shared-paths.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const shared = sharedDir();
const corpus = join(shared, 'data/medquad-corpus/passages.jsonl');
const dbPath = join(scratchDir(), 'bench.sqlite');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
const ms = (value: number) => `${value.toFixed(1)} ms`;
const line = (label: string, value: string, extra = '') =>
  console.log(`${label.padEnd(38)} ${value.padStart(14)}  ${extra}`);

function time<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}

// 1. Ingest rate, and plain FTS5 inserts of the same texts.
rmSync(dbPath, { force: true });
rmSync(`${dbPath}-wal`, { force: true });
rmSync(`${dbPath}-shm`, { force: true });
const vesalius = createVesalius(loadConfig({ dbPath }, {}));
const summary = await vesalius.ingest([corpus]);
const ingestRate = summary.passages / (summary.ms / 1000);

const texts = readFileSync(corpus, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((record) => (JSON.parse(record) as { text: string }).text);
const plainPath = join(scratchDir(), 'plain.sqlite');
rmSync(plainPath, { force: true });
const plain = new Database(plainPath);
plain.pragma('journal_mode = WAL');
plain.exec("CREATE VIRTUAL TABLE docs USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2')");
const insert = plain.prepare('INSERT INTO docs (text) VALUES (?)');
const [, plainIngestMs] = time(() =>
  plain.transaction(() => {
    for (const text of texts) insert.run(text);
  })(),
);
const plainIngestRate = texts.length / (plainIngestMs / 1000);

// 2. Latency of ask and search with the corpus loaded, against plain BM25 on the same data.
const medquadQueries = readFileSync(join(shared, 'dev/medquad-dev.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((record) => (JSON.parse(record) as { query: string }).query);
const clinicalQueries = readFileSync(join(shared, 'dev/clinical-questions-dev.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((record) => (JSON.parse(record) as { question: string }).question);
const realisticQueries = readFileSync(join(shared, 'dev/realistic-dev.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((record) => (JSON.parse(record) as { question: string }).question);
const questions = [...clinicalQueries, ...realisticQueries, ...medquadQueries.filter((_, index) => index % 2 === 0)];
for (const question of questions.slice(0, 20)) vesalius.ask(question); // warm caches
const askTimes = questions.map((question) => time(() => vesalius.ask(question))[1]);
const searchTimes = questions.map((question) => time(() => vesalius.search(question, 10))[1]);
const plainQuery = plain.prepare('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10');
const plainTimes = questions.map((question) => {
  const words = tokenize(question).filter((token) => !STOPWORDS.has(token));
  if (words.length === 0) return 0;
  return time(() => plainQuery.all(words.map((word) => `"${word}"`).join(' OR ')))[1];
});
const peakRss = process.resourceUsage().maxRSS / 1024;
vesalius.close();
plain.close();

// 3. Cold start of the CLI, end to end, as a user runs it.
const bin = join(ROOT, 'bin/vesalius.js');
const cliQuestion = 'What is the treatment approach for ILD with an NSIP pattern and elevated IgE?';
execFileSync(process.execPath, [bin, 'ask', '--db', dbPath, cliQuestion], { stdio: 'ignore' });
const cliTimes: number[] = [];
for (let run = 0; run < 7; run += 1)
  cliTimes.push(
    time(() => execFileSync(process.execPath, [bin, 'ask', '--db', dbPath, cliQuestion], { stdio: 'ignore' }))[1],
  );
const npxTimes: number[] = [];
for (let run = 0; run < 3; run += 1)
  npxTimes.push(
    time(() =>
      spawnSync('npx', ['--no-install', 'vesalius', 'ask', '--db', dbPath, cliQuestion], {
        cwd: ROOT,
        stdio: 'ignore',
      }),
    )[1],
  );
const nodeBare = percentile(
  Array.from({ length: 5 }, () => time(() => execFileSync(process.execPath, ['-e', '0']))[1]),
  50,
);

// 4. HTTP on loopback, with the MedQuAD corpus loaded.
const httpLines = [...(await benchHttp(dbPath)), ...(await benchMixed(dbPath))];

// 5. Retrieval quality (reuses the evaluation).
const medquad = await evalRetrieval('medquad');
const pubmedqa = await evalRetrieval('pubmedqa');

console.log(
  `Vesalius benchmarks (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${questions.length} questions, MedQuAD ${summary.passages} passages + knowledge base)\n`,
);
line(
  'ingest MedQuAD',
  `${Math.round(ingestRate)} p/s`,
  `plain FTS5 insert ${Math.round(plainIngestRate)} p/s (ratio ${(ingestRate / plainIngestRate).toFixed(2)}) · target ≥ 5,000 p/s`,
);
line(
  'ask p50 (in process)',
  ms(percentile(askTimes, 50)),
  `plain FTS5 query p50 ${ms(percentile(plainTimes, 50))} (ratio ${(percentile(askTimes, 50) / Math.max(percentile(plainTimes, 50), 0.001)).toFixed(1)}x) · target ≤ 50 ms`,
);
line(
  'ask p95 (in process)',
  ms(percentile(askTimes, 95)),
  `plain FTS5 query p95 ${ms(percentile(plainTimes, 95))} (ratio ${(percentile(askTimes, 95) / Math.max(percentile(plainTimes, 95), 0.001)).toFixed(1)}x) · target ≤ 150 ms`,
);
line(
  'search p50 (in process)',
  ms(percentile(searchTimes, 50)),
  `ratio to plain FTS5 ${(percentile(searchTimes, 50) / Math.max(percentile(plainTimes, 50), 0.001)).toFixed(1)}x`,
);
line(
  'search p95 (in process)',
  ms(percentile(searchTimes, 95)),
  `ratio to plain FTS5 ${(percentile(searchTimes, 95) / Math.max(percentile(plainTimes, 95), 0.001)).toFixed(1)}x`,
);
line(
  'CLI cold start: node bin ask p50',
  ms(percentile(cliTimes, 50)),
  `bare node start ${ms(nodeBare)} · target ≤ 1,000 ms`,
);
line('CLI cold start: npx vesalius ask p50', ms(percentile(npxTimes, 50)), 'target ≤ 1,000 ms');
line('peak memory (bench process RSS)', `${Math.round(peakRss)} MB`, '');
line(
  'MedQuAD MRR@10',
  medquad.vesalius.mrr10.toFixed(3),
  `plain BM25 ${medquad.bm25.mrr10.toFixed(3)} (ratio ${(medquad.vesalius.mrr10 / medquad.bm25.mrr10).toFixed(2)}) · target ≥ 0.75 (through the CLI, knowledge base present)`,
);
line(
  'PubMedQA MRR@10',
  pubmedqa.vesalius.mrr10.toFixed(3),
  `plain BM25 ${pubmedqa.bm25.mrr10.toFixed(3)} (ratio ${(pubmedqa.vesalius.mrr10 / pubmedqa.bm25.mrr10).toFixed(2)}) · floor 0.98`,
);
for (const httpLine of httpLines) console.log(httpLine);
