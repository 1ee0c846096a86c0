import type { IndexUnit } from '../indexing/search-index.js';
import type { TopicProblem } from './parse-topic-file.js';
import { normalizeTitle } from './reference-source-id.js';

/**
 * Two different publications must never share one index id, and one publication should
 * not appear under two ids. Errors: one id with two different titles (a wrong PMID, DOI
 * or explicit id). Warnings: near-identical titles under different ids.
 */
export function checkReferenceIdentity(units: IndexUnit[]): Array<TopicProblem & { file: string }> {
  const problems: Array<TopicProblem & { file: string }> = [];
  const byId = new Map<string, { title: string; file: string }>();
  const byTitle = new Map<string, { id: string; file: string }>();
  for (const unit of units) {
    const file = unit.topic?.file ?? unit.source.id;
    for (const source of unit.citedSources ?? []) {
      const title = normalizeTitle(source.title);
      const earlier = byId.get(source.id);
      if (earlier && earlier.title !== title) {
        problems.push({
          file,
          severity: 'error',
          location: 'front matter: references',
          message: `"${source.title}" has the same identity (${source.id}) as a different title in ${earlier.file}: check the PMID, DOI or id of one of them`,
        });
      } else if (!earlier) byId.set(source.id, { title, file });
      const key = nearKey(title, source.year);
      const sameTitle = byTitle.get(key);
      if (sameTitle && sameTitle.id !== source.id) {
        problems.push({
          file,
          severity: 'warning',
          location: 'front matter: references',
          message: `"${source.title}" looks like the publication cited as ${sameTitle.id} in ${sameTitle.file}: give both the same PMID, DOI or id, or tell them apart`,
        });
      } else if (!sameTitle) byTitle.set(key, { id: source.id, file });
    }
  }
  return problems;
}

/** Titles that differ only in punctuation, case, articles or a trailing subtitle fragment. */
function nearKey(title: string, year: number | undefined): string {
  const words = title
    .split(' ')
    .filter((word) => !['a', 'an', 'the', 'and', 'of', 'in', 'for', 'on', 'with'].includes(word));
  return `${words.join(' ')}|${year ?? ''}`;
}
