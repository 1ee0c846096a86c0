import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { errorMessage } from '../lib/api';
import { loadPassage, passageForReference } from '../lib/passages';
import type { PassageResponse, Reference } from '../lib/types';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; found: PassageResponse | undefined }
  | { kind: 'error'; message: string };

interface CitationPopoverProps {
  id: string;
  n: number;
  reference: Reference | undefined;
  evidence: string[];
}

const MARGIN = 8;

/** The exact passage behind a citation, fetched when first shown. */
export function CitationPopover({ id, n, reference, evidence }: CitationPopoverProps) {
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

  const citation = reference
    ? [reference.title, [reference.journal, reference.year].filter(Boolean).join(', ')].filter(Boolean).join('. ')
    : `Reference ${n}`;

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
      {state.kind === 'ready' && state.found && (
        <>
          <span className="popover-label">Cited passage</span>
          <span className="popover-quote">{state.found.passage.text}</span>
        </>
      )}
      <span className="popover-source">
        <span className="popover-n">[{n}]</span> {citation}
      </span>
      {state.kind === 'ready' && state.found?.source && state.found.source.title !== reference?.title && (
        <span className="popover-muted">
          From: {state.found.source.title}
          {state.found.passage.section ? ` · ${state.found.passage.section}` : ''}
        </span>
      )}
    </span>
  );
}
