import { SqlArticleStore } from '../sql/sql-article-store.js';
import { openSqliteEngine } from './sqlite-engine.js';

/** Versioned schema of the SQLite answer file (user_version); never edit a shipped step: add one. */
const ARTICLE_MIGRATIONS_SQLITE = [
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

/** Articles and threads in an embedded SQLite file (user data: migrated, never rebuilt). */
export class SqliteArticleStore extends SqlArticleStore {
  constructor(path: string) {
    super(
      openSqliteEngine(path, {
        what: 'article store',
        hint: ' Check the path and its permissions.',
        migrations: ARTICLE_MIGRATIONS_SQLITE,
        synchronousNormal: true,
      }),
    );
  }
}
