import type { CompiledRules } from './compile-rules.js';

/** A name that only says who is asked about ("pregnant", "children", "allergic to penicillin"). */
export function isPopulationWord(label: string, rules: CompiledRules): boolean {
  return (
    rules.populations.some((rule) =>
      rule.cues.some((cue) => cue.test(label) && cue.exec(label)?.[0].length === label.length),
    ) || /^(pregnan|breast|lactat|child|children|elderly|infant)/iu.test(label)
  );
}

/** A name a population cue covers, give or take the end of its last word ("penicillin allerg|y"). */
export function namesPopulation(label: string, rules: CompiledRules): boolean {
  return rules.populations.some((rule) =>
    rule.cues.some((cue) => {
      const match = cue.exec(label);
      return match !== null && match.index === 0 && /^\w*$/u.test(label.slice(match[0].length));
    }),
  );
}

/** A name that is a measurement ("potassium", "eGFR"). */
export function isMeasurementWord(label: string, rules: CompiledRules): boolean {
  return rules.measurements.some((rule) =>
    rule.aliases.some((alias) => alias.exec(label)?.[0].trim().length === label.length),
  );
}
