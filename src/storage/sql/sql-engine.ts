import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Flag, JsonText, StoreSchema } from './schema.js';

/** A Kysely instance over the stores' tables: the engine's own, or one bound to a transaction. */
export type Db = Kysely<StoreSchema>;

/**
 * Everything in which SQLite and PostgreSQL differ, in one small object per engine, so the
 * stores in this folder are written once. Each engine adapter (sqlite/, postgres/) makes one.
 */
export interface DialectNotes {
  /**
   * Runs `work` in one write transaction and commits it, or rolls it back when `work` throws.
   * SQLite: BEGIN IMMEDIATE on its single connection, so a checked row cannot change between
   * the check and the write, in this process or another. PostgreSQL: BEGIN on one pooled
   * connection; checked rows are locked with `lockRows`. Inside, use only the `trx` given.
   */
  transaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T>;
  /** Whether to lock the rows a transaction checks (SELECT … FOR UPDATE); SQLite's writer lock already covers them. */
  lockRows: boolean;
  /**
   * Makes transactions on the same keys run one after another across processes (PostgreSQL:
   * transaction-scoped advisory locks taken in the order given; SQLite: nothing, its writer
   * lock already does it).
   */
  lockKeys(trx: Db, keys: string[]): Promise<void>;
  /** A value for a JSON column: JSON text in SQLite, jsonb in PostgreSQL. */
  json(value: unknown): RawBuilder<JsonText>;
  /** A JSON column as read: text to parse in SQLite, already parsed by the PostgreSQL driver. */
  fromJson<T>(value: unknown): T;
  /** A value for a boolean column: 0/1 in SQLite, true/false in PostgreSQL. */
  flag(value: boolean): Flag;
  /**
   * A TEXT column compared and ordered byte by byte: ISO times and ids sort the same on both
   * engines whatever the database's locale (PostgreSQL: COLLATE "C"; SQLite's default already).
   */
  bytewise(column: string): RawBuilder<string>;
  /** Whether `error` is the unique violation of the constraint on `table`.`column`. */
  isUniqueViolation(error: unknown, unique: { constraint: string; table: string; column: string }): boolean;
  /** Where answers are kept: `articles` in the SQLite answer file, `answers` in PostgreSQL. */
  answersTable: 'articles' | 'answers';
  /** Ties between answers of the same millisecond: insertion order (SQLite rowid), else id. */
  answerTieBreak: 'rowid' | 'id';
  /** Ties between comments of the same millisecond: insertion order (SQLite rowid, PostgreSQL seq). */
  commentTieBreak: 'rowid' | 'seq';
}

/** One open database: the Kysely instance the stores query, and the notes on its engine. */
export class SqlEngine {
  private closing: Promise<void> | null = null;

  constructor(
    readonly db: Db,
    readonly notes: DialectNotes,
    /** Releases what Kysely does not: it closes nothing when it never ran a query. */
    private readonly afterClose: () => void = () => undefined,
  ) {}

  /** Runs `work` in one write transaction (see DialectNotes.transaction). */
  write<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    return this.notes.transaction(this.db, work);
  }

  /** Resolves when the database answers a trivial query (readiness). */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  /** Closes the database (or its pool); safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= this.db.destroy().then(this.afterClose);
    return this.closing;
  }
}
