import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isVesaliusError } from '../../src/domain/errors.js';
import type { AuditInput, EditorialRepository } from '../../src/storage/editorial-repository.js';
import { createPostgresEngine } from '../../src/storage/postgres/postgres-engine.js';
import { EDITORIAL_MIGRATIONS_POSTGRES } from '../../src/storage/postgres/postgres-migrations.js';
import {
  openPostgresArticleStore,
  openPostgresEditorialRepository,
} from '../../src/storage/postgres/postgres-stores.js';
import { describeEditorialRepository, sampleArticle } from './editorial-repository.contract.js';
import { startPostgres } from './postgres-harness.js';
import { describeArticleStore } from './article-store.contract.js';

// One server for the whole file: started by the first user (the contract suite's factory),
// stopped after every suite of the file has run, since the suites below need it too.
let server: ReturnType<typeof startPostgres> | null = null;
const postgres = () => (server ??= startPostgres());
afterAll(async () => {
  if (server) await (await server).stop();
});

describeEditorialRepository('PostgreSQL', async () => {
  const repository = await openPostgresEditorialRepository((await postgres()).url);
  // close() is idempotent: the contract closes the repository before calling cleanup.
  return { repository, cleanup: () => repository.close() };
});

const audit = (action: string): AuditInput => ({ at: new Date().toISOString(), actorId: null, action });
const user = (id: string, username: string) => ({
  id,
  username,
  displayName: username,
  credentials: 'MD',
  role: 'editor' as const,
  passwordHash: 'x',
  createdAt: '2026-01-01T00:00:00.000Z',
});
const newDocument = (id: string) => ({
  id,
  kind: 'answer' as const,
  title: id,
  specialty: null,
  content: sampleArticle(id),
  citedSources: ['ref:a-2020'],
  createdBy: null,
  at: new Date().toISOString(),
});

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new empty database on the test server; returns its URL. */
async function createDatabase(name: string): Promise<string> {
  const { url } = await postgres();
  await withClient(url, (client) => client.query(`CREATE DATABASE ${name}`));
  return url.replace(/\/vesalius_test$/, `/${name}`);
}

/** Resolves once some session of the database waits for a lock (so the race below really happens). */
async function waitForLockWait(url: string): Promise<void> {
  await withClient(url, async (client) => {
    for (let tries = 0; tries < 500; tries += 1) {
      const waiting = await client.query(
        "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      if (waiting.rowCount) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('no session ever waited for the lock');
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isVesaliusError(error) ? error.code : String(error);
  }
}

describe('PostgreSQL editorial store', () => {
  it('refuses to rewrite, delete or truncate audit lines', async () => {
    const url = await createDatabase('vesalius_append_only');
    const repository = await openPostgresEditorialRepository(url);
    await repository.createUser(user('u1', 'ada'), audit('user.create'));
    await withClient(url, async (client) => {
      await expect(client.query("UPDATE audit_log SET action = 'forged'")).rejects.toThrow(
        /the audit log is append-only/,
      );
      await expect(client.query('DELETE FROM audit_log')).rejects.toThrow(/the audit log is append-only/);
      await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/the audit log is append-only/);
    });
    expect((await repository.listAudit({})).map((entry) => entry.action)).toEqual(['user.create']);
    await repository.close();
  });

  it('applies each migration once: a second instance finds nothing to do, and so does one starting at the same moment', async () => {
    const url = await createDatabase('vesalius_migrations');
    const applied = () =>
      withClient(
        url,
        async (client) =>
          (
            await client.query<{ version: number; applied_at: Date }>(
              'SELECT version, applied_at FROM schema_migrations ORDER BY version',
            )
          ).rows,
      );
    const all = EDITORIAL_MIGRATIONS_POSTGRES.map((_, index) => index + 1);

    const first = await openPostgresEditorialRepository(url);
    const before = await applied();
    expect(before.map((row) => row.version)).toEqual(all);
    const second = await openPostgresEditorialRepository(url);
    const again = createPostgresEngine(url);
    expect(await again.migrate()).toEqual([]);
    await again.close();
    expect(await applied()).toEqual(before);
    await second.createUser(user('u1', 'grace'), audit('user.create'));
    expect((await first.findUserByUsername('grace'))?.id).toBe('u1');
    await Promise.all([first.close(), second.close()]);

    // Two instances starting together on an empty database: the advisory lock lets one apply, the other waits.
    const fresh = await createDatabase('vesalius_migrations_race');
    const racers = [createPostgresEngine(fresh), createPostgresEngine(fresh)];
    const results = await Promise.all(racers.map((engine) => engine.migrate()));
    expect(results.map((versions) => versions.length).sort()).toEqual([0, all.length]);
    expect(
      (
        await withClient(fresh, (client) => client.query('SELECT version FROM schema_migrations ORDER BY version'))
      ).rows.map((row) => row.version),
    ).toEqual(all);
    await Promise.all(racers.map((engine) => engine.close()));
  });

  it('lets two instances share documents, and of two simultaneous changes through both exactly one wins', async () => {
    const url = await createDatabase('vesalius_instances');
    const [a, b] = await Promise.all([openPostgresEditorialRepository(url), openPostgresEditorialRepository(url)]);

    const { document } = await a.createDocument(newDocument('shared'), audit('document.create'));
    expect(await b.getDocument(document.id)).toEqual(document);
    await b.setVersionState(
      {
        documentId: document.id,
        number: 1,
        expectedRevision: 1,
        state: 'under_review',
        approval: null,
        at: new Date().toISOString(),
      },
      audit('review.start'),
    );
    const approval = { userId: 'u-b', name: 'Dr B', credentials: 'MD', at: '2026-11-24T12:00:00.000Z' };
    await b.setVersionState(
      {
        documentId: document.id,
        number: 1,
        expectedRevision: 2,
        state: 'approved',
        approval,
        at: new Date().toISOString(),
      },
      audit('review.approve'),
    );
    expect(await a.getDocument(document.id)).toMatchObject({ approvedVersion: 1 });
    expect(await a.getVersion(document.id, 1)).toMatchObject({ state: 'approved', revision: 3, approval });

    for (let round = 0; round < 10; round += 1) {
      const id = `race-${round}`;
      await a.createDocument(newDocument(id), audit('document.create'));
      const move = (repository: EditorialRepository, state: 'under_review' | 'retired') =>
        repository.setVersionState(
          { documentId: id, number: 1, expectedRevision: 1, state, approval: null, at: new Date().toISOString() },
          audit(`review.${state}`),
        );
      const revise = (repository: EditorialRepository) =>
        repository.addVersion(
          {
            documentId: id,
            expectedCurrent: 1,
            content: sampleArticle(`${id} v2`),
            citedSources: [],
            createdBy: null,
            at: new Date().toISOString(),
          },
          audit('document.revise'),
        );
      const codes = await Promise.all([
        codeOf(move(a, 'under_review')),
        codeOf(move(b, 'retired')),
        codeOf(revise(a)),
        codeOf(revise(b)),
      ]);
      expect(codes.slice(0, 2).sort()).toEqual(['CONFLICT', undefined]);
      expect(codes.slice(2).sort()).toEqual(['CONFLICT', undefined]);
      expect(await a.getVersion(id, 1)).toMatchObject({ revision: 2 });
      expect((await b.listVersions(id)).map((version) => version.number)).toEqual([1, 2]);
      // Only the winners left audit lines.
      expect(await a.listAudit({ documentId: id })).toHaveLength(3);
    }
    await Promise.all([a.close(), b.close()]);
  });

  it('reports a duplicate username committed by another instance mid-transaction as CONFLICT', async () => {
    const url = await createDatabase('vesalius_usernames');
    const repository = await openPostgresEditorialRepository(url);
    await withClient(url, async (other) => {
      // The other instance has inserted "linus" but not committed: our check cannot see it,
      // so our insert waits on the unique index and fails once the other commits.
      await other.query('BEGIN');
      await other.query(
        "INSERT INTO users (id, username, display_name, credentials, role, password_hash, created_at) VALUES ('u-other', 'linus', 'L', 'MD', 'editor', 'x', 'now')",
      );
      const attempt = repository.createUser(user('u-mine', 'linus'), audit('user.create')).then(
        () => null,
        (error: unknown) => error,
      );
      await waitForLockWait(url);
      await other.query('COMMIT');
      const error = await attempt;
      expect(isVesaliusError(error) && error.code === 'CONFLICT' && error.details).toEqual({ field: 'username' });
    });
    expect(await repository.listAudit({})).toEqual([]);
    await repository.close();
  });

  it('reports an unreachable server or a missing database as INDEX_UNAVAILABLE, without the password', async () => {
    for (const [url, target] of [
      ['postgres://vesalius:s3cret-pw@127.0.0.1:1/editorial', '127.0.0.1:1/editorial'],
      [
        (await postgres()).url.replace('postgres@', 'postgres:s3cret-pw@').replace(/vesalius_test$/, 'no_such_db'),
        '/no_such_db',
      ],
    ] as const) {
      const error = await openPostgresEditorialRepository(url).then(
        () => null,
        (failure: unknown) => failure,
      );
      expect(isVesaliusError(error) && error.code).toBe('INDEX_UNAVAILABLE');
      expect(isVesaliusError(error) && error.retryable).toBe(true);
      expect((error as Error).message).toContain(`Cannot reach PostgreSQL at `);
      expect((error as Error).message).toContain(target);
      expect((error as Error).message).toContain('Check --database / VESALIUS_DATABASE_URL.');
      expect((error as Error).message).not.toContain('s3cret-pw');
    }
  });
});

describe('vesalius CLI on PostgreSQL', () => {
  it('adds a reviewer and lists users through --database', async () => {
    const server = await startPostgres();
    try {
      const { main } = await import('../../src/serve/cli/main.js');
      let out = '';
      const io = {
        out: (text: string) => (out += text),
        err: (text: string) => (out += text),
        readStdin: async () => 'a long enough password\n',
      };
      expect(
        await main(
          [
            'users',
            'add',
            'ada',
            '--role',
            'reviewer',
            '--name',
            'Dr Ada',
            '--password-stdin',
            '--database',
            server.url,
          ],
          io,
        ),
      ).toBe(0);
      expect(await main(['users', 'list', '--database', server.url], io)).toBe(0);
      expect(out).toMatch(/ada\treviewer\tDr Ada/);
    } finally {
      await server.stop();
    }
  });
});

describeArticleStore('PostgreSQL', async () => {
  const server = await startPostgres();
  return { store: await openPostgresArticleStore(server.url), cleanup: () => server.stop() };
});
