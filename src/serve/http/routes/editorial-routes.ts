import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Article } from '../../../domain/article.js';
import { ROLES, type CommentTarget, type Role, type User } from '../../../domain/editorial.js';
import { VesaliusError } from '../../../domain/errors.js';
import {
  REVIEW_ACTIONS,
  VERSION_STATES,
  type ReviewAction,
  type VersionState,
} from '../../../domain/review-workflow.js';
import type { AuthService } from '../../../editorial/auth-service.js';
import { identifyCaller, SESSION_COOKIE } from './identify-caller.js';
import { documentView } from '../../../editorial/document-view.js';
import type { ReviewService } from '../../../editorial/review-service.js';
import type { EditorialRepository } from '../../../storage/editorial-repository.js';
import type { ArticleService } from '../../article-service.js';
import { revisedArticleSchema } from '../api-schemas.js';

export interface EditorialDependencies {
  review: ReviewService;
  auth: AuthService;
  repository: EditorialRepository;
  /** Cookies get the Secure flag (set when served over HTTPS). */
  secureCookies: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: User | null;
  }
}

const str = (max = 200) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const documentParams = { type: 'object', required: ['id'], properties: { id: str() } } as const;
const versionParams = {
  type: 'object',
  required: ['id', 'n'],
  properties: { id: str(), n: { type: 'integer', minimum: 1 } },
} as const;

/**
 * The editorial API: sign-in (HTTP-only SameSite cookie sessions with a CSRF token, or
 * bearer API tokens), the review queue and actions, comments, diffs, users and the audit
 * log. Every route checks the caller's role on the server, through ReviewService.
 */
export function editorialRoutes(app: FastifyInstance, deps: EditorialDependencies, articles: ArticleService): void {
  const { review, auth, repository } = deps;
  app.decorateRequest('actor', null);

  identifyCaller(app, auth);

  const actor = (request: FastifyRequest): User => {
    if (!request.actor) throw new VesaliusError('UNAUTHENTICATED', 'Sign in first.');
    return request.actor;
  };

  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      // Guessing passwords costs time: at most 10 tries a minute from one address (and the account lock-out).
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: { username: str(80), password: str(500) },
        },
      },
    },
    async (request, reply) => {
      const signed = await auth.signIn(request.body.username, request.body.password, request.ip);
      setSessionCookie(reply, signed.sessionToken, signed.expiresAt, deps.secureCookies);
      return { user: signed.user, csrfToken: signed.csrfToken };
    },
  );

  app.post('/api/auth/logout', async (request, reply) => {
    await auth.signOut(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { signedOut: true };
  });

  app.get('/api/auth/me', async (request) => {
    const session = await auth.session(request.cookies[SESSION_COOKIE]);
    if (!session && !request.actor) throw new VesaliusError('UNAUTHENTICATED', 'Not signed in.');
    return { user: request.actor, csrfToken: session?.csrfToken ?? null };
  });

  app.post<{ Body: { name: string } }>(
    '/api/auth/tokens',
    {
      schema: {
        body: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: str(80) } },
      },
    },
    async (request, reply) => {
      const user = actor(request);
      if (!['admin', 'editor', 'reviewer'].includes(user.role))
        throw new VesaliusError('FORBIDDEN', 'Readers cannot create API tokens.');
      reply.status(201);
      return auth.createApiToken(user, request.body.name);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/auth/tokens/:id',
    { schema: { params: { type: 'object', required: ['id'], properties: { id: str(40) } } } },
    async (request, reply) => {
      if (!(await auth.revokeApiToken(actor(request), request.params.id)))
        throw new VesaliusError('NOT_FOUND', `No API token ${request.params.id} of yours.`);
      reply.status(204);
    },
  );

  app.get('/api/users', async (request) => {
    const user = actor(request);
    if (user.role !== 'admin') throw new VesaliusError('FORBIDDEN', 'Only an admin can list accounts.');
    return { users: await repository.listUsers() };
  });

  app.post<{ Body: { username: string; displayName: string; credentials?: string; role: Role; password: string } }>(
    '/api/users',
    {
      schema: {
        body: {
          type: 'object',
          required: ['username', 'displayName', 'role', 'password'],
          additionalProperties: false,
          properties: {
            username: str(40),
            displayName: str(120),
            credentials: { type: 'string', maxLength: 120 },
            role: { type: 'string', enum: [...ROLES] },
            password: str(500),
          },
        },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return review.addUser({ ...request.body, credentials: request.body.credentials ?? '' }, actor(request));
    },
  );

  app.post<{ Params: { username: string }; Body: { role: Role } }>(
    '/api/users/:username/role',
    {
      schema: {
        params: { type: 'object', properties: { username: str(40) } },
        body: { type: 'object', required: ['role'], properties: { role: { type: 'string', enum: [...ROLES] } } },
      },
    },
    async (request) => review.setRole(request.params.username, request.body.role, actor(request)),
  );

  app.get<{ Querystring: { state?: VersionState; specialty?: string; page: number; limit: number } }>(
    '/api/review/queue',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            state: { type: 'string', enum: [...VERSION_STATES] },
            specialty: str(60),
            page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
          },
        },
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
        actor(request),
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

  app.post<{ Body: { articleId: string; specialty?: string } }>(
    '/api/review/documents',
    {
      schema: {
        body: {
          type: 'object',
          required: ['articleId'],
          additionalProperties: false,
          properties: { articleId: str(), specialty: str(60) },
        },
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
      return review.submitAnswer(article.id, { ...content, trace: [] }, request.body.specialty ?? null, actor(request));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/review/documents/:id',
    { schema: { params: documentParams } },
    async (request) => {
      const user = actor(request);
      await review.queue({ limit: 1 }, user); // role check: the same as reading the queue
      return documentView(repository, request.params.id, user);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { from: number; to: number } }>(
    '/api/review/documents/:id/diff',
    {
      schema: {
        params: documentParams,
        querystring: {
          type: 'object',
          required: ['from', 'to'],
          properties: { from: { type: 'integer', minimum: 1 }, to: { type: 'integer', minimum: 1 } },
        },
      },
    },
    async (request) => ({
      diff: await review.diff(request.params.id, request.query.from, request.query.to, actor(request)),
    }),
  );

  app.post<{
    Params: { id: string; n: number };
    Body: { action: Exclude<ReviewAction, 'resubmit'>; expectedRevision: number; note?: string };
  }>(
    '/api/review/documents/:id/versions/:n/actions',
    {
      schema: {
        params: versionParams,
        body: {
          type: 'object',
          required: ['action', 'expectedRevision'],
          additionalProperties: false,
          properties: {
            action: { type: 'string', enum: REVIEW_ACTIONS.filter((action) => action !== 'resubmit') },
            expectedRevision: { type: 'integer', minimum: 1 },
            note: { type: 'string', maxLength: 2000 },
          },
        },
      },
    },
    async (request) =>
      review.act(
        request.params.id,
        request.params.n,
        request.body.expectedRevision,
        request.body.action,
        actor(request),
        request.body.note,
      ),
  );

  app.post<{ Params: { id: string; n: number }; Body: { target: CommentTarget; text: string } }>(
    '/api/review/documents/:id/versions/:n/comments',
    {
      schema: {
        params: versionParams,
        body: {
          type: 'object',
          required: ['target', 'text'],
          additionalProperties: false,
          properties: {
            target: {
              type: 'object',
              required: ['kind'],
              properties: {
                kind: { type: 'string', enum: ['article', 'bottomLine', 'bullet', 'reference'] },
                section: { type: 'integer', minimum: 0 },
                bullet: { type: 'integer', minimum: 0 },
                n: { type: 'integer', minimum: 1 },
              },
            },
            text: str(5000),
          },
        },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return review.comment(
        request.params.id,
        request.params.n,
        request.body.target,
        request.body.text,
        actor(request),
      );
    },
  );

  app.post<{ Params: { id: string }; Body: { expectedCurrent: number; article: Article } }>(
    '/api/review/documents/:id/revisions',
    {
      schema: {
        params: documentParams,
        body: {
          type: 'object',
          required: ['expectedCurrent', 'article'],
          properties: {
            expectedCurrent: { type: 'integer', minimum: 1 },
            article: revisedArticleSchema,
          },
        },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return review.revise(request.params.id, request.body.expectedCurrent, request.body.article, actor(request));
    },
  );

  app.post<{ Params: { sourceId: string } }>(
    '/api/review/sources/:sourceId/changed',
    { schema: { params: { type: 'object', properties: { sourceId: str() } } } },
    async (request) => ({
      flagged: await review.flagSource(request.params.sourceId, actor(request)),
    }),
  );

  app.get<{ Querystring: { documentId?: string; limit: number } }>(
    '/api/review/audit',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { documentId: str(), limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 } },
        },
      },
    },
    async (request) => {
      await review.queue({ limit: 1 }, actor(request));
      return {
        entries: await repository.listAudit({
          ...(request.query.documentId ? { documentId: request.query.documentId } : {}),
          limit: request.query.limit,
        }),
      };
    },
  );
}

function setSessionCookie(reply: FastifyReply, value: string, expiresAt: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}
