import { threadContextOf } from './answer-question.js';
import type { Article } from './domain/article.js';
import type { Audience } from './domain/audience.js';
import { VesaliusError } from './domain/errors.js';
import { newId as randomId } from './storage/new-id.js';
import type { ArticleStore, ArticleSummary, StoredArticle, ThreadContext } from './storage/article-store.js';

/** Composes an answer: in worker threads in the server, in this thread otherwise. */
export type Answerer = (question: string, audience: Audience, context?: ThreadContext | null) => Promise<Article>;

/** What answers questions (the Vesalius pipeline). */
interface AnswersQuestions {
  ask(question: string, audience?: Audience, context?: ThreadContext | null): Article;
}

/** An article as the API returns it: the CLI's JSON plus its identity in the store. */
export type PublishedArticle = Article & {
  id: string;
  permalink: string;
  threadId: string;
  parentId: string | null;
  createdAt: string;
};

/** Who asked, for per-client caps: a pseudonymous key (a hash of the address), never shown. */
export type Client = string | null;

/** Most questions one thread keeps (the first and its follow-ups). */
export const MAX_THREAD = 50;

/**
 * Asking, re-rendering and following up, with stable ids and threads. Shared by the
 * HTTP API and anything else that keeps articles.
 */
export class ArticleService {
  constructor(
    vesalius: AnswersQuestions,
    private readonly store: ArticleStore,
    private readonly clock: () => Date = () => new Date(),
    private readonly newId: () => string = randomId,
    /** Where answers are composed: worker threads in the server, this thread otherwise. */
    private readonly answer: Answerer = async (question, audience, context) =>
      vesalius.ask(question, audience, context),
    /** Answers one client may have stored in 24 hours (0: no cap), so no one address fills the disk. */
    private readonly dailyPerClient = 0,
  ) {}

  /**
   * Forgets threads whose last question is older than `days` days, except those holding an
   * answer under editorial review (`keep`); returns how many answers were removed.
   */
  async prune(days: number, keep: string[]): Promise<number> {
    if (days <= 0) return 0;
    const before = new Date(this.clock().getTime() - days * 86_400_000).toISOString();
    return this.store.deleteThreadsBefore(before, keep);
  }

  /** Whether the answer store answers (readiness). */
  ping(): Promise<void> {
    return this.store.ping();
  }

  async ask(question: string, audience: Audience, client: Client = null): Promise<PublishedArticle> {
    await this.checkQuota(client);
    const article = await this.answer(question, audience);
    const id = this.newId();
    return this.keep(
      {
        id,
        threadId: id,
        parentId: null,
        createdAt: this.clock().toISOString(),
        article,
        context: null,
      },
      client,
    );
  }

  async followUp(
    parentId: string,
    question: string,
    audience?: Audience,
    client: Client = null,
  ): Promise<PublishedArticle> {
    await this.checkQuota(client);
    const parent = await this.require(parentId);
    // A thread is a conversation, not a log anyone may append to forever (and read back whole).
    const length = (await this.store.thread(parent.threadId)).length;
    if (length >= MAX_THREAD)
      throw new VesaliusError(
        'CONFLICT',
        `This thread already has ${length} questions, the most one thread keeps: ask a new question to start another.`,
        { details: { field: 'threadId' } },
      );
    const context = this.contextOf(parent.article);
    const article = await this.answer(question, audience ?? parent.article.audience, context);
    return this.keep(
      {
        id: this.newId(),
        threadId: parent.threadId,
        parentId,
        createdAt: this.clock().toISOString(),
        article,
        context,
      },
      client,
    );
  }

  /** The stored article, re-rendered for another audience when asked (composition is deterministic). */
  async get(id: string, audience?: Audience): Promise<PublishedArticle> {
    const record = await this.require(id);
    if (!audience || audience === record.article.audience) return publish(record);
    const article = await this.answer(record.article.question, audience, record.context);
    return publish({ ...record, article });
  }

  async thread(threadId: string): Promise<PublishedArticle[]> {
    const records = await this.store.thread(threadId);
    if (records.length === 0)
      throw new VesaliusError('NOT_FOUND', `No thread ${threadId}.`, { details: { field: 'threadId' } });
    return records.map(publish);
  }

  async recent(limit: number): Promise<Array<ArticleSummary & { permalink: string }>> {
    return (await this.store.recent(limit)).map((summary) => ({ ...summary, permalink: `/a/${summary.id}` }));
  }

  private async checkQuota(client: Client): Promise<void> {
    if (!client || this.dailyPerClient <= 0) return;
    const since = new Date(this.clock().getTime() - 86_400_000).toISOString();
    const count = await this.store.countByClientSince(client, since);
    if (count >= this.dailyPerClient)
      throw new VesaliusError(
        'RATE_LIMITED',
        `This address has asked ${count} questions in the last 24 hours, the most the server keeps for one address: try again later.`,
        { retryable: true },
      );
  }

  private async keep(record: StoredArticle, client: Client = null): Promise<PublishedArticle> {
    await this.store.save(record, client);
    return publish(record);
  }

  private async require(id: string): Promise<StoredArticle> {
    const record = await this.store.get(id);
    if (!record)
      throw new VesaliusError(
        'NOT_FOUND',
        `No article ${id}: it may have been asked on another server. Ask the question again.`,
        { details: { field: 'id' } },
      );
    return record;
  }

  private contextOf(article: Article): ThreadContext {
    return threadContextOf(article);
  }
}

function publish(record: StoredArticle): PublishedArticle {
  return {
    ...record.article,
    id: record.id,
    permalink: `/a/${record.id}`,
    threadId: record.threadId,
    parentId: record.parentId,
    createdAt: record.createdAt,
  };
}
