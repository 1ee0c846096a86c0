/**
 * Retrieval quality on the development sets, measured through the product as a user runs it:
 * the `vesalius` CLI on a fresh index that holds the built-in knowledge base, after
 * `vesalius ingest` of the set's corpus, queried with `vesalius search --json --batch`.
 * R@1, R@5 and MRR@10, with plain BM25 on the same index (FTS5, porter, question words OR-ed,
 * passage text only) as the floor. Usage: npm run eval:retrieval [-- --set medquad|pubmedqa]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteSearchIndex } from '../src/indexing/sqlite/sqlite-search-index.js';
import { STOPWORDS } from '../src/retrieve/stopwords.js';
import { tokenize } from '../src/text/tokenize.js';
import { ROOT, scratchDir, sharedDir } from './shared-paths.js';

interface DevQuery {
  query: string;
  relevant: string[];
}

const SETS: Record<string, { corpus: string; dev: string }> = {
  medquad: { corpus: 'data/medquad-corpus/passages.jsonl', dev: 'dev/medquad-dev.jsonl' },
  pubmedqa: { corpus: 'data/pubmedqa-corpus/pqal_contexts.jsonl', dev: 'dev/pubmedqa-dev.jsonl' },
};

export interface RetrievalFigures {
  set: string;
  queries: number;
  vesalius: { r1: number; r5: number; mrr10: number };
  bm25: { r1: number; r5: number; mrr10: number };
}

const cli = (args: string[]) =>
  execFileSync('node', [join(ROOT, 'bin/vesalius.js'), ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });

export async function evalRetrieval(set: string): Promise<RetrievalFigures> {
  const spec = SETS[set];
  if (!spec) throw new Error(`unknown set ${set}: use ${Object.keys(SETS).join(' or ')}`);
  const shared = sharedDir();
  const dbPath = join(scratchDir(), `eval-${set}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  cli(['ingest', '--db', dbPath, join(shared, spec.corpus)]);
  const queries = readFileSync(join(shared, spec.dev), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DevQuery);
  const batch = join(scratchDir(), `eval-${set}.jsonl`);
  writeFileSync(batch, `${queries.map((query) => JSON.stringify({ query: query.query })).join('\n')}\n`);
  const ours = cli(['search', '--json', '--db', dbPath, '--limit', '10', '--batch', batch])
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as Array<{ id: string }>).map((result) => result.id));
  const index = new SqliteSearchIndex(dbPath);
  const plain = queries.map((query) => {
    const words = tokenize(query.query).filter((token) => !STOPWORDS.has(token));
    if (words.length === 0) return [];
    return index.searchPlainText(words.map((word) => `"${word}"`).join(' OR '), 10);
  });
  index.close();
  return { set, queries: queries.length, vesalius: score(queries, ours), bm25: score(queries, plain) };
}

function score(queries: DevQuery[], rankings: string[][]) {
  let r1 = 0;
  let r5 = 0;
  let mrr = 0;
  queries.forEach((query, position) => {
    const ranking = rankings[position] ?? [];
    const rank = ranking.findIndex((id) => query.relevant.includes(id));
    if (rank === 0) r1 += 1;
    if (rank >= 0 && rank < 5) r5 += 1;
    if (rank >= 0 && rank < 10) mrr += 1 / (rank + 1);
  });
  const n = queries.length || 1;
  return { r1: r1 / n, r5: r5 / n, mrr10: mrr / n };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '');
if (isMain) {
  const only = process.argv.indexOf('--set');
  const sets = only > 0 ? [process.argv[only + 1] ?? ''] : Object.keys(SETS);
  for (const set of sets) {
    if (!existsSync(join(sharedDir(), SETS[set]?.dev ?? ''))) continue;
    const figures = await evalRetrieval(set);
    const f = (value: number) => value.toFixed(3);
    console.log(`${set} (${figures.queries} queries, through the CLI with the knowledge base indexed)`);
    console.log(
      `  vesalius  R@1 ${f(figures.vesalius.r1)}  R@5 ${f(figures.vesalius.r5)}  MRR@10 ${f(figures.vesalius.mrr10)}`,
    );
    console.log(`  bm25      R@1 ${f(figures.bm25.r1)}  R@5 ${f(figures.bm25.r5)}  MRR@10 ${f(figures.bm25.mrr10)}`);
    console.log(`  ratio     MRR@10 x${(figures.vesalius.mrr10 / Math.max(figures.bm25.mrr10, 1e-9)).toFixed(2)}`);
  }
}
