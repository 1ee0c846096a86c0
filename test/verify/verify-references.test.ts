import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EutilsClient } from '../../src/ingest/pubmed/eutils-client.js';
import { verifyKnowledgeReferences } from '../../src/serve/cli/verify-knowledge-references.js';
import { titleSimilarity } from '../../src/verify/verify-references.js';
import { FIXTURES, sharedPath } from '../helpers.js';

const EUTILS = sharedPath('data/pubmed-eutils-fixtures/biopython');

/** Replays real E-utilities responses recorded from NCBI, and records the requests. */
function replayServer(requests: URL[], state: { fail: boolean }): Server {
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    if (state.fail) {
      response.writeHead(503).end('busy');
      return;
    }
    const term = url.searchParams.get('term') ?? '';
    const file = url.pathname.endsWith('/esummary.fcgi')
      ? 'esummary1.xml'
      : url.pathname.endsWith('/esearch.fcgi')
        ? term.includes('[doi]')
          ? 'esearch8.xml'
          : 'esearch1.xml'
        : null;
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/xml' }).end(readFileSync(join(EUTILS, file)));
  });
}

describe('kb verify-references against replayed E-utilities responses', () => {
  const requests: URL[] = [];
  const state = { fail: false };
  let server: Server;
  let baseUrl = '';
  beforeAll(async () => {
    server = replayServer(requests, state);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/entrez/eutils`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const client = () => new EutilsClient({ baseUrl, email: 'dev@example.org', minIntervalMs: 0 });

  it('verifies, flags a title mismatch and a missing PMID, finds a PMID by title, and rejects an unknown DOI', async () => {
    let out = '';
    const code = await verifyKnowledgeReferences(join(FIXTURES, 'kb-refs'), client(), {
      json: true,
      out: (text) => (out += text),
    });
    const report = JSON.parse(out) as {
      counts: Record<string, number>;
      checks: Array<{ title: string; verdict: string; pmid?: string; detail: string }>;
    };
    const verdict = (title: string) => report.checks.find((check) => check.title.startsWith(title));
    expect(verdict('Zirconium')).toMatchObject({ verdict: 'verified', pmid: '11850928' });
    expect(verdict('A completely different')).toMatchObject({ verdict: 'mismatch' });
    expect(verdict('A completely different')?.detail).toMatch(/Adverse and beneficial effects of plant extracts/);
    expect(verdict('An article whose PMID')).toMatchObject({ verdict: 'not-found' });
    expect(verdict('Adverse and beneficial')).toMatchObject({ verdict: 'match-found', pmid: '11482001' });
    expect(verdict('An article with a DOI')).toMatchObject({ verdict: 'not-found' });
    expect(code).toBe(1);
    expect(
      requests.every(
        (url) => url.searchParams.get('tool') === 'vesalius' && url.searchParams.get('email') === 'dev@example.org',
      ),
    ).toBe(true);
    expect(
      requests.some(
        (url) => url.pathname.endsWith('/esummary.fcgi') && url.searchParams.get('id') === '11850928,11482001,99999999',
      ),
    ).toBe(true);
  });

  it('prints one readable line per reference and a summary', async () => {
    let out = '';
    await verifyKnowledgeReferences(join(FIXTURES, 'kb-refs'), client(), { json: false, out: (text) => (out += text) });
    expect(out).toMatch(/^ok\s+11850928$/m);
    expect(out).toMatch(/^MISMATCH\s+11482001$/m);
    expect(out).toMatch(/5 references: 1 verified, 1 match-found, 0 unmatched, 1 mismatch, 2 not-found, 0 error\./);
  });

  it('reports an unreachable or failing service per reference with a clear, retryable error', async () => {
    state.fail = true;
    let out = '';
    const code = await verifyKnowledgeReferences(join(FIXTURES, 'kb-refs'), client(), {
      json: true,
      out: (text) => (out += text),
    });
    state.fail = false;
    const report = JSON.parse(out) as { counts: Record<string, number>; checks: Array<{ detail: string }> };
    expect(code).toBe(1);
    expect(report.counts['error']).toBe(5);
    expect(report.checks[0]?.detail).toMatch(/HTTP 503/);
    const offline = new EutilsClient({ baseUrl: 'http://127.0.0.1:9/eutils', minIntervalMs: 0, timeoutMs: 2000 });
    await expect(offline.summaries(['1'])).rejects.toThrow(/Cannot reach PubMed E-utilities/);
  });
});

describe('EutilsClient.citationMatch', () => {
  it('reads the PMID from an ecitmatch answer line', async () => {
    const fetchStub = (async () =>
      new Response('proc natl acad sci u s a|1991|88|3248|mann bj|ref|2014248\n')) as unknown as typeof fetch;
    const client = new EutilsClient({ baseUrl: 'http://127.0.0.1:1', fetch: fetchStub, minIntervalMs: 0 });
    await expect(
      client.citationMatch({
        journal: 'proc natl acad sci u s a',
        year: 1991,
        volume: '88',
        firstPage: '3248',
        author: 'mann bj',
      }),
    ).resolves.toBe('2014248');
  });
});

describe('titleSimilarity', () => {
  it('is 1 for the same words whatever the case and punctuation, low for other titles', () => {
    expect(
      titleSimilarity(
        'Zirconium granuloma following treatment of rhus dermatitis.',
        'zirconium granuloma following treatment of Rhus dermatitis',
      ),
    ).toBe(1);
    expect(titleSimilarity('Zirconium granuloma', 'Plant extracts and skin')).toBeLessThan(0.2);
  });
});
