import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkCurrency } from '../../ingest/check-currency.js';
import { readClinicalRules } from '../../ingest/read-clinical-rules.js';
import { readKnowledgeBase } from '../../ingest/read-knowledge-base.js';

/**
 * `vesalius kb check`: validates every topic file and prints problems, then counts per
 * specialty, kind and topic. Returns the exit code: 1 when any file has an error, 2 when
 * the folder does not exist. With `files`, reports only those files (the whole folder is
 * still read, so cross-file checks such as reference identity still apply).
 */
export function checkKnowledgeBase(
  root: string,
  options: { json: boolean; out: (text: string) => void; files?: string[]; today?: Date },
): number {
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    options.out(
      `error: ${root} is not a folder: pass the knowledge-base folder, or leave it out for the built-in one\n`,
    );
    return 2;
  }
  const full = readKnowledgeBase(root);
  const only = options.files ? new Set(options.files.map((file) => resolve(file))) : null;
  const wanted = (file: string) => only === null || only.has(resolve(file));
  const files = full.files.filter((file) => wanted(file.file));
  const units = full.units.filter((unit) => wanted(unit.topic?.file ?? ''));
  // The clinical rules (knowledge/rules/*.yaml) are checked with the topics: they are reviewed data too.
  const rulesReport = readClinicalRules(root);
  const rules = only === null ? rulesReport.problems : [];
  // Whether the cited guidelines are current (knowledge/rules/currency.yaml).
  const currency = rulesReport.rules
    ? checkCurrency(units, rulesReport.rules.currency, options.today ?? new Date())
    : { problems: [], guidelinesByAge: {}, topicsBySourcesChecked: {} };
  const problems = [
    ...rules.map((problem) => ({ ...problem, file: relative(root, problem.file) })),
    ...currency.problems.map((problem) => ({ ...problem, file: relative(root, problem.file) })),
    ...files.flatMap((file) => file.problems.map((problem) => ({ file: relative(root, file.file), ...problem }))),
    ...full.problems
      .filter((problem) => wanted(problem.file))
      .map((problem) => ({ ...problem, file: relative(root, problem.file) })),
  ];
  const errors = problems.filter((problem) => problem.severity === 'error');
  const bySpecialty = new Map<string, { topics: number; statements: number }>();
  const byKind = new Map<string, { topics: number; statements: number }>();
  for (const unit of units) {
    const topic = unit.topic;
    if (!topic) continue;
    for (const [map, key] of [
      [bySpecialty, topic.specialty],
      [byKind, topic.kind],
    ] as const) {
      const entry = map.get(key) ?? { topics: 0, statements: 0 };
      entry.topics += 1;
      entry.statements += unit.passages.length;
      map.set(key, entry);
    }
  }
  const statements = units.reduce((sum, unit) => sum + unit.passages.length, 0);
  const cited = new Map(
    units.flatMap((unit) => (unit.citedSources ?? []).map((source) => [source.id, source] as const)),
  );
  const withIdentifier = [...cited.values()].filter((source) => source.pmid || source.doi || source.url).length;
  const verified = [...cited.values()].filter((source) => source.verified).length;
  // Journal articles: references printed in a periodical (volume or pages), labels and drug databases aside.
  const articles = [...cited.values()].filter(
    (source) => (source.volume || source.pages) && source.kind !== 'drug-label' && source.kind !== 'drug-database',
  );
  const articlesVerified = articles.filter((source) => source.verified && (source.pmid || source.doi)).length;
  const summary = `${units.length} valid topics of ${files.length} files, ${statements} statements, ${cited.size} distinct references (${withIdentifier} with an identifier or URL, ${verified} verified; ${articlesVerified} of ${articles.length} journal articles with a verified PMID or DOI); ${errors.length} errors, ${problems.length - errors.length} warnings.`;
  if (options.json) {
    options.out(
      `${JSON.stringify({
        ok: errors.length === 0,
        topics: units.length,
        files: files.length,
        statements,
        references: cited.size,
        referencesWithIdentifier: withIdentifier,
        referencesVerified: verified,
        journalArticles: articles.length,
        journalArticlesVerified: articlesVerified,
        kinds: Object.fromEntries([...byKind.entries()].sort()),
        specialties: Object.fromEntries([...bySpecialty.entries()].sort()),
        guidelinesByAge: currency.guidelinesByAge,
        topicsBySourcesChecked: currency.topicsBySourcesChecked,
        perTopic: files.map((file) => ({
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
  const table = (title: string, map: Map<string, { topics: number; statements: number }>) => {
    options.out(`\n${title}:\n`);
    for (const [key, entry] of [...map.entries()].sort()) {
      options.out(
        `  ${key.padEnd(24)} ${String(entry.topics).padStart(3)} topics  ${String(entry.statements).padStart(5)} statements\n`,
      );
    }
  };
  table('By kind', byKind);
  table('By specialty', bySpecialty);
  const counts = (title: string, record: Record<string, number>) =>
    options.out(
      `\n${title}: ${Object.entries(record)
        .map(([band, count]) => `${band} ${count}`)
        .join(' · ')}\n`,
    );
  counts('Cited guidelines by age', currency.guidelinesByAge);
  counts('Topics by when their sources were last checked', currency.topicsBySourcesChecked);
  options.out('\nBy topic:\n');
  for (const file of files) {
    const invalid = file.problems.some((problem) => problem.severity === 'error');
    options.out(
      `  ${(file.topicId ?? relative(root, file.file)).padEnd(44)} ${String(file.statements).padStart(3)} statements${invalid ? '  INVALID' : ''}\n`,
    );
  }
  options.out(`\n${summary}\n`);
  return errors.length === 0 ? 0 : 1;
}
