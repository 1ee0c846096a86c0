/** Versioned schema of the editorial store (SQLite); applied in order on start. Never edit a shipped step: add one. */
export const EDITORIAL_MIGRATIONS_SQLITE = [
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE,
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
     needs_rereview INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE document_versions (
     document_id TEXT NOT NULL REFERENCES documents (id),
     number INTEGER NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('submitted', 'under_review', 'changes_requested', 'approved', 'retired')),
     revision INTEGER NOT NULL,
     content TEXT NOT NULL,
     cited_sources TEXT NOT NULL,
     created_by TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     approval TEXT,
     PRIMARY KEY (document_id, number)
   );
   CREATE TABLE version_sources (
     document_id TEXT NOT NULL,
     number INTEGER NOT NULL,
     source_id TEXT NOT NULL,
     PRIMARY KEY (document_id, number, source_id)
   );
   CREATE INDEX version_sources_source ON version_sources (source_id);
   CREATE TABLE review_comments (
     id TEXT PRIMARY KEY,
     document_id TEXT NOT NULL,
     version_number INTEGER NOT NULL,
     target TEXT NOT NULL,
     text TEXT NOT NULL,
     author_id TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     actor_id TEXT,
     action TEXT NOT NULL,
     document_id TEXT,
     version_number INTEGER,
     detail TEXT NOT NULL
   );
   CREATE INDEX audit_document ON audit_log (document_id, id);
   CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
   CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`,
  `CREATE TABLE sign_in_attempts (
     id TEXT NOT NULL,
     key TEXT NOT NULL,
     at TEXT NOT NULL,
     PRIMARY KEY (key, id)
   );
   CREATE INDEX sign_in_attempts_at ON sign_in_attempts (at);
   CREATE INDEX sign_in_attempts_id ON sign_in_attempts (id);`,
];
