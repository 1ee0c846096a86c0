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
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const modules = files(SRC).map((file) => ({ path: relative(SRC, file), text: readFileSync(file, 'utf8') }));

/** Every module a file names: `from '…'` or `"…"`, side-effect `import '…'`, dynamic `import('…')`. */
function specifiersOf(text: string): string[] {
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] ?? ''));
}

function importsOf(module: { path: string; text: string }): string[] {
  return specifiersOf(module.text)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(SRC, join(SRC, module.path, '..', specifier)).replace(/\.js$/, '.ts'));
}

/** The npm and node: packages a file imports. */
function packagesOf(module: { text: string }): string[] {
  return specifiersOf(module.text).filter((specifier) => !specifier.startsWith('.'));
}

describe('layer rules (ARCHITECTURE.md)', () => {
  it('finds the imports it checks (a parser that finds none would pass everything)', () => {
    expect(modules.flatMap(importsOf).length).toBeGreaterThan(300);
    expect(modules.filter((module) => module.path.endsWith('.tsx')).length).toBeGreaterThan(10);
  });

  it('keeps domain/ free of packages, and the web app off the server', () => {
    const domainPackages = modules
      .filter((module) => module.path.startsWith('domain/'))
      .flatMap((module) => packagesOf(module).map((name) => `${module.path} → ${name}`));
    expect(domainPackages).toEqual([]);
    // The browser bundle may share pure code (domain, text) and nothing that runs on the server.
    const bundle = (path: string) => path.startsWith('serve/web/') && !path.endsWith('vite.config.ts');
    const webReach = modules
      .filter((module) => bundle(module.path))
      .flatMap((module) =>
        importsOf(module)
          .filter((target) => !target.startsWith('serve/web/') && !/^(domain|text)\//.test(target))
          .map((target) => `${module.path} → ${target}`),
      );
    expect(webReach).toEqual([]);
    const webNode = modules
      .filter((module) => bundle(module.path))
      .flatMap((module) => packagesOf(module).filter((name) => name.startsWith('node:')));
    expect(webNode).toEqual([]);
  });

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
        .filter(
          (module) =>
            (/process\.env|\benv\s*}\s*from\s*['"]node:process['"]/.test(module.text) ||
              /import\.meta\.env/.test(module.text)) &&
            !module.path.startsWith('config/'),
        )
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
