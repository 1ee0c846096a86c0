import { createHash } from 'node:crypto';

/** Title as compared across files: lower case, letters and digits only. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The index id of a cited publication, the same in every file that cites it: the explicit
 * `id` when given, else the PMID, else the DOI, else the whole normalised title with the
 * year (a readable slug plus a hash of the full title, so two titles that share a long
 * beginning never merge).
 */
export function referenceSourceId(reference: {
  id?: string | undefined;
  pmid?: string | undefined;
  doi?: string | undefined;
  title: string;
  year: number;
}): string {
  if (reference.id) return `ref:${reference.id}`;
  if (reference.pmid) return reference.pmid;
  if (reference.doi) return `doi:${reference.doi.toLowerCase()}`;
  const normalized = normalizeTitle(reference.title);
  const slug = normalized.replace(/ /g, '-').slice(0, 60).replace(/-$/, '');
  const hash = createHash('sha256').update(`${normalized}|${reference.year}`).digest('hex').slice(0, 8);
  return `ref:${slug}-${reference.year}-${hash}`;
}
