import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { errorMessage } from '../lib/api';
import { loadPassage, passageForReference } from '../lib/passages';
import { bibliographic } from '../../../../text/render-article.js';
import type { PassageResponse, Reference } from '../lib/types';
import { isTopicSourceId } from '../../../../domain/ids.js';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; found: PassageResponse | undefined }
  | { kind: 'error'; message: string };

interface CitationPopoverProps {
  id: string;
  n: number;
  reference: Reference | undefined;
  evidence: string[];
  /** The statement the citation follows: its passage is not repeated back to the reader. */
  statement?: string;
  grade?: string;
}

const MARGIN = 8;

const REVIEW_WORDS = { submitted: 'submitted for review', under_review: 'under review', approved: 'approved' } as const;

/** The exact passage behind a citation, fetched when first shown. */
export function CitationPopover({ id, n, reference, evidence, statement, grade }: CitationPopoverProps) {
  const [state, setState] = useState<State>(
    evidence.length > 0 ? { kind: 'loading' } : { kind: 'ready', found: undefined },
  );
  const [shift, setShift] = useState(0);
  const box = useRef<HTMLSpanElement>(null);
  const evidenceKey = evidence.join('\n');

  useEffect(() => {
    const ids = evidenceKey ? evidenceKey.split('\n') : [];
    if (ids.length === 0) return;
    let live = true;
    Promise.all(ids.map(loadPassage))
      .then((passages) => live && setState({ kind: 'ready', found: passageForReference(passages, reference) }))
      .catch((error: unknown) => live && setState({ kind: 'error', message: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, [evidenceKey, reference]);

  // Keep the popover inside the viewport horizontally (no sideways scrolling on phones).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the popover is measured again whenever its content (state) changes
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const rect = element.getBoundingClientRect();
    const left = rect.left - shift;
    const right = rect.right - shift;
    const width = document.documentElement.clientWidth;
    let next = 0;
    if (right > width - MARGIN) next = width - MARGIN - right;
    if (left + next < MARGIN) next = MARGIN - left;
    if (next !== shift) setShift(next);
  }, [state, shift]);

  const publication = reference
    ? [
        reference.title.replace(/\.$/, ''),
        [reference.journal, reference.year].filter(Boolean).join(', ') + bibliographic(reference),
        [reference.pmid ? `PMID ${reference.pmid}` : '', reference.doi ? `doi:${reference.doi}` : '']
          .filter(Boolean)
          .join(' · '),
      ]
        .filter(Boolean)
        .join('. ')
    : `Reference ${n}`;
  const found = state.kind === 'ready' ? state.found : undefined;
  const fromKnowledgeBase = found ? isTopicSourceId(found.passage.id) : false;
  // A statement quoted back to itself says nothing: show the passage only when it adds something.
  const repeats = found && statement?.includes(found.passage.text);
  const review = found?.topicReview;

  return (
    <span
      ref={box}
      id={id}
      role="tooltip"
      className="citation-popover"
      data-testid="citation-popover"
      style={shift ? { transform: `translateX(${shift}px)` } : undefined}
    >
      {state.kind === 'loading' && <span className="popover-muted">Loading the cited passage…</span>}
      {state.kind === 'error' && (
        <span className="popover-muted">The cited passage could not be loaded: {state.message}</span>
      )}
      {found && !repeats && (
        <>
          <span className="popover-label">
            Cited passage{found.passage.section ? ` · ${found.passage.section}` : ''}
          </span>
          <span className="popover-quote">{found.passage.text}</span>
        </>
      )}
      {found && fromKnowledgeBase && (
        <span className="popover-muted">
          Knowledge-base statement · {found.passage.title}
          {found.passage.section ? ` · ${found.passage.section}` : ''}
        </span>
      )}
      <span className="popover-source">
        <span className="popover-n">[{n}]</span> {publication}
      </span>
      {grade && <span className="popover-muted">Grade: {grade}</span>}
      {found && fromKnowledgeBase && review !== undefined && (
        <span className="popover-muted" data-testid="popover-review">
          {review === null
            ? 'Topic not yet submitted for review'
            : review.reviewStatus === 'approved' && review.reviewedBy
              ? `Topic reviewed by ${review.reviewedBy.name}, ${review.reviewedBy.credentials} on ${review.reviewedBy.date}`
              : `Topic ${REVIEW_WORDS[review.reviewStatus]}`}
        </span>
      )}
      {found && !fromKnowledgeBase && found.source && found.source.title !== reference?.title && (
        <span className="popover-muted">From: {found.source.title}</span>
      )}
    </span>
  );
}
