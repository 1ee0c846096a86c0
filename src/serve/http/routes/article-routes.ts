import type { FastifyInstance } from 'fastify';
import type { Audience } from '../../../domain/audience.js';
import type { Article } from '../../../domain/article.js';
import type { ReviewedView } from '../../../editorial/show-reviewed.js';
import type { ArticleService } from '../../article-service.js';
import { articleToMarkdown, articleToText, referencesToRis } from '../../../text/render-article.js';
import {
  audienceQuerySchema,
  exportQuerySchema,
  askBodySchema,
  idParamsSchema,
  limitQuerySchema,
  threadParamsSchema,
} from '../api-schemas.js';
import { clientKey } from './client-key.js';

/** How a kept answer stands in review, for the public page; null when it was never submitted. */
export type ReviewOverlay = (articleId: string, shown: Article) => Promise<ReviewedView | null>;

export function articleRoutes(
  app: FastifyInstance,
  articles: ArticleService,
  overlay: ReviewOverlay | null = null,
  publicRecent = false,
  askRatePerMinute = 60,
): void {
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
  app.get<{ Querystring: { limit: number } }>(
    '/api/articles',
    { schema: { querystring: limitQuerySchema } },
    // Off unless the operator turns it on: askers' questions are theirs (the web app keeps its own history).
    async (request) => ({ articles: publicRecent ? await articles.recent(request.query.limit) : [] }),
  );

  app.get<{ Params: { id: string }; Querystring: { audience?: Audience } }>(
    '/api/articles/:id',
    { schema: { params: idParamsSchema, querystring: audienceQuerySchema } },
    async (request) => {
      return reviewed(request.params.id, request.query.audience);
    },
  );

  app.post<{ Params: { id: string }; Body: { question: string; audience?: Audience } }>(
    '/api/articles/:id/followups',
    {
      schema: { params: idParamsSchema, body: askBodySchema },
      config: askRatePerMinute > 0 ? { rateLimit: { max: askRatePerMinute, timeWindow: '1 minute' } } : {},
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

  app.get<{ Params: { threadId: string } }>(
    '/api/threads/:threadId',
    { schema: { params: threadParamsSchema } },
    async (request) => ({
      threadId: request.params.threadId,
      articles: await articles.thread(request.params.threadId),
    }),
  );

  app.get<{ Params: { id: string }; Querystring: { format: 'markdown' | 'text' | 'ris'; audience?: Audience } }>(
    '/api/articles/:id/export',
    { schema: { params: idParamsSchema, querystring: exportQuerySchema } },
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
