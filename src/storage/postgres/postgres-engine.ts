import { Kysely, PostgresDialect, type PostgresPoolClient, sql } from 'kysely';
import pg from 'pg';
import { VesaliusError } from '../../domain/errors.js';
import type { StoreSchema } from '../sql/schema.js';
import { type DialectNotes, SqlEngine } from '../sql/sql-engine.js';
import { applyPostgresMigrations } from './postgres-migrations.js';

/**
 * How PostgreSQL differs (see DialectNotes). Times are TEXT holding ISO strings, compared
 * with COLLATE "C" so the database's locale cannot change their order (the indexes are
 * built that way too); structured values are jsonb.
 */
const POSTGRES_NOTES: DialectNotes = {
  // Kysely's transaction: BEGIN on one pooled connection, ROLLBACK on failure, and a
  // connection that cannot even roll back is destroyed rather than returned to the pool.
  transaction: (db, work) => db.transaction().execute(work),
  lockRows: true,
  lockKeys: async (trx, keys) => {
    for (const key of keys) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
  },
  // jsonb parameters are passed as JSON text: pg would send a JS array as a PostgreSQL array.
  json: (value) => sql`${JSON.stringify(value)}::jsonb`,
  fromJson: <T>(value: unknown) => value as T,
  flag: (value) => value,
  bytewise: (column) => sql<string>`${sql.ref(column)} collate "C"`,
  isUniqueViolation: (error, unique) => {
    const failure = error as { code?: unknown; constraint?: unknown } | null;
    return failure?.code === '23505' && failure.constraint === unique.constraint;
  },
  answersTable: 'answers',
  answerTieBreak: 'id',
  // seq stands in for SQLite's rowid: comments made in the same millisecond keep their order.
  commentTieBreak: 'seq',
};

/** A PostgreSQL database shared by several app instances, through a pool of connections. */
export class PostgresEngine extends SqlEngine {
  /** Applies pending schema steps (advisory-locked); returns the versions applied (none when current). */
  migrate(): Promise<number[]> {
    return this.write((trx) => applyPostgresMigrations(trx));
  }
}

/**
 * Creates the pool without connecting. Every failure to reach the server (refused, unknown
 * host, bad password, no such database, a connection lost mid-query) is reported as
 * INDEX_UNAVAILABLE naming host:port/database, never the user or password.
 */
export function createPostgresEngine(connectionString: string): PostgresEngine {
  const pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 10_000, application_name: 'vesalius' });
  // An idle connection that dies (server restart) is dropped by the pool; without a
  // listener the 'error' event would crash the process. The next use reconnects or reports.
  pool.on('error', () => undefined);
  const unavailable = unavailableError(connectionString);
  const dialect = new PostgresDialect({
    pool: {
      connect: async () => {
        try {
          return reportingClient(await pool.connect(), unavailable);
        } catch (error) {
          throw unavailable(error);
        }
      },
      end: () => pool.end(),
    },
  });
  return new PostgresEngine(new Kysely<StoreSchema>({ dialect }), POSTGRES_NOTES);
}

/** Opens the engine and brings the schema up to date; a failure closes the pool and says where, without the password. */
export async function openPostgresEngine(connectionString: string, what: string): Promise<PostgresEngine> {
  const engine = createPostgresEngine(connectionString);
  try {
    await engine.migrate();
  } catch (error) {
    await engine.close().catch(() => undefined);
    if (error instanceof VesaliusError) throw error;
    throw new VesaliusError(
      'INDEX_UNAVAILABLE',
      `Cannot open the ${what} in PostgreSQL at ${describeTarget(connectionString)}: ${withoutPassword(reasonOf(error), connectionString)}. Check --database / VESALIUS_DATABASE_URL.`,
      { retryable: true, cause: error },
    );
  }
  return engine;
}

/** A pooled client whose lost-connection failures become INDEX_UNAVAILABLE, and which is then destroyed, not reused. */
function reportingClient(client: pg.PoolClient, unavailable: (error: unknown) => VesaliusError): PostgresPoolClient {
  let broken = false;
  const query = async (text: string, values: readonly unknown[]) => {
    try {
      return await client.query(text, [...values]);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      broken = true;
      throw unavailable(error);
    }
  };
  return {
    // Only the (text, values) form is used: the dialect has no cursor.
    query: query as unknown as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy || broken),
  };
}

/** Codes of failures that mean the server is unreachable or went away, not that a statement was wrong. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  return (
    error instanceof Error &&
    /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(error.message)
  );
}

function unavailableError(connectionString: string): (error: unknown) => VesaliusError {
  const target = describeTarget(connectionString);
  return (error) =>
    new VesaliusError(
      'INDEX_UNAVAILABLE',
      `Cannot reach PostgreSQL at ${target}: ${withoutPassword(reasonOf(error), connectionString)}. Check --database / VESALIUS_DATABASE_URL.`,
      { retryable: true, cause: error },
    );
}

/** host:port/database of a postgres:// URL, never its user or password. */
function describeTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const host = decodeURIComponent(url.hostname) || url.searchParams.get('host') || 'localhost';
    const port = url.port || url.searchParams.get('port') || '5432';
    const database =
      decodeURIComponent(url.pathname.replace(/^\//, '')) || decodeURIComponent(url.username) || 'postgres';
    return `${host}:${port}/${database}`;
  } catch {
    return 'the configured address';
  }
}

function withoutPassword(reason: string, connectionString: string): string {
  let password = '';
  try {
    password = decodeURIComponent(new URL(connectionString).password);
  } catch {
    // Not a URL: nothing to hide in it.
  }
  return password ? reason.split(password).join('***') : reason;
}

/** Node reports a refused connection to a name with several addresses as an AggregateError with an empty message. */
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && !error.message)
    return error.errors.map((inner: unknown) => reasonOf(inner)).join('; ') || 'connection failed';
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}
