import type { FastifyInstance } from 'fastify';
import type { Audience } from '../../../domain/audience.js';
import type { Article } from '../../../domain/article.js';
import type { ArticleService } from '../../article-service.js';
import { articleToMarkdown, articleToText, referencesToRis } from '../../render-exports.js';
import {
  audienceQuerySchema,
  exportQuerySchema,
  followUpBodySchema,
  idParamsSchema,
  limitQuerySchema,
  threadParamsSchema,
} from '../api-schemas.js';

/** How a kept answer stands in review, for the public page; null when it was never submitted. */
export type ReviewOverlay = (article: { id: string; topics: string[] }) => Promise<{
  content: Article | null;
  reviewStatus: Article['reviewStatus'];
  reviewedBy: { name: string; credentials: string; date: string } | null;
  needsRereview: boolean;
} | null>;

export function articleRoutes(
  app: FastifyInstance,
  articles: ArticleService,
  overlay: ReviewOverlay | null = null,
): void {
  app.get<{ Querystring: { limit: number } }>(
    '/api/articles',
    { schema: { querystring: limitQuerySchema } },
    async (request) => ({ articles: await articles.recent(request.query.limit) }),
  );

  app.get<{ Params: { id: string }; Querystring: { audience?: Audience } }>(
    '/api/articles/:id',
    { schema: { params: idParamsSchema, querystring: audienceQuerySchema } },
    async (request) => {
      const article = await articles.get(request.params.id, request.query.audience);
      const review = overlay ? await overlay(article) : null;
      if (!review) return article;
      // Readers see the approved version (as written for its audience) with who approved it.
      const approved = review.content && review.content.audience === article.audience ? review.content : null;
      return {
        ...article,
        ...(approved
          ? {
              bottomLine: approved.bottomLine,
              sections: approved.sections,
              references: approved.references,
              title: approved.title,
            }
          : {}),
        reviewStatus: review.reviewStatus,
        reviewedBy: review.reviewedBy,
        needsRereview: review.needsRereview,
      };
    },
  );

  app.post<{ Params: { id: string }; Body: { question: string; audience?: Audience } }>(
    '/api/articles/:id/followups',
    { schema: { params: idParamsSchema, body: followUpBodySchema } },
    async (request, reply) => {
      const article = await articles.followUp(request.params.id, request.body.question, request.body.audience);
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
      const article = await articles.get(request.params.id, request.query.audience);
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
