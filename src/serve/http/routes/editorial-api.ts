import type { FastifyPluginAsync } from 'fastify';
import type { ArticleService } from '../../../article-service.js';
import { authRoutes } from './auth-routes.js';
import type { EditorialDependencies } from './editorial-dependencies.js';
import { identifyCaller } from './identify-caller.js';
import { reviewRoutes } from './review-routes.js';
import { userRoutes } from './user-routes.js';

/**
 * The editorial API as one encapsulated plugin: every route in it knows its caller (bearer API
 * token, or session cookie with CSRF on changes) through the `identifyCaller` hook, and the
 * user and review routes refuse strangers with 401 before validating anything. Every
 * operation's role is checked on the server, by ReviewService.
 */
export const editorialApi: FastifyPluginAsync<EditorialDependencies & { articles: ArticleService }> = async (
  app,
  deps,
) => {
  app.decorateRequest('actor', null);
  app.addHook('preValidation', identifyCaller(deps.auth));
  await app.register(authRoutes, { ...deps, prefix: '/api/auth' });
  await app.register(userRoutes, { ...deps, prefix: '/api/users' });
  await app.register(reviewRoutes, { ...deps, prefix: '/api/review' });
};
