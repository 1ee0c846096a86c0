import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorSchema,
  idParamsSchema,
  passageResponseSchema,
  sourceResponseSchema,
  suggestQuerySchema,
  suggestionsSchema,
} from '../../../contract/api-contract.js';
import { VesaliusError } from '../../../domain/errors.js';
import type { Vesalius } from '../../../wiring.js';

/** How a knowledge-base topic stands in review, when the editorial store is available. */
export type TopicReview = (topicId: string) => Promise<{
  reviewStatus: 'submitted' | 'under_review' | 'approved';
  reviewedBy: { name: string; credentials: string; date: string } | null;
} | null>;

export function sourceRoutes(
  fastify: FastifyInstance,
  vesalius: Vesalius,
  topicReview: TopicReview | null = null,
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const notFound = { 400: errorSchema, 404: errorSchema };
  app.get(
    '/api/passages/:id',
    {
      schema: {
        summary: 'A passage (statement) with its source and the publications it cites: what a citation points to',
        params: idParamsSchema,
        response: { 200: passageResponseSchema, ...notFound },
      },
    },
    async (request) => {
      const found = vesalius.passage(request.params.id);
      if (!found)
        throw new VesaliusError('NOT_FOUND', `No passage ${request.params.id}.`, { details: { field: 'id' } });
      const { passage, source, cites } = found;
      return {
        passage: {
          id: passage.id,
          sourceId: passage.sourceId,
          section: passage.section,
          text: passage.text,
          title: passage.title,
        },
        source,
        cites,
        // A knowledge-base statement: who reviewed its topic and when (null: never submitted).
        ...(passage.topicId && topicReview ? { topicReview: await topicReview(passage.topicId) } : {}),
      };
    },
  );

  app.get(
    '/api/sources/:id',
    {
      schema: {
        summary: 'A source and its passages',
        params: idParamsSchema,
        response: { 200: sourceResponseSchema, ...notFound },
      },
    },
    async (request) => {
      const found = vesalius.source(request.params.id);
      if (!found) throw new VesaliusError('NOT_FOUND', `No source ${request.params.id}.`, { details: { field: 'id' } });
      return {
        source: found.source,
        passages: found.passages.map(({ id, section, text }) => ({ id, section, text })),
      };
    },
  );

  app.get(
    '/api/suggest',
    {
      schema: {
        summary: 'Topic suggestions for what is being typed',
        querystring: suggestQuerySchema,
        response: { 200: suggestionsSchema, 400: errorSchema },
      },
    },
    async (request) => {
      return { suggestions: vesalius.suggest(request.query.q, request.query.limit) };
    },
  );
}
