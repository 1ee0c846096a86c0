import { useEffect, useId, useRef, useState } from 'react';
import type { Reference } from '../lib/types';
import { rememberCitation } from '../lib/citation-return';
import { CitationPopover } from './CitationPopover';

interface CitationLinkProps {
  n: number;
  reference: Reference | undefined;
  /** Passage ids behind the statement; the popover shows the one matching this reference. */
  evidence: string[];
  /** The id of the reference list entry, e.g. "ref-3". */
  targetId: string;
  statement?: string;
  grade?: string;
  /** -1 for all but a statement's first marker: one tab stop per statement. */
  tabIndex?: number;
}

/** A superscript [n] that jumps to the reference and, on hover or focus, shows the cited passage. */
export function CitationLink({ n, reference, evidence, targetId, statement, grade, tabIndex = 0 }: CitationLinkProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const closeTimer = useRef<number | undefined>(undefined);
  const popoverId = useId();
  const anchorId = `cite-${useId().replace(/[^\w-]/g, '')}`;
  const open = (hovered || focused) && !dismissed;

  useEffect(() => () => window.clearTimeout(closeTimer.current), []);

  // Escape dismisses the popover wherever focus is (WCAG 1.4.13).
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDismissed(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const enter = () => {
    window.clearTimeout(closeTimer.current);
    setHovered(true);
    setDismissed(false);
  };
  const leave = () => {
    window.clearTimeout(closeTimer.current);
    closeTimer.current = window.setTimeout(() => setHovered(false), 150);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover only delays the popover; the link inside opens it by focus and keyboard
    <span className="citation" onMouseEnter={enter} onMouseLeave={leave}>
      <sup>
        <a
          href={`#${targetId}`}
          className="citation-link"
          tabIndex={tabIndex}
          data-testid="citation"
          aria-label={`Reference ${n}`}
          aria-describedby={open ? popoverId : undefined}
          onFocus={() => {
            setFocused(true);
            setDismissed(false);
          }}
          onBlur={() => setFocused(false)}
          id={anchorId}
          onClick={() => {
            rememberCitation(anchorId, targetId);
            document.getElementById(targetId)?.focus({ preventScroll: true });
          }}
        >
          [{n}]
        </a>
      </sup>
      {open && (
        <CitationPopover
          id={popoverId}
          n={n}
          reference={reference}
          evidence={evidence}
          {...(statement === undefined ? {} : { statement })}
          {...(grade === undefined ? {} : { grade })}
        />
      )}
    </span>
  );
}
