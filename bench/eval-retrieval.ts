/**
 * Retrieval quality on the development sets: R@1, R@5 and MRR@10 for Vesalius and for
 * the plain BM25 floor (FTS5, porter, question words OR-ed, passage text only) on the
 * same index. Usage: npm run eval:retrieval [-- --set medquad|pubmedqa]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteSearchIndex } from '../src/indexing/sqlite/sqlite-search-index.js';
import { ingestPaths } from '../src/ingest/ingest-paths.js';
import { analyzeQuestion } from '../src/retrieve/analyze-question.js';
import { buildSynonymMatcher } from '../src/retrieve/build-term-matcher.js';
import { loadClinicalRules } from '../src/ingest/read-clinical-rules.js';
import { DEFAULTS } from '../src/config/load-config.js';
import { EvidenceRetriever } from '../src/retrieve/retrieve-evidence.js';
import { STOPWORDS } from '../src/retrieve/stopwords.js';
import { tokenize } from '../src/text/tokenize.js';
import { sharedDir, scratchDir } from './shared-paths.js';

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

export async function evalRetrieval(set: string): Promise<RetrievalFigures> {
  const spec = SETS[set];
  if (!spec) throw new Error(`unknown set ${set}: use ${Object.keys(SETS).join(' or ')}`);
  const shared = sharedDir();
  const dbPath = join(scratchDir(), `eval-${set}.sqlite`);
  const index = new SqliteSearchIndex(dbPath);
  if (index.getMeta('eval_corpus') !== spec.corpus) {
    await ingestPaths(index, [join(shared, spec.corpus)]);
    index.setMeta('eval_corpus', spec.corpus);
  }
  const queries = readFileSync(join(shared, spec.dev), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DevQuery);
  const retriever = new EvidenceRetriever(index);
  const rules = loadClinicalRules(DEFAULTS.knowledgeDir);
  const synonyms = buildSynonymMatcher(rules.synonyms);
  const ours = queries.map((query) =>
    retriever
      .retrieve(analyzeQuestion(query.query, synonyms, rules.spelling.variants), { limit: 10 })
      .map((item) => item.passage.id),
  );
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
    console.log(`${set} (${figures.queries} queries)`);
    console.log(
      `  vesalius  R@1 ${f(figures.vesalius.r1)}  R@5 ${f(figures.vesalius.r5)}  MRR@10 ${f(figures.vesalius.mrr10)}`,
    );
    console.log(`  bm25      R@1 ${f(figures.bm25.r1)}  R@5 ${f(figures.bm25.r5)}  MRR@10 ${f(figures.bm25.mrr10)}`);
    console.log(`  ratio     MRR@10 x${(figures.vesalius.mrr10 / Math.max(figures.bm25.mrr10, 1e-9)).toFixed(2)}`);
  }
}
