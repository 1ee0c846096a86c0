/**
 * Does the article answer the question that was asked? The realistic development questions
 * (../shared/dev/realistic-dev.jsonl), through the CLI as a user runs it (`vesalius ask --json
 * --batch`, threads as follow-ups), on a fresh index with the built-in knowledge base, and again
 * after `vesalius ingest` of the bundled corpora. Prints status, must-concept coverage, direct
 * answers in the bottom line, wrong-answer markers and threads kept on topic, and per-question
 * misses with --verbose. Usage: npm run eval:realistic [-- FILE] [-- --verbose]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gradeRealistic, type RealisticQuestion } from './grade-realistic.js';
import { ROOT, scratchDir, sharedDir } from './shared-paths.js';

interface ArticleJson {
  status: string;
  title: string;
  bottomLine: { text: string; citations: number[] };
  sections: Array<{ bullets: Array<{ text: string; citations: number[] }> }>;
  references: Array<{ n: number }>;
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const file = args.find((arg) => !arg.startsWith('--')) ?? join(sharedDir(), 'dev/realistic-dev.jsonl');
const questions = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as RealisticQuestion);
const cli = (argv: string[]) =>
  execFileSync('node', [join(ROOT, 'bin/vesalius.js'), ...argv], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

function run(dbPath: string): ArticleJson[] {
  // Threads are asked in order, each as a follow-up of the one before.
  const order = questions
    .map((question, index) => ({ question, index }))
    .sort(
      (a, b) =>
        (a.question.thread ?? `~${a.index}`).localeCompare(b.question.thread ?? `~${b.index}`) ||
        (a.question.turn ?? 0) - (b.question.turn ?? 0),
    );
  const batch = join(scratchDir(), 'realistic-batch.jsonl');
  writeFileSync(
    batch,
    `${order.map(({ question }) => JSON.stringify({ question: question.question, audience: question.audience ?? 'physician', ...(question.thread ? { thread: question.thread } : {}) })).join('\n')}\n`,
  );
  const lines = cli(['ask', '--json', '--db', dbPath, '--batch', batch]).split('\n').filter(Boolean);
  const articles = new Array<ArticleJson>(questions.length);
  order.forEach(({ index }, position) => {
    articles[index] = JSON.parse(lines[position] ?? '{}') as ArticleJson;
  });
  return articles;
}

function score(articles: ArticleJson[]) {
  let statusOk = 0;
  let bottomHit = 0;
  let bottomTotal = 0;
  let wrong = 0;
  const coverage: number[] = [];
  const threads = new Map<string, boolean>();
  const misses: string[] = [];
  questions.forEach((question, index) => {
    const article = articles[index];
    if (!article) return;
    const grade = gradeRealistic(question, article);
    let good = grade.statusOk;
    if (good) statusOk += 1;
    else misses.push(`${question.id}: status ${article.status} (want ${question.status})`);
    if ((question.status === 'answered' || question.status === 'emergency') && question.must.length > 0) {
      coverage.push(grade.must / question.must.length);
      if (grade.must < question.must.length) misses.push(`${question.id}: must ${grade.must}/${question.must.length}`);
      good &&= grade.must / question.must.length >= 0.5;
    }
    if (question.status === 'answered' && question.bottom_line_must.length > 0) {
      bottomTotal += 1;
      if (grade.bottomLine) bottomHit += 1;
      else misses.push(`${question.id}: bottom line does not answer`);
    }
    for (const group of grade.wrong) {
      wrong += 1;
      good = false;
      misses.push(`${question.id}: wrong-answer marker "${group[0]}"`);
    }
    if (question.thread) threads.set(question.thread, (threads.get(question.thread) ?? true) && good);
  });
  const mean = coverage.reduce((sum, value) => sum + value, 0) / Math.max(coverage.length, 1);
  return {
    line: `status ${statusOk}/${questions.length} · must coverage ${mean.toFixed(3)} · bottom line answers ${bottomHit}/${bottomTotal} (${((100 * bottomHit) / Math.max(bottomTotal, 1)).toFixed(0)}%) · wrong-answer markers ${wrong} · threads on topic ${[...threads.values()].filter(Boolean).length}/${threads.size}`,
    misses,
  };
}

const dbPath = join(scratchDir(), 'eval-realistic.sqlite');
for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
const before = score(run(dbPath));
console.log(`${questions.length} realistic questions, through the CLI\n  knowledge base only:      ${before.line}`);
if (verbose) for (const miss of before.misses) console.log(`    ${miss}`);
const shared = sharedDir();
cli([
  'ingest',
  '--db',
  dbPath,
  join(shared, 'data/medquad-corpus/passages.jsonl'),
  join(shared, 'data/medlineplus-health-topics'),
  join(shared, 'data/pubmedqa-corpus/pqal_contexts.jsonl'),
]);
const after = score(run(dbPath));
console.log(`  + MedQuAD, MedlinePlus, PubMedQA: ${after.line}`);
if (verbose) for (const miss of after.misses) console.log(`    ${miss}`);
