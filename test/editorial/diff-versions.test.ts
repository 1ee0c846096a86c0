import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.js';
import { diffVersions } from '../../src/editorial/diff-versions.js';

const version = (bottomLine: string, bullets: string[]): Article => ({
  question: 'q',
  status: 'answered',
  questionType: 'treatment',
  title: 't',
  alert: null,
  bottomLine: { text: bottomLine, citations: [] },
  sections: [{ heading: 'Dosing', bullets: bullets.map((text) => ({ text, citations: [], evidence: [] })) }],
  references: [],
  audience: 'physician',
  reviewStatus: 'submitted',
  lastUpdated: '2026-12-06',
  disclaimer: '',
  topics: [],
  trace: [],
});

describe('diffVersions', () => {
  it('lists changes in document order, with an edited statement word by word', () => {
    const before = version('Give colchicine.', ['Start 0.5 mg twice daily.', 'Avoid in severe CKD.', 'Ice helps.']);
    const after = version('Give colchicine.', ['Start 0.5 mg once daily.', 'Ice helps.', 'Rest the joint.']);
    const diff = diffVersions(before, after);
    expect(diff.map((line) => [line.change, line.text])).toEqual([
      ['unchanged', 'Give colchicine.'],
      ['changed', 'Start 0.5 mg once daily.'],
      ['removed', 'Avoid in severe CKD.'],
      ['unchanged', 'Ice helps.'],
      ['added', 'Rest the joint.'],
    ]);
    const words = diff[1]?.words ?? [];
    expect(words.filter((word) => word.change === 'removed').map((word) => word.text.trim())).toEqual(['twice']);
    expect(words.filter((word) => word.change === 'added').map((word) => word.text.trim())).toEqual(['once']);
  });
});
