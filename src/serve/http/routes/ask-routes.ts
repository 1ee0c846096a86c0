import type { FastifyInstance } from 'fastify';
import type { Audience } from '../../../domain/audience.js';
import type { ArticleService } from '../../article-service.js';
import { askBodySchema } from '../api-schemas.js';
import { clientKey } from './client-key.js';

export function askRoutes(
  app: FastifyInstance,
  articles: ArticleService,
  defaultAudience: Audience,
  perMinute = 60,
): void {
  // Answering costs CPU and every question is stored: each client gets a fair share.
  const config = perMinute > 0 ? { rateLimit: { max: perMinute, timeWindow: '1 minute' } } : {};
  app.post<{ Body: { question: string; audience?: Audience } }>(
    '/api/ask',
    { schema: { body: askBodySchema }, config },
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
  app.post<{ Body: { question: string; audience?: Audience } }>(
    '/api/ask/stream',
    { schema: { body: askBodySchema }, config },
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
