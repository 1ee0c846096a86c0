import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Article } from '../../domain/article.js';
import type {
  Approval,
  AuditEntry,
  CommentTarget,
  DocumentVersion,
  EditorialDocument,
  ReviewComment,
  Role,
  User,
} from '../../domain/editorial.js';
import { VesaliusError } from '../../domain/errors.js';
import { toUser, type UserRow } from '../user-row.js';
import type { VersionState } from '../../domain/review-workflow.js';
import type {
  ApiToken,
  AuditInput,
  EditorialRepository,
  NewUser,
  QueueFilter,
  QueueItem,
  Session,
} from '../editorial-repository.js';
import { mustExist } from '../must-exist.js';
import { EDITORIAL_MIGRATIONS_SQLITE } from './editorial-migrations.js';

const OPEN_STATES: VersionState[] = ['submitted', 'under_review', 'changes_requested'];

interface DocumentRow {
  id: string;
  kind: EditorialDocument['kind'];
  title: string;
  specialty: string | null;
  created_at: string;
  current_version: number;
  approved_version: number | null;
  needs_rereview: number;
}
interface VersionRow {
  document_id: string;
  number: number;
  state: VersionState;
  revision: number;
  content: string;
  cited_sources: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  approval: string | null;
}
interface AuditRow {
  id: number;
  at: string;
  actor_id: string | null;
  action: string;
  document_id: string | null;
  version_number: number | null;
  detail: string;
}

/**
 * The editorial store in an embedded SQLite file. Writes run in IMMEDIATE transactions, so
 * a checked revision cannot change between the check and the write, and a killed process
 * leaves either the whole change (version and audit line) or none of it.
 */
export class SqliteEditorialRepository implements EditorialRepository {
  private readonly db: Database.Database;

  constructor(path: string) {
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
    } catch (error) {
      throw new VesaliusError(
        'INDEX_UNAVAILABLE',
        `Cannot open the editorial store at ${path}: ${(error as Error).message}.`,
        { cause: error },
      );
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    this.write(() => {
      for (const sql of EDITORIAL_MIGRATIONS_SQLITE.slice(version)) this.db.exec(sql);
      this.db.pragma(`user_version = ${Math.max(version, EDITORIAL_MIGRATIONS_SQLITE.length)}`);
    });
  }

  /** The underlying database, for backups. */
  get database(): Database.Database {
    return this.db;
  }

  private write<T>(run: () => T): T {
    return this.db.transaction(run).immediate();
  }

  private audit(
    entry: AuditInput,
    documentId: string | null,
    versionNumber: number | null,
    extra: Record<string, unknown> = {},
  ): void {
    this.db
      .prepare(
        'INSERT INTO audit_log (at, actor_id, action, document_id, version_number, detail) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        entry.at,
        entry.actorId,
        entry.action,
        documentId,
        versionNumber,
        JSON.stringify({ ...(entry.detail ?? {}), ...extra }),
      );
  }

  async createUser(user: NewUser, audit: AuditInput): Promise<User> {
    return this.write(() => {
      if (this.db.prepare('SELECT 1 FROM users WHERE username = ?').get(user.username)) {
        throw new VesaliusError('CONFLICT', `A user named ${user.username} already exists.`, {
          details: { field: 'username' },
        });
      }
      this.db
        .prepare(
          'INSERT INTO users (id, username, display_name, credentials, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(user.id, user.username, user.displayName, user.credentials, user.role, user.passwordHash, user.createdAt);
      this.audit(audit, null, null, { userId: user.id, username: user.username, role: user.role });
      return toUser(this.db.prepare('SELECT * FROM users WHERE id = ?').get(user.id) as UserRow);
    });
  }

  async getUser(id: string): Promise<User | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async findUserByUsername(username: string): Promise<(User & { passwordHash: string }) | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async listUsers(): Promise<User[]> {
    return (this.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(toUser);
  }

  async setRole(userId: string, role: Role, audit: AuditInput): Promise<User> {
    return this.write(() => {
      const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as UserRow | undefined;
      if (!row) throw new VesaliusError('NOT_FOUND', `No user ${userId}.`);
      this.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, userId);
      this.audit(audit, null, null, { userId, from: row.role, to: role });
      return { ...toUser(row), role };
    });
  }

  async createSession(session: Session): Promise<void> {
    this.db
      .prepare('INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)')
      .run(session.idHash, session.userId, session.csrfToken, session.expiresAt);
  }

  async getSession(idHash: string): Promise<Session | null> {
    const row = this.db
      .prepare('SELECT id_hash, user_id, csrf_token, expires_at FROM sessions WHERE id_hash = ?')
      .get(idHash) as { id_hash: string; user_id: string; csrf_token: string; expires_at: string } | undefined;
    return row
      ? { idHash: row.id_hash, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at }
      : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
  }

  async recordSignInAttempt(input: { id: string; keys: string[]; at: string; since: string }): Promise<number[]> {
    // One IMMEDIATE transaction: the next attempt waits for this one's insert before counting.
    return this.write(() => {
      this.db.prepare('DELETE FROM sign_in_attempts WHERE at < ?').run(input.since);
      const insert = this.db.prepare('INSERT OR IGNORE INTO sign_in_attempts (id, key, at) VALUES (?, ?, ?)');
      const count = this.db.prepare('SELECT count(*) AS n FROM sign_in_attempts WHERE key = ? AND at >= ?');
      return input.keys.map((key) => {
        insert.run(input.id, key, input.at);
        return (count.get(key, input.since) as { n: number }).n;
      });
    });
  }

  async forgetSignInAttempts(input: { id: string; clearKey: string }): Promise<void> {
    this.write(() => {
      this.db.prepare('DELETE FROM sign_in_attempts WHERE id = ? OR key = ?').run(input.id, input.clearKey);
    });
  }

  async revokeApiToken(id: string, ownerId: string | null, audit: AuditInput): Promise<boolean> {
    return this.write(() => {
      const removed = this.db
        .prepare('DELETE FROM api_tokens WHERE id = ? AND (? IS NULL OR user_id = ?)')
        .run(id, ownerId, ownerId).changes;
      if (removed > 0) this.audit(audit, null, null, { tokenId: id });
      return removed > 0;
    });
  }

  async createApiToken(token: ApiToken, audit: AuditInput): Promise<void> {
    this.write(() => {
      this.db
        .prepare('INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(token.id, token.userId, token.name, token.tokenHash, token.createdAt);
      this.audit(audit, null, null, { tokenId: token.id, userId: token.userId, name: token.name });
    });
  }

  async findApiToken(tokenHash: string): Promise<ApiToken | null> {
    const row = this.db
      .prepare('SELECT id, user_id, name, token_hash, created_at FROM api_tokens WHERE token_hash = ?')
      .get(tokenHash) as
      | { id: string; user_id: string; name: string; token_hash: string; created_at: string }
      | undefined;
    return row
      ? { id: row.id, userId: row.user_id, name: row.name, tokenHash: row.token_hash, createdAt: row.created_at }
      : null;
  }

  async createDocument(
    input: Parameters<EditorialRepository['createDocument']>[0],
    audit: AuditInput,
  ): Promise<{ document: EditorialDocument; version: DocumentVersion }> {
    return this.write(() => {
      this.db
        .prepare(
          'INSERT INTO documents (id, kind, title, specialty, created_at, current_version, approved_version, needs_rereview) VALUES (?, ?, ?, ?, ?, 1, NULL, 0)',
        )
        .run(input.id, input.kind, input.title, input.specialty, input.at);
      this.insertVersion(input.id, 1, input.content, input.citedSources, input.createdBy, input.at);
      this.audit(audit, input.id, 1, { title: input.title });
      return {
        document: mustExist(this.document(input.id), 'the new document'),
        version: mustExist(this.version(input.id, 1), 'the new version'),
      };
    });
  }

  private insertVersion(
    documentId: string,
    number: number,
    content: Article,
    citedSources: string[],
    createdBy: string | null,
    at: string,
  ): void {
    this.db
      .prepare(
        "INSERT INTO document_versions (document_id, number, state, revision, content, cited_sources, created_by, created_at, updated_at, approval) VALUES (?, ?, 'submitted', 1, ?, ?, ?, ?, ?, NULL)",
      )
      .run(documentId, number, JSON.stringify(content), JSON.stringify(citedSources), createdBy, at, at);
    const cite = this.db.prepare(
      'INSERT OR IGNORE INTO version_sources (document_id, number, source_id) VALUES (?, ?, ?)',
    );
    for (const source of new Set(citedSources)) cite.run(documentId, number, source);
  }

  private document(id: string): EditorialDocument | null {
    const row = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
    return row ? toDocument(row) : null;
  }

  private version(documentId: string, number: number): DocumentVersion | null {
    const row = this.db
      .prepare('SELECT * FROM document_versions WHERE document_id = ? AND number = ?')
      .get(documentId, number) as VersionRow | undefined;
    return row ? toVersion(row) : null;
  }

  async getDocument(id: string): Promise<EditorialDocument | null> {
    return this.document(id);
  }

  async getVersion(documentId: string, number: number): Promise<DocumentVersion | null> {
    return this.version(documentId, number);
  }

  async listVersions(documentId: string): Promise<DocumentVersion[]> {
    return (
      this.db
        .prepare('SELECT * FROM document_versions WHERE document_id = ? ORDER BY number')
        .all(documentId) as VersionRow[]
    ).map(toVersion);
  }

  async addVersion(
    input: Parameters<EditorialRepository['addVersion']>[0],
    audit: AuditInput,
  ): Promise<DocumentVersion> {
    return this.write(() => {
      const document = this.document(input.documentId);
      if (!document) throw new VesaliusError('NOT_FOUND', `No document ${input.documentId}.`);
      if (document.currentVersion !== input.expectedCurrent) {
        throw new VesaliusError(
          'CONFLICT',
          `Version ${input.expectedCurrent} is no longer the newest: version ${document.currentVersion} exists. Reload and edit that one.`,
          { details: { currentVersion: document.currentVersion } },
        );
      }
      const number = document.currentVersion + 1;
      this.insertVersion(input.documentId, number, input.content, input.citedSources, input.createdBy, input.at);
      this.db.prepare('UPDATE documents SET current_version = ? WHERE id = ?').run(number, input.documentId);
      this.audit(audit, input.documentId, number, { previous: document.currentVersion });
      return mustExist(this.version(input.documentId, number), 'the new version');
    });
  }

  async setVersionState(
    input: Parameters<EditorialRepository['setVersionState']>[0],
    audit: AuditInput,
  ): Promise<DocumentVersion> {
    return this.write(() => {
      const current = this.version(input.documentId, input.number);
      if (!current) throw new VesaliusError('NOT_FOUND', `No version ${input.number} of document ${input.documentId}.`);
      if (current.revision !== input.expectedRevision) {
        throw new VesaliusError(
          'CONFLICT',
          `Version ${input.number} changed since you loaded it (now ${current.state}, revision ${current.revision}). Reload it.`,
          { details: { state: current.state, revision: current.revision } },
        );
      }
      this.db
        .prepare(
          'UPDATE document_versions SET state = ?, revision = revision + 1, updated_at = ?, approval = COALESCE(?, approval) WHERE document_id = ? AND number = ? AND revision = ?',
        )
        .run(
          input.state,
          input.at,
          input.approval ? JSON.stringify(input.approval) : null,
          input.documentId,
          input.number,
          input.expectedRevision,
        );
      if (input.state === 'approved')
        this.db
          .prepare('UPDATE documents SET approved_version = ?, needs_rereview = 0 WHERE id = ?')
          .run(input.number, input.documentId);
      this.audit(audit, input.documentId, input.number, { from: current.state, to: input.state });
      return mustExist(this.version(input.documentId, input.number), 'the changed version');
    });
  }

  async listQueue(filter: QueueFilter): Promise<QueueItem[]> {
    const states = filter.states ?? OPEN_STATES;
    const rows = this.db
      .prepare(`SELECT d.id AS document_id FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.number = d.current_version
        WHERE v.state IN (${states.map(() => '?').join(', ')}) ${filter.specialty ? 'AND lower(d.specialty) = lower(?)' : ''}
        ORDER BY v.created_at, d.id LIMIT ? OFFSET ?`)
      .all(
        ...states,
        ...(filter.specialty ? [filter.specialty] : []),
        filter.limit ?? 100,
        filter.offset ?? 0,
      ) as Array<{
      document_id: string;
    }>;
    return rows.map((row) => {
      const document = mustExist(this.document(row.document_id), 'a queued document');
      return {
        document,
        version: mustExist(this.version(document.id, document.currentVersion), 'its current version'),
      };
    });
  }

  async flagDocumentsCiting(sourceId: string, audit: AuditInput): Promise<number> {
    return this.write(() => {
      const ids = this.db
        .prepare(`SELECT DISTINCT d.id FROM documents d JOIN version_sources s ON s.document_id = d.id AND (s.number = d.current_version OR s.number = d.approved_version)
          WHERE s.source_id = ? AND d.needs_rereview = 0`)
        .pluck()
        .all(sourceId) as string[];
      for (const id of ids) {
        this.db.prepare('UPDATE documents SET needs_rereview = 1 WHERE id = ?').run(id);
        this.audit(audit, id, null, { sourceId });
      }
      return ids.length;
    });
  }

  async addComment(
    comment: Parameters<EditorialRepository['addComment']>[0],
    audit: AuditInput,
  ): Promise<ReviewComment> {
    return this.write(() => {
      if (!this.version(comment.documentId, comment.versionNumber))
        throw new VesaliusError('NOT_FOUND', `No version ${comment.versionNumber} of document ${comment.documentId}.`);
      this.db
        .prepare(
          'INSERT INTO review_comments (id, document_id, version_number, target, text, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          comment.id,
          comment.documentId,
          comment.versionNumber,
          JSON.stringify(comment.target),
          comment.text,
          comment.authorId,
          comment.createdAt,
        );
      this.audit(audit, comment.documentId, comment.versionNumber, { commentId: comment.id, target: comment.target });
      return { ...comment };
    });
  }

  async listComments(documentId: string, versionNumber: number): Promise<ReviewComment[]> {
    const rows = this.db
      .prepare('SELECT * FROM review_comments WHERE document_id = ? AND version_number = ? ORDER BY created_at, rowid')
      .all(documentId, versionNumber) as Array<{
      id: string;
      document_id: string;
      version_number: number;
      target: string;
      text: string;
      author_id: string;
      created_at: string;
    }>;
    return rows.map((row) => ({
      id: row.id,
      documentId: row.document_id,
      versionNumber: row.version_number,
      target: JSON.parse(row.target) as CommentTarget,
      text: row.text,
      authorId: row.author_id,
      createdAt: row.created_at,
    }));
  }

  async listAudit(filter: { documentId?: string; limit?: number }): Promise<AuditEntry[]> {
    const rows = this.db
      .prepare(`SELECT * FROM audit_log ${filter.documentId ? 'WHERE document_id = ?' : ''} ORDER BY id LIMIT ?`)
      .all(...(filter.documentId ? [filter.documentId] : []), filter.limit ?? 1000) as AuditRow[];
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actor_id,
      action: row.action,
      documentId: row.document_id,
      versionNumber: row.version_number,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function toDocument(row: DocumentRow): EditorialDocument {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    specialty: row.specialty,
    createdAt: row.created_at,
    currentVersion: row.current_version,
    approvedVersion: row.approved_version,
    needsRereview: row.needs_rereview === 1,
  };
}

function toVersion(row: VersionRow): DocumentVersion {
  return {
    documentId: row.document_id,
    number: row.number,
    state: row.state,
    revision: row.revision,
    content: JSON.parse(row.content) as Article,
    citedSources: JSON.parse(row.cited_sources) as string[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    approval: row.approval ? (JSON.parse(row.approval) as Approval) : null,
  };
}
