import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema } from '../../../contract/api-contract.js';
import {
  newUserBodySchema,
  roleBodySchema,
  userSchema,
  usernameParamsSchema,
  usersSchema,
} from '../../../contract/editorial-contract.js';
import { VesaliusError } from '../../../domain/errors.js';
import type { EditorialDependencies } from './editorial-dependencies.js';
import { actorOf, requireSignedIn } from './identify-caller.js';

const refused = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema };

/** `/api/users`: accounts, managed by admins (the last admin cannot be demoted). */
export const userRoutes: FastifyPluginAsync<EditorialDependencies> = async (fastify, { review, repository }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('preValidation', requireSignedIn);

  app.get(
    '',
    { schema: { summary: 'List accounts (admin)', response: { 200: usersSchema, ...refused } } },
    async (request) => {
      if (actorOf(request).role !== 'admin') throw new VesaliusError('FORBIDDEN', 'Only an admin can list accounts.');
      return { users: await repository.listUsers() };
    },
  );

  app.post(
    '',
    {
      schema: {
        summary: 'Add an account (admin); the password must pass the password rule',
        body: newUserBodySchema,
        response: { 201: userSchema, ...refused },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return review.addUser({ ...request.body, credentials: request.body.credentials ?? '' }, actorOf(request));
    },
  );

  app.post(
    '/:username/role',
    {
      schema: {
        summary: "Change an account's role (admin)",
        params: usernameParamsSchema,
        body: roleBodySchema,
        response: { 200: userSchema, ...refused, 404: errorSchema },
      },
    },
    async (request) => review.setRole(request.params.username, request.body.role, actorOf(request)),
  );
};
