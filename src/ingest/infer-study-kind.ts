import type { SourceKind } from '../domain/source.js';

/** PubMed publication types, most authoritative first. */
const PUBLICATION_TYPES: Array<[RegExp, SourceKind]> = [
  [/^(practice guideline|guideline|consensus development conference)/i, 'guideline'],
  [/^(systematic review|meta-analysis)/i, 'systematic-review'],
  [
    /^(randomized controlled trial|clinical trial, phase iii|clinical trial, phase iv|pragmatic clinical trial|equivalence trial)/i,
    'randomized-trial',
  ],
  [
    /^(observational study|multicenter study|comparative study|clinical trial|controlled clinical trial|evaluation study|validation study|twin study)/i,
    'observational-study',
  ],
  [/^(review|editorial|comment|letter|case reports)/i, 'narrative-review'],
];

export function kindFromPublicationTypes(types: string[]): SourceKind {
  for (const [pattern, kind] of PUBLICATION_TYPES) {
    if (types.some((type) => pattern.test(type.trim()))) return kind;
  }
  return 'other';
}

/** Best guess of a study's design from its abstract, when no publication type is given. */
export function kindFromAbstract(text: string): SourceKind {
  const lower = text.toLowerCase();
  if (/\bmeta-analys[ie]s\b|\bsystematic review\b/.test(lower)) return 'systematic-review';
  if (/\brandomi[sz]ed\b[^.]{0,80}\b(trial|study)\b|\brandomly (assigned|allocated)\b/.test(lower))
    return 'randomized-trial';
  if (/\b(cohort|case-control|cross-sectional|retrospective|prospective|registry|observational)\b/.test(lower))
    return 'observational-study';
  return 'other';
}
