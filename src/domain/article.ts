import type { Audience } from './audience.js';
import type { EvidenceLevel } from './evidence-level.js';
import type { QuestionType } from './question-type.js';
import type { ReviewStatus } from './review-status.js';

export const ARTICLE_STATUSES = ['answered', 'insufficient_evidence', 'out_of_scope', 'emergency'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** A statement of the article with the numbers of the references that support it. */
export interface Bullet {
  text: string;
  citations: number[];
  /** Ids of the passages the statement was taken from (the exact evidence). */
  evidence: string[];
  grade?: string;
}

export interface Section {
  heading: string;
  bullets: Bullet[];
}

export interface Reference {
  n: number;
  sourceId: string;
  title: string;
  authors: string[];
  journal: string | null;
  year: number | null;
  pmid: string | null;
  doi: string | null;
  url: string | null;
  /** Bibliographic detail, when the source gives it. */
  volume?: string;
  issue?: string;
  pages?: string;
  evidenceLevel: EvidenceLevel;
  kind: string;
}

/** What each pipeline stage did and how long it took. */
export interface StageTrace {
  stage: string;
  ms: number;
  detail?: Record<string, unknown>;
}

export interface Article {
  question: string;
  status: ArticleStatus;
  questionType: QuestionType;
  title: string;
  /** Shown before anything else when present (emergencies). */
  alert: string | null;
  /** The direct answer; `evidence` names the statements it was made of (absent on notices). */
  bottomLine: { text: string; citations: number[]; evidence?: string[] };
  sections: Section[];
  references: Reference[];
  audience: Audience;
  reviewStatus: ReviewStatus;
  /** ISO date: the newest update among the content used. */
  lastUpdated: string;
  disclaimer: string;
  topics: string[];
  trace: StageTrace[];
  /** Set when Vesalius corrected the question's spelling: what it answered ("Showing results for …"). */
  correctedQuestion?: string;
}
