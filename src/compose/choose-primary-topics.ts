import type { RankedEvidence } from '../retrieve/retrieve-evidence.js';

/** Share of the question's subject a topic's title and synonyms must name. */
export const MIN_TITLE_COVERAGE = 0.3;

/**
 * The knowledge-base topics the answer is built on: the topic whose statements rank
 * best overall, plus up to two others that rank nearly as well.
 */
export function choosePrimaryTopics(evidence: RankedEvidence[], window = 20): string[] {
  const totals = new Map<string, number>();
  for (const item of evidence.slice(0, window)) {
    const topic = item.passage.topicId;
    // A topic is only the subject of the answer if its name says what the question is about;
    // a passing mention of the subject inside another topic does not qualify.
    if (!topic || item.titleCoverage < MIN_TITLE_COVERAGE) continue;
    // Diminishing credit for many hits of one topic: breadth of match beats repetition.
    const current = totals.get(topic) ?? 0;
    totals.set(topic, current + item.score / (1 + current));
  }
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  const best = ranked[0]?.[1] ?? 0;
  return ranked
    .filter(([, total], position) => position === 0 || (position < 3 && total >= best * 0.5))
    .map(([topic]) => topic);
}
