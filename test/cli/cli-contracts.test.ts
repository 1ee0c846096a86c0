import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/serve/cli/main.js';
import { articleSchema, citationProblems } from '../article-schema.js';
import { sharedPath, scratch, writeLines, seedIndex } from '../helpers.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

describe('vesalius CLI contracts', () => {
  const space = scratch();
  const db = seedIndex(join(space.dir, 'cli.sqlite'));
  beforeAll(async () => {
    // A small slice of MedQuAD beside the built-in knowledge base.
    const lines = readFileSync(sharedPath('data/medquad-corpus/passages.jsonl'), 'utf8').split('\n').slice(0, 300);
    writeLines(join(space.dir, 'passages.jsonl'), lines);
    const result = await run(['ingest', '--db', db, join(space.dir, 'passages.jsonl')]);
    expect(result.code).toBe(0);
  });
  afterAll(() => space.cleanup());

  it('ask --json prints one article object with resolvable citations', async () => {
    const { code, out } = await run(['ask', '--json', '--db', db, 'What is the first-line treatment for gout flares?']);
    expect(code).toBe(0);
    const article = articleSchema.parse(JSON.parse(out));
    expect(article.status).toBe('answered');
    expect(article.audience).toBe('physician');
    expect(citationProblems(article)).toEqual([]);
    expect(out.trim().split('\n')).toHaveLength(1);
  });

  it('ask --audience changes the text', async () => {
    const physician = JSON.parse((await run(['ask', '--json', '--db', db, 'How is gout treated?'])).out) as {
      bottomLine: { text: string };
    };
    const patient = JSON.parse(
      (await run(['ask', '--json', '--audience', 'patient', '--db', db, 'How is gout treated?'])).out,
    ) as { bottomLine: { text: string }; audience: string };
    expect(patient.audience).toBe('patient');
    expect(patient.bottomLine.text).not.toEqual(physician.bottomLine.text);
  });

  it('ask --batch answers each line in order in one process, and flags a bad line in place', async () => {
    const file = writeLines(join(space.dir, 'questions.jsonl'), [
      JSON.stringify({ question: 'How is gout treated?' }),
      '{not json',
      JSON.stringify({ question: 'What will the weather be like in Paris tomorrow?', audience: 'patient' }),
      JSON.stringify({ question: 'How is gout treated?', audience: 'robot' }),
    ]);
    const { code, out } = await run(['ask', '--json', '--batch', file, '--db', db]);
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { status?: string; audience?: string; error?: { code: string } });
    expect(lines).toHaveLength(4);
    expect(lines[0]?.status).toBe('answered');
    expect(lines[1]?.error?.code).toBe('INVALID_INPUT');
    expect(lines[2]).toMatchObject({ status: 'out_of_scope', audience: 'patient' });
    expect(lines[3]?.error?.code).toBe('INVALID_INPUT');
  });

  it('bad files and arguments get one clear line and a non-zero exit, never a stack trace', async () => {
    const cases: Array<[string[], RegExp]> = [
      [
        ['ask', '--json', '--batch', join(space.dir, 'missing.jsonl'), '--db', db],
        /cannot read the batch file .*no such file/,
      ],
      [['ask', '--batch', space.dir, '--db', db], /it is a folder, not a file/],
      [['serve', '--port', '99999'], /--port must be at most 65535/],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await run(args);
      expect(code, args.join(' ')).toBeGreaterThan(0);
      expect(err).toMatch(message);
      expect(err).not.toMatch(/unexpected error|\n\s+at /);
    }
  });

  it('search --json prints [{id, sourceId, score, title, text}] with corpus record ids', async () => {
    const { code, out } = await run([
      'search',
      '--json',
      '--limit',
      '3',
      '--db',
      db,
      'What are the symptoms of adult acute lymphoblastic leukemia?',
    ]);
    expect(code).toBe(0);
    const results = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(results).toHaveLength(3);
    for (const result of results)
      expect(Object.keys(result).sort()).toEqual(['id', 'score', 'sourceId', 'text', 'title']);
    expect(String(results[0]?.['id'])).toMatch(/^CancerGov_\d+_\d+_Sec\d+$/);
  });

  it('search --batch prints one array per line', async () => {
    const file = writeLines(join(space.dir, 'queries.jsonl'), [
      JSON.stringify({ query: 'gout colchicine' }),
      JSON.stringify({ query: 'NEAR( "unbalanced * -' }),
    ]);
    const { out } = await run(['search', '--json', '--batch', file, '--limit', '2', '--db', db]);
    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown[]);
    expect(lines).toHaveLength(2);
    expect(lines[0]?.length).toBe(2);
    expect(Array.isArray(lines[1])).toBe(true);
  });

  it('ingest reports malformed records and re-ingesting does not duplicate', async () => {
    const file = writeLines(join(space.dir, 'mixed.jsonl'), [
      JSON.stringify({ id: 'T_1_Sec1', doc_id: 'T_1', focus: 'Testitis', text: 'Testitis is a made-up condition.' }),
      '{oops',
    ]);
    const first = await run(['ingest', '--db', db, file]);
    expect(first.err).toMatch(/mixed\.jsonl line 2: invalid JSON/);
    expect(first.out).toMatch(/Ingested 1 passages from 1 sources in 1 files/);
    await run(['ingest', '--db', db, file]);
    const { out } = await run(['sources', '--json', '--origin', 'medquad', '--limit', '1000', '--db', db]);
    const listing = JSON.parse(out) as { sources: Array<{ id: string; passages: number }> };
    expect(listing.sources.filter((source) => source.id === 'T_1')).toEqual([expect.objectContaining({ passages: 1 })]);
  });

  it('sources lists the knowledge base and ingested corpora', async () => {
    const { code, out } = await run(['sources', '--db', db]);
    expect(code).toBe(0);
    expect(out).toMatch(/knowledge-base: \d+/);
    expect(out).toMatch(/medquad: \d+/);
  });

  it('every command has --help, and bad usage exits 2 with a message', async () => {
    for (const command of ['ask', 'search', 'ingest', 'sources', 'kb']) {
      const { code, out } = await run([command, '--help']);
      expect(code, command).toBe(0);
      expect(out, command).toMatch(/Usage: vesalius/);
    }
    const bad = await run(['ask', '--audience', 'robot', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/robot/);
    const empty = await run(['ask', '--db', db]);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/needs a question/);
  });

  it('refuses an unreadable index path with a clear message', async () => {
    const file = join(space.dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const { code, err } = await run(['ask', '--db', join(file, 'index.sqlite'), 'gout']);
    expect(code).toBe(1);
    expect(err).toMatch(/Cannot open the index|not a directory|ENOTDIR/);
  });
});
