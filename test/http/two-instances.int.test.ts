import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServeProcess, spawnServe } from '../../scripts/spawn-serve.js';
import { main } from '../../src/serve/cli/main.js';
import { scratch } from '../helpers.js';
import { startPostgres } from '../storage/postgres-harness.js';

/** Two `vesalius serve` processes against one PostgreSQL, as in a deployment with several app instances. */
describe('two serve processes sharing one PostgreSQL', () => {
  const space = scratch();
  let database: Awaited<ReturnType<typeof startPostgres>>;
  const servers: ServeProcess[] = [];

  const serve = (name: string) =>
    spawnServe(['--db', join(space.dir, name, 'index.sqlite'), '--database', database.url]);

  beforeAll(async () => {
    database = await startPostgres();
    const io = { out: () => {}, err: () => {}, readStdin: async () => 'correct horse battery staple\n' };
    expect(
      await main(
        ['users', 'add', 'ed', '--role', 'editor', '--name', 'Ed', '--password-stdin', '--database', database.url],
        io,
      ),
    ).toBe(0);
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
          '--credentials',
          'MD',
          '--password-stdin',
          '--database',
          database.url,
        ],
        io,
      ),
    ).toBe(0);
    servers.push(await serve('a'), await serve('b'));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.stop();
    space.cleanup();
  });

  async function signIn(url: string, username: string): Promise<(path: string, body?: unknown) => Promise<Response>> {
    const response = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'correct horse battery staple' }),
    });
    expect(response.status).toBe(200);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return (path, body) =>
      fetch(`${url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
  }

  it('submits on one instance, reviews on the other, and both see the same state', async () => {
    const [a, b] = servers;
    if (!a || !b) throw new Error('both servers must be running');
    const asked = (await (
      await fetch(`${a.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'How is gout treated?' }),
      })
    ).json()) as { id: string };
    const editorOnA = await signIn(a.url, 'ed');
    expect((await editorOnA('/api/review/documents', { articleId: asked.id })).status).toBe(201);

    const reviewerOnB = await signIn(b.url, 'ada');
    const queue = (await (await reviewerOnB('/api/review/queue')).json()) as {
      queue: Array<{ document: { id: string } }>;
    };
    expect(queue.queue.map((item) => item.document.id)).toContain(asked.id);
    const started = await reviewerOnB(`/api/review/documents/${asked.id}/versions/1/actions`, {
      action: 'start_review',
      expectedRevision: 1,
    });
    expect(started.status).toBe(200);

    // A reviewer on instance A acting on the revision it loaded before B's change loses with 409.
    const reviewerOnA = await signIn(a.url, 'ada');
    const stale = await reviewerOnA(`/api/review/documents/${asked.id}/versions/1/actions`, {
      action: 'start_review',
      expectedRevision: 1,
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { current: { state: string } } }).error.current.state).toBe(
      'under_review',
    );

    expect(
      (
        await reviewerOnB(`/api/review/documents/${asked.id}/versions/1/actions`, {
          action: 'approve',
          expectedRevision: 2,
        })
      ).status,
    ).toBe(200);
    const onA = (await (await fetch(`${a.url}/api/articles/${asked.id}`)).json()) as {
      reviewStatus: string;
      reviewedBy: { name: string };
    };
    expect(onA).toMatchObject({ reviewStatus: 'approved', reviewedBy: { name: 'Dr Ada' } });
    // Answers are shared too: the permalink asked on A opens on B, and B's follow-up joins A's thread.
    const onB = await fetch(`${b.url}/api/articles/${asked.id}`);
    expect(onB.status).toBe(200);
    const followUp = (await (
      await fetch(`${b.url}/api/articles/${asked.id}/followups`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'And the dose?' }),
      })
    ).json()) as { threadId: string };
    expect(followUp.threadId).toBe(asked.id);
    const thread = (await (await fetch(`${a.url}/api/threads/${asked.id}`)).json()) as { articles: unknown[] };
    expect(thread.articles).toHaveLength(2);
  });
});
