import type { ColumnType, Generated } from 'kysely';
import type { Article } from '../../domain/article.js';
import type { EditorialDocument } from '../../domain/editorial.js';
import type { VersionState } from '../../domain/review-workflow.js';
import type { UserRow } from '../user-row.js';

/**
 * A value written to a JSON column, made only by `DialectNotes.json` (TEXT holding JSON in
 * SQLite, jsonb in PostgreSQL). Read back, the column is `unknown` until `DialectNotes.fromJson`.
 */
export type JsonText = string & { readonly jsonText: unique symbol };
type Json = ColumnType<unknown, JsonText, JsonText>;
type NullableJson = ColumnType<unknown, JsonText | null, JsonText | null>;

/** A boolean column: INTEGER 0/1 in SQLite, BOOLEAN in PostgreSQL (written through `DialectNotes.flag`). */
export type Flag = number | boolean;

interface DocumentsTable {
  id: string;
  kind: EditorialDocument['kind'];
  title: string;
  specialty: string | null;
  created_at: string;
  current_version: number;
  approved_version: number | null;
  needs_rereview: Flag;
}

interface DocumentVersionsTable {
  document_id: string;
  number: number;
  state: VersionState;
  revision: number;
  content: Json;
  cited_sources: Json;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  approval: NullableJson;
}

interface AnswersTable {
  id: string;
  thread_id: string;
  parent_id: string | null;
  created_at: string;
  question: string;
  title: string;
  status: Article['status'];
  article: Json;
  context: NullableJson;
  /** Pseudonymous key of who asked, for per-client caps (added by a later migration step). */
  client: string | null;
}

/**
 * The tables of both stores, with the same names and columns on both engines (migrations in
 * sqlite/ and postgres/). Insertion-order columns (SQLite's rowid, PostgreSQL's seq) and the
 * answers table's name are engine notes, not listed here.
 */
export interface StoreSchema {
  users: UserRow;
  sessions: { id_hash: string; user_id: string; csrf_token: string; expires_at: string };
  api_tokens: { id: string; user_id: string; name: string; token_hash: string; created_at: string };
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  version_sources: { document_id: string; number: number; source_id: string };
  review_comments: {
    id: string;
    document_id: string;
    version_number: number;
    target: Json;
    text: string;
    author_id: string;
    created_at: string;
  };
  /** BIGINT identity in PostgreSQL (read as a string), INTEGER in SQLite. */
  audit_log: {
    id: Generated<number | string>;
    at: string;
    actor_id: string | null;
    action: string;
    document_id: string | null;
    version_number: number | null;
    detail: Json;
  };
  sign_in_attempts: { id: string; key: string; at: string };
  /** Generated answers: the SQLite answer file calls the table `articles`, PostgreSQL `answers`. */
  answers: AnswersTable;
  articles: AnswersTable;
}
