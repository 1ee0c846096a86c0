import type { SourceKind } from './source.js';

/**
 * A coarse, kind-derived level of evidence: A (guidelines, systematic reviews),
 * B (randomized trials), C (observational studies), D (narrative reviews, patient
 * information, anything else). It orders evidence; it does not grade a study's quality.
 */
export type EvidenceLevel = 'A' | 'B' | 'C' | 'D';

const LEVEL_BY_KIND: Record<SourceKind, EvidenceLevel> = {
  guideline: 'A',
  'systematic-review': 'A',
  'randomized-trial': 'B',
  'observational-study': 'C',
  'narrative-review': 'D',
  'patient-information': 'D',
  // Regulatory labels (FDA prescribing information, SmPC) and curated drug databases (LactMed) set doses and safety.
  'drug-label': 'A',
  'drug-database': 'A',
  'knowledge-base-topic': 'A',
  other: 'D',
};

export function evidenceLevelOf(kind: SourceKind): EvidenceLevel {
  return LEVEL_BY_KIND[kind];
}

/** 1 for the strongest level, 0.25 for the weakest: used as a ranking prior. */
export function evidenceWeight(level: EvidenceLevel): number {
  return { A: 1, B: 0.8, C: 0.55, D: 0.35 }[level];
}

export const EVIDENCE_LEVEL_LABELS: Record<EvidenceLevel, string> = {
  A: 'Guideline, drug label or systematic review',
  B: 'Randomized trial',
  C: 'Observational study',
  D: 'Review, expert opinion or patient information',
};
