import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJsonlCorpus } from '../../src/ingest/read-jsonl-corpus.js';
import { sharedPath, readAll, scratch, writeLines } from '../helpers.js';

function firstLines(path: string, count: number): string[] {
  return readFileSync(path, 'utf8').split('\n').slice(0, count);
}

const read = (file: string) => readAll(readJsonlCorpus, file);

describe('readJsonlCorpus', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('reads real MedQuAD passages, keeps their ids, reports malformed lines and goes on', async () => {
    const space = scratch();
    cleanup = space.cleanup;
    const lines = firstLines(sharedPath('data/medquad-corpus/passages.jsonl'), 20);
    const file = writeLines(join(space.dir, 'passages.jsonl'), [
      ...lines.slice(0, 5),
      '{"id": "broken',
      '{"doc_id": "X_1", "id": "X_1_Sec1", "text": ""}',
      '[1,2]',
      ...lines.slice(5),
    ]);
    const { units, issues } = await read(file);
    expect(units).toHaveLength(20);
    const first = JSON.parse(lines[0] ?? '{}') as { id: string; doc_id: string; focus: string };
    expect(units[0]?.passages[0]?.id).toBe(first.id);
    expect(units[0]?.source.id).toBe(first.doc_id);
    expect(units[0]?.source.kind).toBe('patient-information');
    expect(units[0]?.passages[0]?.title).toBe(first.focus);
    expect(issues.map((issue) => issue.location)).toEqual(['line 6', 'line 7', 'line 8']);
    expect(issues[0]?.reason).toMatch(/invalid JSON/);
    expect(issues[1]?.reason).toMatch(/text/);
    expect(issues[2]?.reason).toMatch(/JSON object/);
  });

  it('infers what a MedQuAD passage answers and splits a leading question heading', async () => {
    const space = scratch();
    cleanup = space.cleanup;
    const all = readFileSync(sharedPath('data/medquad-corpus/passages.jsonl'), 'utf8').split('\n');
    const inherited = all.find((line) => line.includes('"GARD_') && line.includes('inherited?'));
    expect(inherited).toBeDefined();
    const { units } = await read(writeLines(join(space.dir, 'gard.jsonl'), [inherited ?? '']));
    const passage = units[0]?.passages[0];
    expect(passage?.section).toMatch(/inherited\?$/);
    expect(passage?.answers[0]).toBe('inheritance');
    expect(passage?.text.startsWith('How')).toBe(false);
  });

  it('reads PubMedQA abstracts keyed by PMID, tolerating a null year', async () => {
    const space = scratch();
    cleanup = space.cleanup;
    const lines = firstLines(sharedPath('data/pubmedqa-corpus/pqal_contexts.jsonl'), 10);
    const file = writeLines(join(space.dir, 'pqal.jsonl'), [
      ...lines,
      '{"pmid": "12x", "sections": [{"label": "A", "text": "b"}]}',
      '{"pmid": "123", "year": null, "sections": [{"label": "RESULTS", "text": "It worked."}]}',
    ]);
    const { units, issues } = await read(file);
    expect(units).toHaveLength(11);
    const first = JSON.parse(lines[0] ?? '{}') as { pmid: string };
    expect(units[0]?.passages[0]?.id).toBe(first.pmid);
    expect(units[0]?.source.pmid).toBe(first.pmid);
    expect(units[10]?.source.year).toBeUndefined();
    expect(units[10]?.passages[0]?.text).toBe('Results: It worked.');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.reason).toMatch(/pmid must be digits/);
  });

  it('reads MedlinePlus topics as plain text with no markup left', async () => {
    const space = scratch();
    cleanup = space.cleanup;
    const lines = firstLines(sharedPath('data/medlineplus-health-topics/health_topics_2024-06-06.jsonl'), 5);
    const hostile = JSON.stringify({
      url: 'https://medlineplus.gov/x.html',
      title: 'X',
      full_summary_html: '<p>Safe text.</p><script>alert(1)</script><img src=x onerror=alert(2)>',
    });
    const { units, issues } = await read(
      writeLines(join(space.dir, 'health_topics_2024-06-06.jsonl'), [...lines, hostile]),
    );
    expect(issues).toEqual([]);
    expect(units).toHaveLength(6);
    expect(units[0]?.source.id).toBe('medlineplus:a1c');
    expect(units[0]?.source.year).toBe(2024);
    expect(units[0]?.passages[0]?.text).toMatch(/A1C is a blood test/);
    for (const unit of units) expect(unit.passages[0]?.text).not.toMatch(/<[a-z]/i);
    expect(units[5]?.passages[0]?.text).toBe('Safe text.');
  });

  it('reports a record of no known shape', async () => {
    const space = scratch();
    cleanup = space.cleanup;
    const { units, issues } = await read(writeLines(join(space.dir, 'odd.jsonl'), ['{"hello": "world"}']));
    expect(units).toEqual([]);
    expect(issues[0]?.reason).toMatch(/unrecognised record/);
  });
});
