import { mkdirSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { VesaliusError } from '../../domain/errors.js';
import type { StoreSchema } from '../sql/schema.js';
import { type DialectNotes, SqlEngine } from '../sql/sql-engine.js';

/**
 * Write transactions of every connection this process holds on one file, one after another.
 * A transaction through Kysely spans several turns of the event loop, and better-sqlite3
 * waits for a busy lock synchronously: a second connection's BEGIN IMMEDIATE would block
 * the very loop the first needs to commit, until busy_timeout. Other processes are kept
 * apart by SQLite's own lock, as before.
 */
const writersByFile = new Map<string, Promise<void>>();
let memoryDatabases = 0;

function oneWriterAtATime<T>(file: string, work: () => Promise<T>): Promise<T> {
  const run = (writersByFile.get(file) ?? Promise.resolve()).then(work);
  const done = run.then(
    () => undefined,
    () => undefined,
  );
  writersByFile.set(file, done);
  void done.then(() => {
    if (writersByFile.get(file) === done) writersByFile.delete(file);
  });
  return run;
}

/** How SQLite differs (see DialectNotes); `database` is the one connection the engine holds. */
function sqliteNotes(database: Database.Database, file: string): DialectNotes {
  return {
    // Kysely's own SQLite transaction is deferred: its first write would have to upgrade the
    // lock, and a second process holding it would get "database is locked" at once instead
    // of waiting. BEGIN IMMEDIATE takes the writer lock up front (waiting up to busy_timeout).
    transaction: (db, work) =>
      oneWriterAtATime(file, () =>
        db.connection().execute(async (connection) => {
          await sql`begin immediate`.execute(connection);
          try {
            const result = await work(connection);
            await sql`commit`.execute(connection);
            return result;
          } catch (error) {
            // Some failures (a full disk, an interrupted statement) end the transaction themselves.
            if (database.inTransaction) await sql`rollback`.execute(connection);
            throw error;
          }
        }),
      ),
    lockRows: false,
    lockKeys: async () => undefined,
    json: (value) => sql`${JSON.stringify(value)}`,
    fromJson: <T>(value: unknown) => JSON.parse(String(value)) as T,
    flag: (value) => (value ? 1 : 0),
    bytewise: (column) => sql<string>`${sql.ref(column)}`,
    isUniqueViolation: (error, unique) => {
      const failure = error as { code?: unknown; message?: unknown } | null;
      return (
        failure?.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
        String(failure.message).includes(`${unique.table}.${unique.column}`)
      );
    },
    answersTable: 'articles',
    answerTieBreak: 'rowid',
    commentTieBreak: 'rowid',
  };
}

/**
 * Opens (creating when missing) an embedded SQLite store: WAL (readers never wait for the
 * writer), busy_timeout 5000 (a second process waits for the writer lock instead of failing),
 * foreign keys on; then brings its schema up to date with `migrations`, where step i is
 * user_version i + 1. Migrating runs in one IMMEDIATE transaction that reads user_version
 * inside it, so processes opening one file together apply each step once.
 */
export function openSqliteEngine(
  path: string,
  options: {
    /** Named in the message when the file cannot be opened, e.g. "article store". */
    what: string;
    /** Appended to that message. */
    hint?: string;
    migrations: readonly string[];
    /** WAL with NORMAL sync survives a killed process; only a power cut may lose the last commit. */
    synchronousNormal?: boolean;
  },
): SqlEngine {
  let database: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    database = new Database(path);
  } catch (error) {
    throw new VesaliusError(
      'INDEX_UNAVAILABLE',
      `Cannot open the ${options.what} at ${path}: ${(error as Error).message}.${options.hint ?? ''}`,
      { cause: error },
    );
  }
  try {
    database.pragma('busy_timeout = 5000');
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    if (options.synchronousNormal) database.pragma('synchronous = NORMAL');
    migrate(database, options.migrations);
  } catch (error) {
    database.close();
    throw error;
  }
  // Every ":memory:" database is a database of its own.
  const file = path === ':memory:' ? `:memory:${++memoryDatabases}` : realpathSync(path);
  return new SqlEngine(
    new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database }) }),
    sqliteNotes(database, file),
    () => database.close(),
  );
}

function migrate(database: Database.Database, steps: readonly string[]): void {
  const version = () => database.pragma('user_version', { simple: true }) as number;
  // Up to date (the usual case): no writer lock needed.
  if (version() >= steps.length) return;
  database
    .transaction(() => {
      const current = version();
      for (const step of steps.slice(current)) database.exec(step);
      if (steps.length > current) database.pragma(`user_version = ${steps.length}`);
    })
    .immediate();
}
