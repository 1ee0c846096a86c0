import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, scratch } from '../helpers.js';

const run = promisify(execFile);

/** Several `ask` processes started at once on a fresh index: each waits its turn to write, none crashes. */
describe('concurrent start on a fresh index', () => {
  const space = scratch();
  afterAll(() => space.cleanup());

  it('answers from every process', async () => {
    const db = join(space.dir, 'fresh.sqlite');
    const results = await Promise.allSettled(
      [1, 2, 3].map(() =>
        run(process.execPath, [join(ROOT, 'bin/vesalius.js'), 'ask', '--json', '--db', db, 'How is gout treated?'], {
          encoding: 'utf8',
          timeout: 120_000,
        }),
      ),
    );
    const failures = results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
    expect(failures).toEqual([]);
    for (const result of results)
      if (result.status === 'fulfilled') expect(JSON.parse(result.value.stdout).status).toBe('answered');
  }, 180_000);
});
