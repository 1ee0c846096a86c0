import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { VesaliusError } from '../../domain/errors.js';
import type { Vesalius } from '../../wiring.js';
import type { ArticleService } from '../../article-service.js';
import { handleError } from './http-errors.js';
import { isClientPage, permalinkId, withArticleHead } from './render-page-head.js';
import { articleRoutes, type ReviewOverlay } from './routes/article-routes.js';
import { askRoutes } from './routes/ask-routes.js';
import { editorialApi } from './routes/editorial-api.js';
import type { EditorialDependencies } from './routes/editorial-dependencies.js';
import { healthRoutes } from './routes/health-routes.js';
import { sourceRoutes } from './routes/source-routes.js';
import { topicDocumentId } from '../../domain/ids.js';

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
  /** Questions (asks and follow-ups) one client may send per minute; 0 turns the limit off. */
  askRatePerMinute?: number;
  /** Longest a request (headers and body) may take to arrive; 30 s unless set. */
  requestTimeoutMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered (method and URL), so a test can check the OpenAPI document covers them. */
    registeredRoutes: ReadonlyArray<{ method: string; url: string }>;
  }
}

/** The HTTP API and the web app, as one Fastify instance (tested in-process with inject). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const app = Fastify({
    // Request logs leave out query strings: topic suggestions carry what someone is typing.
    logger: options.logger
      ? {
          level: 'info',
          serializers: {
            req: (request: { method: string; url: string; ip?: string }) => ({
              method: request.method,
              url: request.url.split('?')[0],
            }),
          },
        }
      : false,
    bodyLimit: 256 * 1024,
    // A request whose headers or body never finish is cut off, so slow clients cannot hold sockets.
    requestTimeout,
    // Node enforces these only with headersTimeout ≤ requestTimeout, checked on this interval
    // (30 s by default, too slow to matter).
    http: {
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, 15_000),
      connectionsCheckingInterval: Math.min(2_000, Math.max(100, requestTimeout / 4)),
    },
    connectionTimeout: 60_000,
    keepAliveTimeout: 5_000,
    // The answer stream and shutdown: connections are closed, not waited for forever.
    forceCloseConnections: 'idle',
  });
  // One contract (src/contract/): requests are validated with its zod schemas at run time (they
  // are untrusted), responses are typed by the same schemas at compile time (the type provider
  // refuses a handler whose result does not fit) and checked against them in the tests, and
  // /api/openapi.json is generated from the schemas on the routes. Responses are written with
  // plain JSON.stringify: encoding every article through zod again cost a third of the throughput.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  const routes: Array<{ method: string; url: string }> = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  app.decorate('registeredRoutes', routes);
  app.setErrorHandler(handleError);
  // The API speaks JSON: a text/plain body is refused with 415 rather than read as a string.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyCookie);
  // Security headers from the ecosystem's plugin (CSP, nosniff, frame and referrer policy, HSTS behind TLS).
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: options.editorial?.secureCookies ? { maxAge: 31_536_000 } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vesalius API',
        version: options.version,
        description: 'Evidence-based clinical answers: every statement cites an indexed source.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vesalius_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // Per-client limits on asking and signing in: 429 with Retry-After, in the API's error shape.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new VesaliusError('RATE_LIMITED', `Too many requests from this client: wait ${context.after} and try again.`, {
        retryable: true,
      }),
  });
  healthRoutes(app, options.vesalius, [
    { name: 'answers', ping: () => options.articles.ping() },
    ...(options.editorial
      ? [{ name: 'editorial', ping: () => options.editorial?.repository.ping() ?? Promise.resolve() }]
      : []),
  ]);
  if (options.editorial) await app.register(editorialApi, { ...options.editorial, articles: options.articles });
  const askLimit = options.askRatePerMinute ?? 60;
  askRoutes(app, options.articles, options.vesalius.config.defaultAudience, askLimit);
  const overlay: ReviewOverlay | null = options.editorial
    ? (id, shown) => options.editorial?.review.readerView(id, shown) ?? Promise.resolve(null)
    : null;
  articleRoutes(app, options.articles, overlay, options.vesalius.config.publicRecent, askLimit);
  sourceRoutes(
    app,
    options.vesalius,
    options.editorial
      ? (topicId) => options.editorial?.review.documentStatus(topicDocumentId(topicId)) ?? Promise.resolve(null)
      : null,
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = options.webRoot;
  const hasWeb = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webRoot,
      index: ['index.html'],
      maxAge: '1h',
      immutable: false,
      // Assets have hashed names; the page that names them must be fetched fresh after an upgrade.
      setHeaders: (response, path) => {
        if (path.endsWith('.html')) response.header('cache-control', 'no-cache');
      },
    });
  const page = hasWeb ? readFileSync(join(webRoot, 'index.html'), 'utf8') : '';
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return reply.status(404).send({
        error: {
          code: 'NOT_FOUND',
          message: `No route ${request.method} ${request.url.split('?')[0]}. See /api/openapi.json.`,
        },
      });
    }
    // The web app routes on the client; the server still answers 404 for what does not exist,
    // and names a permalink's article in the page head.
    const raw = request.url.split('?')[0] ?? '/';
    const path = raw.length > 1 ? raw.replace(/\/+$/, '') : raw;
    const id = permalinkId(path);
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    if (id !== null) {
      const shown = await options.articles.get(id).catch(() => null);
      if (!shown) return reply.status(404).send(page);
      // The same review view the API gives: approved content, said to be approved, or pending.
      const review = overlay ? await overlay(shown.id, shown) : null;
      const article = review ? { ...shown, ...(review.content ?? {}), reviewStatus: review.reviewStatus } : shown;
      return reply.send(withArticleHead(page, article));
    }
    return reply.status(isClientPage(path) ? 200 : 404).send(page);
  });
  return app;
}
