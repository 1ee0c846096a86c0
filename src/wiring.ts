import { answerQuestion } from './answer-question.js';
import { topicAsArticle } from './compose/topic-as-article.js';
import type { Config } from './config/load-config.js';
import type { Article } from './domain/article.js';
import type { Audience } from './domain/audience.js';
import type { SearchIndex } from './indexing/search-index.js';
import { SqliteSearchIndex } from './indexing/sqlite/sqlite-search-index.js';
import { ingestPaths, type IngestProgress, type IngestSummary } from './ingest/ingest-paths.js';
import type { IngestIssue } from './ingest/ingest-issue.js';
import { syncKnowledgeBase, type SyncResult } from './ingest/sync-knowledge-base.js';
import { analyzeQuestion } from './retrieve/analyze-question.js';
import type { FollowUpContext } from './retrieve/plan-follow-up.js';
import { LEXICON_MATCHER, buildNameMatcher } from './retrieve/build-term-matcher.js';
import { EvidenceRetriever } from './retrieve/retrieve-evidence.js';
import type { TermMatcher } from './retrieve/term-matcher.js';
import { EutilsClient } from './ingest/pubmed/eutils-client.js';
import type { PubmedLookup } from './verify/verify-references.js';
import type { ArticleStore } from './storage/article-store.js';
import { SqliteArticleStore } from './storage/sqlite/sqlite-article-store.js';
import type { EditorialRepository } from './storage/editorial-repository.js';
import { SqliteEditorialRepository } from './storage/sqlite/sqlite-editorial-repository.js';
import { backupStores, restoreStores } from './storage/sqlite/backup-stores.js';

export interface SearchResult {
  id: string;
  sourceId: string;
  score: number;
  title: string;
  text: string;
}

export interface Vesalius {
  /** Every knowledge-base topic as a reviewable article (statements with their citations). */
  topicArticles(): Article[];
  readonly config: Config;
  readonly index: SearchIndex;
  readonly knowledgeBase: SyncResult;
  ask(question: string, audience?: Audience, context?: FollowUpContext | null): Article;
  search(query: string, limit: number): SearchResult[];
  ingest(
    paths: string[],
    options?: { progress?: IngestProgress; onIssue?: (issue: IngestIssue) => void },
  ): Promise<IngestSummary>;
  close(): void;
}

/**
 * The composition root: the only place that picks concrete adapters (SQLite FTS5 index
 * now; PostgreSQL and a distributed engine behind the same SearchIndex interface later).
 */
export function createVesalius(config: Config, options: { now?: () => Date } = {}): Vesalius {
  const index = new SqliteSearchIndex(config.dbPath);
  const knowledgeBase = syncKnowledgeBase(index, config.knowledgeDir);
  const retriever = new EvidenceRetriever(index);
  let names: TermMatcher | undefined;
  const getNames = () => (names ??= buildNameMatcher(index.listTopics()));
  const now = options.now ?? (() => new Date());
  const deps = {
    index,
    retriever,
    lexicon: LEXICON_MATCHER,
    names: getNames,
    now,
    maxQuestionChars: config.maxQuestionChars,
  };

  return {
    config,
    index,
    knowledgeBase,
    ask: (question, audience = config.defaultAudience, context = null) =>
      answerQuestion(deps, { question, audience, context }),
    search(query, limit) {
      const analysis = analyzeQuestion(query.slice(0, config.maxQuestionChars), LEXICON_MATCHER);
      return retriever.retrieve(analysis, { limit }).map((item) => ({
        id: item.passage.id,
        sourceId: item.passage.sourceId,
        score: Math.round(item.score * 10_000) / 10_000,
        title: item.passage.title || item.source.title,
        text: item.passage.text,
      }));
    },
    async ingest(paths, ingestOptions = {}) {
      const summary = await ingestPaths(index, paths, ingestOptions);
      retriever.invalidate();
      names = undefined;
      return summary;
    },
    topicArticles: () =>
      index.listTopics().map((topic) => {
        const statements = index.passagesOfSource(`kb:${topic.id}`);
        return topicAsArticle(
          topic,
          statements,
          retriever.sources(statements.flatMap((statement) => statement.citations)),
        );
      }),
    close: () => index.close(),
  };
}

/** Generated articles and threads: in PostgreSQL when a database URL is configured (shared by instances), else SQLite beside the index. */
export async function openArticleStore(config: Config): Promise<ArticleStore> {
  if (config.databaseUrl) {
    const { PostgresArticleStore } = await import('./storage/postgres/postgres-article-store.js');
    return PostgresArticleStore.open(config.databaseUrl);
  }
  return new SqliteArticleStore(config.storePath);
}

/** The editorial store: PostgreSQL when a database URL is configured (several app instances), else SQLite beside the index. */
export async function openEditorialRepository(config: Config): Promise<EditorialRepository> {
  if (config.databaseUrl) {
    // Loaded on demand: embedded installs never load the PostgreSQL driver.
    const { PostgresEditorialRepository } = await import('./storage/postgres/postgres-editorial-repository.js');
    return PostgresEditorialRepository.open(config.databaseUrl);
  }
  return new SqliteEditorialRepository(config.editorialPath);
}

/** Online backup of the embedded stores (answers and editorial) into a folder. */
export function backupEmbeddedStores(config: Config, folder: string) {
  return backupStores([config.storePath, config.editorialPath], folder);
}

/** Restores the embedded stores from a backup folder. */
export function restoreEmbeddedStores(config: Config, folder: string) {
  return restoreStores(folder, [config.storePath, config.editorialPath]);
}

/** PubMed look-ups over E-utilities, configured from the environment (base URL, API key, e-mail). */
export function createPubmedLookup(config: Config): PubmedLookup {
  return new EutilsClient(config.eutils);
}
