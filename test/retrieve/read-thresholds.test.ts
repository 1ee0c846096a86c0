import { describe, expect, it } from 'vitest';
import { bandClause, contains, coverage, readThresholds } from '../../src/retrieve/read-thresholds.js';

const crcl = [/\bcr ?cl\b/iu, /\bcreatinine clearance\b/iu];
const mlPerMin = /mL\s*\/\s*min/;

describe('readThresholds', () => {
  it('reads the ranges written after a quantity', () => {
    expect(contains(readThresholds('Reduce to 15 mg once daily when CrCl is 15-50 mL/min.', crcl), 40)).toBe(true);
    expect(contains(readThresholds('Reduce to 15 mg once daily when CrCl is 15-50 mL/min.', crcl), 60)).toBe(false);
    expect(contains(readThresholds('Avoid if creatinine clearance is below 30 mL/min.', crcl), 25)).toBe(true);
    expect(contains(readThresholds('Avoid if creatinine clearance is below 30 mL/min.', crcl), 30)).toBe(false);
    expect(contains(readThresholds('Use when creatinine clearance is 60 mL/min or more.', crcl), 75)).toBe(true);
  });

  it('reads every band of a table written with the unit', () => {
    const table =
      'Dosing by creatinine clearance: 60 mL/min or more, 900 to 3,600 mg per day; 30 to 59 mL/min, 400 to 1,400 mg per day; 15 to 29 mL/min, 200 to 700 mg per day once daily.';
    expect(contains(readThresholds(table, crcl, mlPerMin), 25)).toBe(true);
    expect(bandClause(table, mlPerMin, 25)).toBe('15 to 29 mL/min, 200 to 700 mg per day once daily');
    expect(bandClause(table, mlPerMin, 45)).toBe('30 to 59 mL/min, 400 to 1,400 mg per day');
    expect(bandClause('Avoid if CrCl is below 30 mL/min.', mlPerMin, 25)).toBeNull();
  });

  it('prefers a closed range to an open one', () => {
    expect(coverage(readThresholds('Prediabetes is HbA1c 5.7-6.4%.', [/hba1c/iu]), 6.1, 0.75)).toBe(1);
    expect(coverage(readThresholds('An HbA1c goal below 7% is appropriate.', [/hba1c/iu]), 6.1, 0.75)).toBe(0.75);
    expect(coverage(readThresholds('Diabetes is HbA1c of 6.5% or higher.', [/hba1c/iu]), 6.1, 0.75)).toBeNull();
  });

  it('reads age bands as labels write them', () => {
    const years = [/\byears?\b/iu];
    const unit = /years?\b/;
    const band = 'Cetirizine for children 2 to under 6 years: 2.5 mg orally once daily.';
    expect(coverage(readThresholds(band, years, unit), 3, 0.75)).toBe(1);
    expect(coverage(readThresholds(band, years, unit), 6, 0.75)).toBeNull();
    expect(contains(readThresholds('Adults and children 12 years and older: 10 mg.', years, unit), 40)).toBe(true);
    expect(contains(readThresholds('Adults and children 12 years and older: 10 mg.', years, unit), 8)).toBe(false);
    expect(contains(readThresholds('Not for children younger than 2 years.', years, unit), 1)).toBe(true);
  });
});
