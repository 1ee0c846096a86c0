import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/domain/source.js';
import type { IndexUnit } from '../../src/indexing/search-index.js';
import { checkReferenceIdentity } from '../../src/ingest/check-reference-identity.js';

function unit(file: string, cited: Array<Partial<Source> & { id: string; title: string }>): IndexUnit {
  return {
    source: { id: `kb:${file}`, kind: 'knowledge-base-topic', origin: 'knowledge-base', title: file, authors: [] },
    passages: [],
    citedSources: cited.map((source) => ({
      kind: 'guideline',
      origin: 'knowledge-base',
      authors: [],
      year: 2020,
      ...source,
    })),
    topic: {
      id: file,
      kind: 'condition',
      title: file,
      specialty: 'cardiology',
      synonyms: [],
      questionTypes: ['treatment'],
      reviewStatus: 'submitted',
      updated: '2026-01-01',
      file,
    },
  };
}

describe('checkReferenceIdentity', () => {
  it('fails when two different titles share one identity (a wrong PMID)', () => {
    const problems = checkReferenceIdentity([
      unit('a.md', [{ id: '123', title: 'Apixaban versus warfarin in atrial fibrillation' }]),
      unit('b.md', [{ id: '123', title: 'Rivaroxaban versus warfarin in nonvalvular atrial fibrillation' }]),
    ]);
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', file: 'b.md' })]);
  });

  it('accepts the same publication cited by two files, and warns on near-identical titles under two identities', () => {
    expect(
      checkReferenceIdentity([
        unit('a.md', [{ id: '123', title: 'Apixaban versus Warfarin in Atrial Fibrillation' }]),
        unit('b.md', [{ id: '123', title: 'Apixaban versus warfarin in atrial fibrillation.' }]),
      ]),
    ).toEqual([]);
    const problems = checkReferenceIdentity([
      unit('a.md', [{ id: '123', title: 'Apixaban versus warfarin in atrial fibrillation' }]),
      unit('b.md', [{ id: 'ref:x', title: 'Apixaban versus warfarin in the atrial fibrillation' }]),
    ]);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });
});
