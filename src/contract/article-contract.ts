import { z } from 'zod';
import { ARTICLE_STATUSES } from '../domain/article.js';
import { AUDIENCES } from '../domain/audience.js';
import { QUESTION_TYPES } from '../domain/question-type.js';
import { REVIEW_STATUSES } from '../domain/review-status.js';

/**
 * The article as the API returns it, once: the routes' responses are typed by these schemas,
 * /api/openapi.json is generated from them, and the web app and tests take their types from them.
 */
export const audienceSchema = z.enum(AUDIENCES);
export const reviewStatusSchema = z.enum(REVIEW_STATUSES);
const citations = z.array(z.number().int());

export const bulletSchema = z.object({
  text: z.string(),
  citations,
  /** Ids of the passages the statement was taken from (the exact evidence). */
  evidence: z.array(z.string()),
  grade: z.string().optional(),
});

export const sectionSchema = z.object({ heading: z.string(), bullets: z.array(bulletSchema) });

export const referenceSchema = z.object({
  n: z.number().int(),
  sourceId: z.string(),
  title: z.string(),
  authors: z.array(z.string()),
  journal: z.string().nullable(),
  year: z.number().int().nullable(),
  pmid: z.string().nullable(),
  doi: z.string().nullable(),
  url: z.string().nullable(),
  volume: z.string().optional(),
  issue: z.string().optional(),
  pages: z.string().optional(),
  evidenceLevel: z.enum(['A', 'B', 'C', 'D']),
  kind: z.string(),
});

export const reviewerSchema = z.object({ name: z.string(), credentials: z.string(), date: z.string() });

/** What `vesalius ask --json` prints: the composed article. */
export const articleSchema = z.object({
  question: z.string(),
  status: z.enum(ARTICLE_STATUSES),
  questionType: z.enum(QUESTION_TYPES),
  title: z.string(),
  /** Shown before anything else when present (emergencies). */
  alert: z.string().nullable(),
  bottomLine: z.object({ text: z.string(), citations, evidence: z.array(z.string()).optional() }),
  sections: z.array(sectionSchema),
  references: z.array(referenceSchema),
  audience: audienceSchema,
  reviewStatus: reviewStatusSchema,
  /** ISO date: the newest update among the content used (or the approval behind what is shown). */
  lastUpdated: z.string(),
  disclaimer: z.string(),
  topics: z.array(z.string()),
  /** What each pipeline stage did and how long it took. */
  trace: z.array(z.object({ stage: z.string(), ms: z.number(), detail: z.record(z.string(), z.unknown()).optional() })),
  /** Set when the question's spelling was corrected: what was answered. */
  correctedQuestion: z.string().optional(),
});

/** An article kept by the server: the composed article, its identity, thread and review. */
export const publishedArticleSchema = articleSchema.extend({
  id: z.string(),
  permalink: z.string(),
  threadId: z.string(),
  parentId: z.string().nullable(),
  createdAt: z.string(),
  /** Who approved what is shown (absent or null until approved). */
  reviewedBy: reviewerSchema.nullable().optional(),
  /** A cited source changed since the last approval. */
  needsRereview: z.boolean().optional(),
  /** The approved text shown was written for another audience. */
  approvedAudience: audienceSchema.nullable().optional(),
});

export const articleSummarySchema = z.object({
  id: z.string(),
  permalink: z.string(),
  question: z.string(),
  title: z.string(),
  status: z.enum(ARTICLE_STATUSES),
  createdAt: z.string(),
});
