import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Passage } from '../../src/domain/passage.js';
import type { Source } from '../../src/domain/source.js';
import { SqliteSearchIndex } from '../../src/indexing/sqlite/sqlite-search-index.js';
import type { IndexUnit } from '../../src/indexing/search-index.js';
import { toFtsMatch } from '../../src/indexing/to-fts-match.js';

function unit(id: string, texts: string[], origin: Source['origin'] = 'medquad'): IndexUnit {
  const source: Source = { id, kind: 'patient-information', origin, title: `Title ${id}`, authors: [] };
  const passages: Passage[] = texts.map((text, ord) => ({
    id: `${id}_${ord}`,
    sourceId: id,
    section: 'Overview',
    text,
    ord,
    citations: [id],
    answers: [],
    title: `Title ${id}`,
    keywords: '',
  }));
  return { source, passages };
}

const query = (...words: string[]) => ({ concepts: words.map((word) => ({ phrases: [word.split(' ')], weight: 1 })) });

describe('SqliteSearchIndex', () => {
  let index: SqliteSearchIndex;
  afterEach(() => index?.close());

  it('finds passages with BM25 and returns them whole', () => {
    index = new SqliteSearchIndex(':memory:');
    index.write([
      unit('a', ['Mycophenolate is first-line for NSIP.', 'Unrelated text about gout.']),
      unit('b', ['Gout flares respond to colchicine.']),
    ]);
    const hits = index.search(query('mycophenolate'), 10);
    expect(hits.map((hit) => hit.passage.id)).toEqual(['a_0']);
    expect(hits[0]?.passage).toMatchObject({ sourceId: 'a', section: 'Overview', citations: ['a'], title: 'Title a' });
    expect(index.search(query('gout'), 10)).toHaveLength(2);
  });

  it('replaces a re-ingested source instead of duplicating it', () => {
    index = new SqliteSearchIndex(':memory:');
    index.write([unit('a', ['first version one', 'first version two'])]);
    index.write([unit('a', ['second version'])]);
    expect(index.stats()).toMatchObject({ sources: 1, passages: 1 });
    expect(index.search(query('first'), 10)).toEqual([]);
    expect(index.passagesOfSource('a').map((passage) => passage.text)).toEqual(['second version']);
  });

  it('appends passages of a source seen earlier in the same run, replacing same ids', () => {
    index = new SqliteSearchIndex(':memory:');
    index.write([unit('a', ['one'])]);
    index.write([{ ...unit('a', ['ignored']), passages: [{ ...unit('a', ['two']).passages[0]!, id: 'a_9' }] }], {
      append: true,
    });
    index.write([unit('a', ['one again'])], { append: true });
    expect(
      index
        .passagesOfSource('a')
        .map((passage) => passage.text)
        .sort(),
    ).toEqual(['one again', 'two']);
  });

  it('deletes sources, prunes uncited ones, counts terms and filters by origin', () => {
    index = new SqliteSearchIndex(':memory:');
    const cited: Source = { id: 'ref:x-2020', kind: 'guideline', origin: 'knowledge-base', title: 'X', authors: [] };
    index.write([
      { ...unit('kb:t', ['asthma inhaler statement'], 'knowledge-base'), citedSources: [cited] },
      unit('m', ['asthma page']),
    ]);
    expect(index.getSources(['ref:x-2020'])).toHaveLength(1);
    expect(index.search({ ...query('asthma'), origins: ['medquad'] }, 10).map((hit) => hit.passage.id)).toEqual([
      'm_0',
    ]);
    const stats = index.termStatistics(['asthma', 'inhaler', 'zebra']);
    expect(stats.documents).toBe(2);
    expect(Object.fromEntries(stats.frequencies)).toEqual({ asthma: 2, inhaler: 1, zebra: 0 });
    index.deleteSources(['kb:t']);
    expect(index.pruneUncitedSources('knowledge-base')).toBe(1);
    expect(index.getSources(['ref:x-2020'])).toEqual([]);
  });

  it('never lets query text become FTS5 syntax (property)', () => {
    index = new SqliteSearchIndex(':memory:');
    index.write([unit('a', ['NEAR quotes "and" stars * minus - caret ^ colon : text'])]);
    const hostile = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        '"',
        '""',
        'NEAR(',
        'a NEAR/2 b',
        '*',
        '-x',
        'text:foo',
        '^start',
        'AND',
        'OR NOT',
        '(',
        ')',
        '{title}: x',
        '\u0000',
        '😀 émoji ß',
        'x'.repeat(10_000),
      ),
    );
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 8 }), (words) => {
        const q = { concepts: words.map((word) => ({ phrases: [word.split(/\s+/)], weight: 1 })) };
        expect(() => index.search(q, 5)).not.toThrow();
        const match = toFtsMatch(q);
        if (match !== null) expect(match).toMatch(/^"[\p{L}\p{N} ]+"( OR "[\p{L}\p{N} ]+")*$/u);
      }),
      { numRuns: 300 },
    );
  });
});
