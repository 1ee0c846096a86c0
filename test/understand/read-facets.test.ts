import { describe, expect, it } from 'vitest';
import type { Topic } from '../../src/domain/topic.js';
import { EntityIndex } from '../../src/understand/entity-index.js';
import { followThread } from '../../src/understand/follow-thread.js';
import { readFacets } from '../../src/understand/read-facets.js';
import { SpellingCorrector } from '../../src/understand/spelling-corrector.js';
import { builtInRules } from '../helpers.js';

const rules = await builtInRules();

const topic = (id: string, title: string, synonyms: string[], drug?: Topic['drug']): Topic => ({
  id,
  kind: drug ? 'drug' : 'condition',
  title,
  specialty: 'cardiology',
  synonyms,
  questionTypes: ['treatment'],
  reviewStatus: 'submitted',
  updated: '2026-12-06',
  file: `${id}.md`,
  ...(drug ? { drug } : {}),
});
const drug = (generic: string, us: string[], uk: string[] = []) => ({
  generic,
  brands: { us, uk },
  drugClass: ['medicine'],
  otc: false,
  ingredients: [],
});

const topics = [
  topic('atrial-fibrillation', 'Atrial fibrillation (AF)', ['AF', 'AFib', 'apixaban', 'rivaroxaban']),
  topic('asthma', 'Asthma in adults and adolescents', ['asthma', 'wheeze']),
  topic('rivaroxaban', 'Rivaroxaban (Xarelto)', ['rivaroxaban', 'Xarelto'], drug('rivaroxaban', ['Xarelto'])),
  topic(
    'acetaminophen',
    'Acetaminophen (Tylenol)',
    ['paracetamol', 'Tylenol', 'Panadol'],
    drug('acetaminophen', ['Tylenol'], ['Panadol']),
  ),
  topic('hyponatremia', 'Hyponatremia', ['hyponatremia', 'hyponatraemia', 'low sodium']),
  topic('hyperkalemia', 'Hyperkalemia in adults', ['hyperkalemia', 'hyperkalaemia', 'peaked T waves']),
  topic('cellulitis', 'Cellulitis and skin abscess', ['cellulitis']),
  topic('penicillin-allergy', 'Penicillin allergy', ['penicillin allergy']),
  topic('vaginitis', 'Vaginitis (bacterial vaginosis, vulvovaginal candidiasis and trichomoniasis)', [
    'vaginitis',
    'bacterial vaginosis',
    'BV',
    'vulvovaginal candidiasis',
    'trichomoniasis',
  ]),
  topic('acute-diarrhea', 'Acute diarrhoea', ['acute diarrhoea', "travellers' diarrhoea"]),
  topic('atorvastatin', 'Atorvastatin (Lipitor)', ['atorvastatin', 'Lipitor'], drug('atorvastatin', ['Lipitor'])),
  topic('acute-sinusitis', 'Acute rhinosinusitis (acute sinusitis) in adults', ['sinusitis', 'sinus infection']),
  topic('acute-cough', 'Acute cough and the common cold', ['acute cough', 'cough', 'honey for cough']),
  topic('type-2-diabetes', 'Type 2 diabetes mellitus in adults', ['type 2 diabetes', 'T2DM']),
  topic('diabetes-ckd', 'Type 2 diabetes with chronic kidney disease', ['diabetic kidney disease']),
  topic('methotrexate', 'Methotrexate', ['methotrexate'], drug('methotrexate', ['Trexall'])),
  topic(
    'trimethoprim-sulfamethoxazole',
    'Trimethoprim-sulfamethoxazole (Bactrim)',
    ['co-trimoxazole', 'Bactrim'],
    drug('trimethoprim-sulfamethoxazole', ['Bactrim']),
  ),
];
const entities = new EntityIndex(topics, rules.source.synonyms, rules.source.spelling.variants);
const vocabulary = new Map(
  [...'treatment pregnancy hypertension insulin potassium apixaban rivaroxaban dose'.split(' ')].map((word) => [
    word,
    5,
  ]),
);
const speller = new SpellingCorrector({
  shorthand: rules.source.spelling.shorthand,
  vocabulary: () => vocabulary,
  known: () => new Set(),
});
const read = (question: string) => readFacets(speller.correct(question), { rules, entities });

describe('readFacets', () => {
  it('reads a dose question about a drug in a condition with a kidney function number', () => {
    const facets = read('What is the Xarelto dose in AF with a creatinine clearance of 40 mL/min?');
    expect(facets.intent).toBe('dose');
    expect(facets.entities.map((entity) => [entity.name, entity.kind])).toEqual([
      ['rivaroxaban', 'drug'],
      ['Atrial fibrillation', 'condition'],
    ]);
    expect(facets.measurements).toEqual([expect.objectContaining({ name: 'crcl', value: 40 })]);
    expect(facets.populations.map((population) => population.name)).toEqual(['renal']);
  });

  it('reads populations, ages and what the question denies', () => {
    expect(read('Is Tylenol safe while breastfeeding a 2-month-old?').populations.map((p) => p.name)).toEqual([
      'breastfeeding',
    ]);
    expect(read('Antibiotic for a healthy, non-pregnant 28-year-old woman').populations.map((p) => p.name)).toEqual([
      'female',
    ]);
    // A boy is a child: children's statements are not read as "in men".
    expect(read('Can a 7-year-old boy take acetaminophen?').populations.map((p) => p.name)).toEqual(['child']);
    expect(read('My 4-month-old has a fever; can I give acetaminophen?').populations.map((p) => p.name)).toEqual([
      'infant',
    ]);
    expect(read('Outpatient antibiotic with no comorbidities?').negatedTerms).toEqual(['comorbidities']);
  });

  it('tells the subject from the context in a vignette, and background medicines from the one asked about', () => {
    const facets = read(
      'A patient with asthma on weekly methotrexate develops cystitis. Is trimethoprim-sulfamethoxazole safe to use?',
    );
    const subject = facets.entities.filter((entity) => !entity.background).map((entity) => entity.name);
    expect(subject).toEqual(['trimethoprim-sulfamethoxazole']);
    expect(facets.intents).toEqual(expect.arrayContaining(['safety', 'interaction']));
  });

  it('keeps two names of one drug as mentions, for brand and generic questions', () => {
    const facets = read('Is Tylenol the same thing as paracetamol?');
    expect(facets.intent).toBe('brand-generic');
    expect(facets.entities[0]?.mentions).toEqual(['Tylenol', 'paracetamol']);
  });

  it('corrects misspellings against the knowledge base and reports words nothing knows', () => {
    const facets = read('treatmnt of hypertenion in pregnacy');
    expect(facets.corrected).toBe('treatment of hypertension in pregnancy');
    expect(read('What is the dose of zolpraxavir?').unknownTerms).toEqual(['zolpraxavir']);
  });

  it('completes a follow-up with its thread: same drug, new number, the old number as context', () => {
    const first = read('What is the rivaroxaban dose in atrial fibrillation with a CrCl of 60?');
    const next = followThread(
      read('and if his CrCl is 40?'),
      { question: first.text, questionType: 'dosing', topics: [], topicTitle: null, facets: first },
      entities,
    );
    expect(next.followUp).toBe(true);
    expect(next.intent).toBe('dose');
    expect(next.entities.filter((entity) => !entity.background).map((entity) => entity.name)).toEqual([
      'rivaroxaban',
      'Atrial fibrillation',
    ]);
    expect(next.measurements).toEqual([expect.objectContaining({ name: 'crcl', value: 40, inherited: false })]);
  });

  /** The subjects of a follow-up asked after `question`, whose answer named `answerDrugs`. */
  const followUpSubjects = (question: string, answerDrugs: string[], followUp: string) => {
    const first = read(question);
    const context = {
      question: first.text,
      questionType: 'treatment' as const,
      topics: [],
      topicTitle: null,
      facets: first,
      answerDrugs,
    };
    const next = followThread(read(followUp), context, entities);
    return next.entities.filter((entity) => !entity.background).map((entity) => entity.name);
  };

  it.each([
    // A follow-up that names its own drug asks about it, with "it" meaning the drug the answer named.
    ['What is first-line for atrial fibrillation?', ['rivaroxaban'], 'Can he take methotrexate with it?'],
    // In a thread about a medicine, "it" is that medicine, not others its answer named.
    [
      'What is the dose of rivaroxaban for atrial fibrillation?',
      ['atorvastatin'],
      'Does it interact with methotrexate?',
    ],
  ])(
    'after "%s" (answer naming %j), "%s" asks about methotrexate and rivaroxaban',
    (question, answerDrugs, followUp) => {
      expect(followUpSubjects(question, answerDrugs, followUp)).toEqual(['methotrexate', 'rivaroxaban']);
    },
  );

  it('reads an out-of-range result as high or low, and as its condition when nothing else is named', () => {
    const facets = read('Sodium 118 and confused, how do I treat?');
    expect(facets.findings).toEqual([expect.objectContaining({ label: 'sodium', value: 'low' })]);
    expect(facets.entities.map((entity) => entity.name)).toEqual(['Hyponatremia']);
    expect(read('TSH of 12 with a normal free T4').findings.map((finding) => finding.value)).toContain('high');
  });

  it('reads an interaction with food or drink when one drug is named', () => {
    expect(read('Does atorvastatin interact with grapefruit?').intents).toContain('interaction');
    expect(read('What is atorvastatin?').intents).not.toContain('interaction');
  });

  it('reads "adult" as a population, and names in either spelling', () => {
    expect(read('Adult dose of Tylenol').populations.map((population) => population.name)).toEqual(['adult']);
    expect(read('Dose of Tylenol for an older adult').populations.map((population) => population.name)).toEqual([
      'older-adult',
    ]);
    expect(read('treatment of travellers diarrhea').entities.map((entity) => entity.relatedTopics)).toEqual([
      ['acute-diarrhea'],
    ]);
  });

  it("splits a title's bracketed list of kinds into parts, but not a drug's brands", () => {
    expect(entities.partsOf('vaginitis')).toEqual([
      'bacterial vaginosis',
      'vulvovaginal candidiasis',
      'trichomoniasis',
    ]);
    expect(entities.partsOf('atorvastatin')).toEqual([]);
  });

  it('names a topic by a one-word synonym from its title, and prefers the general topic to a combination', () => {
    expect(
      read('How long should I take amoxicillin for sinusitis?').entities.map((entity) => entity.topics[0]),
    ).toContain('acute-sinusitis');
    expect(read('How is type 2 diabetes treated?').entities[0]?.topics[0]).toBe('type-2-diabetes');
  });

  it("reads a described patient's sex and older age as context, a child's age and a low eGFR as asked", () => {
    const vignette = read('A 67-year-old man with type 2 diabetes has an HbA1c of 8.1%. What should be added?');
    expect(vignette.populations.filter((p) => !p.inherited).map((p) => p.name)).toEqual([]);
    const child = read('My 4-month-old has a fever. Can I give her acetaminophen?');
    expect(child.populations.filter((p) => !p.inherited).map((p) => p.name)).toEqual(['infant']);
    expect(read('Metformin dose with eGFR 72').populations.map((p) => p.name)).not.toContain('renal');
    expect(read('Metformin dose with eGFR 35').populations.map((p) => p.name)).toContain('renal');
    // A short case that opens with its patient: her age and sex describe her, the kidneys are asked about.
    const shortCase = read('72-year-old woman with AF, CKD stage 4, eGFR 22: which anticoagulant and dose?');
    expect(shortCase.populations.filter((p) => !p.inherited).map((p) => p.name)).toEqual(['renal']);
    // Asked of an age, the age is the question ("for an 80-year-old").
    const asked = read('Which sleeping pill is safest for an 80-year-old?').populations;
    expect(asked.find((p) => p.name === 'older-adult')?.inherited).toBeFalsy();
  });

  it('reads a condition named by its result as the subject, and a decimal point as part of a number', () => {
    const facets = read('How do I treat hyperkalemia with potassium 7.1 and peaked T waves?');
    expect(facets.entities.find((entity) => /hyperkal/i.test(entity.label))?.background).toBe(false);
    expect(facets.measurements).toEqual([expect.objectContaining({ name: 'potassium', value: 7.1 })]);
  });

  it('reads a low blood sugar as hypoglycaemia, and leaves a value in another unit unread', () => {
    expect(read('Blood sugar 45 and shaky, what do I do?').findings).toContainEqual(
      expect.objectContaining({ value: 'low' }),
    );
    expect(read('Blood sugar 45 and shaky, what do I do?').intent).not.toBe('mechanism');
    expect(read('my blood sugar is 9, is that ok?').measurements).toEqual([]);
  });

  it("keeps as terms the words an intent cue's wildcard spanned", () => {
    expect(read('How often should my asthma be checked at the eye clinic?').terms).toContain('eye');
  });

  it.each([
    // A second medicine named with the first is an interaction; food is how to take it.
    ['Can I take atorvastatin with methotrexate?', 'interaction'],
    ['Can I take atorvastatin with food?', 'administration'],
    ['Atorvastatin: should I take it with food?', 'administration'],
    ['Is it better to take atorvastatin at night or in the morning?', 'administration'],
    ['What class of drug is Xarelto?', 'mechanism'],
    // A change to a medicine already taken is a question about its dose.
    ['She is now 8 weeks pregnant. What should change?', 'dose'],
    ['Her eGFR fell to 38. What should be done with the atorvastatin?', 'dose'],
    // What a case tells before a generic "what should I do?".
    ['I forgot to take my atorvastatin tablet yesterday. What should I do?', 'missed-dose'],
    // Coming off a medicine; a complaint blamed on one.
    ['How do I taper off atorvastatin?', 'stopping'],
    ['What happens if I stop taking my atorvastatin?', 'stopping'],
    ['Why am I so tired on atorvastatin?', 'side-effects'],
  ])('reads "%s" as %s', (question, intent) => {
    expect(read(question).intent).toBe(intent);
  });

  it('reads a penicillin allergy as the setting of another condition, and as the subject asked alone', () => {
    const cellulitis = read('What antibiotic for cellulitis with penicillin allergy?');
    expect(cellulitis.entities.filter((entity) => !entity.background).map((entity) => entity.name)).not.toContain(
      'Penicillin allergy',
    );
    expect(cellulitis.populations.map((p) => p.name)).toContain('penicillin-allergy');
    const alone = read('How do I evaluate a penicillin allergy?');
    expect(alone.entities.map((entity) => entity.topics[0])).toEqual(['penicillin-allergy']);
  });

  it('reads a treatment goal as its own intent, not as monitoring or a dose', () => {
    expect(read('What should my INR be on warfarin?').intent).toBe('target');
    expect(read('What blood pressure target for a patient with hypertension?').intent).toBe('target');
  });

  it('reads a penicillin allergy, but not a denied one, and "is it ok to" as safety, not a result', () => {
    const names = (question: string) => read(question).populations.map((p) => p.name);
    expect(names('What antibiotic for cellulitis if allergic to penicillin?')).toContain('penicillin-allergy');
    expect(names('Otitis media in a child with a penicillin allergy')).toContain('penicillin-allergy');
    expect(names('Syphilis in an adult with no penicillin allergy')).not.toContain('penicillin-allergy');
    expect(names('He is not allergic to penicillin; what for strep throat?')).not.toContain('penicillin-allergy');
    const coffee = read('Is it ok to drink coffee while breastfeeding?');
    expect(coffee.intents).not.toContain('test-result');
    // The population word is not made the subject when the question names something else.
    expect(coffee.entities).toEqual([]);
  });

  it('keeps the words a long synonym adds as what is asked within its subject', () => {
    const honey = read('Can I give my 1 year old honey for cough?');
    expect(honey.entities[0]?.topics).toEqual(['acute-cough']);
    expect(honey.terms).toContain('honey');
    expect(honey.terms).not.toContain('cough');
  });

  it('reads a normal range as a monitoring question (a goal is its own intent)', () => {
    expect(read('What is the normal range for INR on warfarin?').intents[0]).toBe('monitoring');
  });

  it('reads an LDL cholesterol number', () => {
    expect(read('Statin for a 55 year old with LDL 190').measurements).toEqual([
      expect.objectContaining({ name: 'ldl', value: 190, unit: 'mg/dL' }),
    ]);
  });

  it('reads a phrase that means one thing as one term ("long term")', () => {
    const terms = read('Is atorvastatin safe long term?').terms;
    expect(terms).toContain('long-term');
    expect(terms).not.toContain('long');
  });
});
