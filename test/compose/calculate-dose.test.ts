import { describe, expect, it } from 'vitest';
import { calculateDose } from '../../src/compose/calculate-dose.js';

describe('calculateDose', () => {
  it('works out a per-kilogram dose for the weight given', () => {
    expect(calculateDose('Dexamethasone 0.6 mg/kg orally as a single dose (maximum 16 mg) for croup.', 14)).toBe(
      'For a weight of 14 kg, 0.6 mg/kg works out to 8.4 mg (calculated; check against the statement).',
    );
  });

  it('caps at the stated maximum and keeps ranges and per-dose wording', () => {
    expect(calculateDose('Dexamethasone 0.6 mg/kg once (maximum 16 mg).', 40)).toContain(
      '16 mg, capped at the 16 mg maximum',
    );
    expect(calculateDose('Acetaminophen 10-15 mg/kg per dose every 4-6 hours.', 12)).toBe(
      'For a weight of 12 kg, 10 to 15 mg/kg per dose works out to 120 to 180 mg per dose (calculated; check against the statement).',
    );
  });

  it('does nothing without a per-kilogram dose, and leaves infusion rates alone', () => {
    expect(calculateDose('Amoxicillin 500 mg three times daily.', 14)).toBeNull();
    expect(calculateDose('Insulin infusion 0.1 units/kg/h.', 70)).toBeNull();
  });
});
