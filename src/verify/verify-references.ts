import type { Source } from '../domain/source.js';

interface PubmedSummary {
  pmid: string;
  title: string;
  year: number | null;
  doi: string | null;
  journal: string;
}

/** What verification needs from PubMed; the E-utilities client implements it. */
export interface PubmedLookup {
  summaries(pmids: string[]): Promise<Map<string, PubmedSummary>>;
  search(term: string, retmax?: number): Promise<string[]>;
  citationMatch(citation: {
    journal: string;
    year: number;
    volume: string;
    firstPage: string;
    author: string;
  }): Promise<string | null>;
}

export type ReferenceVerdict =
  /** The PMID exists and its title (and year) agree. */
  | 'verified'
  /** The PMID exists but names another publication, or the year differs. */
  | 'mismatch'
  /** The given PMID or DOI is not in PubMed. */
  | 'not-found'
  /** No identifier was given; PubMed has a clear match (suggested PMID). */
  | 'match-found'
  /** No identifier and no clear match (many guidelines are not indexed in PubMed). */
  | 'unmatched'
  | 'error';

export interface ReferenceCheck {
  sourceId: string;
  title: string;
  verdict: ReferenceVerdict;
  detail: string;
  pmid?: string;
  doi?: string;
}

/** Dice similarity of two titles' word sets; 1 when they are the same words. */
export function titleSimilarity(a: string, b: string): number {
  const words = (text: string) =>
    new Set(
      text
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9 ]+/g, ' ')
        .split(/\s+/)
        .filter((word) => word.length > 1),
    );
  const left = words(a);
  const right = words(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

const SAME_TITLE = 0.85;

/**
 * Checks each knowledge-base reference against PubMed: given PMIDs must exist and name
 * the same publication; DOIs must resolve; references without identifiers are matched by
 * citation (journal, year, volume, first page, author) or by title. Failures of one
 * reference never stop the others.
 */
export async function verifyReferences(
  sources: Source[],
  lookup: PubmedLookup,
  onCheck: (check: ReferenceCheck) => void = () => {},
): Promise<ReferenceCheck[]> {
  const checks: ReferenceCheck[] = [];
  const emit = (check: ReferenceCheck) => {
    checks.push(check);
    onCheck(check);
  };
  const withPmid = sources.filter((source) => source.pmid);
  let summaries = new Map<string, PubmedSummary>();
  try {
    summaries = await lookup.summaries(withPmid.map((source) => source.pmid ?? ''));
  } catch (error) {
    for (const source of withPmid)
      emit({ sourceId: source.id, title: source.title, verdict: 'error', detail: (error as Error).message });
  }
  for (const source of sources) {
    if (source.pmid) {
      if (checks.some((check) => check.sourceId === source.id)) continue;
      const summary = summaries.get(source.pmid);
      if (!summary) {
        emit({
          sourceId: source.id,
          title: source.title,
          verdict: 'not-found',
          pmid: source.pmid,
          detail: `PMID ${source.pmid} is not in PubMed: remove or correct it.`,
        });
        continue;
      }
      const similarity = titleSimilarity(source.title, summary.title);
      const yearOff = source.year !== undefined && summary.year !== null && Math.abs(source.year - summary.year) > 1;
      if (similarity < SAME_TITLE || yearOff) {
        emit({
          sourceId: source.id,
          title: source.title,
          verdict: 'mismatch',
          pmid: source.pmid,
          detail: `PubMed has PMID ${source.pmid} as "${summary.title}" (${summary.journal}, ${summary.year ?? 'n.d.'}); title similarity ${similarity.toFixed(2)}${yearOff ? ', year differs' : ''}.`,
        });
      } else {
        emit({
          sourceId: source.id,
          title: source.title,
          verdict: 'verified',
          pmid: source.pmid,
          detail: `PMID ${source.pmid} matches (${summary.journal}, ${summary.year ?? 'n.d.'}).`,
        });
      }
      continue;
    }
    try {
      emit(await matchWithoutPmid(source, lookup));
    } catch (error) {
      emit({ sourceId: source.id, title: source.title, verdict: 'error', detail: (error as Error).message });
    }
  }
  return checks;
}

async function matchWithoutPmid(source: Source, lookup: PubmedLookup): Promise<ReferenceCheck> {
  const base = { sourceId: source.id, title: source.title };
  if (source.doi) {
    const ids = await lookup.search(`${source.doi}[doi]`, 2);
    if (ids.length === 0)
      return {
        ...base,
        verdict: 'not-found',
        doi: source.doi,
        detail: `DOI ${source.doi} is not in PubMed: check it.`,
      };
    return confirm(source, ids, lookup, `DOI ${source.doi}`);
  }
  const firstPage = source.pages?.split(/[-–]/)[0]?.trim();
  const author = source.authors[0]?.split(/\s+/)[0];
  if (source.journal && source.year && source.volume && firstPage && author) {
    const pmid = await lookup.citationMatch({
      journal: source.journal,
      year: source.year,
      volume: source.volume,
      firstPage,
      author,
    });
    if (pmid) return confirm(source, [pmid], lookup, 'citation match');
  }
  const ids = await lookup.search(
    `"${source.title.replace(/["[\]]/g, ' ').trim()}"[Title]${source.year ? ` AND ${source.year}[dp]` : ''}`,
    5,
  );
  if (ids.length === 0)
    return {
      ...base,
      verdict: 'unmatched',
      detail:
        'No PubMed record with this title (expected for many society documents); keep without an identifier or add one by hand.',
    };
  return confirm(source, ids, lookup, 'title search');
}

async function confirm(source: Source, ids: string[], lookup: PubmedLookup, how: string): Promise<ReferenceCheck> {
  const summaries = await lookup.summaries(ids);
  const best = [...summaries.values()]
    .map((summary) => ({ summary, similarity: titleSimilarity(source.title, summary.title) }))
    .sort((a, b) => b.similarity - a.similarity)[0];
  const base = { sourceId: source.id, title: source.title };
  if (!best || best.similarity < SAME_TITLE) {
    return {
      ...base,
      verdict: 'unmatched',
      detail: `${how} found ${ids.length} record(s), none with this title${best ? ` (closest: "${best.summary.title}")` : ''}.`,
    };
  }
  const check: ReferenceCheck = {
    ...base,
    verdict: 'match-found',
    pmid: best.summary.pmid,
    detail: `${how}: PubMed PMID ${best.summary.pmid} ("${best.summary.title}"); add pmid: "${best.summary.pmid}"${best.summary.doi ? ` and doi: "${best.summary.doi}"` : ''} to the reference.`,
  };
  if (best.summary.doi) check.doi = best.summary.doi;
  return check;
}
