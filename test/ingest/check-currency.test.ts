import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/domain/source.js';
import type { Topic } from '../../src/domain/topic.js';
import type { IndexUnit } from '../../src/indexing/search-index.js';
import { checkCurrency } from '../../src/ingest/check-currency.js';
import { builtInRules } from '../helpers.js';

const rules = await builtInRules();
const today = new Date('2026-12-06T00:00:00Z');

const guideline = (id: string, title: string, year: number): Source => ({
  id,
  kind: 'guideline',
  origin: 'knowledge-base',
  title,
  authors: [],
  year,
});
const unit = (file: string, sources: Source[], sourcesChecked?: string): IndexUnit => {
  const topic: Topic = {
    id: file,
    kind: 'condition',
    title: file,
    specialty: 'endocrinology',
    synonyms: [],
    questionTypes: ['treatment'],
    reviewStatus: 'submitted',
    updated: '2026-12-06',
    file,
    ...(sourcesChecked ? { sourcesChecked } : {}),
  };
  return { source: guideline(`kb:${file}`, file, 2026), passages: [], citedSources: sources, topic };
};

describe('checkCurrency', () => {
  it('warns about a superseded guideline, an old edition of an annual series and guidelines past the set age', () => {
    const report = checkCurrency(
      [
        unit('dka.md', [guideline('a', 'Hyperglycemic crises in adult patients with diabetes', 2009)]),
        unit('diabetes.md', [
          guideline('b', '9. Pharmacologic Approaches to Glycemic Treatment: Standards of Care in Diabetes-2025', 2025),
          guideline('c', 'Standards of Care in Diabetes-2026', 2026),
        ]),
        unit(
          'old.md',
          [guideline('d', 'A guideline nobody updated', 2012), guideline('e', 'A recent one', 2024)],
          '2026-11-01',
        ),
      ],
      rules.source.currency,
      today,
    );
    const messages = report.problems.map((problem) => `${problem.file}: ${problem.message}`);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(
      /^dka\.md: a newer guideline replaces it: Hyperglycemic crises in adults with diabetes/,
    );
    expect(messages[1]).toMatch(/^diabetes\.md: .*2025 edition; check the 2026 edition/);
    expect(messages[2]).toMatch(
      /^old\.md: 1 cited guideline is more than 10 years old.*A guideline nobody updated \(2012\)/,
    );
    expect(report.problems.every((problem) => problem.severity === 'warning')).toBe(true);
    expect(report.guidelinesByAge).toEqual({ 'up to 5 years': 3, '6-10 years': 0, 'over 10 years': 2 });
    expect(report.topicsBySourcesChecked).toEqual({ never: 2, 'within 1 year': 1, '1-2 years': 0, 'over 2 years': 0 });
  });
});
