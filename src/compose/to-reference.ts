import type { Reference } from '../domain/article.js';
import { evidenceLevelOf } from '../domain/evidence-level.js';
import type { Source } from '../domain/source.js';

/** The article's reference for a cited source: the one place a source becomes a reference. */
function toReference(n: number, id: string, source: Source | undefined): Reference {
  const kind = source?.kind ?? 'other';
  return {
    n,
    sourceId: id,
    title: source?.title ?? id,
    authors: source?.authors ?? [],
    journal: source?.journal ?? null,
    year: source?.year ?? null,
    pmid: source?.pmid ?? null,
    doi: source?.doi ?? null,
    url:
      source?.url ??
      (source?.pmid
        ? `https://pubmed.ncbi.nlm.nih.gov/${source.pmid}/`
        : source?.doi
          ? `https://doi.org/${source.doi}`
          : null),
    ...(source?.volume ? { volume: source.volume } : {}),
    ...(source?.issue ? { issue: source.issue } : {}),
    ...(source?.pages ? { pages: source.pages } : {}),
    evidenceLevel: evidenceLevelOf(kind),
    kind,
  };
}

/** Numbers sources in order of first citation. */
export class CitationNumbering {
  private readonly numbers = new Map<string, number>();

  number(ids: string[]): number[] {
    const numbers = ids.map((id) => {
      let n = this.numbers.get(id);
      if (n === undefined) {
        n = this.numbers.size + 1;
        this.numbers.set(id, n);
      }
      return n;
    });
    return [...new Set(numbers)].sort((a, b) => a - b);
  }

  references(sources: Map<string, Source>): Reference[] {
    return [...this.numbers.entries()].map(([id, n]) => toReference(n, id, sources.get(id)));
  }
}
