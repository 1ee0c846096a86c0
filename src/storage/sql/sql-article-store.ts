import { sql } from 'kysely';
import type { ArticleStore, ArticleSummary, StoredArticle } from '../article-store.js';
import type { SqlEngine } from './sql-engine.js';

/**
 * Generated answers and their threads on either engine: an embedded SQLite file per
 * instance, or PostgreSQL shared by several so every instance serves every permalink.
 */
export class SqlArticleStore implements ArticleStore {
  constructor(private readonly engine: SqlEngine) {}

  private get table() {
    return this.engine.notes.answersTable;
  }

  async save(record: StoredArticle, client: string | null = null): Promise<void> {
    const { article } = record;
    const { notes } = this.engine;
    await this.engine.db
      .insertInto(this.table)
      .values({
        id: record.id,
        thread_id: record.threadId,
        parent_id: record.parentId,
        created_at: record.createdAt,
        question: article.question,
        title: article.title,
        status: article.status,
        article: notes.json(article),
        context: record.context ? notes.json(record.context) : null,
        client,
      })
      .execute();
  }

  async countByClientSince(client: string, since: string): Promise<number> {
    const row = await this.engine.db
      .selectFrom(this.table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('client', '=', client)
      .where(this.engine.notes.bytewise('created_at'), '>=', since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async get(id: string): Promise<StoredArticle | undefined> {
    const row = await this.engine.db
      .selectFrom(this.table)
      .select(['id', 'thread_id', 'parent_id', 'created_at', 'article', 'context'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? this.toRecord(row) : undefined;
  }

  async thread(threadId: string): Promise<StoredArticle[]> {
    const rows = await this.engine.db
      .selectFrom(this.table)
      .select(['id', 'thread_id', 'parent_id', 'created_at', 'article', 'context'])
      .where('thread_id', '=', threadId)
      .orderBy(this.engine.notes.bytewise('created_at'))
      .orderBy(sql.ref(this.engine.notes.answerTieBreak))
      .execute();
    return rows.map((row) => this.toRecord(row));
  }

  async recent(limit: number): Promise<ArticleSummary[]> {
    const rows = await this.engine.db
      .selectFrom(this.table)
      .select(['id', 'question', 'title', 'status', 'created_at'])
      .where('parent_id', 'is', null)
      .orderBy(this.engine.notes.bytewise('created_at'), 'desc')
      .orderBy(sql.ref(this.engine.notes.answerTieBreak), 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      question: row.question,
      title: row.title,
      status: row.status,
      createdAt: row.created_at,
    }));
  }

  async deleteThreadsBefore(before: string, keep: string[]): Promise<number> {
    const { db, notes } = this.engine;
    const stale = db
      .selectFrom(this.table)
      .select('thread_id')
      .groupBy('thread_id')
      .having((eb) => eb(eb.fn.max(notes.bytewise('created_at')), '<', before));
    const result = await db
      .deleteFrom(this.table)
      .where('thread_id', 'in', stale)
      .$if(keep.length > 0, (query) =>
        query.where('thread_id', 'not in', db.selectFrom(this.table).select('thread_id').where('id', 'in', keep)),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  ping(): Promise<void> {
    return this.engine.ping();
  }

  close(): Promise<void> {
    return this.engine.close();
  }

  private toRecord(row: {
    id: string;
    thread_id: string;
    parent_id: string | null;
    created_at: string;
    article: unknown;
    context: unknown;
  }): StoredArticle {
    const { notes } = this.engine;
    return {
      id: row.id,
      threadId: row.thread_id,
      parentId: row.parent_id,
      createdAt: row.created_at,
      article: notes.fromJson<StoredArticle['article']>(row.article),
      context: row.context === null ? null : notes.fromJson<StoredArticle['context']>(row.context),
    };
  }
}
