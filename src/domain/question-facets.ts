import type { Intent, PopulationName } from './clinical-rules.js';

type EntityKind = 'drug' | 'class' | 'condition' | 'term';

/** Something the question is about: a drug, a drug class, a condition or test, or another named term. */
export interface Entity {
  /** As the question wrote it. */
  label: string;
  /** The name Vesalius knows it by (a monograph's or topic's title, else the label). */
  name: string;
  kind: EntityKind;
  /** Equivalent names, for finding statements that speak of it. */
  names: string[];
  /** Knowledge-base topics that are this thing (a drug's monograph, a condition's topic). */
  topics: string[];
  /** Topics that merely list it among their synonyms (a drug named in a condition topic). */
  relatedTopics: string[];
  /** For a class: its member drugs' names. */
  members: string[];
  /** For a drug: the names of the classes it belongs to ("NSAID" for ibuprofen). */
  classNames?: string[];
  /** For a drug: the other members of its classes ("warfarin" for apixaban), which a class statement may be about instead. */
  siblings?: string[];
  /** For a class, the conditions it treats (from the synonym group). */
  treats?: string[];
  /** Where it came from: the question itself, or the thread it follows up. */
  origin: 'question' | 'thread' | 'answer';
  /** Every name the question used for it, when more than one ("Tylenol", "paracetamol"). */
  mentions?: string[];
  /** Where the question names it: character offsets in `QuestionFacets.text` (absent when carried from a thread). */
  span?: [number, number];
  /** True when it is mentioned as background (a comorbidity, a past medicine) rather than asked about. */
  background: boolean;
}

/** A number the question gives, with its quantity and unit ("CrCl 25 mL/min", "Na 118"). */
export interface Measurement {
  /** Carried from an earlier question of the thread: context, not what this question asks. */
  inherited?: boolean;
  name: string;
  label: string;
  value: number;
  unit: string;
  text: string;
  /** Told in the case before the question ("eGFR 72" in a vignette): it weighs, but does not pick the bottom line. */
  context?: boolean;
}

export interface Population {
  /** Carried from an earlier question of the thread: context, not what this question asks. */
  inherited?: boolean;
  name: PopulationName;
  phrase: string;
}

/** A result the question reports: a test and its value ("anti-HBs positive", "non-reactive hep A IgM"). */
export interface Finding {
  label: string;
  names: string[];
  value: 'positive' | 'negative' | 'high' | 'low' | 'normal';
}

/** A drug the question says was taken recently, and how many days ago. */
export interface RecentUse {
  label: string;
  names: string[];
  days: number;
}

/** A question read as facets: what it asks, about what, for whom, with which numbers. */
export interface QuestionFacets {
  /** The text the facets were read from (spelling corrected; a vignette's own question). */
  text: string;
  /** Set when spelling was corrected: the question as Vesalius read it ("Showing results for …"). */
  corrected: string | null;
  intent: Intent;
  intents: Intent[];
  entities: Entity[];
  populations: Population[];
  measurements: Measurement[];
  /** Age in years when the question gives one (months as a fraction). */
  ageYears: number | null;
  /** Test results the question reports, which a statement should interpret the same way. */
  findings: Finding[];
  /** Drugs taken recently ("a course of amoxicillin three weeks ago"), which guidance often turns on. */
  recentUse: RecentUse[];
  /** Other content words of the question (lower case): qualifiers a statement should mention ("mechanical valve"). */
  terms: string[];
  /** The terms the question denies ("no comorbidities", "without fever"): statements must deny them too. */
  negatedTerms: string[];
  /** Words that name something Vesalius has no source on (an unknown drug or syndrome). */
  unknownTerms: string[];
  /** True when the facets were completed from a thread (a follow-up). */
  followUp: boolean;
}
