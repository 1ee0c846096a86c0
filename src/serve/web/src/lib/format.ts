import type { Reference, ReviewStatus } from './types';

/** The first three authors, then "et al." when there are more. */
export function formatAuthors(authors: string[]): string {
  const named = authors.filter((author) => author.trim() !== '' && !/^et al\.?$/i.test(author.trim()));
  const more = named.length > 3 || named.length < authors.length;
  const shown = named.slice(0, 3).join(', ');
  if (!shown) return '';
  return more ? `${shown}, et al.` : shown;
}

export const EVIDENCE_LEVEL_LABELS: Record<Reference['evidenceLevel'], string> = {
  A: 'Guideline, drug label or systematic review',
  B: 'Randomized trial',
  C: 'Observational study',
  D: 'Review, expert opinion or patient information',
};

export const REVIEW_STEPS: Array<{ status: ReviewStatus; label: string }> = [
  { status: 'submitted', label: 'Submitted' },
  { status: 'under_review', label: 'Under Review' },
  { status: 'approved', label: 'Approved' },
];

export const PENDING_REVIEW_NOTICE = 'Educational purpose only · content pending human review';

export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid)}/`;
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

/** Only web addresses are turned into links (never javascript: or data: URLs from the data). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
