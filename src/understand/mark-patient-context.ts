import type { Measurement, Population } from '../domain/question-facets.js';
import type { CompiledRules } from './compile-rules.js';

/** Populations a described patient brings with them: their sex and older age. */
const CONTEXT_POPULATIONS = new Set(['older-adult', 'male', 'female']);

/**
 * Marks what describes the patient rather than what is asked. A case told before its question
 * ("A 67-year-old man with…") gives the patient's sex and older age, and its numbers, as
 * context: they weigh, but never lead the answer or are reported as unanswered. In a short
 * question the age matters (Beers criteria for an 80-year-old), and a child's or infant's age
 * always does (their doses differ).
 */
export function markPatientContext(
  found: { populations: Population[]; measurements: Measurement[] },
  text: string,
  ask: string,
  rules: CompiledRules,
): void {
  if (ask !== text) {
    for (const population of found.populations) {
      if (!CONTEXT_POPULATIONS.has(population.name)) continue;
      const rule = rules.populations.find((candidate) => candidate.name === population.name);
      if (!rule?.cues.some((cue) => cue.test(ask))) population.inherited = true;
    }
    for (const measurement of found.measurements) if (!ask.includes(measurement.text)) measurement.context = true;
  }
}
