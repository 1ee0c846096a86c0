import { describe, expect, it } from 'vitest';
import { databaseUrlWarning } from '../../src/serve/cli/database-url-warning.js';
import { runCli } from '../helpers.js';

describe('a --database URL with a password', () => {
  it('is flagged, and one without a password is not', () => {
    expect(databaseUrlWarning('postgres://vesalius:secret@db:5432/vesalius')).toMatch(/VESALIUS_DATABASE_URL/);
    expect(databaseUrlWarning('postgres://vesalius@db:5432/vesalius')).toBeNull();
    expect(databaseUrlWarning('not a url')).toBeNull();
  });

  it('makes any command warn before it runs', async () => {
    const result = await runCli(['users', 'list', '--database', 'postgres://u:secret@127.0.0.1:1/x']);
    expect(result.err).toMatch(/^Warning: the password in --database is visible/);
  });
});
