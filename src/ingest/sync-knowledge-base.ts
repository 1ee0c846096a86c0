import type { IndexUnit, SearchIndex } from '../indexing/search-index.js';
import { tokenize } from '../text/tokenize.js';
import { fingerprintKnowledgeBase, readKnowledgeBase } from './read-knowledge-base.js';
import { isTopicSourceId } from '../domain/ids.js';

const META_KEY = 'knowledge_base_fingerprint';
/** The knowledge base's words with their counts, kept beside it so spelling correction need not re-read it. */
export const VOCABULARY_KEY = 'knowledge_base_vocabulary';

/** Every word of the knowledge base (statements, titles, synonyms) with how often it occurs. */
export function vocabularyOf(units: IndexUnit[]): Map<string, number> {
  const vocabulary = new Map<string, number>();
  const add = (text: string) => {
    for (const word of tokenize(text)) vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
  };
  for (const unit of units) {
    if (unit.topic) add(`${unit.topic.title} ${unit.topic.synonyms.join(' ')}`);
    for (const passage of unit.passages) add(passage.text);
  }
  return vocabulary;
}

export interface SyncResult {
  changed: boolean;
  topics: number;
  statements: number;
  /** Topic files left out because they do not validate. */
  invalidFiles: string[];
}

/**
 * Indexes the built-in knowledge base when the index has never seen it or any topic
 * file changed since (content hash), replacing the previous copy; otherwise does nothing.
 */
export function syncKnowledgeBase(index: SearchIndex, root: string, options: { force?: boolean } = {}): SyncResult {
  const fingerprint = fingerprintKnowledgeBase(root);
  if (!options.force && index.getMeta(META_KEY) === fingerprint) {
    return { changed: false, topics: 0, statements: 0, invalidFiles: [] };
  }
  const knowledge = readKnowledgeBase(root);
  const stale = index.sourceIdsByOrigin('knowledge-base').filter(isTopicSourceId);
  index.deleteSources(stale);
  index.write(knowledge.units);
  index.pruneUncitedSources('knowledge-base');
  index.setMeta(VOCABULARY_KEY, JSON.stringify([...vocabularyOf(knowledge.units)]));
  index.setMeta(META_KEY, knowledge.fingerprint);
  const invalidFiles = knowledge.files
    .filter((file) => file.problems.some((problem) => problem.severity === 'error'))
    .map((file) => file.file);
  return {
    changed: true,
    topics: knowledge.units.length,
    statements: knowledge.units.reduce((sum, unit) => sum + unit.passages.length, 0),
    invalidFiles,
  };
}
