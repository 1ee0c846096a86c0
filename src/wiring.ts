import { answerQuestion } from './answer-question.js';
import { topicAsArticle } from './compose/topic-as-article.js';
import type { Config } from './config/load-config.js';
import type { Article } from './domain/article.js';
import type { Audience } from './domain/audience.js';
import type { ThreadContext } from './domain/thread-context.js';
import type { Topic } from './domain/topic.js';
import type { SearchIndex } from './indexing/search-index.js';
import { SqliteSearchIndex } from './indexing/sqlite/sqlite-search-index.js';
import type { IngestIssue } from './ingest/ingest-issue.js';
import { type IngestProgress, type IngestSummary, ingestPaths } from './ingest/ingest-paths.js';
import { EutilsClient } from './ingest/pubmed/eutils-client.js';
import { loadClinicalRules } from './ingest/read-clinical-rules.js';
import { readWordLists } from './ingest/read-word-lists.js';
import { type SyncResult, syncKnowledgeBase } from './ingest/sync-knowledge-base.js';
import { analyzeQuestion } from './retrieve/analyze-question.js';
import { buildSynonymMatcher } from './retrieve/build-term-matcher.js';
import { AnswerRetriever } from './retrieve/gather-answer-evidence.js';
import { EvidenceRetriever } from './retrieve/retrieve-evidence.js';
import type { ArticleStore } from './storage/article-store.js';
import type { EditorialRepository } from './storage/editorial-repository.js';
import { backupStores, restoreStores } from './storage/sqlite/backup-stores.js';
import { SqliteArticleStore } from './storage/sqlite/sqlite-article-store.js';
import { SqliteEditorialRepository } from './storage/sqlite/sqlite-editorial-repository.js';
import { tokenize } from './text/tokenize.js';
import { compileRules } from './understand/compile-rules.js';
import { EntityIndex } from './understand/entity-index.js';
import { SpellingCorrector } from './understand/spelling-corrector.js';
import type { PubmedLookup } from './verify/verify-references.js';

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
  ask(question: string, audience?: Audience, context?: ThreadContext | null): Article;
  search(query: string, limit: number): SearchResult[];
  ingest(
    paths: string[],
    options?: { progress?: IngestProgress; onIssue?: (issue: IngestIssue) => void },
  ): Promise<IngestSummary>;
  close(): void;
}

/**
 * The composition root: the only place that picks concrete adapters (SQLite FTS5 index
 * now; PostgreSQL and a distributed engine behind the same SearchIndex interface later)
 * and loads the clinical rules the stages run on.
 */
export function createVesalius(config: Config, options: { now?: () => Date } = {}): Vesalius {
  const index = new SqliteSearchIndex(config.dbPath);
  const knowledgeBase = syncKnowledgeBase(index, config.knowledgeDir);
  const rules = compileRules(loadClinicalRules(config.knowledgeDir));
  const words = readWordLists();
  if (index.wordListVersion() !== words.version) index.replaceWordList(words.version, words.words());
  const retriever = new EvidenceRetriever(index);
  const synonyms = buildSynonymMatcher(rules.source.synonyms);
  let entities: EntityIndex | undefined;
  let speller: SpellingCorrector | undefined;
  const getEntities = () => (entities ??= new EntityIndex(index.listTopics(), rules.source.synonyms));
  const getSpeller = () =>
    (speller ??= new SpellingCorrector({
      shorthand: rules.source.spelling.shorthand,
      vocabulary: lazyVocabulary(
        index,
        rules.source.synonyms.flatMap((group) => [...group.terms, ...group.members]),
      ),
      known: (list) => index.knownWords(list),
    }));
  const answers = new AnswerRetriever(
    index,
    getEntities,
    (ids) => retriever.sources(ids),
    rules.source.sectionPlans.layAdviceForPatientsOnly.map((pattern) => new RegExp(pattern, 'iu')),
  );
  const now = options.now ?? (() => new Date());
  const deps = {
    rules,
    entities: getEntities,
    speller: getSpeller,
    answers,
    topics: (ids: string[]) => new Map<string, Topic>(index.getTopics(ids).map((topic) => [topic.id, topic])),
    sources: (ids: string[]) => retriever.sources(ids),
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
      const analysis = analyzeQuestion(
        query.slice(0, config.maxQuestionChars),
        synonyms,
        rules.source.spelling.variants,
      );
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
      answers.invalidate();
      entities = undefined;
      speller = undefined;
      return summary;
    },
    topicArticles: () =>
      index.listTopics().map((topic) => {
        const statements = index.passagesOfSource(`kb:${topic.id}`);
        return topicAsArticle(
          topic,
          statements,
          retriever.sources(statements.flatMap((statement) => statement.citations)),
          rules.source.sectionPlans.headings,
        );
      }),
    close: () => index.close(),
  };
}

/** The knowledge base's own words with their counts, read from the index once when first needed. */
function lazyVocabulary(index: SearchIndex, extra: string[]): () => Map<string, number> {
  let vocabulary: Map<string, number> | undefined;
  return () => {
    if (vocabulary) return vocabulary;
    vocabulary = new Map();
    const add = (text: string) => {
      for (const word of tokenize(text)) vocabulary?.set(word, (vocabulary.get(word) ?? 0) + 1);
    };
    for (const topic of index.listTopics()) {
      add(`${topic.title} ${topic.synonyms.join(' ')}`);
      for (const passage of index.passagesOfSource(`kb:${topic.id}`)) add(passage.text);
    }
    for (const term of extra) add(term);
    return vocabulary;
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
