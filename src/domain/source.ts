/** The kinds of publication a source can be; evidence level is derived from the kind. */
export const SOURCE_KINDS = [
  'guideline',
  'systematic-review',
  'randomized-trial',
  'observational-study',
  'narrative-review',
  'patient-information',
  'drug-label',
  'drug-database',
  'knowledge-base-topic',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Where a source came from: decides how it is re-ingested and how it is shown. */
type SourceOrigin = 'knowledge-base' | 'medquad' | 'pubmedqa' | 'medlineplus' | 'pubmed' | 'other';

interface SourceIdentifiers {
  pmid?: string;
  doi?: string;
  url?: string;
}

export interface Source extends SourceIdentifiers {
  id: string;
  kind: SourceKind;
  origin: SourceOrigin;
  title: string;
  authors: string[];
  /** Journal, or publisher for guideline documents and web pages. */
  journal?: string;
  year?: number;
  volume?: string;
  issue?: string;
  pages?: string;
  licence?: string;
  /** For labels and other revised documents: the revision date as the record shows it (YYYY-MM or YYYY-MM-DD). */
  revised?: string;
  /** How and when the identifiers were checked against a public record of this publication. */
  verified?: { on: string; against: string };
}
