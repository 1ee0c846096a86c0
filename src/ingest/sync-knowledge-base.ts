import type { SearchIndex } from '../indexing/search-index.js';
import { fingerprintKnowledgeBase, readKnowledgeBase } from './read-knowledge-base.js';

const META_KEY = 'knowledge_base_fingerprint';

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
  const stale = index.sourceIdsByOrigin('knowledge-base').filter((id) => id.startsWith('kb:'));
  index.deleteSources(stale);
  index.write(knowledge.units);
  index.pruneUncitedSources('knowledge-base');
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
