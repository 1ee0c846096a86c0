import { describe, expect, it } from 'vitest';
import { DEFAULTS, loadConfig } from '../../src/config/load-config.js';

describe('loadConfig', () => {
  it('takes options first, then the environment, then defaults', () => {
    expect(loadConfig({ dbPath: '/tmp/a.sqlite' }, { VESALIUS_DB: '/tmp/b.sqlite' }).dbPath).toBe('/tmp/a.sqlite');
    expect(loadConfig({}, { VESALIUS_DB: '/tmp/b.sqlite' }).dbPath).toBe('/tmp/b.sqlite');
    const defaults = loadConfig({}, {});
    expect(defaults.dbPath).toMatch(/vesalius.*index\.sqlite$/);
    expect(defaults.knowledgeDir).toBe(DEFAULTS.knowledgeDir);
    expect(defaults.defaultAudience).toBe('physician');
    expect(loadConfig({}, { VESALIUS_AUDIENCE: 'patient' }).defaultAudience).toBe('patient');
  });

  it('names the variable and the fix when the environment is invalid', () => {
    expect(() => loadConfig({}, { VESALIUS_AUDIENCE: 'robot' })).toThrow(
      /VESALIUS_AUDIENCE is invalid.*Fix or unset it/,
    );
  });
});
