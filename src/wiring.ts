import { answerQuestion } from './answer-question.js';
import type { Answerer, ArticleService } from './article-service.js';
import { topicAsArticle } from './compose/topic-as-article.js';
import type { Config } from './config/load-config.js';
import type { Article } from './domain/article.js';
import type { Audience } from './domain/audience.js';
import type { ThreadContext } from './domain/thread-context.js';
import type { Passage } from './domain/passage.js';
import type { Source } from './domain/source.js';
import type { Topic } from './domain/topic.js';
import type { IndexStats, SearchIndex, SourceListing } from './indexing/search-index.js';
import { SqliteSearchIndex } from './indexing/sqlite/sqlite-search-index.js';
import type { IngestIssue } from './ingest/ingest-issue.js';
import { type IngestProgress, type IngestSummary, ingestPaths } from './ingest/ingest-paths.js';
import { EutilsClient } from './ingest/pubmed/eutils-client.js';
import { fingerprintRules, loadClinicalRules } from './ingest/read-clinical-rules.js';
import type { ClinicalRules } from './domain/clinical-rules.js';
import { readWordLists } from './ingest/read-word-lists.js';
import { type SyncResult, syncKnowledgeBase, VOCABULARY_KEY, vocabularyOf } from './ingest/sync-knowledge-base.js';
import { analyzeQuestion } from './retrieve/analyze-question.js';
import { buildSynonymMatcher } from './retrieve/build-term-matcher.js';
import { AnswerRetriever } from './retrieve/gather-answer-evidence.js';
import { EvidenceRetriever } from './retrieve/retrieve-evidence.js';
import { suggestTopics, type TopicSuggestion } from './retrieve/suggest-topics.js';
import type { AuthService } from './editorial/auth-service.js';
import type { ReviewService } from './editorial/review-service.js';
import type { ArticleStore } from './storage/article-store.js';
import type { EditorialRepository } from './storage/editorial-repository.js';
import { backupStores, restoreStores } from './storage/sqlite/backup-stores.js';
import { tokenize } from './text/tokenize.js';
import { compileRules } from './understand/compile-rules.js';
import { EntityIndex } from './understand/entity-index.js';
import { SpellingCorrector } from './understand/spelling-corrector.js';
import type { PubmedLookup } from './verify/verify-references.js';
import { topicSourceId } from './domain/ids.js';

interface SearchResult {
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
  /** A passage (a statement) with its source and the publications it cites; null when unknown. */
  passage(id: string): { passage: Passage; source: Source | null; cites: Source[] } | null;
  /** A source with its passages; null when unknown. */
  source(id: string): { source: Source; passages: Passage[] } | null;
  /** Knowledge-base topics for what someone is typing, best first. */
  suggest(typed: string, limit: number): TopicSuggestion[];
  /** Knowledge-base topics by id. */
  topics(ids: string[]): Topic[];
  /** What is indexed, in counts. */
  stats(): IndexStats;
  /** A page of the indexed sources, with their passage counts. */
  listSources(options: { origin?: string; limit: number; offset: number }): SourceListing[];
  /** Where a damaged index was moved before it was rebuilt, when that happened on open. */
  readonly recoveredFrom: string | null;
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
  const rules = compileRules(cachedRules(index, config.knowledgeDir));
  const words = readWordLists();
  if (index.wordListVersion() !== words.version) index.replaceWordList(words.version, words.words());
  const retriever = new EvidenceRetriever(index);
  const synonyms = buildSynonymMatcher(rules.source.synonyms);
  let entities: EntityIndex | undefined;
  let topicList: Topic[] | undefined;
  let speller: SpellingCorrector | undefined;
  const getEntities = () =>
    (entities ??= new EntityIndex(index.listTopics(), rules.source.synonyms, rules.source.spelling.variants));
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
    rules.source.sectionPlans.layAdviceForPatientsOnly.map((pattern) => new RegExp(pattern, 'i')),
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
      topicList = undefined;
      return summary;
    },
    passage(id) {
      const [passage] = index.getPassages([id]);
      if (!passage) return null;
      const [source] = index.getSources([passage.sourceId]);
      return { passage, source: source ?? null, cites: index.getSources(passage.citations) };
    },
    source(id) {
      const [source] = index.getSources([id]);
      return source ? { source, passages: index.passagesOfSource(source.id) } : null;
    },
    suggest(typed, limit) {
      topicList ??= index.listTopics();
      return suggestTopics(topicList, typed, limit);
    },
    topics: (ids) => index.getTopics(ids),
    stats: () => index.stats(),
    listSources: (listing) => index.listSources(listing),
    recoveredFrom: index.recoveredFrom ?? null,
    topicArticles: () =>
      index.listTopics().map((topic) => {
        const statements = index.passagesOfSource(topicSourceId(topic.id));
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

/**
 * The clinical rules, validated once per change of the rule files and kept in the index as
 * JSON (parsing the YAML on every command start costs more than answering a question).
 */
function cachedRules(index: SearchIndex, knowledgeDir: string): ClinicalRules {
  const fingerprint = fingerprintRules(knowledgeDir);
  if (index.getMeta(RULES_FINGERPRINT) === fingerprint) {
    const stored = index.getMeta(RULES_JSON);
    if (stored) return JSON.parse(stored) as ClinicalRules;
  }
  const rules = loadClinicalRules(knowledgeDir);
  index.setMeta(RULES_JSON, JSON.stringify(rules));
  index.setMeta(RULES_FINGERPRINT, fingerprint);
  return rules;
}
const RULES_FINGERPRINT = 'clinical_rules_fingerprint';
const RULES_JSON = 'clinical_rules';

/** The knowledge base's own words with their counts, kept in the index when it was synced. */
function lazyVocabulary(index: SearchIndex, extra: string[]): () => Map<string, number> {
  let vocabulary: Map<string, number> | undefined;
  return () => {
    if (vocabulary) return vocabulary;
    const stored = index.getMeta(VOCABULARY_KEY);
    if (stored) vocabulary = new Map(JSON.parse(stored) as Array<[string, number]>);
    else {
      // An index synced before the vocabulary was kept: read it once and keep it.
      const units = index.listTopics().map((topic) => ({
        source: {
          id: topicSourceId(topic.id),
          kind: 'knowledge-base-topic' as const,
          origin: 'knowledge-base' as const,
          title: topic.title,
          authors: [],
        },
        passages: index.passagesOfSource(topicSourceId(topic.id)),
        topic,
      }));
      vocabulary = vocabularyOf(units);
      index.setMeta(VOCABULARY_KEY, JSON.stringify([...vocabulary]));
    }
    for (const word of extra.flatMap((term) => tokenize(term))) vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
    return vocabulary;
  };
}

/** Generated articles and threads: in PostgreSQL when a database URL is configured (shared by instances), else SQLite beside the index. */
export async function openArticleStore(config: Config): Promise<ArticleStore> {
  if (config.databaseUrl) {
    // Loaded on demand: embedded installs never load the PostgreSQL driver.
    const { openPostgresArticleStore } = await import('./storage/postgres/postgres-stores.js');
    return openPostgresArticleStore(config.databaseUrl);
  }
  // The stores and their query builder load on demand: `vesalius ask` never needs them.
  const { SqliteArticleStore } = await import('./storage/sqlite/sqlite-article-store.js');
  return new SqliteArticleStore(config.storePath);
}

/** The editorial store: PostgreSQL when a database URL is configured (several app instances), else SQLite beside the index. */
async function openEditorialRepository(config: Config): Promise<EditorialRepository> {
  if (config.databaseUrl) {
    const { openPostgresEditorialRepository } = await import('./storage/postgres/postgres-stores.js');
    return openPostgresEditorialRepository(config.databaseUrl);
  }
  const { SqliteEditorialRepository } = await import('./storage/sqlite/sqlite-editorial-repository.js');
  return new SqliteEditorialRepository(config.editorialPath);
}

/**
 * Kept answers and threads over the configured answer store, with the per-client daily cap;
 * `answer` composes answers elsewhere (the server's worker threads), else in this thread.
 */
export async function openArticleService(
  config: Config,
  vesalius: Vesalius,
  answer?: Answerer,
): Promise<{ service: ArticleService; store: ArticleStore }> {
  const store = await openArticleStore(config);
  const { ArticleService } = await import('./article-service.js');
  const service = new ArticleService(vesalius, store, undefined, undefined, answer, config.dailyQuestionsPerClient);
  return { service, store };
}

/** The editorial side, opened and composed here: its store, the review workflow and sign-in. */
export async function openEditorial(
  config: Config,
): Promise<{ repository: EditorialRepository; review: ReviewService; auth: AuthService }> {
  const repository = await openEditorialRepository(config);
  const [{ ReviewService }, { AuthService }] = await Promise.all([
    import('./editorial/review-service.js'),
    import('./editorial/auth-service.js'),
  ]);
  return { repository, review: new ReviewService(repository), auth: new AuthService(repository) };
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
