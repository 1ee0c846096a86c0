import { z } from 'zod';
import { ROLES } from '../domain/editorial.js';
import { REVIEW_ACTIONS, VERSION_STATES } from '../domain/review-workflow.js';
import { articleSchema } from './article-contract.js';
import { MAX_QUESTION_CHARS } from './question-limit.js';

/** Requests and responses of the editorial API (sign-in, accounts, review), declared once. */
const text = (max = 200) => z.string().min(1).max(max);
const role = z.enum(ROLES);
const versionState = z.enum(VERSION_STATES);
const page = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  credentials: z.string(),
  role,
  createdAt: z.string(),
});

export const loginBodySchema = z.strictObject({ username: text(80), password: text(500) });
export const signedInSchema = z.object({ user: userSchema, csrfToken: z.string() });
export const meSchema = z.object({ user: userSchema.nullable(), csrfToken: z.string().nullable() });
export const signedOutSchema = z.object({ signedOut: z.literal(true) });

export const tokenBodySchema = z.strictObject({ name: text(80) });
export const tokenParamsSchema = z.object({ id: text(40) });
export const createdTokenSchema = z.object({ token: z.string(), id: z.string(), expiresAt: z.string() });

export const usersSchema = z.object({ users: z.array(userSchema) });
export const newUserBodySchema = z.strictObject({
  username: text(40),
  displayName: text(120),
  credentials: z.string().max(120).optional(),
  role,
  password: text(500),
});
export const usernameParamsSchema = z.object({ username: text(40) });
export const roleBodySchema = z.object({ role });

const documentSchema = z.object({
  id: z.string(),
  kind: z.enum(['answer', 'topic', 'rules']),
  title: z.string(),
  specialty: z.string().nullable(),
  createdAt: z.string(),
  currentVersion: z.number().int(),
  approvedVersion: z.number().int().nullable(),
  needsRereview: z.boolean(),
});

const approvalSchema = z.object({ userId: z.string(), name: z.string(), credentials: z.string(), at: z.string() });

export const versionSchema = z.object({
  documentId: z.string(),
  number: z.number().int(),
  state: versionState,
  revision: z.number().int(),
  content: articleSchema,
  citedSources: z.array(z.string()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  approval: approvalSchema.nullable(),
});

export const queueQuerySchema = z.object({
  state: versionState.optional(),
  specialty: text(60).optional(),
  page: page(100_000, 1),
  limit: page(500, 100),
});
export const queueSchema = z.object({
  page: z.number().int(),
  hasMore: z.boolean(),
  queue: z.array(
    z.object({
      document: documentSchema,
      version: z.object({
        number: z.number().int(),
        state: versionState,
        revision: z.number().int(),
        createdAt: z.string(),
      }),
    }),
  ),
});

export const submitBodySchema = z.strictObject({ articleId: text(), specialty: text(60).optional() });
export const submittedSchema = z.object({ document: documentSchema, version: versionSchema });
export const documentParamsSchema = z.object({ id: text() });
export const versionParamsSchema = z.object({ id: text(), n: z.coerce.number().int().min(1) });

const commentTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article') }),
  z.object({ kind: z.literal('bottomLine') }),
  z.object({ kind: z.literal('bullet'), section: z.number().int().min(0), bullet: z.number().int().min(0) }),
  z.object({ kind: z.literal('reference'), n: z.number().int().min(1) }),
]);
export const commentSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  versionNumber: z.number().int(),
  target: commentTargetSchema,
  text: z.string(),
  authorId: z.string(),
  createdAt: z.string(),
});
export const commentBodySchema = z.strictObject({ target: commentTargetSchema, text: text(5000) });

const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  documentId: z.string().nullable(),
  versionNumber: z.number().int().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

/** The reviewer page's payload: versions, comments and audit with names, and what the reader may do. */
export const documentViewSchema = z.object({
  document: documentSchema,
  versions: z.array(versionSchema),
  comments: z.array(commentSchema.extend({ author: z.string().nullable() })),
  audit: z.array(auditEntrySchema.extend({ actor: z.string().nullable() })),
  permissions: z.object({ review: z.boolean(), revise: z.boolean(), approveCurrent: z.boolean() }),
});

export const diffQuerySchema = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
const wordChange = z.object({ change: z.enum(['added', 'removed', 'unchanged']), text: z.string() });
export const diffSchema = z.object({
  diff: z.array(
    z.object({
      change: z.enum(['added', 'removed', 'unchanged', 'changed']),
      section: z.string(),
      text: z.string(),
      words: z.array(wordChange).optional(),
    }),
  ),
});

export const actionBodySchema = z.strictObject({
  action: z.enum(REVIEW_ACTIONS).exclude(['resubmit']),
  expectedRevision: z.number().int().min(1),
  note: z.string().max(2000).optional(),
});

const citations = z.array(z.number().int());
/**
 * An editor's revision: every part the reviewer page, the diff and the public page read must be
 * there and of the right type, or the revision is refused with 400 (never stored).
 */
export const revisionBodySchema = z.object({
  expectedCurrent: z.number().int().min(1),
  article: z.looseObject({
    question: text(MAX_QUESTION_CHARS),
    title: text(500),
    bottomLine: z.looseObject({ text: z.string().max(20_000), citations }),
    sections: z
      .array(
        z.looseObject({
          heading: text(200),
          bullets: z
            .array(
              z.looseObject({
                text: text(5_000),
                citations,
                evidence: z.array(z.string()).optional(),
                grade: z.string().optional(),
              }),
            )
            .max(200),
        }),
      )
      .max(100),
    references: z
      .array(
        z.looseObject({
          n: z.number().int().min(1),
          sourceId: text(500),
          title: text(2_000),
          authors: z.array(z.string()).optional(),
        }),
      )
      .max(500),
  }),
});

export const sourceParamsSchema = z.object({ sourceId: text() });
export const flaggedSchema = z.object({ flagged: z.number().int() });
export const auditQuerySchema = z.object({ documentId: text().optional(), limit: page(1000, 200) });
export const auditSchema = z.object({ entries: z.array(auditEntrySchema) });
