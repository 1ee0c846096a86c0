import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { VesaliusError } from '../../domain/errors.js';
import type { ArticleStore, ArticleSummary, StoredArticle } from '../article-store.js';

const MIGRATIONS = [
  `CREATE TABLE articles (
     id TEXT PRIMARY KEY,
     thread_id TEXT NOT NULL,
     parent_id TEXT,
     created_at TEXT NOT NULL,
     question TEXT NOT NULL,
     title TEXT NOT NULL,
     status TEXT NOT NULL,
     article TEXT NOT NULL,
     context TEXT
   );
   CREATE INDEX articles_thread ON articles (thread_id, created_at);
   CREATE INDEX articles_created ON articles (created_at);`,
  `ALTER TABLE articles ADD COLUMN client TEXT;
   CREATE INDEX articles_client ON articles (client, created_at);`,
];

interface Row {
  id: string;
  thread_id: string;
  parent_id: string | null;
  created_at: string;
  article: string;
  context: string | null;
}

/** Articles and threads in an embedded SQLite file (user data: migrated, never rebuilt). */
export class SqliteArticleStore implements ArticleStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(path: string) {
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
    } catch (error) {
      throw new VesaliusError(
        'INDEX_UNAVAILABLE',
        `Cannot open the article store at ${path}: ${(error as Error).message}. Check the path and its permissions.`,
        { cause: error },
      );
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    // WAL with NORMAL sync survives a killed process; only a power cut may lose the last commit.
    this.db.pragma('synchronous = NORMAL');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    this.db.transaction(() => {
      for (const sql of MIGRATIONS.slice(version)) this.db.exec(sql);
      this.db.pragma(`user_version = ${MIGRATIONS.length}`);
    })();
    this.statements = {
      insert: this.db.prepare(
        'INSERT INTO articles (id, thread_id, parent_id, created_at, question, title, status, article, context, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      byClient: this.db.prepare('SELECT count(*) AS n FROM articles WHERE client = ? AND created_at >= ?'),
      get: this.db.prepare('SELECT id, thread_id, parent_id, created_at, article, context FROM articles WHERE id = ?'),
      thread: this.db.prepare(
        'SELECT id, thread_id, parent_id, created_at, article, context FROM articles WHERE thread_id = ? ORDER BY created_at, rowid',
      ),
      recent: this.db.prepare(
        'SELECT id, question, title, status, created_at AS createdAt FROM articles WHERE parent_id IS NULL ORDER BY created_at DESC, rowid DESC LIMIT ?',
      ),
    };
  }

  async countByClientSince(client: string, since: string): Promise<number> {
    return (this.statements.byClient.get(client, since) as { n: number }).n;
  }

  async save(record: StoredArticle, client: string | null = null): Promise<void> {
    const { article } = record;
    this.statements.insert.run(
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
    );
  }

  async get(id: string): Promise<StoredArticle | undefined> {
    const row = this.statements.get.get(id) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  async thread(threadId: string): Promise<StoredArticle[]> {
    return (this.statements.thread.all(threadId) as Row[]).map(toRecord);
  }

  async recent(limit: number): Promise<ArticleSummary[]> {
    return this.statements.recent.all(limit) as ArticleSummary[];
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async deleteThreadsBefore(before: string, keep: string[]): Promise<number> {
    return this.db
      .prepare(
        `DELETE FROM articles WHERE thread_id IN (
           SELECT thread_id FROM articles GROUP BY thread_id HAVING MAX(created_at) < ?
         ) AND thread_id NOT IN (SELECT thread_id FROM articles WHERE id IN (SELECT value FROM json_each(?)))`,
      )
      .run(before, JSON.stringify(keep)).changes;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function toRecord(row: Row): StoredArticle {
  return {
    id: row.id,
    threadId: row.thread_id,
    parentId: row.parent_id,
    createdAt: row.created_at,
    article: JSON.parse(row.article) as StoredArticle['article'],
    context: row.context ? (JSON.parse(row.context) as StoredArticle['context']) : null,
  };
}
