/** The shapes the HTTP API returns (see /api/openapi.json). */

import type { Article as ComposedArticle } from '../../../../domain/article.js';

import type { ArticleStatus } from '../../../../domain/article.js';

export { AUDIENCES, isAudience } from '../../../../domain/audience.js';
export type { Audience } from '../../../../domain/audience.js';
export type { ArticleStatus, Bullet, Reference, Section } from '../../../../domain/article.js';
export type { ReviewStatus } from '../../../../domain/review-status.js';

interface Reviewer {
  name: string;
  credentials: string;
  date: string;
}

/** An article as the API returns it: the composed article plus its identity and review. */
export interface Article extends Omit<ComposedArticle, 'trace'> {
  id: string;
  permalink: string;
  threadId: string;
  parentId: string | null;
  createdAt: string;
  reviewedBy?: Reviewer | null;
  /** A cited source changed since the last approval. */
  needsRereview?: boolean;
  /** The approved text shown was written for another audience (this audience's wording is not yet reviewed). */
  approvedAudience?: ComposedArticle['audience'] | null;
}

export interface ArticleSummary {
  id: string;
  permalink: string;
  question: string;
  title: string;
  status: ArticleStatus;
  createdAt: string;
}

export interface Suggestion {
  topicId: string;
  title: string;
  specialty: string;
}

interface SourceInfo {
  id: string;
  title: string;
  authors?: string[];
  journal?: string | null;
  year?: number | null;
  pmid?: string | null;
  doi?: string | null;
  url?: string | null;
  kind?: string;
}

export interface PassageResponse {
  passage: { id: string; sourceId: string; section: string; text: string; title: string };
  source: SourceInfo | null;
  /** The publications the passage cites (knowledge-base statements). */
  cites?: SourceInfo[];
  /** A knowledge-base statement's topic review; null when the topic was never submitted. */
  topicReview?: {
    reviewStatus: 'submitted' | 'under_review' | 'approved';
    reviewedBy: { name: string; credentials: string; date: string } | null;
  } | null;
}
