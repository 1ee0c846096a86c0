import { describe, expect, it } from 'vitest';
import type { Entity, QuestionFacets } from '../../src/domain/question-facets.js';
import { compileFacets } from '../../src/retrieve/compile-facets.js';
import { type ScoredText, scoreStatement } from '../../src/retrieve/score-statement.js';
import { builtInRules } from '../helpers.js';

const rules = await builtInRules();

function entity(name: string, kind: Entity['kind'], topics: string[], extra: Partial<Entity> = {}): Entity {
  return {
    label: name,
    name,
    kind,
    names: [name],
    topics,
    relatedTopics: [],
    members: [],
    origin: 'question',
    background: false,
    ...extra,
  };
}

function facets(partial: Partial<QuestionFacets>): QuestionFacets {
  return {
    text: '',
    corrected: null,
    intent: 'dose',
    intents: ['dose'],
    entities: [],
    populations: [],
    measurements: [],
    ageYears: null,
    findings: [],
    recentUse: [],
    terms: [],
    negatedTerms: [],
    unknownTerms: [],
    followUp: false,
    ...partial,
  };
}

const statement = (text: string, section: string, topicId?: string): ScoredText => ({
  text,
  section,
  topicId,
  patient: false,
  search: 0,
  evidence: 1,
});

describe('scoreStatement', () => {
  const rivaroxabanDose = facets({
    intent: 'dose',
    intents: ['dose'],
    entities: [entity('rivaroxaban', 'drug', ['rivaroxaban'])],
    populations: [{ name: 'renal', phrase: 'with reduced kidney function' }],
    measurements: [{ name: 'crcl', label: 'creatinine clearance', value: 40, unit: 'mL/min', text: 'CrCl 40' }],
  });
  const compiled = compileFacets(rivaroxabanDose, rules, 'pharmacist', () => []);

  it('ranks the statement that meets every facet above ones that miss the number or the subject', () => {
    const band = scoreStatement(
      statement(
        'Rivaroxaban is reduced to 15 mg once daily with the evening meal at CrCl 15 to 50 mL/min.',
        'Renal adjustment',
        'rivaroxaban',
      ),
      compiled,
    );
    const normal = scoreStatement(
      statement(
        'Rivaroxaban 20 mg once daily with the evening meal when CrCl is above 50 mL/min.',
        'Dosing',
        'rivaroxaban',
      ),
      compiled,
    );
    const other = scoreStatement(
      statement('Edoxaban is 30 mg once daily at CrCl 15 to 50 mL/min.', 'Renal adjustment', 'edoxaban'),
      compiled,
    );
    expect(band.direct).toBe(true);
    expect(band.measurementsMet).toEqual(['crcl']);
    expect(normal.measurement).toBeLessThan(0);
    expect(band.total).toBeGreaterThan(normal.total);
    expect(other.subject).toBe(0);
  });

  it('asks the statement itself to state a dose for a dose question', () => {
    const dose = scoreStatement(statement('Rivaroxaban 20 mg orally once daily.', 'Dosing', 'rivaroxaban'), compiled);
    const noDose = scoreStatement(
      statement('Rivaroxaban dosing depends on the indication.', 'Dosing', 'rivaroxaban'),
      compiled,
    );
    expect(dose.intent).toBeGreaterThan(noDose.intent);
  });

  it('gives the population facet only to statements that speak to it, and penalises unasked populations', () => {
    const breastfeeding = compileFacets(
      facets({
        intent: 'safety',
        intents: ['safety'],
        entities: [entity('loratadine', 'drug', ['loratadine'])],
        populations: [{ name: 'breastfeeding', phrase: 'while breastfeeding' }],
      }),
      rules,
      'physician',
      () => [],
    );
    const lactation = scoreStatement(
      statement('Loratadine is a preferred antihistamine while breastfeeding.', 'Breastfeeding', 'loratadine'),
      breastfeeding,
    );
    const dosing = scoreStatement(statement('Loratadine 10 mg once daily.', 'Dosing', 'loratadine'), breastfeeding);
    expect(lactation.populationsMet).toEqual(['breastfeeding']);
    expect(lactation.direct).toBe(true);
    expect(dosing.direct).toBe(false);
    const general = compileFacets(
      facets({ intent: 'dose', entities: [entity('loratadine', 'drug', ['loratadine'])] }),
      rules,
      'physician',
      () => [],
    );
    expect(
      scoreStatement(statement('Loratadine in pregnancy is preferred.', 'Pregnancy', 'loratadine'), general).population,
    ).toBeLessThan(0);
  });

  it('reads qualifiers with their polarity: "no comorbidities" matches "without comorbidities", not "with comorbidities"', () => {
    const cap = compileFacets(
      facets({
        intent: 'treatment',
        intents: ['treatment'],
        entities: [entity('pneumonia', 'condition', ['cap'])],
        terms: ['outpatient', 'comorbidities'],
        negatedTerms: ['comorbidities'],
      }),
      rules,
      'physician',
      () => [],
    );
    const without = scoreStatement(
      statement('Outpatient adults without comorbidities should receive amoxicillin.', 'Summary', 'cap'),
      cap,
    );
    const withThem = scoreStatement(
      statement('Outpatients with comorbidities should receive amoxicillin-clavulanate.', 'First-line therapy', 'cap'),
      cap,
    );
    expect(without.context).toBeGreaterThan(withThem.context);
  });

  it('reads reported results with their values', () => {
    const panel = compileFacets(
      facets({
        intent: 'test-result',
        intents: ['test-result'],
        entities: [entity('HBsAg', 'term', ['serology'])],
        findings: [
          { label: 'HBsAg', names: ['HBsAg'], value: 'negative' },
          { label: 'anti-HBs', names: ['anti-HBs'], value: 'positive' },
        ],
      }),
      rules,
      'physician',
      () => [],
    );
    const right = scoreStatement(
      statement('HBsAg negative with anti-HBs positive means immunity.', 'Diagnosis', 'serology'),
      panel,
    );
    const wrong = scoreStatement(
      statement('HBsAg positive with anti-HBs negative means chronic infection.', 'Diagnosis', 'serology'),
      panel,
    );
    expect(right.context).toBeGreaterThan(wrong.context);
  });

  it('puts guidance for a drug taken recently above the usual choice when the window covers it', () => {
    const aom = facets({
      intent: 'treatment',
      intents: ['treatment'],
      entities: [
        entity('acute otitis media', 'condition', ['acute-otitis-media']),
        entity('amoxicillin', 'drug', ['amoxicillin'], { background: true }),
      ],
      recentUse: [{ label: 'amoxicillin', names: ['amoxicillin'], days: 21 }],
    });
    const recent = compileFacets(aom, rules, 'physician', () => []);
    const usual = 'High-dose amoxicillin 80-90 mg/kg/day is the first-line antibiotic.';
    const switched = 'Amoxicillin-clavulanate is used if amoxicillin was taken in the past 30 days.';
    const tooShort = 'Amoxicillin-clavulanate is used if amoxicillin was taken in the past 14 days.';
    const score = (text: string) =>
      scoreStatement(statement(text, 'First-line therapy', 'acute-otitis-media'), recent).context;
    expect(score(switched)).toBeGreaterThan(score(usual));
    expect(score(tooShort)).toBe(score(usual));
  });

  it("reads a statement naming a drug's class as speaking of the drug", () => {
    const pair = facets({
      intent: 'interaction',
      intents: ['interaction'],
      entities: [
        entity('ibuprofen', 'drug', ['ibuprofen'], { classNames: ['NSAID', 'NSAIDs'] }),
        entity('lisinopril', 'drug', ['lisinopril']),
      ],
    });
    const compiled = compileFacets(pair, rules, 'physician', () => []);
    const byClass = scoreStatement(
      statement('Lisinopril with NSAIDs blunts the blood-pressure effect.', 'Interactions', 'lisinopril'),
      compiled,
    );
    const unrelated = scoreStatement(
      statement('Lisinopril with potassium supplements raises potassium.', 'Interactions', 'lisinopril'),
      compiled,
    );
    expect(byClass.subject).toBeGreaterThan(unrelated.subject);
  });

  it('does not count a statement for an older age band as speaking to a younger patient', () => {
    const aged = (ageYears: number) =>
      compileFacets(
        facets({
          entities: [entity('dabigatran', 'drug', ['dabigatran'])],
          populations: [{ name: 'older-adult', phrase: 'in older adults' }],
          ageYears,
        }),
        rules,
        'physician',
        () => [],
      );
    const text = statement(
      'The ESC uses dabigatran 110 mg twice daily for patients aged 80 or older.',
      'Dosing',
      'dabigatran',
    );
    expect(scoreStatement(text, aged(72)).populationsMet).not.toContain('older-adult');
    expect(scoreStatement(text, aged(84)).populationsMet).toContain('older-adult');
  });

  it('does not count "children 12 and older" as speaking to a child of 10 kg', () => {
    const small = compileFacets(
      facets({
        entities: [entity('ibuprofen', 'drug', ['ibuprofen'])],
        populations: [{ name: 'child', phrase: 'in children' }],
        measurements: [{ name: 'weight', label: 'weight', value: 10, unit: 'kg', text: '10 kg' }],
      }),
      rules,
      'patient',
      () => [],
    );
    const adultDose = statement(
      'Adults and children 12 and older take 1 tablet (200 mg) every 4 to 6 hours.',
      'Dosing',
    );
    expect(scoreStatement(adultDose, small).populationsMet).not.toContain('child');
  });
});
