import type { Article } from '../../domain/article.js';
import type {
  Approval,
  CommentTarget,
  DocumentVersion,
  EditorialDocument,
  ReviewComment,
} from '../../domain/editorial.js';
import { sql } from 'kysely';
import { VesaliusError } from '../../domain/errors.js';
import type { VersionState } from '../../domain/review-workflow.js';
import type { AuditInput, QueueFilter, QueueItem, ReviewDocuments } from '../editorial-repository.js';
import { mustExist } from '../must-exist.js';
import type { StoreSchema } from './schema.js';
import { appendAudit } from './sql-audit-log.js';
import type { Db, DialectNotes, SqlEngine } from './sql-engine.js';

const OPEN_STATES: VersionState[] = ['submitted', 'under_review', 'changes_requested'];

type DocumentRow = StoreSchema['documents'];
interface VersionRow {
  document_id: string;
  number: number;
  state: VersionState;
  revision: number;
  content: unknown;
  cited_sources: unknown;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  approval: unknown;
}

/**
 * Versioned documents, the review queue, re-review flags and comments. Checked writes
 * (optimistic locks on a version's revision or a document's current version) read the row
 * in the write transaction, locked where the engine needs it (DialectNotes.lockRows): of two
 * simultaneous attempts on the same revision the second waits, then sees the new revision
 * and gets CONFLICT.
 */
export class SqlReviewDocuments implements ReviewDocuments {
  private readonly notes: DialectNotes;

  constructor(private readonly engine: SqlEngine) {
    this.notes = engine.notes;
  }

  async createDocument(
    input: Parameters<ReviewDocuments['createDocument']>[0],
    audit: AuditInput,
  ): Promise<{ document: EditorialDocument; version: DocumentVersion }> {
    return this.engine.write(async (trx) => {
      const document = mustExist(
        await trx
          .insertInto('documents')
          .values({
            id: input.id,
            kind: input.kind,
            title: input.title,
            specialty: input.specialty,
            created_at: input.at,
            current_version: 1,
            approved_version: null,
            needs_rereview: this.notes.flag(false),
          })
          .returningAll()
          .executeTakeFirst(),
        'the new document',
      );
      const version = await this.insertVersion(trx, input.id, 1, input);
      await appendAudit(trx, this.notes, audit, input.id, 1, { title: input.title });
      return { document: toDocument(document), version };
    });
  }

  private async insertVersion(
    trx: Db,
    documentId: string,
    number: number,
    input: { content: Article; citedSources: string[]; createdBy: string | null; at: string },
  ): Promise<DocumentVersion> {
    const row = mustExist(
      await trx
        .insertInto('document_versions')
        .values({
          document_id: documentId,
          number,
          state: 'submitted',
          revision: 1,
          content: this.notes.json(input.content),
          cited_sources: this.notes.json(input.citedSources),
          created_by: input.createdBy,
          created_at: input.at,
          updated_at: input.at,
          approval: null,
        })
        .returningAll()
        .executeTakeFirst(),
      'the new version',
    );
    const sources = [...new Set(input.citedSources)];
    if (sources.length > 0)
      await trx
        .insertInto('version_sources')
        .values(sources.map((source_id) => ({ document_id: documentId, number, source_id })))
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    return toVersion(row, this.notes);
  }

  async getDocument(id: string): Promise<EditorialDocument | null> {
    const row = await this.engine.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDocument(row) : null;
  }

  async getVersion(documentId: string, number: number): Promise<DocumentVersion | null> {
    const row = await this.engine.db
      .selectFrom('document_versions')
      .selectAll()
      .where('document_id', '=', documentId)
      .where('number', '=', number)
      .executeTakeFirst();
    return row ? toVersion(row, this.notes) : null;
  }

  async listVersions(documentId: string): Promise<DocumentVersion[]> {
    const rows = await this.engine.db
      .selectFrom('document_versions')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('number')
      .execute();
    return rows.map((row) => toVersion(row, this.notes));
  }

  async addVersion(input: Parameters<ReviewDocuments['addVersion']>[0], audit: AuditInput): Promise<DocumentVersion> {
    return this.engine.write(async (trx) => {
      // Locked: a concurrent addVersion waits here, then sees the new current_version.
      const document = await trx
        .selectFrom('documents')
        .selectAll()
        .where('id', '=', input.documentId)
        .$if(this.notes.lockRows, (query) => query.forUpdate())
        .executeTakeFirst();
      if (!document) throw new VesaliusError('NOT_FOUND', `No document ${input.documentId}.`);
      if (document.current_version !== input.expectedCurrent) {
        throw new VesaliusError(
          'CONFLICT',
          `Version ${input.expectedCurrent} is no longer the newest: version ${document.current_version} exists. Reload and edit that one.`,
          { details: { currentVersion: document.current_version } },
        );
      }
      const number = document.current_version + 1;
      const version = await this.insertVersion(trx, input.documentId, number, input);
      await trx.updateTable('documents').set({ current_version: number }).where('id', '=', input.documentId).execute();
      await appendAudit(trx, this.notes, audit, input.documentId, number, { previous: document.current_version });
      return version;
    });
  }

  async setVersionState(
    input: Parameters<ReviewDocuments['setVersionState']>[0],
    audit: AuditInput,
  ): Promise<DocumentVersion> {
    return this.engine.write(async (trx) => {
      // Locked before the check: a concurrent attempt waits, then reads the committed revision.
      const current = await trx
        .selectFrom('document_versions')
        .select(['state', 'revision'])
        .where('document_id', '=', input.documentId)
        .where('number', '=', input.number)
        .$if(this.notes.lockRows, (query) => query.forUpdate())
        .executeTakeFirst();
      if (!current) throw new VesaliusError('NOT_FOUND', `No version ${input.number} of document ${input.documentId}.`);
      const stale = () =>
        new VesaliusError(
          'CONFLICT',
          `Version ${input.number} changed since you loaded it (now ${current.state}, revision ${current.revision}). Reload it.`,
          { details: { state: current.state, revision: current.revision } },
        );
      if (current.revision !== input.expectedRevision) throw stale();
      const updated = await trx
        .updateTable('document_versions')
        .set((eb) => ({
          state: input.state,
          revision: eb('revision', '+', 1),
          updated_at: input.at,
          ...(input.approval ? { approval: this.notes.json(input.approval) } : {}),
        }))
        .where('document_id', '=', input.documentId)
        .where('number', '=', input.number)
        .where('revision', '=', input.expectedRevision)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw stale(); // unreachable while the write transaction holds its lock; kept as a guard
      if (input.state === 'approved')
        await trx
          .updateTable('documents')
          .set({ approved_version: input.number, needs_rereview: this.notes.flag(false) })
          .where('id', '=', input.documentId)
          .execute();
      await appendAudit(trx, this.notes, audit, input.documentId, input.number, {
        from: current.state,
        to: input.state,
      });
      return toVersion(updated, this.notes);
    });
  }

  async listQueue(filter: QueueFilter): Promise<QueueItem[]> {
    const states = filter.states ?? OPEN_STATES;
    if (states.length === 0) return [];
    const { specialty } = filter;
    // Both rows in one query, so a document and its current version are read consistently.
    const rows = await this.engine.db
      .selectFrom('documents as d')
      .innerJoin('document_versions as v', (join) =>
        join.onRef('v.document_id', '=', 'd.id').onRef('v.number', '=', 'd.current_version'),
      )
      .select([
        'd.id',
        'd.kind',
        'd.title',
        'd.specialty',
        'd.created_at as document_created_at',
        'd.current_version',
        'd.approved_version',
        'd.needs_rereview',
        'v.document_id',
        'v.number',
        'v.state',
        'v.revision',
        'v.content',
        'v.cited_sources',
        'v.created_by',
        'v.created_at',
        'v.updated_at',
        'v.approval',
      ])
      .where('v.state', 'in', states)
      .$if(Boolean(specialty), (query) =>
        query.where((eb) => eb(eb.fn('lower', ['d.specialty']), '=', eb.fn('lower', [eb.val(specialty ?? '')]))),
      )
      .orderBy(this.notes.bytewise('v.created_at'))
      .orderBy(this.notes.bytewise('d.id'))
      .limit(filter.limit ?? 100)
      .offset(filter.offset ?? 0)
      .execute();
    return rows.map((row) => ({
      document: toDocument({ ...row, created_at: row.document_created_at }),
      version: toVersion(row, this.notes),
    }));
  }

  async flagDocumentsCiting(sourceId: string, audit: AuditInput): Promise<number> {
    return this.engine.write(async (trx) => {
      // Rows are locked in id order, so two concurrent flaggings cannot deadlock.
      const rows = await trx
        .selectFrom('documents as d')
        .select('d.id')
        .where('d.needs_rereview', '=', this.notes.flag(false))
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('version_sources as s')
              .select('s.source_id')
              .whereRef('s.document_id', '=', 'd.id')
              .where('s.source_id', '=', sourceId)
              .where((eb) =>
                eb.or([
                  eb('s.number', '=', eb.ref('d.current_version')),
                  eb('s.number', '=', eb.ref('d.approved_version')),
                ]),
              ),
          ),
        )
        .orderBy(this.notes.bytewise('d.id'))
        .$if(this.notes.lockRows, (query) => query.forUpdate())
        .execute();
      const ids = rows.map((row) => row.id);
      if (ids.length > 0)
        await trx
          .updateTable('documents')
          .set({ needs_rereview: this.notes.flag(true) })
          .where('id', 'in', ids)
          .execute();
      for (const id of ids) await appendAudit(trx, this.notes, audit, id, null, { sourceId });
      return ids.length;
    });
  }

  async addComment(comment: Parameters<ReviewDocuments['addComment']>[0], audit: AuditInput): Promise<ReviewComment> {
    return this.engine.write(async (trx) => {
      const version = await trx
        .selectFrom('document_versions')
        .select('number')
        .where('document_id', '=', comment.documentId)
        .where('number', '=', comment.versionNumber)
        .executeTakeFirst();
      if (!version)
        throw new VesaliusError('NOT_FOUND', `No version ${comment.versionNumber} of document ${comment.documentId}.`);
      await trx
        .insertInto('review_comments')
        .values({
          id: comment.id,
          document_id: comment.documentId,
          version_number: comment.versionNumber,
          target: this.notes.json(comment.target),
          text: comment.text,
          author_id: comment.authorId,
          created_at: comment.createdAt,
        })
        .execute();
      await appendAudit(trx, this.notes, audit, comment.documentId, comment.versionNumber, {
        commentId: comment.id,
        target: comment.target,
      });
      return { ...comment };
    });
  }

  async listComments(documentId: string, versionNumber: number): Promise<ReviewComment[]> {
    const rows = await this.engine.db
      .selectFrom('review_comments')
      .selectAll()
      .where('document_id', '=', documentId)
      .where('version_number', '=', versionNumber)
      .orderBy(this.notes.bytewise('created_at'))
      .orderBy(sql.ref(this.notes.commentTieBreak))
      .execute();
    return rows.map((row) => ({
      id: row.id,
      documentId: row.document_id,
      versionNumber: row.version_number,
      target: this.notes.fromJson<CommentTarget>(row.target),
      text: row.text,
      authorId: row.author_id,
      createdAt: row.created_at,
    }));
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
    // 0/1 from SQLite, a boolean from PostgreSQL.
    needsRereview: Boolean(row.needs_rereview),
  };
}

function toVersion(row: VersionRow, notes: DialectNotes): DocumentVersion {
  return {
    documentId: row.document_id,
    number: row.number,
    state: row.state,
    revision: row.revision,
    content: notes.fromJson<Article>(row.content),
    citedSources: notes.fromJson<string[]>(row.cited_sources),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    approval: row.approval === null ? null : notes.fromJson<Approval>(row.approval),
  };
}
