import { describe, expect, it } from 'vitest';
import { readingGrade } from '../../src/text/reading-grade.js';

describe('readingGrade', () => {
  it('rates plain text low and dense clinical text high', () => {
    expect(
      readingGrade('Use your inhaler every day. It helps you breathe. Call your doctor if it gets worse.'),
    ).toBeLessThan(6);
    expect(
      readingGrade(
        'Mycophenolate mofetil is the preferred first-line immunosuppressive agent for connective tissue disease-associated interstitial lung disease, with glucocorticoids reserved for short-term bridging.',
      ),
    ).toBeGreaterThan(14);
    expect(readingGrade('')).toBe(0);
  });
});
