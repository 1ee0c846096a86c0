import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threadContextOf } from '../../src/answer-question.js';
import type { Article } from '../../src/domain/article.js';
import { isAudience } from '../../src/domain/audience.js';
import type { Vesalius } from '../../src/wiring.js';
import { gradeRealistic, type RealisticQuestion } from '../../bench/grade-realistic.js';
import { sharedPath, openVesalius, scratch } from '../helpers.js';

const DEV = sharedPath('dev/realistic-dev.jsonl');
const CORPORA = [
  sharedPath('data/medquad-corpus/passages.jsonl'),
  sharedPath('data/medlineplus-health-topics'),
  sharedPath('data/pubmedqa-corpus/pqal_contexts.jsonl'),
];
const available = existsSync(DEV) && CORPORA.every((path) => existsSync(path));

function askAll(vesalius: Vesalius, questions: RealisticQuestion[]): Map<string, Article> {
  const threads = new Map<string, Article>();
  const answers = new Map<string, Article>();
  for (const question of questions) {
    const previous = question.thread ? threads.get(question.thread) : undefined;
    const article = vesalius.ask(
      question.question,
      isAudience(question.audience) ? question.audience : undefined,
      previous ? threadContextOf(previous) : null,
    );
    if (question.thread) threads.set(question.thread, article);
    answers.set(question.id, article);
  }
  return answers;
}

function grade(question: RealisticQuestion, article: Article) {
  const graded = gradeRealistic(question, article);
  return { status: article.status, must: graded.must, bottomLine: graded.bottomLine, wrong: graded.wrong.length };
}

// Ingesting the bundled corpora (MedQuAD, MedlinePlus, PubMedQA) must never make an answer worse:
// the literature is added as study findings in its own place, never instead of the knowledge base.
describe.skipIf(!available)('ingesting the bundled corpora (needs ../shared)', () => {
  const space = scratch();
  let before: Map<string, Article>;
  let after: Map<string, Article>;
  const questions: RealisticQuestion[] = available
    ? readFileSync(DEV, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as RealisticQuestion)
    : [];

  beforeAll(async () => {
    const vesalius = openVesalius(space.dir);
    before = askAll(vesalius, questions);
    await vesalius.ingest(CORPORA);
    after = askAll(vesalius, questions);
    vesalius.close();
  }, 300_000);
  afterAll(() => space.cleanup());

  it('changes no realistic-dev answer for the worse', () => {
    const worse = questions.flatMap((question) => {
      const old = grade(question, before.get(question.id)!);
      const now = grade(question, after.get(question.id)!);
      const problems = [];
      if (now.status !== old.status) problems.push(`status ${old.status} → ${now.status}`);
      if (now.must < old.must) problems.push(`must ${old.must} → ${now.must}`);
      if (old.bottomLine && !now.bottomLine) problems.push('bottom line lost its answer');
      if (now.wrong > old.wrong) problems.push('wrong-answer marker added');
      return problems.length > 0 ? [`${question.id}: ${problems.join(', ')}`] : [];
    });
    expect(worse).toEqual([]);
  });

  it('shows literature only as complete study findings, never as section labels or fragments', () => {
    for (const article of after.values()) {
      for (const section of article.sections) {
        for (const bullet of section.bullets) {
          expect(bullet.text).not.toMatch(/^(objective|background|methods?|results?|conclusions?)\s*:/i);
          expect(bullet.text).toMatch(/[.!?)]$/);
        }
      }
      for (const reference of article.references) expect(reference.title).not.toMatch(/^[.\s]/);
    }
  });
});
