import { SaxesParser } from 'saxes';
import type { Source } from '../domain/source.js';
import type { IndexUnit } from '../indexing/search-index.js';
import { cleanText } from './clean-text.js';
import { kindFromAbstract, kindFromPublicationTypes } from './infer-study-kind.js';

interface Fields {
  pmid: string;
  title: string;
  journal: string;
  journalAbbreviation: string;
  volume: string;
  issue: string;
  pages: string;
  year: string;
  medlineDate: string;
  doi: string;
  authors: string[];
  abstract: Array<{ label: string; text: string }>;
  publicationTypes: string[];
  mesh: string[];
  keywords: string[];
}

const ARTICLE = 'PubmedArticle/MedlineCitation/Article';
/** Real records nest about a dozen elements deep; far deeper is a hostile or broken file (and would cost time). */
const MAX_DEPTH = 100;

/**
 * Parses one <PubmedArticle> element (as found in efetch responses and the annual
 * baseline files) into a source and its abstract passage. Throws on malformed XML or
 * a record without a PMID; the caller reports it and moves on.
 */
export function parsePubmedArticle(xml: string): IndexUnit {
  const fields: Fields = {
    pmid: '',
    title: '',
    journal: '',
    journalAbbreviation: '',
    volume: '',
    issue: '',
    pages: '',
    year: '',
    medlineDate: '',
    doi: '',
    authors: [],
    abstract: [],
    publicationTypes: [],
    mesh: [],
    keywords: [],
  };
  const parser = new SaxesParser({ position: true });
  const path: string[] = [];
  let text = '';
  let author = { last: '', initials: '', collective: '' };
  let abstractLabel = '';
  let articleIdType = '';
  let failure: Error | undefined;

  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    if (path.length >= MAX_DEPTH)
      throw new Error(`elements nested more than ${MAX_DEPTH} deep: not a PubMed record; skipped`);
    path.push(tag.name);
    const at = path.join('/');
    if (at === `${ARTICLE}/AuthorList/Author`) author = { last: '', initials: '', collective: '' };
    if (at === `${ARTICLE}/Abstract/AbstractText`) {
      const label = tag.attributes['Label'];
      abstractLabel = typeof label === 'string' ? label : '';
    }
    if (at === 'PubmedArticle/PubmedData/ArticleIdList/ArticleId') {
      const type = tag.attributes['IdType'];
      articleIdType = typeof type === 'string' ? type : '';
    }
    // Inline markup (<i>, <sup>, <b>) stays part of the enclosing field's text.
    if (!isInline(tag.name)) text = '';
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', (tag) => {
    const at = path.join('/');
    const value = text.trim();
    if (isInline(tag.name)) {
      path.pop();
      return;
    }
    switch (at) {
      case 'PubmedArticle/MedlineCitation/PMID':
        fields.pmid = value;
        break;
      case `${ARTICLE}/ArticleTitle`:
        fields.title = value;
        break;
      case `${ARTICLE}/Journal/Title`:
        fields.journal = value;
        break;
      case `${ARTICLE}/Journal/ISOAbbreviation`:
        fields.journalAbbreviation = value;
        break;
      case `${ARTICLE}/Journal/JournalIssue/Volume`:
        fields.volume = value;
        break;
      case `${ARTICLE}/Journal/JournalIssue/Issue`:
        fields.issue = value;
        break;
      case `${ARTICLE}/Journal/JournalIssue/PubDate/Year`:
        fields.year = value;
        break;
      case `${ARTICLE}/Journal/JournalIssue/PubDate/MedlineDate`:
        fields.medlineDate = value;
        break;
      case `${ARTICLE}/Pagination/MedlinePgn`:
        fields.pages = value;
        break;
      case `${ARTICLE}/AuthorList/Author/LastName`:
        author.last = value;
        break;
      case `${ARTICLE}/AuthorList/Author/Initials`:
        author.initials = value;
        break;
      case `${ARTICLE}/AuthorList/Author/CollectiveName`:
        author.collective = value;
        break;
      case `${ARTICLE}/AuthorList/Author`: {
        const name = author.collective || [author.last, author.initials].filter(Boolean).join(' ');
        if (name) fields.authors.push(name);
        break;
      }
      case `${ARTICLE}/Abstract/AbstractText`:
        if (value) fields.abstract.push({ label: abstractLabel, text: value });
        break;
      case `${ARTICLE}/PublicationTypeList/PublicationType`:
        fields.publicationTypes.push(value);
        break;
      case 'PubmedArticle/MedlineCitation/MeshHeadingList/MeshHeading/DescriptorName':
        fields.mesh.push(value);
        break;
      case 'PubmedArticle/MedlineCitation/KeywordList/Keyword':
        fields.keywords.push(value);
        break;
      case 'PubmedArticle/PubmedData/ArticleIdList/ArticleId':
        if (articleIdType === 'doi') fields.doi = value;
        break;
      default:
        break;
    }
    path.pop();
    text = '';
  });

  parser.write(xml).close();
  if (failure) throw new Error(`malformed XML: ${failure.message}`);
  if (!/^\d+$/.test(fields.pmid)) throw new Error('record has no MedlineCitation/PMID');
  return toUnit(fields);
}

function isInline(name: string): boolean {
  return name === 'i' || name === 'b' || name === 'u' || name === 'sup' || name === 'sub' || name === 'mml:math';
}

function toUnit(fields: Fields): IndexUnit {
  const abstract = fields.abstract
    .map((part) => (part.label ? `${titleCase(part.label)}: ${cleanText(part.text)}` : cleanText(part.text)))
    .join('\n');
  const typeKind = kindFromPublicationTypes(fields.publicationTypes);
  const yearText = fields.year || /\d{4}/.exec(fields.medlineDate)?.[0] || '';
  const source: Source = {
    id: fields.pmid,
    kind:
      typeKind === 'other' || typeKind === 'observational-study' ? preferAbstractKind(typeKind, abstract) : typeKind,
    origin: 'pubmed',
    title: cleanText(fields.title).replace(/\.$/, '') || `PMID ${fields.pmid}`,
    authors: fields.authors.length > 6 ? [...fields.authors.slice(0, 6), 'et al.'] : fields.authors,
    pmid: fields.pmid,
    url: `https://pubmed.ncbi.nlm.nih.gov/${fields.pmid}/`,
  };
  if (fields.journal || fields.journalAbbreviation) source.journal = fields.journal || fields.journalAbbreviation;
  if (yearText) source.year = Number(yearText);
  if (fields.volume) source.volume = fields.volume;
  if (fields.issue) source.issue = fields.issue;
  if (fields.pages) source.pages = fields.pages;
  if (fields.doi.startsWith('10.')) source.doi = fields.doi;
  const passages = abstract
    ? [
        {
          id: fields.pmid,
          sourceId: fields.pmid,
          section: 'Abstract',
          text: abstract,
          ord: 0,
          citations: [fields.pmid],
          answers: [],
          title: source.title,
          keywords: [...fields.mesh, ...fields.keywords].join('; '),
          ...(source.year === undefined ? {} : { year: source.year }),
        },
      ]
    : [];
  return { source, passages };
}

/** A "Comparative Study" may still be randomized: trust a clear design statement in the abstract. */
function preferAbstractKind(typeKind: Source['kind'], abstract: string): Source['kind'] {
  const guessed = kindFromAbstract(abstract);
  return guessed === 'other' ? typeKind : guessed;
}

function titleCase(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1).toLowerCase();
}
