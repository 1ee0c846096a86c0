import type { Article } from '../domain/article.js';

export interface VersionDiffLine {
  change: 'added' | 'removed' | 'unchanged';
  section: string;
  text: string;
}

/** A statement-level diff of two versions of an article: what a reviewer needs to see. */
export function diffVersions(before: Article, after: Article): VersionDiffLine[] {
  const lines = (article: Article) => [
    { section: 'Bottom line', text: article.bottomLine.text },
    ...article.sections.flatMap((section) =>
      section.bullets.map((bullet) => ({ section: section.heading, text: bullet.text })),
    ),
    ...article.references.map((reference) => ({
      section: 'References',
      text: `${reference.title} (${reference.year ?? 'n.d.'})`,
    })),
  ];
  const key = (line: { section: string; text: string }) => `${line.section}\u0000${line.text}`;
  const old = lines(before);
  const next = lines(after);
  const oldKeys = new Set(old.map(key));
  const nextKeys = new Set(next.map(key));
  const result: VersionDiffLine[] = [];
  for (const line of next) result.push({ change: oldKeys.has(key(line)) ? 'unchanged' : 'added', ...line });
  for (const line of old) if (!nextKeys.has(key(line))) result.push({ change: 'removed', ...line });
  return result;
}
