import { describe, expect, it } from 'vitest';
import type { Reference } from '../../src/domain/article.js';
import {
  articleToMarkdown,
  articleToText,
  referencesToRis,
  type RenderableArticle,
} from '../../src/text/render-article.js';

const reference: Reference = {
  n: 1,
  sourceId: 'kb-ref-1',
  title: 'A trial\r\nER  - \r\nTY  - JOUR',
  authors: ['Smith J', 'Jones K'],
  journal: 'N Engl J Med',
  year: 2020,
  pmid: '12345678',
  doi: '10.1056/example',
  url: null,
  volume: '382',
  issue: '4',
  pages: '301-310',
  evidenceLevel: 'A',
  kind: 'rct',
};

const article: RenderableArticle = {
  question: 'How is gout treated?',
  status: 'answered',
  questionType: 'treatment',
  title: 'Treatment of gout',
  alert: null,
  bottomLine: { text: 'Colchicine, an NSAID or a steroid.', citations: [2, 1] },
  sections: [{ heading: 'Flares', bullets: [{ text: 'Start early.', citations: [1], evidence: [], grade: 'Strong' }] }],
  references: [reference, { ...reference, n: 2, title: 'Guideline', volume: undefined, pages: undefined }],
  audience: 'physician',
  reviewStatus: 'approved',
  reviewedBy: { name: 'Dr Ada', credentials: 'MD', date: '2026-12-01' },
  lastUpdated: '2026-12-06',
  disclaimer: 'For professionals.',
  topics: ['gout'],
  permalink: 'https://vesalius.example/a/abc',
};

describe('the one article renderer', () => {
  it('writes Markdown with sorted citation marks, grades, full bibliographic detail, review and permalink', () => {
    const markdown = articleToMarkdown(article);
    expect(markdown).toContain('Colchicine, an NSAID or a steroid. [1][2]');
    expect(markdown).toContain('- Start early. [1] (Strong)');
    expect(markdown).toContain('N Engl J Med, 2020;382(4):301-310. PMID 12345678; doi:10.1056/example.');
    expect(markdown).toContain('Approved · reviewed by Dr Ada, MD on 2026-12-01');
    expect(markdown).toContain('Permalink: https://vesalius.example/a/abc');
  });

  it('writes plain text as the same content without Markdown marks', () => {
    const text = articleToText(article);
    expect(text).not.toMatch(/^#|\*Question/m);
    expect(text).toContain('Permalink: https://vesalius.example/a/abc');
  });

  it('writes RIS with volume, issue and pages, and a line break in a title cannot forge a record', () => {
    const ris = referencesToRis(article);
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(2);
    expect(ris.match(/^ER {2}- /gm)).toHaveLength(2);
    expect(ris).toContain('VL  - 382\r\nIS  - 4\r\nSP  - 301\r\nEP  - 310');
    expect(ris).toContain('TI  - A trial ER  - TY  - JOUR');
  });

  it('shows source text in Markdown as text: no raw HTML, no links, no terminal escapes', () => {
    const hostile = {
      ...article,
      title: 'Gout <img src=x onerror=alert(1)> [click](javascript:alert(1)) \u001b]0;owned\u0007',
    };
    const markdown = articleToMarkdown(hostile);
    expect(markdown).not.toContain('<img');
    // The brackets are escaped, so no Markdown viewer makes a link of it.
    expect(markdown).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(markdown).toContain('\\[click\\](javascript:');
    expect(markdown).toContain('&lt;img');
    expect(markdown).not.toContain('\u001b');
    expect(articleToText(hostile)).not.toContain('\u001b');
  });
});
