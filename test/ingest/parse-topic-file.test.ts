import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopicFile, referenceSourceId } from '../../src/ingest/parse-topic-file.js';
import { FIXTURES } from '../helpers.js';

const FILE = join(FIXTURES, 'kb/pulmonology/test-nsip.md');
const VALID = readFileSync(FILE, 'utf8');

function errorsOf(content: string, file = FILE): string[] {
  return parseTopicFile(file, content)
    .problems.filter((problem) => problem.severity === 'error')
    .map((problem) => `${problem.location}: ${problem.message}`);
}

describe('parseTopicFile', () => {
  it('turns a valid topic into a topic, its statements and the publications they cite', () => {
    const parsed = parseTopicFile(FILE, VALID);
    expect(parsed.problems).toEqual([]);
    const unit = parsed.unit!;
    expect(unit.topic).toMatchObject({
      id: 'test-nsip',
      specialty: 'pulmonology',
      reviewStatus: 'submitted',
      updated: '2026-01-15',
    });
    expect(unit.source.id).toBe('kb:test-nsip');
    expect(unit.passages.map((passage) => passage.section)).toEqual([
      'Summary',
      'First-line therapy',
      'Monitoring',
      'Patient summary',
    ]);
    const monitoring = unit.passages[2]!;
    expect(monitoring.citations).toHaveLength(2);
    expect(monitoring.answers).toContain('monitoring');
    expect(unit.passages[1]?.grade).toEqual({ strength: 'conditional', evidence: 'moderate' });
    expect(unit.citedSources?.map((source) => source.kind).sort()).toEqual(['guideline', 'randomized-trial']);
  });

  it('gives one publication the same id in every topic', () => {
    expect(referenceSourceId({ title: 'A Trial: of Things', year: 2020 })).toMatch(
      /^ref:a-trial-of-things-2020-[0-9a-f]{8}$/,
    );
    expect(referenceSourceId({ title: 'a trial of things', year: 2020 })).toBe(
      referenceSourceId({ title: 'A Trial: of Things', year: 2020 }),
    );
    // Two titles sharing a long beginning stay two publications (they merged when ids were cut at 80 characters).
    const stem = '2023 American College of Rheumatology/American College of Chest Physicians Guideline for the ';
    expect(referenceSourceId({ title: `${stem}Treatment of Interstitial Lung Disease`, year: 2024 })).not.toBe(
      referenceSourceId({ title: `${stem}Screening and Monitoring of Interstitial Lung Disease`, year: 2024 }),
    );
    expect(referenceSourceId({ id: 'ash-2018-vte', title: 'x', year: 2018 })).toBe('ref:ash-2018-vte');
    expect(referenceSourceId({ pmid: '123', title: 'x', year: 2020 })).toBe('123');
    expect(referenceSourceId({ doi: '10.1000/ABC', title: 'x', year: 2020 })).toBe('doi:10.1000/abc');
  });

  it('rejects a statement without a reference', () => {
    expect(
      errorsOf(
        VALID.replace('every 3 to 6 months to detect progression. [@raghu-2022; @sls-ii]', 'every 3 to 6 months.'),
      ),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/statement without a reference/)]));
  });

  it('rejects a citation of an undefined reference and a reference nobody cites', () => {
    const errors = errorsOf(
      VALID.replace('[@sls-ii] {strength', '[@nobody] {strength').replace('[@raghu-2022; @sls-ii]', '[@raghu-2022]'),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unknown reference "@nobody"/),
        expect.stringMatching(/"sls-ii" is not cited/),
      ]),
    );
  });

  it('rejects duplicate reference keys, missing fields, bad identifiers and unknown headings', () => {
    expect(errorsOf(VALID.replace('key: raghu-2022', 'key: sls-ii'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/duplicate reference key "sls-ii"/)]),
    );
    expect(errorsOf(VALID.replace('specialty: pulmonology\n', ''))).toEqual(
      expect.arrayContaining([expect.stringMatching(/specialty/)]),
    );
    expect(errorsOf(VALID.replace('    pages: "708-719"', '    pages: "708-719"\n    pmid: "27A1"'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/PMID must be digits/)]),
    );
    expect(errorsOf(VALID.replace('    pages: "708-719"', '    pages: "708-719"\n    doi: "11.1016/x"'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/DOI must look like 10\./)]),
    );
    expect(errorsOf(VALID.replace('## Monitoring', '## Follow up'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/unknown section heading/)]),
    );
    expect(errorsOf(VALID, '/x/other-name.md')).toEqual(
      expect.arrayContaining([expect.stringMatching(/does not match the file name/)]),
    );
    expect(errorsOf('no front matter')).toEqual([expect.stringMatching(/no YAML front matter/)]);
  });

  it('rejects a dose without a unit but accepts counts and units', () => {
    expect(errorsOf(VALID.replace('1,500 mg twice daily', '1,500 twice daily'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/dose without a unit: "1,500 twice"/)]),
    );
    expect(errorsOf(VALID.replace('1,500 mg twice daily', '2 puffs twice daily'))).toEqual([]);
    expect(errorsOf(VALID.replace('1,500 mg twice daily', '1 tablet 3 times daily'))).toEqual([]);
  });

  it('rejects prose outside statements', () => {
    expect(errorsOf(VALID.replace('## Monitoring\n', '## Monitoring\nSome loose prose.\n'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/text outside a statement/)]),
    );
  });
});

describe('drug monographs', () => {
  const DRUG = readFileSync(join(FIXTURES, '../../knowledge/drugs/loratadine.md'), 'utf8');
  const drugFile = join(FIXTURES, 'kb/drugs/loratadine.md');

  it('reads a drug monograph: kind, generic, brands by market, class, OTC status and brand names as keywords', () => {
    const parsed = parseTopicFile(drugFile, DRUG);
    expect(parsed.problems).toEqual([]);
    const topic = parsed.unit!.topic!;
    expect(topic.kind).toBe('drug');
    expect(topic.drug).toMatchObject({
      generic: 'loratadine',
      otc: true,
      brands: { us: ['Claritin', 'Alavert'], uk: ['Clarityn'] },
    });
    expect(parsed.unit!.passages[0]!.keywords).toMatch(/Clarityn/);
    expect(parsed.unit!.passages.some((passage) => passage.section === 'Breastfeeding')).toBe(true);
  });

  it('requires the drug fields and warns when a core section is missing', () => {
    expect(errorsOf(DRUG.replace(/^generic: .*\n/m, ''), drugFile)).toEqual(
      expect.arrayContaining([expect.stringMatching(/needs "generic"/)]),
    );
    const withoutBreastfeeding = DRUG.replace(/## Breastfeeding\n(- .*\n)+/, '');
    const warnings = parseTopicFile(
      drugFile,
      withoutBreastfeeding.replace(/ \[@lactmed-loratadine; @eaaci-2022\]/, ' [@eaaci-2022]'),
    )
      .problems.filter((problem) => problem.severity === 'warning')
      .map((problem) => problem.message);
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/"## Breastfeeding"/)]));
  });
});
