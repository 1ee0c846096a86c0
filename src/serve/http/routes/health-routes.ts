import type { FastifyInstance } from 'fastify';
import type { Vesalius } from '../../../wiring.js';

export function healthRoutes(app: FastifyInstance, vesalius: Vesalius): void {
  app.get('/api/health', async () => ({ status: 'ok' }));
  app.get('/api/ready', async (_request, reply) => {
    const stats = vesalius.index.stats();
    const ready = stats.topics > 0 || stats.passages > 0;
    reply.status(ready ? 200 : 503);
    return { ready, topics: stats.topics, passages: stats.passages, sources: stats.sources };
  });
}
