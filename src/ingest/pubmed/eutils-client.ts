import { VesaliusError } from '../../domain/errors.js';
import { childNamed, childrenNamed, readXmlTree, type XmlElement } from '../read-xml-tree.js';

export interface EutilsOptions {
  /** Base URL, e.g. https://eutils.ncbi.nlm.nih.gov/entrez/eutils (a local replay server in tests). */
  baseUrl: string;
  apiKey?: string;
  tool?: string;
  email?: string;
  timeoutMs?: number;
  /** Minimum pause between requests (NCBI allows 3/s without a key, 10/s with one). */
  minIntervalMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface Summary {
  pmid: string;
  title: string;
  journal: string;
  year: number | null;
  volume: string;
  pages: string;
  doi: string | null;
  authors: string[];
}

/**
 * A small client for NCBI E-utilities (esummary, esearch, ecitmatch). Responses are
 * treated as untrusted: parsed, then checked field by field.
 */
export class EutilsClient {
  private last = 0;

  constructor(private readonly options: EutilsOptions) {}

  async summaries(pmids: string[]): Promise<Map<string, Summary>> {
    const found = new Map<string, Summary>();
    for (let start = 0; start < pmids.length; start += 200) {
      const batch = pmids.slice(start, start + 200);
      const xml = await this.get('esummary.fcgi', { db: 'pubmed', id: batch.join(','), retmode: 'xml' });
      for (const summary of parseSummaries(xml)) found.set(summary.pmid, summary);
    }
    return found;
  }

  async search(term: string, retmax = 5): Promise<string[]> {
    const xml = await this.get('esearch.fcgi', { db: 'pubmed', term, retmax: String(retmax) });
    const result = childNamed(readResponse(xml, 'esearch'), 'eSearchResult');
    return childrenNamed(childNamed(result, 'IdList'), 'Id')
      .map((id) => id.text)
      .filter((id) => /^\d+$/.test(id));
  }

  /** Citation matching: journal|year|volume|first page|first author → PMID, or null. */
  async citationMatch(citation: {
    journal: string;
    year: number;
    volume: string;
    firstPage: string;
    author: string;
  }): Promise<string | null> {
    const key = 'ref';
    const bdata = [citation.journal, citation.year, citation.volume, citation.firstPage, citation.author, key, '']
      .map((part) => String(part).replace(/[|\r\n]/g, ' '))
      .join('|');
    const text = await this.get('ecitmatch.cgi', { db: 'pubmed', retmode: 'xml', bdata });
    const line = text.split('\n').find((row) => row.includes(`|${key}|`));
    const pmid = line?.split('|').pop()?.trim() ?? '';
    return /^\d+$/.test(pmid) ? pmid : null;
  }

  private async get(utility: string, params: Record<string, string>): Promise<string> {
    const {
      baseUrl,
      apiKey,
      tool = 'vesalius',
      email,
      timeoutMs = 15_000,
      minIntervalMs = apiKey ? 110 : 350,
    } = this.options;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
    const wait = this.last + minIntervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    this.last = Date.now();
    const url = new URL(`${baseUrl.replace(/\/+$/, '')}/${utility}`);
    for (const [name, value] of Object.entries({
      ...params,
      tool,
      ...(email ? { email } : {}),
      ...(apiKey ? { api_key: apiKey } : {}),
    }))
      url.searchParams.set(name, value);
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new VesaliusError(
        'SOURCE_UNAVAILABLE',
        `Cannot reach PubMed E-utilities at ${baseUrl} (${(error as Error).message}). Check the network connection, or set VESALIUS_EUTILS_URL.`,
        { retryable: true, cause: error },
      );
    }
    if (!response.ok) {
      throw new VesaliusError(
        'SOURCE_UNAVAILABLE',
        `PubMed E-utilities answered HTTP ${response.status} for ${utility}. Try again later${apiKey ? '' : ', or set NCBI_API_KEY for a higher rate limit'}.`,
        { retryable: response.status === 429 || response.status >= 500 },
      );
    }
    return response.text();
  }
}

function parseSummaries(xml: string): Summary[] {
  const root = childNamed(readResponse(xml, 'esummary'), 'eSummaryResult');
  const summaries: Summary[] = [];
  for (const doc of childrenNamed(root, 'DocSum')) {
    const pmid = childNamed(doc, 'Id')?.text ?? '';
    if (!/^\d+$/.test(pmid)) continue;
    const items = childrenNamed(doc, 'Item');
    const item = (name: string) => items.find((entry) => entry.attributes['Name'] === name);
    const text = (name: string) => item(name)?.text ?? '';
    const list = (name: string): XmlElement[] => childrenNamed(item(name), 'Item');
    const year = /\d{4}/.exec(text('PubDate'))?.[0];
    summaries.push({
      pmid,
      title: text('Title'),
      journal: text('Source') || text('FullJournalName'),
      year: year ? Number(year) : null,
      volume: text('Volume'),
      pages: text('Pages'),
      doi: list('ArticleIds').find((entry) => entry.attributes['Name'] === 'doi')?.text || text('DOI') || null,
      authors: list('AuthorList')
        .map((entry) => entry.text)
        .filter(Boolean),
    });
  }
  return summaries;
}

/** An E-utilities response as a tree; malformed XML is the service's fault, said so. */
function readResponse(xml: string, utility: string): XmlElement {
  try {
    return readXmlTree(xml);
  } catch (error) {
    throw new VesaliusError(
      'SOURCE_UNAVAILABLE',
      `PubMed E-utilities sent a malformed ${utility} response (${(error as Error).message}). Try again later.`,
      { retryable: true, cause: error },
    );
  }
}
