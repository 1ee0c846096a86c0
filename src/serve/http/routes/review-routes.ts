import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema } from '../../../contract/api-contract.js';
import {
  actionBodySchema,
  auditQuerySchema,
  auditSchema,
  commentBodySchema,
  commentSchema,
  diffQuerySchema,
  diffSchema,
  documentParamsSchema,
  documentViewSchema,
  flaggedSchema,
  queueQuerySchema,
  queueSchema,
  revisionBodySchema,
  sourceParamsSchema,
  submitBodySchema,
  submittedSchema,
  versionParamsSchema,
  versionSchema,
} from '../../../contract/editorial-contract.js';
import type { Article } from '../../../domain/article.js';
import { documentView } from '../../../editorial/document-view.js';
import type { ArticleService } from '../../../article-service.js';
import type { EditorialDependencies } from './editorial-dependencies.js';
import { actorOf, requireSignedIn } from './identify-caller.js';

const refused = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** `/api/review`: the queue, documents, diffs, actions, comments, revisions, source flags and the audit log. */
export const reviewRoutes: FastifyPluginAsync<EditorialDependencies & { articles: ArticleService }> = async (
  fastify,
  { review, repository, articles },
) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('preValidation', requireSignedIn);

  app.get(
    '/queue',
    {
      schema: {
        summary: 'Documents waiting for review, oldest first, a page at a time',
        querystring: queueQuerySchema,
        response: { 200: queueSchema, ...refused },
      },
    },
    async (request) => {
      const { page, limit } = request.query;
      // One row more than a page tells whether another page follows.
      const rows = await review.queue(
        {
          ...(request.query.state ? { states: [request.query.state] } : {}),
          ...(request.query.specialty ? { specialty: request.query.specialty } : {}),
          limit: limit + 1,
          offset: (page - 1) * limit,
        },
        actorOf(request),
      );
      return {
        page,
        hasMore: rows.length > limit,
        queue: rows.slice(0, limit).map(({ document, version }) => ({
          document,
          version: {
            number: version.number,
            state: version.state,
            revision: version.revision,
            createdAt: version.createdAt,
          },
        })),
      };
    },
  );

  app.post(
    '/documents',
    {
      schema: {
        summary: 'Submit a kept answer for review',
        body: submitBodySchema,
        response: { 201: submittedSchema, ...refused },
      },
    },
    async (request, reply) => {
      const article = await articles.get(request.body.articleId);
      const {
        trace: _trace,
        id: _id,
        permalink: _permalink,
        threadId: _thread,
        parentId: _parent,
        createdAt: _created,
        ...content
      } = article;
      reply.status(201);
      return review.submitAnswer(
        article.id,
        { ...content, trace: [] },
        request.body.specialty ?? null,
        actorOf(request),
      );
    },
  );

  app.get(
    '/documents/:id',
    {
      schema: {
        summary: 'The reviewer page: every version, comments, audit with names, and what you may do',
        params: documentParamsSchema,
        response: { 200: documentViewSchema, ...refused },
      },
    },
    async (request) => {
      const user = actorOf(request);
      await review.queue({ limit: 1 }, user); // role check: the same as reading the queue
      return documentView(repository, request.params.id, user);
    },
  );

  app.get(
    '/documents/:id/diff',
    {
      schema: {
        summary: 'What changed between two versions, statement by statement and word by word',
        params: documentParamsSchema,
        querystring: diffQuerySchema,
        response: { 200: diffSchema, ...refused },
      },
    },
    async (request) => ({
      diff: await review.diff(request.params.id, request.query.from, request.query.to, actorOf(request)),
    }),
  );

  app.post(
    '/documents/:id/versions/:n/actions',
    {
      schema: {
        summary: 'Start review, approve, request changes or retire (with the revision you saw)',
        params: versionParamsSchema,
        body: actionBodySchema,
        response: { 200: versionSchema, ...refused },
      },
    },
    async (request) =>
      review.act(
        request.params.id,
        request.params.n,
        request.body.expectedRevision,
        request.body.action,
        actorOf(request),
        request.body.note,
      ),
  );

  app.post(
    '/documents/:id/versions/:n/comments',
    {
      schema: {
        summary: 'Comment on the article, its bottom line, a bullet or a reference',
        params: versionParamsSchema,
        body: commentBodySchema,
        response: { 201: commentSchema, ...refused },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return review.comment(
        request.params.id,
        request.params.n,
        request.body.target,
        request.body.text,
        actorOf(request),
      );
    },
  );

  app.post(
    '/documents/:id/revisions',
    {
      schema: {
        summary: 'A revised version (after changes were requested, or an edit of an approved one)',
        params: documentParamsSchema,
        body: revisionBodySchema,
        response: { 201: versionSchema, ...refused },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return review.revise(
        request.params.id,
        request.body.expectedCurrent,
        request.body.article as unknown as Article,
        actorOf(request),
      );
    },
  );

  app.post(
    '/sources/:sourceId/changed',
    {
      schema: {
        summary: 'A cited source changed: flag every document citing it for re-review',
        params: sourceParamsSchema,
        response: { 200: flaggedSchema, ...refused },
      },
    },
    async (request) => ({ flagged: await review.flagSource(request.params.sourceId, actorOf(request)) }),
  );

  app.get(
    '/audit',
    {
      schema: {
        summary: 'The append-only audit log (of one document, or all)',
        querystring: auditQuerySchema,
        response: { 200: auditSchema, ...refused },
      },
    },
    async (request) => {
      await review.queue({ limit: 1 }, actorOf(request));
      return {
        entries: await repository.listAudit({
          ...(request.query.documentId ? { documentId: request.query.documentId } : {}),
          limit: request.query.limit,
        }),
      };
    },
  );
};
