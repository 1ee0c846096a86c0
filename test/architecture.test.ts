import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const modules = files(SRC).map((file) => ({ path: relative(SRC, file), text: readFileSync(file, 'utf8') }));

/**
 * What dependency-cruiser cannot see (the layer and package rules are in .dependency-cruiser.cjs,
 * run by `npm run lint`): environment access, file size, what serve/ reaches and where
 * services are built.
 */
describe('architecture rules beyond imports (ARCHITECTURE.md)', () => {
  it('only config/ reads the environment', () => {
    expect(
      modules
        .filter(
          (module) =>
            (/process\.env|\benv\s*}\s*from\s*['"]node:process['"]/.test(module.text) ||
              /import\.meta\.env/.test(module.text)) &&
            !module.path.startsWith('config/'),
        )
        .map((module) => module.path),
    ).toEqual([]);
  });

  it('serve/ calls the pipeline, not the index behind it', () => {
    expect(
      modules
        .filter(
          (module) => module.path.startsWith('serve/') && /\.index\.\w+\(|\.index\.recoveredFrom/.test(module.text),
        )
        .map((module) => module.path),
    ).toEqual([]);
  });

  it('builds services in the composition root only', () => {
    expect(
      modules
        .filter(
          (module) =>
            module.path !== 'wiring.ts' && /new (ReviewService|AuthService|ArticleService)\(/.test(module.text),
        )
        .map((module) => module.path),
    ).toEqual([]);
  });

  it('keeps files small', () => {
    expect(modules.filter((module) => module.text.split('\n').length > 400).map((module) => module.path)).toEqual([]);
  });
});
