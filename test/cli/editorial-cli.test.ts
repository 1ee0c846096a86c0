import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch, seedIndex } from '../helpers.js';

const run = runCli;

describe('vesalius users and review commands (embedded store)', () => {
  const space = scratch();
  const db = seedIndex(join(space.dir, 'index.sqlite'));
  afterAll(() => space.cleanup());

  it('adds accounts with a password from standard input only, lists them and changes roles', async () => {
    expect(
      (
        await run([
          'users',
          'add',
          'ada',
          '--role',
          'reviewer',
          '--name',
          'Dr Ada',
          '--credentials',
          'MD, FCCP',
          '--db',
          db,
        ])
      ).err,
    ).toMatch(/--password-stdin/);
    expect(
      (
        await run(
          [
            'users',
            'add',
            'ada',
            '--role',
            'reviewer',
            '--name',
            'Dr Ada',
            '--credentials',
            'MD, FCCP',
            '--password-stdin',
            '--db',
            db,
          ],
          'a long enough password\n',
        )
      ).out,
    ).toMatch(/Added ada \(reviewer\)/);
    expect(
      (
        await run(
          ['users', 'add', 'ed', '--role', 'editor', '--name', 'Ed', '--password-stdin', '--db', db],
          'another long password\n',
        )
      ).code,
    ).toBe(0);
    const duplicate = await run(
      ['users', 'add', 'ada', '--role', 'reader', '--name', 'A', '--password-stdin', '--db', db],
      'a long enough password\n',
    );
    expect(duplicate.code).toBe(2);
    expect(duplicate.err).toMatch(/already exists/);
    expect(
      (await run(['users', 'add', 'x', '--role', 'god', '--name', 'X', '--password-stdin', '--db', db], 'pw')).code,
    ).toBe(2);
    expect((await run(['users', 'set-role', 'ed', 'admin', '--db', db])).out).toMatch(/ed is now admin/);
    const listed = JSON.parse((await run(['users', 'list', '--json', '--db', db])).out) as Array<{
      username: string;
      role: string;
    }>;
    expect(listed.map((user) => `${user.username}:${user.role}`)).toEqual(['ada:reviewer', 'ed:admin']);
  });

  it('submits a stored answer, lists the queue and approves it as a named reviewer', async () => {
    const asked = JSON.parse((await run(['ask', '--json', '--db', db, 'How is gout treated?'])).out) as {
      status: string;
    };
    expect(asked.status).toBe('answered');
    // Answers asked through the CLI are not stored; store one the way the web app does.
    const { ArticleService } = await import('../../src/article-service.js');
    const { openArticleStore, createVesalius } = await import('../../src/wiring.js');
    const { loadConfig } = await import('../../src/config/load-config.js');
    const config = loadConfig({ dbPath: db }, {});
    const vesalius = createVesalius(config);
    const store = await openArticleStore(config);
    const kept = await new ArticleService(vesalius, store).ask('How is gout treated?', 'physician');
    await store.close();
    vesalius.close();

    const submitted = await run(['review', 'submit', kept.id, '--as', 'ed', '--specialty', 'rheumatology', '--db', db]);
    const documentId = /document (\S+) /.exec(submitted.out)?.[1] ?? '';
    // The document keeps the answer's id, so approval reaches the answer's public page.
    expect(documentId).toBe(kept.id);
    const queue = JSON.parse((await run(['review', 'list', '--json', '--db', db])).out) as Array<{
      id: string;
      state: string;
      specialty: string;
    }>;
    expect(queue).toEqual([expect.objectContaining({ id: documentId, state: 'submitted', specialty: 'rheumatology' })]);
    // A name alone is not enough to approve; a wrong password neither.
    const nameOnly = await run(['review', 'approve', documentId, '--as', 'ada', '--db', db]);
    expect(nameOnly.err).toMatch(/needs their credentials: pipe the password with --password-stdin/);
    const wrong = await run(
      ['review', 'approve', documentId, '--as', 'ada', '--password-stdin', '--db', db],
      'not her password\n',
    );
    expect(wrong.err).toMatch(/Wrong credentials for ada/);
    const approved = await run(
      [
        'review',
        'approve',
        documentId,
        '--as',
        'ada',
        '--password-stdin',
        '--comment',
        'Checked against ACR 2020',
        '--db',
        db,
      ],
      'a long enough password\n',
    );
    expect(approved.out).toMatch(/version 1 is now approved, approved by Dr Ada on \d{4}-\d{2}-\d{2}/);
    expect(JSON.parse((await run(['review', 'list', '--json', '--db', db])).out)).toEqual([]);
    const again = await run(
      ['review', 'request-changes', documentId, '--as', 'ada', '--password-stdin', '--db', db],
      'a long enough password\n',
    );
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/Cannot request changes a version that is approved/);
    const notReviewer = await run(
      ['review', 'approve', documentId, '--as', 'nobody', '--password-stdin', '--db', db],
      'x\n',
    );
    expect(notReviewer.err).toMatch(/Wrong credentials for nobody/);
  });

  it('submits every knowledge-base topic and clinical rules file for review once', async () => {
    const first = await run(['review', 'import-topics', '--as', 'ed', '--db', db]);
    const count = Number(/Submitted (\d+) knowledge-base topics/.exec(first.out)?.[1]);
    expect(count).toBeGreaterThanOrEqual(120);
    expect(first.out).toMatch(/and 6 clinical rules files/);
    expect((await run(['review', 'import-topics', '--as', 'ed', '--db', db])).out).toMatch(
      /Submitted 0 knowledge-base topics and 0 clinical rules files/,
    );
    const approved = await run(
      ['review', 'approve', 'rules:triage', '--as', 'ada', '--password-stdin', '--db', db],
      'a long enough password\n',
    );
    expect(approved.out).toMatch(/^Clinical rules: triage\.yaml: version 1 is now approved/);
    const queue = JSON.parse(
      (await run(['review', 'list', '--json', '--specialty', 'pulmonology', '--db', db])).out,
    ) as Array<{ id: string; kind: string }>;
    expect(queue.map((item) => item.id)).toContain('topic:nsip');
    expect(queue.every((item) => item.kind === 'topic')).toBe(true);
  });
});
