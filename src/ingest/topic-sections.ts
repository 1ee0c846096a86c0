import type { QuestionType } from '../domain/question-type.js';
import type { SectionName } from '../domain/section-name.js';

/**
 * The section headings a knowledge-base topic may use, and the kinds of question each
 * answers (an empty list means: whatever the topic says it answers). Condition topics
 * and drug monographs share one list, so a condition topic may also have, say, a
 * "Pregnancy" section.
 */
export const SECTION_ANSWERS: Record<SectionName, QuestionType[]> = {
  Summary: [],
  Definition: ['definition'],
  'What it does': ['definition'],
  Indications: ['treatment', 'definition'],
  'Causes and risk factors': ['cause'],
  Symptoms: ['symptoms'],
  Diagnosis: ['diagnosis'],
  'First-line therapy': ['treatment'],
  Alternatives: ['treatment'],
  Dosing: ['dosing', 'treatment'],
  'Pediatric dosing': ['dosing'],
  'Renal adjustment': ['dosing', 'safety'],
  'Hepatic adjustment': ['dosing', 'safety'],
  Monitoring: ['monitoring', 'treatment'],
  'Special considerations': ['treatment'],
  Pregnancy: ['safety'],
  Breastfeeding: ['safety'],
  Interactions: ['safety'],
  'Adverse effects': ['safety', 'complications'],
  'Contraindications and warnings': ['safety'],
  Overdose: ['safety', 'treatment'],
  Pitfalls: ['treatment', 'diagnosis'],
  Prevention: ['prevention'],
  Screening: ['screening', 'prevention'],
  Prognosis: ['prognosis'],
  Complications: ['complications', 'prognosis'],
  'When to refer': ['treatment', 'diagnosis'],
  Emergency: ['symptoms', 'treatment'],
  'Patient summary': [],
};

/** Sections every drug monograph must have (the rest are used where they apply). */
export const REQUIRED_DRUG_SECTIONS: readonly SectionName[] = [
  'Summary',
  'What it does',
  'Indications',
  'Dosing',
  'Renal adjustment',
  'Hepatic adjustment',
  'Pregnancy',
  'Breastfeeding',
  'Interactions',
  'Adverse effects',
  'Patient summary',
];

export function isKnownSection(heading: string): heading is SectionName {
  return Object.hasOwn(SECTION_ANSWERS, heading);
}
