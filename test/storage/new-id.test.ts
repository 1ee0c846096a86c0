import { describe, expect, it } from 'vitest';
import { newId } from '../../src/storage/new-id.js';

describe('newId', () => {
  it('is URL- and command-line-safe: never starts with "-" and has no characters a shell or URL would change', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => newId()));
    expect(ids.size).toBe(5000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });
});
