/**
 * The layer rules of ARCHITECTURE.md, checked by dependency-cruiser over .ts and .tsx
 * (static, side-effect, type-only and dynamic imports). Run by `npm run lint`.
 * Pipeline order: a module imports its own layer and earlier ones, never later ones.
 */
const LATER = {
  0: '^src/(config|indexing|storage|ingest|understand|retrieve|triage|compose|editorial|verify|serve)/|^src/(answer-question|article-service|wiring)[.]ts$',
  1: '^src/(ingest|understand|retrieve|triage|compose|editorial|verify|serve)/|^src/(answer-question|article-service|wiring)[.]ts$',
  2: '^src/(understand|retrieve|triage|compose|editorial|verify|serve)/|^src/(answer-question|article-service|wiring)[.]ts$',
  3: '^src/(compose|editorial|verify|serve)/|^src/(answer-question|article-service|wiring)[.]ts$',
  4: '^src/(verify|serve)/|^src/(answer-question|article-service|wiring)[.]ts$',
  5: '^src/serve/|^src/(answer-question|article-service|wiring)[.]ts$',
  6: '^src/serve/|^src/wiring[.]ts$',
  7: '^src/serve/',
};
const layer = (name, from, level) => ({
  name,
  severity: 'error',
  comment: `${from} imports only its own layer and earlier ones (ARCHITECTURE.md, layer rules)`,
  from: { path: from },
  to: { path: LATER[level] },
});

module.exports = {
  forbidden: [
    layer('layer-0-domain-text-contract', '^src/(domain|text|contract)/', 0),
    layer('layer-1-config-indexing-storage', '^src/(config|indexing|storage)/', 1),
    layer('layer-2-ingest', '^src/ingest/', 2),
    layer('layer-3-understand-retrieve-triage', '^src/(understand|retrieve|triage)/', 3),
    layer('layer-4-compose-editorial', '^src/(compose|editorial)/', 4),
    layer('layer-5-verify', '^src/verify/', 5),
    layer('layer-6-answer-question', '^src/(answer-question|article-service)[.]ts$', 6),
    layer('layer-7-wiring', '^src/wiring[.]ts$', 7),
    {
      name: 'domain-imports-no-package',
      severity: 'error',
      comment: 'domain/ is pure: no npm package, not even node: built-ins',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'core'] },
    },
    {
      name: 'web-bundle-shares-only-pure-code',
      severity: 'error',
      comment: 'the browser bundle may import domain/, text/ and the contract from the server tree, nothing that runs on the server',
      from: { path: '^src/serve/web/', pathNot: 'vite[.]config[.]ts$' },
      to: { path: '^src/', pathNot: '^src/(serve/web|domain|text|contract)/' },
    },
    {
      name: 'web-bundle-no-node-builtins',
      severity: 'error',
      from: { path: '^src/serve/web/', pathNot: 'vite[.]config[.]ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'only-wiring-picks-adapters',
      severity: 'error',
      comment: 'stages see adapters only through their interfaces; wiring.ts is the composition root',
      from: { path: '^src/', pathNot: '^src/(wiring[.]ts|indexing/sqlite/|storage/(sql|sqlite|postgres)/)' },
      to: { path: '^src/(indexing/sqlite|storage/(sql|sqlite|postgres))/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'import cycles make the layers meaningless',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-dev-dependencies-in-src',
      severity: 'error',
      comment: 'what the product runs must be a production dependency (the web bundle is built, so it may use dev ones)',
      from: { path: '^src/', pathNot: '^src/serve/web/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.d.ts'],
    },
  },
};
