import type { Audience } from '../domain/audience.js';
import type { Entity, Finding, QuestionFacets } from '../domain/question-facets.js';
import type { CompiledRules } from '../understand/compile-rules.js';
import { INTENT_FIT } from './ranking-settings.js';

export interface SubjectMatcher {
  entity: Entity;
  names: NameMatcher;
  members: NameMatcher | null;
  memberTopics: Set<string>;
  /** For a class, the conditions it treats. */
  treats: NameMatcher | null;
  /** For a drug, its classes' names. */
  classes: NameMatcher | null;
  /** For a drug, the other members of its classes. */
  siblings: NameMatcher | null;
}

/** The question's facets, compiled once for scoring many statements. */
export interface CompiledFacets {
  facets: QuestionFacets;
  /** Each required subject must be met; the answer's drugs form one group (any of them will do). */
  required: SubjectMatcher[];
  alternatives: SubjectMatcher[];
  /** Drugs that may stand in for a required condition (the drugs a treatment answer named), with their credit. */
  substitutes: Array<{ matcher: SubjectMatcher; credit: number }>;
  background: NameMatcher[];
  intents: Array<{ rule: CompiledRules['intents'][number]; weight: number }>;
  populations: CompiledRules['populations'];
  /** Populations carried from the thread: context, not required. */
  inheritedPopulations: CompiledRules['populations'];
  unasked: CompiledRules['populations'];
  /** Statement patterns of intents not asked that answer only those ("vaccine" for prevention). */
  unaskedOnly: RegExp[];
  /** A drug asked about with no route named: oral doses come first. */
  oralExpected: boolean;
  /** Populations an asked one excludes (asked for adults: children, infants). */
  excludedPopulations: CompiledRules['populations'];
  /** A follow-up: its own words are what it adds, and weigh more. */
  focus: boolean;
  measurements: Array<{ value: number; name: string; aliases: RegExp[]; unit?: RegExp }>;
  /** Results the question reports ("anti-HBs positive"): a statement should read them the same way. */
  findings: Array<{ names: NameMatcher; value: Finding['value'] }>;
  /** Drugs taken recently, with how many days ago. */
  recentUse: Array<{ names: NameMatcher; days: number }>;
  terms: RegExp[];
  /** For each term: true when the question denies it ("no comorbidities"). */
  termNegated: boolean[];
  /** Weight of each term (rarer words weigh more); set by the retriever from the index's statistics. */
  termWeights: number[];
  audience: Audience;
}

/** Finds any of a set of names as whole words; short capitalised abbreviations only in capitals. */
class NameMatcher {
  private readonly loose: RegExp | null;
  private readonly exact: RegExp | null;

  constructor(names: string[]) {
    const short = names.filter((name) => /^[A-Z0-9-]{2,4}$/.test(name));
    const rest = names.filter((name) => !short.includes(name) && name.trim().length > 1);
    this.loose =
      // A plural names the same thing ("antibiotics", "bite wounds").
      rest.length > 0
        ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(rest)})(?:e?s)?(?![\\p{L}\\p{N}])`, 'iu')
        : null;
    this.exact =
      short.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(short)})(?![\\p{L}\\p{N}])`, 'u') : null;
  }

  test(text: string): boolean {
    return (this.loose?.test(text) ?? false) || (this.exact?.test(text) ?? false);
  }

  /** Where the names occur: [start, end] character offsets. */
  occurrences(text: string): Array<[number, number]> {
    const found: Array<[number, number]> = [];
    for (const regex of [this.loose, this.exact]) {
      if (!regex) continue;
      for (const match of text.matchAll(new RegExp(regex.source, `g${regex.flags}`))) {
        found.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
      }
    }
    return found;
  }
}

function alternation(names: string[]): string {
  return [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+'))
    .join('|');
}

const SUBJECT_KINDS = new Set(['drug', 'class', 'condition']);
/** The unit a quantity's ranges are written in, to read tables of bands. */
export const UNIT_ANCHORS: Record<string, RegExp> = {
  crcl: /mL\s*\/\s*min/,
  egfr: /mL\s*\/\s*min/,
  potassium: /(mEq|mmol)\s*\/\s*L/,
  sodium: /(mEq|mmol)\s*\/\s*L/,
  a1c: /%/,
  tsh: /(mIU|mU)\s*\/\s*L/,
  glucose: /(mg\s*\/\s*dL|mmol\s*\/\s*L)/,
  ferritin: /(ng|µg|micrograms?)\s*\/\s*(mL|L)/,
  ldl: /(mg\s*\/\s*dL|mmol\s*\/\s*L)/,
};

/** Matches statements that speak of an entity (by name, topic, class member). */
export function subjectMatcher(entity: Entity, drugTopicsOf: (name: string) => string[]): SubjectMatcher {
  // Two-character names ("T4" for levothyroxine) also name other things ("free T4"): only the question's own word counts.
  const names = entity.names.filter((name) => name.trim().length > 2 || name === entity.label);
  return {
    entity,
    names: new NameMatcher(names),
    members: entity.members.length > 0 ? new NameMatcher(entity.members) : null,
    memberTopics: new Set(entity.members.flatMap(drugTopicsOf)),
    treats: entity.treats && entity.treats.length > 0 ? new NameMatcher(entity.treats) : null,
    classes: entity.classNames && entity.classNames.length > 0 ? new NameMatcher(entity.classNames) : null,
    siblings: entity.siblings && entity.siblings.length > 0 ? new NameMatcher(entity.siblings) : null,
  };
}

/** Compiles the facets against the rules; `drugTopicsOf` maps a class member's name to its monographs. */
export function compileFacets(
  facets: QuestionFacets,
  rules: CompiledRules,
  audience: Audience,
  drugTopicsOf: (name: string) => string[],
): CompiledFacets {
  const matcherOf = (entity: Entity) => subjectMatcher(entity, drugTopicsOf);
  const subjects = facets.entities.filter((entity) => !entity.background && SUBJECT_KINDS.has(entity.kind));
  const fallback = subjects.length > 0 ? subjects : facets.entities.filter((entity) => !entity.background);
  const required = fallback.filter((entity) => entity.origin !== 'answer').map(matcherOf);
  const alternatives = fallback.filter((entity) => entity.origin === 'answer').map(matcherOf);
  const substitutes = facets.entities
    .filter((entity) => entity.origin === 'answer' && entity.background)
    .map((entity) => ({ matcher: matcherOf(entity), credit: 1 }));
  const intents = facets.intents
    .map((name, index) => ({
      rule: rules.intents.find((rule) => rule.name === name),
      weight: index === 0 ? 1 : INTENT_FIT.secondary,
    }))
    .filter((entry): entry is { rule: CompiledRules['intents'][number]; weight: number } => entry.rule !== undefined);
  if (intents.length === 0) {
    const rule = rules.intents.find((candidate) => candidate.name === facets.intent);
    if (rule) intents.push({ rule, weight: 1 });
  }
  const asked = new Set(
    facets.populations.filter((population) => !population.inherited).map((population) => population.name),
  );
  const kidneyAliases = rules.measurements
    .filter((rule) => rule.name === 'crcl' || rule.name === 'egfr')
    .flatMap((rule) => rule.aliases);
  return {
    facets,
    required,
    alternatives,
    substitutes,
    background: facets.entities.filter((entity) => entity.background).map((entity) => new NameMatcher(entity.names)),
    intents,
    populations: rules.populations.filter((rule) => asked.has(rule.name)),
    excludedPopulations: rules.populations.filter((rule) =>
      rules.populations.some((other) => asked.has(other.name) && other.excludes?.includes(rule.name)),
    ),
    unasked: rules.populations.filter((rule) => !asked.has(rule.name) && rule.sections.length > 0),
    inheritedPopulations: rules.populations.filter((rule) =>
      facets.populations.some((population) => population.inherited && population.name === rule.name),
    ),
    focus: facets.followUp,
    measurements: [
      ...facets.measurements.flatMap((measurement) => {
        if (measurement.inherited) return [];
        const rule = rules.measurements.find((candidate) => candidate.name === measurement.name);
        if (!rule || measurement.name === 'weight' || measurement.name === 'cha2ds2-vasc') return [];
        const aliases = measurement.name === 'crcl' || measurement.name === 'egfr' ? kidneyAliases : rule.aliases;
        const unit = UNIT_ANCHORS[measurement.name];
        return [{ value: measurement.value, name: measurement.name, aliases, ...(unit ? { unit } : {}) }];
      }),
      ...ageMeasurement(facets.ageYears),
    ],
    // A word and its equivalents ("fever", "febrile", "pyrexia").
    terms: facets.terms.map((term) => {
      const same = rules.source.equivalentWords.find((words) =>
        words.some((word) => word.toLowerCase() === term.toLowerCase()),
      );
      const words = same ?? [term];
      return new RegExp(
        `(?<![\\p{L}])(?:${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
        'iu',
      );
    }),
    findings: facets.findings.map((finding) => ({ names: new NameMatcher(finding.names), value: finding.value })),
    recentUse: facets.recentUse.map((use) => ({ names: new NameMatcher(use.names), days: use.days })),
    termNegated: facets.terms.map((term) => facets.negatedTerms.includes(term)),
    termWeights: facets.terms.map(() => 1),
    audience,
    unaskedOnly: rules.intents
      .filter((rule) => !facets.intents.includes(rule.name) && facets.intent !== rule.name)
      .flatMap((rule) => rule.onlyWhenAsked),
    // A drug asked about without a route: the oral dose is what most readers mean.
    oralExpected:
      !ROUTE_WORDS.test(facets.text) && facets.entities.some((entity) => entity.kind === 'drug' && !entity.background),
  };
}

const ROUTE_WORDS =
  /\b(iv|intravenous|injections?|injectable|infusions?|drip|parenteral|im|intramuscular|shots?|jab|subcutaneous|sc|sub-?q)\b/i;

/**
 * The patient's age as a quantity statements give ranges for ("children 2 to under 6 years",
 * "infants under 6 months"), in years, or in months for a baby.
 */
function ageMeasurement(ageYears: number | null): CompiledFacets['measurements'] {
  if (ageYears === null) return [];
  if (ageYears < 1) {
    return [{ value: Math.round(ageYears * 12 * 10) / 10, name: 'age', aliases: [/\bmonths?\b/], unit: /months?\b/ }];
  }
  return [{ value: ageYears, name: 'age', aliases: [/\b(years?|yrs?)\b/, /\baged?\b/], unit: /(years?|yrs?)\b/ }];
}
