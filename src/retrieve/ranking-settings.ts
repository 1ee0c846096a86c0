/**
 * Every weight and threshold that ranks evidence for an answer, in one place. Scores are
 * in 0–1 unless said otherwise; the unit tests of score-statement.ts pin their effect.
 */
export const ANSWER_WEIGHTS = {
  /** Share of the question's subjects (drugs, classes, conditions) the statement speaks of. */
  subject: 0.4,
  /** Its section and wording answer what is asked (dose, safety, interaction…). */
  intent: 0.25,
  /** It speaks to the population asked about (pregnancy, breastfeeding, children, kidney…). */
  population: 0.2,
  /** Its thresholds include the question's numbers (CrCl 25 falls in "15–29 mL/min"). */
  measurement: 0.2,
  /** It mentions the question's background (comorbidities, current drugs) and qualifiers ("outpatient", "no comorbidities"). */
  context: 0.3,
  /** In a follow-up, its own words ("mechanical valve") are what it adds: they weigh this much more. */
  followUpWords: 0.25,
  /** Full-text relevance, normalised to the best hit. */
  search: 0.04,
  /** Evidence level of what it cites. */
  evidence: 0.03,
  /** For patients: a plain-language statement. */
  patientText: 0.12,
  /** Asked for a dose: a statement that gives an amount and how often, not only a product or a warning. */
  doseDetail: 0.03,
  /** It answers only an intent not asked ("vaccine" when treatment is asked). */
  unaskedIntent: -0.05,
  /** Injected or infused when the question did not ask about injections (the oral dose is what most ask). */
  unaskedRoute: -0.06,
} as const;

/** How surely a statement speaks of a subject, by how it is connected to it. */
export const SUBJECT_MATCH = {
  /** Its text names the subject (or an equivalent name). */
  named: 0.95,
  /** It speaks only of the other condition of a two-condition topic ("head lice" when scabies is asked). */
  otherPart: 0.3,
  /** Its text names the subject, but it belongs to another drug's monograph (a comparison in passing). */
  namedElsewhere: 0.6,
  /** It belongs to the subject's own topic or monograph (whether or not it repeats the name). */
  ownTopic: 1,
  /** Its topic's title or synonyms name the subject (a narrower condition's topic for a broader one asked). */
  topicNames: 0.85,
  /** It names a member of the subject class (omeprazole for "PPI"). */
  classMember: 0.8,
  /** A drug asked about, in a statement naming its class ("NSAIDs" for ibuprofen). */
  ownClass: 0.8,
  /** It names the condition the subject class treats ("in hypertension" for "blood pressure medicines"). */
  classCondition: 0.7,
  /** It belongs to a member's monograph. */
  classMemberTopic: 0.7,
  /** A test or other term: the statement belongs to a topic that lists it among its names. */
  termTopic: 0.8,
  /** It belongs to a topic that only lists the subject among its synonyms. */
  relatedTopic: 0.3,
} as const;

export const INTENT_FIT = {
  /** Fit of the first section that answers the intent; each later one costs `sectionStep`. */
  firstSection: 1,
  sectionStep: 0.07,
  lowestSection: 0.55,
  /** A section written for the asked population ("Pregnancy", "Renal adjustment"), whatever the intent. */
  populationSection: 0.9,
  /** Added when the statement's own words answer the intent ("mg", "avoid"). */
  cue: 0.3,
  /** Share of the fit kept when an intent that needs the statement's own words (a dose, a duration) finds none. */
  withoutRequiredCue: 0.5,
  /** A secondary intent counts this much of the primary. */
  secondary: 0.65,
  /** Patient statements belong to no clinical section: their words must carry the fit. */
  patientBase: 0.6,
  /** A patient statement whose words do not answer a specific ask (a dose, an interaction). */
  patientUncued: 0.35,
} as const;

export const POPULATION_FIT = {
  section: 1,
  wording: 0.9,
  /** A statement written for a population nobody asked about. */
  unaskedPenalty: 0.35,
} as const;

export const MEASUREMENT_FIT = {
  inRange: 1,
  /** Share of `inRange` for an open-ended range ("below 30") rather than a closed one ("15-29"). */
  openRange: 0.75,
  /** The statement gives thresholds for the quantity and none includes the value. */
  outOfRange: -0.6,
  /** A renal- or hepatic-adjustment statement with no number for the value asked. */
  sectionOnly: 0.3,
} as const;

/** What makes a statement a direct answer (all asked facets met) and what it takes to be shown at all. */
export const ANSWER_THRESHOLDS = {
  directSubject: 0.8,
  directIntent: 0.5,
  directPopulation: 0.85,
  /** Shown in the answer's sections: at least this share of the best score… */
  relativeScore: 0.55,
  /** …and at least this subject coverage. */
  minSubject: 0.5,
  /** Near-duplicates (word overlap, Jaccard) are dropped. */
  duplicate: 0.6,
  /** Bottom line: at most this many statements. */
  bottomLine: 2,
  /** Candidates gathered from full-text search. */
  searchCandidates: 80,
} as const;

/** With no named subject, the share of the question's words (weighted by rarity) a passage must contain to count. */
export const TERM_SUBJECT_MIN = 0.6;
