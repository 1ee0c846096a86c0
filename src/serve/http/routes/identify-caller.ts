import type { FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import type { User } from '../../../domain/editorial.js';
import { VesaliusError } from '../../../domain/errors.js';
import { type AuthService, sameSecret } from '../../../editorial/auth-service.js';

export const SESSION_COOKIE = 'vesalius_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller of the editorial API, or null. */
    actor: User | null;
  }
}

/**
 * Who is calling the editorial API: a bearer API token or a session cookie, whose changes must
 * echo the session's CSRF token. Runs before the body is validated, so a stranger gets 401
 * before any 400; the role for each operation is checked by the review service.
 */
export function identifyCaller(auth: AuthService): preValidationAsyncHookHandler {
  return async function identifyCallerHook(request) {
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      request.actor = await auth.apiTokenUser(bearer);
      if (!request.actor) throw new VesaliusError('UNAUTHENTICATED', 'The API token is not valid.');
      return;
    }
    const session = await auth.session(request.cookies[SESSION_COOKIE]);
    request.actor = session?.user ?? null;
    // Cookie-authenticated changes must echo the session's CSRF token (not needed to sign in).
    if (
      session &&
      UNSAFE.has(request.method) &&
      request.routeOptions.url !== '/api/auth/login' &&
      !sameSecret(request.headers['x-csrf-token'], session.csrfToken)
    ) {
      throw new VesaliusError('FORBIDDEN', 'Missing or wrong X-CSRF-Token header: reload the page and try again.');
    }
  };
}

/** Refuses a caller who is not signed in (401), before anything else is looked at. */
export async function requireSignedIn(request: FastifyRequest): Promise<void> {
  if (!request.actor) throw new VesaliusError('UNAUTHENTICATED', 'Sign in first.');
}

/** The signed-in caller (after requireSignedIn). */
export function actorOf(request: FastifyRequest): User {
  if (!request.actor) throw new VesaliusError('UNAUTHENTICATED', 'Sign in first.');
  return request.actor;
}
