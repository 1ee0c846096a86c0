import type { QuestionType } from '../domain/question-type.js';

const TYPE_TITLES: Record<QuestionType, string> = {
  treatment: 'Treatment of',
  dosing: 'Dosing in',
  diagnosis: 'Diagnosis of',
  monitoring: 'Monitoring in',
  prognosis: 'Prognosis of',
  cause: 'Causes of',
  prevention: 'Prevention of',
  screening: 'Screening for',
  symptoms: 'Symptoms of',
  definition: 'Overview of',
  complications: 'Complications of',
  safety: 'Safety of',
  frequency: 'Frequency of',
  genetics: 'Genetics of',
  inheritance: 'Inheritance of',
  research: 'Research on',
};

/** A short title from the question ("What is the treatment approach for X?" → "Treatment approach for X"). */
export function makeTitle(question: string, type: QuestionType, topicTitle: string | undefined): string {
  const cleaned = question
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?.!]+$/, '');
  const patterns: RegExp[] = [
    /^(?:what|which) (?:is|are) (?:the )?((?:best |recommended |current |first-line |usual |initial )?(?:treatment|management|therapy|dose|dosing|dosage|diagnosis|approach|work-?up|evaluation|prognosis|outlook|causes?|symptoms|signs|complications|risk factors|screening|prevention|side effects|adverse effects|risks|benefits|indications|contraindications|interactions|target|goal|goals)\b.*)$/i,
    /^how (?:is|are|should|do you|do we|to) (.+?) (?:be )?(treated|managed|diagnosed|prevented|screened|monitored|dosed)(?: .*)?$/i,
  ];
  const first = patterns[0]?.exec(cleaned);
  if (first?.[1]) return capitalise(first[1]).slice(0, 140);
  const second = patterns[1]?.exec(cleaned);
  if (second?.[1] && second[2]) {
    const noun =
      {
        treated: 'Treatment',
        managed: 'Management',
        diagnosed: 'Diagnosis',
        prevented: 'Prevention',
        screened: 'Screening',
        monitored: 'Monitoring',
        dosed: 'Dosing',
      }[second[2].toLowerCase()] ?? 'Management';
    const rest = cleaned.slice(cleaned.toLowerCase().indexOf(second[2].toLowerCase()) + second[2].length).trim();
    return `${noun} of ${second[1]}${rest ? ` ${rest}` : ''}`.slice(0, 140);
  }
  if (topicTitle) return `${TYPE_TITLES[type]} ${topicTitle}`.replace(/^Overview of /, '');
  return capitalise(cleaned).slice(0, 140);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
