import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteSearchIndex } from '../../src/indexing/sqlite/sqlite-search-index.js';
import { ingestPaths } from '../../src/ingest/ingest-paths.js';
import { scratch } from '../helpers.js';

const GOOD = `${JSON.stringify({ id: 'q1', doc_id: 'd1', text: 'Gout is treated with colchicine, NSAIDs or steroids during a flare.' })}\n`;

/** Files that must be reported and skipped, never stop a batch or hang it. */
describe('ingest of hostile files', () => {
  const space = scratch();
  afterAll(() => space.cleanup());

  it('skips a corrupt .xml.gz, a named pipe and a symlink loop, and still ingests the files after them', async () => {
    const folder = join(space.dir, 'corpus');
    mkdirSync(join(folder, 'nested'), { recursive: true });
    writeFileSync(join(folder, 'a-broken.xml.gz'), 'this is not gzip');
    writeFileSync(join(folder, 'b-garbage.xml.gz'), gzipSync('<not-pubmed/>'));
    execFileSync('mkfifo', [join(folder, 'c-pipe.jsonl')]);
    symlinkSync(folder, join(folder, 'nested', 'loop'));
    writeFileSync(join(folder, 'z-good.jsonl'), GOOD);
    const index = new SqliteSearchIndex(':memory:');
    const summary = await ingestPaths(index, [folder]);
    index.close();
    expect(summary.passages).toBe(1);
    const reasons = summary.issues.map((issue) => `${issue.file.split('/').pop()}: ${issue.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^a-broken\.xml\.gz: cannot be read: the gzip data is corrupt/),
        expect.stringMatching(/^b-garbage\.xml\.gz: not a PubmedArticleSet/),
        expect.stringMatching(/^c-pipe\.jsonl: not a regular file/),
      ]),
    );
  }, 30_000);

  it('skips an oversized JSONL record and a deeply nested or endless PubMed record quickly, keeping the rest', async () => {
    const folder = join(space.dir, 'oversized');
    mkdirSync(folder, { recursive: true });
    const huge = JSON.stringify({ id: 'q2', doc_id: 'd2', text: 'gout '.repeat(1_000_000) });
    writeFileSync(join(folder, 'big.jsonl'), `${huge}\n${GOOD}`);
    // Before the depth limit, parsing cost grew with the square of the depth (50,000 levels: 30 s).
    const depth = 100_000;
    const record = (pmid: string, abstract: string) =>
      `<PubmedArticle><MedlineCitation><PMID>${pmid}</PMID><Article><ArticleTitle>Gout ${pmid}</ArticleTitle><Abstract><AbstractText>${abstract}</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>`;
    writeFileSync(
      join(folder, 'deep.xml'),
      `<PubmedArticleSet>${record('1', `${'<i>'.repeat(depth)}x${'</i>'.repeat(depth)}`)}${record('2', 'Colchicine for gout flares.')}` +
        `<PubmedArticle><MedlineCitation>${'gout '.repeat(1_000_000)}${record('3', 'Allopurinol for gout.')}</PubmedArticleSet>`,
    );
    const index = new SqliteSearchIndex(':memory:');
    const summary = await ingestPaths(index, [folder]);
    index.close();
    expect(summary.passages).toBe(3);
    const reasons = summary.issues.map((issue) => `${issue.file.split('/').pop()} ${issue.location}: ${issue.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^big\.jsonl line 1: record of 5,\d{3},\d{3} characters, longer than/),
        expect.stringMatching(/^deep\.xml record 1 .*nested more than 100 deep/),
        expect.stringMatching(/^deep\.xml record 3 .*longer than 4 MB; skipped/),
      ]),
    );
  }, 60_000);
});
