import type { QuestionType } from '../domain/question-type.js';

/** Ordered rules: the first that matches decides. Specific asks come before general ones. */
const RULES: Array<[QuestionType, RegExp]> = [
  [
    'frequency',
    /\bhow many (people|persons|patients|individuals|children|americans)\b|\bhow common\b|\bprevalen|\bincidence\b/,
  ],
  ['inheritance', /\binherit/],
  ['genetics', /\bgenetic changes?\b|\bwhat genes?\b|\bgene mutations?\b|\bmutations? (in|of)\b/],
  ['research', /\bresearch\b|\bclinical trials? (is|are) being\b|\bbeing studied\b/],
  ['dosing', /\bdos(e|es|ing|age)\b|\bhow much\b|\bmg\b|\btitrat|\bhow many (mg|milligrams|units|tablets)\b/],
  ['screening', /\bscreen(ing|ed|s)?\b/],
  [
    'safety',
    /\bside[- ]effects?\b|\badverse (effects?|events?|reactions?)\b|\btoxicit|\b(is it|is|are) .{0,40}\bsafe\b|\bsafety\b|\bcontraindicat|\binteract(ion|s)?\b/,
  ],
  ['monitoring', /\bmonitor|\bfollow[- ]?up\b|\bhow often should\b.*\b(check|test|measure)|\bsurveillance\b/],
  ['prevention', /\bprevent|\bprophyla|\bvaccin|\bimmuni[sz]|\bavoid (getting|catching)\b|\breduce (the )?risk\b/],
  ['complications', /\bcomplications?\b/],
  [
    'prognosis',
    /\bprognosis\b|\boutlook\b|\blife expectancy\b|\bsurviv|\bchances? of recovery\b|\bhow long (will|does|do|can)\b/,
  ],
  ['symptoms', /\bsymptoms?\b|\bsigns?\b(?! of improvement)|\bwhat does .* feel like\b|\bpresent(s|ation)?\b/],
  [
    'treatment',
    /\btreat|\btherap(y|ies)\b|\bmanag(e|ed|ement|ing)\b|\bmedications?\b|\bmedicines?\b|\bdrugs?\b|\bantibiotics?\b|\bcure\b|\bfirst[- ]line\b|\bwhat (can|should) (i|we|you) do\b|\bcontrol\b|\bhelp with\b|\bget rid of\b|\brelie(f|ve)\b|\bwhat to do\b/,
  ],
  [
    'cause',
    /\bcauses?\b|\bwhy (do|does|did|is|are)\b|\brisk factors?\b|\bwho (is|are) at risk\b|\bsusceptib|\btrigger/,
  ],
  [
    'diagnosis',
    /\bhow (do|can|would|will) (i|you|we) (know|tell) if\b|\bdo i have\b|\bdiagnos|\btests?\b|\btesting\b|\bwork[- ]?up\b|\bevaluat|\bexams?\b|\bdifferential\b|\bconfirm\b|\bstages?\b/,
  ],
  ['definition', /^(what|who) (is|are)\b|\bdefin|\bwhat does .* mean\b|\bmeaning of\b|\boverview\b/],
];

/** The kind of answer a question asks for; "definition" when nothing more specific is asked. */
export function detectQuestionType(question: string): QuestionType {
  const lower = question.toLowerCase();
  for (const [type, rule] of RULES) if (rule.test(lower)) return type;
  return 'definition';
}
