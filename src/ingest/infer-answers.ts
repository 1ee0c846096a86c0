import type { QuestionType } from '../domain/question-type.js';

/**
 * Cues that a passage answers a kind of question, checked on its heading (when the
 * source gives one) and on its opening. Order matters: the first match is the
 * passage's primary type.
 */
const CUES: Array<[QuestionType, RegExp]> = [
  [
    'inheritance',
    /\binherit|\bautosomal\b|\bx-linked\b|\bpassed (down )?(from|through) (parents|families)|\bde novo\b/,
  ],
  [
    'genetics',
    /\bmutations? in (the|one|a|two|several)\b|\bgenes?\b[^.]{0,60}\bcause|\bgenetic changes\b|\bcaused by (mutations|changes|a mutation)|\bvariants? in the\b/,
  ],
  [
    'frequency',
    /\bprevalence\b|\baffects? (about|approximately|an estimated|fewer|more than|around|roughly|nearly|up to)\b|\b\d[\d,]* in [\d,]+ (people|individuals|newborns|births|males|females|women|men|children)|\bincidence\b|\bhow many people\b|\b(is|are) (a )?rare\b|\bcases (have been )?(reported|described)\b|\bcommon (disorder|condition)\b/,
  ],
  ['research', /\bresearch\b|\bclinical trials?\b|\bconducts and supports\b|\bscientists (are|have)\b/],
  [
    'treatment',
    /\btreat|\btherapy\b|\btherapies\b|\bmanagement\b|\bmanaged\b|\bmedications?\b|\bsurgery\b|\bcure\b|\bthese resources address\b/,
  ],
  [
    'symptoms',
    /\bsigns? and symptoms?\b|\bsymptoms?\b|\bhuman phenotype ontology\b|\bcharacterized by\b|\bfeatures?\b/,
  ],
  ['cause', /\bwhat causes\b|\bcaused by\b|\bcauses? of\b|\brisk factors?\b|\bat risk\b|\bsusceptib/],
  ['diagnosis', /\bdiagnos|\btests?\b|\bexams?\b|\bscreen/],
  ['prognosis', /\bprognosis\b|\boutlook\b|\blife expectancy\b|\bsurvival\b|\blong-term\b/],
  ['prevention', /\bprevent/],
  ['complications', /\bcomplications?\b/],
  [
    'definition',
    /^(what (is|are)|key points)\b|\b(is|are) (a|an) (rare |common |group of |type of |form of |chronic |inherited |genetic |serious )*(disorder|condition|disease|cancer|infection|syndrome|type|group|form|tumor|problem)s?\b/,
  ],
];

/** Heading forms GARD, NIDDK, NHLBI and similar sites put first ("How is X diagnosed?"). */
const HEADING_CUES: Array<[QuestionType, RegExp]> = [
  ['inheritance', /\binherit/],
  ['genetics', /\bgenetic changes|\bgenes?\b/],
  ['frequency', /\bhow (many|common)\b|\bprevalen/],
  ['research', /\bresearch|\bclinical trials?\b/],
  ['symptoms', /\bsymptom|\bsigns\b/],
  ['cause', /\bcause|\brisk\b|\bwho (is|gets)\b/],
  ['diagnosis', /\bdiagnos|\btest|\bexam/],
  ['prognosis', /\bprognosis|\boutlook|\bexpect/],
  ['prevention', /\bprevent/],
  ['complications', /\bcomplication/],
  ['treatment', /\btreat|\bcure\b|\bmanage|\btherap|\bmedication/],
  ['definition', /^(what (is|are)|key points|about)\b/],
];

export function inferAnswers(heading: string, text: string): QuestionType[] {
  const found: QuestionType[] = [];
  const add = (type: QuestionType) => {
    if (!found.includes(type)) found.push(type);
  };
  const head = heading.toLowerCase();
  if (head) for (const [type, cue] of HEADING_CUES) if (cue.test(head)) add(type);
  const opening = text.slice(0, 300).toLowerCase();
  for (const [type, cue] of CUES) if (cue.test(opening)) add(type);
  return found;
}

/** Splits a leading question heading ("How is X treated? ...") from the body. */
export function splitLeadingQuestion(text: string): { heading: string; body: string } {
  const trimmed = text.trim();
  const match = /^([^?.!\n]{3,200}\?)\s+/.exec(trimmed);
  if (match?.[1] && /^(what|how|who|is|are|can|does|do|why|when|where|which|should)\b/i.test(match[1])) {
    return { heading: match[1].trim(), body: trimmed.slice(match[0].length).trim() };
  }
  return { heading: '', body: trimmed };
}
