/** What a question asks for; drives retrieval boosts and the article's section plan. */
export const QUESTION_TYPES = [
  'treatment',
  'dosing',
  'diagnosis',
  'monitoring',
  'prognosis',
  'cause',
  'prevention',
  'screening',
  'symptoms',
  'definition',
  'complications',
  'safety',
  'frequency',
  'genetics',
  'inheritance',
  'research',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
