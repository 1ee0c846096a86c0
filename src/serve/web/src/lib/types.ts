/**
 * The shapes the HTTP API returns, taken from the one contract the server validates and
 * serialises with (src/contract/, published as /api/openapi.json). Type-only: no zod in the bundle.
 */
import type { z } from 'zod';
import type { passageResponseSchema, suggestionsSchema } from '../../../../contract/api-contract.js';
import type {
  articleSummarySchema,
  bulletSchema,
  publishedArticleSchema,
  referenceSchema,
  sectionSchema,
} from '../../../../contract/article-contract.js';

export { AUDIENCES, isAudience } from '../../../../domain/audience.js';
export type { Audience } from '../../../../domain/audience.js';
export type { ArticleStatus } from '../../../../domain/article.js';
export type { ReviewStatus } from '../../../../domain/review-status.js';

/** An article as the API returns it: the composed article plus its identity and review. */
export type Article = z.infer<typeof publishedArticleSchema>;
export type Bullet = z.infer<typeof bulletSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type ArticleSummary = z.infer<typeof articleSummarySchema>;
export type Suggestion = z.infer<typeof suggestionsSchema>['suggestions'][number];
export type PassageResponse = z.infer<typeof passageResponseSchema>;
