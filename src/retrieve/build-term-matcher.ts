import type { Topic } from '../domain/topic.js';
import { LEXICON } from './medical-lexicon.js';
import { TermMatcher } from './term-matcher.js';

/** Equivalent medical terms (abbreviations, synonyms, brand and generic names): used to expand questions. */
export const LEXICON_MATCHER = new TermMatcher(LEXICON);

/**
 * Every name Vesalius knows: the lexicon plus each knowledge-base topic's title and
 * synonyms. Used to recognise that a question is about health, not to expand it: a
 * topic's synonyms are related terms, not equivalents.
 */
export function buildNameMatcher(topics: Topic[]): TermMatcher {
  const groups = LEXICON.map((group) => [...group]);
  for (const topic of topics) {
    const names = new Set<string>([topic.title, ...topic.synonyms]);
    const bare = topic.title.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    if (bare) names.add(bare);
    for (const inner of topic.title.matchAll(/\(([^)]+)\)/g)) if (inner[1]) names.add(inner[1]);
    groups.push([...names]);
  }
  return new TermMatcher(groups, LEXICON.length);
}
