import type { FastifyInstance } from 'fastify';
import { VesaliusError } from '../../../domain/errors.js';
import type { Topic } from '../../../domain/topic.js';
import type { Vesalius } from '../../../wiring.js';
import { idParamsSchema, suggestQuerySchema } from '../api-schemas.js';

/** How a knowledge-base topic stands in review, when the editorial store is available. */
export type TopicReview = (topicId: string) => Promise<{
  reviewStatus: 'submitted' | 'under_review' | 'approved';
  reviewedBy: { name: string; credentials: string; date: string } | null;
} | null>;

export function sourceRoutes(app: FastifyInstance, vesalius: Vesalius, topicReview: TopicReview | null = null): void {
  app.get<{ Params: { id: string } }>('/api/passages/:id', { schema: { params: idParamsSchema } }, async (request) => {
    const [passage] = vesalius.index.getPassages([request.params.id]);
    if (!passage)
      throw new VesaliusError('NOT_FOUND', `No passage ${request.params.id}.`, { details: { field: 'id' } });
    const [source] = vesalius.index.getSources([passage.sourceId]);
    const cited = vesalius.index.getSources(passage.citations);
    return {
      passage: {
        id: passage.id,
        sourceId: passage.sourceId,
        section: passage.section,
        text: passage.text,
        title: passage.title,
      },
      source: source ?? null,
      cites: cited,
      // A knowledge-base statement: who reviewed its topic and when (null: never submitted).
      ...(passage.topicId && topicReview ? { topicReview: await topicReview(passage.topicId) } : {}),
    };
  });

  app.get<{ Params: { id: string } }>('/api/sources/:id', { schema: { params: idParamsSchema } }, async (request) => {
    const [source] = vesalius.index.getSources([request.params.id]);
    if (!source) throw new VesaliusError('NOT_FOUND', `No source ${request.params.id}.`, { details: { field: 'id' } });
    return {
      source,
      passages: vesalius.index.passagesOfSource(source.id).map(({ id, section, text }) => ({ id, section, text })),
    };
  });

  let topics: Topic[] | undefined;
  app.get<{ Querystring: { q: string; limit: number } }>(
    '/api/suggest',
    { schema: { querystring: suggestQuerySchema } },
    async (request) => {
      topics ??= vesalius.index.listTopics();
      const query = request.query.q.trim().toLowerCase();
      if (query.length === 0) return { suggestions: [] };
      // Best first: a name that starts with the text, then a word that does, then any match; shorter names first.
      const scored = topics.flatMap((topic) => {
        let best = Number.POSITIVE_INFINITY;
        for (const name of [topic.title, ...topic.synonyms].map((value) => value.toLowerCase())) {
          const rank = name.startsWith(query)
            ? 0
            : name.split(/[\s(/-]+/).some((word) => word.startsWith(query))
              ? 1
              : name.includes(query)
                ? 2
                : -1;
          if (rank >= 0) best = Math.min(best, rank * 1000 + name.length);
        }
        return Number.isFinite(best) ? [{ rank: best, topic }] : [];
      });
      scored.sort((a, b) => a.rank - b.rank || a.topic.title.localeCompare(b.topic.title));
      return {
        suggestions: scored
          .slice(0, request.query.limit)
          .map(({ topic }) => ({ topicId: topic.id, title: topic.title, specialty: topic.specialty })),
      };
    },
  );
}
