import type { Entity, Finding, Measurement } from '../domain/question-facets.js';
import type { CompiledRules } from './compile-rules.js';

/** A result word, normalised: "reactive" and "detected" are positive, "non-reactive" negative. */
export function findingValue(word: string): Finding['value'] | null {
  const lower = word.toLowerCase().replace(/[\s-]+/g, ' ');
  if (/^(non ?reactive|negative|not detected|undetectable|absent)$/.test(lower)) return 'negative';
  if (/^(reactive|positive|detected|present)$/.test(lower)) return 'positive';
  if (/^(high|elevated|raised|increased)$/.test(lower)) return 'high';
  if (/^(low|decreased|reduced|suppressed)$/.test(lower)) return 'low';
  if (/^normal$/.test(lower)) return 'normal';
  return null;
}

const VALUE_WORDS =
  'non[\\s-]?reactive|reactive|positive|negative|not detected|detected|undetectable|elevated|raised|high|low|normal';
const VALUE_AFTER = new RegExp(`^\\s*(?:is|was|are|were|:|=)?\\s*(${VALUE_WORDS})\\b`, 'iu');
const VALUE_BEFORE = new RegExp(`\\b(${VALUE_WORDS})\\s+(?:for\\s+)?(?:the\\s+|a\\s+|an\\s+)?(?:total\\s+)?$`, 'iu');

/** Results the question reports: a test named with a value right after or before it. */
export function readFindings(text: string, entities: Entity[]): Finding[] {
  const findings: Finding[] = [];
  for (const entity of entities) {
    if (!entity.span) continue;
    const [start, end] = entity.span;
    const word =
      VALUE_AFTER.exec(text.slice(end, end + 25))?.[1] ??
      VALUE_BEFORE.exec(text.slice(Math.max(0, start - 25), start))?.[1];
    const value = word ? findingValue(word) : null;
    // The test's own name: a topic's other names ("TSH" for "free T4") are other tests.
    if (value) findings.push({ label: entity.label, names: [entity.label], value });
  }
  return findings;
}

/** The conditions out-of-range results name ("sodium 118" → hyponatraemia). */
export function conditionsOfResults(measurements: Measurement[], rules: CompiledRules): string[] {
  return measurements.flatMap((measurement) => {
    const rule = rules.measurements.find((candidate) => candidate.name === measurement.name);
    if (!rule?.normal || !rule.means || !plausible(rule, measurement.value)) return [];
    if (measurement.value < rule.normal.low && rule.means.low) return [rule.means.low];
    if (measurement.value > rule.normal.high && rule.means.high) return [rule.means.high];
    return [];
  });
}

/** "TSH of 12": a value outside the usual range is read as a high (or low) result. */
export function resultsOutOfRange(measurements: Measurement[], rules: CompiledRules): Finding[] {
  return measurements.flatMap((measurement) => {
    const rule = rules.measurements.find((candidate) => candidate.name === measurement.name);
    const normal = rule?.normal;
    if (!rule || !normal || !plausible(rule, measurement.value)) return [];
    const value = measurement.value > normal.high ? 'high' : measurement.value < normal.low ? 'low' : null;
    return value ? [{ label: measurement.label, names: [measurement.label], value }] : [];
  });
}

/** Whether a value can be judged in the rule's unit (not one written in another unit). */
function plausible(rule: { plausible?: { low: number; high: number } }, value: number): boolean {
  return !rule.plausible || (value >= rule.plausible.low && value <= rule.plausible.high);
}
