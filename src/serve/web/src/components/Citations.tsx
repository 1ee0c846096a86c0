import type { KeyboardEvent } from 'react';
import type { Reference } from '../lib/types';
import { CitationLink } from './CitationLink';

interface CitationsProps {
  citations: number[];
  evidence: string[];
  references: Map<number, Reference>;
  refPrefix: string;
  /** The statement the markers follow, and its grade, for the popover. */
  statement?: string;
  grade?: string;
}

/** The citation markers after a statement. */
export function Citations({ citations, evidence, references, refPrefix, statement, grade }: CitationsProps) {
  // One tab stop per statement; the arrow keys move between its markers (a roving tab index).
  const onKeyDown = (event: KeyboardEvent<HTMLSpanElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a.citation-link')];
    const at = links.indexOf(event.target as HTMLAnchorElement);
    const next = links[at + (event.key === 'ArrowRight' ? 1 : -1)];
    if (at < 0 || !next) return;
    event.preventDefault();
    next.focus();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move between the citation links it holds (roving focus)
    <span className="citations" onKeyDown={onKeyDown}>
      {[...citations]
        .sort((a, b) => a - b)
        .map((n, index) => (
          <CitationLink
            key={n}
            n={n}
            reference={references.get(n)}
            evidence={evidence}
            targetId={`${refPrefix}ref-${n}`}
            tabIndex={index === 0 ? 0 : -1}
            {...(statement === undefined ? {} : { statement })}
            {...(grade === undefined ? {} : { grade })}
          />
        ))}
    </span>
  );
}
