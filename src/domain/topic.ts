import type { QuestionType } from './question-type.js';
import type { ReviewStatus } from './review-status.js';

/** A knowledge-base topic: the digest a set of statements belongs to. */
export interface Topic {
  id: string;
  title: string;
  specialty: string;
  synonyms: string[];
  questionTypes: QuestionType[];
  reviewStatus: ReviewStatus;
  /** ISO date (YYYY-MM-DD) of the last content change. */
  updated: string;
  file: string;
}
