import type { ArticleStore } from '../article-store.js';
import type { EditorialRepository } from '../editorial-repository.js';
import { SqlArticleStore } from '../sql/sql-article-store.js';
import { SqlEditorialRepository } from '../sql/sql-editorial-repository.js';
import { openPostgresEngine } from './postgres-engine.js';

/** Generated answers and threads in PostgreSQL, so every app instance serves every permalink. */
export async function openPostgresArticleStore(connectionString: string): Promise<ArticleStore> {
  return new SqlArticleStore(await openPostgresEngine(connectionString, 'answer store'));
}

/**
 * The editorial store in PostgreSQL, shared by several app instances. Each changing method
 * runs in one transaction on one pooled connection, together with its audit line; checked
 * rows are locked (SELECT … FOR UPDATE) before the check, so optimistic locks hold across
 * processes.
 */
export async function openPostgresEditorialRepository(connectionString: string): Promise<EditorialRepository> {
  return new SqlEditorialRepository(await openPostgresEngine(connectionString, 'editorial store'));
}
