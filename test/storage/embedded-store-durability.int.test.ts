import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteEditorialRepository } from '../../src/storage/sqlite/sqlite-editorial-repository.js';
import { ROOT, runCli, scratch } from '../helpers.js';

const run = runCli;

describe('embedded store durability', () => {
  const space = scratch();
  afterAll(() => space.cleanup());

  it('backs up and restores the stores', async () => {
    const db = join(space.dir, 'backup', 'index.sqlite');
    await run(
      ['users', 'add', 'ada', '--role', 'reviewer', '--name', 'Ada', '--password-stdin', '--db', db],
      'a long enough password\n',
    );
    const folder = join(space.dir, 'backup-1');
    expect((await run(['store', 'backup', folder, '--db', db])).out).toMatch(/index\.editorial\.sqlite/);
    await run(
      ['users', 'add', 'bob', '--role', 'editor', '--name', 'Bob', '--password-stdin', '--db', db],
      'a long enough password\n',
    );
    expect((await run(['store', 'restore', folder, '--db', db])).out).toMatch(/Restored 1 store/);
    const users = JSON.parse((await run(['users', 'list', '--json', '--db', db])).out) as Array<{ username: string }>;
    expect(users.map((user) => user.username)).toEqual(['ada']);
    expect((await run(['store', 'restore', space.dir, '--db', db])).err).toMatch(/not a Vesalius backup/);
  });

  it('leaves no half-written version or review when the process is killed mid-write', async () => {
    const path = join(space.dir, 'crash', 'editorial.sqlite');
    const writer = spawn(process.execPath, [join(ROOT, 'test/fixtures/crash-writer.mjs'), path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Let it write for a while, then kill it without warning.
    await new Promise<void>((resolve) => {
      let lines = 0;
      writer.stdout.on('data', (chunk: Buffer) => {
        lines += chunk.toString().split('\n').length - 1;
        if (lines >= 40) resolve();
      });
    });
    writer.kill('SIGKILL');
    await new Promise((resolve) => writer.once('exit', resolve));

    const repository = new SqliteEditorialRepository(path);
    const queue = await repository.listQueue({
      states: ['submitted', 'under_review', 'changes_requested', 'approved', 'retired'],
      limit: 10_000,
    });
    expect(queue.length).toBeGreaterThan(5);
    for (const { document } of queue) {
      const versions = await repository.listVersions(document.id);
      // Every version the document points at exists, and every version has its audit line.
      expect(versions.map((version) => version.number)).toEqual(
        Array.from({ length: document.currentVersion }, (_, index) => index + 1),
      );
      const audit = await repository.listAudit({ documentId: document.id });
      for (const version of versions) {
        expect(
          audit.some(
            (entry) =>
              entry.versionNumber === version.number &&
              (entry.action === 'document.create' || entry.action === 'document.revise'),
          ),
        ).toBe(true);
        const transitions = audit.filter(
          (entry) => entry.versionNumber === version.number && entry.action.startsWith('review.'),
        );
        expect(version.revision).toBe(transitions.length + 1);
      }
      if (document.approvedVersion !== null) expect(versions[document.approvedVersion - 1]?.state).toBe('approved');
    }
    await repository.close();
  });
});
