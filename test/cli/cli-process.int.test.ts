import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, scratch } from '../helpers.js';

/** The built CLI as a user runs it (needs `npm run build`). */
describe('vesalius as a process', () => {
  const space = scratch();
  afterAll(() => space.cleanup());

  it('runs through bin/vesalius.js and renders a readable article', () => {
    const out = execFileSync(
      process.execPath,
      [
        join(ROOT, 'bin/vesalius.js'),
        'ask',
        '--db',
        join(space.dir, 'index.sqlite'),
        'What is the antibiotic treatment for streptococcal pharyngitis?',
      ],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(out).toMatch(/Bottom line/);
    expect(out).toMatch(/References/);
    expect(out).toMatch(/\[1\]/);
    expect(out).toMatch(/Educational purpose only · content pending human review/);
  });
});
