import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthSchema, readinessSchema } from '../../../contract/api-contract.js';
import type { Vesalius } from '../../../wiring.js';

/** A store readiness depends on, checked with a trivial query. */
export interface StoreProbe {
  name: string;
  ping: () => Promise<void>;
}

/**
 * Liveness (the process answers) and readiness (the index has content and every store answers
 * within a second). Readiness names a failing store but never its address or credentials.
 */
export function healthRoutes(fastify: FastifyInstance, vesalius: Vesalius, stores: StoreProbe[] = []): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/health',
    { schema: { summary: 'Liveness: the process answers', response: { 200: healthSchema } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/api/ready',
    {
      schema: {
        summary: 'Readiness: the index has content and every store answers (503 names the one that does not)',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (_request, reply) => {
      const checks: Record<string, 'ok' | 'unavailable'> = {};
      let indexReady = false;
      let stats = { topics: 0, passages: 0, sources: 0 };
      try {
        stats = vesalius.stats();
        indexReady = stats.topics > 0 || stats.passages > 0;
        checks['index'] = indexReady ? 'ok' : 'unavailable';
      } catch {
        checks['index'] = 'unavailable';
      }
      await Promise.all(
        stores.map(async (store) => {
          const timeout = new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('timeout')), 1_000).unref(),
          );
          checks[store.name] = await Promise.race([store.ping(), timeout]).then(
            () => 'ok' as const,
            () => 'unavailable' as const,
          );
        }),
      );
      const ready = Object.values(checks).every((check) => check === 'ok');
      reply.status(ready ? 200 : 503);
      return { ready, checks, topics: stats.topics, passages: stats.passages, sources: stats.sources };
    },
  );
}
