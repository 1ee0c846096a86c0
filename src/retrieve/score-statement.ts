import type { Audience } from '../domain/audience.js';
import type { Entity, Finding, QuestionFacets } from '../domain/question-facets.js';
import { findingValue } from '../understand/read-facets.js';
import type { CompiledRules } from '../understand/compile-rules.js';
import { coverage, readThresholds } from './read-thresholds.js';
import {
  ANSWER_THRESHOLDS,
  ANSWER_WEIGHTS,
  INTENT_FIT,
  MEASUREMENT_FIT,
  POPULATION_FIT,
  SUBJECT_MATCH,
  TERM_SUBJECT_MIN,
} from './ranking-settings.js';

/** What scoring needs to know about one statement or passage. */
export interface ScoredText {
  text: string;
  section: string;
  topicId?: string | undefined;
  /** A plain-language statement for patients. */
  patient: boolean;
  /** Full-text relevance, 0–1 relative to the best hit (0 when not found by search). */
  search: number;
  /** Evidence weight of what it cites, 0–1. */
  evidence: number;
  /** The title and synonyms of the topic it belongs to. */
  keywords?: string;
  /** It names a condition the question does not ask about ("amoxicillin for sinusitis" when asked about pneumonia). */
  otherCondition?: boolean;
  /** In a topic that covers two conditions, it speaks only of the one not asked about (head lice for a scabies question). */
  otherPart?: boolean;
  /** It belongs to the monograph of a drug the question does not ask about (naming the subject only in passing). */
  foreignMonograph?: boolean;
}

export interface FacetScore {
  subject: number;
  intent: number;
  population: number;
  measurement: number;
  context: number;
  total: number;
  /** Meets every facet the question asks: a candidate for the bottom line. */
  direct: boolean;
  /** Asked populations it speaks to, and measurements whose value it covers. */
  populationsMet: string[];
  measurementsMet: string[];
}

export interface SubjectMatcher {
  entity: Entity;
  names: NameMatcher;
  members: NameMatcher | null;
  memberTopics: Set<string>;
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
  /** A follow-up: its own words are what it adds, and weigh more. */
  focus: boolean;
  measurements: Array<{ value: number; name: string; aliases: RegExp[]; unit?: RegExp }>;
  /** Results the question reports ("anti-HBs positive"): a statement should read them the same way. */
  findings: Array<{ names: NameMatcher; value: Finding['value'] }>;
  terms: RegExp[];
  /** For each term: true when the question denies it ("no comorbidities"). */
  termNegated: boolean[];
  /** Weight of each term (rarer words weigh more); set by the retriever from the index's statistics. */
  termWeights: number[];
  audience: Audience;
}

/** Finds any of a set of names as whole words; short capitalised abbreviations only in capitals. */
export class NameMatcher {
  private readonly loose: RegExp | null;
  private readonly exact: RegExp | null;

  constructor(names: string[]) {
    const short = names.filter((name) => /^[A-Z0-9-]{2,4}$/.test(name));
    const rest = names.filter((name) => !short.includes(name) && name.trim().length > 1);
    this.loose =
      rest.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(rest)})(?![\\p{L}\\p{N}])`, 'iu') : null;
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

/** Share of the question's other words (weighted by rarity) that the text contains. */
function weightedShare(compiled: CompiledFacets, text: string): number {
  let total = 0;
  let found = 0;
  compiled.terms.forEach((term, index) => {
    const weight = compiled.termWeights[index] ?? 1;
    total += weight;
    const polarity = polarityIn(text, term);
    if (polarity === null) return;
    // "without comorbidities" answers "no comorbidities"; "with comorbidities" contradicts it.
    if (polarity === (compiled.termNegated[index] ?? false)) found += weight;
    else found -= weight / 2;
  });
  return total === 0 ? 0 : Math.max(0, found) / total;
}

const DENIAL = /\b(no|not|without|non|absence of|free of|denies|never)\b[\s\w-]{0,20}$/iu;

/** Whether a text mentions a term affirmed (false), only denied (true), or not at all (null). */
function polarityIn(text: string, term: RegExp): boolean | null {
  const global = new RegExp(term.source, 'giu');
  let denied = false;
  for (const match of text.matchAll(global)) {
    if (!DENIAL.test(text.slice(Math.max(0, (match.index ?? 0) - 30), match.index))) return false;
    denied = true;
  }
  return denied ? true : null;
}

function alternation(names: string[]): string {
  return [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+'))
    .join('|');
}

const SUBJECT_KINDS = new Set(['drug', 'class', 'condition']);
const GENERAL_INTENTS = new Set(['definition', 'treatment', 'symptoms', 'cause', 'prevention']);
/** The unit a quantity's ranges are written in, to read tables of bands. */
export const UNIT_ANCHORS: Record<string, RegExp> = {
  crcl: /mL\s*\/\s*min/,
  egfr: /mL\s*\/\s*min/,
  potassium: /(mEq|mmol)\s*\/\s*L/,
  sodium: /(mEq|mmol)\s*\/\s*L/,
  a1c: /%/,
  tsh: /(mIU|mU)\s*\/\s*L/,
  glucose: /(mg\s*\/\s*dL|mmol\s*\/\s*L)/,
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
    unasked: rules.populations.filter((rule) => !asked.has(rule.name) && rule.sections.length > 0),
    inheritedPopulations: rules.populations.filter((rule) =>
      facets.populations.some((population) => population.inherited && population.name === rule.name),
    ),
    focus: facets.followUp,
    measurements: facets.measurements.flatMap((measurement) => {
      if (measurement.inherited) return [];
      const rule = rules.measurements.find((candidate) => candidate.name === measurement.name);
      if (!rule || measurement.name === 'weight' || measurement.name === 'cha2ds2-vasc') return [];
      const aliases = measurement.name === 'crcl' || measurement.name === 'egfr' ? kidneyAliases : rule.aliases;
      const unit = UNIT_ANCHORS[measurement.name];
      return [{ value: measurement.value, name: measurement.name, aliases, ...(unit ? { unit } : {}) }];
    }),
    terms: facets.terms.map((term) => new RegExp(`(?<![\\p{L}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu')),
    findings: facets.findings.map((finding) => ({ names: new NameMatcher(finding.names), value: finding.value })),
    termNegated: facets.terms.map((term) => facets.negatedTerms.includes(term)),
    termWeights: facets.terms.map(() => 1),
    audience,
  };
}

/** How well one statement answers the question, facet by facet. Pure: no index, no I/O. */
export function scoreStatement(statement: ScoredText, compiled: CompiledFacets): FacetScore {
  const { text } = statement;
  const subjectOf = (matcher: SubjectMatcher): number => {
    if (statement.topicId && matcher.entity.topics.includes(statement.topicId)) {
      return statement.otherPart ? SUBJECT_MATCH.relatedTopic : SUBJECT_MATCH.ownTopic;
    }
    if (matcher.names.test(text))
      return statement.foreignMonograph ? SUBJECT_MATCH.namedElsewhere : SUBJECT_MATCH.named;
    if (matcher.members?.test(text)) return SUBJECT_MATCH.classMember;
    if (statement.topicId && matcher.memberTopics.has(statement.topicId)) return SUBJECT_MATCH.classMemberTopic;
    // A broader condition asked alongside a narrower one ("ILD" with "NSIP"): the narrower topic names it.
    if (
      matcher.entity.kind === 'condition' &&
      statement.keywords &&
      !statement.foreignMonograph &&
      matcher.names.test(statement.keywords)
    ) {
      return SUBJECT_MATCH.topicNames;
    }
    // A test or term listed among a topic's names is what that topic is about; a drug listed there is not.
    if (statement.topicId && matcher.entity.relatedTopics.includes(statement.topicId)) {
      const specific = matcher.entity.kind === 'term' && matcher.entity.relatedTopics.length <= 2;
      return specific ? SUBJECT_MATCH.termTopic : SUBJECT_MATCH.relatedTopic;
    }
    return 0;
  };
  // A drug standing in for the asked condition must not be speaking of another condition.
  const substitute = statement.otherCondition
    ? 0
    : Math.max(0, ...compiled.substitutes.map(({ matcher, credit }) => subjectOf(matcher) * credit));
  const termShare = weightedShare(compiled, text);
  const parts: number[] = compiled.required.map((matcher) =>
    matcher.entity.kind === 'condition' ? Math.max(subjectOf(matcher), substitute) : subjectOf(matcher),
  );
  if (compiled.alternatives.length > 0) parts.push(Math.max(...compiled.alternatives.map(subjectOf)));
  // With nothing named that Vesalius knows, the question's own words must carry the subject.
  const subject =
    parts.length === 0
      ? termShare >= TERM_SUBJECT_MIN
        ? termShare
        : 0
      : parts.reduce((sum, value) => sum + value, 0) / parts.length;

  let intent = 0;
  for (const { rule, weight } of compiled.intents) {
    const rank = rule.sections.indexOf(statement.section);
    let fit =
      rank >= 0 ? Math.max(INTENT_FIT.lowestSection, INTENT_FIT.firstSection - rank * INTENT_FIT.sectionStep) : 0;
    // A section written for the population asked ("Renal adjustment" for a CKD question) answers any intent about it.
    if (compiled.populations.some((population) => population.sections.includes(statement.section))) {
      fit = Math.max(fit, INTENT_FIT.populationSection);
    }
    const cued = rule.statementCues.some((cue) => cue.test(text));
    // Patient statements belong to no clinical section: their words carry the fit, except for
    // the general asks (what is it, how is it treated) that any of them may answer.
    if (statement.patient)
      fit = cued || GENERAL_INTENTS.has(rule.name) ? INTENT_FIT.patientBase : INTENT_FIT.patientUncued;
    if (cued) fit += INTENT_FIT.cue;
    else if (rule.cueRequired) fit *= INTENT_FIT.withoutRequiredCue;
    intent = Math.max(intent, fit * weight);
  }

  const populationsMet: string[] = [];
  let population = 0;
  if (compiled.populations.length > 0) {
    let sum = 0;
    for (const rule of compiled.populations) {
      const fit = rule.sections.includes(statement.section)
        ? POPULATION_FIT.section
        : rule.statementCues.some((cue) => cue.test(text))
          ? POPULATION_FIT.wording
          : 0;
      if (fit > 0) populationsMet.push(rule.name);
      sum += fit;
    }
    population = sum / compiled.populations.length;
  } else if (compiled.unasked.some((rule) => rule.sections.includes(statement.section))) {
    population = -POPULATION_FIT.unaskedPenalty;
  }

  const measurementsMet: string[] = [];
  let measurement = 0;
  if (compiled.measurements.length > 0) {
    let sum = 0;
    for (const asked of compiled.measurements) {
      const intervals = readThresholds(text, asked.aliases, asked.unit);
      if (intervals.length === 0) {
        sum +=
          statement.section === 'Renal adjustment' || statement.section === 'Hepatic adjustment'
            ? MEASUREMENT_FIT.sectionOnly
            : 0;
      } else {
        const fit = coverage(intervals, asked.value, MEASUREMENT_FIT.openRange);
        if (fit === null) sum += MEASUREMENT_FIT.outOfRange;
        else {
          sum += fit * MEASUREMENT_FIT.inRange;
          measurementsMet.push(asked.name);
        }
      }
    }
    measurement = sum / compiled.measurements.length;
  }

  const backgroundHits = compiled.background.filter((matcher) => matcher.test(text)).length;
  const findings = findingAgreement(compiled, text);
  const inheritedHits = compiled.inheritedPopulations.filter(
    (rule) => rule.sections.includes(statement.section) || rule.statementCues.some((cue) => cue.test(text)),
  ).length;
  const context =
    0.5 * (compiled.background.length === 0 ? 0 : backgroundHits / compiled.background.length) +
    0.5 * termShare +
    findings +
    0.25 * (compiled.inheritedPopulations.length === 0 ? 0 : inheritedHits / compiled.inheritedPopulations.length);

  const forPatient = compiled.audience === 'patient';
  const total =
    ANSWER_WEIGHTS.subject * subject +
    ANSWER_WEIGHTS.intent * intent +
    ANSWER_WEIGHTS.population * population +
    ANSWER_WEIGHTS.measurement * measurement +
    ANSWER_WEIGHTS.context * context +
    (compiled.focus ? ANSWER_WEIGHTS.followUpWords * termShare : 0) +
    ANSWER_WEIGHTS.search * statement.search +
    ANSWER_WEIGHTS.evidence * statement.evidence +
    (forPatient && statement.patient ? ANSWER_WEIGHTS.patientText : 0);
  const direct =
    subject >= ANSWER_THRESHOLDS.directSubject &&
    intent >= ANSWER_THRESHOLDS.directIntent &&
    (compiled.populations.length === 0 || population >= ANSWER_THRESHOLDS.directPopulation) &&
    (compiled.measurements.length === 0 || measurementsMet.length > 0 || measurement >= 0);
  return { subject, intent, population, measurement, context, total, direct, populationsMet, measurementsMet };
}

const RESULT_WORD =
  /^\s*(?:is|was|are|:)?\s*(non[\s-]?reactive|reactive|positive|negative|not detected|detected|undetectable|elevated|raised|high|low|normal)\b/iu;

/**
 * How far a statement reads the question's results the same way ("HBsAg negative, anti-HBs
 * positive"): +1 per finding stated with the same value, −1 per contradiction, over the findings.
 */
function findingAgreement(compiled: CompiledFacets, text: string): number {
  if (compiled.findings.length === 0) return 0;
  let sum = 0;
  for (const finding of compiled.findings) {
    let verdict = 0;
    for (const [, end] of finding.names.occurrences(text)) {
      const word = RESULT_WORD.exec(text.slice(end, end + 20))?.[1];
      const value = word ? findingValue(word) : null;
      if (!value) continue;
      verdict = value === finding.value ? 1 : -1;
      if (verdict === 1) break;
    }
    sum += verdict;
  }
  return sum / compiled.findings.length;
}
