import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  articleListSchema,
  askBodySchema,
  audienceQuerySchema,
  errorSchema,
  exportQuerySchema,
  idParamsSchema,
  limitQuerySchema,
  threadParamsSchema,
  threadSchema,
} from '../../../contract/api-contract.js';
import { publishedArticleSchema } from '../../../contract/article-contract.js';
import type { Audience } from '../../../domain/audience.js';
import type { Article } from '../../../domain/article.js';
import type { ReviewedView } from '../../../editorial/show-reviewed.js';
import type { ArticleService } from '../../../article-service.js';
import { articleToMarkdown, articleToText, referencesToRis } from '../../../text/render-article.js';
import { clientKey } from './client-key.js';

/** How a kept answer stands in review, for the public page; null when it was never submitted. */
export type ReviewOverlay = (articleId: string, shown: Article) => Promise<ReviewedView | null>;

const notFound = { 400: errorSchema, 404: errorSchema };

export function articleRoutes(
  fastify: FastifyInstance,
  articles: ArticleService,
  overlay: ReviewOverlay | null = null,
  publicRecent = false,
  askRatePerMinute = 60,
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Readers see the approved version (as written for its audience) with who approved it.
  const reviewed = async (id: string, audience?: Audience) => {
    const article = await articles.get(id, audience);
    const review = overlay ? await overlay(article.id, article) : null;
    if (!review) return article;
    return {
      ...article,
      ...(review.content ?? {}),
      reviewStatus: review.reviewStatus,
      reviewedBy: review.reviewedBy,
      needsRereview: review.needsRereview,
      approvedAudience: review.approvedAudience,
      ...(review.approvedOn && review.approvedOn > article.lastUpdated ? { lastUpdated: review.approvedOn } : {}),
    };
  };
  app.get(
    '/api/articles',
    {
      schema: {
        summary: 'Recently asked questions (an empty list unless the operator turns the listing on)',
        querystring: limitQuerySchema,
        response: { 200: articleListSchema, 400: errorSchema },
      },
    },
    // Off unless the operator turns it on: askers' questions are theirs (the web app keeps its own history).
    async (request) => ({ articles: publicRecent ? await articles.recent(request.query.limit) : [] }),
  );

  app.get(
    '/api/articles/:id',
    {
      schema: {
        summary: 'An article by id, as its reader sees it (the approved version with who approved it)',
        params: idParamsSchema,
        querystring: audienceQuerySchema,
        response: { 200: publishedArticleSchema, ...notFound },
      },
    },
    async (request) => {
      return reviewed(request.params.id, request.query.audience);
    },
  );

  app.post(
    '/api/articles/:id/followups',
    {
      schema: {
        summary: 'A follow-up question in the context of its thread',
        params: idParamsSchema,
        body: askBodySchema,
        response: { 201: publishedArticleSchema, ...notFound, 409: errorSchema, 429: errorSchema },
      },
      config: {
        rateLimit: askRatePerMinute > 0 ? { max: askRatePerMinute, timeWindow: '1 minute' } : (false as const),
      },
    },
    async (request, reply) => {
      const article = await articles.followUp(
        request.params.id,
        request.body.question,
        request.body.audience,
        clientKey(request),
      );
      reply.status(201).header('location', `/api/articles/${article.id}`);
      return article;
    },
  );

  app.get(
    '/api/threads/:threadId',
    {
      schema: {
        summary: 'A thread: the first question and its follow-ups, in order',
        params: threadParamsSchema,
        response: { 200: threadSchema, ...notFound },
      },
    },
    async (request) => ({
      threadId: request.params.threadId,
      articles: await articles.thread(request.params.threadId),
    }),
  );

  app.get(
    '/api/articles/:id/export',
    {
      schema: {
        summary: 'The article as Markdown, plain text, or its references as RIS (a download)',
        params: idParamsSchema,
        querystring: exportQuerySchema,
        response: { 200: z.string(), ...notFound },
      },
    },
    async (request, reply) => {
      const shown = await reviewed(request.params.id, request.query.audience);
      // The export names where it came from, as an address that works outside this server.
      const article = { ...shown, permalink: `${request.protocol}://${request.host}${shown.permalink}` };
      const { format } = request.query;
      const [type, extension, body] =
        format === 'ris'
          ? ['application/x-research-info-systems', 'ris', referencesToRis(article)]
          : format === 'text'
            ? ['text/plain', 'txt', articleToText(article)]
            : ['text/markdown', 'md', articleToMarkdown(article)];
      reply
        .header('content-type', `${type}; charset=utf-8`)
        .header('content-disposition', `attachment; filename="vesalius-${article.id}.${extension}"`);
      return body;
    },
  );
}
