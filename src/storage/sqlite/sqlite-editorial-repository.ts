import { SqlEditorialRepository } from '../sql/sql-editorial-repository.js';
import { EDITORIAL_MIGRATIONS_SQLITE } from './editorial-migrations.js';
import { openSqliteEngine } from './sqlite-engine.js';

/**
 * The editorial store in an embedded SQLite file. Writes run in IMMEDIATE transactions, so
 * a checked revision cannot change between the check and the write, and a killed process
 * leaves either the whole change (version and audit line) or none of it.
 */
export class SqliteEditorialRepository extends SqlEditorialRepository {
  constructor(path: string) {
    super(openSqliteEngine(path, { what: 'editorial store', migrations: EDITORIAL_MIGRATIONS_SQLITE }));
  }
}
