import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/retrieve/analyze-question.js';
import { buildSynonymMatcher } from '../../src/retrieve/build-term-matcher.js';
import { detectQuestionType } from '../../src/retrieve/detect-question-type.js';
import { spellingVariants } from '../../src/retrieve/spelling-variants.js';

import { builtInRules } from '../helpers.js';

const rules = await builtInRules();
const matcher = buildSynonymMatcher(rules.source.synonyms);
const variants = rules.source.spelling.variants;
const phrasesOf = (question: string) =>
  analyzeQuestion(question, matcher, variants).concepts.flatMap((concept) =>
    concept.phrases.map((phrase) => phrase.join(' ')),
  );

describe('detectQuestionType', () => {
  it.each([
    ['What is the treatment approach for ILD with an NSIP pattern?', 'treatment'],
    ['What is the dose of amoxicillin for strep throat?', 'dosing'],
    ['How is giant cell arteritis diagnosed?', 'diagnosis'],
    ['What is the prognosis of IPF?', 'prognosis'],
    ['What causes gout?', 'cause'],
    ['How can influenza be prevented?', 'prevention'],
    ['What are the symptoms of Lyme disease?', 'symptoms'],
    ['What is (are) dopa-responsive dystonia ?', 'definition'],
    ['How many people are affected by CHOPS syndrome ?', 'frequency'],
    ['Is Pseudoachondroplasia inherited ?', 'inheritance'],
    ['What are the genetic changes related to Kallmann syndrome ?', 'genetics'],
    ['Who should be screened for lung cancer?', 'screening'],
    ['How often should TSH be monitored on levothyroxine?', 'monitoring'],
    ['What are the complications of cirrhosis?', 'complications'],
  ])('%s → %s', (question, type) => {
    expect(detectQuestionType(question)).toBe(type);
  });
});

describe('analyzeQuestion', () => {
  it('expands abbreviations both ways', () => {
    expect(phrasesOf('treatment of ILD')).toContain('interstitial lung disease');
    expect(phrasesOf('interstitial lung disease with NSIP')).toEqual(
      expect.arrayContaining(['ild', 'nonspecific interstitial pneumonia']),
    );
    expect(phrasesOf('MMF dosing')).toContain('mycophenolate');
  });

  it('maps brand and generic names', () => {
    expect(phrasesOf('Is Ozempic safe in CKD?')).toEqual(
      expect.arrayContaining(['semaglutide', 'chronic kidney disease']),
    );
    expect(phrasesOf('apixaban reversal')).toContain('eliquis');
  });

  it('adds British and American spellings', () => {
    expect(phrasesOf('anaemia in pregnancy')).toContain('anemia');
    expect(phrasesOf('oesophageal varices')).toContain('esophageal varices'.split(' ')[0]);
    expect(spellingVariants('haemorrhage', variants)).toContain('hemorrhage');
    expect(spellingVariants('hemorrhage', variants)).toContain('haemorrhage');
  });

  it('matches short ambiguous abbreviations only in capitals', () => {
    expect(phrasesOf('treatment of ALL in adults')).not.toContain('all');
    expect(phrasesOf('is it MS or a stroke')).toContain('multiple sclerosis');
    expect(phrasesOf('ms smith has a cough')).not.toContain('multiple sclerosis');
  });

  it('never throws and stays bounded on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12_000 }), (text) => {
        const analysis = analyzeQuestion(text, matcher, variants);
        expect(analysis.concepts.length).toBeLessThanOrEqual(24);
        for (const concept of analysis.concepts)
          for (const phrase of concept.phrases) for (const token of phrase) expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
      }),
      { numRuns: 200 },
    );
  });
});
