/**
 * The development clinical questions: status, every `must` concept, emergency-first and
 * readability, per question, on the built-in knowledge base. Usage: npm run eval:clinical
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load-config.js';
import type { Article } from '../src/domain/article.js';
import type { Audience } from '../src/domain/audience.js';
import { readingGrade } from '../src/text/reading-grade.js';
import { createVesalius } from '../src/wiring.js';
import { scratchDir, sharedDir } from './shared-paths.js';

interface ClinicalQuestion {
  id: string;
  question: string;
  must: string[][];
  audience?: Audience;
  triage?: boolean;
  expect_no_answer?: boolean;
  readability_max_grade?: number;
}

function prose(article: Article): string {
  return [
    article.alert ?? '',
    article.title,
    article.bottomLine.text,
    ...article.sections.flatMap((section) => [section.heading, ...section.bullets.map((bullet) => bullet.text)]),
  ].join('\n');
}

const file = process.argv[2] ?? join(sharedDir(), 'dev/clinical-questions-dev.jsonl');
const questions = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as ClinicalQuestion);
const dbPath = join(scratchDir(), 'eval-clinical.sqlite');
rmSync(dbPath, { force: true });
const vesalius = createVesalius(loadConfig({ dbPath }, {}));
let passed = 0;
let conceptsFound = 0;
let conceptsTotal = 0;
for (const question of questions) {
  const article = vesalius.ask(question.question, question.audience ?? 'physician');
  const text = prose(article).toLowerCase();
  const expected = question.expect_no_answer ? 'out_of_scope' : question.triage ? 'emergency' : 'answered';
  const missing = question.must.filter((group) => !group.some((term) => text.includes(term.toLowerCase())));
  const grade = readingGrade(
    [
      article.bottomLine.text,
      ...article.sections.flatMap((section) => section.bullets.map((bullet) => bullet.text)),
    ].join(' '),
  );
  const readable = question.readability_max_grade === undefined || grade <= question.readability_max_grade;
  const emergencyFirst = !question.triage || text.startsWith((article.alert ?? '-').toLowerCase());
  const noContent = !question.expect_no_answer || (article.sections.length === 0 && article.references.length === 0);
  const ok = article.status === expected && missing.length === 0 && readable && emergencyFirst && noContent;
  passed += ok ? 1 : 0;
  conceptsTotal += question.must.length;
  conceptsFound += question.must.length - missing.length;
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${question.id.padEnd(24)} status ${article.status.padEnd(22)} concepts ${question.must.length - missing.length}/${question.must.length}${missing.length ? ` missing ${JSON.stringify(missing)}` : ''}${question.readability_max_grade !== undefined ? ` grade ${grade.toFixed(1)}≤${question.readability_max_grade}` : ''}  ${article.sections.length} sections, ${article.references.length} refs`,
  );
}
vesalius.close();
console.log(
  `\n${passed}/${questions.length} questions pass; ${conceptsFound}/${conceptsTotal} required concepts present.`,
);
