import type {
  ClinicalRules,
  IntentRule,
  MeasurementRule,
  PopulationRule,
  RedFlagRule,
} from '../domain/clinical-rules.js';

/** Rules with their patterns compiled once (case-insensitive, Unicode). */
export interface CompiledRules {
  source: ClinicalRules;
  intents: Array<
    Omit<IntentRule, 'cues' | 'statementCues' | 'onlyWhenAsked'> & {
      cues: RegExp[];
      statementCues: RegExp[];
      onlyWhenAsked: RegExp[];
    }
  >;
  populations: Array<Omit<PopulationRule, 'cues' | 'statementCues'> & { cues: RegExp[]; statementCues: RegExp[] }>;
  measurements: Array<Omit<MeasurementRule, 'aliases'> & { aliases: RegExp[] }>;
  triage: {
    crisis: RegExp[];
    redFlags: Array<Omit<RedFlagRule, 'patterns'> & { patterns: RegExp[] }>;
    personal: RegExp[];
    clinician: RegExp[];
    manipulation: RegExp[];
    notHealth: RegExp[];
    healthWords: RegExp[];
    notInEmergency: RegExp[];
    actNow: RegExp[];
  };
}

// Case-insensitive without the Unicode flag: the rules are ASCII, and 'u' makes every test slower.
const compile = (patterns: string[]) => patterns.map((pattern) => new RegExp(pattern, 'i'));

export function compileRules(rules: ClinicalRules): CompiledRules {
  const { triage } = rules;
  return {
    source: rules,
    intents: rules.intents.map((rule) => ({
      ...rule,
      cues: compile(rule.cues),
      statementCues: compile(rule.statementCues),
      onlyWhenAsked: compile(rule.onlyWhenAsked ?? []),
    })),
    populations: rules.populations.map((rule) => ({
      ...rule,
      cues: compile(rule.cues),
      statementCues: compile(rule.statementCues),
    })),
    measurements: rules.measurements.map((rule) => ({ ...rule, aliases: compile(rule.aliases) })),
    triage: {
      crisis: compile(triage.crisis),
      redFlags: triage.redFlags.map((flag) => ({ ...flag, patterns: compile(flag.patterns) })),
      personal: compile(triage.personal),
      clinician: compile(triage.clinician),
      manipulation: compile(triage.manipulation),
      notHealth: compile(triage.notHealth),
      healthWords: compile(triage.healthWords),
      notInEmergency: compile(triage.notInEmergency),
      actNow: compile(triage.actNow),
    },
  };
}
