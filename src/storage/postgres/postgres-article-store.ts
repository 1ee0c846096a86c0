import pg from 'pg';
import { VesaliusError } from '../../domain/errors.js';
import type { ArticleStore, ArticleSummary, StoredArticle } from '../article-store.js';
import { applyPostgresMigrations } from './postgres-migrations.js';
import { describeTarget } from './postgres-editorial-repository.js';

interface AnswerRow {
  id: string;
  thread_id: string;
  parent_id: string | null;
  created_at: string;
  article: StoredArticle['article'];
  context: StoredArticle['context'];
}

/** Generated answers and threads in PostgreSQL, so every app instance serves every permalink. */
export class PostgresArticleStore implements ArticleStore {
  private readonly pool: pg.Pool;

  private constructor(private readonly connectionString: string) {
    this.pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 10_000, application_name: 'vesalius' });
    this.pool.on('error', () => undefined);
  }

  static async open(connectionString: string): Promise<PostgresArticleStore> {
    const store = new PostgresArticleStore(connectionString);
    try {
      const client = await store.pool.connect();
      try {
        await client.query('BEGIN');
        await applyPostgresMigrations(client);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    } catch (error) {
      await store.pool.end().catch(() => undefined);
      throw new VesaliusError(
        'INDEX_UNAVAILABLE',
        `Cannot open the answer store in PostgreSQL at ${describeTarget(connectionString)}: ${(error as Error).message}. Check --database / VESALIUS_DATABASE_URL.`,
        { retryable: true, cause: error },
      );
    }
    return store;
  }

  async countByClientSince(client: string, since: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM answers WHERE client = $1 AND created_at COLLATE "C" >= $2',
      [client, since],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async save(record: StoredArticle, client: string | null = null): Promise<void> {
    const { article } = record;
    await this.pool.query(
      'INSERT INTO answers (id, thread_id, parent_id, created_at, question, title, status, article, context, client) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
      [
        record.id,
        record.threadId,
        record.parentId,
        record.createdAt,
        article.question,
        article.title,
        article.status,
        JSON.stringify(article),
        record.context ? JSON.stringify(record.context) : null,
        client,
      ],
    );
  }

  async get(id: string): Promise<StoredArticle | undefined> {
    const { rows } = await this.pool.query<AnswerRow>(
      'SELECT id, thread_id, parent_id, created_at, article, context FROM answers WHERE id = $1',
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async thread(threadId: string): Promise<StoredArticle[]> {
    const { rows } = await this.pool.query<AnswerRow>(
      'SELECT id, thread_id, parent_id, created_at, article, context FROM answers WHERE thread_id = $1 ORDER BY created_at COLLATE "C", id',
      [threadId],
    );
    return rows.map(toRecord);
  }

  async recent(limit: number): Promise<ArticleSummary[]> {
    const { rows } = await this.pool.query<{
      id: string;
      question: string;
      title: string;
      status: ArticleSummary['status'];
      created_at: string;
    }>(
      'SELECT id, question, title, status, created_at FROM answers WHERE parent_id IS NULL ORDER BY created_at COLLATE "C" DESC, id DESC LIMIT $1',
      [limit],
    );
    return rows.map((row) => ({
      id: row.id,
      question: row.question,
      title: row.title,
      status: row.status,
      createdAt: row.created_at,
    }));
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async deleteThreadsBefore(before: string, keep: string[]): Promise<number> {
    const result = await this.pool.query(
      `DELETE FROM answers WHERE thread_id IN (
         SELECT thread_id FROM answers GROUP BY thread_id HAVING MAX(created_at COLLATE "C") < $1
       ) AND thread_id NOT IN (SELECT thread_id FROM answers WHERE id = ANY($2::text[]))`,
      [before, keep],
    );
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** For messages: where this store lives, without the password. */
  toString(): string {
    return `PostgresArticleStore(${describeTarget(this.connectionString)})`;
  }
}

function toRecord(row: AnswerRow): StoredArticle {
  return {
    id: row.id,
    threadId: row.thread_id,
    parentId: row.parent_id,
    createdAt: row.created_at,
    article: row.article,
    context: row.context,
  };
}
