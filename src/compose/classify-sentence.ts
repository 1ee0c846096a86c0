import type { QuestionType } from '../domain/question-type.js';

const CUES: Array<[string, RegExp]> = [
  ['Dosing', /\b\d+(\.\d+)?\s?(mg|mcg|µg|g|units?|iu|ml|mg\/kg|mcg\/kg)\b|\bdos(e|es|ing|age)\b|\btitrat/i],
  ['Monitoring', /\bmonitor|\bevery \d+\s*(to \d+ )?(weeks|months)\b|\bfollow-up\b|\brecheck\b|\bsurveillance\b/i],
  ['Pitfalls', /\bavoid\b|\bshould not\b|\bdo not\b|\bcontraindicat|\bnot recommended\b|\bcaution\b/i],
  [
    'Special considerations',
    /\bpregnan|\bbreastfeed|\blactat|\bchildren\b|\belderly\b|\bolder adults\b|\brenal (impairment|insufficiency)\b|\bhepatic impairment\b|\binteraction/i,
  ],
  ['Alternatives', /\balternative|\bsecond-line\b|\bif (first-line|initial) .* fails\b|\brefractory\b|\bintoleran/i],
  [
    'First-line therapy',
    /\bfirst-line\b|\binitial (therapy|treatment)\b|\bpreferred\b|\bmainstay\b|\btreatment of choice\b/i,
  ],
];

const HEADING_FOR_TYPE: Partial<Record<QuestionType, string>> = {
  treatment: 'Treatment',
  dosing: 'Dosing',
  diagnosis: 'Diagnosis and evaluation',
  monitoring: 'Monitoring',
  prognosis: 'Prognosis',
  cause: 'Causes and risk factors',
  prevention: 'Prevention',
  screening: 'Screening',
  symptoms: 'Clinical features',
  definition: 'Overview',
  complications: 'Complications',
  safety: 'Safety',
  frequency: 'Frequency',
  genetics: 'Genetics',
  inheritance: 'Inheritance',
  research: 'Research',
};

/**
 * Heading for a sentence taken from a corpus passage (which has no knowledge-base
 * section): treatment sentences are sorted by cue words, others follow what the passage answers.
 */
export function classifySentence(
  sentence: string,
  passageType: QuestionType | undefined,
  questionType: QuestionType,
): string {
  const type = passageType ?? questionType;
  if (type === 'treatment' || type === 'dosing' || type === 'monitoring' || type === 'safety') {
    for (const [heading, cue] of CUES) if (cue.test(sentence)) return heading;
    return 'Treatment';
  }
  return HEADING_FOR_TYPE[type] ?? 'Overview';
}
