import type { Measurement, Population } from '../domain/question-facets.js';
import type { CompiledRules } from './compile-rules.js';

/** Populations a described patient brings with them: their sex and older age. */
const CONTEXT_POPULATIONS = new Set(['older-adult', 'male', 'female']);

/** A message that opens by describing its patient: "72-year-old woman with…", "A 67 yo man on…", "72F with…". */
const LEADING_CASE =
  /^\s*(?:(?:a|an|my|our)\s+)?\d{1,3}(?:[- ]?(?:years?|yrs?|yo|y\/o)(?:[- ]?old)?|\s?[mf]\b)[\s,-]*(?:(?:woman|man|female|male|lady|gentleman|patient|pt)\b)?[\s,]*(?:with|on|who|has|presenting|admitted|,)/iu;

/**
 * Marks what describes the patient rather than what is asked. A case told before its question
 * ("A 67-year-old man with…") gives the patient's sex and older age, and its numbers, as
 * context: they weigh, but never lead the answer or are reported as unanswered. So does a short
 * question that opens by describing its patient. Otherwise in a short question the age matters
 * (Beers criteria for an 80-year-old), and a child's or infant's age always does (their doses differ).
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
  } else if (LEADING_CASE.test(text)) {
    // A short case that opens with its patient ("72-year-old woman with AF, CKD 4, eGFR 22: which
    // anticoagulant?"): the age and sex describe her; the conditions and numbers are what is asked about.
    for (const population of found.populations)
      if (CONTEXT_POPULATIONS.has(population.name)) population.inherited = true;
  }
}
