import { AUDIENCES } from '../../domain/audience.js';

/** JSON schemas of the API: Fastify validates requests with them and /api/openapi.json publishes them. */
const audienceSchema = { type: 'string', enum: [...AUDIENCES] } as const;

export const askBodySchema = {
  type: 'object',
  required: ['question'],
  additionalProperties: false,
  properties: {
    // Something to answer: not empty, not only spaces.
    question: { type: 'string', minLength: 1, maxLength: 20_000, pattern: '\\S' },
    audience: audienceSchema,
  },
} as const;

/** A follow-up takes the same body as a question. */

export const idParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

export const threadParamsSchema = {
  type: 'object',
  required: ['threadId'],
  properties: { threadId: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

export const audienceQuerySchema = { type: 'object', properties: { audience: audienceSchema } } as const;

export const limitQuerySchema = {
  type: 'object',
  properties: { limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
} as const;

export const exportQuerySchema = {
  type: 'object',
  properties: {
    format: { type: 'string', enum: ['markdown', 'text', 'ris'], default: 'markdown' },
    audience: audienceSchema,
  },
} as const;

export const suggestQuerySchema = {
  type: 'object',
  required: ['q'],
  properties: {
    q: { type: 'string', maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 20, default: 8 },
  },
} as const;

const citationList = { type: 'array', items: { type: 'integer' } } as const;

export const articleSchema = {
  type: 'object',
  required: [
    'question',
    'status',
    'title',
    'bottomLine',
    'sections',
    'references',
    'audience',
    'reviewStatus',
    'lastUpdated',
    'disclaimer',
  ],
  properties: {
    id: { type: 'string' },
    permalink: { type: 'string' },
    threadId: { type: 'string' },
    parentId: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    question: { type: 'string' },
    status: { type: 'string', enum: ['answered', 'insufficient_evidence', 'out_of_scope', 'emergency'] },
    questionType: { type: 'string' },
    title: { type: 'string' },
    alert: { type: ['string', 'null'] },
    bottomLine: {
      type: 'object',
      properties: {
        text: { type: 'string' },
        citations: citationList,
        evidence: { type: 'array', items: { type: 'string' } },
      },
    },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          heading: { type: 'string' },
          bullets: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                text: { type: 'string' },
                citations: citationList,
                evidence: { type: 'array', items: { type: 'string' } },
                grade: { type: 'string' },
              },
            },
          },
        },
      },
    },
    references: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          n: { type: 'integer' },
          sourceId: { type: 'string' },
          title: { type: 'string' },
          authors: { type: 'array', items: { type: 'string' } },
          journal: { type: ['string', 'null'] },
          year: { type: ['integer', 'null'] },
          pmid: { type: ['string', 'null'] },
          doi: { type: ['string', 'null'] },
          url: { type: ['string', 'null'] },
          volume: { type: 'string' },
          issue: { type: 'string' },
          pages: { type: 'string' },
          evidenceLevel: { type: 'string', enum: ['A', 'B', 'C', 'D'] },
          kind: { type: 'string' },
        },
      },
    },
    audience: audienceSchema,
    reviewStatus: { type: 'string', enum: ['submitted', 'under_review', 'approved'] },
    lastUpdated: { type: 'string' },
    disclaimer: { type: 'string' },
    topics: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
    },
  },
} as const;

/**
 * An editor's revision of an article: every part the reviewer page, the diff and the public page
 * read must be there and of the right type, or the revision is refused with 400 (never stored).
 */
export const revisedArticleSchema = {
  type: 'object',
  required: ['question', 'title', 'bottomLine', 'sections', 'references'],
  properties: {
    question: { type: 'string', minLength: 1, maxLength: 20_000 },
    title: { type: 'string', minLength: 1, maxLength: 500 },
    bottomLine: {
      type: 'object',
      required: ['text', 'citations'],
      properties: { text: { type: 'string', maxLength: 20_000 }, citations: citationList },
    },
    sections: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['heading', 'bullets'],
        properties: {
          heading: { type: 'string', minLength: 1, maxLength: 200 },
          bullets: {
            type: 'array',
            maxItems: 200,
            items: {
              type: 'object',
              required: ['text', 'citations'],
              properties: {
                text: { type: 'string', minLength: 1, maxLength: 5_000 },
                citations: citationList,
                evidence: { type: 'array', items: { type: 'string' } },
                grade: { type: 'string' },
              },
            },
          },
        },
      },
    },
    references: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        required: ['n', 'sourceId', 'title'],
        properties: {
          n: { type: 'integer', minimum: 1 },
          sourceId: { type: 'string', minLength: 1 },
          title: { type: 'string', minLength: 1 },
          authors: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;
