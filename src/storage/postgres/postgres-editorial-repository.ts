import pg from 'pg';
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
import { applyPostgresMigrations } from './postgres-migrations.js';

const OPEN_STATES: VersionState[] = ['submitted', 'under_review', 'changes_requested'];

interface DocumentRow {
  id: string;
  kind: EditorialDocument['kind'];
  title: string;
  specialty: string | null;
  created_at: string;
  current_version: number;
  approved_version: number | null;
  needs_rereview: boolean;
}
/** jsonb columns arrive parsed. */
interface VersionRow {
  document_id: string;
  number: number;
  state: VersionState;
  revision: number;
  content: Article;
  cited_sources: string[];
  created_by: string | null;
  created_at: string;
  updated_at: string;
  approval: Approval | null;
}
/** BIGINT arrives as a string (it may exceed 2^53); ids stay far below that. */
interface AuditRow {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  document_id: string | null;
  version_number: number | null;
  detail: Record<string, unknown>;
}
interface CommentRow {
  id: string;
  document_id: string;
  version_number: number;
  target: CommentTarget;
  text: string;
  author_id: string;
  created_at: string;
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

/**
 * The editorial store in PostgreSQL, shared by several app instances. Each changing method
 * runs in one transaction on one pooled connection, together with its audit line, so a
 * failure leaves neither. Optimistic locks hold across processes because the checked row
 * is locked (SELECT ... FOR UPDATE) before the check: of two simultaneous attempts on the
 * same revision, the second waits for the first to commit, then sees the new revision and
 * gets CONFLICT.
 */
export class PostgresEditorialRepository implements EditorialRepository {
  private readonly pool: pg.Pool;
  private readonly target: string;
  private readonly password: string;
  private closing: Promise<void> | null = null;

  /** Creates the pool without connecting; use `open` to also bring the schema up to date. */
  constructor(connectionString: string) {
    this.target = describeTarget(connectionString);
    this.password = passwordOf(connectionString);
    this.pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 10_000, application_name: 'vesalius' });
    // An idle connection that dies (server restart) is dropped by the pool; without a
    // listener the 'error' event would crash the process. The next use reconnects or reports.
    this.pool.on('error', () => undefined);
  }

  static async open(connectionString: string): Promise<PostgresEditorialRepository> {
    const repository = new PostgresEditorialRepository(connectionString);
    try {
      await repository.migrate();
    } catch (error) {
      await repository.close();
      throw error;
    }
    return repository;
  }

  /** Applies pending schema steps; returns the versions applied (none when current). */
  async migrate(): Promise<number[]> {
    return this.transaction((client) => applyPostgresMigrations(client));
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      // Anything that stops a connection (refused, unknown host, bad password, no such
      // database) is reported as the store being unreachable, with the address to check.
      throw this.unavailable(error);
    }
  }

  private unavailable(error: unknown): VesaliusError {
    let reason = reasonOf(error);
    if (this.password) reason = reason.split(this.password).join('***');
    return new VesaliusError(
      'INDEX_UNAVAILABLE',
      `Cannot reach PostgreSQL at ${this.target}: ${reason}. Check --database / VESALIUS_DATABASE_URL.`,
      { retryable: true, cause: error },
    );
  }

  private translate(error: unknown): unknown {
    return error instanceof VesaliusError || !isConnectionError(error) ? error : this.unavailable(error);
  }

  /** One statement outside a transaction (reads and the unaudited session writes). */
  private async query<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> {
    const client = await this.connect();
    try {
      const result = await client.query<R>(sql, values);
      client.release();
      return result.rows;
    } catch (error) {
      client.release(isConnectionError(error));
      throw this.translate(error);
    }
  }

  private async transaction<T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      await client.query('BEGIN');
      const result = await run(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      // A connection that cannot even roll back is destroyed rather than returned to the pool.
      client.release(!rolledBack);
      throw this.translate(error);
    }
  }

  private async audit(
    client: pg.PoolClient,
    entry: AuditInput,
    documentId: string | null,
    versionNumber: number | null,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await client.query(
      'INSERT INTO audit_log (at, actor_id, action, document_id, version_number, detail) VALUES ($1, $2, $3, $4, $5, $6::jsonb)',
      [
        entry.at,
        entry.actorId,
        entry.action,
        documentId,
        versionNumber,
        JSON.stringify({ ...(entry.detail ?? {}), ...extra }),
      ],
    );
  }

  async createUser(user: NewUser, audit: AuditInput): Promise<User> {
    const duplicate = () =>
      new VesaliusError('CONFLICT', `A user named ${user.username} already exists.`, {
        details: { field: 'username' },
      });
    return this.transaction(async (client) => {
      if ((await client.query('SELECT 1 FROM users WHERE username = $1', [user.username])).rowCount) throw duplicate();
      let row: UserRow;
      try {
        // Two instances can both pass the check above; the unique constraint decides.
        row = mustExist(
          (
            await client.query<UserRow>(
              'INSERT INTO users (id, username, display_name, credentials, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *',
              [
                user.id,
                user.username,
                user.displayName,
                user.credentials,
                user.role,
                user.passwordHash,
                user.createdAt,
              ],
            )
          ).rows[0],
          'the new user',
        );
      } catch (error) {
        if (isUniqueViolation(error, 'users_username_key')) throw duplicate();
        throw error;
      }
      await this.audit(client, audit, null, null, { userId: user.id, username: user.username, role: user.role });
      return toUser(row);
    });
  }

  async getUser(id: string): Promise<User | null> {
    const [row] = await this.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
    return row ? toUser(row) : null;
  }

  async findUserByUsername(username: string): Promise<(User & { passwordHash: string }) | null> {
    const [row] = await this.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async listUsers(): Promise<User[]> {
    return (await this.query<UserRow>('SELECT * FROM users ORDER BY username COLLATE "C"')).map(toUser);
  }

  async setRole(userId: string, role: Role, audit: AuditInput): Promise<User> {
    return this.transaction(async (client) => {
      const row = (await client.query<UserRow>('SELECT * FROM users WHERE id = $1 FOR UPDATE', [userId])).rows[0];
      if (!row) throw new VesaliusError('NOT_FOUND', `No user ${userId}.`);
      await client.query('UPDATE users SET role = $1 WHERE id = $2', [role, userId]);
      await this.audit(client, audit, null, null, { userId, from: row.role, to: role });
      return { ...toUser(row), role };
    });
  }

  async createSession(session: Session): Promise<void> {
    await this.query('INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [
      session.idHash,
      session.userId,
      session.csrfToken,
      session.expiresAt,
    ]);
  }

  async getSession(idHash: string): Promise<Session | null> {
    const [row] = await this.query<{ id_hash: string; user_id: string; csrf_token: string; expires_at: string }>(
      'SELECT id_hash, user_id, csrf_token, expires_at FROM sessions WHERE id_hash = $1',
      [idHash],
    );
    return row
      ? { idHash: row.id_hash, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at }
      : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    const result = await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
    return result.rowCount ?? 0;
  }

  async recordSignInAttempt(input: { id: string; keys: string[]; at: string; since: string }): Promise<number[]> {
    // A transaction-scoped advisory lock per key (taken in sorted order, so two attempts
    // cannot deadlock) makes simultaneous attempts count one after another, across instances.
    return this.transaction(async (client) => {
      for (const key of [...input.keys].sort()) {
        await client.query("SELECT pg_advisory_xact_lock(hashtext('vesalius-sign-in:' || $1))", [key]);
      }
      await client.query('DELETE FROM sign_in_attempts WHERE at COLLATE "C" < $1', [input.since]);
      const counts: number[] = [];
      for (const key of input.keys) {
        await client.query('INSERT INTO sign_in_attempts (id, key, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
          input.id,
          key,
          input.at,
        ]);
        const { rows } = await client.query<{ n: string }>(
          'SELECT count(*) AS n FROM sign_in_attempts WHERE key = $1 AND at COLLATE "C" >= $2',
          [key, input.since],
        );
        counts.push(Number(rows[0]?.n ?? 0));
      }
      return counts;
    });
  }

  async forgetSignInAttempts(input: { id: string; clearKey: string }): Promise<void> {
    await this.query('DELETE FROM sign_in_attempts WHERE id = $1 OR key = $2', [input.id, input.clearKey]);
  }

  async revokeApiToken(id: string, ownerId: string | null, audit: AuditInput): Promise<boolean> {
    return this.transaction(async (client) => {
      const result = await client.query('DELETE FROM api_tokens WHERE id = $1 AND ($2::text IS NULL OR user_id = $2)', [
        id,
        ownerId,
      ]);
      const removed = (result.rowCount ?? 0) > 0;
      if (removed) await this.audit(client, audit, null, null, { tokenId: id });
      return removed;
    });
  }

  async createApiToken(token: ApiToken, audit: AuditInput): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        'INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
        [token.id, token.userId, token.name, token.tokenHash, token.createdAt],
      );
      await this.audit(client, audit, null, null, { tokenId: token.id, userId: token.userId, name: token.name });
    });
  }

  async findApiToken(tokenHash: string): Promise<ApiToken | null> {
    const [row] = await this.query<{
      id: string;
      user_id: string;
      name: string;
      token_hash: string;
      created_at: string;
    }>('SELECT id, user_id, name, token_hash, created_at FROM api_tokens WHERE token_hash = $1', [tokenHash]);
    return row
      ? { id: row.id, userId: row.user_id, name: row.name, tokenHash: row.token_hash, createdAt: row.created_at }
      : null;
  }

  async createDocument(
    input: Parameters<EditorialRepository['createDocument']>[0],
    audit: AuditInput,
  ): Promise<{ document: EditorialDocument; version: DocumentVersion }> {
    return this.transaction(async (client) => {
      const document = mustExist(
        (
          await client.query<DocumentRow>(
            'INSERT INTO documents (id, kind, title, specialty, created_at, current_version, approved_version, needs_rereview) VALUES ($1, $2, $3, $4, $5, 1, NULL, false) RETURNING *',
            [input.id, input.kind, input.title, input.specialty, input.at],
          )
        ).rows[0],
        'the new document',
      );
      const version = await insertVersion(
        client,
        input.id,
        1,
        input.content,
        input.citedSources,
        input.createdBy,
        input.at,
      );
      await this.audit(client, audit, input.id, 1, { title: input.title });
      return { document: toDocument(document), version };
    });
  }

  async getDocument(id: string): Promise<EditorialDocument | null> {
    const [row] = await this.query<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id]);
    return row ? toDocument(row) : null;
  }

  async getVersion(documentId: string, number: number): Promise<DocumentVersion | null> {
    const [row] = await this.query<VersionRow>(
      'SELECT * FROM document_versions WHERE document_id = $1 AND number = $2',
      [documentId, number],
    );
    return row ? toVersion(row) : null;
  }

  async listVersions(documentId: string): Promise<DocumentVersion[]> {
    return (
      await this.query<VersionRow>('SELECT * FROM document_versions WHERE document_id = $1 ORDER BY number', [
        documentId,
      ])
    ).map(toVersion);
  }

  async addVersion(
    input: Parameters<EditorialRepository['addVersion']>[0],
    audit: AuditInput,
  ): Promise<DocumentVersion> {
    return this.transaction(async (client) => {
      // The lock makes a concurrent addVersion wait here and then see the new current_version.
      const document = (
        await client.query<DocumentRow>('SELECT * FROM documents WHERE id = $1 FOR UPDATE', [input.documentId])
      ).rows[0];
      if (!document) throw new VesaliusError('NOT_FOUND', `No document ${input.documentId}.`);
      if (document.current_version !== input.expectedCurrent) {
        throw new VesaliusError(
          'CONFLICT',
          `Version ${input.expectedCurrent} is no longer the newest: version ${document.current_version} exists. Reload and edit that one.`,
          { details: { currentVersion: document.current_version } },
        );
      }
      const number = document.current_version + 1;
      const version = await insertVersion(
        client,
        input.documentId,
        number,
        input.content,
        input.citedSources,
        input.createdBy,
        input.at,
      );
      await client.query('UPDATE documents SET current_version = $1 WHERE id = $2', [number, input.documentId]);
      await this.audit(client, audit, input.documentId, number, { previous: document.current_version });
      return version;
    });
  }

  async setVersionState(
    input: Parameters<EditorialRepository['setVersionState']>[0],
    audit: AuditInput,
  ): Promise<DocumentVersion> {
    return this.transaction(async (client) => {
      // Locked before the check: a concurrent attempt waits, then reads the committed revision.
      const current = (
        await client.query<VersionRow>(
          'SELECT * FROM document_versions WHERE document_id = $1 AND number = $2 FOR UPDATE',
          [input.documentId, input.number],
        )
      ).rows[0];
      if (!current) throw new VesaliusError('NOT_FOUND', `No version ${input.number} of document ${input.documentId}.`);
      const stale = () =>
        new VesaliusError(
          'CONFLICT',
          `Version ${input.number} changed since you loaded it (now ${current.state}, revision ${current.revision}). Reload it.`,
          { details: { state: current.state, revision: current.revision } },
        );
      if (current.revision !== input.expectedRevision) throw stale();
      const updated = (
        await client.query<VersionRow>(
          'UPDATE document_versions SET state = $1, revision = revision + 1, updated_at = $2, approval = COALESCE($3::jsonb, approval) WHERE document_id = $4 AND number = $5 AND revision = $6 RETURNING *',
          [
            input.state,
            input.at,
            input.approval ? JSON.stringify(input.approval) : null,
            input.documentId,
            input.number,
            input.expectedRevision,
          ],
        )
      ).rows[0];
      if (!updated) throw stale(); // unreachable while the row lock is held; kept as a guard
      if (input.state === 'approved')
        await client.query('UPDATE documents SET approved_version = $1, needs_rereview = false WHERE id = $2', [
          input.number,
          input.documentId,
        ]);
      await this.audit(client, audit, input.documentId, input.number, { from: current.state, to: input.state });
      return toVersion(updated);
    });
  }

  async listQueue(filter: QueueFilter): Promise<QueueItem[]> {
    // to_jsonb(row) returns both rows whole in one consistent read, without column clashes.
    const rows = await this.query<{ document: DocumentRow; version: VersionRow }>(
      `SELECT to_jsonb(d) AS document, to_jsonb(v) AS version
         FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.number = d.current_version
        WHERE v.state = ANY($1::text[]) AND ($2::text IS NULL OR lower(d.specialty) = lower($2))
        ORDER BY v.created_at COLLATE "C", d.id COLLATE "C" LIMIT $3 OFFSET $4`,
      [filter.states ?? OPEN_STATES, filter.specialty || null, filter.limit ?? 100, filter.offset ?? 0],
    );
    return rows.map((row) => ({ document: toDocument(row.document), version: toVersion(row.version) }));
  }

  async flagDocumentsCiting(sourceId: string, audit: AuditInput): Promise<number> {
    return this.transaction(async (client) => {
      // Rows are locked in id order, so two concurrent flaggings cannot deadlock.
      const ids = (
        await client.query<{ id: string }>(
          `SELECT d.id FROM documents d
            WHERE d.needs_rereview = false AND EXISTS (SELECT 1 FROM version_sources s WHERE s.document_id = d.id AND s.source_id = $1 AND (s.number = d.current_version OR s.number = d.approved_version))
            ORDER BY d.id COLLATE "C" FOR UPDATE`,
          [sourceId],
        )
      ).rows.map((row) => row.id);
      if (ids.length > 0)
        await client.query('UPDATE documents SET needs_rereview = true WHERE id = ANY($1::text[])', [ids]);
      for (const id of ids) await this.audit(client, audit, id, null, { sourceId });
      return ids.length;
    });
  }

  async addComment(
    comment: Parameters<EditorialRepository['addComment']>[0],
    audit: AuditInput,
  ): Promise<ReviewComment> {
    return this.transaction(async (client) => {
      if (
        !(
          await client.query('SELECT 1 FROM document_versions WHERE document_id = $1 AND number = $2', [
            comment.documentId,
            comment.versionNumber,
          ])
        ).rowCount
      ) {
        throw new VesaliusError('NOT_FOUND', `No version ${comment.versionNumber} of document ${comment.documentId}.`);
      }
      await client.query(
        'INSERT INTO review_comments (id, document_id, version_number, target, text, author_id, created_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)',
        [
          comment.id,
          comment.documentId,
          comment.versionNumber,
          JSON.stringify(comment.target),
          comment.text,
          comment.authorId,
          comment.createdAt,
        ],
      );
      await this.audit(client, audit, comment.documentId, comment.versionNumber, {
        commentId: comment.id,
        target: comment.target,
      });
      return { ...comment };
    });
  }

  async listComments(documentId: string, versionNumber: number): Promise<ReviewComment[]> {
    const rows = await this.query<CommentRow>(
      'SELECT * FROM review_comments WHERE document_id = $1 AND version_number = $2 ORDER BY created_at COLLATE "C", seq',
      [documentId, versionNumber],
    );
    return rows.map((row) => ({
      id: row.id,
      documentId: row.document_id,
      versionNumber: row.version_number,
      target: row.target,
      text: row.text,
      authorId: row.author_id,
      createdAt: row.created_at,
    }));
  }

  async listAudit(filter: { documentId?: string; limit?: number }): Promise<AuditEntry[]> {
    const rows = filter.documentId
      ? await this.query<AuditRow>('SELECT * FROM audit_log WHERE document_id = $1 ORDER BY id LIMIT $2', [
          filter.documentId,
          filter.limit ?? 1000,
        ])
      : await this.query<AuditRow>('SELECT * FROM audit_log ORDER BY id LIMIT $1', [filter.limit ?? 1000]);
    return rows.map((row) => ({
      id: Number(row.id),
      at: row.at,
      actorId: row.actor_id,
      action: row.action,
      documentId: row.document_id,
      versionNumber: row.version_number,
      detail: row.detail,
    }));
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /** Ends the pool; safe to call more than once. */
  async close(): Promise<void> {
    this.closing ??= this.pool.end();
    await this.closing;
  }
}

async function insertVersion(
  client: pg.PoolClient,
  documentId: string,
  number: number,
  content: Article,
  citedSources: string[],
  createdBy: string | null,
  at: string,
): Promise<DocumentVersion> {
  // jsonb parameters are passed as JSON text: pg would send a JS array as a PostgreSQL array.
  const row = mustExist(
    (
      await client.query<VersionRow>(
        "INSERT INTO document_versions (document_id, number, state, revision, content, cited_sources, created_by, created_at, updated_at, approval) VALUES ($1, $2, 'submitted', 1, $3::jsonb, $4::jsonb, $5, $6, $6, NULL) RETURNING *",
        [documentId, number, JSON.stringify(content), JSON.stringify(citedSources), createdBy, at],
      )
    ).rows[0],
    'the new version',
  );
  const sources = [...new Set(citedSources)];
  if (sources.length > 0)
    await client.query(
      'INSERT INTO version_sources (document_id, number, source_id) SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING',
      [documentId, number, sources],
    );
  return toVersion(row);
}

/** host:port/database of a postgres:// URL, never its user or password. */
export function describeTarget(connectionString: string): string {
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

function passwordOf(connectionString: string): string {
  try {
    return decodeURIComponent(new URL(connectionString).password);
  } catch {
    return '';
  }
}

/** Node reports a refused connection to a name with several addresses as an AggregateError with an empty message. */
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && !error.message)
    return error.errors.map((inner: unknown) => reasonOf(inner)).join('; ') || 'connection failed';
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  return (
    error instanceof Error &&
    /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(error.message)
  );
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const failure = error as { code?: unknown; constraint?: unknown } | null;
  return failure?.code === '23505' && failure.constraint === constraint;
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
    needsRereview: row.needs_rereview,
  };
}

function toVersion(row: VersionRow): DocumentVersion {
  return {
    documentId: row.document_id,
    number: row.number,
    state: row.state,
    revision: row.revision,
    content: row.content,
    citedSources: row.cited_sources,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    approval: row.approval,
  };
}
