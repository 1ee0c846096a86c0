import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { askBodySchema, errorSchema } from '../../../contract/api-contract.js';
import { publishedArticleSchema } from '../../../contract/article-contract.js';
import type { Audience } from '../../../domain/audience.js';
import type { ArticleService } from '../../../article-service.js';
import { clientKey } from './client-key.js';

const refused = { 400: errorSchema, 409: errorSchema, 415: errorSchema, 429: errorSchema, 503: errorSchema };

export function askRoutes(
  fastify: FastifyInstance,
  articles: ArticleService,
  defaultAudience: Audience,
  perMinute = 60,
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Answering costs CPU and every question is stored: each client gets a fair share.
  const config = { rateLimit: perMinute > 0 ? { max: perMinute, timeWindow: '1 minute' } : (false as const) };
  app.post(
    '/api/ask',
    {
      schema: {
        summary: 'Answer a question; the article gets a stable id and permalink',
        body: askBodySchema,
        response: { 201: publishedArticleSchema, ...refused },
      },
      config,
    },
    async (request, reply) => {
      const article = await articles.ask(
        request.body.question,
        request.body.audience ?? defaultAudience,
        clientKey(request),
      );
      reply.status(201).header('location', `/api/articles/${article.id}`);
      return article;
    },
  );

  // Server-sent events: the article's parts in reading order (meta, bottom line, sections, references, done).
  // POST, so the question (which may hold patient details) never travels in a URL or a request log.
  app.post(
    '/api/ask/stream',
    {
      schema: {
        summary: 'Answer as server-sent events: meta, bottomLine, section…, references, done (text/event-stream)',
        body: askBodySchema,
        response: refused,
      },
      config,
    },
    async (request, reply) => {
      const article = await articles.ask(
        request.body.question,
        request.body.audience ?? defaultAudience,
        clientKey(request),
      );
      // Written raw, so the headers set by the plugins (CSP, nosniff, rate limit) are copied over.
      reply.raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (event: string, data: unknown) =>
        reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const { sections, references, bottomLine, trace: _trace, ...meta } = article;
      send('meta', meta);
      send('bottomLine', bottomLine);
      for (const section of sections) send('section', section);
      send('references', references);
      send('done', { id: article.id });
      reply.raw.end();
      return reply;
    },
  );
}
