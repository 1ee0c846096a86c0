import type { AuditEntry } from '../../domain/editorial.js';
import type { AuditInput, AuditLog } from '../editorial-repository.js';
import type { Db, DialectNotes, SqlEngine } from './sql-engine.js';

/**
 * Appends one audit line inside the caller's transaction, so the change and its line are
 * kept or lost together. `extra` is merged into the caller's detail.
 */
export async function appendAudit(
  trx: Db,
  notes: DialectNotes,
  entry: AuditInput,
  documentId: string | null,
  versionNumber: number | null,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      document_id: documentId,
      version_number: versionNumber,
      detail: notes.json({ ...(entry.detail ?? {}), ...extra }),
    })
    .execute();
}

/** Reads the append-only audit log (the database refuses updates and deletes of it). */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly engine: SqlEngine) {}

  async listAudit(filter: { documentId?: string; limit?: number }): Promise<AuditEntry[]> {
    const { documentId } = filter;
    const rows = await this.engine.db
      .selectFrom('audit_log')
      .selectAll()
      .$if(Boolean(documentId), (query) => query.where('document_id', '=', documentId ?? ''))
      .orderBy('id')
      .limit(filter.limit ?? 1000)
      .execute();
    return rows.map((row) => ({
      // BIGINT arrives from PostgreSQL as a string (it may exceed 2^53); ids stay far below that.
      id: Number(row.id),
      at: row.at,
      actorId: row.actor_id,
      action: row.action,
      documentId: row.document_id,
      versionNumber: row.version_number,
      detail: this.engine.notes.fromJson<Record<string, unknown>>(row.detail),
    }));
  }
}
