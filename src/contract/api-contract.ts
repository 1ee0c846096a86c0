import { z } from 'zod';
import {
  articleSummarySchema,
  audienceSchema,
  publishedArticleSchema,
  reviewerSchema,
  reviewStatusSchema,
} from './article-contract.js';
import { SOURCE_KINDS } from '../domain/source.js';
import { MAX_QUESTION_CHARS } from './question-limit.js';

/** Requests and responses of the public API; Fastify validates with them and OpenAPI is generated from them. */
const id = z.string().min(1).max(200);

/** A question to answer (or a follow-up): not empty, not only spaces, not longer than the limit. */
export const askBodySchema = z.strictObject({
  question: z.string().min(1).max(MAX_QUESTION_CHARS).regex(/\S/, 'must not be only spaces'),
  audience: audienceSchema.optional(),
});

export const idParamsSchema = z.object({ id });
export const threadParamsSchema = z.object({ threadId: id });
export const audienceQuerySchema = z.object({ audience: audienceSchema.optional() });
export const limitQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
export const exportQuerySchema = z.object({
  format: z.enum(['markdown', 'text', 'ris']).default('markdown'),
  audience: audienceSchema.optional(),
});
export const suggestQuerySchema = z.object({
  q: z.string().max(200),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

/** Every error: a code, a message that says what to do, and the field at fault when there is one. */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    /** On a conflict: the current state, so the client can reload and decide again. */
    current: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const articleListSchema = z.object({ articles: z.array(articleSummarySchema) });
export const threadSchema = z.object({ threadId: z.string(), articles: z.array(publishedArticleSchema) });

/** An indexed publication (or corpus record), with how its identifiers were checked. */
const sourceSchema = z.object({
  id: z.string(),
  kind: z.enum(SOURCE_KINDS),
  origin: z.enum(['knowledge-base', 'medquad', 'pubmedqa', 'medlineplus', 'pubmed', 'other']),
  title: z.string(),
  authors: z.array(z.string()),
  journal: z.string().optional(),
  year: z.number().int().optional(),
  volume: z.string().optional(),
  issue: z.string().optional(),
  pages: z.string().optional(),
  pmid: z.string().optional(),
  doi: z.string().optional(),
  url: z.string().optional(),
  licence: z.string().optional(),
  revised: z.string().optional(),
  verified: z.object({ on: z.string(), against: z.string() }).optional(),
});

export const passageResponseSchema = z.object({
  passage: z.object({ id: z.string(), sourceId: z.string(), section: z.string(), text: z.string(), title: z.string() }),
  source: sourceSchema.nullable(),
  /** The publications the passage cites (knowledge-base statements). */
  cites: z.array(sourceSchema),
  /** A knowledge-base statement's topic review; null when the topic was never submitted. */
  topicReview: z
    .object({ reviewStatus: reviewStatusSchema, reviewedBy: reviewerSchema.nullable() })
    .nullable()
    .optional(),
});

export const sourceResponseSchema = z.object({
  source: sourceSchema,
  passages: z.array(z.object({ id: z.string(), section: z.string(), text: z.string() })),
});

export const suggestionsSchema = z.object({
  suggestions: z.array(z.object({ topicId: z.string(), title: z.string(), specialty: z.string() })),
});

export const healthSchema = z.object({ status: z.literal('ok') });
export const readinessSchema = z.object({
  ready: z.boolean(),
  checks: z.record(z.string(), z.enum(['ok', 'unavailable'])),
  topics: z.number().int(),
  passages: z.number().int(),
  sources: z.number().int(),
});
