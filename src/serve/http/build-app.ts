import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { Ajv } from 'ajv';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Vesalius } from '../../wiring.js';
import type { ArticleService } from '../article-service.js';
import { handleError } from './http-errors.js';
import { openApiDocument } from './openapi-document.js';
import { articleRoutes, type ReviewOverlay } from './routes/article-routes.js';
import { askRoutes } from './routes/ask-routes.js';
import { editorialRoutes, type EditorialDependencies } from './routes/editorial-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { sourceRoutes } from './routes/source-routes.js';

export interface AppOptions {
  vesalius: Vesalius;
  articles: ArticleService;
  /** Folder of the built web app (index.html and assets); null to serve the API only. */
  webRoot: string | null;
  /** Structured (JSON) request logs; false in tests and benchmarks. */
  logger: boolean;
  /** The editorial API (sign-in, review); left out when null. */
  editorial: EditorialDependencies | null;
  version: string;
}

/** The HTTP API and the web app, as one Fastify instance (tested in-process with inject). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ? { level: 'info' } : false, bodyLimit: 256 * 1024 });
  // Query strings and paths are text, so their numbers are coerced; JSON bodies are taken as typed.
  const strict = new Ajv({ coerceTypes: false, useDefaults: true, removeAdditional: false });
  const lenient = new Ajv({ coerceTypes: true, useDefaults: true, removeAdditional: false });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : lenient).compile(schema));
  app.setErrorHandler(handleError);
  await app.register(fastifyCookie);
  healthRoutes(app, options.vesalius);
  if (options.editorial) editorialRoutes(app, options.editorial, options.articles);
  askRoutes(app, options.articles, options.vesalius.config.defaultAudience);
  articleRoutes(app, options.articles, options.editorial ? reviewOverlay(options.editorial) : null);
  sourceRoutes(app, options.vesalius);
  const document = openApiDocument(options.version);
  app.get('/api/openapi.json', async () => document);

  const webRoot = options.webRoot;
  const hasWeb = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, { root: webRoot, index: ['index.html'], maxAge: '1h', immutable: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      reply.status(404).send({
        error: {
          code: 'NOT_FOUND',
          message: `No route ${request.method} ${request.url.split('?')[0]}. See /api/openapi.json.`,
        },
      });
      return;
    }
    // The web app routes on the client: every other page gets index.html.
    reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'",
    );
    return payload;
  });
  return app;
}

function reviewOverlay(editorial: EditorialDependencies): ReviewOverlay {
  const standing = async (id: string) => {
    const published = await editorial.review.published(id);
    if (!published) return null;
    const { document, version } = published;
    const approved = document.approvedVersion !== null && version.state === 'approved';
    const current = approved ? version : await editorial.repository.getVersion(id, document.currentVersion);
    return {
      content: approved ? version.content : null,
      reviewStatus: (approved ? 'approved' : current?.state === 'submitted' ? 'submitted' : 'under_review') as
        | 'approved'
        | 'submitted'
        | 'under_review',
      reviewedBy:
        approved && version.approval
          ? {
              name: version.approval.name,
              credentials: version.approval.credentials,
              date: version.approval.at.slice(0, 10),
            }
          : null,
      needsRereview: document.needsRereview,
    };
  };
  return async (article) => {
    // An answer reviewed on its own shows its own review.
    const own = await standing(article.id);
    if (own) return own;
    // Otherwise it is as reviewed as the knowledge-base topics it was built from.
    if (article.topics.length === 0) return null;
    const topics = await Promise.all(article.topics.map((topic) => standing(`topic:${topic}`)));
    if (topics.some((topic) => topic === null)) return null;
    const known = topics.filter((topic): topic is NonNullable<typeof topic> => topic !== null);
    const allApproved = known.every((topic) => topic.reviewStatus === 'approved');
    return {
      content: null,
      reviewStatus: allApproved
        ? 'approved'
        : known.some((topic) => topic.reviewStatus === 'under_review')
          ? 'under_review'
          : 'submitted',
      reviewedBy: allApproved ? (known[0]?.reviewedBy ?? null) : null,
      needsRereview: known.some((topic) => topic.needsRereview),
    };
  };
}
