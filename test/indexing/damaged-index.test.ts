import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from '../helpers.js';

/** The index is derived data: a damaged file is set aside and rebuilt, with a word to the user. */
describe('a damaged index file', () => {
  const space = scratch();
  afterAll(() => space.cleanup());

  it('is moved aside and rebuilt, and the question is answered', async () => {
    const db = join(space.dir, 'index.sqlite');
    writeFileSync(db, randomBytes(64 * 1024));
    const result = await runCli(['ask', '--json', '--db', db, 'How is gout treated?']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).status).toBe('answered');
    const aside = /moved to (\S+) and rebuilt/.exec(result.err)?.[1] ?? '';
    expect(existsSync(aside)).toBe(true);
  }, 60_000);
});
