import type { Topic } from '../domain/topic.js';

export interface TopicSuggestion {
  topicId: string;
  title: string;
  specialty: string;
}

/**
 * Topics for what someone is typing, best first: a name (title or synonym) that starts with
 * the text, then one with a word that does, then any that contains it; shorter names first.
 */
export function suggestTopics(topics: readonly Topic[], typed: string, limit: number): TopicSuggestion[] {
  const query = typed.trim().toLowerCase();
  if (query.length === 0) return [];
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
  return scored
    .slice(0, limit)
    .map(({ topic }) => ({ topicId: topic.id, title: topic.title, specialty: topic.specialty }));
}
