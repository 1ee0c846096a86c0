import { useSyncExternalStore } from 'react';
import { followedReference, onCitationFollowed, returnToCitation } from '../lib/citation-return';
import { EVIDENCE_LEVEL_LABELS, doiUrl, formatAuthors, pubmedUrl, safeHttpUrl } from '../lib/format';
import type { Reference } from '../lib/types';

function withStop(text: string): string {
  return /[.?!]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

export function ReferenceItem({ reference, id }: { reference: Reference; id: string }) {
  const followed = useSyncExternalStore(onCitationFollowed, followedReference, () => null);
  const authors = formatAuthors(reference.authors);
  const url = safeHttpUrl(reference.url);
  const links: Array<{ href: string; label: string; name: string }> = [];
  if (reference.pmid)
    links.push({
      href: pubmedUrl(reference.pmid),
      label: 'PubMed',
      name: `PubMed record for reference ${reference.n}`,
    });
  if (reference.doi)
    links.push({ href: doiUrl(reference.doi), label: 'DOI', name: `DOI for reference ${reference.n}` });
  // Every identifier as a link; the source's own page too when it is not one of them.
  if (url && !links.some((link) => link.href === url) && !/pubmed\.ncbi|doi\.org/.test(url))
    links.push({
      href: url,
      label: links.length > 0 ? 'Publisher' : 'Source',
      name: `Source of reference ${reference.n}`,
    });
  const detail =
    reference.volume || reference.pages
      ? `;${reference.volume ?? ''}${reference.volume && reference.issue ? `(${reference.issue})` : ''}${reference.pages ? `:${reference.pages}` : ''}`
      : '';

  return (
    <li id={id} value={reference.n} className="reference" data-testid="reference" tabIndex={-1}>
      <span className="reference-title">{withStop(reference.title)}</span>
      {authors && <span className="reference-authors"> {withStop(authors)}</span>}
      {(reference.journal || reference.year) && (
        <span className="reference-journal">
          {' '}
          {reference.journal && <cite>{reference.journal}</cite>}
          {reference.journal && reference.year ? ', ' : ''}
          {reference.year ?? ''}
          {detail}.
        </span>
      )}{' '}
      <span
        className={`evidence-badge level-${reference.evidenceLevel.toLowerCase()}`}
        title={EVIDENCE_LEVEL_LABELS[reference.evidenceLevel]}
      >
        Level {reference.evidenceLevel}
        <span className="visually-hidden">: {EVIDENCE_LEVEL_LABELS[reference.evidenceLevel]}</span>
      </span>
      {links.length > 0 && (
        <span className="reference-links">
          {links.map((link) => (
            <a key={link.label} href={link.href} target="_blank" rel="noopener noreferrer" aria-label={link.name}>
              {link.label}
              <span className="print-url"> {link.href}</span>
            </a>
          ))}
        </span>
      )}
      {followed === id && (
        <button type="button" className="link-button back-to-text" onClick={returnToCitation}>
          ↩ Back to text
        </button>
      )}
    </li>
  );
}
