import type { QuestionType } from './question-type.js';

/**
 * Clinical judgement kept as reviewed data (knowledge/rules/*.yaml), not code: which terms
 * are equivalent, how questions name what they want, which populations and measurements
 * matter, when a message is an emergency, and which sections answer which intent.
 */
export interface ClinicalRules {
  synonyms: SynonymGroup[];
  /** Words that mean the same when a question's words are looked for in statements ("fever", "febrile"). */
  equivalentWords: string[][];
  spelling: SpellingRules;
  triage: TriageRules;
  intents: IntentRule[];
  populations: PopulationRule[];
  measurements: MeasurementRule[];
  sectionPlans: SectionPlanRules;
  currency: CurrencyRules;
}

/** When a cited guideline is out of date (checked by `kb check`, not used to answer). */
export interface CurrencyRules {
  /** A cited guideline older than this many years is flagged for a check. */
  maxGuidelineAgeYears: number;
  /** Titles of series re-issued every year: an edition older than the current year is flagged. */
  annualSeries: string[];
  /** Guidelines with a known newer edition: `match` is part of the cited title (any case). */
  superseded: Array<{ match: string; before?: number; newer: string }>;
}

/** Equivalent names (`terms`) and, for a class, its members (related, never equivalent). */
export interface SynonymGroup {
  terms: string[];
  members: string[];
  /** For a class, the conditions it treats: "caution in hypertension" speaks to "my blood pressure meds". */
  treats?: string[];
}

interface SpellingRules {
  /** British and American spellings of the same stems: [british, american]. */
  variants: Array<[string, string]>;
  /** Chat shorthand and common misspellings read as the words they stand for ("u" → "you", "pt" → "patient"). */
  shorthand: Record<string, string>;
}

export interface RedFlagRule {
  name: string;
  /** Regular expressions (case-insensitive) that describe the red flag. */
  patterns: string[];
  /** A question whose answer is worth showing after the emergency message. */
  followUp: string;
  /** What to do for this emergency in particular, shown right after the emergency message. */
  advice?: string;
}

interface TriageRules {
  /** Emergency telephone numbers by country or region code. */
  emergencyNumbers: Record<string, string>;
  messages: { emergency: string; crisis: string; outOfScope: string; manipulation: string; empty: string };
  crisis: string[];
  redFlags: RedFlagRule[];
  /** Someone describing their own or a companion's situation now. */
  personal: string[];
  /** A clinician asking about a patient or about management in general (never an emergency for Vesalius). */
  clinician: string[];
  manipulation: string[];
  /** Requests that are clearly about something other than health (code, recipes, homework...). */
  notHealth: string[];
  /** Word stems that mark a question as being about health. */
  healthWords: string[];
  /** Statements never shown to someone in an emergency now (reassurance, risk scores, going home). */
  notInEmergency: string[];
  /** Statements that say what to do now (call, go, give); they lead an emergency answer. */
  actNow: string[];
}

/** What a question asks for, as a reader would put it. */
export const INTENTS = [
  'brand-generic',
  'mechanism',
  'definition',
  'dose',
  'administration',
  'duration',
  'missed-dose',
  'safety',
  'interaction',
  'side-effects',
  'stopping',
  'comparison',
  'test-result',
  'treatment',
  'diagnosis',
  'monitoring',
  'target',
  'timing',
  'prognosis',
  'prevention',
  'screening',
  'cause',
  'symptoms',
  'complications',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface IntentRule {
  name: Intent;
  /** Regular expressions on the question that signal this intent; the first rule that matches leads. */
  cues: string[];
  /** Regular expressions on a statement that show it answers this intent. */
  statementCues: string[];
  /** Knowledge-base sections that answer this intent, best first. */
  sections: string[];
  /** The statement's own words must match a statement cue (a dose, a duration): its section alone is not enough. */
  cueRequired?: boolean;
  /** Statement patterns that answer this intent only ("vaccine"): a statement matching them is a poor answer to any other. */
  onlyWhenAsked?: string[];
  /** The coarse question type used for the article's `questionType`. */
  questionType: QuestionType;
}

export const POPULATIONS = [
  'pregnancy',
  'breastfeeding',
  'child',
  'infant',
  'adult',
  'male',
  'female',
  'older-adult',
  'renal',
  'hepatic',
  'penicillin-allergy',
] as const;
export type PopulationName = (typeof POPULATIONS)[number];

export interface PopulationRule {
  name: PopulationName;
  /** Regular expressions on the question. */
  cues: string[];
  /** Regular expressions on a statement that show it speaks to this population. */
  statementCues: string[];
  /** Knowledge-base sections written for this population. */
  sections: string[];
  /** How the answer names this population ("during pregnancy"). */
  phrase: string;
  /** Populations a statement may speak only of without answering for this one (adults: not children). */
  excludes?: PopulationName[];
  /** For a population that excludes others: how much a statement gains by naming it (0 to 1, default 0). */
  wordingCredit?: number;
}

export interface MeasurementRule {
  /** Stable name: crcl, egfr, sodium, potassium, inr... */
  name: string;
  /** How a reader writes it ("creatinine clearance", "CrCl"): regular expressions. */
  aliases: string[];
  /** Units it is given in (shown back to the reader). */
  unit: string;
  /** The population a value implies (a creatinine clearance implies kidney function matters). */
  implies?: PopulationName;
  /** Only values below this imply it (an eGFR of 72 is not reduced kidney function). */
  impliesBelow?: number;
  /** How the answer names it ("creatinine clearance"). */
  label: string;
  /** The usual adult reference range: a value outside it is read as a high or low result. */
  normal?: { low: number; high: number };
  /** Values outside this are in another unit and are not judged ("blood sugar 9" is mmol/L, not a low mg/dL). */
  plausible?: { low: number; high: number };
  /** The condition a low or high result is ("hyponatraemia"), named as the knowledge base names it. */
  means?: { low?: string; high?: string };
}

export interface SectionPlanRules {
  /** Headings shown for knowledge-base sections (the article's words). */
  headings: Record<string, string>;
  /** Sections each audience reads first. */
  audienceFirst: Record<string, string[]>;
  /** Patterns of advice written for a person on their own ("call 911"): shown to patients only. */
  layAdviceForPatientsOnly: string[];
  /** Most bullets in an answer's main sections, by audience, and in the related section. */
  limits: {
    bullets: number;
    broadBullets: number;
    patientBullets: number;
    related: number;
    perHeading: number;
    audienceExtra: number;
  };
}
