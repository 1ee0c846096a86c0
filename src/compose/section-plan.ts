import type { Audience } from '../domain/audience.js';
import type { QuestionType } from '../domain/question-type.js';

/** Article heading for each knowledge-base section. */
export const HEADING_FOR_SECTION: Record<string, string> = {
  Summary: 'Key points',
  Definition: 'Overview',
  'Causes and risk factors': 'Causes and risk factors',
  Symptoms: 'Clinical features',
  Diagnosis: 'Diagnosis and evaluation',
  'First-line therapy': 'First-line therapy',
  Alternatives: 'Alternatives',
  Dosing: 'Dosing',
  Monitoring: 'Monitoring',
  'Special considerations': 'Special considerations',
  Pitfalls: 'Pitfalls',
  Prevention: 'Prevention',
  Screening: 'Screening',
  Prognosis: 'Prognosis',
  Complications: 'Complications',
  'When to refer': 'When to refer',
  Emergency: 'Red flags',
  'Patient summary': 'What you should know',
};

export interface SectionPlan {
  /** Headings in the order the article shows them; others found in the evidence follow. */
  order: string[];
  /** Knowledge-base sections of the main topic that are brought in whole. */
  expand: string[];
  maxPerHeading: number;
}

const PLANS: Record<QuestionType, Omit<SectionPlan, 'maxPerHeading'>> = {
  treatment: {
    order: [
      'Key points',
      'Diagnosis and evaluation',
      'First-line therapy',
      'Alternatives',
      'Dosing',
      'Monitoring',
      'Special considerations',
      'Pitfalls',
      'When to refer',
      'Prognosis',
    ],
    expand: [
      'Summary',
      'First-line therapy',
      'Alternatives',
      'Dosing',
      'Monitoring',
      'Special considerations',
      'Pitfalls',
      'When to refer',
    ],
  },
  dosing: {
    order: ['Dosing', 'First-line therapy', 'Alternatives', 'Special considerations', 'Monitoring', 'Pitfalls'],
    expand: ['Dosing', 'First-line therapy', 'Alternatives', 'Special considerations', 'Monitoring', 'Pitfalls'],
  },
  monitoring: {
    order: ['Monitoring', 'Dosing', 'Pitfalls', 'When to refer', 'Prognosis'],
    expand: ['Monitoring', 'Pitfalls', 'When to refer', 'Prognosis'],
  },
  diagnosis: {
    order: ['Key points', 'Clinical features', 'Diagnosis and evaluation', 'Pitfalls', 'When to refer', 'Red flags'],
    expand: ['Summary', 'Symptoms', 'Diagnosis', 'Pitfalls', 'When to refer', 'Emergency'],
  },
  screening: {
    order: ['Key points', 'Screening', 'Prevention', 'Special considerations', 'Pitfalls'],
    expand: ['Summary', 'Screening', 'Prevention', 'Special considerations', 'Pitfalls'],
  },
  prevention: {
    order: ['Key points', 'Prevention', 'Screening', 'Special considerations', 'Pitfalls'],
    expand: ['Summary', 'Prevention', 'Screening', 'Special considerations', 'Pitfalls'],
  },
  prognosis: {
    order: ['Key points', 'Prognosis', 'Complications', 'Monitoring'],
    expand: ['Summary', 'Prognosis', 'Complications', 'Monitoring'],
  },
  complications: {
    order: ['Complications', 'Prognosis', 'Red flags', 'Monitoring'],
    expand: ['Complications', 'Prognosis', 'Emergency'],
  },
  cause: {
    order: ['Key points', 'Causes and risk factors', 'Overview', 'Prevention'],
    expand: ['Summary', 'Definition', 'Causes and risk factors', 'Prevention'],
  },
  symptoms: {
    order: ['Clinical features', 'Red flags', 'Diagnosis and evaluation'],
    expand: ['Symptoms', 'Emergency', 'Diagnosis'],
  },
  definition: {
    order: [
      'Key points',
      'Overview',
      'Causes and risk factors',
      'Clinical features',
      'Diagnosis and evaluation',
      'First-line therapy',
      'Prognosis',
    ],
    expand: [
      'Summary',
      'Definition',
      'Causes and risk factors',
      'Symptoms',
      'Diagnosis',
      'First-line therapy',
      'Prognosis',
    ],
  },
  safety: {
    order: [
      'Key points',
      'Pitfalls',
      'Special considerations',
      'Monitoring',
      'Dosing',
      'Alternatives',
      'First-line therapy',
    ],
    expand: [],
  },
  frequency: { order: ['Overview'], expand: ['Definition'] },
  genetics: { order: ['Overview', 'Causes and risk factors'], expand: ['Causes and risk factors'] },
  inheritance: { order: ['Overview', 'Causes and risk factors'], expand: ['Causes and risk factors'] },
  research: { order: ['Overview'], expand: [] },
};

/** The plan for a question type, adjusted to what each reader looks for first. */
export function sectionPlan(type: QuestionType, audience: Audience): SectionPlan {
  const base = PLANS[type];
  let order = [...base.order];
  let expand = [...base.expand];
  const front = (headings: string[]) => {
    order = [...headings, ...order.filter((heading) => !headings.includes(heading))];
  };
  const include = (sections: string[]) => {
    for (const section of sections) if (!expand.includes(section)) expand.push(section);
  };
  switch (audience) {
    case 'pharmacist':
      front(['Dosing', 'Special considerations', 'Monitoring']);
      if (['treatment', 'dosing', 'monitoring'].includes(type))
        include(['Dosing', 'Special considerations', 'Monitoring']);
      break;
    case 'nurse':
      front(['Key points', 'Monitoring', 'Red flags', 'When to refer']);
      if (['treatment', 'dosing', 'monitoring', 'diagnosis'].includes(type)) include(['Monitoring', 'Emergency']);
      break;
    case 'student':
      front(['Overview', 'Key points']);
      include(['Definition']);
      break;
    case 'patient':
      order = ['What you should know', 'Red flags'];
      expand = ['Patient summary'];
      break;
    default:
      break;
  }
  return { order, expand, maxPerHeading: audience === 'patient' ? 8 : audience === 'pharmacist' ? 8 : 6 };
}
