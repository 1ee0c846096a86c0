import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/edit-distance.js';

/** Plain full-matrix optimal string alignment distance: the reference. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('counts typos as one edit each', () => {
    expect(editDistance('pregnacy', 'pregnancy', 2)).toBe(1);
    expect(editDistance('hypertenion', 'hypertension', 2)).toBe(1);
    expect(editDistance('tretment', 'treatment', 2)).toBe(1);
    expect(editDistance('teh', 'the', 2)).toBe(1);
    expect(editDistance('zolpraxavir', 'valacyclovir', 2)).toBe(3);
  });

  it('agrees with the full-matrix reference, capped at max + 1', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 9 }),
        fc.string({ maxLength: 9 }),
        fc.integer({ min: 0, max: 3 }),
        (a, b, max) => {
          expect(editDistance(a, b, max)).toBe(Math.min(reference(a, b), max + 1));
        },
      ),
    );
  });
});
