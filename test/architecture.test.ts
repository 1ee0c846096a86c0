import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

/** Pipeline order: a module may import its own layer and earlier ones, never later ones. */
const LAYERS: Array<[string, number]> = [
  ['domain/', 0],
  ['text/', 0],
  ['config/', 1],
  ['indexing/', 1],
  ['storage/', 1],
  ['ingest/', 2],
  ['retrieve/', 3],
  ['triage/', 3],
  ['understand/', 3],
  ['compose/', 4],
  ['editorial/', 4],
  ['verify/', 5],
  ['answer-question.ts', 6],
  ['wiring.ts', 7],
  ['serve/', 8],
];

function layerOf(path: string): number {
  const entry = LAYERS.find(([prefix]) => path.startsWith(prefix));
  if (!entry) throw new Error(`${path} is in no layer: add its folder to LAYERS and ARCHITECTURE.md`);
  return entry[1];
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const modules = files(SRC).map((file) => ({ path: relative(SRC, file), text: readFileSync(file, 'utf8') }));

function importsOf(module: { path: string; text: string }): string[] {
  const found = [...module.text.matchAll(/from '(\.[^']+)'/g)].map((match) => match[1] ?? '');
  return found.map((specifier) => relative(SRC, join(SRC, module.path, '..', specifier)).replace(/\.js$/, '.ts'));
}

describe('layer rules (ARCHITECTURE.md)', () => {
  it('stages import only their own and earlier layers', () => {
    const violations = modules.flatMap((module) =>
      importsOf(module)
        .filter((target) => layerOf(target) > layerOf(module.path))
        .map((target) => `${module.path} → ${target}`),
    );
    expect(violations).toEqual([]);
  });

  it('only wiring.ts picks concrete adapters', () => {
    const adapters = modules.flatMap((module) =>
      importsOf(module)
        .filter(
          (target) =>
            /^(indexing|storage)\/[^/]+\//.test(target) &&
            !target.startsWith(module.path.split('/').slice(0, 2).join('/')),
        )
        .map((target) => `${module.path} → ${target}`),
    );
    expect(adapters.filter((line) => !line.startsWith('wiring.ts'))).toEqual([]);
  });

  it('only config/ reads the environment', () => {
    expect(
      modules
        .filter((module) => /process\.env/.test(module.text) && !module.path.startsWith('config/'))
        .map((module) => module.path),
    ).toEqual([]);
  });

  it('keeps files small', () => {
    // Grew past the limit when long lines were wrapped by the formatter; split by concern in the store rewrite (#12).
    const pendingSplit = [
      'storage/postgres/postgres-editorial-repository.ts',
      'storage/sqlite/sqlite-editorial-repository.ts',
    ];
    expect(
      modules
        .filter((module) => module.text.split('\n').length > 400 && !pendingSplit.includes(module.path))
        .map((module) => module.path),
    ).toEqual([]);
  });
});
