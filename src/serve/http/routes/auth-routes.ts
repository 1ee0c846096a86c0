import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../../../contract/api-contract.js';
import {
  createdTokenSchema,
  loginBodySchema,
  meSchema,
  signedInSchema,
  signedOutSchema,
  tokenBodySchema,
  tokenParamsSchema,
} from '../../../contract/editorial-contract.js';
import { VesaliusError } from '../../../domain/errors.js';
import type { EditorialDependencies } from './editorial-dependencies.js';
import { actorOf, SESSION_COOKIE } from './identify-caller.js';

const refused = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 429: errorSchema };

/** `/api/auth`: sign-in with an HTTP-only SameSite cookie and a CSRF token, sign-out, API tokens. */
export const authRoutes: FastifyPluginAsync<EditorialDependencies> = async (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { auth } = deps;

  app.post(
    '/login',
    {
      // Guessing passwords costs time: at most 10 tries a minute from one address (and the account lock-out).
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary: 'Sign in: sets the session cookie and returns the CSRF token to echo on changes',
        body: loginBodySchema,
        response: { 200: signedInSchema, ...refused },
      },
    },
    async (request, reply) => {
      const signed = await auth.signIn(request.body.username, request.body.password, request.ip);
      setSessionCookie(reply, signed.sessionToken, signed.expiresAt, deps.secureCookies);
      return { user: signed.user, csrfToken: signed.csrfToken };
    },
  );

  app.post(
    '/logout',
    { schema: { summary: 'Sign out', response: { 200: signedOutSchema, ...refused } } },
    async (request, reply) => {
      await auth.signOut(request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { signedOut: true as const };
    },
  );

  app.get(
    '/me',
    {
      schema: {
        summary: 'The signed-in caller and the session CSRF token',
        response: { 200: meSchema, 401: errorSchema },
      },
    },
    async (request) => {
      const session = await auth.session(request.cookies[SESSION_COOKIE]);
      if (!session && !request.actor) throw new VesaliusError('UNAUTHENTICATED', 'Not signed in.');
      return { user: request.actor, csrfToken: session?.csrfToken ?? null };
    },
  );

  app.post(
    '/tokens',
    {
      schema: {
        summary: 'A new API token for scripts (shown once; expires after 90 days)',
        body: tokenBodySchema,
        response: { 201: createdTokenSchema, ...refused },
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      if (!['admin', 'editor', 'reviewer'].includes(user.role))
        throw new VesaliusError('FORBIDDEN', 'Readers cannot create API tokens.');
      reply.status(201);
      return auth.createApiToken(user, request.body.name);
    },
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        summary: 'Revoke one of your API tokens (an admin may revoke anyone’s)',
        params: tokenParamsSchema,
        response: { 204: z.null(), ...refused, 404: errorSchema },
      },
    },
    async (request, reply) => {
      if (!(await auth.revokeApiToken(actorOf(request), request.params.id)))
        throw new VesaliusError('NOT_FOUND', `No API token ${request.params.id} of yours.`);
      reply.status(204);
      return null;
    },
  );
};

function setSessionCookie(reply: FastifyReply, value: string, expiresAt: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}
