import type { Passage } from '../domain/passage.js';
import type { Source } from '../domain/source.js';
import type { Topic } from '../domain/topic.js';

/**
 * A query as a list of concepts. Each concept is a set of alternative phrases
 * (a term and its synonyms); a phrase is a list of plain word tokens. Adapters
 * translate it to their engine's syntax, so user text never reaches a query parser.
 */
export interface IndexQuery {
  concepts: Array<{ phrases: string[][]; weight: number }>;
  /** Restrict to passages of these sources' origins (e.g. only the knowledge base). */
  origins?: string[];
  /** Rank by the passage text alone rather than by all fields weighted (title, keywords, section, text). */
  textOnly?: boolean;
  /** Also report each hit's relevance in its text alone (`IndexHit.textScore`; 0 otherwise). */
  withTextScore?: boolean;
}

export interface IndexHit {
  passage: Passage;
  /** Engine relevance, higher is better, not comparable across queries. */
  score: number;
  /** The same relevance counted in the passage's own text only (no title, keywords or section). */
  textScore: number;
}

export interface SourceListing {
  source: Source;
  passages: number;
}

export interface IndexStats {
  sources: number;
  passages: number;
  topics: number;
  byOrigin: Record<string, number>;
}

/** One ingested unit: a source with all of its passages (replaces any earlier copy). */
export interface IndexUnit {
  source: Source;
  passages: Passage[];
  /** Sources the passages cite, stored without passages (knowledge-base references). */
  citedSources?: Source[];
  topic?: Topic;
}

/**
 * The full-text index every engine implements (SQLite FTS5 embedded; PostgreSQL and a
 * distributed engine later). Writes are grouped with `write` so adapters can batch.
 */
export interface SearchIndex {
  /** Set when a damaged index file was set aside and rebuilt: where the damaged copy went. */
  readonly recoveredFrom?: string | null;
  write(units: IndexUnit[], options?: { append?: boolean }): void;
  deleteSources(ids: string[]): void;
  /** Removes cited-only sources that no passage cites any more. */
  pruneUncitedSources(origin: string): number;
  search(query: IndexQuery, limit: number): IndexHit[];
  getPassages(ids: string[]): Passage[];
  /** All passages of one source, in their original order. */
  passagesOfSource(sourceId: string): Passage[];
  getSources(ids: string[]): Source[];
  getTopics(ids: string[]): Topic[];
  listTopics(): Topic[];
  listSources(options: { origin?: string; limit: number; offset: number }): SourceListing[];
  sourceIdsByOrigin(origin: string): string[];
  stats(): IndexStats;
  /** How many passages contain each word (as the engine stems it), and how many passages there are. */
  termStatistics(words: string[]): { documents: number; frequencies: Map<string, number> };
  /**
   * Which of these lower-case words are in the stored word list (the English and medical
   * dictionaries, kept in the index as derived data so a question can be checked without
   * loading them).
   */
  knownWords(words: string[]): Set<string>;
  /** Replaces the stored word list and records its version. */
  replaceWordList(version: string, words: Iterable<string>): void;
  wordListVersion(): string | undefined;
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  close(): void;
}
