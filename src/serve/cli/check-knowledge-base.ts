import { relative } from 'node:path';
import { readKnowledgeBase } from '../../ingest/read-knowledge-base.js';

/**
 * `vesalius kb check`: validates every topic file and prints problems, then counts per
 * specialty and per topic. Returns the exit code: 1 when any file has an error.
 */
export function checkKnowledgeBase(root: string, options: { json: boolean; out: (text: string) => void }): number {
  const knowledge = readKnowledgeBase(root);
  const problems = [
    ...knowledge.files.flatMap((file) =>
      file.problems.map((problem) => ({ file: relative(root, file.file), ...problem })),
    ),
    ...knowledge.problems.map((problem) => ({ ...problem, file: relative(root, problem.file) })),
  ];
  const errors = problems.filter((problem) => problem.severity === 'error');
  const bySpecialty = new Map<string, { topics: number; statements: number }>();
  for (const file of knowledge.files) {
    if (!file.specialty) continue;
    const entry = bySpecialty.get(file.specialty) ?? { topics: 0, statements: 0 };
    entry.topics += 1;
    entry.statements += file.statements;
    bySpecialty.set(file.specialty, entry);
  }
  const validTopics = knowledge.units.length;
  const statements = knowledge.units.reduce((sum, unit) => sum + unit.passages.length, 0);
  const references = new Set(knowledge.units.flatMap((unit) => (unit.citedSources ?? []).map((source) => source.id)))
    .size;
  if (options.json) {
    options.out(
      `${JSON.stringify({
        ok: errors.length === 0,
        topics: validTopics,
        files: knowledge.files.length,
        statements,
        references,
        specialties: Object.fromEntries([...bySpecialty.entries()].sort()),
        perTopic: knowledge.files.map((file) => ({
          file: relative(root, file.file),
          topic: file.topicId,
          specialty: file.specialty,
          statements: file.statements,
        })),
        problems,
      })}\n`,
    );
    return errors.length === 0 ? 0 : 1;
  }
  for (const problem of problems) {
    options.out(
      `${problem.severity === 'error' ? 'error' : 'warning'}: ${problem.file} ${problem.location}: ${problem.message}\n`,
    );
  }
  options.out('\nBy specialty:\n');
  for (const [specialty, entry] of [...bySpecialty.entries()].sort()) {
    options.out(
      `  ${specialty.padEnd(24)} ${String(entry.topics).padStart(3)} topics  ${String(entry.statements).padStart(5)} statements\n`,
    );
  }
  options.out('\nBy topic:\n');
  for (const file of knowledge.files) {
    options.out(
      `  ${(file.topicId ?? relative(root, file.file)).padEnd(44)} ${String(file.statements).padStart(3)} statements${file.problems.some((problem) => problem.severity === 'error') ? '  INVALID' : ''}\n`,
    );
  }
  options.out(
    `\n${validTopics} valid topics of ${knowledge.files.length} files, ${statements} statements, ${references} distinct references; ${errors.length} errors, ${problems.length - errors.length} warnings.\n`,
  );
  return errors.length === 0 ? 0 : 1;
}
