import type { SynonymGroup } from '../domain/clinical-rules.js';
import { TermMatcher } from './term-matcher.js';

/** Equivalent medical terms (the reviewed synonym groups): used to expand search queries. */
export function buildSynonymMatcher(groups: SynonymGroup[]): TermMatcher {
  return new TermMatcher(groups.map((group) => group.terms));
}
