import { describe, expect, it } from 'vitest';
import { checkKnowledgeBase } from '../../src/serve/cli/check-knowledge-base.js';
import { readKnowledgeBase } from '../../src/ingest/read-knowledge-base.js';
import { KNOWLEDGE } from '../helpers.js';

describe('the built-in knowledge base', () => {
  const knowledge = readKnowledgeBase(KNOWLEDGE);

  it('validates: every topic file parses with no errors', () => {
    const problems = [
      ...knowledge.files.flatMap((file) =>
        file.problems
          .filter((problem) => problem.severity === 'error')
          .map((problem) => `${file.file} ${problem.location}: ${problem.message}`),
      ),
      ...knowledge.problems.map((problem) => problem.message),
    ];
    expect(problems).toEqual([]);
    expect(knowledge.units.length).toBe(knowledge.files.length);
  });

  it('has topics across specialties, each with depth, patient text, and review status submitted', () => {
    expect(knowledge.units.length).toBeGreaterThanOrEqual(120);
    // No warnings either: every topic has a patient summary at reading grade 8 or below.
    expect(
      knowledge.files.flatMap((file) => file.problems.map((problem) => `${file.file}: ${problem.message}`)),
    ).toEqual([]);
    for (const unit of knowledge.units) {
      expect(unit.passages.length, unit.topic?.id).toBeGreaterThanOrEqual(10);
      expect(
        unit.passages.some((passage) => passage.section === 'Patient summary'),
        unit.topic?.id,
      ).toBe(true);
      expect(unit.topic?.reviewStatus).toBe('submitted');
    }
  });

  it('prints counts per specialty and topic from `kb check`', () => {
    let output = '';
    const code = checkKnowledgeBase(KNOWLEDGE, { json: true, out: (text) => (output += text) });
    const report = JSON.parse(output) as {
      ok: boolean;
      topics: number;
      specialties: Record<string, { topics: number }>;
      journalArticles: number;
      journalArticlesVerified: number;
    };
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(Object.keys(report.specialties).length).toBeGreaterThanOrEqual(6);
    expect(Object.values(report.specialties).reduce((sum, entry) => sum + entry.topics, 0)).toBe(report.topics);
    expect(report.journalArticles).toBeGreaterThan(1000);
    expect(report.journalArticlesVerified).toBeLessThanOrEqual(report.journalArticles);
  });
});
