import type { Article } from '../domain/article.js';

export interface VerificationReport {
  ok: boolean;
  problems: string[];
  bullets: number;
  citations: number;
}

/**
 * Checks the article's citations as data: every number resolves to a reference, every
 * reference is cited, every clinical bullet has a citation and evidence, references are
 * numbered in order of first use. Composition is deterministic, so a problem here is a bug.
 */
export function verifyArticle(
  article: Pick<Article, 'status' | 'bottomLine' | 'sections' | 'references'>,
): VerificationReport {
  const problems: string[] = [];
  const known = new Set(article.references.map((reference) => reference.n));
  const cited: number[] = [];
  const check = (where: string, citations: number[], needsCitation: boolean) => {
    if (needsCitation && citations.length === 0) problems.push(`${where} has no citation`);
    for (const n of citations) {
      if (!known.has(n)) problems.push(`${where} cites [${n}], which is not in the references`);
      cited.push(n);
    }
  };
  const clinical = article.status === 'answered' || article.status === 'emergency';
  check(
    'bottom line',
    article.bottomLine.citations,
    article.status === 'answered' && article.bottomLine.text.length > 0,
  );
  let bullets = 0;
  for (const section of article.sections) {
    section.bullets.forEach((bullet, index) => {
      bullets += 1;
      check(`"${section.heading}" bullet ${index + 1}`, bullet.citations, true);
      if (bullet.evidence.length === 0)
        problems.push(`"${section.heading}" bullet ${index + 1} has no evidence passage`);
    });
  }
  if (!clinical && (bullets > 0 || article.references.length > 0))
    problems.push(`a ${article.status} article carries clinical content`);
  const firstUse: number[] = [];
  for (const n of cited) if (!firstUse.includes(n)) firstUse.push(n);
  for (const reference of article.references) {
    if (!cited.includes(reference.n)) problems.push(`reference [${reference.n}] is never cited`);
  }
  firstUse.forEach((n, index) => {
    if (n !== index + 1)
      problems.push(`references are not numbered in order of first use ([${n}] is cited before [${index + 1}])`);
  });
  return { ok: problems.length === 0, problems: [...new Set(problems)], bullets, citations: cited.length };
}
