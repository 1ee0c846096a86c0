import { sql } from 'kysely';
import type { Db } from '../sql/sql-engine.js';

/**
 * Versioned schema of both stores in PostgreSQL (editorial tables and answers): the one
 * migration list of this engine. Step i is schema version i + 1. Never edit a shipped step:
 * add one.
 *
 * Times are TEXT holding the ISO strings callers pass, so reads return exactly what was
 * stored (a timestamptz would come back as a Date and lose the caller's formatting); ISO
 * strings sort chronologically, and queries order them with COLLATE "C" so the database's
 * locale cannot change the order. Structured values are jsonb.
 */
export const EDITORIAL_MIGRATIONS_POSTGRES = [
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL CONSTRAINT users_username_key UNIQUE,
     display_name TEXT NOT NULL,
     credentials TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'editor', 'reader')),
     password_hash TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE sessions (
     id_hash TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users (id),
     csrf_token TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE TABLE api_tokens (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users (id),
     name TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL
   );
   CREATE TABLE documents (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     title TEXT NOT NULL,
     specialty TEXT,
     created_at TEXT NOT NULL,
     current_version INTEGER NOT NULL,
     approved_version INTEGER,
     needs_rereview BOOLEAN NOT NULL DEFAULT false
   );
   CREATE TABLE document_versions (
     document_id TEXT NOT NULL REFERENCES documents (id),
     number INTEGER NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('submitted', 'under_review', 'changes_requested', 'approved', 'retired')),
     revision INTEGER NOT NULL,
     content JSONB NOT NULL,
     cited_sources JSONB NOT NULL,
     created_by TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     approval JSONB,
     PRIMARY KEY (document_id, number)
   );
   CREATE TABLE version_sources (
     document_id TEXT NOT NULL,
     number INTEGER NOT NULL,
     source_id TEXT NOT NULL,
     PRIMARY KEY (document_id, number, source_id)
   );
   CREATE INDEX version_sources_source ON version_sources (source_id);
   -- seq stands in for SQLite's rowid: comments made in the same millisecond keep their order.
   CREATE TABLE review_comments (
     id TEXT PRIMARY KEY,
     seq BIGINT GENERATED ALWAYS AS IDENTITY,
     document_id TEXT NOT NULL,
     version_number INTEGER NOT NULL,
     target JSONB NOT NULL,
     text TEXT NOT NULL,
     author_id TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX review_comments_version ON review_comments (document_id, version_number);
   CREATE TABLE audit_log (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at TEXT NOT NULL,
     actor_id TEXT,
     action TEXT NOT NULL,
     document_id TEXT,
     version_number INTEGER,
     detail JSONB NOT NULL
   );
   CREATE INDEX audit_document ON audit_log (document_id, id);
   -- Statement-level, so even an UPDATE or DELETE that matches no row is refused, and
   -- TRUNCATE (which skips row triggers) is covered too.
   CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'the audit log is append-only';
   END;
   $$;
   CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();`,
  // Generated answers and their threads, shared by every app instance.
  `CREATE TABLE answers (
     id TEXT PRIMARY KEY,
     thread_id TEXT NOT NULL,
     parent_id TEXT,
     created_at TEXT NOT NULL,
     question TEXT NOT NULL,
     title TEXT NOT NULL,
     status TEXT NOT NULL,
     article JSONB NOT NULL,
     context JSONB
   );
   CREATE INDEX answers_thread ON answers (thread_id, created_at COLLATE "C");
   CREATE INDEX answers_recent ON answers (created_at COLLATE "C") WHERE parent_id IS NULL;`,
  `CREATE TABLE sign_in_attempts (
     id TEXT NOT NULL,
     key TEXT NOT NULL,
     at TEXT NOT NULL,
     PRIMARY KEY (key, id)
   );
   CREATE INDEX sign_in_attempts_at ON sign_in_attempts (at COLLATE "C");
   CREATE INDEX sign_in_attempts_id ON sign_in_attempts (id);`,
  `ALTER TABLE answers ADD COLUMN client TEXT;
   CREATE INDEX answers_client ON answers (client, created_at COLLATE "C");`,
];

/** Key of the advisory lock that serialises migrations across every process sharing the database. */
const MIGRATION_LOCK = 0x5645_5341; // "VESA"

/**
 * Applies the steps not yet recorded in schema_migrations, in order, and returns the
 * versions it applied (empty when the schema is current). `trx` must be a transaction: the
 * advisory lock is transaction-scoped, so when two instances start together the second
 * waits until the first commits, then finds nothing left to do; and a failing step leaves
 * neither its tables nor its schema_migrations row behind.
 */
export async function applyPostgresMigrations(
  trx: Db,
  steps: readonly string[] = EDITORIAL_MIGRATIONS_POSTGRES,
): Promise<number[]> {
  await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`.execute(
    trx,
  );
  const done = new Set(
    (await sql<{ version: number }>`SELECT version FROM schema_migrations`.execute(trx)).rows.map((row) => row.version),
  );
  const applied: number[] = [];
  for (const [index, step] of steps.entries()) {
    const version = index + 1;
    if (done.has(version)) continue;
    // Without parameters the step goes as a simple query, which may hold several statements.
    await sql.raw(step).execute(trx);
    await sql`INSERT INTO schema_migrations (version) VALUES (${version})`.execute(trx);
    applied.push(version);
  }
  return applied;
}
