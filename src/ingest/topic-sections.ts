import type { QuestionType } from '../domain/question-type.js';

/**
 * The section headings a knowledge-base topic may use, and the kinds of question each
 * answers (an empty list means: whatever the topic says it answers).
 */
export const SECTION_ANSWERS: Record<string, QuestionType[]> = {
  Summary: [],
  Definition: ['definition'],
  'Causes and risk factors': ['cause'],
  Symptoms: ['symptoms'],
  Diagnosis: ['diagnosis'],
  'First-line therapy': ['treatment'],
  Alternatives: ['treatment'],
  Dosing: ['dosing', 'treatment'],
  Monitoring: ['monitoring', 'treatment'],
  'Special considerations': ['treatment'],
  Pitfalls: ['treatment', 'diagnosis'],
  Prevention: ['prevention'],
  Screening: ['screening', 'prevention'],
  Prognosis: ['prognosis'],
  Complications: ['complications', 'prognosis'],
  'When to refer': ['treatment', 'diagnosis'],
  Emergency: ['symptoms', 'treatment'],
  'Patient summary': [],
};

export const PATIENT_SECTION = 'Patient summary';

export function isKnownSection(heading: string): boolean {
  return Object.hasOwn(SECTION_ANSWERS, heading);
}
